from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from nakertrans.demo import DOMAIN_CONTOH, PASSWORD_BAWAAN, PENGGUNA, PENGGUNA_KABUPATEN
from nakertrans.models import Pengguna
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
        # The kabupaten's logins first, the Dinas's next, then those the other apps added for their
        # example offices.
        urutan = {username: nomor for nomor, (username, *_) in enumerate(PENGGUNA_KABUPATEN + PENGGUNA)}
        akun = Pengguna.objects.filter(email__endswith=DOMAIN_CONTOH).select_related("instansi")
        for p in sorted(
            akun.prefetch_related("groups"), key=lambda p: (urutan.get(p.username, 99), p.username)
        ):
            grup = ", ".join(sorted(g.name for g in p.groups.all()))
            opd = p.instansi.kode if p.instansi_id else "kabupaten"
            self.stdout.write(f"  {p.username:<22} {grup:<16} {opd}")
        self.stdout.write(f"  kata sandi: {password}")
