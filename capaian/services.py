"""State changes of realisasi kinerja: each a function of the acting user, in one transaction."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction

from anggaran.target_tertulis import satuan_persen
from capaian.bukti import periksa_bukti
from capaian.hitung import hitung_capaian
from capaian.models import BuktiDukung, NilaiKomponenTriwulan, RealisasiTriwulan
from capaian.queries import (
    komponen_terbaca,
    nilai_terbesar,
    nilai_triwulan,
    realisasi_kumulatif,
    realisasi_terbaca,
    target_kumulatif,
    triwulan_penghambat,
)
from nakertrans import workflow
from nakertrans.access import unit_yang_boleh_diisi
from nakertrans.format_id import baca_angka, bacaan_meragukan, format_angka, titik_ribuan_ragu
from nakertrans.models import Pengajuan
from nakertrans.periode import TRIWULAN
from nakertrans.rumus import hitung
from perjanjian.models import PREDIKAT_SAKIP, BarisPK, Indikator, PerjanjianKinerja

BIDANG_REALISASI = RealisasiTriwulan._meta.get_field("realisasi_angka")
BIDANG_KOMPONEN = NilaiKomponenTriwulan._meta.get_field("nilai")


class PerluKonfirmasi(ValidationError):
    """A figure written with an ambiguous thousands dot (1.234) makes the capaian implausible: the
    person confirms the reading before it is saved. ``dibaca`` is the value as read (1.234; several
    joined with «dan»); ``tanda`` is tanda_isian() of the row that asked, which a confirmation must
    match, so that a confirmation never covers a figure typed afterwards."""

    def __init__(self, pesan, *, dibaca, tanda):
        super().__init__(pesan, code="perlu_konfirmasi")
        self.dibaca = dibaca
        self.tanda = tanda


def pengajuan_kinerja(baris, triwulan):
    pk = baris.perjanjian
    return workflow.ambil_pengajuan(
        jenis=Pengajuan.Jenis.KINERJA, tahun=pk.tahun, periode=triwulan, unit_kerja=pk.unit_isian
    )


def _wajib_pengisi(user, baris):
    if not BarisPK.objects.diisi_oleh(unit_yang_boleh_diisi(user)).filter(pk=baris.pk).exists():
        raise PermissionDenied("Baris PK ini bukan tanggung jawab unit kerja Anda.")
    if baris.perjanjian.status != PerjanjianKinerja.Status.FINAL:
        raise ValidationError("Realisasi hanya dicatat untuk PK yang sudah final.")


def baris_persen(baris):
    """Whether a line's realisasi is a percentage (a persen indicator, or a line whose satuan is)."""
    return baris.indikator.jenis_nilai == Indikator.JenisNilai.PERSEN or satuan_persen(baris.satuan_tampil)


def komponen_persen(komponen):
    """Whether a component is a percentage: its satuan says so, or its label starts with «Persentase»."""
    return satuan_persen(komponen.satuan) or komponen.label.strip().lower().startswith("persen")


def _periksa_batas(nilai, label, bidang):
    """The value as its field stores it, or ValidationError naming the field and the largest value."""
    terbesar = nilai_terbesar(bidang)
    if abs(nilai) > terbesar:
        bulat = bidang.max_digits - bidang.decimal_places
        raise ValidationError(
            f"{label} terlalu besar: paling banyak {bulat} angka sebelum koma, "
            f"nilai terbesar {format_angka(terbesar, -terbesar.as_tuple().exponent)}."
        )
    desimal = bidang.decimal_places
    if nilai.as_tuple().exponent < -desimal:
        dibulatkan = nilai.quantize(Decimal(1).scaleb(-desimal))
        if dibulatkan != nilai:  # 2,50000 is 2,5; 2,50001 has digits the field would drop
            raise ValidationError(f"{label}: paling banyak {desimal} angka di belakang koma.")
        nilai = dibulatkan
    return nilai


def baca_nilai(teks, label, *, persen=False, bidang=BIDANG_REALISASI):
    """A typed figure -> Decimal (None when empty), checked as the field ``bidang`` stores it.

    ``persen`` accepts a trailing «%» (87,45 %) for a percentage; elsewhere a «%» or «Rp» is refused
    with a message that says so.
    """
    try:
        nilai = baca_angka(teks, persen=persen)
    except ValueError as galat:
        try:
            baca_angka(teks, persen=True, rupiah=True)
        except ValueError:
            raise ValidationError(f"{label} harus berupa angka, misalnya 1.250 atau 45,5.") from None
        raise ValidationError(f"{label}: {galat}") from None  # a number with a sign it may not carry
    if nilai is None:
        return None
    if nilai < 0:
        raise ValidationError(f"{label} tidak boleh negatif.")
    return _periksa_batas(nilai, label, bidang)


def baca_komponen(teks, komponen):
    return baca_nilai(
        teks, f"Nilai komponen «{komponen.label}»", persen=komponen_persen(komponen), bidang=BIDANG_KOMPONEN
    )


def tanda_isian(realisasi="", komponen=None):
    """The figures typed in a row as one string: a confirmation holds for exactly these figures."""
    bagian = [(realisasi or "").strip()]
    bagian += [f"{kode}={(teks or '').strip()}" for kode, teks in sorted((komponen or {}).items())]
    return "|".join(bagian)


def _periksa(obj, exclude):
    """The model's own field checks (digits, ranges) before a save, as one Indonesian message."""
    try:
        obj.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as galat:
        raise ValidationError(" ".join(galat.messages)) from None


def _uraikan(realisasi):
    nilai = realisasi.realisasi
    komponen = ", ".join(
        f"{n.komponen.kode} {n.nilai}" for n in komponen_terbaca().filter(realisasi=realisasi)
    )
    return f"realisasi {nilai if nilai not in (None, '') else '-'}" + (f"; {komponen}" if komponen else "")


def _periksa_bacaan(*, baris, triwulan, rumus, ragu, nilai_ini, tanda):
    """Raise PerluKonfirmasi when a figure written with an ambiguous thousands dot makes the capaian
    implausible (nakertrans.format_id.bacaan_meragukan).

    ``ragu``: [(label, text, value)] of such figures that differ from what is stored; ``nilai_ini``:
    the quarter's value with them (typed, or computed by the formula). The capaian is the page's: the
    realisasi up to the triwulan by the yearly rule against the target up to the triwulan.
    """
    indikator = baris.indikator
    nilai = {}
    belum_lengkap = {}
    for r in realisasi_terbaca().filter(baris=baris, triwulan__lt=triwulan):
        v, _, _, masalah = nilai_triwulan(baris, r, rumus)
        if v is not None and v != "":
            nilai[r.triwulan] = v
        elif masalah:
            belum_lengkap[r.triwulan] = masalah
    nilai[triwulan] = nilai_ini
    if triwulan_penghambat(indikator, nilai, belum_lengkap) is not None:
        nilai = {triwulan: nilai_ini}  # judge the quarter on its own while an earlier one is unfinished
    kumulatif = realisasi_kumulatif(indikator, nilai, triwulan)
    target = target_kumulatif(baris, triwulan)
    persen = baris_persen(baris)
    if not any(
        bacaan_meragukan(teks, kumulatif, target=target, desimal=indikator.desimal, persen=persen)
        for _, teks, _ in ragu
    ):
        return
    dibaca = " dan ".join(format_angka(v, 0) for _, _, v in ragu)
    maksud = " dan ".join(teks.strip().replace(".", ",") for _, teks, _ in ragu)
    uraian = "; ".join(
        f"{label} «{teks.strip()}» dibaca sebagai {format_angka(v, 0)}" for label, teks, v in ragu
    )
    capaian = hitung_capaian(target, kumulatif, indikator.metode)
    akibat = f"nilai terhitung {format_angka(nilai_ini, indikator.desimal)}, " if rumus is not None else ""
    if capaian is not None:
        akibat += f"capaian {format_angka(capaian, 2)} %"
    else:
        akibat += f"realisasi {format_angka(kumulatif, indikator.desimal)}"
    raise PerluKonfirmasi(
        f"{uraian} (titik sebagai pemisah ribuan), sehingga {akibat} terhadap target "
        f"{format_angka(target, indikator.desimal)} {baris.satuan_tampil}: tidak wajar. "
        f"Bila maksudnya {maksud}, tulis dengan koma desimal. "
        f"Bila memang {dibaca}, centang «Ya, maksudnya {dibaca}» lalu simpan lagi.",
        dibaca=dibaca,
        tanda=tanda,
    )


@transaction.atomic
def simpan_realisasi_kinerja(
    *,
    user,
    baris,
    triwulan,
    realisasi="",
    komponen=None,
    kendala="",
    upaya="",
    versi_dimuat=None,
    konfirmasi_nilai=False,
    bukti=None,
):
    """Record a PK line's realisasi for a triwulan (or, for a formula indicator, its components), and
    ``bukti`` (an uploaded file) with it: the values and the evidence are saved together or not at all.

    Every figure is checked against the field that stores it before anything is written. A figure
    written with an ambiguous thousands dot (1.234) that makes the capaian implausible raises
    PerluKonfirmasi unless ``konfirmasi_nilai``. Components may be saved while some are still empty:
    the quarter is then unfinished (queries.nilai_triwulan) and cannot be submitted.
    """
    _wajib_pengisi(user, baris)
    if not 1 <= triwulan <= 4:
        raise ValidationError("Triwulan harus 1 sampai 4.")
    workflow.pastikan_dapat_diubah(pengajuan_kinerja(baris, triwulan))
    indikator = baris.indikator
    dikenal = {k.kode: k for k in indikator.komponen.all()}
    angka, huruf = None, ""
    nilai_komponen = {}
    if dikenal:
        for kode, teks in (komponen or {}).items():
            if kode not in dikenal:
                raise ValidationError(f"Komponen {kode} tidak dikenal.")
            nilai_komponen[dikenal[kode]] = baca_komponen(teks, dikenal[kode])
    elif indikator.jenis_nilai == "predikat":
        huruf = (realisasi or "").strip().upper()
        if huruf and huruf not in PREDIKAT_SAKIP:
            raise ValidationError("Predikat harus salah satu dari AA, A, BB, B, CC, C, D.")
    else:
        angka = baca_nilai(realisasi, "Realisasi", persen=baris_persen(baris))
    catatan = (kendala or "").strip(), (upaya or "").strip()
    # Read what is stored without the converter that a value stored oversized would break.
    r = realisasi_terbaca().filter(baris=baris, triwulan=triwulan).first()
    tersimpan = {n.komponen_id: n for n in r.nilai_komponen} if r else {}
    if not konfirmasi_nilai:
        _periksa_isian_baru(
            baris=baris,
            triwulan=triwulan,
            r=r,
            tersimpan=tersimpan,
            angka=angka,
            realisasi=realisasi,
            komponen=komponen,
            nilai_komponen=nilai_komponen,
        )
    baru = r is None
    if baru:
        r, baru = RealisasiTriwulan.objects.get_or_create(baris=baris, triwulan=triwulan)
    workflow.klaim_versi(r, None if baru else versi_dimuat, _uraikan)
    r.realisasi_angka, r.realisasi_huruf = angka, huruf
    r.kendala, r.upaya = catatan
    _periksa(r, exclude=["baris"])
    r._history_user = user
    r.save()
    for k, nilai in nilai_komponen.items():
        n = tersimpan.get(k.pk)
        if nilai is None:
            if n is not None:
                n._history_user = user
                n.delete()
        elif n is None:
            n, _ = NilaiKomponenTriwulan.objects.get_or_create(
                realisasi=r, komponen=k, defaults={"nilai": nilai}
            )
        if n is not None and nilai is not None and n.nilai != nilai:
            n.nilai = nilai
            n._history_user = user
            n.save()
    if bukti:
        unggah_bukti(user=user, baris=baris, triwulan=triwulan, berkas=bukti)
    return r


def _periksa_isian_baru(*, baris, triwulan, r, tersimpan, angka, realisasi, komponen, nilai_komponen):
    """Ask for confirmation of the new figures written with an ambiguous thousands dot. A figure equal
    to the stored one is not asked again (the row shows it back as 1.234 after it was confirmed).

    Components are judged through the computed value, not one by one: a component has no target of
    its own and is usually a count (the seed's 7.060 unemployed of 131.065 are read rightly as
    thousands), while the formula's value has the line's target and decimals.
    """
    if nilai_komponen:
        ragu = [
            (f"Nilai komponen «{k.label}»", komponen[k.kode], nilai)
            for k, nilai in nilai_komponen.items()
            if titik_ribuan_ragu(komponen[k.kode])
            and (k.pk not in tersimpan or tersimpan[k.pk].nilai != nilai)
        ]
        if not ragu:
            return
        rumus = baris.indikator.rumus_terurai()
        if rumus is None:
            return
        nilai = {n.komponen.kode: n.nilai for n in tersimpan.values()}
        for k, v in nilai_komponen.items():
            if v is None:
                nilai.pop(k.kode, None)
            else:
                nilai[k.kode] = v
        nilai_ini = hitung(rumus, nilai, baris.indikator.desimal).nilai
        if nilai_ini is None:
            return  # unfinished: there is no value to judge yet
    else:
        if (
            angka is None
            or not titik_ribuan_ragu(realisasi)
            or (r is not None and r.realisasi_angka == angka)
        ):
            return
        rumus, ragu, nilai_ini = None, [("Realisasi", realisasi, angka)], angka
    _periksa_bacaan(
        baris=baris,
        triwulan=triwulan,
        rumus=rumus,
        ragu=ragu,
        nilai_ini=nilai_ini,
        tanda=tanda_isian(realisasi, komponen),
    )


def masalah_isian_triwulan(tahun, triwulan, unit):
    """Why a unit's quarter cannot be submitted or approved: its lines whose entry gives no value (a
    formula with components missing or dividing by zero, a figure stored oversized). [] when none."""
    realisasi = (
        realisasi_terbaca()
        .filter(baris__perjanjian__tahun=tahun, baris__perjanjian__status="final", triwulan=triwulan)
        .filter(baris__in=BarisPK.objects.diisi_oleh(unit))
        .select_related("baris__indikator", "baris__perjanjian__jabatan")
        .prefetch_related("baris__indikator__komponen")
        .order_by("baris__perjanjian__jabatan__urutan", "baris__urutan")
    )
    rumus, belum = {}, []
    for r in realisasi:
        b = r.baris
        if b.indikator_id not in rumus:
            rumus[b.indikator_id] = b.indikator.rumus_terurai()
        _, _, _, masalah = nilai_triwulan(b, r, rumus[b.indikator_id])
        if masalah:
            belum.append(f"«{b.indikator.nama}» ({b.perjanjian.jabatan.nama}): {masalah.rstrip('.')}")
    if not belum:
        return []
    return [
        f"{len(belum)} baris triwulan {TRIWULAN[triwulan - 1]} belum lengkap, realisasinya belum dapat "
        f"dihitung: {'; '.join(belum)}."
    ]


@transaction.atomic
def unggah_bukti(*, user, baris, triwulan, berkas):
    _wajib_pengisi(user, baris)
    workflow.pastikan_dapat_diubah(pengajuan_kinerja(baris, triwulan))
    r, _ = RealisasiTriwulan.objects.get_or_create(baris=baris, triwulan=triwulan)
    return simpan_bukti(BuktiDukung, realisasi=r, user=user, berkas=berkas)


def simpan_bukti(model, *, realisasi, user, berkas):
    """Check an uploaded file and keep it as ``model`` (a capaian.models._Bukti) of ``realisasi``."""
    isi = berkas.read()
    jenis = periksa_bukti(berkas.name, isi)
    bukti = model(
        realisasi=realisasi, nama_asli=berkas.name[:255], jenis=jenis, ukuran=len(isi), diunggah_oleh=user
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
        .filter(baris__in=BarisPK.objects.diisi_oleh(unit))
        .count()
    )


def pindahkan_realisasi(sender, *, lama, baru, pasangan, **kwargs):
    """A revised PK keeps the realisasi (and its components and evidence) entered on the old version:
    each line's quarters move to the copy with the same number and indicator."""
    for baris_lama, baris_baru in pasangan.items():
        RealisasiTriwulan.objects.filter(baris=baris_lama).update(baris=baris_baru)


def cegah_pindah_unit_terkunci(sender, *, obj, unit_lama, **kwargs):
    """A post whose unit fills its PK lines may not move while some of those quarters are submitted or
    approved in its unit, or in the unit it moves to (their figures would change under the approval)
    (nakertrans.signals.periksa_pindah_unit)."""
    triwulan = list(
        RealisasiTriwulan.objects.filter(
            baris__perjanjian__jabatan=obj, baris__perjanjian__unit_pengisi__isnull=True
        )
        .values_list("baris__perjanjian__tahun", "triwulan")
        .distinct()
    )
    if workflow.ada_yang_terkunci(
        jenis=Pengajuan.Jenis.KINERJA, unit_kerja_ids=[unit_lama, obj.unit_kerja_id], periode=triwulan
    ):
        raise ValidationError(
            {
                "unit_kerja": "Realisasi kinerja jabatan ini sudah diajukan atau disetujui pada "
                "triwulan yang terkunci di unitnya atau di unit tujuan; buka kembali triwulan itu atau "
                "tetapkan unit pengisi pada PK sebelum memindahkannya."
            }
        )
