from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from nakertrans import views, views_impor
from nakertrans.forms import FormGantiSandi
from nakertrans.opd import tanpa_opd

admin.site.site_header = "SAKIP Dinas Tenaga Kerja dan Transmigrasi"
admin.site.site_title = "Administrasi SAKIP"
admin.site.index_title = "Administrasi data"

urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("dasar/", views.halaman_dasar, name="halaman_dasar"),
    path("organisasi/", views.organisasi, name="organisasi"),
    path("organisasi/unit/<int:pk>/", views.unit_detail, name="unit_detail"),
    path("organisasi/jabatan/<int:pk>/", views.jabatan_detail, name="jabatan_detail"),
    path("masuk/", tanpa_opd(views.masuk), name="masuk"),
    path("keluar/", tanpa_opd(auth_views.LogoutView.as_view()), name="keluar"),
    path(
        "kata-sandi/",
        tanpa_opd(auth_views.PasswordChangeView.as_view(form_class=FormGantiSandi)),
        name="password_change",
    ),
    path(
        "kata-sandi/selesai/",
        tanpa_opd(auth_views.PasswordChangeDoneView.as_view()),
        name="password_change_done",
    ),
    path("impor/", views_impor.halaman_impor, name="impor"),
    path("impor/simpan/", views_impor.simpan_impor, name="impor_simpan"),
    path("impor/latar/<uuid:token>/", views_impor.status_impor, name="status_impor"),
    path("impor/templat/<slug:jenis>.xlsx", views_impor.unduh_templat, name="templat_impor"),
    path("anggaran/", include("anggaran.urls")),
    path("perjanjian/", include("perjanjian.urls")),
    path("capaian/", include("capaian.urls")),
    path("kabupaten/", include("capaian.urls_kabupaten")),
    path("admin/", admin.site.urls),
]
# Uploaded files are never served as static media: evidence goes through a view that checks access.
