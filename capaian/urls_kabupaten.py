from django.urls import path

from capaian import views_kabupaten

app_name = "kabupaten"

urlpatterns = [
    path("", views_kabupaten.ringkasan, name="ringkasan"),
    path("<int:tahun>/", views_kabupaten.ringkasan, name="ringkasan_tahun"),
    path("<int:tahun>/pengisian/", views_kabupaten.pengisian, name="pengisian"),
    path("<int:tahun>/iku-daerah/", views_kabupaten.iku_daerah, name="iku_daerah"),
    path("<int:tahun>/renja/", views_kabupaten.renja, name="renja"),
    path("<int:tahun>/renja/<int:triwulan>/", views_kabupaten.renja, name="renja_triwulan"),
    path("<int:tahun>/renja/<int:triwulan>/unduh.xlsx", views_kabupaten.renja_xlsx, name="renja_xlsx"),
    path("<int:tahun>/kaskade/", views_kabupaten.kaskade_kabupaten, name="kaskade"),
    path("cari/", views_kabupaten.cari, name="cari"),
]
