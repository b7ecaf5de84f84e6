from django.apps import AppConfig

from nakertrans.peran import ADMIN_KABUPATEN, ADMIN_OPD, BAPPEDA, INSPEKTORAT, PIMPINAN


class PerjanjianConfig(AppConfig):
    name = "perjanjian"
    verbose_name = "Perjanjian Kinerja"
    default_auto_field = "django.db.models.BigAutoField"

    menu = [
        ("Renstra", "perjanjian:renstra", None),
        ("Perjanjian Kinerja", "perjanjian:daftar", None),
        ("PK Kepala Daerah", "perjanjian:kepala_daerah", None),
        ("Pohon Kinerja", "perjanjian:pohon", None),
        ("Kaskade", "perjanjian:kaskade", "nakertrans.lihat_semua_unit"),
    ]

    jenis_impor = {
        "indikator": ("Indikator kinerja", "perjanjian.impor.IndikatorResource", "perjanjian.add_indikator"),
        "baris_pk": (
            "Baris Perjanjian Kinerja (dengan rencana aksi)",
            "perjanjian.impor.BarisPKResource",
            "perjanjian.add_barispk",
        ),
        "rencana_aksi": (
            "Rencana aksi per triwulan",
            "perjanjian.impor.BarisPKResource",
            "perjanjian.change_barispk",
            ["tahun", "jabatan", "nomor", "rencana_tw1", "rencana_tw2", "rencana_tw3", "rencana_tw4"],
        ),
    }

    # The RPJMD and its IKU daerah are the kabupaten's (nakertrans.roles.pasang_peran).
    model_kabupaten = ["rpjmd", "misirpjmd", "tujuanrpjmd", "sasaranrpjmd", "ikudaerah", "targetikudaerah"]

    izin_peran = {
        # Not perjanjian.*: Bappeda's comments are Bappeda's (komentari_kaskade).
        ADMIN_OPD: ["perjanjian.add_*", "perjanjian.change_*", "perjanjian.delete_*", "perjanjian.view_*"],
        # The PK Kepala Daerah (services.boleh_mengelola: an office's PKs stay its own admin's).
        ADMIN_KABUPATEN: [
            "perjanjian.view_*",
            "perjanjian.add_perjanjiankinerja",
            "perjanjian.change_perjanjiankinerja",
            "perjanjian.add_barispk",
            "perjanjian.change_barispk",
        ],
        BAPPEDA: ["perjanjian.view_*", "perjanjian.komentari_kaskade"],
        INSPEKTORAT: ["perjanjian.view_*"],
        PIMPINAN: ["perjanjian.view_*"],
    }

    def muat_demo(self, *, password, stdout):
        from perjanjian.demo import muat_perencanaan

        baris = muat_perencanaan()
        stdout.write(
            f"Perencanaan: Renstra 2021-2026, 2 IKU, 12 Perjanjian Kinerja 2024 dengan {len(baris)} baris."
        )
