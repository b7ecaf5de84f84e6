from django.urls import path

from capaian import views_impor_realisasi, views_isian, views_lkjip, views_renja

app_name = "capaian"
urlpatterns = [
    path("isian/", views_isian.status_isian_kini, name="status_isian_kini"),
    path("isian/<int:tahun>/", views_isian.status_isian, name="status_isian"),
    path(
        "isian/<int:tahun>/<int:triwulan>/unit/<int:unit_pk>/",
        views_isian.isian_triwulan,
        name="isian_triwulan",
    ),
    path(
        "isian/<int:tahun>/<int:triwulan>/unit/<int:unit_pk>/templat.xlsx",
        views_impor_realisasi.unduh_templat,
        name="templat_realisasi",
    ),
    path(
        "isian/<int:tahun>/<int:triwulan>/unit/<int:unit_pk>/impor/",
        views_impor_realisasi.pratinjau,
        name="impor_realisasi",
    ),
    path(
        "isian/<int:tahun>/<int:triwulan>/unit/<int:unit_pk>/impor/simpan/",
        views_impor_realisasi.simpan,
        name="simpan_impor_realisasi",
    ),
    path(
        "isian/<int:tahun>/<int:triwulan>/unit/<int:unit_pk>/<slug:aksi>/",
        views_isian.ubah_status,
        name="ubah_status",
    ),
    path(
        "isian/<int:tahun>/<int:triwulan>/baris/<int:baris_pk>/",
        views_isian.simpan_baris,
        name="simpan_baris",
    ),
    path("baris/<int:baris_pk>/pratinjau/", views_isian.pratinjau_rumus, name="pratinjau_rumus"),
    path("baris/<int:baris_pk>/riwayat/", views_isian.riwayat_baris, name="riwayat_baris"),
    path("bukti/<int:pk>/", views_isian.unduh_bukti, name="unduh_bukti"),
    path("renja/isian/", views_renja.status_isian, name="status_isian_renja_kini"),
    path("renja/isian/<int:tahun>/", views_renja.status_isian, name="status_isian_renja"),
    path(
        "renja/isian/<int:tahun>/<int:triwulan>/unit/<int:unit_pk>/",
        views_renja.isian,
        name="isian_renja",
    ),
    path(
        "renja/isian/<int:tahun>/<int:triwulan>/unit/<int:unit_pk>/<slug:aksi>/",
        views_renja.ubah_status,
        name="ubah_status_renja",
    ),
    path(
        "renja/isian/<int:tahun>/<int:triwulan>/indikator/<int:ir_pk>/",
        views_renja.simpan,
        name="simpan_renja",
    ),
    path("renja/indikator/<int:ir_pk>/riwayat/", views_renja.riwayat, name="riwayat_renja"),
    path("renja/bukti/<int:pk>/", views_renja.unduh_bukti, name="unduh_bukti_renja"),
    path("renja/evaluasi/", views_renja.evaluasi_kini, name="evaluasi_renja_kini"),
    path("renja/evaluasi/<int:tahun>/<int:triwulan>/", views_renja.evaluasi, name="evaluasi_renja"),
    path(
        "renja/evaluasi/<int:tahun>/<int:triwulan>/unduh.<str:format>",
        views_renja.evaluasi_berkas,
        name="evaluasi_renja_berkas",
    ),
    path(
        "renja/evaluasi/<int:tahun>/<int:triwulan>/catatan/<slug:aksi>/",
        views_renja.catatan,
        name="catatan_evaluasi_renja",
    ),
    path("lkjip/", views_lkjip.lkjip_kini, name="lkjip_kini"),
    path("lkjip/<int:tahun>/", views_lkjip.lkjip, name="lkjip"),
    path("lkjip/<int:tahun>/pemeriksaan/", views_lkjip.pemeriksaan, name="pemeriksaan_lkjip"),
    path("lkjip/<int:tahun>/narasi/<slug:kunci>/", views_lkjip.ubah_narasi, name="ubah_narasi"),
    path("lkjip/<int:tahun>/narasi-pratinjau/", views_lkjip.pratinjau_narasi, name="pratinjau_narasi"),
    path("lkjip/<int:tahun>/buat/", views_lkjip.buat, name="buat_lkjip"),
    path("lkjip/pembuatan/<int:pk>/", views_lkjip.status_pembuatan, name="status_pembuatan"),
    path("lkjip/pembuatan/<int:pk>/berkas.pdf", views_lkjip.berkas_pembuatan, name="berkas_pembuatan"),
    path("lkjip/terbitan/<int:pk>/berkas.pdf", views_lkjip.unduh_terbitan, name="unduh_terbitan"),
]
