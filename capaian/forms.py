"""Forms of the LKjIP pages and of the kinerja spreadsheet import (the entry page's form is in
forms_isian)."""

from django import forms

from capaian.models import PembuatanLKjIP, TanggapanPeringatan
from capaian.narasi import PANJANG_MAKSIMUM
from nakertrans.bidang_form import (
    BILANGAN_TERBESAR,
    KARAKTER_NUL,
    PANJANG_CATATAN,
    BidangDaftar,
    BidangTeks,
    FormTeksKembali,
)

PESAN_VERSI = "Versi halaman ini tidak terbaca; muat ulang halaman."
PESAN_NARASI_KOSONG = "Teks tidak boleh kosong. Pakai «Kembalikan ke teks otomatis» untuk menghapusnya."


def _bilangan_tersembunyi(pesan, minimum):
    """A number the page carries in a hidden field: anything else is a page to reload."""
    return forms.IntegerField(
        widget=forms.HiddenInput,
        required=False,
        min_value=minimum,
        max_value=BILANGAN_TERBESAR,
        error_messages={"invalid": pesan, "min_value": pesan, "max_value": pesan},
    )


class FormTanggapanPeringatan(FormTeksKembali):
    """The Kepala Dinas answers the check's warnings (``kode``, or ``semua`` still open) with one note.
    Which warnings are still open is the service's to say, at the moment it saves."""

    kode = BidangDaftar(
        BidangTeks(
            label="Kode peringatan",
            required=False,
            max_length=TanggapanPeringatan._meta.get_field("kode").max_length,
        )
    )
    semua = forms.BooleanField(required=False)
    catatan = BidangTeks(
        label="Catatan tanggapan",
        max_length=PANJANG_CATATAN,
        pesan_kosong="Tulis catatan tanggapan: mengapa laporan tetap dapat diterbitkan.",
    )


class BidangNarasi(BidangTeks):
    """The Markdown of a section, with the line ends a browser sends (CR LF) counted as the one
    character they are stored as, so that the length limit is the service's."""

    def to_python(self, value):
        return super().to_python(value).replace("\r\n", "\n")


class FormNarasi(FormTeksKembali):
    """Save one LKjIP section (``teks``) or, with ``kembalikan``, go back to the generated text; ``versi``
    is the version the page was loaded with (none for a section not written yet)."""

    teks = BidangNarasi(label="Teks", required=False, max_length=PANJANG_MAKSIMUM)
    versi = _bilangan_tersembunyi(PESAN_VERSI, minimum=0)
    kembalikan = forms.BooleanField(required=False)

    def clean(self):
        data = super().clean()
        if data.get("kembalikan"):
            # The text box is sent with the button but not read: whatever it holds is thrown away.
            self.errors.pop("teks", None)
            data.pop("teks", None)
        elif "teks" in data and not data["teks"]:
            self.add_error("teks", forms.ValidationError(PESAN_NARASI_KOSONG, code="required"))
        return data


class TeksPratinjau(forms.CharField):
    """The text as typed, for a preview, which stores nothing: NUL characters are dropped instead of
    refused, and only as much as may be saved is shown."""

    def __init__(self, **kwargs):
        super().__init__(required=False, strip=False, **kwargs)

    def to_python(self, value):
        return super().to_python(value).replace(KARAKTER_NUL, "")[:PANJANG_MAKSIMUM]


class FormPratinjauNarasi(forms.Form):
    teks = TeksPratinjau(label="Teks")


PESAN_JENIS = "Jenis pembuatan tidak dikenal."


class FormBuatLKjIP(forms.Form):
    """Generate a draft, or published version ``nomor`` (the number the Kepala Dinas was shown)."""

    jenis = forms.ChoiceField(
        choices=PembuatanLKjIP.Jenis.choices,
        widget=forms.HiddenInput,
        error_messages={"required": PESAN_JENIS, "invalid_choice": PESAN_JENIS},
    )
    nomor = _bilangan_tersembunyi("Nomor versi tidak terbaca; muat ulang halaman.", minimum=1)


class FormBerkas(forms.Form):
    """Step 1 of the kinerja spreadsheet import."""

    berkas = forms.FileField(label="Berkas isian (.xlsx atau .csv)")
