from django.urls import path

from perjanjian import views, views_kaskade

app_name = "perjanjian"
urlpatterns = [
    path("", views.daftar_pk, name="daftar"),
    path("renstra/", views.renstra, name="renstra"),
    path("<int:tahun>/", views.daftar_pk, name="daftar_tahun"),
    path("pk/<int:pk>/", views.detail_pk, name="detail"),
    path("pk/<int:pk>/cetak.pdf", views.cetak_pk, name="cetak"),
    path("pk/<int:pk>/finalkan/", views.finalkan_pk, name="finalkan"),
    path("pk/<int:pk>/revisi/", views.revisi_pk, name="revisi"),
    path("kepala-daerah/", views.kepala_daerah, name="kepala_daerah"),
    path("kepala-daerah/<int:tahun>/", views.kepala_daerah, name="kepala_daerah_tahun"),
    path("kepala-daerah/<int:tahun>/cetak.pdf", views.cetak_kepala_daerah, name="cetak_kepala_daerah"),
    path("kaskade/", views_kaskade.halaman, name="kaskade"),
    path("kaskade/<int:tahun>/", views_kaskade.halaman, name="kaskade_tahun"),
    path("kaskade/<int:tahun>/komentar/", views_kaskade.komentar, name="komentar_kaskade"),
    path("pohon/", views.pohon, name="pohon"),
    path("pohon/<int:tahun>/", views.pohon, name="pohon_tahun"),
]
