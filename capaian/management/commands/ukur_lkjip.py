"""Benchmark of the LKjIP: generation time, WeasyPrint time alone and SQL queries, at 1x and 10x data."""

import datetime
import time
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from anggaran.models import AnggaranSubKegiatan, Nomenklatur, RealisasiAnggaran
from capaian.lkjip import html_lkjip
from capaian.models import RealisasiTriwulan
from nakertrans.management.opd import opd_dari_opsi, tambah_opsi_opd
from nakertrans.models import Jabatan, Pegawai, Penugasan, UnitKerja
from nakertrans.pdf import html_ke_pdf
from perjanjian.models import BarisPK, Indikator, PerjanjianKinerja


class _Batal(Exception):
    pass


def ukur(opd, tahun):
    # One unmeasured run first: fonts and templates are loaded once per process, not per report.
    html_ke_pdf(html_lkjip(opd, tahun))
    with CaptureQueriesContext(connection) as kueri:
        awal = time.perf_counter()
        html = html_lkjip(opd, tahun)
        pdf = html_ke_pdf(html)
        total = time.perf_counter() - awal
    awal = time.perf_counter()
    html_ke_pdf(html)
    render = time.perf_counter() - awal
    return total, render, len(kueri), len(pdf)


def perbesar(opd, tahun, kali=10):
    """Add (kali - 1) copies of a bidang's worth of units, PKs, lines and sub kegiatan to the office's
    year."""
    dinas = UnitKerja.objects.get(instansi=opd, induk=None)
    kadis = Jabatan.objects.kepala_dinas(opd).get()
    indikator = Indikator.objects.create(
        instansi=opd, nama="Indikator uji beban", satuan="orang", aturan_tahunan="jumlah", desimal=0
    )
    baris_kadis = BarisPK.objects.filter(perjanjian__tahun=tahun, perjanjian__jabatan=kadis).first()
    sub_asli = list(
        AnggaranSubKegiatan.objects.filter(instansi=opd, tahun=tahun).select_related("sub_kegiatan")
    )
    tanggal = datetime.date(tahun, 1, 2)
    for i in range(1, kali):
        unit = UnitKerja.objects.create(
            instansi=dinas.instansi, nama=f"Bidang Uji {i}", jenis="bidang", induk=dinas, urutan=50 + i
        )
        program = Nomenklatur.objects.create(kode=f"2.07.{10 + i:02d}", nama=f"PROGRAM UJI {i}")
        kepala = None
        for j in range(6):
            jabatan = Jabatan.objects.create(
                nama=f"Jabatan Uji {i}.{j}",
                unit_kerja=unit,
                jenis="struktural",
                atasan=kadis if j == 0 else kepala,
                tingkat_pk=2 if j == 0 else 3,
            )
            kepala = kepala or jabatan
            pegawai = Pegawai.objects.create(
                nama=f"Pegawai Uji {i}.{j}", nip=f"19800101200501{1 + j % 2}{i:01d}{j + 10:02d}"
            )
            Penugasan.objects.create(pegawai=pegawai, jabatan=jabatan, mulai=datetime.date(tahun - 1, 1, 1))
            pk = PerjanjianKinerja.objects.create(
                tahun=tahun, jabatan=jabatan, status="final", tanggal=tanggal
            )
            for n in range(1, 5):
                b = BarisPK.objects.create(
                    perjanjian=pk,
                    urutan=n,
                    sasaran=f"Sasaran uji {n}",
                    indikator=indikator,
                    target_angka=100,
                    induk=baris_kadis if j == 0 else None,
                )
                RealisasiTriwulan.objects.bulk_create(
                    RealisasiTriwulan(baris=b, triwulan=tw, realisasi_angka=Decimal(20 + tw))
                    for tw in range(1, 5)
                )
        for k, asli in enumerate(sub_asli):
            kegiatan_kode = f"{program.kode}.2.{k // 6 + 1:02d}"
            if not Nomenklatur.objects.filter(kode=kegiatan_kode).exists():
                Nomenklatur.objects.create(kode=kegiatan_kode, nama=f"Kegiatan uji {k // 6 + 1}")
            sub = Nomenklatur.objects.create(
                kode=f"{kegiatan_kode}.{k % 6 + 1:04d}", nama=asli.sub_kegiatan.nama
            )
            a = AnggaranSubKegiatan.objects.create(
                tahun=tahun,
                sub_kegiatan=sub,
                unit_kerja=unit,
                indikator=asli.indikator,
                target=asli.target,
                satuan=asli.satuan,
                pagu_murni=asli.pagu_murni,
            )
            RealisasiAnggaran.objects.bulk_create(
                RealisasiAnggaran(anggaran=a, bulan=m, keuangan=asli.pagu_murni / 24) for m in range(1, 13)
            )


class Command(BaseCommand):
    help = "Mengukur pembuatan LKjIP pada data demo dan pada data sepuluh kali lebih besar (lalu dibatalkan)."

    def add_arguments(self, parser):
        parser.add_argument("tahun", type=int)
        tambah_opsi_opd(parser)

    def handle(self, *args, tahun, opd, **options):
        opd = opd_dari_opsi(opd)
        if not PerjanjianKinerja.objects.filter(instansi=opd, tahun=tahun).exists():
            raise CommandError(f"Tidak ada Perjanjian Kinerja tahun {tahun}; muat data demo lebih dulu.")
        total_1, render_1, kueri_1, ukuran = ukur(opd, tahun)
        self.stdout.write(
            f"1x : total {total_1:.2f} s, WeasyPrint {render_1:.2f} s, {kueri_1} kueri, {ukuran} bita"
        )
        hasil = {}
        try:
            with transaction.atomic():
                perbesar(opd, tahun)
                baris = BarisPK.objects.filter(perjanjian__instansi=opd, perjanjian__tahun=tahun).count()
                sub = AnggaranSubKegiatan.objects.filter(instansi=opd, tahun=tahun).count()
                hasil["10x"] = (*ukur(opd, tahun), baris, sub)
                raise _Batal
        except _Batal:
            pass
        total_10, render_10, kueri_10, ukuran_10, baris, sub = hasil["10x"]
        self.stdout.write(
            f"10x: total {total_10:.2f} s, WeasyPrint {render_10:.2f} s, {kueri_10} kueri, {ukuran_10} bita "
            f"({baris} baris PK, {sub} sub kegiatan; data uji dibatalkan)"
        )
        self.stdout.write(f"rasio={total_1 / render_1:.3f} kueri_1x={kueri_1} kueri_10x={kueri_10}")
