"""The reporting periods: a year of twelve months for the budget, of four quarters (triwulan) for
performance. Their Indonesian names are in nakertrans.format_id (months) and here (quarters)."""

import datetime

from django.conf import settings

# The quarters as the reports write them: «Triwulan III», «TW IV».
TRIWULAN = ("I", "II", "III", "IV")


def akhir_periode(jenis, tahun, periode):
    """The last day of a month (``jenis`` «anggaran») or of a triwulan (any other)."""
    bulan = periode if jenis == "anggaran" else periode * 3
    awal_berikut = datetime.date(tahun + 1, 1, 1) if bulan == 12 else datetime.date(tahun, bulan + 1, 1)
    return awal_berikut - datetime.timedelta(days=1)


def batas_isian(jenis, tahun, periode):
    """Due date of a period's realisasi: the period's last day plus SAKIP_BATAS_HARI_ISIAN days."""
    return akhir_periode(jenis, tahun, periode) + datetime.timedelta(days=settings.SAKIP_BATAS_HARI_ISIAN)
