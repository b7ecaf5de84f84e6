from django.urls import path

from anggaran import views, views_isian

app_name = "anggaran"
urlpatterns = [
    path("realisasi/", views.realisasi_anggaran, name="realisasi"),
    path("realisasi/<int:tahun>/", views.realisasi_anggaran, name="realisasi_tahun"),
    path(
        "realisasi/<int:tahun>/unduh.<str:format>",
        views.realisasi_anggaran_berkas,
        name="realisasi_berkas",
    ),
    path("isian/", views_isian.status_isian, name="status_isian_kini"),
    path("isian/<int:tahun>/", views_isian.status_isian, name="status_isian"),
    path("isian/<int:tahun>/<int:bulan>/unit/<int:unit_pk>/", views_isian.isian_bulan, name="isian_bulan"),
    path(
        "isian/<int:tahun>/<int:bulan>/unit/<int:unit_pk>/<slug:aksi>/",
        views_isian.ubah_status,
        name="ubah_status",
    ),
    path(
        "isian/<int:tahun>/<int:bulan>/baris/<int:anggaran_pk>/",
        views_isian.simpan_baris,
        name="simpan_baris",
    ),
    path("program-kegiatan/", views.program_kegiatan, name="program_kegiatan"),
    path("program-kegiatan/<int:tahun>/", views.program_kegiatan, name="program_kegiatan_tahun"),
]
