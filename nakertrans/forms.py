"""Forms of the nakertrans pages that are not admin forms."""

from django.contrib.auth.forms import AuthenticationForm


class FormMasuk(AuthenticationForm):
    """The login form with its own wrong-password sentence.

    Django's Indonesian translation of «Please enter a correct %(username)s and password» already says
    «nama pengguna» before the placeholder, which is itself the field's name («nama pengguna»): the page
    read «Masukkan nama pengguna nama pengguna dan sandi yang benar».
    """

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": (
            "Masukkan nama pengguna dan sandi yang benar. Huruf besar dan kecil dibedakan pada keduanya."
        ),
    }
