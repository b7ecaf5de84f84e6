"""Quarterly realisasi kinerja: entry by the unit's operator, approval by the Kepala Dinas."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from capaian import services
from capaian.access import get_baris_for_user
from capaian.bukti import unduhan
from capaian.forms_isian import FormIsianTriwulan
from capaian.models import BuktiDukung
from capaian.queries import baris_isian, bukti_triwulan, hitung_baris, skala_aktif, unit_dengan_pk
from nakertrans import workflow
from nakertrans.access import (
    get_unit_kerja_for_user,
    unit_terlihat,
    wajib_tahun_sah,
)
from nakertrans.bidang_form import pesan_galat, tanpa_nul
from nakertrans.models import Pengajuan
from nakertrans.periode import TRIWULAN
from nakertrans.rumus import hitung
from nakertrans.views_pengajuan import jalankan_aksi, konteks_tindakan
from perjanjian.queries import tahun_pk_terakhir


def _tw_sah(triwulan, tahun):
    wajib_tahun_sah(tahun)
    if not 1 <= triwulan <= 4:
        raise Http404("Triwulan tidak dikenal.")


@login_required
def status_isian_kini(request):
    return status_isian(request, tahun_pk_terakhir(request.opd) or timezone.localdate().year)


@login_required
def status_isian(request, tahun):
    wajib_tahun_sah(tahun)
    matriks = workflow.matriks_status(
        jenis=Pengajuan.Jenis.KINERJA, tahun=tahun, unit=unit_dengan_pk(tahun, unit_terlihat(request.user))
    )
    return render(
        request,
        "capaian/status_isian.html",
        {"tahun": tahun, "matriks": matriks.baris, "triwulan": TRIWULAN, "menunggu": matriks.menunggu},
    )


def _konteks_baris(baris, triwulan, pita, cache, boleh_isi, bukti, galat=None, isian=None, konfirmasi=None):
    """What one row of the entry page shows. ``bukti``: the quarter's evidence by line
    (``bukti_triwulan``); ``isian``: the typed values to show back after a refused save;
    ``konfirmasi``: the PerluKonfirmasi that asks the person to confirm a reading."""
    capaian = hitung_baris(baris, triwulan, pita, cache)
    ini = next((r for r in baris.realisasi.all() if r.triwulan == triwulan), None)
    return {
        "b": baris,
        "c": capaian,
        "r": ini,
        "bukti": bukti.get(baris.pk, []) if ini else [],
        "komponen": [
            (
                k,
                (isian or {}).get(f"komponen_{k.kode}")
                if isian
                else next(
                    (n.nilai for n in (ini.nilai_komponen if ini else []) if n.komponen_id == k.pk), None
                ),
            )
            for k in baris.indikator.komponen.all()
        ],
        "rencana": baris.rencana_aksi[triwulan - 1],
        "boleh_isi": boleh_isi,
        "galat": galat,
        "isian": isian,
        "konfirmasi": konfirmasi,
        "triwulan": triwulan,
        "nama_triwulan": TRIWULAN[triwulan - 1],
        # A capaian is shown only next to the realisasi it comes from: this quarter's.
        "nilai_ini": capaian.per_triwulan.get(triwulan),
        "ada_realisasi": triwulan in capaian.per_triwulan,
        "belum_lengkap": capaian.belum_lengkap.get(triwulan, ""),
    }


def _halaman_isian(request, tahun, triwulan, unit, ganti=None):
    """The entry page; ``ganti`` {line pk: (message, typed values, confirmation)} shows a refused save
    of a line again (without script the row form posts the whole page)."""
    pengajuan = workflow.ambil_pengajuan(
        jenis=Pengajuan.Jenis.KINERJA, tahun=tahun, periode=triwulan, unit_kerja=unit
    )
    tindakan = workflow.tindakan(request.user, pengajuan)
    boleh_isi = tindakan.isi
    pita, cache, ganti = skala_aktif(unit.instansi_id), {}, ganti or {}
    daftar = baris_isian(tahun, triwulan, unit)
    bukti = bukti_triwulan(daftar, triwulan)
    baris = [_konteks_baris(b, triwulan, pita, cache, boleh_isi, bukti, *ganti.get(b.pk, ())) for b in daftar]
    return render(
        request,
        "capaian/isian_triwulan.html",
        {
            "unit": unit,
            "tahun": tahun,
            "triwulan": triwulan,
            "nama_triwulan": TRIWULAN[triwulan - 1],
            "baris": baris,
            "belum_lengkap": [k for k in baris if k["belum_lengkap"]],
            "boleh_isi": boleh_isi,
            **konteks_tindakan(tindakan, pengajuan, "capaian:ubah_status", tahun, triwulan, unit.pk),
            "lihat_riwayat": request.user.has_perm("capaian.lihat_riwayat"),
        },
    )


@login_required
def isian_triwulan(request, tahun, triwulan, unit_pk):
    _tw_sah(triwulan, tahun)
    unit = get_unit_kerja_for_user(request.user, unit_pk)
    return _halaman_isian(request, tahun, triwulan, unit)


def _simpan(user, baris, triwulan, form):
    """Save a valid row; (message, PerluKonfirmasi or None) when the service refuses it."""
    d = form.cleaned_data
    # The confirmation checkbox carries the figures it was shown for: it holds only for those.
    konfirmasi = bool(d["konfirmasi_nilai"]) and d["konfirmasi_nilai"] == services.tanda_isian(
        d["realisasi"], form.komponen
    )
    try:
        services.simpan_realisasi_kinerja(
            user=user,
            baris=baris,
            triwulan=triwulan,
            realisasi=d["realisasi"],
            komponen=form.komponen,
            kendala=d["kendala"],
            upaya=d["upaya"],
            bukti=d["bukti"],
            versi_dimuat=d["versi"],
            konfirmasi_nilai=konfirmasi,
        )
    except services.PerluKonfirmasi as e:
        return " ".join(e.messages), e
    except ValidationError as e:
        return " ".join(e.messages), None
    return None, None


@login_required
@require_POST
def simpan_baris(request, tahun, triwulan, baris_pk):
    _tw_sah(triwulan, tahun)
    baris = get_baris_for_user(request.user, baris_pk, untuk_isi=True)
    if baris.perjanjian.tahun != tahun:
        raise Http404("Baris PK tidak ada pada tahun ini.")
    form = FormIsianTriwulan(request.POST, request.FILES, komponen=baris.indikator.komponen.all())
    if form.is_valid():
        galat, perlu = _simpan(request.user, baris, triwulan, form)
    else:
        galat, perlu = pesan_galat(form), None
    unit = baris.perjanjian.unit_isian
    flat = tanpa_nul(form.data)
    if not request.htmx and galat:
        if perlu is None:
            messages.error(request, galat)  # also when the period was locked meanwhile: no form to show it
        return _halaman_isian(request, tahun, triwulan, unit, ganti={baris.pk: (galat, flat, perlu)})
    [b] = baris_isian(tahun, triwulan, unit, pk=baris.pk)
    bukti = bukti_triwulan([b], triwulan)
    if galat:
        konteks = _konteks_baris(
            b, triwulan, skala_aktif(unit.instansi_id), {}, True, bukti, galat, flat, perlu
        )
    else:
        konteks = _konteks_baris(b, triwulan, skala_aktif(unit.instansi_id), {}, True, bukti)
    if not request.htmx:
        if konteks["belum_lengkap"]:
            messages.warning(
                request, f"Baris {baris.urutan} tersimpan sebagai belum lengkap: {konteks['belum_lengkap']}"
            )
        else:
            messages.success(request, f"Baris {baris.urutan} tersimpan.")
        return redirect("capaian:isian_triwulan", tahun, triwulan, unit.pk)
    konteks.update({"tahun": tahun, "tersimpan": not galat})
    return render(request, "capaian/_baris_isian.html", konteks)


@login_required
@require_POST
def pratinjau_rumus(request, baris_pk):
    """The value a formula indicator gets from the components being typed (htmx, nothing saved)."""
    baris = get_baris_for_user(request.user, baris_pk, untuk_isi=True)
    rumus = baris.indikator.rumus_terurai()
    if rumus is None:
        raise Http404("Indikator ini tidak memakai rumus.")
    komponen = baris.indikator.komponen.all()
    form = FormIsianTriwulan(request.POST, komponen=komponen)
    if not form.is_valid():
        return render(request, "capaian/_pratinjau_rumus.html", {"galat": pesan_galat(form)})
    nilai = {}
    try:
        for k in komponen:
            nilai[k.kode] = services.baca_komponen(form.komponen[k.kode], k)
    except ValidationError as e:
        return render(request, "capaian/_pratinjau_rumus.html", {"galat": " ".join(e.messages)})
    hasil = hitung(rumus, nilai, baris.indikator.desimal)
    return render(request, "capaian/_pratinjau_rumus.html", {"hasil": hasil, "indikator": baris.indikator})


@login_required
@require_POST
def ubah_status(request, tahun, triwulan, unit_pk, aksi):
    _tw_sah(triwulan, tahun)
    unit = get_unit_kerja_for_user(request.user, unit_pk)
    pengajuan = workflow.ambil_pengajuan(
        jenis=Pengajuan.Jenis.KINERJA, tahun=tahun, periode=triwulan, unit_kerja=unit
    )
    jalankan_aksi(
        request,
        pengajuan=pengajuan,
        aksi=aksi,
        nama_periode=f"triwulan {TRIWULAN[triwulan - 1]}",
        hitung_isian=lambda: services.jumlah_isian(tahun, triwulan, unit),
        # An unfinished formula line is neither submitted nor approved.
        periksa_isian=lambda: services.masalah_isian_triwulan(tahun, triwulan, unit),
    )
    return redirect("capaian:isian_triwulan", tahun, triwulan, unit.pk)


@login_required
def unduh_bukti(request, pk):
    """Evidence is served only to users who may see its PK line."""
    bukti = BuktiDukung.objects.select_related("realisasi__baris").filter(pk=pk).first()
    if bukti is None:
        raise Http404("Bukti tidak ditemukan.")
    get_baris_for_user(request.user, bukti.realisasi.baris_id)
    return unduhan(bukti)


@login_required
def riwayat_baris(request, baris_pk):
    """Every change of a line's target, realisasi and components: who, when, old and new value."""
    if not request.user.has_perm("capaian.lihat_riwayat"):
        raise PermissionDenied("Riwayat perubahan hanya untuk Kepala Dinas dan Inspektorat.")
    baris = get_baris_for_user(request.user, baris_pk)
    from capaian.riwayat import riwayat_baris as kumpulkan

    return render(request, "capaian/riwayat.html", {"b": baris, "perubahan": kumpulkan(baris)})
