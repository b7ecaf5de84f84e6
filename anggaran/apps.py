from django.apps import AppConfig


class AnggaranConfig(AppConfig):
    name = "anggaran"
    verbose_name = "Anggaran"
    default_auto_field = "django.db.models.BigAutoField"

    menu = [("Anggaran", "anggaran:realisasi", None)]

    izin_peran = {
        "Admin": ["anggaran.*"],
        "Inspektorat": ["anggaran.view_*"],
    }

    def muat_demo(self, *, password, stdout):
        from anggaran.demo import muat_anggaran

        muat_anggaran()
        stdout.write("Anggaran 2024: Tabel 14 (pagu murni) dan Tabel 30 (pagu perubahan, realisasi bulanan).")
