"""Login, logout, password change and throttling, as a person at the login page meets them."""

from django.urls import reverse

from nakertrans.forms import FormMasuk
from tests.conftest import PASSWORD

# Django's own Indonesian sentence said «Masukkan nama pengguna nama pengguna dan sandi yang benar».
KALIMAT_SALAH = "Masukkan nama pengguna dan sandi yang benar. Huruf besar dan kecil dibedakan pada keduanya."


def _masuk(client, username, password):
    return client.post(reverse("masuk"), {"username": username, "password": password})


def test_correct_password_logs_in_and_lands_on_home(client, kadis):
    respons = _masuk(client, "kadis", PASSWORD)
    assert respons.status_code == 302
    assert respons.url == reverse("beranda")
    assert "Beranda Kepala OPD" in client.get(reverse("beranda")).content.decode()


def test_wrong_password_gives_indonesian_message_not_an_error(client, kadis):
    respons = _masuk(client, "kadis", "salah")
    assert respons.status_code == 200
    assert [str(e) for e in respons.context["form"].non_field_errors()] == [KALIMAT_SALAH]
    halaman = respons.content.decode()
    assert KALIMAT_SALAH in halaman and "nama pengguna nama pengguna" not in halaman
    assert client.get(reverse("beranda")).status_code == 302


def test_the_wrong_password_sentence_names_each_field_once(rf, kadis):
    form = FormMasuk(rf.post(reverse("masuk")), data={"username": "kadis", "password": "salah"})
    assert not form.is_valid()
    assert form.non_field_errors() == [KALIMAT_SALAH]


def test_unknown_user_and_empty_form_are_plain_messages(client, organisasi):
    assert _masuk(client, "tidak_ada", "apa saja").status_code == 200
    respons = client.post(reverse("masuk"), {})
    assert respons.status_code == 200
    assert "Bidang ini tidak boleh kosong" in respons.content.decode()


def test_repeated_wrong_passwords_lock_the_account_even_with_the_right_one(client, settings, kadis):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _masuk(client, "kadis", "salah")
    respons = _masuk(client, "kadis", PASSWORD)
    assert respons.status_code == 429
    assert "Akun terkunci sementara" in respons.content.decode()
    assert client.get(reverse("beranda")).status_code == 302


def test_lockout_is_per_account_so_colleagues_can_still_log_in(client, settings, kadis, admin):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _masuk(client, "kadis", "salah")
    assert _masuk(client, "admin", PASSWORD).status_code == 302


def test_logout_needs_post_and_ends_the_session(masuk_sebagai, kadis):
    client = masuk_sebagai(kadis)
    respons = client.post(reverse("keluar"))
    assert respons.status_code == 302
    assert client.get(reverse("beranda")).status_code == 302


def test_password_change_in_indonesian(masuk_sebagai, operator_trans):
    client = masuk_sebagai(operator_trans)
    halaman = client.get(reverse("password_change")).content.decode()
    assert "Ganti kata sandi" in halaman
    respons = client.post(
        reverse("password_change"),
        {
            "old_password": "keliru",
            "new_password1": "Transmigrasi-2025!",
            "new_password2": "Transmigrasi-2025!",
        },
    )
    assert "Sandi lama Anda yang dimasukkan salah" in respons.content.decode()
    respons = client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "Transmigrasi-2025!",
            "new_password2": "Transmigrasi-2025!",
        },
    )
    assert respons.status_code == 302
    operator_trans.refresh_from_db()
    assert operator_trans.check_password("Transmigrasi-2025!")
