from django.apps import AppConfig
from django.db.models.signals import post_migrate

from nakertrans.peran import ADMIN, INSPEKTORAT, KEPALA_DINAS, KEPALA_UNIT, OPERATOR


class NakertransConfig(AppConfig):
    name = "nakertrans"
    verbose_name = "Organisasi"
    default_auto_field = "django.db.models.BigAutoField"

    izin_peran = {
        # Admin maintains data but never approves: no blanket "nakertrans.*".
        ADMIN: [
            "nakertrans.add_*",
            "nakertrans.change_*",
            "nakertrans.delete_*",
            "nakertrans.view_*",
            "nakertrans.kelola_organisasi",
            "nakertrans.lihat_semua_unit",
            "auth.view_group",
            # Reads the login lockouts; lifting one is a superuser's (an Admin clearing the Kepala
            # Dinas's failed logins could go on guessing that password).
            "axes.view_*",
        ],
        OPERATOR: ["nakertrans.isi_data_unit"],
        KEPALA_UNIT: ["nakertrans.tinjau_unit"],
        KEPALA_DINAS: [
            "nakertrans.lihat_semua_unit",
            "nakertrans.setujui_pengajuan",
            "nakertrans.buka_kembali_pengajuan",
        ],
        INSPEKTORAT: ["nakertrans.lihat_semua_unit", "nakertrans.view_*"],
    }

    def ready(self):
        from nakertrans.roles import pasang_peran_setelah_migrasi

        post_migrate.connect(pasang_peran_setelah_migrasi, dispatch_uid="nakertrans_pasang_peran")

    def muat_demo(self, *, password, stdout):
        from nakertrans.demo import muat_organisasi

        muat_organisasi(password=password, stdout=stdout)
