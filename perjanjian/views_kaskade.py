"""The cascade check of an office's year (perjanjian.kaskade) with Bappeda's comments on it, for the
office's planner and head and for the kabupaten's readers (everyone who reads all of the office's
units)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from nakertrans.access import melihat_semua_unit, wajib_izin, wajib_tahun_sah
from nakertrans.bidang_form import pesan_galat
from perjanjian import kaskade
from perjanjian.forms import FormKomentarKaskade
from perjanjian.models import KomentarKaskade
from perjanjian.queries import tahun_pk, tahun_pk_terakhir

IZIN_KOMENTAR = "perjanjian.komentari_kaskade"


def _wajib_pembaca(user):
    if not melihat_semua_unit(user):
        raise PermissionDenied("Pemeriksaan kaskade dibaca oleh perencana, Kepala OPD dan pembaca kabupaten.")


def _perbaikan(user, jenis, temuan):
    """The finding's fix as the user may follow it (an admin page for staff with the permission)."""
    p = jenis.perbaikan(temuan)
    return p if p.boleh_dibuka(user) else None


@login_required
def halaman(request, tahun=None):
    _wajib_pembaca(request.user)
    opd = request.opd
    tahun = tahun or tahun_pk_terakhir(opd) or timezone.localdate().year
    wajib_tahun_sah(tahun)
    temuan = [
        (j, [(t, j.pesan(t), _perbaikan(request.user, j, t)) for t in daftar])
        for j, daftar in kaskade.temuan_opd(opd, tahun)
    ]
    konteks = {
        "tahun": tahun,
        "tahun_tersedia": tahun_pk(opd),
        "opd": opd,
        "temuan": temuan,
        "jumlah": sum(len(d) for _, d in temuan),
        "sasaran_daerah": list(kaskade.sasaran_daerah_tanpa_dukungan(opd.pemerintah_daerah, tahun)),
        "komentar": KomentarKaskade.objects.filter(instansi=opd, tahun=tahun).select_related("oleh__pegawai"),
        "boleh_komentar": request.user.has_perm(IZIN_KOMENTAR),
        "form": FormKomentarKaskade(),
    }
    return render(request, "perjanjian/kaskade.html", konteks)


@require_POST
@login_required
def komentar(request, tahun):
    wajib_izin(request.user, IZIN_KOMENTAR)
    _wajib_pembaca(request.user)
    wajib_tahun_sah(tahun)
    form = FormKomentarKaskade(request.POST)
    if form.is_valid():
        KomentarKaskade.objects.create(
            instansi=request.opd, tahun=tahun, teks=form.cleaned_data["teks"], oleh=request.user
        )
        messages.success(request, "Komentar disimpan dan dapat dibaca perangkat daerah ini.")
    else:
        messages.error(request, f"Komentar tidak disimpan: {pesan_galat(form)}")
    return redirect("perjanjian:kaskade_tahun", tahun)
