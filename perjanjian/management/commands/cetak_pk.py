from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.text import slugify

from nakertrans.management.opd import opd_dari_opsi, tambah_opsi_opd
from nakertrans.models import UnitKerja
from perjanjian.queries import pk_berlaku
from perjanjian.views import pdf_pk


class Command(BaseCommand):
    help = "Menulis satu berkas PDF per Perjanjian Kinerja yang berlaku pada tahun itu ke dalam folder."

    def add_arguments(self, parser):
        parser.add_argument("tahun", type=int)
        parser.add_argument("folder", type=Path)
        tambah_opsi_opd(parser)

    def handle(self, *args, tahun, folder, opd, **options):
        daftar = list(pk_berlaku(tahun, UnitKerja.objects.filter(instansi=opd_dari_opsi(opd))))
        if not daftar:
            raise CommandError(f"Tidak ada Perjanjian Kinerja tahun {tahun}.")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as galat:
            raise CommandError(f"Folder {folder} tidak dapat dibuat: {galat.strerror}.") from None
        for nomor, perjanjian in enumerate(daftar, start=1):
            nama = f"{nomor:02d}-pk-{tahun}-{slugify(perjanjian.jabatan.nama)}-v{perjanjian.versi}.pdf"
            (folder / nama).write_bytes(pdf_pk(perjanjian))
            self.stdout.write(f"{nama}")
        self.stdout.write(self.style.SUCCESS(f"{len(daftar)} dokumen PK tahun {tahun} ditulis ke {folder}."))
