"""Forms of the nakertrans pages that are not admin forms, and the text field of the forms outside the
entry pages (BidangTeks) with what goes with it.

The entry pages' forms use nakertrans.bidang_form, whose messages read «<label>: <what is wrong>.»; the
pages here answer with the services' own sentences («Alasan revisi wajib diisi (...)», «Teks berisi 2
karakter NUL ...»), so each refusal of BidangTeks is a whole sentence naming its field.
"""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError

from nakertrans.format_id import format_angka

KARAKTER_NUL = "\x00"  # comes with text pasted from a binary file; PostgreSQL cannot store it in text
PANJANG_CATATAN = 4_000  # a free note or reason (the models' TextField has no limit of its own)
BILANGAN_TERBESAR = 2_147_483_647  # what a PositiveIntegerField holds on every database
PESAN_NUL_DIBUANG = "Karakter itu sudah dibuang dari teks di bawah: periksa teksnya, lalu kirim lagi."


class BidangTeks(forms.CharField):
    """A text field whose refusals are whole Indonesian sentences naming it, so that a page can show
    them as one message: a NUL character, with how many there are (Django's «Karakter null tidak
    diizinkan» names neither the field nor the cause); a text over ``max_length`` in Indonesian figures;
    an empty required field (``pesan_kosong``, else «<label> wajib diisi.»)."""

    def __init__(self, *, label, pesan_kosong=None, **kwargs):
        super().__init__(label=label, **kwargs)
        self.error_messages["required"] = pesan_kosong or f"{label} wajib diisi."

    def validate(self, value):
        # Before Django's own validators (run after this), so that theirs are never the message.
        if value and KARAKTER_NUL in value:
            raise ValidationError(
                f"{self.label} berisi {value.count(KARAKTER_NUL)} karakter NUL (biasanya terbawa saat "
                "menempel dari berkas biner); tidak ada yang disimpan.",
                code="null_characters_not_allowed",
            )
        if value and self.max_length is not None and len(value) > self.max_length:
            raise ValidationError(
                f"{self.label} terlalu panjang: {format_angka(len(value))} karakter, paling banyak "
                f"{format_angka(self.max_length)}.",
                code="max_length",
            )
        super().validate(value)


class BidangDaftar(forms.Field):
    """Several values under one name (the checkboxes of a list), each cleaned by ``bidang``."""

    widget = forms.MultipleHiddenInput

    def __init__(self, bidang, **kwargs):
        super().__init__(required=False, **kwargs)
        self.bidang = bidang

    def to_python(self, value):
        return [self.bidang.clean(v) for v in value or []]


def gabung_galat(form):
    """A refused form's errors as one message (each is a sentence naming its field)."""
    return " ".join(p for daftar in form.errors.values() for p in daftar)


class FormTeksKembali(forms.Form):
    """A form whose page shows what was typed again after a refusal."""

    def diketik(self, nama):
        """The value typed into field ``nama``, without NUL characters (a browser would show them as
        «�» and send that back)."""
        return (self[nama].value() or "").replace(KARAKTER_NUL, "")

    def gabung_galat(self):
        """The refusals as one message, saying that a NUL is gone from the text shown again."""
        pesan = gabung_galat(self)
        teks = [n for n in self.errors if isinstance(self.fields.get(n), forms.CharField)]
        if any(self.has_error(nama, "null_characters_not_allowed") for nama in teks):
            pesan += f" {PESAN_NUL_DIBUANG}"
        return pesan


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
