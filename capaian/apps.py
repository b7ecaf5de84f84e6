from django.apps import AppConfig


class CapaianConfig(AppConfig):
    name = "capaian"
    verbose_name = "Capaian Kinerja"
    default_auto_field = "django.db.models.BigAutoField"
