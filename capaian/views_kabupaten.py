"""The kabupaten's pages across its perangkat daerah (capaian.kabupaten): for the roles that read
every office (nakertrans.lihat_lintas_opd). They need no office in the address; each office's row
links into that office's own pages."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from capaian import kabupaten
from capaian.ekspor_renja import JENIS_XLSX, evaluasi_xlsx
from nakertrans.access import pemda_wajib, wajib_izin, wajib_tahun_sah
from nakertrans.format_id import NAMA_BULAN
from nakertrans.models import Pengajuan
from nakertrans.opd import alamat_opd, tanpa_opd
from nakertrans.periode import TRIWULAN
from perjanjian import kaskade
from perjanjian.models import KomentarKaskade

IZIN = "nakertrans.lihat_lintas_opd"


def _pemda(request):
    wajib_izin(request.user, IZIN)
    return pemda_wajib(request.user)


def _konteks(request, tahun, halaman):
    """The context every kabupaten page starts from, after its checks: the reader's permission, the
    Pemerintah Daerah, a valid year (None for the search, which has none)."""
    pemda = _pemda(request)
    if tahun is not None:
        wajib_tahun_sah(tahun)
    return {
        "pemda": pemda,
        "tahun": tahun,
        "tahun_tersedia": kabupaten.tahun_kabupaten(pemda),
        "halaman": halaman,
        "hari_ini": timezone.localdate(),
    }


def _alamat(opd, nama, *args):
    """The address of an office's own page (its /opd/<kode>/ prefix)."""
    return alamat_opd(opd, reverse(nama, args=args))


@tanpa_opd
@login_required
def ringkasan(request, tahun=None):
    if tahun is None:
        tersedia = kabupaten.tahun_kabupaten(_pemda(request))
        return redirect("kabupaten:ringkasan_tahun", tersedia[0] if tersedia else timezone.localdate().year)
    konteks = _konteks(request, tahun, "ringkasan_tahun")
    pemda = konteks["pemda"]
    konteks["baris"] = [
        (r, _alamat(r.opd, "beranda"), _alamat(r.opd, "capaian:lkjip", tahun))
        for r in kabupaten.ringkasan_opd(pemda, tahun)
    ]
    konteks["batas_lkjip"] = kabupaten.batas_lkjip(tahun)
    return render(request, "capaian/kabupaten/ringkasan.html", konteks)


@tanpa_opd
@login_required
def pengisian(request, tahun):
    konteks = _konteks(request, tahun, "pengisian")
    pemda = konteks["pemda"]
    konteks["kinerja"] = [
        (opd, _alamat(opd, "capaian:status_isian", tahun), sel)
        for opd, sel in kabupaten.matriks_pengisian(pemda, Pengajuan.Jenis.KINERJA, tahun)
    ]
    konteks["anggaran"] = [
        (opd, _alamat(opd, "anggaran:status_isian", tahun), sel)
        for opd, sel in kabupaten.matriks_pengisian(pemda, Pengajuan.Jenis.ANGGARAN, tahun)
    ]
    konteks["triwulan"] = TRIWULAN
    konteks["bulan"] = [nama[:3] for nama in NAMA_BULAN]
    return render(request, "capaian/kabupaten/pengisian.html", konteks)


@tanpa_opd
@login_required
def iku_daerah(request, tahun):
    konteks = _konteks(request, tahun, "iku_daerah")
    pemda = konteks["pemda"]
    konteks["hasil"] = kabupaten.capaian_iku_daerah(pemda, tahun)
    return render(request, "capaian/kabupaten/iku_daerah.html", konteks)


@tanpa_opd
@login_required
def kaskade_kabupaten(request, tahun):
    konteks = _konteks(request, tahun, "kaskade")
    pemda = konteks["pemda"]
    jumlah = kaskade.jumlah_temuan(pemda, tahun)
    komentar = dict(
        KomentarKaskade.objects.filter(instansi__pemerintah_daerah=pemda, tahun=tahun)
        .order_by()
        .values("instansi")
        .annotate(n=Count("pk"))
        .values_list("instansi", "n")
    )
    konteks["jenis"] = kaskade.JENIS
    konteks["baris"] = [
        (
            opd,
            _alamat(opd, "perjanjian:kaskade_tahun", tahun),
            [jumlah.get(opd.pk, {}).get(j.kode, 0) for j in kaskade.JENIS],
            komentar.get(opd.pk, 0),
        )
        for opd in kabupaten.daftar_opd(pemda)
    ]
    konteks["sasaran_daerah"] = list(kaskade.sasaran_daerah_tanpa_dukungan(pemda, tahun))
    return render(request, "capaian/kabupaten/kaskade.html", konteks)


@tanpa_opd
@login_required
def cari(request):
    konteks = _konteks(request, None, "cari")
    kata = request.GET.get("q", "")[:100]
    indikator, sub_kegiatan = kabupaten.cari(konteks["pemda"], kata)
    konteks.update(
        {
            "kata": kata.strip(),
            "batas": kabupaten.BATAS_CARI,
            "indikator": [(i, _alamat(i.instansi, "perjanjian:renstra")) for i in indikator],
            "sub_kegiatan": [
                (a, _alamat(a.instansi, "anggaran:program_kegiatan_tahun", a.tahun)) for a in sub_kegiatan
            ],
        }
    )
    return render(request, "capaian/kabupaten/cari.html", konteks)


def _triwulan_sah(triwulan):
    if not 1 <= triwulan <= 4:
        raise Http404("Triwulan tidak dikenal.")


@tanpa_opd
@login_required
def renja(request, tahun, triwulan=4):
    """Every office's Evaluasi Renja form of a triwulan: its status, rata-rata capaian and serapan."""
    _triwulan_sah(triwulan)
    konteks = _konteks(request, tahun, "renja")
    konteks["baris"] = [
        (r, _alamat(r.opd, "capaian:evaluasi_renja", tahun, triwulan))
        for r in kabupaten.renja_kabupaten(konteks["pemda"], tahun, triwulan)
    ]
    konteks["triwulan"] = triwulan
    konteks["semua_triwulan"] = [(tw, TRIWULAN[tw - 1]) for tw in range(1, 5)]
    konteks["nama_triwulan"] = TRIWULAN[triwulan - 1]
    return render(request, "capaian/kabupaten/renja.html", konteks)


@tanpa_opd
@login_required
def renja_xlsx(request, tahun, triwulan):
    """Every office's form in one workbook, a sheet each after a summary sheet."""
    _triwulan_sah(triwulan)
    konteks = _konteks(request, tahun, "renja")
    ringkasan = kabupaten.renja_kabupaten(konteks["pemda"], tahun, triwulan)
    isi = evaluasi_xlsx([r.hasil for r in ringkasan], ringkasan=ringkasan)
    respons = HttpResponse(isi, content_type=JENIS_XLSX)
    respons["Content-Disposition"] = f'attachment; filename="evaluasi-renja-{tahun}-tw{triwulan}.xlsx"'
    return respons
