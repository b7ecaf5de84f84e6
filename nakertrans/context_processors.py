from django.urls import reverse

from nakertrans.access import unit_terlihat
from nakertrans.roles import peran_pengguna


def navigasi(request):
    """The menu a user sees, by what their role may reach."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    menu = [("Beranda", reverse("beranda"))]
    if unit_terlihat(user).exists():
        menu.append(("Organisasi", reverse("organisasi")))
    if user.is_staff:
        menu.append(("Administrasi Data", reverse("admin:index")))
    return {"menu_utama": menu, "peran": peran_pengguna(user)}
