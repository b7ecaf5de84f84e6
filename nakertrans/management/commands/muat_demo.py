from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from nakertrans.demo import PASSWORD_BAWAAN, PENGGUNA
from nakertrans.roles import pasang_peran


class Command(BaseCommand):
    help = (
        "Memuat data demo dari LKjIP 2024 Dinas Tenaga Kerja dan Transmigrasi Kabupaten Bungo. "
        "Aman dijalankan berulang kali: data yang sudah ada tidak digandakan."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            default=PASSWORD_BAWAAN,
            help=f"kata sandi semua akun demo (bawaan: {PASSWORD_BAWAAN})",
        )
        parser.add_argument("--force", action="store_true", help="tetap jalan walaupun DEBUG tidak aktif")

    def handle(self, *args, password, force, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "muat_demo menolak berjalan karena DEBUG tidak aktif (tampaknya server produksi). "
                "Gunakan --force bila memang ingin memuat data demo di sini."
            )
        if not password:
            raise CommandError("Kata sandi akun demo tidak boleh kosong.")
        with transaction.atomic():
            pasang_peran()
            # Each app loads its own part of the demo year, in dependency order.
            for config in apps.get_app_configs():
                if hasattr(config, "muat_demo"):
                    config.muat_demo(password=password, stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Data demo termuat. Akun demo (kata sandi sama untuk semua):"))
        for username, grup, *_ in PENGGUNA:
            self.stdout.write(f"  {username:<22} {grup}")
        self.stdout.write(f"  kata sandi: {password}")
