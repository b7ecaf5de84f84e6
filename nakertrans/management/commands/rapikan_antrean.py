from django.conf import settings
from django.core.management.base import BaseCommand

from nakertrans.latar import SIMPAN_HARI, bersihkan_tugas_selesai, tutup_tugas_senyap


class Command(BaseCommand):
    help = (
        "Merapikan antrean tugas latar: menutup sebagai gagal tugas «berjalan» yang tidak berdetak "
        f"selama {settings.SAKIP_BATAS_DIAM_DETIK} detik (pekerjanya mati) dan menghapus tugas selesai "
        f"yang lebih tua dari {SIMPAN_HARI} hari (yang gagal setelah {2 * SIMPAN_HARI} hari). "
        "Jalankan harian, bersama kirim_pengingat."
    )

    def add_arguments(self, parser):
        bantuan = f"umur tugas selesai yang dihapus, dalam hari (bawaan: {SIMPAN_HARI})"
        parser.add_argument("--hari", type=int, default=SIMPAN_HARI, help=bantuan)

    def handle(self, *args, hari, **options):
        ditutup = tutup_tugas_senyap()
        dihapus = bersihkan_tugas_selesai(max(hari, 1))
        pesan = f"{ditutup} tugas terhenti ditutup, {dihapus} tugas lama dihapus."
        self.stdout.write(self.style.SUCCESS(pesan))
