"""NUL characters in a form: refused before any view that does not handle them itself."""

from django.urls import reverse

from nakertrans.models import Pengguna


def test_a_nul_in_any_other_form_is_a_plain_400_and_nothing_changes(masuk_sebagai, admin):
    client = masuk_sebagai(admin)
    respons = client.post(
        reverse("password_change"),
        {"old_password": "x\x00", "new_password1": "Baru-2025!\x00", "new_password2": "Baru-2025!\x00"},
    )
    assert respons.status_code == 400
    assert "karakter yang tidak sah (NUL)" in respons.content.decode()
    assert not Pengguna.objects.get(pk=admin.pk).check_password("Baru-2025!\x00")


def test_a_nul_at_the_login_is_refused_too(client, organisasi):
    respons = client.post(reverse("masuk"), {"username": "kadis\x00", "password": "x"})
    assert respons.status_code == 400
