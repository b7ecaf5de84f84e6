from django.apps import AppConfig
from django.db.models.signals import post_migrate

from nakertrans.peran import (
    ADMIN_KABUPATEN,
    ADMIN_OPD,
    BAPPEDA,
    INSPEKTORAT,
    KEPALA_OPD,
    KEPALA_UNIT,
    OPERATOR,
    PIMPINAN,
)


class NakertransConfig(AppConfig):
    name = "nakertrans"
    verbose_name = "Organisasi"
    default_auto_field = "django.db.models.BigAutoField"

    # The kabupaten's pages across the offices (capaian.views_kabupaten), first for those who read them.
    menu = [("Kabupaten", "kabupaten:ringkasan", "nakertrans.lihat_lintas_opd")]

    # Rows of the kabupaten, not of one office: written by the Admin Kabupaten (and a superuser) only,
    # read by the roles that read this app (nakertrans.roles.pasang_peran).
    model_kabupaten = ["pemerintahdaerah", "instansi"]

    izin_peran = {
        # Admin maintains data but never approves: no blanket "nakertrans.*".
        ADMIN_OPD: [
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
        KEPALA_OPD: [
            "nakertrans.lihat_semua_unit",
            "nakertrans.setujui_pengajuan",
            "nakertrans.buka_kembali_pengajuan",
        ],
        # Bagian Organisasi: the offices, their first administrators, the Bupati's posts; no office's
        # own posts (nakertrans.admin_opd: a kabupaten user writes the kabupaten's rows only).
        ADMIN_KABUPATEN: [
            "nakertrans.view_*",
            "nakertrans.add_pengguna",
            "nakertrans.change_pengguna",
            "nakertrans.delete_pengguna",
            "nakertrans.add_pegawai",
            "nakertrans.change_pegawai",
            "nakertrans.add_jabatan",
            "nakertrans.change_jabatan",
            "nakertrans.add_penugasan",
            "nakertrans.change_penugasan",
            "nakertrans.delete_penugasan",
            "nakertrans.lihat_semua_unit",
            "nakertrans.lihat_lintas_opd",
            "auth.view_group",
            "axes.view_*",
        ],
        BAPPEDA: ["nakertrans.lihat_semua_unit", "nakertrans.lihat_lintas_opd", "nakertrans.view_*"],
        INSPEKTORAT: ["nakertrans.lihat_semua_unit", "nakertrans.lihat_lintas_opd", "nakertrans.view_*"],
        PIMPINAN: ["nakertrans.lihat_semua_unit", "nakertrans.lihat_lintas_opd"],
    }

    def ready(self):
        from django_tasks.signals import task_finished, task_started

        from nakertrans.latar import akhiri_detak, mulai_detak
        from nakertrans.roles import pasang_peran_setelah_migrasi

        post_migrate.connect(pasang_peran_setelah_migrasi, dispatch_uid="nakertrans_pasang_peran")
        task_started.connect(mulai_detak, dispatch_uid="nakertrans_detak_mulai")
        task_finished.connect(akhiri_detak, dispatch_uid="nakertrans_detak_selesai")

    def muat_demo(self, *, password, stdout):
        from nakertrans.demo import muat_organisasi

        muat_organisasi(password=password, stdout=stdout)
