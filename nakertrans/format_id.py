"""Indonesian formats for everything a person reads: 4.635.301.681; 93,73 %; 1 Februari 2025."""

import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

NAMA_BULAN = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
]  # fmt: skip


def bulatkan(nilai, desimal):
    """Round half up (the way figures are rounded by hand), never banker's rounding."""
    kuantum = Decimal(1).scaleb(-desimal)
    return Decimal(nilai).quantize(kuantum, rounding=ROUND_HALF_UP)


def format_angka(nilai, desimal=0):
    """Group thousands with '.', decimals after ','; None and non-numbers give ''."""
    if nilai is None or nilai == "":
        return ""
    try:
        angka = bulatkan(Decimal(str(nilai)), desimal)
    except (InvalidOperation, ValueError):
        return ""
    tanda = "-" if angka < 0 else ""
    utuh, _, pecahan = f"{abs(angka):f}".partition(".")
    kelompok = []
    while len(utuh) > 3:
        kelompok.insert(0, utuh[-3:])
        utuh = utuh[:-3]
    kelompok.insert(0, utuh)
    teks = tanda + ".".join(kelompok)
    return f"{teks},{pecahan}" if desimal > 0 else teks


def format_rupiah(nilai):
    teks = format_angka(nilai, 0)
    return f"Rp {teks}" if teks else ""


def format_persen(nilai, desimal=2):
    teks = format_angka(nilai, desimal)
    return f"{teks} %" if teks else ""


def format_tanggal(tanggal):
    """``date(2025, 2, 1)`` -> ``1 Februari 2025``."""
    if not tanggal:
        return ""
    if isinstance(tanggal, datetime.datetime):
        tanggal = tanggal.date()
    return f"{tanggal.day} {NAMA_BULAN[tanggal.month - 1]} {tanggal.year}"
