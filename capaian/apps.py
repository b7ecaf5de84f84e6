from django.apps import AppConfig

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


class CapaianConfig(AppConfig):
    name = "capaian"
    verbose_name = "Capaian Kinerja"
    default_auto_field = "django.db.models.BigAutoField"

    menu = [
        ("Isian Kinerja", "capaian:status_isian_kini", None),
        ("Isian Renja", "capaian:status_isian_renja_kini", None),
        ("Evaluasi Renja", "capaian:evaluasi_renja_kini", None),
        ("LKjIP", "capaian:lkjip_kini", "capaian.view_terbitanlkjip"),
    ]

    panel_beranda = {
        "kepala_opd": "capaian.panel.panel_kepala_dinas",
        "operator": "capaian.panel.panel_operator",
        "inspektorat": "capaian.panel.panel_inspektorat",
        "admin_opd": "capaian.panel.panel_inspektorat",
        "admin_kabupaten": "capaian.panel.panel_inspektorat",
        "bappeda": "capaian.panel.panel_inspektorat",
        "pimpinan": "capaian.panel.panel_inspektorat",
    }

    # The kabupaten's predikat scales; an office's choice among them is its own (PilihanSkalaOPD).
    model_kabupaten = ["skalapredikat", "pitapredikat"]

    izin_peran = {
        ADMIN_OPD: ["capaian.add_*", "capaian.change_*", "capaian.delete_*", "capaian.view_*"],
        KEPALA_OPD: [
            "capaian.lihat_riwayat",
            "capaian.susun_lkjip",
            "capaian.terbitkan_lkjip",
            "capaian.view_terbitanlkjip",
        ],
        # Operators of the Sekretariat write the LKjIP (capaian.terbitan.boleh_menyusun narrows it).
        OPERATOR: ["capaian.susun_lkjip", "capaian.view_terbitanlkjip"],
        KEPALA_UNIT: ["capaian.view_terbitanlkjip"],
        ADMIN_KABUPATEN: ["capaian.view_*"],
        BAPPEDA: ["capaian.view_*", "capaian.lihat_riwayat"],
        INSPEKTORAT: ["capaian.view_*", "capaian.lihat_riwayat"],
        PIMPINAN: ["capaian.view_*"],
    }

    def ready(self):
        from anggaran.models import AnggaranSubKegiatan
        from anggaran.signals import dpa_diimpor
        from capaian.renja_dpa import catat_dari_dpa
        from capaian.services import cegah_pindah_unit_terkunci, pindahkan_realisasi
        from capaian.services_renja import cegah_pindah_dpa_terkunci
        from nakertrans.models import Jabatan
        from nakertrans.signals import unit_akan_pindah
        from perjanjian.signals import revisi_difinalkan

        revisi_difinalkan.connect(pindahkan_realisasi, dispatch_uid="capaian_pindahkan_realisasi")
        dpa_diimpor.connect(catat_dari_dpa, dispatch_uid="capaian_indikator_renja_dari_dpa")
        unit_akan_pindah.connect(
            cegah_pindah_dpa_terkunci, sender=AnggaranSubKegiatan, dispatch_uid="capaian_kunci_unit_dpa_renja"
        )
        unit_akan_pindah.connect(
            cegah_pindah_unit_terkunci, sender=Jabatan, dispatch_uid="capaian_kunci_unit_jabatan"
        )

    def muat_demo(self, *, password, stdout):
        from capaian.demo import muat_realisasi, muat_skala

        muat_skala()
        unit = muat_realisasi()
        stdout.write(
            f"Realisasi kinerja 2024 dari BAB III, empat triwulan disetujui untuk {unit} unit kerja."
        )
        from capaian.demo_renja import muat_renja

        unit = muat_renja()
        stdout.write(
            "Indikator program, kegiatan dan sub kegiatan 2024 (Tabel 30) dengan realisasi keluaran "
            f"Tabel 3.12, empat triwulan disetujui untuk {unit} unit kerja."
        )
        from capaian.demo_opd import OPD_CONTOH, muat_opd_contoh

        muat_opd_contoh(password=password)
        stdout.write(
            f"{len(OPD_CONTOH)} perangkat daerah contoh: "
            + ", ".join(o.nama for o in OPD_CONTOH)
            + " (organisasi kecil, Renstra, PK 2024 dan satu baris DPA)."
        )
