"""The seed's 2024 budget: Tabel 14 as pagu murni, Tabel 30 as pagu perubahan and realisasi.

The yearly realisasi of each sub kegiatan is split over the months so that the months add up to
the seed's figure exactly. The seed prints 0,00 for every realisasi fisik (the column was never
filled), so the demo uses the cumulative financial ratio as the physical progress.
"""

from decimal import Decimal

from anggaran import kode as nomenklatur
from anggaran.data_seed import TABEL_14, TABEL_30
from anggaran.models import (
    AnggaranSubKegiatan,
    IndikatorProgramKegiatan,
    Nomenklatur,
    PaguTertulis,
    RealisasiAnggaran,
)
from anggaran.target_tertulis import baca_target
from nakertrans.demo import (
    BIDANG_NAKER,
    BIDANG_TRANS,
    SEKRETARIAT,
    SUBBAG_UMUM,
    UPTD_BLK,
    dinas,
    simpan_bila_berubah,
    tandai_disetujui,
)
from nakertrans.models import Pengajuan, UnitKerja

TAHUN = 2024

URUSAN_TAMBAHAN = [
    ("3", "URUSAN PEMERINTAHAN PILIHAN"),
    ("3.32", "URUSAN PEMERINTAHAN BIDANG TRANSMIGRASI"),
]

# The unit responsible for each kegiatan (longest matching code prefix wins).
UNIT_PENANGGUNG_JAWAB = [
    ("2.07.01", SUBBAG_UMUM),
    ("2.07.01.2.01", SEKRETARIAT),
    ("2.07.01.2.02", SEKRETARIAT),
    ("2.07.03", BIDANG_NAKER),
    ("2.07.03.2.01", UPTD_BLK),
    ("2.07.04", BIDANG_NAKER),
    ("2.07.05", BIDANG_NAKER),
    ("3.32", BIDANG_TRANS),
]

# Spending pattern over the year (salaries are spread evenly; other work speeds up after mid-year).
BOBOT_GAJI = [1] * 12
BOBOT_KEGIATAN = [2, 4, 6, 8, 8, 9, 9, 10, 10, 11, 11, 12]


def unit_untuk(kode):
    cocok = [
        (awalan, unit)
        for awalan, unit in UNIT_PENANGGUNG_JAWAB
        if kode == awalan or kode.startswith(awalan + ".")
    ]
    return max(cocok, key=lambda pasangan: len(pasangan[0]))[1]


def urai_target(teks):
    """'10 Asosiasi dan Serikat Pekerja' -> (Decimal(10), 'Asosiasi dan Serikat Pekerja'), by the one
    reader of written targets; a sub kegiatan's target in the seed reads plainly, or the demo stops."""
    bacaan = baca_target(teks)
    if bacaan.angka is None or bacaan.pilihan:
        raise ValueError(f"Target tidak terbaca tanpa pilihan: {teks!r} ({bacaan.pilihan})")
    return bacaan.angka, bacaan.satuan


def bagi_per_bulan(total, bobot):
    """Whole rupiah per month in proportion to ``bobot``, adding up to ``total`` exactly."""
    total = int(total)
    jumlah_bobot = sum(bobot)
    bagian = [total * b // jumlah_bobot for b in bobot]
    bagian[-1] += total - sum(bagian)
    return bagian


def muat_anggaran():
    opd = dinas()
    unit = {u.nama: u for u in UnitKerja.objects.filter(instansi=opd)}
    nama = {nomenklatur.normalisasi_kode(k): n for k, n, *_ in TABEL_14}
    nama.update({nomenklatur.normalisasi_kode(k): n for k, n, *_ in TABEL_30})
    nama.update(dict(URUSAN_TAMBAHAN))
    for kode in sorted(nama, key=lambda k: (len(k.split(".")), k)):
        simpan_bila_berubah(Nomenklatur, {"kode": kode}, nama=nama[kode])
    pagu_murni = {nomenklatur.normalisasi_kode(k): a for k, _, _, a in TABEL_14 if a is not None}
    semua = {n.kode: n for n in Nomenklatur.objects.all()}
    # Tabel 14 prints its kegiatan totals; three of them do not add up (anggaran/data_seed.py).
    for kode, total in pagu_murni.items():
        if semua[kode].tingkat in (nomenklatur.PROGRAM, nomenklatur.KEGIATAN):
            simpan_bila_berubah(
                PaguTertulis,
                {"instansi": opd, "tahun": TAHUN, "nomenklatur": semua[kode]},
                pagu_murni=Decimal(total),
                sumber="LKjIP 2024, Tabel 14",
            )
    for kode_tercetak, _, indikator, target, pagu, realisasi in TABEL_30:
        kode = nomenklatur.normalisasi_kode(kode_tercetak)
        node = semua[kode]
        if node.tingkat != nomenklatur.SUB_KEGIATAN:
            simpan_bila_berubah(
                IndikatorProgramKegiatan,
                {"instansi": opd, "tahun": TAHUN, "nomenklatur": node},
                indikator=indikator,
                target=target,
            )
            continue
        nilai_target, satuan = urai_target(target)
        anggaran = simpan_bila_berubah(
            AnggaranSubKegiatan,
            {"instansi": opd, "tahun": TAHUN, "sub_kegiatan": node},
            unit_kerja=unit[unit_untuk(kode)],
            indikator=indikator,
            target=nilai_target,
            satuan=satuan,
            pagu_murni=Decimal(pagu_murni[kode]),
            pagu_perubahan=Decimal(pagu),
        )
        bobot = BOBOT_GAJI if kode.startswith("2.07.01.2.02.") else BOBOT_KEGIATAN
        kumulatif = 0
        for bulan, keuangan in enumerate(bagi_per_bulan(realisasi, bobot), start=1):
            kumulatif += keuangan
            fisik = (
                (Decimal(kumulatif) / Decimal(pagu) * 100).quantize(Decimal("0.01")) if pagu else Decimal(0)
            )
            simpan_bila_berubah(
                RealisasiAnggaran,
                {"anggaran": anggaran, "bulan": bulan},
                keuangan=Decimal(keuangan),
                fisik=fisik,
            )


def setujui_semua_bulan(tahun=TAHUN):
    """Every unit's twelve months of the demo year as submitted by its operator and approved."""
    for unit in UnitKerja.objects.filter(instansi=dinas(), anggaran__tahun=tahun).distinct():
        tandai_disetujui(Pengajuan.Jenis.ANGGARAN, tahun, range(1, 13), unit)
