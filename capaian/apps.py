from django.apps import AppConfig


class CapaianConfig(AppConfig):
    name = "capaian"
    verbose_name = "Capaian Kinerja"
    default_auto_field = "django.db.models.BigAutoField"

    izin_peran = {
        "Admin": ["capaian.*"],
        "Inspektorat": ["capaian.view_*"],
    }

    def muat_demo(self, *, password, stdout):
        from capaian.demo import muat_realisasi, muat_skala

        muat_skala()
        unit = muat_realisasi()
        stdout.write(
            f"Realisasi kinerja 2024 dari BAB III, empat triwulan disetujui untuk {unit} unit kerja."
        )
