from django.apps import apps
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.module_loading import import_string

from nakertrans.access import get_jabatan_for_user, get_unit_kerja_for_user, unit_terlihat
from nakertrans.forms import FormMasuk
from nakertrans.models import Jabatan, Pegawai, Pengguna, UnitKerja
from nakertrans.opd import halaman_pilih_opd, tanpa_opd
from nakertrans.queries import unit_dengan_jabatan
from nakertrans.roles import peran_pengguna

# The login page: its wrong-password sentence names each field once.
masuk = auth_views.LoginView.as_view(authentication_form=FormMasuk, redirect_authenticated_user=True)


@tanpa_opd
@login_required
def beranda(request):
    if request.opd is None:
        # A kabupaten user of an installation of several offices: the kabupaten's own page.
        if request.user.has_perm("nakertrans.lihat_lintas_opd"):
            return redirect("kabupaten:ringkasan")
        return halaman_pilih_opd(request)
    peran = peran_pengguna(request.user)
    hari_ini = timezone.localdate()
    konteks = {"hari_ini": hari_ini, "instansi": request.opd}
    if peran is None:
        return render(request, "nakertrans/beranda/tanpa_peran.html", konteks)
    konteks["unit_jabatan"] = unit_dengan_jabatan(hari_ini, unit_terlihat(request.user))
    if peran.kode == "admin_opd":
        opd = request.opd
        konteks["jumlah"] = {
            "Unit kerja": UnitKerja.objects.filter(instansi=opd).count(),
            "Jabatan": Jabatan.objects.filter(unit_kerja__instansi=opd).count(),
            "Pegawai": Pegawai.objects.filter(penugasan__jabatan__unit_kerja__instansi=opd)
            .distinct()
            .count(),
            "Pengguna": Pengguna.objects.filter(instansi=opd).count(),
        }
        konteks["jabatan_kosong"] = [
            jabatan
            for _, daftar in konteks["unit_jabatan"]
            for jabatan, penugasan in daftar
            if penugasan is None
        ]
    konteks["panel"] = panel_beranda(request, peran.kode)
    konteks["peran"] = peran
    halaman = "kabupaten" if peran.kabupaten else peran.kode
    return render(request, f"nakertrans/beranda/{halaman}.html", konteks)


def panel_beranda(request, kode_peran):
    """HTML panels the apps add to a role's home page (AppConfig.panel_beranda: role -> dotted path)."""
    panel = []
    for config in apps.get_app_configs():
        jalur = getattr(config, "panel_beranda", {}).get(kode_peran)
        if jalur:
            panel.append(import_string(jalur)(request))
    return [p for p in panel if p]


@login_required
def halaman_dasar(request):
    """Only the layout and the menu: what every page costs before its own content (the floor page of
    manage.py ukur_halaman). It shows nothing a logged-in user of any role may not see."""
    return render(request, "nakertrans/halaman_dasar.html")


@login_required
def organisasi(request):
    hari_ini = timezone.localdate()
    return render(
        request,
        "nakertrans/organisasi.html",
        {"unit_jabatan": unit_dengan_jabatan(hari_ini, unit_terlihat(request.user)), "hari_ini": hari_ini},
    )


@login_required
def unit_detail(request, pk):
    unit = get_unit_kerja_for_user(request.user, pk)
    hari_ini = timezone.localdate()
    [(unit, daftar_jabatan)] = unit_dengan_jabatan(hari_ini, UnitKerja.objects.filter(pk=unit.pk))
    return render(
        request,
        "nakertrans/unit_detail.html",
        {"unit": unit, "daftar_jabatan": daftar_jabatan, "hari_ini": hari_ini},
    )


@login_required
def jabatan_detail(request, pk):
    jabatan = get_jabatan_for_user(request.user, pk)
    riwayat = jabatan.penugasan.select_related("pegawai").order_by("-mulai")
    return render(request, "nakertrans/jabatan_detail.html", {"jabatan": jabatan, "riwayat": riwayat})
