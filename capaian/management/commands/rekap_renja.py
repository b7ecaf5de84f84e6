import csv
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError

from capaian.models_renja import TargetRenja
from capaian.renja import DISETUJUI, evaluasi_renja
from nakertrans.access import satu_satunya
from nakertrans.format_id import format_angka, format_persen
from nakertrans.lembar import baris_aman
from nakertrans.management.opd import opd_dari_opsi, tambah_opsi_opd
from nakertrans.models import Instansi

KOLOM_CSV = [
    "kode",
    "uraian",
    "indikator",
    "satuan",
    "target_renstra",
    "realisasi_renstra_lalu",
    "target_tahun",
    "tw1",
    "tw2",
    "tw3",
    "tw4",
    "realisasi_tahun",
    "capaian_tahun_persen",
    "realisasi_renstra",
    "capaian_renstra_persen",
    "pagu_renstra",
    "pagu_tahun",
    "rp_tw1",
    "rp_tw2",
    "rp_tw3",
    "rp_tw4",
    "rp_tahun",
    "serapan_persen",
    "unit",
]


def _mesin(nilai):
    """A figure for machines: dot decimal, no grouping, no trailing zeros; a letter as it is; empty
    for None."""
    if nilai is None or nilai == "":
        return ""
    if isinstance(nilai, str):
        return nilai
    nilai = Decimal(nilai)
    if nilai == nilai.to_integral_value():
        return f"{nilai:.0f}"
    return format(nilai.normalize(), "f")


def _kuartal(nilai, keadaan):
    return [_mesin(v) if k == DISETUJUI else "" for v, k in zip(nilai, keadaan, strict=True)]


class Command(BaseCommand):
    help = (
        "Evaluasi hasil Renja (Permendagri 86/2017) satu perangkat daerah untuk satu tahun sampai "
        "triwulan tertentu: kinerja (K) dan anggaran (Rp) setiap program, kegiatan dan sub kegiatan."
    )

    def add_arguments(self, parser):
        parser.add_argument("tahun", type=int)
        parser.add_argument("--triwulan", type=int, default=4, help="triwulan terakhir yang dihitung (1-4)")
        parser.add_argument("--format", choices=["tabel", "csv"], default="tabel")
        tambah_opsi_opd(parser)

    def handle(self, *args, tahun, triwulan, format, opd, **options):
        if not 1 <= triwulan <= 4:
            raise CommandError("--triwulan harus antara 1 dan 4.")
        hasil = evaluasi_renja(self._opd(opd, tahun), tahun, triwulan)
        if not hasil.baris:
            raise CommandError(f"Tidak ada DPA sub kegiatan untuk tahun {tahun}.")
        if format == "csv":
            self._csv(hasil)
        else:
            self._tabel(hasil)

    def _opd(self, kode, tahun):
        """The office of ``--opd``; without it, the one office of the installation, or the one office
        with indicators in the year's Renja (named on stderr), else the list of codes to choose from."""
        try:
            return opd_dari_opsi(kode)
        except CommandError:
            if kode:
                raise
            dengan_renja = Instansi.objects.filter(
                pk__in=TargetRenja.objects.filter(jenis=TargetRenja.Jenis.RENJA, tahun=tahun).values(
                    "indikator_renja__instansi"
                )
            )
            satu = satu_satunya(dengan_renja)
            if satu is None:
                raise
            self.stderr.write(
                f"Perangkat daerah {satu.kode}: satu-satunya yang memiliki indikator Renja {tahun}."
            )
            return satu

    def _csv(self, hasil):
        penulis = csv.writer(self.stdout, lineterminator="\n")
        penulis.writerow(KOLOM_CSV)
        for b in hasil.baris:
            teks = [b.kode, b.nomenklatur.nama, b.indikator.nama if b.indikator else "", _satuan(b)]
            rp = [""] * 8
            if b.pertama:
                rp = [
                    _mesin(b.pagu_renstra),
                    _mesin(b.pagu_tahun),
                    *_kuartal(b.rp_tw, b.rp_tw_keadaan),
                    _mesin(b.rp_tahun),
                    _mesin(b.serapan),
                ]
            # Text cells are neutralised (an imported «=...» stays text); figures are written as numbers.
            penulis.writerow(
                [
                    *baris_aman(teks),
                    _mesin(b.target_renstra),
                    _mesin(b.realisasi_renstra_lalu),
                    _mesin(b.target_tahun),
                    *_kuartal(b.tw, b.tw_keadaan),
                    _mesin(b.realisasi_tahun),
                    _mesin(b.capaian_tahun),
                    _mesin(b.realisasi_renstra),
                    _mesin(b.capaian_renstra),
                    *rp,
                    *baris_aman([b.unit]),
                ]
            )
        j = hasil.jumlah
        penulis.writerow(
            ["JUMLAH"]
            + [""] * 14
            + [
                _mesin(j.pagu_renstra),
                _mesin(j.pagu_tahun),
                *_kuartal(j.rp_tw, j.rp_tw_keadaan),
                _mesin(j.rp_tahun),
                _mesin(j.serapan),
                "",
            ]
        )

    def _tabel(self, hasil):
        self.stdout.write(
            f"Evaluasi hasil Renja {hasil.instansi.nama} tahun {hasil.tahun} sampai triwulan {hasil.triwulan}"
        )
        for b in hasil.baris:
            k = f"{_tampil(b.target_tahun)} / {_tampil(b.realisasi_tahun)} {_satuan(b)}".strip()
            capaian = format_persen(b.capaian_tahun) if b.capaian_tahun is not None else "-"
            rp = f"Rp {format_angka(b.rp_tahun)} dari {format_angka(b.pagu_tahun)}" if b.pertama else ""
            self.stdout.write(f"{b.kode:<20} {k[:40]:<40} {capaian:>10}  {rp}")
        j = hasil.jumlah
        self.stdout.write(
            f"JUMLAH: pagu Rp {format_angka(j.pagu_tahun)}, realisasi Rp {format_angka(j.rp_tahun)}, "
            f"serapan {format_persen(j.serapan)}"
        )
        if hasil.rata_rata_k is not None:
            predikat = hasil.predikat_k.nama if hasil.predikat_k else ""
            self.stdout.write(f"Rata-rata capaian kinerja: {format_persen(hasil.rata_rata_k)} ({predikat})")


def _satuan(b):
    return b.indikator.satuan if b.indikator else ""


def _tampil(nilai):
    if nilai is None or nilai == "":
        return "-"
    return (
        nilai if isinstance(nilai, str) else format_angka(nilai, max(0, -Decimal(nilai).as_tuple().exponent))
    )
