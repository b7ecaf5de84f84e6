"""State changes of the budget: each a function of the acting user, in one transaction."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from anggaran.models import RealisasiAnggaran
from anggaran.rollup import bulan_lewat_pagu
from nakertrans import workflow
from nakertrans.access import unit_yang_boleh_diisi
from nakertrans.format_id import NAMA_BULAN, format_angka_tepat
from nakertrans.models import Pengajuan


def _rupiah(nilai):
    """Money in a message, to the cent when it has cents: the figure the operator typed or may type."""
    return f"Rp {format_angka_tepat(nilai, 2)}"


def _uraikan(realisasi):
    return f"keuangan {_rupiah(realisasi.keuangan)}, fisik {format_angka_tepat(realisasi.fisik, 2)} %"


def _periksa_bidang(nama, nilai, label):
    """The field's own checks (digits, decimals, range) before anything is computed with the value."""
    try:
        RealisasiAnggaran._meta.get_field(nama).clean(nilai, None)
    except ValidationError as galat:
        raise ValidationError(f"{label}: {' '.join(galat.messages)}") from None


def pengajuan_anggaran(anggaran, bulan):
    return workflow.ambil_pengajuan(
        jenis=Pengajuan.Jenis.ANGGARAN, tahun=anggaran.tahun, periode=bulan, unit_kerja=anggaran.unit_kerja
    )


def _periksa_pagu(anggaran, bulan, keuangan, catatan, dikonfirmasi):
    """A realisasi above the pagu stands only with a note in the month that crossed it
    (anggaran.rollup.bulan_lewat_pagu); saving that month asks for a confirmation and the note."""
    tersimpan = list(anggaran.realisasi.exclude(bulan=bulan).values_list("bulan", "keuangan", "catatan"))
    bulanan = {b: k for b, k, _ in tersimpan}
    catatan_bulan = {b: c for b, _, c in tersimpan}
    bulanan[bulan] = keuangan
    lewat = bulan_lewat_pagu(anggaran.pagu, bulanan.items())
    if lewat is None:
        return
    total = sum(bulanan.values(), Decimal(0))
    awal = f"Realisasi sampai tahun ini menjadi {_rupiah(total)}, melampaui pagu {_rupiah(anggaran.pagu)}"
    if lewat == bulan:
        if not (dikonfirmasi and catatan):
            raise ValidationError(
                f"{awal}. Centang konfirmasi dan tulis catatan alasannya bila memang benar."
            )
        return
    if not (catatan_bulan.get(lewat) or "").strip():
        raise ValidationError(
            f"{awal} sejak {NAMA_BULAN[lewat - 1]}, dan bulan itu belum punya catatan alasannya. "
            f"Tulis dulu catatannya pada isian {NAMA_BULAN[lewat - 1]}."
        )


@transaction.atomic
def simpan_realisasi_anggaran(
    *, user, anggaran, bulan, keuangan, fisik, catatan="", konfirmasi_lewat_pagu=False, versi_dimuat=None
):
    """Record one month's realisasi of a sub kegiatan for the responsible unit's operator."""
    if not unit_yang_boleh_diisi(user).filter(pk=anggaran.unit_kerja_id).exists():
        raise PermissionDenied("Sub kegiatan ini bukan tanggung jawab unit kerja Anda.")
    if not 1 <= bulan <= 12:
        raise ValidationError("Bulan harus antara 1 dan 12.")
    workflow.pastikan_dapat_diubah(pengajuan_anggaran(anggaran, bulan))
    if keuangan < 0:
        raise ValidationError("Realisasi keuangan tidak boleh negatif.")
    if not Decimal(0) <= fisik <= Decimal(100):
        raise ValidationError("Realisasi fisik harus antara 0 dan 100 persen.")
    _periksa_bidang("keuangan", keuangan, "Realisasi keuangan")
    _periksa_bidang("fisik", fisik, "Realisasi fisik")
    catatan = (catatan or "").strip()
    _periksa_pagu(anggaran, bulan, keuangan, catatan, konfirmasi_lewat_pagu)
    realisasi, baru = RealisasiAnggaran.objects.get_or_create(anggaran=anggaran, bulan=bulan)
    workflow.klaim_versi(realisasi, None if baru else versi_dimuat, _uraikan)
    realisasi.keuangan, realisasi.fisik, realisasi.catatan = keuangan, fisik, catatan
    try:
        realisasi.full_clean(exclude=["anggaran"], validate_unique=False, validate_constraints=False)
    except ValidationError as galat:
        raise ValidationError(" ".join(galat.messages)) from None
    realisasi._history_user = user
    realisasi.save()
    return realisasi


def cegah_pindah_unit_terkunci(sender, *, obj, unit_lama, **kwargs):
    """A DPA line with realisasi in months submitted or approved by its unit, or by the unit it moves
    to, may not move (nakertrans.signals.periksa_pindah_unit)."""
    bulan = RealisasiAnggaran.objects.filter(anggaran=obj).values_list("bulan", flat=True)
    if workflow.ada_yang_terkunci(
        jenis=Pengajuan.Jenis.ANGGARAN,
        unit_kerja_ids=[unit_lama, obj.unit_kerja_id],
        periode=[(obj.tahun, b) for b in bulan],
    ):
        raise ValidationError(
            {
                "unit_kerja": "Realisasi sub kegiatan ini ada pada bulan yang sudah diajukan atau "
                "disetujui di unitnya atau di unit tujuan; buka kembali bulan-bulan itu sebelum "
                "memindahkannya."
            }
        )
