"""The Renja's indicators as the DPA states them: a sub kegiatan's output (indicator, target, satuan
of its DPA line) and a program's or kegiatan's outcome (a text target such as «90,53 %»), recorded as
the Renja indicator and the year's target. Used by the DPA import (``anggaran.signals.dpa_diimpor``)
and the demo; targets are read by the one reader of written targets (anggaran.target_tertulis)."""

from collections import Counter

from anggaran import kode as nomenklatur
from anggaran.models import AnggaranSubKegiatan, Nomenklatur
from anggaran.target_tertulis import SATUAN_PERSEN, BacaanTarget, satuan_persen
from capaian.models_renja import IndikatorRenja, TargetRenja
from capaian.queries import nilai_terbesar
from nakertrans.format_id import format_angka
from nakertrans.simpan import simpan_bila_berubah
from perjanjian.models import PREDIKAT_SAKIP, Indikator

# Satuan that measure a level held through the year rather than things produced: the year's figure is
# its last quarter's. Anything else (documents, people trained, reports) is summed over the quarters.
SATUAN_TINGKAT = SATUAN_PERSEN | {"orang/bulan", "indeks"}


def indikator_untuk(instansi, nama, satuan, huruf):
    """The office's indicator of that name (one of a PK line with the same name is the same
    indicator), else a new one: a letter, a level or percentage by its last quarter, or a count
    summed over the quarters."""
    nama = " ".join(nama.split())[:400]
    satuan = satuan.strip()[:100]
    ada = Indikator.objects.filter(instansi=instansi, nama__iexact=nama).first()
    if ada is not None:
        return ada
    if huruf:
        jenis, aturan, desimal = Indikator.JenisNilai.PREDIKAT, Indikator.AturanTahunan.TERAKHIR, 0
    elif satuan.strip().lower() in SATUAN_TINGKAT:
        jenis = Indikator.JenisNilai.PERSEN if satuan_persen(satuan) else Indikator.JenisNilai.ANGKA
        aturan, desimal = Indikator.AturanTahunan.TERAKHIR, 2
    else:
        jenis, aturan, desimal = Indikator.JenisNilai.ANGKA, Indikator.AturanTahunan.JUMLAH, 0
    return Indikator.objects.create(
        instansi=instansi, nama=nama, satuan=satuan or "-", jenis_nilai=jenis, aturan_tahunan=aturan,
        desimal=desimal,
    )  # fmt: skip


def _sebagai_huruf(bacaan):
    """«75.50 BB»: a score printed with its predikat letter is a letter target (the letter is what the
    evaluation gives); None for any other reading."""
    if bacaan.angka is not None and bacaan.satuan in PREDIKAT_SAKIP:
        letter = bacaan.satuan
        return BacaanTarget(
            bacaan.tertulis,
            huruf=letter,
            pilihan=f"nilai {format_angka(bacaan.angka, 2)} berpredikat {letter}; dicatat sebagai target "
            f"predikat {letter}.",
        )
    return None


def unit_program(instansi, node, tahun):
    """The unit responsible for most of a program's or kegiatan's sub kegiatan in the year's DPA."""
    jalur = "sub_kegiatan__induk" if node.tingkat == nomenklatur.KEGIATAN else "sub_kegiatan__induk__induk"
    unit = AnggaranSubKegiatan.objects.filter(instansi=instansi, tahun=tahun, **{jalur: node})
    hitung = Counter(unit.order_by("sub_kegiatan__kode").values_list("unit_kerja", flat=True))
    return hitung.most_common(1)[0][0] if hitung else None


def catat_indikator(instansi, node, tahun, nama, bacaan, *, unit=None, urutan=1, sasaran=None):
    """The IndikatorRenja of ``node`` named ``nama`` with the year's Renja target as ``bacaan`` (a
    BacaanTarget) reads it; None for a program or kegiatan with no unit to enter it."""
    bacaan = _sebagai_huruf(bacaan) or bacaan
    indikator = indikator_untuk(instansi, nama, bacaan.satuan, bacaan.huruf in PREDIKAT_SAKIP)
    predikat = indikator.jenis_nilai == Indikator.JenisNilai.PREDIKAT
    angka = None if predikat else bacaan.angka
    huruf = bacaan.huruf if predikat and bacaan.huruf in PREDIKAT_SAKIP else ""
    pilihan = bacaan.pilihan
    terbesar = nilai_terbesar(TargetRenja._meta.get_field("target_angka"))
    if angka is not None and abs(angka) > terbesar:
        pilihan = (
            f"melebihi target terbesar yang dapat dicatat ({format_angka(terbesar, 0)}); "
            "target belum ditetapkan."
        )
        angka = None
    elif angka is None and not huruf:
        jenis = "predikat huruf (AA sampai D)" if predikat else "angka"
        pilihan = f"tidak terbaca sebagai target {jenis}; target belum ditetapkan."
    if node.tingkat != nomenklatur.SUB_KEGIATAN:
        unit = unit or unit_program(instansi, node, tahun)
        if unit is None:
            return None
    # What the planner set since (order, unit, sasaran, a corrected target) stays: a sheet imported
    # again changes a target only where its text changed.
    ir, _ = IndikatorRenja.objects.get_or_create(
        instansi=instansi,
        nomenklatur=node,
        indikator=indikator,
        defaults={"urutan": urutan, "unit_kerja_id": getattr(unit, "pk", unit), "sasaran": sasaran},
    )
    tertulis = bacaan.tertulis[:200]
    kunci = {"indikator_renja": ir, "jenis": TargetRenja.Jenis.RENJA, "tahun": tahun}
    if not TargetRenja.objects.filter(**kunci, tertulis=tertulis).exists():
        simpan_bila_berubah(
            TargetRenja, kunci, target_angka=angka, target_huruf=huruf, tertulis=tertulis, pilihan=pilihan
        )
    return ir


def catat_dari_dpa(sender, *, instansi, daftar, **kwargs):
    """Receiver of anggaran.signals.dpa_diimpor: every imported row's indicator and target."""
    simpul = {n.kode: n for n in Nomenklatur.objects.filter(kode__in={d.kode for d in daftar})}
    for d in daftar:
        if d.indikator:
            catat_indikator(instansi, simpul[d.kode], d.tahun, d.indikator, d.bacaan)
