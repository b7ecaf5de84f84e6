"""Forms of the nakertrans pages that are not admin forms (the text fields all forms share are in
nakertrans.bidang_form)."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm


def _tolak_nul(form):
    """Django's own auth forms: their text fields refuse a NUL with a sentence naming the field."""
    for nama, bidang in form.fields.items():
        bidang.error_messages["null_characters_not_allowed"] = (
            f"{bidang.label or nama} berisi karakter NUL (biasanya terbawa saat menempel dari berkas biner); "
            "ketik ulang tanpa karakter itu."
        )


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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _tolak_nul(self)


class FormGantiSandi(PasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _tolak_nul(self)


class FormImpor(forms.Form):
    """Step 1 of an import: the kind of data and the file."""

    jenis = forms.ChoiceField(label="Jenis data")
    berkas = forms.FileField(label="Berkas (.xlsx atau .csv)")

    def __init__(self, *args, pilihan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jenis"].choices = [(kode, jenis.label) for kode, jenis in pilihan.items()]


PESAN_PRATINJAU = "Pratinjau tidak dikenal atau sudah kedaluwarsa; unggah ulang berkasnya."


class FormKonfirmasiImpor(forms.Form):
    """Step 2 of an import (the «Impor sekarang» of a preview): which preview, and whether its warnings
    were read."""

    token = forms.UUIDField(
        widget=forms.HiddenInput, error_messages={"required": PESAN_PRATINJAU, "invalid": PESAN_PRATINJAU}
    )
    peringatan_diterima = forms.BooleanField(label="Peringatan sudah diperiksa", required=False)


class FormKonfirmasiImporData(FormKonfirmasiImpor):
    """Step 2 of the import page: also the kind of data (``pilihan``: every kind there is; the view
    answers an unknown kind with 404 and a kind the user may not import with 403, as the URLs that name
    a kind do)."""

    jenis = forms.ChoiceField(widget=forms.HiddenInput)

    def __init__(self, *args, pilihan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jenis"].choices = [(kode, jenis.label) for kode, jenis in pilihan.items()]
