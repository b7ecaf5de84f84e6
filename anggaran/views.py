from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from anggaran.ekspor import tabel_30_xlsx
from anggaran.queries import anggaran_dengan_realisasi, rekap_anggaran, tahun_anggaran, tahun_terakhir
from nakertrans.access import angka_bulat, unit_terlihat, wajib_tahun_sah
from nakertrans.format_id import NAMA_BULAN
from nakertrans.pdf import render_pdf
from nakertrans.periode import TRIWULAN

PILIHAN_PERIODE = [(f"b{b}", f"s.d. {NAMA_BULAN[b - 1]}") for b in range(1, 13)] + [
    (f"t{t}", f"s.d. Triwulan {romawi}") for t, romawi in enumerate(TRIWULAN, start=1)
]


def _sampai_bulan(periode):
    """'b7' -> 7 (up to July), 't2' -> 6 (up to the end of triwulan II); anything else -> 12."""
    angka = angka_bulat(periode[1:]) if periode and periode[0] in "bt" else None
    if angka is not None:
        bulan = angka if periode[0] == "b" else angka * 3
        if 1 <= angka and bulan <= 12:
            return bulan
    return 12


def _rekap_untuk(request, tahun):
    wajib_tahun_sah(tahun)
    sampai_bulan = _sampai_bulan(request.GET.get("periode", "b12"))
    periode = f"b{sampai_bulan}"
    anggaran = anggaran_dengan_realisasi(request.opd, tahun, sampai_bulan).filter(
        unit_kerja__in=unit_terlihat(request.user)
    )
    baris, total = rekap_anggaran(request.opd, tahun, sampai_bulan, anggaran=anggaran)
    return periode, sampai_bulan, baris, total


@login_required
def realisasi_anggaran(request, tahun=None):
    tahun_tersedia = tahun_anggaran(request.opd)
    tahun = tahun or tahun_terakhir(request.opd)
    periode, sampai_bulan, baris, total = _rekap_untuk(request, tahun)
    return render(
        request,
        "anggaran/realisasi.html",
        {
            "tahun": tahun,
            "tahun_tersedia": tahun_tersedia,
            "periode": periode,
            "pilihan_periode": PILIHAN_PERIODE,
            "sampai_bulan": NAMA_BULAN[sampai_bulan - 1],
            "baris": baris,
            "total": total,
        },
    )


@login_required
def realisasi_anggaran_berkas(request, tahun, format):
    """The same Tabel 30 as the page, as xlsx or as a landscape PDF."""
    if format not in {"xlsx", "pdf"}:
        raise Http404("Format berkas tidak dikenal.")
    periode, sampai_bulan, baris, total = _rekap_untuk(request, tahun)
    nama_berkas = f"realisasi-anggaran-{tahun}-{periode}"
    if format == "xlsx":
        bulan = NAMA_BULAN[sampai_bulan - 1]
        isi = tabel_30_xlsx(
            judul=f"Laporan Kemajuan Realisasi Fisik dan Keuangan Tahun {tahun} s.d. {bulan}",
            baris=baris,
            total=total,
        )
        jenis = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        isi = render_pdf(
            "pdf/realisasi_anggaran.html",
            {
                "tahun": tahun,
                "sampai_bulan": NAMA_BULAN[sampai_bulan - 1],
                "baris": baris,
                "total": total,
                "instansi": request.opd,
                "dicetak": timezone.localdate(),
            },
        )
        jenis = "application/pdf"
    respons = HttpResponse(isi, content_type=jenis)
    respons["Content-Disposition"] = f'attachment; filename="{nama_berkas}.{format}"'
    return respons


@login_required
def program_kegiatan(request, tahun=None):
    """Tabel 14: program, kegiatan and sub kegiatan with target, pagu murni and pagu perubahan."""
    tahun = tahun or tahun_terakhir(request.opd)
    wajib_tahun_sah(tahun)
    anggaran = anggaran_dengan_realisasi(request.opd, tahun).filter(
        unit_kerja__in=unit_terlihat(request.user)
    )
    murni, total_murni = rekap_anggaran(request.opd, tahun, anggaran=anggaran, pagu_murni=True)
    berlaku, total_berlaku = rekap_anggaran(request.opd, tahun, anggaran=anggaran)
    return render(
        request,
        "anggaran/program_kegiatan.html",
        {
            "tahun": tahun,
            "tahun_tersedia": tahun_anggaran(request.opd),
            "baris": [(m, b.ringkasan.pagu) for m, b in zip(murni, berlaku, strict=True)],
            "total_murni": total_murni.pagu,
            "total_berlaku": total_berlaku.pagu,
        },
    )
