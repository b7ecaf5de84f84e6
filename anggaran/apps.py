from django.apps import AppConfig


class AnggaranConfig(AppConfig):
    name = "anggaran"
    verbose_name = "Anggaran"
    default_auto_field = "django.db.models.BigAutoField"
