import csv
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError

from anggaran.queries import rekap_anggaran
from nakertrans.format_id import format_angka
from nakertrans.lembar import baris_aman
from nakertrans.management.opd import opd_dari_opsi, tambah_opsi_opd

KOLOM_CSV = [
    "kode",
    "uraian",
    "indikator",
    "target",
    "pagu",
    "realisasi_fisik_persen",
    "realisasi_keuangan",
    "realisasi_keuangan_persen",
    "sisa_pagu",
    "sisa_pagu_persen",
]


def _uang(nilai):
    """Machine number: dot decimal, no grouping; whole rupiah without decimals."""
    nilai = Decimal(nilai)
    return f"{nilai:.0f}" if nilai == nilai.to_integral_value() else f"{nilai:.2f}"


def _persen(nilai):
    return "" if nilai is None else f"{nilai:.2f}"


class Command(BaseCommand):
    help = "Rekap realisasi fisik dan keuangan (tata letak Tabel 30 LKjIP) untuk satu tahun anggaran."

    def add_arguments(self, parser):
        parser.add_argument("tahun", type=int)
        parser.add_argument(
            "--sampai-bulan", type=int, default=12, help="bulan terakhir yang dihitung (1-12)"
        )
        parser.add_argument("--format", choices=["tabel", "csv"], default="tabel")
        tambah_opsi_opd(parser)

    def handle(self, *args, tahun, sampai_bulan, format, opd, **options):
        if not 1 <= sampai_bulan <= 12:
            raise CommandError("--sampai-bulan harus antara 1 dan 12.")
        baris, total = rekap_anggaran(opd_dari_opsi(opd), tahun, sampai_bulan)
        if not baris:
            raise CommandError(f"Tidak ada anggaran sub kegiatan untuk tahun {tahun}.")
        if format == "csv":
            self._csv(baris, total)
        else:
            self._tabel(tahun, sampai_bulan, baris, total)

    def _csv(self, baris, total):
        penulis = csv.writer(self.stdout, lineterminator="\n")
        penulis.writerow(KOLOM_CSV)
        for b in baris:
            r = b.ringkasan
            # Text cells are neutralised (an imported «=...» stays text); the figures are written
            # from numbers here and stay numbers, negative ones included.
            penulis.writerow(
                [
                    *baris_aman([b.nomenklatur.kode, b.nomenklatur.nama, b.indikator, b.target]),
                    _uang(r.pagu),
                    _persen(r.fisik),
                    _uang(r.realisasi),
                    _persen(r.serapan),
                    _uang(r.sisa),
                    _persen(r.sisa_persen),
                ]
            )
        penulis.writerow(
            [
                "JUMLAH",
                "",
                "",
                "",
                _uang(total.pagu),
                _persen(total.fisik),
                _uang(total.realisasi),
                _persen(total.serapan),
                _uang(total.sisa),
                _persen(total.sisa_persen),
            ]
        )

    def _tabel(self, tahun, sampai_bulan, baris, total):
        judul = ["Kode", "Uraian", "Pagu (Rp)", "Fisik %", "Realisasi (Rp)", "%", "Sisa (Rp)", "%"]
        isi = [[b.nomenklatur.kode, b.nomenklatur.nama[:60]] + self._angka(b.ringkasan) for b in baris] + [
            ["JUMLAH", ""] + self._angka(total)
        ]
        lebar = [max(len(str(r[i])) for r in [judul, *isi]) for i in range(len(judul))]
        self.stdout.write(f"Realisasi fisik dan keuangan tahun {tahun} sampai bulan {sampai_bulan}")
        for r in [judul, *isi]:
            sel = [str(v).ljust(lebar[i]) if i < 2 else str(v).rjust(lebar[i]) for i, v in enumerate(r)]
            self.stdout.write("  ".join(sel).rstrip())

    @staticmethod
    def _angka(r):
        return [
            format_angka(r.pagu),
            format_angka(r.fisik, 2),
            format_angka(r.realisasi),
            format_angka(r.serapan, 2),
            format_angka(r.sisa),
            format_angka(r.sisa_persen, 2),
        ]
