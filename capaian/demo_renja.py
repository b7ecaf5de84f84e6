"""The seed's 2024 Renja kinerja: the indicators and targets of Tabel 30, the sub kegiatan outputs of
Tabel 3.12 as realisasi, every quarter approved.

Targets are read by the one reader of written targets (anggaran.target_tertulis) and recorded as the DPA
import records them (capaian.renja_dpa); where the text allows more than one reading, what was chosen is
kept with the target and listed by the LKjIP check. The seed writes two indicators in one line, which no
reader can split; the demo does, and says so (``PISAH``).
"""

from decimal import Decimal

from anggaran import kode as nomenklatur
from anggaran.data_seed import TABEL_30
from anggaran.demo import TAHUN, unit_untuk
from anggaran.models import Nomenklatur
from anggaran.target_tertulis import BacaanTarget, baca_target
from capaian.data_seed_renja import REALISASI_OUTCOME, TABEL_3_12
from capaian.models_renja import RealisasiRenja
from capaian.renja_dpa import catat_indikator
from nakertrans.demo import dinas, simpan_bila_berubah, tandai_disetujui
from nakertrans.models import Pengajuan, UnitKerja
from perjanjian.demo import rencana_aksi
from perjanjian.models import SasaranRenstra

# What the demo chose where the seed's text holds something the reader cannot decide: Tabel 30 writes
# the two indicators of program 3.32.04 in one line with their two targets.
PISAH = {
    "3.32.04": [
        (
            "Persentase jumlah Sarana dan prasarana yang Dikelola dengan baik",
            Decimal(70),
            "Tabel 30 menulis dua indikator dalam satu baris («… Dikelola dengan baik Persentase Satuan "
            "Permukiman yang dibangun», target «70 % 61,50 %»); dipisah menjadi dua indikator, ini yang "
            "pertama dengan target 70 %.",
        ),
        (
            "Persentase Satuan Permukiman yang dibangun",
            Decimal("61.50"),
            "indikator kedua dari baris yang sama di Tabel 30, dengan target 61,50 %.",
        ),
    ],
}

# The Renstra sasaran each program supports (by its number in perjanjian/data_seed.py SASARAN_RENSTRA).
SASARAN_PROGRAM = {"2.07.01": 4, "2.07.03": 1, "2.07.04": 1, "2.07.05": 2, "3.32.03": 3, "3.32.04": 3}


def _bacaan(kode, indikator, tertulis):
    """[(indicator name, BacaanTarget)] of a Tabel 30 row."""
    if kode in PISAH:
        return [
            (nama, BacaanTarget(tertulis, angka=angka, satuan="%", pilihan=pilihan))
            for nama, angka, pilihan in PISAH[kode]
        ]
    return [(indikator, baca_target(tertulis))]


def muat_renja():
    """The Renja indicators and targets of 2024 and the realisasi of Tabel 3.12, approved. Returns the
    number of units whose quarters were approved."""
    opd = dinas()
    unit = {u.nama: u for u in UnitKerja.objects.filter(instansi=opd)}
    semua = {n.kode: n for n in Nomenklatur.objects.all()}
    sasaran = {s.urutan: s for s in SasaranRenstra.objects.filter(renstra__instansi=opd)}
    per_kode = {}
    for kode_tercetak, _, indikator, tertulis, _, _ in TABEL_30:
        kode = nomenklatur.normalisasi_kode(kode_tercetak)
        node = semua[kode]
        program = node.tingkat == nomenklatur.PROGRAM
        sub = node.tingkat == nomenklatur.SUB_KEGIATAN
        for urutan, (nama, bacaan) in enumerate(_bacaan(kode, indikator, tertulis), start=1):
            ir = catat_indikator(
                opd, node, TAHUN, nama, bacaan,
                unit=None if sub else unit[unit_untuk(kode)],
                urutan=urutan,
                sasaran=sasaran.get(SASARAN_PROGRAM.get(kode)) if program else None,
            )  # fmt: skip
            per_kode.setdefault(kode, ir)
    unit_terisi = set()
    for kode, _, tertulis_target, tertulis_realisasi, _ in TABEL_3_12:
        ir = per_kode[kode]
        target, realisasi = baca_target(tertulis_target), baca_target(tertulis_realisasi)
        keterangan = ""
        if realisasi.satuan.lower() != target.satuan.lower():
            keterangan = (
                f"Tabel 3.12 menulis realisasi «{tertulis_realisasi}» untuk target «{tertulis_target}»; "
                f"dicatat {realisasi.terbaca.split()[0]} {ir.indikator.satuan}."
            )
        _simpan_realisasi(ir, realisasi.angka, keterangan)
        unit_terisi.add(ir.nomenklatur.anggaran.get(tahun=TAHUN, instansi=opd).unit_kerja)
    for kode, tertulis in REALISASI_OUTCOME:
        ir = per_kode[kode]
        _simpan_realisasi(ir, tertulis, "")
        unit_terisi.add(ir.unit_kerja)
    for u in unit_terisi:
        tandai_disetujui(Pengajuan.Jenis.RENJA, TAHUN, range(1, 5), u)
    return len(unit_terisi)


def _simpan_realisasi(ir, nilai, keterangan):
    if keterangan != ir.keterangan:
        ir.keterangan = keterangan
        ir.save(update_fields=["keterangan"])
    if isinstance(nilai, str):
        per_triwulan = [None, None, None, nilai]
    else:
        per_triwulan = rencana_aksi(ir.indikator, nilai)
    for tw, isi in enumerate(per_triwulan, start=1):
        if isi is None:
            continue
        kolom = {"realisasi_huruf": isi} if isinstance(isi, str) else {"realisasi_angka": isi}
        simpan_bila_berubah(RealisasiRenja, {"indikator_renja": ir, "tahun": TAHUN, "triwulan": tw}, **kolom)
