"""What every form of the application shares: text fields that refuse a NUL character with a message a
person understands (PostgreSQL cannot store NUL in text; it comes with text pasted from a binary file),
and one sentence for a refused form."""

from django import forms

PESAN_NUL = (
    "berisi karakter NUL yang tidak dapat disimpan (biasanya terbawa saat menempel dari berkas biner); "
    "ketik ulang teksnya tanpa karakter itu"
)


class Teks(forms.CharField):
    """A CharField whose NUL message says what happened and what to do."""

    default_error_messages = {"null_characters_not_allowed": PESAN_NUL}


def pesan_galat(form):
    """The form's errors as one Indonesian sentence per field: «Kendala: Pastikan nilai ini ...»."""
    bagian = []
    for nama, galat in form.errors.items():
        label = form.fields[nama].label if nama in form.fields else None
        for pesan in galat:
            pesan = pesan.rstrip(".")
            bagian.append(f"{label}: {pesan}." if label else f"{pesan}.")
    return " ".join(bagian)


def tanpa_nul(data):
    """The typed values to show back after a refused save, without the NUL characters a browser would
    turn into «�» and send again."""
    return {k: v.replace("\x00", "") for k, v in data.items()}
