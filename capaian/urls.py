from django.urls import path

from capaian import views_isian

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
]
