"""What every form of the application shares: text fields whose refusals are whole Indonesian sentences
naming the field (a NUL character, which PostgreSQL cannot store and which comes with text pasted from
a binary file; a text too long, in Indonesian figures; an empty required field), and one message for a
refused form."""

from django import forms
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


class FormTeksKembali(forms.Form):
    """A form whose page shows what was typed again after a refusal."""

    def diketik(self, nama):
        """The value typed into field ``nama``, without NUL characters (a browser would show them as
        «�» and send that back)."""
        return (self[nama].value() or "").replace(KARAKTER_NUL, "")

    def pesan_galat(self):
        """The refusals as one message, saying that a NUL is gone from the text shown again."""
        pesan = pesan_galat(self)
        teks = [n for n in self.errors if isinstance(self.fields.get(n), forms.CharField)]
        if any(self.has_error(nama, "null_characters_not_allowed") for nama in teks):
            pesan += f" {PESAN_NUL_DIBUANG}"
        return pesan


def pesan_galat(form):
    """A refused form's errors as one message. A BidangTeks refusal is a sentence naming its field;
    another field's message («Masukkan keseluruhan angka bilangan.») gets the field's label before it."""
    bagian = []
    for nama, galat in form.errors.items():
        bidang = form.fields.get(nama)
        for pesan in galat:
            label = bidang.label if bidang is not None else None
            if isinstance(bidang, BidangTeks) or not label or label.lower() in pesan.lower():
                bagian.append(pesan)
            else:
                bagian.append(f"{label}: {pesan}")
    return " ".join(bagian)


def tanpa_nul(data):
    """The typed values to show back after a refused save, without the NUL characters a browser would
    turn into «�» and send again."""
    return {k: v.replace(KARAKTER_NUL, "") for k, v in data.items()}
