"""Page pieces of the workflow shared by the anggaran and kinerja entry pages."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse

from nakertrans import workflow
from nakertrans.models import Pengajuan

AKSI = ["ajukan", "tinjau", "setujui", "kembalikan", "buka"]


def konteks_tindakan(user, pengajuan, boleh_isi, nama_url, *args):
    """What the action bar of a unit's period shows: which buttons, where they post, the history."""
    return {
        "pengajuan": pengajuan,
        "riwayat": workflow.riwayat(pengajuan),
        "boleh_ajukan": boleh_isi,
        "boleh_setujui": user.has_perm("nakertrans.setujui_pengajuan")
        and pengajuan.status in workflow.menunggu_kepala_dinas(),
        "boleh_tinjau": workflow.tinjauan_kepala_unit_aktif()
        and user.has_perm("nakertrans.tinjau_unit")
        and pengajuan.status == Pengajuan.Status.DIAJUKAN,
        "boleh_buka": user.has_perm("nakertrans.buka_kembali_pengajuan")
        and pengajuan.status == Pengajuan.Status.DISETUJUI,
        "url_aksi": {aksi: reverse(nama_url, args=[*args, aksi]) for aksi in AKSI},
    }


def jalankan_aksi(request, *, pengajuan, aksi, hitung_isian, nama_periode, periksa_isian=None):
    """Run one transition for the page and leave its outcome as a message (never an exception).

    ``periksa_isian``: the page's check of the period's entries before it is submitted, forwarded or
    approved (a callable returning a list of problems, see workflow._periksa_isi).
    """
    catatan = request.POST.get("catatan", "")
    user = request.user
    try:
        if aksi == "ajukan":
            workflow.ajukan(
                pengajuan=pengajuan, user=user, jumlah_isian=hitung_isian(), periksa=periksa_isian
            )
            messages.success(request, f"Realisasi {nama_periode} diajukan untuk disetujui.")
        elif aksi == "tinjau":
            workflow.tinjau(pengajuan=pengajuan, user=user, periksa=periksa_isian)
            messages.success(request, "Pengajuan ditinjau dan diteruskan ke Kepala Dinas.")
        elif aksi == "setujui":
            workflow.setujui(pengajuan=pengajuan, user=user, periksa=periksa_isian)
            messages.success(request, "Realisasi disetujui dan dikunci.")
        elif aksi == "kembalikan":
            workflow.kembalikan(pengajuan=pengajuan, user=user, catatan=catatan)
            messages.success(request, "Pengajuan dikembalikan ke unit kerja dengan catatan.")
        elif aksi == "buka":
            workflow.buka_kembali(pengajuan=pengajuan, user=user, alasan=catatan)
            messages.success(request, "Periode dibuka kembali; alasan tercatat.")
        else:
            raise Http404("Tindakan tidak dikenal.")
    except ValidationError as galat:
        messages.error(request, " ".join(galat.messages))
    except PermissionDenied as galat:
        messages.error(request, str(galat))
