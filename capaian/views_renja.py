"""The Renja's kinerja: quarterly entry of the indicators of program, kegiatan and sub kegiatan by the
responsible unit, its approval, and the Evaluasi Renja form (page, xlsx, PDF).

Its own page rather than the Isian Anggaran page: the budget is entered and locked per month, the
kinerja of the Renja per quarter, so the two have their own periods, submissions and locks; the entry
page shows the quarter's money beside each sub kegiatan's output all the same.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from anggaran.queries import tahun_terakhir
from capaian import services_renja
from capaian.bukti import unduhan
from capaian.ekspor_renja import JENIS_XLSX, evaluasi_xlsx
from capaian.models_renja import BuktiRenja, CatatanEvaluasiRenja, IndikatorRenja, RealisasiRenja, TargetRenja
from capaian.queries import terbaca
from capaian.renja import KOLOM_FORM, evaluasi_renja, indikator_tahun, kolom_form
from capaian.terbitan import boleh_menyusun
from nakertrans import workflow
from nakertrans.access import (
    ada_unit_terlihat,
    get_unit_kerja_for_user,
    id_opd,
    id_unit_lingkup,
    unit_terlihat,
    wajib_tahun_sah,
)
from nakertrans.bidang_form import BidangTeks, pesan_galat, tanpa_nul
from nakertrans.format_id import format_angka_tepat
from nakertrans.models import Jabatan, Pengajuan, pejabat_pada
from nakertrans.pdf import render_pdf, respons_pdf
from nakertrans.periode import TRIWULAN
from nakertrans.views_pengajuan import jalankan_aksi, konteks_tindakan


class FormIsianRenja(forms.Form):
    realisasi = BidangTeks(label="Realisasi", required=False, max_length=50)
    catatan = BidangTeks(label="Keterangan", required=False, max_length=4000)
    versi = forms.IntegerField(label="Versi", required=False, min_value=0)
    bukti = forms.FileField(label="Bukti", required=False)


def _tw_sah(triwulan, tahun):
    wajib_tahun_sah(tahun)
    if not 1 <= triwulan <= 4:
        raise Http404("Triwulan tidak dikenal.")


def _indikator_unit(unit, tahun):
    """The unit's Renja indicators of the year with this year's target and quarterly realisasi (and
    their evidence), in a fixed number of queries."""
    realisasi = terbaca(RealisasiRenja.objects.filter(tahun=tahun), "realisasi_angka").prefetch_related(
        "bukti"
    )
    return (
        indikator_tahun(unit.instansi_id, tahun)
        .filter(unit_isian=unit.pk)
        .select_related("nomenklatur", "indikator")
        .prefetch_related(
            Prefetch(
                "target",
                queryset=terbaca(TargetRenja.objects.filter(jenis="renja", tahun=tahun), "target_angka"),
                to_attr="target_tahun",
            ),
            Prefetch("realisasi", queryset=realisasi.order_by("triwulan"), to_attr="realisasi_tahun"),
        )
        .order_by("nomenklatur__kode", "urutan", "pk")
    )


def get_indikator_renja_for_user(user, pk):
    """A Renja indicator of the user's office; 404 otherwise (who may enter it is the service's rule)."""
    ir = IndikatorRenja.objects.select_related("nomenklatur", "indikator").filter(
        pk=pk, instansi=id_opd(user)
    )
    ir = ir.first()
    if ir is None:
        raise Http404("Indikator tidak ditemukan.")
    return ir


def _tampil(nilai):
    if nilai is None or nilai == "":
        return ""
    return nilai if isinstance(nilai, str) else format_angka_tepat(nilai, 4)


def _konteks_baris(ir, triwulan, boleh_isi, galat=None, isian=None):
    per_tw = {r.triwulan: r for r in ir.realisasi_tahun}
    ini = per_tw.get(triwulan)
    target = ir.target_tahun[0] if ir.target_tahun else None
    return {
        "ir": ir,
        "target": target,
        "sebelumnya": [
            (TRIWULAN[tw - 1], _tampil(per_tw[tw].realisasi) if tw in per_tw else "")
            for tw in range(1, triwulan)
        ],
        "r": ini,
        "bukti": list(ini.bukti.all()) if ini else [],
        "nilai": isian.get("realisasi", "") if isian else _tampil(ini.realisasi if ini else None),
        "catatan": isian.get("catatan", "") if isian else (ini.catatan if ini else ""),
        "boleh_isi": boleh_isi and target is not None and target.target not in (None, ""),
        "galat": galat,
    }


@login_required
def status_isian(request, tahun=None):
    """Units x quarters: the workflow status of each unit's Renja kinerja."""
    tahun = tahun or tahun_terakhir(request.opd)
    wajib_tahun_sah(tahun)
    dengan_indikator = indikator_tahun(id_opd(request.user), tahun).values("unit_isian")
    unit = unit_terlihat(request.user).filter(pk__in=dengan_indikator).order_by("urutan")
    matriks = workflow.matriks_status(jenis=Pengajuan.Jenis.RENJA, tahun=tahun, unit=unit)
    return render(
        request,
        "capaian/status_isian.html",
        {
            "tahun": tahun,
            "matriks": matriks.baris,
            "triwulan": TRIWULAN,
            "menunggu": matriks.menunggu,
            "url_isian": "capaian:isian_renja",
            "judul": "Isian kinerja program, kegiatan dan sub kegiatan",
            "keterangan": "Realisasi indikator keluaran sub kegiatan dan hasil program/kegiatan per "
            "triwulan, diisi unit penanggung jawab dan disetujui Kepala OPD.",
            "url_evaluasi": reverse("capaian:evaluasi_renja", args=[tahun, 4]),
            "kosong": "Tidak ada unit kerja dengan indikator program, kegiatan atau sub kegiatan tahun ini "
            "yang dapat Anda lihat.",
        },
    )


@login_required
def isian(request, tahun, triwulan, unit_pk):
    _tw_sah(triwulan, tahun)
    unit = get_unit_kerja_for_user(request.user, unit_pk)
    pengajuan = services_renja.pengajuan_renja(unit, tahun, triwulan)
    tindakan = workflow.tindakan(request.user, pengajuan)
    baris = [_konteks_baris(ir, triwulan, tindakan.isi) for ir in _indikator_unit(unit, tahun)]
    return render(
        request,
        "capaian/renja/isian.html",
        {
            "unit": unit,
            "tahun": tahun,
            "triwulan": triwulan,
            "nama_triwulan": TRIWULAN[triwulan - 1],
            "baris": baris,
            "boleh_isi": tindakan.isi,
            **konteks_tindakan(tindakan, pengajuan, "capaian:ubah_status_renja", tahun, triwulan, unit.pk),
        },
    )


@login_required
@require_POST
def simpan(request, tahun, triwulan, ir_pk):
    """Save one indicator's quarter, and its evidence when a file comes with it (htmx: answers with the
    row; otherwise back to the page)."""
    _tw_sah(triwulan, tahun)
    ir = get_indikator_renja_for_user(request.user, ir_pk)
    form = FormIsianRenja(request.POST, request.FILES)
    galat = None
    unit = None
    if not form.is_valid():
        galat = pesan_galat(form)
    else:
        d = form.cleaned_data
        try:
            services_renja.simpan_realisasi_renja(
                user=request.user,
                indikator_renja=ir,
                tahun=tahun,
                triwulan=triwulan,
                realisasi=d["realisasi"],
                catatan=d["catatan"],
                versi_dimuat=d["versi"],
                bukti=d["bukti"],
            )
        except ValidationError as e:
            galat = " ".join(e.messages)
        except PermissionDenied:
            # Another unit's indicator: nothing of it is shown (its page is not the user's either).
            raise Http404("Indikator tidak ditemukan.") from None
    unit = services_renja.unit_isian(ir, tahun)
    if unit is None or unit.pk not in id_unit_lingkup(request.user):
        raise Http404("Indikator tidak ditemukan.")
    if not request.htmx:
        label = f"{ir.nomenklatur.kode} «{ir.indikator}»"
        if galat:
            messages.error(request, f"{label}: {galat}")
        else:
            messages.success(request, f"{label}: tersimpan.")
        return redirect("capaian:isian_renja", tahun, triwulan, unit.pk)
    [ir] = _indikator_unit(unit, tahun).filter(pk=ir.pk)
    isian = tanpa_nul(form.data) if galat else None
    boleh_isi = workflow.tindakan(request.user, services_renja.pengajuan_renja(unit, tahun, triwulan)).isi
    konteks = _konteks_baris(ir, triwulan, boleh_isi, galat, isian)
    konteks.update({"tahun": tahun, "triwulan": triwulan, "tersimpan": not galat})
    # htmx swaps only 2xx answers, so a refused value comes back as 200 with its message in the row.
    return render(request, "capaian/renja/_baris_isian.html", konteks)


@login_required
@require_POST
def ubah_status(request, tahun, triwulan, unit_pk, aksi):
    _tw_sah(triwulan, tahun)
    unit = get_unit_kerja_for_user(request.user, unit_pk)
    jalankan_aksi(
        request,
        pengajuan=services_renja.pengajuan_renja(unit, tahun, triwulan),
        aksi=aksi,
        nama_periode=f"kinerja program/kegiatan triwulan {TRIWULAN[triwulan - 1]}",
        hitung_isian=lambda: services_renja.jumlah_isian(unit, tahun, triwulan),
        periksa_isian=lambda: services_renja.masalah_isian(unit, tahun, triwulan),
    )
    return redirect("capaian:isian_renja", tahun, triwulan, unit.pk)


@login_required
def unduh_bukti(request, pk):
    """Evidence is served only to users who may see the unit that entered it."""
    bukti = BuktiRenja.objects.select_related("realisasi__indikator_renja").filter(pk=pk).first()
    if bukti is None:
        raise Http404("Bukti tidak ditemukan.")
    r = bukti.realisasi
    unit = services_renja.unit_isian(r.indikator_renja, r.tahun)
    if unit is None or not unit_terlihat(request.user).filter(pk=unit.pk).exists():
        raise Http404("Bukti tidak ditemukan.")
    return unduhan(bukti)


@login_required
def riwayat(request, ir_pk):
    """Every change of an indicator's targets and realisasi: who, when, old and new value."""
    if not request.user.has_perm("capaian.lihat_riwayat"):
        raise PermissionDenied("Riwayat perubahan hanya untuk Kepala Dinas dan Inspektorat.")
    ir = get_indikator_renja_for_user(request.user, ir_pk)
    from capaian.riwayat import riwayat_renja

    return render(request, "capaian/renja/riwayat.html", {"ir": ir, "perubahan": riwayat_renja(ir)})


class FormCatatan(forms.Form):
    faktor_pendorong = BidangTeks(label="Faktor pendorong", required=False, max_length=4000)
    faktor_penghambat = BidangTeks(label="Faktor penghambat", required=False, max_length=4000)
    tindak_lanjut_triwulan = BidangTeks(
        label="Tindak lanjut triwulan berikutnya", required=False, max_length=4000
    )
    tindak_lanjut_tahun = BidangTeks(label="Tindak lanjut tahun berikutnya", required=False, max_length=4000)
    versi = forms.IntegerField(label="Versi", required=False, min_value=0)
    alasan = BidangTeks(label="Alasan", required=False, max_length=4000)


def _wajib_melihat(request):
    if not ada_unit_terlihat(request.user):
        raise PermissionDenied("Anda tidak berhak melihat evaluasi Renja perangkat daerah ini.")


def _konteks_evaluasi(request, tahun, triwulan):
    """What the page and the PDF print: the form, its notes, and the Kepala OPD's signature, dated the
    day the notes were approved (today while they are not)."""
    hasil = evaluasi_renja(request.opd, tahun, triwulan)
    catatan = CatatanEvaluasiRenja.objects.filter(
        instansi=request.opd, tahun=tahun, triwulan=triwulan
    ).first()
    disetujui = catatan is not None and catatan.disetujui
    tanggal = timezone.localtime(catatan.disetujui_pada).date() if disetujui else timezone.localdate()
    kepala = Jabatan.objects.kepala_dinas(request.opd).first()
    return {
        "hasil": hasil,
        "baris": [(b, kolom_form(b)) for b in hasil.baris],
        "jumlah": kolom_form(hasil.jumlah),
        "kolom": KOLOM_FORM,
        "tahun": tahun,
        "triwulan": triwulan,
        "nama_triwulan": TRIWULAN[triwulan - 1],
        "catatan": catatan,
        "catatan_disetujui": disetujui,
        "faktor": [
            (nama, FormCatatan.base_fields[nama].label, getattr(catatan, nama, ""))
            for nama in services_renja.FAKTOR
        ],
        "instansi": request.opd,
        "tanggal": tanggal,
        "penanda_tangan": pejabat_pada(kepala, tanggal) if kepala else None,
    }


@login_required
def evaluasi_kini(request):
    return evaluasi(request, tahun_terakhir(request.opd), 4)


@login_required
def evaluasi(request, tahun, triwulan):
    """The Evaluasi Renja form of the office (Permendagri 86/2017), with its notes."""
    _tw_sah(triwulan, tahun)
    _wajib_melihat(request)
    konteks = _konteks_evaluasi(request, tahun, triwulan)
    catatan, disetujui = konteks["catatan"], konteks["catatan_disetujui"]
    user = request.user
    konteks.update(
        {
            "semua_triwulan": [(tw, TRIWULAN[tw - 1]) for tw in range(1, 5)],
            "boleh_menyusun": not disetujui and boleh_menyusun(user, request.opd, tahun),
            "boleh_setujui": catatan is not None
            and not disetujui
            and user.has_perm("nakertrans.setujui_pengajuan"),
            "boleh_buka": disetujui and user.has_perm("nakertrans.buka_kembali_pengajuan"),
        }
    )
    return render(request, "capaian/renja/evaluasi.html", konteks)


@login_required
def evaluasi_berkas(request, tahun, triwulan, format):
    """The same form as the page, as xlsx or as a landscape PDF."""
    if format not in {"xlsx", "pdf"}:
        raise Http404("Format berkas tidak dikenal.")
    _tw_sah(triwulan, tahun)
    _wajib_melihat(request)
    konteks = _konteks_evaluasi(request, tahun, triwulan)
    nama = f"evaluasi-renja-{request.opd.kode}-{tahun}-tw{triwulan}.{format}"
    if format == "xlsx":
        respons = HttpResponse(evaluasi_xlsx([konteks["hasil"]]), content_type=JENIS_XLSX)
        respons["Content-Disposition"] = f'attachment; filename="{nama}"'
        return respons
    return respons_pdf(render_pdf("pdf/evaluasi_renja.html", konteks), nama)


@login_required
@require_POST
def catatan(request, tahun, triwulan, aksi):
    """Save, approve or reopen the notes below the form."""
    _tw_sah(triwulan, tahun)
    form = FormCatatan(request.POST)
    if not form.is_valid():
        messages.error(request, pesan_galat(form))
        return redirect("capaian:evaluasi_renja", tahun, triwulan)
    d = form.cleaned_data
    kunci = {"user": request.user, "instansi": request.opd, "tahun": tahun, "triwulan": triwulan}
    try:
        if aksi == "simpan":
            services_renja.simpan_catatan(**kunci, isi=d, versi_dimuat=d["versi"])
            messages.success(request, "Catatan evaluasi tersimpan.")
        elif aksi == "setujui":
            services_renja.setujui_catatan(**kunci)
            messages.success(request, "Catatan evaluasi disetujui dan dikunci.")
        elif aksi == "buka":
            services_renja.buka_catatan(**kunci, alasan=d["alasan"])
            messages.success(request, "Catatan evaluasi dibuka kembali; alasan tercatat.")
        else:
            raise Http404("Tindakan tidak dikenal.")
    except ValidationError as galat:
        messages.error(request, " ".join(galat.messages))
    except PermissionDenied as galat:
        messages.error(request, str(galat))
    return redirect("capaian:evaluasi_renja", tahun, triwulan)
