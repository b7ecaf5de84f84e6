"""The LKjIP pages: narrative, consistency check, background generation, publishing and downloads."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from capaian import terbitan as layanan
from capaian.forms import FormBuatLKjIP, FormNarasi, FormPratinjauNarasi, FormTanggapanPeringatan
from capaian.lkjip import kumpulkan_lkjip
from capaian.models import PembuatanLKjIP, TerbitanLKjIP
from capaian.narasi import daftar_bagian, hapus_narasi, ke_html, simpan_narasi
from capaian.pemeriksaan import periksa_lkjip, saring_tautan
from nakertrans.access import melihat_semua_unit, wajib_izin, wajib_tahun_sah
from nakertrans.bidang_form import pesan_galat
from nakertrans.pdf import respons_pdf
from perjanjian.models import PerjanjianKinerja
from perjanjian.queries import tahun_pk_terakhir

IZIN_LIHAT = "capaian.view_terbitanlkjip"


def _wajib_lihat(user, tahun=None):
    wajib_izin(user, IZIN_LIHAT)
    if tahun is not None:
        wajib_tahun_sah(tahun)


def _pesan_galat(galat):
    return " ".join(getattr(galat, "messages", [str(galat)]))


@login_required
def lkjip_kini(request):
    _wajib_lihat(request.user)
    tahun = tahun_pk_terakhir(request.opd)
    if tahun is None:
        messages.info(request, "Belum ada Perjanjian Kinerja; LKjIP belum dapat disusun.")
        return redirect("beranda")
    return redirect("capaian:lkjip", tahun=tahun)


@login_required
def lkjip(request, tahun):
    _wajib_lihat(request.user, tahun)
    user, opd = request.user, request.opd
    menyusun = layanan.boleh_menyusun(user, opd, tahun)
    menerbitkan = layanan.boleh_menerbitkan(user, opd)
    konteks = {
        "tahun": tahun,
        "menyusun": menyusun,
        "menerbitkan": menerbitkan,
        "terbitan": list(
            TerbitanLKjIP.objects.filter(instansi=opd, tahun=tahun)
            .defer("isi")
            .select_related("instansi", "diterbitkan_oleh__pegawai")
        ),
        "ada_pk": PerjanjianKinerja.objects.filter(instansi=opd, tahun=tahun).exists(),
    }
    if menyusun or menerbitkan:
        pemeriksaan = periksa_lkjip(opd, tahun)
        konteks["pemeriksaan"] = pemeriksaan
        if konteks["ada_pk"]:
            konteks["narasi"] = daftar_bagian(opd, tahun)
        terakhir = layanan.pembuatan_ringan().filter(instansi=opd, tahun=tahun).first()
        konteks["pekerjaan"] = terakhir
        konteks["keadaan"] = layanan.keadaan(terakhir) if terakhir else None
        konteks["nomor_berikut"] = max((t.nomor for t in konteks["terbitan"]), default=0) + 1
    return render(request, "capaian/lkjip.html", konteks)


@login_required
def pemeriksaan(request, tahun):
    """The findings name every unit's lines and figures: for those who write, publish or audit the
    whole report, not for another unit's operator."""
    _wajib_lihat(request.user, tahun)
    user = request.user
    if not (melihat_semua_unit(user) or layanan.boleh_membuat_draf(user, request.opd, tahun)):
        raise PermissionDenied("Pemeriksaan LKjIP hanya untuk penyusun, Kepala Dinas dan Inspektorat.")
    form = FormTanggapanPeringatan(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        layanan.wajib_menerbitkan(user, request.opd)  # a role that may not answer is refused whatever it sent
        if not form.is_valid():
            messages.error(request, form.pesan_galat())
        else:
            try:
                jumlah = layanan.tanggapi_peringatan(
                    instansi=request.opd, tahun=tahun, user=user, **form.cleaned_data
                )
            except ValidationError as galat:
                messages.error(request, _pesan_galat(galat))
            else:
                messages.success(request, f"{jumlah} peringatan ditanggapi.")
                return redirect("capaian:pemeriksaan_lkjip", tahun=tahun)
    return render(
        request,
        "capaian/pemeriksaan_lkjip.html",
        {
            "tahun": tahun,
            "hasil": saring_tautan(periksa_lkjip(request.opd, tahun), user),
            "menerbitkan": layanan.boleh_menerbitkan(user, request.opd),
            "catatan": form.diketik("catatan"),
            "dipilih": set(form["kode"].value() or []),
        },
    )


def _bagian_dari_kunci(instansi, tahun, kunci):
    """The section a URL names: a plain section, or ``analisis-<indikator>`` of a sasaran of the year."""
    if not PerjanjianKinerja.objects.filter(instansi=instansi, tahun=tahun).exists():
        raise Http404("Tidak ada Perjanjian Kinerja tahun ini.")
    semua = kumpulkan_lkjip(instansi, tahun)["narasi"]
    if kunci not in semua:
        raise Http404("Bagian narasi tidak dikenal.")
    return semua[kunci]


@login_required
def ubah_narasi(request, tahun, kunci):
    wajib_tahun_sah(tahun)
    layanan.wajib_menyusun(request.user, request.opd, tahun)
    bagian = _bagian_dari_kunci(request.opd, tahun, kunci)
    teks = bagian.teks
    versi = bagian.tersimpan.versi if bagian.tersimpan else None
    if request.method == "POST":
        form = FormNarasi(request.POST)
        if not form.is_valid():
            messages.error(request, form.pesan_galat())
            teks = form.diketik("teks")
        else:
            d = form.cleaned_data
            tempat = {
                "instansi": request.opd,
                "tahun": tahun,
                "bagian": bagian.bagian,
                "indikator": bagian.indikator,
            }
            try:
                if d["kembalikan"]:
                    hapus_narasi(**tempat, versi=d["versi"], user=request.user)
                    messages.success(request, f"{bagian.judul}: kembali memakai teks otomatis.")
                else:
                    simpan_narasi(**tempat, teks=d["teks"], versi=d["versi"], user=request.user)
                    messages.success(request, f"{bagian.judul} disimpan.")
            except ValidationError as galat:
                messages.error(request, _pesan_galat(galat))
                if not d["kembalikan"]:
                    teks = form.diketik("teks")
            else:
                return redirect(reverse("capaian:lkjip", args=[tahun]) + "#narasi")
    return render(
        request,
        "capaian/narasi_lkjip.html",
        {"tahun": tahun, "bagian": bagian, "teks": teks, "versi": versi, "kunci": kunci},
    )


@login_required
@require_POST
def pratinjau_narasi(request, tahun):
    """The Markdown as it will be printed (htmx, while typing)."""
    wajib_tahun_sah(tahun)
    layanan.wajib_menyusun(request.user, request.opd, tahun)
    form = FormPratinjauNarasi(request.POST)
    form.is_valid()  # always: the preview drops what it cannot show (TeksPratinjau)
    return HttpResponse(ke_html(form.cleaned_data["teks"]))


@login_required
@require_POST
def buat(request, tahun):
    wajib_tahun_sah(tahun)
    form = FormBuatLKjIP(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(pesan_galat(form))
        pekerjaan = layanan.mulai_pembuatan(
            instansi=request.opd, tahun=tahun, user=request.user, **form.cleaned_data
        )
    except ValidationError as galat:
        messages.error(request, _pesan_galat(galat))
        if request.htmx:
            return render(request, "capaian/_pembuatan_lkjip.html", {"pesan_galat": _pesan_galat(galat)})
        return redirect("capaian:lkjip", tahun=tahun)
    if request.htmx:
        return _render_pembuatan(request, pekerjaan)
    return redirect("capaian:lkjip", tahun=tahun)


def _pekerjaan_untuk(request, pk):
    user = request.user
    _wajib_lihat(user)
    pekerjaan = layanan.pembuatan_ringan().filter(pk=pk, instansi=request.opd).first()
    if pekerjaan is None:
        raise Http404("Pembuatan LKjIP tidak ditemukan.")
    if not layanan.boleh_membuat_draf(user, request.opd, pekerjaan.tahun):
        raise PermissionDenied("Anda tidak berhak menyusun LKjIP.")
    return pekerjaan


def _render_pembuatan(request, pekerjaan):
    return render(
        request,
        "capaian/_pembuatan_lkjip.html",
        {"pekerjaan": pekerjaan, "keadaan": layanan.keadaan(pekerjaan)},
    )


@login_required
def status_pembuatan(request, pk):
    return _render_pembuatan(request, _pekerjaan_untuk(request, pk))


@login_required
def berkas_pembuatan(request, pk):
    pekerjaan = _pekerjaan_untuk(request, pk)
    if pekerjaan.jenis != PembuatanLKjIP.Jenis.DRAF or pekerjaan.status != PembuatanLKjIP.Status.SELESAI:
        raise Http404("Draf ini belum selesai dibuat.")
    isi = PembuatanLKjIP.objects.filter(pk=pk).values_list("isi", flat=True).first()
    if isi is None:  # removed meanwhile as an old draft
        raise Http404("Draf ini sudah dihapus; buat draf baru.")
    # The time the page shows (TIME_ZONE, WIB), not the UTC stored in the row.
    dibuat = timezone.localtime(pekerjaan.dibuat_pada)
    nama = f"LKjIP-{request.opd.kode}-{pekerjaan.tahun}-DRAF-{dibuat:%Y%m%d-%H%M}.pdf"
    return respons_pdf(bytes(isi), nama, unduh="unduh" in request.GET)


@login_required
def unduh_terbitan(request, pk):
    _wajib_lihat(request.user)
    terbitan = TerbitanLKjIP.objects.filter(pk=pk, instansi=request.opd).select_related("instansi").first()
    if terbitan is None:
        raise Http404("Terbitan LKjIP tidak ditemukan.")
    try:
        isi = layanan.isi_terbitan(terbitan)
    except ValidationError as galat:
        messages.error(request, _pesan_galat(galat))
        return redirect("capaian:lkjip", tahun=terbitan.tahun)
    respons = respons_pdf(isi, terbitan.nama_berkas, unduh="lihat" not in request.GET)
    respons["X-Checksum-SHA256"] = terbitan.sha256
    return respons
