"""Roles are Django groups with permission codenames.

Each app declares, in its AppConfig, which permissions each role gets (``izin_peran``), so a lower
app never needs to know the permissions of a higher one. ``pasang_peran`` makes the groups match.
"""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import transaction

ADMIN = "Admin"
OPERATOR = "Operator"
KEPALA_UNIT = "Kepala Unit"
KEPALA_DINAS = "Kepala Dinas"
INSPEKTORAT = "Inspektorat"


@dataclass(frozen=True)
class Peran:
    kode: str
    grup: str
    nama: str


# In order of precedence: a user in several groups is shown the home page of the first.
PERAN = [
    Peran("admin", ADMIN, "Admin (Perencana)"),
    Peran("kepala_dinas", KEPALA_DINAS, "Kepala Dinas"),
    Peran("kepala_unit", KEPALA_UNIT, "Kepala Unit"),
    Peran("operator", OPERATOR, "Operator Unit Kerja"),
    Peran("inspektorat", INSPEKTORAT, "Inspektorat"),
]


def peran_pengguna(user):
    """The user's main role, or None for a login that has no role yet."""
    if not user.is_authenticated:
        return None
    grup = {g.name for g in user.groups.all()}
    return next((peran for peran in PERAN if peran.grup in grup), None)


def _izin_dari_pola(pola, semua_izin):
    """'app.codename', 'app.view_*' (a prefix) or 'app.*' (every permission of the app)."""
    app_label, _, codename = pola.partition(".")
    if codename.endswith("*"):
        awalan = codename[:-1]
        return [
            izin
            for (label, kode), izin in semua_izin.items()
            if label == app_label and kode.startswith(awalan)
        ]
    izin = semua_izin.get((app_label, codename))
    if izin is None:
        raise LookupError(f"Izin {pola} tidak dikenal.")
    return [izin]


@transaction.atomic
def pasang_peran():
    """Create the role groups and give each exactly the permissions the apps declare for it."""
    semua_izin = {
        (izin.content_type.app_label, izin.codename): izin
        for izin in Permission.objects.select_related("content_type")
    }
    izin_grup = {peran.grup: set() for peran in PERAN}
    for config in apps.get_app_configs():
        for grup, daftar_pola in getattr(config, "izin_peran", {}).items():
            for pola in daftar_pola:
                izin_grup[grup].update(_izin_dari_pola(pola, semua_izin))
    for nama_grup, izin in izin_grup.items():
        grup, _ = Group.objects.get_or_create(name=nama_grup)
        if set(grup.permissions.all()) != izin:
            grup.permissions.set(izin)


def pasang_peran_setelah_migrasi(sender, **kwargs):
    # Permissions of every app exist only after the last app's post_migrate (sent only to apps
    # that have a models module).
    dengan_model = [config for config in apps.get_app_configs() if config.models_module is not None]
    if sender is dengan_model[-1]:
        pasang_peran()
