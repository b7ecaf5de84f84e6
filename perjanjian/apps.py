from django.apps import AppConfig


class PerjanjianConfig(AppConfig):
    name = "perjanjian"
    verbose_name = "Perjanjian Kinerja"
    default_auto_field = "django.db.models.BigAutoField"

    menu = [
        ("Perjanjian Kinerja", "perjanjian:daftar", None),
        ("Pohon Kinerja", "perjanjian:pohon", None),
    ]

    izin_peran = {
        "Admin": ["perjanjian.*"],
        "Inspektorat": ["perjanjian.view_*"],
    }

    def muat_demo(self, *, password, stdout):
        from perjanjian.demo import muat_perencanaan

        baris = muat_perencanaan()
        stdout.write(
            f"Perencanaan: Renstra 2021-2026, 2 IKU, 12 Perjanjian Kinerja 2024 dengan {len(baris)} baris."
        )
