"""The roles' group names, importable anywhere (the AppConfig registries read them before the models
are loaded); what each role may do is in nakertrans.roles and the apps' ``izin_peran``.

Roles of a perangkat daerah (held by a user of that office) and roles of the kabupaten (held by a user
of no office) are never mixed on one account."""

# Within an office.
ADMIN_OPD = "Admin OPD"
OPERATOR = "Operator"
KEPALA_UNIT = "Kepala Unit"
KEPALA_OPD = "Kepala OPD"

# Across the kabupaten.
ADMIN_KABUPATEN = "Admin Kabupaten"
BAPPEDA = "Bappeda"
INSPEKTORAT = "Inspektorat"
PIMPINAN = "Pimpinan"

PERAN_KABUPATEN = frozenset({ADMIN_KABUPATEN, BAPPEDA, INSPEKTORAT, PIMPINAN})
