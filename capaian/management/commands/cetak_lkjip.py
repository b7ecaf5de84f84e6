from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from capaian.lkjip import html_lkjip
from nakertrans.pdf import html_ke_pdf


class Command(BaseCommand):
    help = "Menulis LKjIP suatu tahun sebagai PDF (draf, dengan tanda DRAF)."

    def add_arguments(self, parser):
        parser.add_argument("tahun", type=int)
        parser.add_argument("berkas", type=Path)

    def handle(self, *args, tahun, berkas, **options):
        from perjanjian.models import PerjanjianKinerja

        if not PerjanjianKinerja.objects.filter(tahun=tahun).exists():
            raise CommandError(f"Tidak ada Perjanjian Kinerja tahun {tahun}; LKjIP tidak dapat disusun.")
        isi = html_ke_pdf(html_lkjip(tahun, draf=True))
        try:
            berkas.write_bytes(isi)
        except OSError as galat:
            raise CommandError(f"Berkas {berkas} tidak dapat ditulis: {galat.strerror}.") from None
        self.stdout.write(self.style.SUCCESS(f"LKjIP {tahun} ditulis ke {berkas} ({len(isi)} bait)."))
