from django.apps import AppConfig

from nakertrans.peran import ADMIN_KABUPATEN, ADMIN_OPD, BAPPEDA, INSPEKTORAT, PIMPINAN


class AnggaranConfig(AppConfig):
    name = "anggaran"
    verbose_name = "Anggaran"
    default_auto_field = "django.db.models.BigAutoField"

    menu = [
        ("Program & Kegiatan", "anggaran:program_kegiatan", None),
        ("Realisasi Anggaran", "anggaran:realisasi", None),
        ("Isian Anggaran", "anggaran:status_isian_kini", None),
    ]

    jenis_impor = {
        "dpa": (
            "DPA (anggaran sub kegiatan)",
            "anggaran.impor.AnggaranSubKegiatanResource",
            "anggaran.add_anggaransubkegiatan",
        ),
        "realisasi": (
            "Realisasi anggaran bulanan",
            "anggaran.impor.RealisasiAnggaranResource",
            "anggaran.add_realisasianggaran",
        ),
    }

    # The nomenklatur codes are shared by the kabupaten (nakertrans.roles.pasang_peran).
    model_kabupaten = ["nomenklatur"]

    izin_peran = {
        ADMIN_OPD: ["anggaran.*"],
        ADMIN_KABUPATEN: ["anggaran.view_*"],
        BAPPEDA: ["anggaran.view_*"],
        INSPEKTORAT: ["anggaran.view_*"],
        PIMPINAN: ["anggaran.view_*"],
    }

    def ready(self):
        from anggaran.models import AnggaranSubKegiatan
        from anggaran.services import cegah_pindah_unit_terkunci
        from nakertrans.signals import unit_akan_pindah

        unit_akan_pindah.connect(
            cegah_pindah_unit_terkunci, sender=AnggaranSubKegiatan, dispatch_uid="anggaran_kunci_unit_dpa"
        )

    def muat_demo(self, *, password, stdout):
        from anggaran.demo import muat_anggaran, setujui_semua_bulan

        muat_anggaran()
        setujui_semua_bulan()
        stdout.write(
            "Anggaran 2024: pagu murni (Tabel 14), pagu perubahan dan realisasi (Tabel 30), disetujui."
        )
