"""Page pieces of the workflow shared by the anggaran and kinerja entry pages."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse

from nakertrans import workflow
from nakertrans.bidang_form import BidangTeks, pesan_galat


class FormAksi(forms.Form):
    """The note of a transition: why a period is returned or reopened (optional otherwise)."""

    catatan = BidangTeks(label="Catatan", required=False, max_length=4000)


def konteks_tindakan(tindakan, pengajuan, nama_url, *args):
    """What the action bar of a unit's period shows: the buttons of ``tindakan`` (workflow.tindakan),
    where they post, the history."""
    return {
        "pengajuan": pengajuan,
        "riwayat": workflow.riwayat(pengajuan),
        "aksi": tindakan.aksi,
        "url_aksi": {aksi: reverse(nama_url, args=[*args, aksi]) for aksi in workflow.AKSI},
    }


def jalankan_aksi(request, *, pengajuan, aksi, hitung_isian, nama_periode, periksa_isian=None):
    """Run one transition for the page and leave its outcome as a message (never an exception).

    ``periksa_isian``: the page's check of the period's entries before it is submitted, forwarded or
    approved (a callable returning a list of problems, see workflow._periksa_isi).
    """
    form = FormAksi(request.POST)
    if not form.is_valid():
        messages.error(request, pesan_galat(form))
        return
    catatan = form.cleaned_data["catatan"]
    user = request.user
    try:
        if aksi == workflow.AJUKAN:
            workflow.ajukan(
                pengajuan=pengajuan, user=user, jumlah_isian=hitung_isian(), periksa=periksa_isian
            )
            messages.success(request, f"Realisasi {nama_periode} diajukan untuk disetujui.")
        elif aksi == workflow.TINJAU:
            workflow.tinjau(pengajuan=pengajuan, user=user, periksa=periksa_isian)
            messages.success(request, "Pengajuan ditinjau dan diteruskan ke Kepala OPD.")
        elif aksi == workflow.SETUJUI:
            workflow.setujui(pengajuan=pengajuan, user=user, periksa=periksa_isian)
            messages.success(request, "Realisasi disetujui dan dikunci.")
        elif aksi == workflow.KEMBALIKAN:
            workflow.kembalikan(pengajuan=pengajuan, user=user, catatan=catatan)
            messages.success(request, "Pengajuan dikembalikan ke unit kerja dengan catatan.")
        elif aksi == workflow.BUKA:
            workflow.buka_kembali(pengajuan=pengajuan, user=user, alasan=catatan)
            messages.success(request, "Periode dibuka kembali; alasan tercatat.")
        else:
            raise Http404("Tindakan tidak dikenal.")
    except ValidationError as galat:
        messages.error(request, " ".join(galat.messages))
    except PermissionDenied as galat:
        messages.error(request, str(galat))
