"""The roles' group names, importable anywhere (the AppConfig registries read them before the models
are loaded); what each role may do is in nakertrans.roles and the apps' ``izin_peran``."""

ADMIN = "Admin"
OPERATOR = "Operator"
KEPALA_UNIT = "Kepala Unit"
KEPALA_DINAS = "Kepala Dinas"
INSPEKTORAT = "Inspektorat"
