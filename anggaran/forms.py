"""The form of one row of the Isian Anggaran page: a sub kegiatan's month as typed, read into Decimal."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from nakertrans.bidang_form import BidangTeks
from nakertrans.format_id import baca_angka

PANJANG_ANGKA = 50  # a 15-digit rupiah figure with its dots, comma and «Rp» fits with room to spare


class FormRealisasiBulan(forms.Form):
    keuangan = BidangTeks(label="Realisasi keuangan", required=False, max_length=PANJANG_ANGKA)
    fisik = BidangTeks(label="Realisasi fisik", required=False, max_length=PANJANG_ANGKA)
    catatan = BidangTeks(label="Catatan", required=False, max_length=4000)
    konfirmasi = forms.BooleanField(label="Konfirmasi", required=False)
    versi = forms.IntegerField(label="Versi", required=False, min_value=0)

    def clean_keuangan(self):
        """'1.234.567' or '1.234.567,50' -> Decimal; an empty field is 0."""
        try:
            return baca_angka(self.cleaned_data["keuangan"], rupiah=True) or Decimal(0)
        except ValueError:
            pesan = "Realisasi keuangan harus berupa angka rupiah, misalnya 1.250.000."
            raise ValidationError(pesan) from None

    def clean_fisik(self):
        """'45,5' or '45.5' -> Decimal; an empty field is 0."""
        try:
            return baca_angka(self.cleaned_data["fisik"], persen=True) or Decimal(0)
        except ValueError:
            raise ValidationError("Realisasi fisik harus berupa angka persen, misalnya 45,5.") from None
