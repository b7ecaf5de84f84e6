"""The form of one row of the Isian Kinerja page: what was typed, limited and free of NUL characters.

The figures stay text here: the service reads them (nakertrans.format_id.baca_angka through
capaian.services.baca_nilai), because reading an ambiguous thousands dot needs the line's target and
may ask the person to confirm.
"""

from django import forms

from nakertrans.bidang_form import BidangTeks

PANJANG_ANGKA = 50  # a 15-digit figure with its dots, comma, «Rp» or «%» fits with room to spare
PANJANG_CATATAN = 4000


class FormIsianTriwulan(forms.Form):
    realisasi = BidangTeks(label="Realisasi", required=False, max_length=PANJANG_ANGKA)
    kendala = BidangTeks(label="Kendala", required=False, max_length=PANJANG_CATATAN, strip=False)
    upaya = BidangTeks(label="Upaya", required=False, max_length=PANJANG_CATATAN, strip=False)
    versi = forms.IntegerField(label="Versi", required=False, min_value=0)
    konfirmasi_nilai = BidangTeks(label="Konfirmasi", required=False, max_length=1000)
    bukti = forms.FileField(label="Bukti", required=False)

    def __init__(self, *args, komponen=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.kode_komponen = [k.kode for k in komponen]
        for k in komponen:
            self.fields[f"komponen_{k.kode}"] = BidangTeks(
                label=f"Komponen «{k.label}»", required=False, max_length=PANJANG_ANGKA
            )

    @property
    def komponen(self):
        """{component code: typed text} of the indicator's components."""
        return {kode: self.cleaned_data[f"komponen_{kode}"] for kode in self.kode_komponen}
