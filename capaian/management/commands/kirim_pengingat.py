import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from capaian.queries import unit_dengan_pk
from nakertrans import workflow
from nakertrans.format_id import format_tanggal
from nakertrans.latar import antrekan
from nakertrans.models import Pengajuan, UnitKerja
from nakertrans.notifikasi import operator_unit
from nakertrans.periode import TRIWULAN, batas_isian
from nakertrans.tugas import kirim_surel


def _pengingat(unit, triwulan, tahun, batas, penerima):
    tw = TRIWULAN[triwulan - 1]
    isi = (
        f"Yth. Operator {unit.nama},\n\nRealisasi kinerja triwulan {tw} tahun {tahun} belum diajukan, "
        f"padahal batas waktunya {format_tanggal(batas)}. Mohon segera diisi dan diajukan.\n"
    )
    judul = f"[SAKIP] Pengingat: realisasi triwulan {tw} {tahun} belum diajukan"
    return judul, isi, penerima


class Command(BaseCommand):
    help = "Mengingatkan unit kerja yang belum mengajukan realisasi kinerja setelah batas waktu triwulan."

    def add_arguments(self, parser):
        parser.add_argument("--tanggal", help="tanggal acuan TTTT-BB-HH (bawaan: hari ini)")

    def handle(self, *args, tanggal=None, **options):
        try:
            hari = datetime.date.fromisoformat(tanggal) if tanggal else timezone.localdate()
        except ValueError:
            raise CommandError("Tanggal harus berbentuk TTTT-BB-HH, misalnya 2024-04-15.") from None
        pesan, ringkas = [], []
        for tahun in (hari.year - 1, hari.year):
            for tw in range(1, 5):
                batas = batas_isian(Pengajuan.Jenis.KINERJA, tahun, tw)
                if batas >= hari:
                    continue
                sudah = Pengajuan.objects.filter(
                    jenis=Pengajuan.Jenis.KINERJA,
                    tahun=tahun,
                    periode=tw,
                    status__in=workflow.SUDAH_DIAJUKAN,
                ).values("unit_kerja")
                for unit in unit_dengan_pk(tahun, UnitKerja.objects.all()).exclude(pk__in=sudah):
                    penerima = [u.email for u in operator_unit(unit)]
                    ringkas.append(
                        f"{unit.nama}: triwulan {TRIWULAN[tw - 1]} {tahun} (batas {format_tanggal(batas)})"
                    )
                    if penerima:
                        pesan.append(_pengingat(unit, tw, tahun, batas, penerima))
        if pesan:
            antrekan(kirim_surel, pesan)
        for baris in ringkas:
            self.stdout.write(baris)
        self.stdout.write(self.style.SUCCESS(f"{len(pesan)} pengingat diantrekan untuk dikirim."))
