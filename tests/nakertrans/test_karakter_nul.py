"""NUL characters in a form: every form refuses them itself with a message naming the field, nothing
changes, and no page answers with a server error (PostgreSQL cannot store NUL in text; no middleware
stands before the views)."""

from django.conf import settings
from django.urls import reverse

from nakertrans.models import Pengguna

NUL = "berisi karakter NUL (biasanya terbawa saat menempel dari berkas biner)"


def test_no_middleware_refuses_nul_before_the_views():
    assert not any("KarakterNul" in m for m in settings.MIDDLEWARE)


def test_a_nul_in_the_password_change_form_is_a_message_and_nothing_changes(masuk_sebagai, admin):
    client = masuk_sebagai(admin)
    respons = client.post(
        reverse("password_change"),
        {"old_password": "x\x00", "new_password1": "Baru-2025!\x00", "new_password2": "Baru-2025!\x00"},
    )
    assert respons.status_code == 200
    assert NUL in respons.content.decode()
    admin.refresh_from_db()
    assert not admin.check_password("Baru-2025!\x00")


def test_a_nul_at_the_login_is_a_message_and_logs_nobody_in(client, organisasi):
    respons = client.post(reverse("masuk"), {"username": "kadis\x00", "password": "x"})
    assert respons.status_code == 200
    assert f"Nama pengguna {NUL}" in respons.content.decode()
    assert "_auth_user_id" not in client.session
    assert Pengguna.objects.filter(username="kadis").exists()
