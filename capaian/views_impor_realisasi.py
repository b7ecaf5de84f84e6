"""Realisasi kinerja of a unit's quarter from a spreadsheet: template, preview, import (its operator)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from capaian import impor_realisasi
from capaian.forms import FormBerkas
from capaian.queries import baris_isian
from capaian.views_isian import _tw_sah
from nakertrans import workflow
from nakertrans.access import get_unit_kerja_for_user, unit_yang_boleh_diisi
from nakertrans.berkas_tabel import BATAS_UKURAN
from nakertrans.bidang_form import pesan_galat
from nakertrans.forms import FormKonfirmasiImpor
from nakertrans.models import Pengajuan
from nakertrans.periode import TRIWULAN


def _wajib_pengisi(request, tahun, triwulan, unit_pk):
    """The unit's operator, while the quarter can still be changed; else refused with the reason."""
    _tw_sah(triwulan, tahun)
    unit = get_unit_kerja_for_user(request.user, unit_pk)
    if not unit_yang_boleh_diisi(request.user).filter(pk=unit.pk).exists():
        raise PermissionDenied("Hanya operator unit ini yang dapat mengisi realisasinya.")
    pengajuan = workflow.ambil_pengajuan(
        jenis=Pengajuan.Jenis.KINERJA, tahun=tahun, periode=triwulan, unit_kerja=unit
    )
    baris = baris_isian(tahun, triwulan, unit)  # with components and their values
    return unit, pengajuan, baris


@login_required
def unduh_templat(request, tahun, triwulan, unit_pk):
    unit, _, baris = _wajib_pengisi(request, tahun, triwulan, unit_pk)
    respons = HttpResponse(
        impor_realisasi.templat(baris, triwulan),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    nama = f"isian-kinerja-{tahun}-tw{triwulan}-{unit.singkatan or unit.pk}.xlsx".replace(" ", "-")
    respons["Content-Disposition"] = f'attachment; filename="{nama}"'
    return respons


def _konteks(unit, tahun, triwulan, form, **lain):
    return {
        "unit": unit,
        "tahun": tahun,
        "triwulan": triwulan,
        "nama_triwulan": TRIWULAN[triwulan - 1],
        "form": form,
        "batas_mb": BATAS_UKURAN // (1024 * 1024),
        **lain,
    }


@login_required
def pratinjau(request, tahun, triwulan, unit_pk):
    unit, pengajuan, baris = _wajib_pengisi(request, tahun, triwulan, unit_pk)
    form = FormBerkas(request.POST or None, request.FILES or None)
    konteks = _konteks(unit, tahun, triwulan, form)
    if not workflow.dapat_diubah(pengajuan):
        konteks["terkunci"] = True
    elif request.method == "POST" and form.is_valid():
        unggahan = form.cleaned_data["berkas"]
        try:
            if unggahan.size > BATAS_UKURAN:
                raise ValidationError(f"Berkas terlalu besar (paling besar {konteks['batas_mb']} MB).")
            hasil, rekaman = impor_realisasi.periksa(
                unggahan.read(), unggahan.name, user=request.user, tahun=tahun, triwulan=triwulan, unit=unit,
                baris_daftar=baris,
            )  # fmt: skip
        except ValidationError as galat:
            form.add_error("berkas", galat)
        else:
            konteks.update({"hasil": hasil, "nama_berkas": unggahan.name})
            if rekaman is not None:
                konteks["token"] = str(rekaman.token)
    return render(request, "capaian/impor_realisasi.html", konteks)


@login_required
@require_POST
def simpan(request, tahun, triwulan, unit_pk):
    unit, pengajuan, baris = _wajib_pengisi(request, tahun, triwulan, unit_pk)
    form = FormKonfirmasiImpor(request.POST)
    try:
        workflow.pastikan_dapat_diubah(pengajuan)
        if not form.is_valid():
            raise ValidationError(pesan_galat(form))
        hasil, rekaman = impor_realisasi.impor(
            form.cleaned_data["token"], user=request.user, tahun=tahun, triwulan=triwulan, unit=unit,
            baris_daftar=baris, peringatan_diterima=form.cleaned_data["peringatan_diterima"],
        )  # fmt: skip
    except ValidationError as galat:
        messages.error(request, " ".join(galat.messages))
        return redirect("capaian:impor_realisasi", tahun, triwulan, unit.pk)
    if hasil.ada_galat:
        return render(
            request,
            "capaian/impor_realisasi.html",
            _konteks(unit, tahun, triwulan, FormBerkas(), hasil=hasil, nama_berkas=rekaman.nama_berkas),
        )
    messages.success(request, f"Impor {rekaman.nama_berkas} selesai: {hasil.ringkasan}.")
    return redirect("capaian:isian_triwulan", tahun, triwulan, unit.pk)
