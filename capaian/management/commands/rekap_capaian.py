import csv
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError

from capaian.queries import capaian_tahun
from nakertrans.format_id import format_angka
from nakertrans.lembar import baris_aman, sel_aman
from nakertrans.management.opd import opd_dari_opsi, tambah_opsi_opd

KOLOM_CSV = ["jabatan", "sasaran", "indikator", "satuan", "target", "realisasi", "capaian_persen", "predikat"]


def _polos(nilai, desimal=None):
    """Machine number: dot decimal, no grouping; letters as they are (made safe for a spreadsheet);
    None as empty."""
    if nilai is None:
        return ""
    if isinstance(nilai, str):
        return sel_aman(nilai)
    nilai = Decimal(nilai)
    if desimal is None:
        nilai = nilai.normalize()
        return f"{nilai:f}"
    return f"{nilai.quantize(Decimal(1).scaleb(-desimal)):f}"


def _label_predikat(c):
    if c.tercapai is not None:
        return "Tercapai" if c.tercapai else "Belum tercapai"
    return c.predikat.nama if c.predikat else ""


class Command(BaseCommand):
    help = "Rekap capaian kinerja per baris Perjanjian Kinerja untuk satu tahun (sampai triwulan tertentu)."

    def add_arguments(self, parser):
        parser.add_argument("tahun", type=int)
        parser.add_argument("--triwulan", type=int, default=4, help="sampai triwulan (1-4)")
        parser.add_argument("--format", choices=["tabel", "csv"], default="tabel")
        tambah_opsi_opd(parser)

    def handle(self, *args, tahun, triwulan, format, opd, **options):
        if not 1 <= triwulan <= 4:
            raise CommandError("--triwulan harus antara 1 dan 4.")
        hasil = capaian_tahun(opd_dari_opsi(opd), tahun, triwulan)
        if not hasil:
            raise CommandError(f"Tidak ada Perjanjian Kinerja tahun {tahun}.")
        if format == "csv":
            penulis = csv.writer(self.stdout, lineterminator="\n")
            penulis.writerow(KOLOM_CSV)
            for c in hasil:
                b = c.baris
                # Text cells are neutralised (a typed «=...» stays text); figures stay numbers.
                penulis.writerow(
                    [
                        *baris_aman(
                            [b.perjanjian.jabatan.nama, b.sasaran, b.indikator.nama, b.satuan_tampil]
                        ),
                        _polos(c.target),
                        _polos(
                            c.realisasi, b.indikator.desimal if not isinstance(c.realisasi, str) else None
                        ),
                        _polos(c.capaian, 2),
                        sel_aman(_label_predikat(c)),
                    ]
                )
            return
        judul = ["Jabatan", "Indikator", "Target", "Realisasi", "Capaian", "Predikat"]
        isi = []
        for c in hasil:
            d = c.baris.indikator.desimal
            isi.append(
                [
                    c.baris.perjanjian.jabatan.nama[:40],
                    c.baris.indikator.nama[:50],
                    c.target if isinstance(c.target, str) else format_angka(c.target, d),
                    c.realisasi if isinstance(c.realisasi, str) else format_angka(c.realisasi, d),
                    f"{format_angka(c.capaian, 2)} %" if c.capaian is not None else "",
                    _label_predikat(c),
                ]
            )
        lebar = [max(len(str(r[i])) for r in [judul, *isi]) for i in range(len(judul))]
        self.stdout.write(f"Capaian kinerja tahun {tahun} sampai triwulan {triwulan}")
        for r in [judul, *isi]:
            self.stdout.write(
                "  ".join(
                    str(v).ljust(lebar[i]) if i < 2 else str(v).rjust(lebar[i]) for i, v in enumerate(r)
                ).rstrip()
            )
