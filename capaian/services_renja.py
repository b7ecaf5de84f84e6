"""State changes of the Renja's kinerja: each a function of the acting user, in one transaction."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from anggaran.target_tertulis import satuan_persen
from capaian.models_renja import (
    BuktiRenja,
    CatatanEvaluasiRenja,
    RealisasiRenja,
    TargetRenja,
    realisasi_terkunci,
)
from capaian.renja import indikator_tahun
from capaian.services import baca_nilai, simpan_bukti
from capaian.terbitan import wajib_menyusun
from nakertrans import workflow
from nakertrans.access import id_opd, unit_yang_boleh_diisi
from nakertrans.format_id import format_angka_tepat
from nakertrans.models import Pengajuan, UnitKerja
from nakertrans.periode import TRIWULAN
from perjanjian.models import PREDIKAT_SAKIP, Indikator

BIDANG_REALISASI = RealisasiRenja._meta.get_field("realisasi_angka")


def pengajuan_renja(unit, tahun, triwulan):
    return workflow.ambil_pengajuan(
        jenis=Pengajuan.Jenis.RENJA, tahun=tahun, periode=triwulan, unit_kerja=unit
    )


def unit_isian(indikator_renja, tahun):
    """The unit that enters the indicator's realisasi in ``tahun`` (capaian.renja.unit_isian_renja), or
    None when the year's DPA has no such sub kegiatan."""
    terpilih = indikator_tahun(indikator_renja.instansi_id, tahun).filter(pk=indikator_renja.pk)
    unit_id = terpilih.values_list("unit_isian", flat=True).first()
    return UnitKerja.objects.filter(pk=unit_id).first() if unit_id else None


def _uraikan(realisasi):
    nilai = realisasi.realisasi
    if nilai in (None, ""):
        return "realisasi belum diisi"
    return f"realisasi {nilai if isinstance(nilai, str) else format_angka_tepat(nilai, 4)}"


def baca_realisasi(teks, indikator):
    """The typed realisasi of an indicator -> (angka, huruf); a letter for a predikat indicator."""
    teks = (teks or "").strip()
    if indikator.jenis_nilai == Indikator.JenisNilai.PREDIKAT:
        huruf = teks.upper()
        if huruf and huruf not in PREDIKAT_SAKIP:
            raise ValidationError("Realisasi indikator ini berupa predikat: AA, A, BB, B, CC, C atau D.")
        return None, huruf
    persen = indikator.jenis_nilai == Indikator.JenisNilai.PERSEN or satuan_persen(indikator.satuan)
    return baca_nilai(teks, "Realisasi", persen=persen, bidang=BIDANG_REALISASI), ""


@transaction.atomic
def simpan_realisasi_renja(
    *, user, indikator_renja, tahun, triwulan, realisasi="", catatan="", versi_dimuat=None, bukti=None
):
    """Record a quarter's realisasi of a program, kegiatan or sub kegiatan indicator for the
    responsible unit's operator, with an evidence file when one comes: the quarter must be open, the
    indicator must have this year's target. A refused file keeps the figure from being saved too."""
    if not 1 <= triwulan <= 4:
        raise ValidationError("Triwulan harus antara 1 dan 4.")
    _wajib_pengisi(user, indikator_renja, tahun, triwulan)
    target = TargetRenja.objects.filter(
        indikator_renja=indikator_renja, jenis=TargetRenja.Jenis.RENJA, tahun=tahun
    ).first()
    if target is None or target.target in (None, ""):
        raise ValidationError(
            f"Indikator «{indikator_renja.indikator}» belum punya target tahun {tahun}; "
            "minta perencana menetapkannya dulu, lalu isi realisasinya."
        )
    angka, huruf = baca_realisasi(realisasi, indikator_renja.indikator)
    catatan = (catatan or "").strip()
    r, baru = RealisasiRenja.objects.get_or_create(
        indikator_renja=indikator_renja, tahun=tahun, triwulan=triwulan
    )
    workflow.klaim_versi(r, None if baru else versi_dimuat, _uraikan)
    r.realisasi_angka, r.realisasi_huruf, r.catatan = angka, huruf, catatan
    try:
        r.full_clean(exclude=["indikator_renja"], validate_unique=False, validate_constraints=False)
    except ValidationError as galat:
        raise ValidationError(" ".join(galat.messages)) from None
    r._history_user = user
    r.save()
    if bukti:
        simpan_bukti(BuktiRenja, realisasi=r, user=user, berkas=bukti)
    return r


def _wajib_pengisi(user, indikator_renja, tahun, triwulan):
    """The unit that enters the indicator in the year, if it is the user's and its quarter is open."""
    if indikator_renja.rumus.strip():
        raise ValidationError(
            f"Realisasi «{indikator_renja.indikator}» dihitung dari rumus atas keluaran sub kegiatannya; "
            "tidak diisi."
        )
    unit = unit_isian(indikator_renja, tahun)
    if unit is None:
        raise ValidationError(
            f"{indikator_renja.nomenklatur.kode} tidak ada di DPA tahun {tahun}; "
            "realisasinya tidak dapat dicatat."
        )
    if not unit_yang_boleh_diisi(user).filter(pk=unit.pk).exists():
        raise PermissionDenied("Indikator ini bukan tanggung jawab unit kerja Anda.")
    workflow.pastikan_dapat_diubah(pengajuan_renja(unit, tahun, triwulan))
    return unit


@transaction.atomic
def unggah_bukti_renja(*, user, indikator_renja, tahun, triwulan, berkas):
    _wajib_pengisi(user, indikator_renja, tahun, triwulan)
    r, _ = RealisasiRenja.objects.get_or_create(
        indikator_renja=indikator_renja, tahun=tahun, triwulan=triwulan
    )
    return simpan_bukti(BuktiRenja, realisasi=r, user=user, berkas=berkas)


def jumlah_isian(unit, tahun, triwulan):
    """How many realisasi the unit's quarter holds (a submission needs one)."""
    return (
        RealisasiRenja.objects.filter(
            tahun=tahun,
            triwulan=triwulan,
            indikator_renja__in=indikator_tahun(unit.instansi_id, tahun).filter(unit_isian=unit.pk),
        )
        .exclude(realisasi_angka=None, realisasi_huruf="")
        .count()
    )


def masalah_isian(unit, tahun, triwulan):
    """What keeps the unit's quarter from being submitted or approved: indicators without a realisasi."""
    semua = (
        indikator_tahun(unit.instansi_id, tahun)
        .filter(unit_isian=unit.pk, target__jenis=TargetRenja.Jenis.RENJA, target__tahun=tahun)
        .select_related("nomenklatur")
    )
    terisi = set(
        RealisasiRenja.objects.filter(tahun=tahun, triwulan=triwulan, indikator_renja__in=semua)
        .exclude(realisasi_angka=None, realisasi_huruf="")
        .values_list("indikator_renja_id", flat=True)
    )
    kosong = [ir.nomenklatur.kode for ir in semua if ir.pk not in terisi]
    if not kosong:
        return []
    return [f"Realisasi TW {TRIWULAN[triwulan - 1]} belum diisi untuk {', '.join(kosong)}."]


FAKTOR = ("faktor_pendorong", "faktor_penghambat", "tindak_lanjut_triwulan", "tindak_lanjut_tahun")


def _uraikan_catatan(catatan):
    return "disetujui Kepala OPD" if catatan.disetujui else "draf"


@transaction.atomic
def simpan_catatan(*, user, instansi, tahun, triwulan, isi, versi_dimuat=None):
    """The office's notes below its Evaluasi Renja form (``isi``: FAKTOR -> text), written by who
    writes its LKjIP; refused once the Kepala OPD has approved them."""
    wajib_menyusun(user, instansi, tahun)
    catatan = CatatanEvaluasiRenja.objects.filter(instansi=instansi, tahun=tahun, triwulan=triwulan).first()
    if catatan is None:
        catatan = CatatanEvaluasiRenja(instansi=instansi, tahun=tahun, triwulan=triwulan, diubah_oleh=user)
        catatan.save()
        versi_dimuat = None
    if catatan.disetujui:
        raise ValidationError(
            "Catatan evaluasi triwulan ini sudah disetujui Kepala OPD dan terkunci; "
            "minta Kepala OPD membukanya kembali bila perlu diubah."
        )
    workflow.klaim_versi(catatan, versi_dimuat, _uraikan_catatan)
    for nama in FAKTOR:
        setattr(catatan, nama, (isi.get(nama) or "").strip())
    catatan.diubah_oleh = user
    catatan._history_user = user
    catatan.save()
    return catatan


@transaction.atomic
def setujui_catatan(*, user, instansi, tahun, triwulan):
    if not user.has_perm("nakertrans.setujui_pengajuan") or id_opd(user) != instansi.pk:
        raise PermissionDenied(
            "Hanya Kepala OPD perangkat daerah ini yang dapat menyetujui catatan evaluasi."
        )
    catatan = CatatanEvaluasiRenja.objects.filter(instansi=instansi, tahun=tahun, triwulan=triwulan).first()
    if catatan is None or not any(getattr(catatan, nama).strip() for nama in FAKTOR):
        raise ValidationError("Catatan evaluasi triwulan ini belum diisi; tidak ada yang dapat disetujui.")
    diubah = CatatanEvaluasiRenja.objects.filter(pk=catatan.pk, disetujui_pada=None).update(
        disetujui_oleh=user, disetujui_pada=timezone.now(), versi=F("versi") + 1
    )
    if not diubah:
        raise ValidationError("Catatan evaluasi triwulan ini sudah disetujui.")
    catatan.refresh_from_db()
    catatan._history_user = user
    catatan.save()  # a history row for the approval
    return catatan


@transaction.atomic
def buka_catatan(*, user, instansi, tahun, triwulan, alasan):
    if not user.has_perm("nakertrans.buka_kembali_pengajuan") or id_opd(user) != instansi.pk:
        raise PermissionDenied("Hanya Kepala OPD yang dapat membuka kembali catatan yang disetujui.")
    alasan = (alasan or "").strip()
    if not alasan:
        raise ValidationError("Alasan membuka kembali wajib diisi.")
    catatan = CatatanEvaluasiRenja.objects.filter(instansi=instansi, tahun=tahun, triwulan=triwulan).first()
    if catatan is None or not catatan.disetujui:
        raise ValidationError("Catatan evaluasi triwulan ini belum disetujui.")
    catatan.disetujui_oleh, catatan.disetujui_pada = None, None
    catatan.versi += 1
    catatan._history_user = user
    catatan._change_reason = alasan
    catatan.save()
    return catatan


def cegah_pindah_dpa_terkunci(sender, *, obj, unit_lama, **kwargs):
    """A DPA line's outputs are entered by its unit: the line may not move while a quarter of the year
    holding their realisasi is submitted or approved in the old or the new unit
    (nakertrans.signals.periksa_pindah_unit)."""
    periode = RealisasiRenja.objects.filter(
        indikator_renja__instansi=obj.instansi_id,
        indikator_renja__nomenklatur=obj.sub_kegiatan_id,
        indikator_renja__unit_kerja=None,
        tahun=obj.tahun,
    ).values_list("tahun", "triwulan")
    if realisasi_terkunci(obj.instansi_id, periode, unit={unit_lama, obj.unit_kerja_id}):
        raise ValidationError(
            {
                "unit_kerja": "Realisasi keluaran sub kegiatan ini ada pada triwulan yang sudah diajukan "
                "atau disetujui di unitnya atau di unit tujuan; buka kembali triwulan itu sebelum "
                "memindahkannya."
            }
        )
