from django.apps import apps
from django.urls import reverse

from nakertrans.access import ada_unit_terlihat
from nakertrans.roles import peran_pengguna
from nakertrans.views_impor import jenis_untuk


def navigasi(request):
    """The menu a user sees, by what their role may reach."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    menu = [("Beranda", reverse("beranda"))]
    if ada_unit_terlihat(user):
        menu.append(("Organisasi", reverse("organisasi")))
    # Higher apps add their own entries (AppConfig.menu: [(label, url name, permission or None)]).
    for config in apps.get_app_configs():
        for label, nama_url, izin in getattr(config, "menu", []):
            if izin is None or user.has_perm(izin):
                menu.append((label, reverse(nama_url)))
    if jenis_untuk(user):
        menu.append(("Impor", reverse("impor")))
    if user.is_staff:
        menu.append(("Administrasi Data", reverse("admin:index")))
    return {"menu_utama": menu, "peran": peran_pengguna(user)}
