"""django-import-export's own `manage.py export` is not used here: it writes files without the formula
neutralisation of the product's exports. This command takes its name and says what to use instead."""

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Tidak dipakai: unduh data dari halaman aplikasi atau tombol ekspor di /admin/."

    def add_arguments(self, parser):
        parser.add_argument("sisa", nargs="*")

    def handle(self, *args, **options):
        raise CommandError(
            "«manage.py export» tidak dipakai di aplikasi ini. Unduh data dari halaman aplikasi atau dengan "
            "tombol ekspor di /admin/, yang menetralkan sel berawalan = + - @."
        )
