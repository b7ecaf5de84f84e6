"""State changes of realisasi kinerja: each a function of the acting user, in one transaction."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction

from capaian.bukti import periksa_bukti
from capaian.models import BuktiDukung, NilaiKomponenTriwulan, RealisasiTriwulan
from nakertrans import workflow
from nakertrans.access import unit_yang_boleh_diisi
from nakertrans.format_id import baca_angka
from nakertrans.models import Pengajuan
from perjanjian.models import PREDIKAT_SAKIP


def pengajuan_kinerja(baris, triwulan):
    pk = baris.perjanjian
    return workflow.ambil_pengajuan(
        jenis=Pengajuan.Jenis.KINERJA, tahun=pk.tahun, periode=triwulan, unit_kerja=pk.unit_isian
    )


def _wajib_pengisi(user, baris):
    if not unit_yang_boleh_diisi(user).filter(pk=baris.perjanjian.unit_isian.pk).exists():
        raise PermissionDenied("Baris PK ini bukan tanggung jawab unit kerja Anda.")
    if baris.perjanjian.status != "final":
        raise ValidationError("Realisasi hanya dicatat untuk PK yang sudah final.")


def baca_nilai(teks, label):
    try:
        nilai = baca_angka(teks, persen=True)
    except ValueError:
        raise ValidationError(f"{label} harus berupa angka, misalnya 1.250 atau 45,5.") from None
    if nilai is not None and nilai < 0:
        raise ValidationError(f"{label} tidak boleh negatif.")
    return nilai


def _periksa(obj, exclude):
    """The model's own field checks (digits, ranges) before a save, as one Indonesian message."""
    try:
        obj.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as galat:
        raise ValidationError(" ".join(galat.messages)) from None


def _uraikan(realisasi):
    nilai = realisasi.realisasi
    komponen = ", ".join(
        f"{n.komponen.kode} {n.nilai}" for n in realisasi.komponen.select_related("komponen")
    )
    return f"realisasi {nilai if nilai not in (None, '') else '-'}" + (f"; {komponen}" if komponen else "")


@transaction.atomic
def simpan_realisasi_kinerja(
    *, user, baris, triwulan, realisasi="", komponen=None, kendala="", upaya="", versi_dimuat=None
):
    """Record a PK line's realisasi for a triwulan (or, for a formula indicator, its components)."""
    _wajib_pengisi(user, baris)
    if not 1 <= triwulan <= 4:
        raise ValidationError("Triwulan harus 1 sampai 4.")
    workflow.pastikan_dapat_diubah(pengajuan_kinerja(baris, triwulan))
    indikator = baris.indikator
    angka, huruf = None, ""
    nilai_komponen = {}
    if indikator.komponen.exists():
        dikenal = {k.kode: k for k in indikator.komponen.all()}
        for kode, teks in (komponen or {}).items():
            if kode not in dikenal:
                raise ValidationError(f"Komponen {kode} tidak dikenal.")
            nilai_komponen[dikenal[kode]] = baca_nilai(teks, dikenal[kode].label)
    elif indikator.jenis_nilai == "predikat":
        huruf = (realisasi or "").strip().upper()
        if huruf and huruf not in PREDIKAT_SAKIP:
            raise ValidationError("Predikat harus salah satu dari AA, A, BB, B, CC, C, D.")
    else:
        angka = baca_nilai(realisasi, "Realisasi")
    catatan = (kendala or "").strip(), (upaya or "").strip()
    r, baru = RealisasiTriwulan.objects.get_or_create(baris=baris, triwulan=triwulan)
    workflow.klaim_versi(r, None if baru else versi_dimuat, _uraikan)
    r.realisasi_angka, r.realisasi_huruf = angka, huruf
    r.kendala, r.upaya = catatan
    _periksa(r, exclude=["baris"])
    r._history_user = user
    r.save()
    for k, nilai in nilai_komponen.items():
        if nilai is None:
            NilaiKomponenTriwulan.objects.filter(realisasi=r, komponen=k).delete()
        else:
            n, _ = NilaiKomponenTriwulan.objects.get_or_create(
                realisasi=r, komponen=k, defaults={"nilai": nilai}
            )
            if n.nilai != nilai:
                n.nilai = nilai
                n._history_user = user
                n.save()
    return r


@transaction.atomic
def unggah_bukti(*, user, baris, triwulan, berkas):
    _wajib_pengisi(user, baris)
    workflow.pastikan_dapat_diubah(pengajuan_kinerja(baris, triwulan))
    isi = berkas.read()
    jenis = periksa_bukti(berkas.name, isi)
    r, _ = RealisasiTriwulan.objects.get_or_create(baris=baris, triwulan=triwulan)
    bukti = BuktiDukung(
        realisasi=r, nama_asli=berkas.name[:255], jenis=jenis, ukuran=len(isi), diunggah_oleh=user
    )
    bukti.berkas.save(f"bukti.{jenis}", ContentFile(isi), save=False)
    try:
        bukti.save()
    except Exception:
        bukti.berkas.delete(save=False)  # no orphan file when the row cannot be written
        raise
    return bukti


def jumlah_isian(tahun, triwulan, unit):
    return (
        RealisasiTriwulan.objects.filter(
            baris__perjanjian__tahun=tahun, baris__perjanjian__status="final", triwulan=triwulan
        )
        .filter(_unit_isian_adalah(unit))
        .count()
    )


def _unit_isian_adalah(unit):
    from django.db.models import Q

    return Q(baris__perjanjian__unit_pengisi=unit) | Q(
        baris__perjanjian__unit_pengisi__isnull=True, baris__perjanjian__jabatan__unit_kerja=unit
    )


def pindahkan_realisasi(sender, *, lama, baru, pasangan, **kwargs):
    """A revised PK keeps the realisasi (and its components and evidence) entered on the old version:
    each line's quarters move to the copy with the same number and indicator."""
    for baris_lama, baris_baru in pasangan.items():
        RealisasiTriwulan.objects.filter(baris=baris_lama).update(baris=baris_baru)


def cegah_pindah_unit_terkunci(sender, *, jabatan, unit_lama, **kwargs):
    """A post whose unit fills its PK lines may not leave that unit while some of those quarters are
    submitted or approved: the lock follows the unit, so the move would reopen approved figures."""
    triwulan = (
        RealisasiTriwulan.objects.filter(
            baris__perjanjian__jabatan=jabatan, baris__perjanjian__unit_pengisi__isnull=True
        )
        .values_list("baris__perjanjian__tahun", "triwulan")
        .distinct()
    )
    if workflow.ada_yang_terkunci(jenis=Pengajuan.Jenis.KINERJA, unit_kerja_id=unit_lama, periode=triwulan):
        raise ValidationError(
            {
                "unit_kerja": "Realisasi kinerja jabatan ini sudah diajukan atau disetujui oleh unitnya; "
                "buka kembali triwulan itu atau tetapkan unit pengisi pada PK sebelum memindahkannya."
            }
        )
