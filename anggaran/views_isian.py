"""Monthly realisasi entry by the unit's operator, and the approval of each unit's month."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import DecimalField, Prefetch, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from anggaran import services
from anggaran.access import get_anggaran_for_user
from anggaran.forms import FormRealisasiBulan
from anggaran.models import AnggaranSubKegiatan, RealisasiAnggaran
from anggaran.queries import tahun_terakhir
from nakertrans import workflow
from nakertrans.access import (
    get_unit_kerja_for_user,
    unit_terlihat,
    wajib_tahun_sah,
)
from nakertrans.bidang_form import pesan_galat, tanpa_nul
from nakertrans.format_id import NAMA_BULAN, format_angka_tepat
from nakertrans.models import Pengajuan
from nakertrans.views_pengajuan import jalankan_aksi, konteks_tindakan

NOL = Value(0, output_field=DecimalField(max_digits=18, decimal_places=2))


def _bulan_sah(bulan, tahun):
    wajib_tahun_sah(tahun)
    if not 1 <= bulan <= 12:
        raise Http404("Bulan tidak dikenal.")


@login_required
def status_isian(request, tahun=None):
    """Units x months: the workflow status of each unit's monthly realisasi."""
    tahun = tahun or tahun_terakhir(request.opd)
    wajib_tahun_sah(tahun)
    unit = unit_terlihat(request.user).filter(anggaran__tahun=tahun).distinct().order_by("urutan")
    matriks = workflow.matriks_status(jenis=Pengajuan.Jenis.ANGGARAN, tahun=tahun, unit=unit)
    return render(
        request,
        "anggaran/status_isian.html",
        {"tahun": tahun, "matriks": matriks.baris, "nama_bulan": NAMA_BULAN, "menunggu": matriks.menunggu},
    )


def _baris_isian(unit, tahun, bulan):
    bulan_ini = RealisasiAnggaran.objects.filter(bulan=bulan)
    return (
        AnggaranSubKegiatan.objects.filter(tahun=tahun, unit_kerja=unit)
        .select_related("sub_kegiatan")
        .annotate(sebelumnya=Coalesce(Sum("realisasi__keuangan", filter=Q(realisasi__bulan__lt=bulan)), NOL))
        .prefetch_related(Prefetch("realisasi", queryset=bulan_ini, to_attr="realisasi_bulan_ini"))
        .order_by("sub_kegiatan__kode")
    )


def _isian_tersimpan(realisasi):
    """The form's values from the saved row, exact to the cent (the table cells round to the rupiah):
    a row saved again as shown keeps its figures."""
    if realisasi is None:
        return {}
    return {
        "keuangan": format_angka_tepat(realisasi.keuangan, 2),
        "fisik": format_angka_tepat(realisasi.fisik, 2),
        "catatan": realisasi.catatan,
    }


def _konteks_baris(anggaran, realisasi, boleh_isi, galat=None, isian=None):
    return {
        "a": anggaran,
        "r": realisasi,
        "boleh_isi": boleh_isi,
        "galat": galat,
        "isian": isian or _isian_tersimpan(realisasi),
    }


@login_required
def isian_bulan(request, tahun, bulan, unit_pk):
    _bulan_sah(bulan, tahun)
    unit = get_unit_kerja_for_user(request.user, unit_pk)
    pengajuan = workflow.ambil_pengajuan(
        jenis=Pengajuan.Jenis.ANGGARAN, tahun=tahun, periode=bulan, unit_kerja=unit
    )
    tindakan = workflow.tindakan(request.user, pengajuan)
    boleh_isi = tindakan.isi
    baris = [
        _konteks_baris(a, (a.realisasi_bulan_ini or [None])[0], boleh_isi)
        for a in _baris_isian(unit, tahun, bulan)
    ]
    return render(
        request,
        "anggaran/isian_bulan.html",
        {
            "unit": unit,
            "tahun": tahun,
            "bulan": bulan,
            "nama_bulan": NAMA_BULAN[bulan - 1],
            "baris": baris,
            "boleh_isi": boleh_isi,
            **konteks_tindakan(tindakan, pengajuan, "anggaran:ubah_status", tahun, bulan, unit.pk),
        },
    )


@login_required
@require_POST
def simpan_baris(request, tahun, bulan, anggaran_pk):
    """Save one sub kegiatan's month (htmx: answers with the row; otherwise back to the page)."""
    _bulan_sah(bulan, tahun)
    anggaran = get_anggaran_for_user(request.user, anggaran_pk, untuk_isi=True)
    if anggaran.tahun != tahun:
        raise Http404("Sub kegiatan tidak ada pada tahun ini.")
    form = FormRealisasiBulan(request.POST)
    galat = None
    if not form.is_valid():
        galat = pesan_galat(form)
    else:
        d = form.cleaned_data
        try:
            services.simpan_realisasi_anggaran(
                user=request.user,
                anggaran=anggaran,
                bulan=bulan,
                keuangan=d["keuangan"],
                fisik=d["fisik"],
                catatan=d["catatan"],
                konfirmasi_lewat_pagu=d["konfirmasi"],
                versi_dimuat=d["versi"],
            )
        except ValidationError as e:
            galat = " ".join(e.messages)
    url_halaman = reverse("anggaran:isian_bulan", args=[tahun, bulan, anggaran.unit_kerja_id])
    if not request.htmx:
        if galat:
            messages.error(request, f"{anggaran.sub_kegiatan.kode}: {galat}")
        else:
            messages.success(request, f"{anggaran.sub_kegiatan.kode}: tersimpan.")
        return redirect(url_halaman)
    [a] = _baris_isian(anggaran.unit_kerja, tahun, bulan).filter(pk=anggaran.pk)
    isian = tanpa_nul(form.data) if galat else None
    konteks = _konteks_baris(a, (a.realisasi_bulan_ini or [None])[0], True, galat, isian)
    konteks.update({"tahun": tahun, "bulan": bulan, "tersimpan": not galat})
    # htmx swaps only 2xx answers, so a refused value comes back as 200 with its message in the row.
    return render(request, "anggaran/_baris_isian.html", konteks)


@login_required
@require_POST
def ubah_status(request, tahun, bulan, unit_pk, aksi):
    _bulan_sah(bulan, tahun)
    unit = get_unit_kerja_for_user(request.user, unit_pk)
    pengajuan = workflow.ambil_pengajuan(
        jenis=Pengajuan.Jenis.ANGGARAN, tahun=tahun, periode=bulan, unit_kerja=unit
    )
    jalankan_aksi(
        request,
        pengajuan=pengajuan,
        aksi=aksi,
        nama_periode=f"bulan {NAMA_BULAN[bulan - 1]}",
        hitung_isian=lambda: RealisasiAnggaran.objects.filter(
            anggaran__tahun=tahun, anggaran__unit_kerja=unit, bulan=bulan
        ).count(),
    )
    return redirect("anggaran:isian_bulan", tahun, bulan, unit.pk)
