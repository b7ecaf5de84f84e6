"""Forms of the PK pages and of the PK admin's actions."""

from django import forms
from django.contrib.admin.helpers import ActionForm

from nakertrans.bidang_form import PANJANG_CATATAN, BidangTeks

PESAN_TANPA_ALASAN = "Alasan revisi wajib diisi (misalnya pergantian pejabat, program atau anggaran)."


class FormRevisi(forms.Form):
    """«Buat revisi» on the PK page: the reason is recorded with the new draft version."""

    alasan = BidangTeks(label="Alasan revisi", max_length=PANJANG_CATATAN, pesan_kosong=PESAN_TANPA_ALASAN)


class FormAlasanRevisiAdmin(forms.Form):
    """«Buat revisi» among the admin's actions: the reason, optional there (the action then records
    that the revision was made from the administration pages)."""

    alasan_revisi = BidangTeks(
        label="Alasan revisi",
        required=False,
        max_length=PANJANG_CATATAN,
        widget=forms.TextInput(attrs={"placeholder": "untuk «Buat revisi»"}),
    )


class FormAksiPK(FormAlasanRevisiAdmin, ActionForm):
    """The action bar of the PK list, with the reason field beside the action."""


class FormKomentarKaskade(forms.Form):
    """Bappeda's comment on an office's cascade of a year."""

    teks = BidangTeks(
        label="Komentar Bappeda",
        max_length=PANJANG_CATATAN,
        pesan_kosong="Komentar wajib diisi.",
        widget=forms.Textarea(attrs={"rows": 4}),
    )
