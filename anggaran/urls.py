from django.urls import path

from anggaran import views

app_name = "anggaran"
urlpatterns = [
    path("realisasi/", views.realisasi_anggaran, name="realisasi"),
    path("realisasi/<int:tahun>/", views.realisasi_anggaran, name="realisasi_tahun"),
]
