from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from anggaran.queries import anggaran_dengan_realisasi, rekap_anggaran, tahun_anggaran, tahun_terakhir
from nakertrans.access import unit_terlihat
from nakertrans.format_id import NAMA_BULAN

PILIHAN_PERIODE = [(f"b{b}", f"s.d. {NAMA_BULAN[b - 1]}") for b in range(1, 13)] + [
    (f"t{t}", f"s.d. Triwulan {romawi}") for t, romawi in enumerate(["I", "II", "III", "IV"], start=1)
]


def _sampai_bulan(periode):
    """'b7' -> 7 (up to July), 't2' -> 6 (up to the end of triwulan II); anything else -> 12."""
    if periode and periode[0] in "bt" and periode[1:].isdigit():
        angka = int(periode[1:])
        bulan = angka if periode[0] == "b" else angka * 3
        if 1 <= angka and bulan <= 12:
            return bulan
    return 12


@login_required
def realisasi_anggaran(request, tahun=None):
    tahun_tersedia = tahun_anggaran()
    tahun = tahun or tahun_terakhir()
    periode = request.GET.get("periode", "b12")
    sampai_bulan = _sampai_bulan(periode)
    anggaran = anggaran_dengan_realisasi(tahun, sampai_bulan).filter(
        unit_kerja__in=unit_terlihat(request.user)
    )
    baris, total = rekap_anggaran(tahun, sampai_bulan, anggaran=anggaran)
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
