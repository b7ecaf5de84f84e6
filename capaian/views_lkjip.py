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
from capaian.lkjip import kumpulkan_lkjip
from capaian.models import PembuatanLKjIP, TerbitanLKjIP
from capaian.narasi import (
    KARAKTER_NUL,
    PANJANG_MAKSIMUM,
    daftar_bagian,
    hapus_narasi,
    ke_html,
    simpan_narasi,
)
from capaian.pemeriksaan import periksa_lkjip, saring_tautan
from nakertrans.access import angka_bulat, melihat_semua_unit, wajib_izin, wajib_tahun_sah
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
    tahun = tahun_pk_terakhir()
    if tahun is None:
        messages.info(request, "Belum ada Perjanjian Kinerja; LKjIP belum dapat disusun.")
        return redirect("beranda")
    return redirect("capaian:lkjip", tahun=tahun)


@login_required
def lkjip(request, tahun):
    _wajib_lihat(request.user, tahun)
    user = request.user
    menyusun = layanan.boleh_menyusun(user, tahun)
    menerbitkan = user.has_perm("capaian.terbitkan_lkjip")
    konteks = {
        "tahun": tahun,
        "menyusun": menyusun,
        "menerbitkan": menerbitkan,
        "terbitan": list(
            TerbitanLKjIP.objects.filter(tahun=tahun).defer("isi").select_related("diterbitkan_oleh__pegawai")
        ),
        "ada_pk": PerjanjianKinerja.objects.filter(tahun=tahun).exists(),
    }
    if menyusun or menerbitkan:
        pemeriksaan = periksa_lkjip(tahun)
        konteks["pemeriksaan"] = pemeriksaan
        if konteks["ada_pk"]:
            konteks["narasi"] = daftar_bagian(tahun)
        terakhir = layanan.pembuatan_ringan().filter(tahun=tahun).first()
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
    if not (melihat_semua_unit(user) or layanan.boleh_membuat_draf(user, tahun)):
        raise PermissionDenied("Pemeriksaan LKjIP hanya untuk penyusun, Kepala Dinas dan Inspektorat.")
    if request.method == "POST":
        try:
            jumlah = layanan.tanggapi_peringatan(
                tahun=tahun,
                kode=request.POST.getlist("kode"),
                semua="semua" in request.POST,
                catatan=request.POST.get("catatan"),
                user=request.user,
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
            "hasil": saring_tautan(periksa_lkjip(tahun), user),
            "menerbitkan": request.user.has_perm("capaian.terbitkan_lkjip"),
            "catatan": request.POST.get("catatan", ""),
            "dipilih": set(request.POST.getlist("kode")),
        },
    )


def _bagian_dari_kunci(tahun, kunci):
    """The section a URL names: a plain section, or ``analisis-<indikator>`` of a sasaran of the year."""
    if not PerjanjianKinerja.objects.filter(tahun=tahun).exists():
        raise Http404("Tidak ada Perjanjian Kinerja tahun ini.")
    semua = kumpulkan_lkjip(tahun)["narasi"]
    if kunci not in semua:
        raise Http404("Bagian narasi tidak dikenal.")
    return semua[kunci]


@login_required
def ubah_narasi(request, tahun, kunci):
    wajib_tahun_sah(tahun)
    layanan.wajib_menyusun(request.user, tahun)
    bagian = _bagian_dari_kunci(tahun, kunci)
    teks = bagian.teks
    versi = bagian.tersimpan.versi if bagian.tersimpan else None
    if request.method == "POST":
        indikator = bagian.indikator
        try:
            if "kembalikan" in request.POST:
                hapus_narasi(
                    tahun=tahun,
                    bagian=bagian.bagian,
                    indikator=indikator,
                    versi=angka_bulat(request.POST.get("versi")),
                    user=request.user,
                )
                messages.success(request, f"{bagian.judul}: kembali memakai teks otomatis.")
            else:
                teks = request.POST.get("teks", "")
                simpan_narasi(
                    tahun=tahun,
                    bagian=bagian.bagian,
                    indikator=indikator,
                    teks=teks,
                    versi=angka_bulat(request.POST.get("versi")),
                    user=request.user,
                )
                messages.success(request, f"{bagian.judul} disimpan.")
        except ValidationError as galat:
            pesan = _pesan_galat(galat)
            if KARAKTER_NUL in teks:
                # What was typed comes back, without the characters that cannot be stored (a browser
                # would show them as «�» and send that back).
                teks = teks.replace(KARAKTER_NUL, "")
                pesan += " Karakter itu sudah dibuang dari teks di bawah: periksa teksnya, lalu simpan lagi."
            messages.error(request, pesan)
        else:
            return redirect(reverse("capaian:lkjip", args=[tahun]) + "#narasi")
    return render(
        request,
        "capaian/narasi_lkjip.html",
        {"tahun": tahun, "bagian": bagian, "teks": teks, "versi": versi, "kunci": kunci},
    )


# The form refuses NUL itself and gives the text back (nakertrans.middleware.TolakKarakterNul lets it
# through instead of answering a bare 400 that loses what was typed).
ubah_narasi.karakter_nul_ditangani = True


@login_required
@require_POST
def pratinjau_narasi(request, tahun):
    """The Markdown as it will be printed (htmx, while typing)."""
    wajib_tahun_sah(tahun)
    layanan.wajib_menyusun(request.user, tahun)
    teks = request.POST.get("teks", "").replace(KARAKTER_NUL, "")
    return HttpResponse(ke_html(teks[:PANJANG_MAKSIMUM]))


pratinjau_narasi.karakter_nul_ditangani = True  # a preview stores nothing: it shows the text without NUL


@login_required
@require_POST
def buat(request, tahun):
    wajib_tahun_sah(tahun)
    jenis = request.POST.get("jenis")
    try:
        pekerjaan = layanan.mulai_pembuatan(
            tahun=tahun, jenis=jenis, user=request.user, nomor=angka_bulat(request.POST.get("nomor"))
        )
    except ValidationError as galat:
        messages.error(request, _pesan_galat(galat))
        if request.htmx:
            return render(request, "capaian/_pembuatan_lkjip.html", {"pesan_galat": _pesan_galat(galat)})
        return redirect("capaian:lkjip", tahun=tahun)
    if request.htmx:
        return _render_pembuatan(request, pekerjaan)
    return redirect("capaian:lkjip", tahun=tahun)


def _pekerjaan_untuk(user, pk):
    _wajib_lihat(user)
    pekerjaan = layanan.pembuatan_ringan().filter(pk=pk).first()
    if pekerjaan is None:
        raise Http404("Pembuatan LKjIP tidak ditemukan.")
    if not layanan.boleh_membuat_draf(user, pekerjaan.tahun):
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
    return _render_pembuatan(request, _pekerjaan_untuk(request.user, pk))


@login_required
def berkas_pembuatan(request, pk):
    pekerjaan = _pekerjaan_untuk(request.user, pk)
    if pekerjaan.jenis != PembuatanLKjIP.Jenis.DRAF or pekerjaan.status != PembuatanLKjIP.Status.SELESAI:
        raise Http404("Draf ini belum selesai dibuat.")
    isi = PembuatanLKjIP.objects.filter(pk=pk).values_list("isi", flat=True).first()
    if isi is None:  # removed meanwhile as an old draft
        raise Http404("Draf ini sudah dihapus; buat draf baru.")
    # The time the page shows (TIME_ZONE, WIB), not the UTC stored in the row.
    nama = f"LKjIP-{pekerjaan.tahun}-DRAF-{timezone.localtime(pekerjaan.dibuat_pada):%Y%m%d-%H%M}.pdf"
    return respons_pdf(bytes(isi), nama, unduh="unduh" in request.GET)


@login_required
def unduh_terbitan(request, pk):
    _wajib_lihat(request.user)
    terbitan = TerbitanLKjIP.objects.filter(pk=pk).first()
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
