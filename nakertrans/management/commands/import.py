"""django-import-export's own `manage.py import` is not used here: it saves the valid rows of a file
with invalid ones and bypasses the checks of the import page. This command takes its name and says
what to use instead."""

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Tidak dipakai: gunakan «manage.py impor JENIS BERKAS [--periksa]»."

    def add_arguments(self, parser):
        parser.add_argument("sisa", nargs="*")

    def handle(self, *args, **options):
        raise CommandError(
            "«manage.py import» tidak dipakai di aplikasi ini: ia menyimpan baris yang sah walaupun ada "
            "baris yang salah. Gunakan «manage.py impor JENIS BERKAS [--periksa]» "
            "(semua atau tidak sama sekali)."
        )
