"""The submit / review / approve / return / lock workflow, shared by realisasi kinerja and anggaran.

One Pengajuan exists per (jenis, tahun, periode, unit kerja). Every transition is a service function
taking the acting user, run in one transaction, made with a conditional UPDATE on the expected status
(so two simultaneous approvals make exactly one transition, also on SQLite, which ignores
select_for_update), and writing its RiwayatPengajuan row in the same transaction.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import DateTimeField, F, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from nakertrans.access import id_unit_lingkup
from nakertrans.models import Pengajuan, RiwayatPengajuan
from nakertrans.notifikasi import kirim_perubahan

Status = Pengajuan.Status
# The statuses of a period whose data its unit may still edit (and then submit).
DAPAT_DIUBAH = frozenset({Status.DRAFT, Status.DIKEMBALIKAN})
# Submitted and not returned: waiting for a review or an approval, or approved.
SUDAH_DIAJUKAN = frozenset({Status.DIAJUKAN, Status.DITINJAU, Status.DISETUJUI})

# The transitions a page may ask for, by the name in its URL.
AJUKAN, TINJAU, SETUJUI, KEMBALIKAN, BUKA = "ajukan", "tinjau", "setujui", "kembalikan", "buka"
AKSI = (AJUKAN, TINJAU, SETUJUI, KEMBALIKAN, BUKA)

# How many periods a year has, per kind of data.
JUMLAH_PERIODE = {Pengajuan.Jenis.ANGGARAN: 12, Pengajuan.Jenis.KINERJA: 4, Pengajuan.Jenis.RENJA: 4}


def tinjauan_kepala_unit_aktif():
    return getattr(settings, "SAKIP_TINJAUAN_KEPALA_UNIT", False)


def menunggu_kepala_dinas():
    """The statuses in which a Pengajuan waits for the Kepala Dinas."""
    return {Status.DITINJAU} if tinjauan_kepala_unit_aktif() else {Status.DIAJUKAN}


@dataclass(frozen=True)
class Tindakan:
    """What a user may do with a unit's period now: edit its data (``isi``), and which transitions of
    AKSI (``aksi``). The page shows exactly these; the transitions check the same rules again."""

    isi: bool
    aksi: frozenset


def tindakan(user, pengajuan):
    """What ``user`` may do with ``pengajuan`` now (see Tindakan)."""
    lingkup = pengajuan.unit_kerja_id in id_unit_lingkup(user)
    isi = dapat_diubah(pengajuan) and lingkup and user.has_perm("nakertrans.isi_data_unit")
    aksi = {AJUKAN} if isi else set()
    if user.has_perm("nakertrans.setujui_pengajuan") and pengajuan.status in menunggu_kepala_dinas():
        aksi |= {SETUJUI, KEMBALIKAN}
    if (
        tinjauan_kepala_unit_aktif()
        and pengajuan.status == Status.DIAJUKAN
        and lingkup
        and user.has_perm("nakertrans.tinjau_unit")
    ):
        aksi |= {TINJAU, KEMBALIKAN}
    if user.has_perm("nakertrans.buka_kembali_pengajuan") and pengajuan.status == Status.DISETUJUI:
        aksi.add(BUKA)
    return Tindakan(isi=isi, aksi=frozenset(aksi))


@dataclass
class MatriksStatus:
    """Units x periods of a year: ``baris`` [(unit, [(periode, Pengajuan or None)])], ``status``
    {(unit id, periode): Pengajuan}, and ``menunggu``, the Pengajuan waiting for the Kepala Dinas."""

    baris: list
    status: dict
    menunggu: list


def matriks_status(*, jenis, tahun, unit):
    """The workflow status of every period of the year for the units (an ordered queryset or list);
    two queries whatever the number of units."""
    unit = list(unit)
    per_unit = {u.pk: u for u in unit}
    status = {
        (p.unit_kerja_id, p.periode): p
        for p in Pengajuan.objects.filter(jenis=jenis, tahun=tahun, unit_kerja__in=unit)
    }
    for p in status.values():
        p.unit_kerja = per_unit[p.unit_kerja_id]
    periode = range(1, JUMLAH_PERIODE[jenis] + 1)
    baris = [(u, [(n, status.get((u.pk, n))) for n in periode]) for u in unit]
    menunggu = [p for p in status.values() if p.status in menunggu_kepala_dinas()]
    return MatriksStatus(baris=baris, status=status, menunggu=menunggu)


def ambil_pengajuan(*, jenis, tahun, periode, unit_kerja):
    """The Pengajuan of a unit's period; an unsaved draft while nobody has moved it yet (reading a page
    never writes a row)."""
    kunci = {"jenis": jenis, "tahun": tahun, "periode": periode, "unit_kerja": unit_kerja}
    # One row by its unique key: no order (the model's default order joins the unit table).
    return next(iter(Pengajuan.objects.filter(**kunci).order_by()[:1]), None) or Pengajuan(**kunci)


def riwayat(pengajuan):
    if pengajuan.pk is None:
        return RiwayatPengajuan.objects.none()
    return (
        pengajuan.riwayat.select_related("oleh__pegawai")
        .only(
            "pengajuan_id",
            "waktu",
            "dari_status",
            "ke_status",
            "catatan",
            "oleh__username",
            "oleh__pegawai__nama",
            "oleh__pegawai__gelar_depan",
            "oleh__pegawai__gelar_belakang",
            "oleh__pegawai__data_contoh",
        )  # fmt: skip
        .order_by("waktu", "pk")
    )


def dapat_diubah(pengajuan):
    return pengajuan.status in DAPAT_DIUBAH


def pastikan_dapat_diubah(pengajuan):
    """Refuse an edit of a submitted or approved period. Inside a transaction the check also holds the
    period's row (a no-op conditional UPDATE), so a submission cannot slip in between check and save."""
    if pengajuan.pk is not None:
        masih_terbuka = Pengajuan.objects.filter(pk=pengajuan.pk, status__in=DAPAT_DIUBAH).update(
            versi=F("versi")
        )
        if not masih_terbuka:
            pengajuan.refresh_from_db()
    if not dapat_diubah(pengajuan):
        raise ValidationError(
            f"Data periode ini sudah {pengajuan.get_status_display().lower()} dan terkunci; "
            "tidak dapat diubah."
        )


def ada_yang_terkunci(*, jenis, unit_kerja_ids, periode):
    """Whether any of ``periode`` ((tahun, periode) pairs) of any of the units is submitted or approved.
    The lock belongs to the unit, so what such periods hold may not be moved to or from another unit."""
    terkunci = set(
        Pengajuan.objects.filter(jenis=jenis, unit_kerja_id__in=unit_kerja_ids)
        .exclude(status__in=DAPAT_DIUBAH)
        .values_list("tahun", "periode")
    )
    return any(p in terkunci for p in periode)


def _periksa_isi(periksa, *, awal, saran):
    """Run the domain's check of what a period holds; its problems refuse the transition.

    ``periksa()`` returns a list of problems as Indonesian sentences ([] when the period is fine).
    """
    masalah = [m for m in periksa() if m]
    if masalah:
        raise ValidationError(f"{awal}: {' '.join(masalah)} {saran}")


def _pindah(pengajuan, *, user, dari, ke, catatan="", aksi, periksa=None, saran=""):
    """Conditional UPDATE from one of ``dari`` to ``ke``; refuses if someone got there first.

    ``periksa``: see _periksa_isi; it runs while the period's row is held (a no-op conditional
    UPDATE), so no save of the period can slip in between the check and the transition.
    """
    if pengajuan.pk is None:
        # The first transition of a period creates its row (only after the permission checks).
        pengajuan, _ = Pengajuan.objects.get_or_create(
            jenis=pengajuan.jenis,
            tahun=pengajuan.tahun,
            periode=pengajuan.periode,
            unit_kerja=pengajuan.unit_kerja,
        )
    if periksa is not None and Pengajuan.objects.filter(pk=pengajuan.pk, status__in=dari).update(
        versi=F("versi")
    ):
        _periksa_isi(periksa, awal=f"Tidak dapat {aksi}", saran=saran)
    kini = timezone.now()
    pertama = (
        {"diajukan_pertama": Coalesce(F("diajukan_pertama"), Value(kini, output_field=DateTimeField()))}
        if ke == Status.DIAJUKAN
        else {}
    )
    diubah = Pengajuan.objects.filter(pk=pengajuan.pk, status__in=dari).update(
        status=ke, catatan=catatan, diubah_pada=kini, versi=F("versi") + 1, **pertama
    )
    if diubah != 1:
        pengajuan.refresh_from_db()
        raise ValidationError(
            f"Tidak dapat {aksi}: status pengajuan sekarang {pengajuan.get_status_display().lower()}. "
            "Muat ulang halaman untuk melihat keadaan terbaru."
        )
    RiwayatPengajuan.objects.create(
        pengajuan=pengajuan, dari_status=pengajuan.status, ke_status=ke, oleh=user, catatan=catatan
    )
    pengajuan.refresh_from_db()
    # Mail only once the transition is committed, never for one that was rolled back.
    ke_kepala_unit = tinjauan_kepala_unit_aktif() and ke == Status.DIAJUKAN
    transaction.on_commit(lambda: kirim_perubahan(pengajuan, ke_kepala_unit=ke_kepala_unit))
    return pengajuan


def _wajib_lingkup(user, pengajuan, izin):
    if not user.has_perm(izin) or pengajuan.unit_kerja_id not in id_unit_lingkup(user):
        raise PermissionDenied("Anda tidak berhak atas pengajuan unit kerja ini.")


SARAN_PENGISI = "Lengkapi dulu, lalu ajukan lagi."
SARAN_PENYETUJU = "Kembalikan ke unit kerja dengan catatan agar dilengkapi."


@transaction.atomic
def ajukan(*, pengajuan, user, jumlah_isian, periksa=None):
    """Operator submits the unit's period. ``jumlah_isian``: how many entries the period holds;
    ``periksa``: the domain's check of those entries (see _periksa_isi)."""
    _wajib_lingkup(user, pengajuan, "nakertrans.isi_data_unit")
    if jumlah_isian == 0:
        raise ValidationError("Belum ada isian pada periode ini; tidak ada yang dapat diajukan.")
    return _pindah(
        pengajuan,
        user=user,
        dari=DAPAT_DIUBAH,
        ke=Status.DIAJUKAN,
        aksi="mengajukan",
        periksa=periksa,
        saran=SARAN_PENGISI,
    )


@transaction.atomic
def tinjau(*, pengajuan, user, periksa=None):
    """Kepala Unit's first review, when the setting asks for one."""
    _wajib_lingkup(user, pengajuan, "nakertrans.tinjau_unit")
    if not tinjauan_kepala_unit_aktif():
        raise ValidationError("Tinjauan kepala unit tidak diaktifkan.")
    return _pindah(
        pengajuan,
        user=user,
        dari={Status.DIAJUKAN},
        ke=Status.DITINJAU,
        aksi="meninjau",
        periksa=periksa,
        saran=SARAN_PENYETUJU,
    )


@transaction.atomic
def setujui(*, pengajuan, user, periksa=None):
    """The Kepala Dinas approves and locks the period; ``periksa`` as for ajukan (a period submitted
    before a check existed is held to it here)."""
    if not user.has_perm("nakertrans.setujui_pengajuan"):
        raise PermissionDenied("Hanya Kepala OPD yang dapat menyetujui.")
    return _pindah(
        pengajuan,
        user=user,
        dari=menunggu_kepala_dinas(),
        ke=Status.DISETUJUI,
        aksi="menyetujui",
        periksa=periksa,
        saran=SARAN_PENYETUJU,
    )


@transaction.atomic
def kembalikan(*, pengajuan, user, catatan):
    """Kepala Dinas (or, in the first review, the Kepala Unit) returns the period with a note."""
    catatan = (catatan or "").strip()
    if not catatan:
        raise ValidationError("Catatan wajib diisi saat mengembalikan.")
    if user.has_perm("nakertrans.setujui_pengajuan"):
        dari = {Status.DIAJUKAN, Status.DITINJAU}
    elif tinjauan_kepala_unit_aktif():
        _wajib_lingkup(user, pengajuan, "nakertrans.tinjau_unit")
        dari = {Status.DIAJUKAN}
    else:
        raise PermissionDenied("Anda tidak berhak mengembalikan pengajuan ini.")
    return _pindah(
        pengajuan, user=user, dari=dari, ke=Status.DIKEMBALIKAN, catatan=catatan, aksi="mengembalikan"
    )


@transaction.atomic
def buka_kembali(*, pengajuan, user, alasan):
    """Only the Kepala Dinas reopens an approved period, with a reason that is kept."""
    if not user.has_perm("nakertrans.buka_kembali_pengajuan"):
        raise PermissionDenied("Hanya Kepala OPD yang dapat membuka kembali periode yang disetujui.")
    alasan = (alasan or "").strip()
    if not alasan:
        raise ValidationError("Alasan membuka kembali wajib diisi.")
    return _pindah(
        pengajuan,
        user=user,
        dari={Status.DISETUJUI},
        ke=Status.DIKEMBALIKAN,
        catatan=alasan,
        aksi="membuka kembali",
    )


class Konflik(ValidationError):
    """Somebody saved the same entry after the page was loaded; ``tersimpan`` is their version."""

    def __init__(self, tersimpan, uraian):
        self.tersimpan = tersimpan
        super().__init__(
            f"Isian ini sudah diubah orang lain setelah halaman Anda dimuat (tersimpan sekarang: {uraian}). "
            "Periksa lalu simpan lagi bila nilai Anda yang benar."
        )


def klaim_versi(obj, versi_dimuat, uraikan):
    """Claim a row for an edit with a conditional update, so that of two simultaneous saves of the same
    loaded version only one wins; the loser gets Konflik with the stored values (``uraikan(obj)``)."""
    if versi_dimuat is None:
        obj.versi += 1
        return
    diklaim = type(obj).objects.filter(pk=obj.pk, versi=versi_dimuat).update(versi=versi_dimuat + 1)
    if not diklaim:
        obj.refresh_from_db()
        raise Konflik(obj, uraikan(obj))
    obj.versi = versi_dimuat + 1
