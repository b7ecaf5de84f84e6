"""Roles are Django groups with permission codenames.

Each app declares, in its AppConfig, which permissions each role gets (``izin_peran``), so a lower
app never needs to know the permissions of a higher one. ``pasang_peran`` makes the groups match.

Roles of an office (Admin OPD, Kepala OPD, Kepala Unit, Operator) are held by a user of that office;
roles of the kabupaten (Admin Kabupaten, Bappeda, Inspektorat, Pimpinan) by a user of no office
(``alasan_tolak_lingkup``). What a role may do in an office it may do in its own office only: the
fetch-and-authorize helpers and the query functions narrow everything to the user's office.

Separation of duties: an administrator manages accounts but must never be able to approve in the
Kepala OPD's name. The rules, for an acting user who is not a superuser (a superuser may do all of it,
and what a superuser does is written to the audit log all the same):

- Superuser status and single (direct) permissions of an account: only a superuser changes them, and
  only a superuser changes or deletes a superuser's account.
- Roles: an administrator grants and removes only ``peran_bebas(pelaku)``. The Admin OPD: Operator,
  and Kepala Unit while the Kepala Unit's review (``SAKIP_TINJAUAN_KEPALA_UNIT``) is off, within their
  office. The Admin Kabupaten: those, the kabupaten's readers (Bappeda, Inspektorat, Pimpinan) and the
  Admin OPD of an office (Bagian Organisasi creates each office's first administrator). Kepala OPD,
  Kepala Unit while the review is on, Admin Kabupaten (managing accounts is itself an authority: an
  admin who could take the role from another could then set that account's password), Admin OPD for
  an office's own admin, and any group a superuser has created are granted and removed by a superuser
  only, on every path (the user's change and add forms; the group admin, where only a superuser
  changes anything; the bulk actions). Nobody but a superuser changes their own roles.
- Moving an account to another office (``alasan_tolak_pindah``) takes its roles in one office and
  gives them in another: it is allowed to who may grant each of them, so the approving roles are a
  superuser's to give in every office.
- Another official (``pejabat_lain``) is an account other than the acting user's that is a superuser
  or holds any role besides those with no authority (``PERAN_HARIAN``: Operator and the kabupaten's
  readers): Kepala OPD, Kepala Unit (whatever the review setting: a password learnt while the review
  is off would still work once it is switched on), an admin, or a group a superuser created. Only a
  superuser sets another official's password or changes their active and staff flags. Everybody
  changes their own password on the normal password page; an administrator sets the password of new
  accounts and of operators.
- Accounts of officials (``adalah_pejabat``) are not deleted through the admin, by anyone: they are
  deactivated, so their audit trail stays whole.

Written to ``CatatanAudit``, in the transaction of the change: every grant or removal of a role other
than those of ``PERAN_HARIAN``, every change of an account's office, every change of superuser status
or of single permissions, every password set through the admin for an official, every change or
deletion of a group's permissions.
"""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q

from nakertrans.models import CatatanAudit
from nakertrans.peran import (
    ADMIN_KABUPATEN,
    ADMIN_OPD,
    BAPPEDA,
    INSPEKTORAT,
    KEPALA_OPD,
    KEPALA_UNIT,
    OPERATOR,
    PERAN_KABUPATEN,
    PIMPINAN,
)


@dataclass(frozen=True)
class Peran:
    kode: str
    grup: str
    nama: str

    @property
    def kabupaten(self):
        """A role of the kabupaten (held by a user of no office), not of one perangkat daerah."""
        return self.grup in PERAN_KABUPATEN


# In order of precedence: a user in several groups is shown the home page of the first.
PERAN = [
    Peran("admin_kabupaten", ADMIN_KABUPATEN, "Admin Kabupaten (Bagian Organisasi)"),
    Peran("admin_opd", ADMIN_OPD, "Admin OPD (Perencana)"),
    Peran("kepala_opd", KEPALA_OPD, "Kepala OPD"),
    Peran("kepala_unit", KEPALA_UNIT, "Kepala Unit"),
    Peran("operator", OPERATOR, "Operator Unit Kerja"),
    Peran("bappeda", BAPPEDA, "Bappeda"),
    Peran("inspektorat", INSPEKTORAT, "Inspektorat"),
    Peran("pimpinan", PIMPINAN, "Pimpinan (Bupati, Sekda)"),
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


def _izin_model_kabupaten(semua_izin):
    """Every permission of the models the apps declare the kabupaten's (``model_kabupaten``)."""
    izin = set()
    for config in apps.get_app_configs():
        for model in getattr(config, "model_kabupaten", []):
            milik = [
                i
                for (label, _), i in semua_izin.items()
                if label == config.label and i.content_type.model == model
            ]
            if not milik:
                raise LookupError(f"Model kabupaten {config.label}.{model} tidak dikenal.")
            izin.update(milik)
    return izin


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
    # The kabupaten's own rows: every role reads them as its app's patterns say; only the Admin
    # Kabupaten writes them.
    milik_kabupaten = _izin_model_kabupaten(semua_izin)
    for nama_grup, izin in izin_grup.items():
        if nama_grup == ADMIN_KABUPATEN:
            izin.update(milik_kabupaten)
        else:
            izin.difference_update(i for i in milik_kabupaten if not i.codename.startswith("view_"))
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


# Roles with no authority over other people's work or accounts: holding only these does not make an
# account an official's, and their grants are not audited (operators come and go; the kabupaten's
# readers read).
PERAN_HARIAN = frozenset({OPERATOR, INSPEKTORAT, BAPPEDA, PIMPINAN})


def _tinjauan_kepala_unit_aktif():
    from nakertrans.workflow import tinjauan_kepala_unit_aktif

    return tinjauan_kepala_unit_aktif()


def peran_bebas(pelaku=None):
    """The roles a non-superuser administrator may grant and remove (see the module docstring): an
    office's Admin the office's roles without authority; the Admin Kabupaten those, the kabupaten's
    readers and the first Admin OPD of an office."""
    bebas = {OPERATOR}
    if not _tinjauan_kepala_unit_aktif():
        bebas.add(KEPALA_UNIT)
    if pelaku is not None and pelaku.groups.filter(name=ADMIN_KABUPATEN).exists():
        bebas |= {ADMIN_OPD, BAPPEDA, INSPEKTORAT, PIMPINAN}
    return bebas


def adalah_pejabat(pengguna):
    """A superuser, or an account holding any role besides Operator and Inspektorat."""
    if pengguna.pk is None:
        return False
    return pengguna.is_superuser or pengguna.groups.exclude(name__in=PERAN_HARIAN).exists()


def saring_pejabat(pengguna):
    """The officials among a queryset of accounts, in one query."""
    berwenang = Group.objects.exclude(name__in=PERAN_HARIAN)
    return pengguna.filter(Q(is_superuser=True) | Q(groups__in=berwenang)).distinct()


def pejabat_lain(pelaku, pengguna):
    return pengguna.pk != pelaku.pk and adalah_pejabat(pengguna)


def boleh_ganti_kata_sandi(pelaku, pengguna):
    """Whether ``pelaku`` may set ``pengguna``'s password in the admin."""
    return pelaku.is_superuser or not pejabat_lain(pelaku, pengguna)


def _daftar(nama):
    nama = sorted(nama)
    return nama[0] if len(nama) == 1 else ", ".join(nama[:-1]) + " dan " + nama[-1]


def alasan_tolak_peran(*, pelaku, pengguna, grup):
    """Why ``pelaku`` may not give ``pengguna`` exactly the groups ``grup`` (None when they may)."""
    if pelaku.is_superuser:
        return None
    lama = set(pengguna.groups.all()) if pengguna.pk else set()
    berubah = lama ^ set(grup)
    if not berubah:
        return None
    if pengguna.pk is not None and pengguna.pk == pelaku.pk:
        return "Peran akun Anda sendiri hanya dapat diubah oleh superuser."
    bebas = peran_bebas(pelaku)
    terlarang = {g.name for g in berubah if g.name not in bebas}
    if terlarang:
        return f"Peran {_daftar(terlarang)} hanya dapat diberikan atau dicabut oleh superuser."
    nama = {g.name for g in grup}
    if KEPALA_OPD in nama and nama & {ADMIN_OPD, ADMIN_KABUPATEN}:
        admin = _daftar(nama & {ADMIN_OPD, ADMIN_KABUPATEN})
        return (
            f"Peran {admin} dan {KEPALA_OPD} tidak dipegang satu akun: yang mengelola akun tidak "
            "menyetujui (hanya superuser yang dapat menggabungkannya)."
        )
    return None


def alasan_tolak_lingkup(*, grup, instansi):
    """Why an account with the groups ``grup`` cannot belong to ``instansi`` (None: to the kabupaten),
    or None. A user works for one office, with its roles, or for the kabupaten, with the kabupaten's."""
    nama = {g.name for g in grup}
    kabupaten = nama & PERAN_KABUPATEN
    opd = nama & {p.grup for p in PERAN if not p.kabupaten}
    if kabupaten and opd:
        return (
            f"Peran {_daftar(kabupaten)} adalah peran tingkat kabupaten dan peran {_daftar(opd)} peran "
            "perangkat daerah: satu akun bekerja untuk satu perangkat daerah atau untuk kabupaten, "
            "tidak keduanya."
        )
    if kabupaten and instansi is not None:
        return f"Peran {_daftar(kabupaten)} adalah peran tingkat kabupaten: kosongkan perangkat daerahnya."
    if opd and instansi is None:
        return f"Peran {_daftar(opd)} bekerja untuk satu perangkat daerah: pilih perangkat daerahnya."
    return None


def alasan_tolak_pindah(*, pelaku, pengguna, instansi):
    """Why ``pelaku`` may not set ``pengguna``'s office to ``instansi``, or None. Moving an account is
    taking its roles in one office and giving them in another: allowed only to who may grant each of
    them (the approving roles stay a superuser's in every office); an office's administrator keeps
    their accounts in their office."""
    if pelaku.is_superuser:
        return None
    # A new account too: an office's administrator makes no account of another office or of none.
    if pelaku.instansi_id and (instansi is None or instansi.pk != pelaku.instansi_id):
        return "Anda hanya mengelola pengguna perangkat daerah Anda sendiri."
    if pengguna.pk is None or pengguna.instansi_id == (instansi.pk if instansi else None):
        return None
    bebas = peran_bebas(pelaku)
    terlarang = {g.name for g in pengguna.groups.all() if g.name not in bebas}
    if terlarang:
        return f"Perangkat daerah pemegang peran {_daftar(terlarang)} hanya dapat diubah oleh superuser."
    return None


def catat_pindah_opd(*, pelaku, pengguna, lama):
    """Record that ``pengguna``'s office was just changed from ``lama`` (an Instansi or None)."""
    _catat(
        pelaku=pelaku,
        tindakan=CatatanAudit.Tindakan.PINDAH_OPD,
        sasaran=pengguna,
        rincian=f"dari {lama or 'tingkat kabupaten'} ke {pengguna.instansi or 'tingkat kabupaten'}",
    )


def _catat(*, pelaku, tindakan, sasaran=None, peran="", rincian=""):
    return CatatanAudit.objects.create(
        pelaku=pelaku, tindakan=tindakan, sasaran=sasaran, peran=peran, rincian=rincian
    )


def _nama_izin(izin):
    return f"{izin.content_type.app_label}.{izin.codename}"


def _rincian_izin(ditambah, dicabut):
    bagian = []
    if ditambah:
        bagian.append("ditambahkan: " + ", ".join(sorted(_nama_izin(i) for i in ditambah)))
    if dicabut:
        bagian.append("dicabut: " + ", ".join(sorted(_nama_izin(i) for i in dicabut)))
    return "; ".join(bagian)


@transaction.atomic
def atur_peran(*, pelaku, pengguna, grup):
    """Give ``pengguna`` exactly the groups ``grup``, if ``pelaku`` may (PermissionDenied otherwise),
    with one audit row per role granted or removed."""
    alasan = alasan_tolak_peran(pelaku=pelaku, pengguna=pengguna, grup=grup)
    if alasan:
        raise PermissionDenied(alasan)
    lama, baru = set(pengguna.groups.all()), set(grup)
    pengguna.groups.remove(*(lama - baru))
    pengguna.groups.add(*(baru - lama))
    for tindakan, daftar in [
        (CatatanAudit.Tindakan.BERI_PERAN, baru - lama),
        (CatatanAudit.Tindakan.CABUT_PERAN, lama - baru),
    ]:
        for g in sorted(daftar, key=lambda g: g.name):
            if g.name not in PERAN_HARIAN:
                _catat(pelaku=pelaku, tindakan=tindakan, sasaran=pengguna, peran=g.name)


def _wajib_superuser(pelaku, pesan):
    if not pelaku.is_superuser:
        raise PermissionDenied(pesan)


@transaction.atomic
def atur_izin_langsung(*, pelaku, pengguna, izin):
    """Give ``pengguna`` exactly the single permissions ``izin``: a superuser's act, audited."""
    lama = set(pengguna.user_permissions.select_related("content_type"))
    baru = set(izin)
    if lama == baru:
        return
    _wajib_superuser(pelaku, "Izin langsung pengguna hanya dapat diubah oleh superuser.")
    pengguna.user_permissions.set(baru)
    _catat(
        pelaku=pelaku,
        tindakan=CatatanAudit.Tindakan.UBAH_IZIN_PENGGUNA,
        sasaran=pengguna,
        rincian=_rincian_izin(baru - lama, lama - baru),
    )


@transaction.atomic
def catat_status_superuser(*, pelaku, pengguna):
    """Record that ``pengguna``'s superuser status was just set to what it is now."""
    _wajib_superuser(pelaku, "Status superuser hanya dapat diubah oleh superuser.")
    _catat(
        pelaku=pelaku,
        tindakan=CatatanAudit.Tindakan.UBAH_SUPERUSER,
        sasaran=pengguna,
        rincian="status superuser diberikan" if pengguna.is_superuser else "status superuser dicabut",
    )


@transaction.atomic
def catat_ganti_kata_sandi(*, pelaku, pengguna):
    """Record a password just set in the admin, when ``pengguna`` is an official."""
    if not boleh_ganti_kata_sandi(pelaku, pengguna):
        raise PermissionDenied("Kata sandi pejabat lain hanya dapat diganti oleh superuser.")
    if not adalah_pejabat(pengguna):
        return
    _catat(
        pelaku=pelaku,
        tindakan=CatatanAudit.Tindakan.GANTI_KATA_SANDI,
        sasaran=pengguna,
        rincian=(
            "kata sandi diganti"
            if pengguna.has_usable_password()
            else "masuk dengan kata sandi dinonaktifkan"
        ),
    )


@transaction.atomic
def atur_izin_grup(*, pelaku, grup, izin, baru=False, nama_lama=None):
    """Give the group exactly the permissions ``izin``: a superuser's act, audited with the group's
    creation or renaming. (``pasang_peran`` puts the five roles' permissions back to what the apps
    declare at the next migration.)"""
    _wajib_superuser(pelaku, "Grup peran hanya dapat diubah oleh superuser.")
    lama = set() if baru else set(grup.permissions.select_related("content_type"))
    izin = set(izin)
    grup.permissions.set(izin)
    rincian = ["grup baru"] if baru else []
    if nama_lama and nama_lama != grup.name:
        rincian.append(f"nama sebelumnya: {nama_lama}")
    if izin != lama:
        rincian.append(_rincian_izin(izin - lama, lama - izin))
    if rincian:
        _catat(
            pelaku=pelaku,
            tindakan=CatatanAudit.Tindakan.UBAH_GRUP,
            peran=grup.name,
            rincian="; ".join(rincian),
        )


@transaction.atomic
def hapus_grup(*, pelaku, grup):
    """Delete a group a superuser created (the five roles stay), recording its members and permissions."""
    _wajib_superuser(pelaku, "Grup peran hanya dapat dihapus oleh superuser.")
    if grup.name in {peran.grup for peran in PERAN}:
        raise PermissionDenied(f"Grup {grup.name} adalah peran bawaan dan tidak dapat dihapus.")
    anggota = sorted(grup.user_set.values_list("username", flat=True))
    izin = sorted(_nama_izin(i) for i in grup.permissions.select_related("content_type"))
    _catat(
        pelaku=pelaku,
        tindakan=CatatanAudit.Tindakan.HAPUS_GRUP,
        peran=grup.name,
        rincian=f"anggota: {', '.join(anggota) or '-'}; izin: {', '.join(izin) or '-'}",
    )
    grup.delete()
