"""Indonesian formats for everything a person reads: 4.635.301.681; 93,73 %; 1 Februari 2025."""

import datetime
import re
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


_BULAT = re.compile(r"-?\d+")
_RIBUAN_TITIK = re.compile(r"-?\d{1,3}(\.\d{3})+(,\d+)?")  # 4.635.301.681 or 1.234,50
_RIBUAN_KOMA = re.compile(r"-?\d{1,3}(,\d{3})+(\.\d+)?")  # 4,635,301,681.00 (as some sheets print)
_DESIMAL_KOMA = re.compile(r"-?\d+,\d+")
_DESIMAL_TITIK = re.compile(r"-?\d+\.\d+")


def baca_angka(nilai):
    """A number as people and spreadsheets write it -> Decimal; None for an empty cell.

    Dots grouping thousands with a decimal comma (Indonesian) and commas grouping thousands with a
    decimal point (as regional finance exports print) are both read; anything else raises ValueError.
    """
    if nilai is None:
        return None
    if isinstance(nilai, bool):
        raise ValueError(f"«{nilai}» bukan angka.")
    if isinstance(nilai, int | float | Decimal):
        angka = Decimal(str(nilai))
        if not angka.is_finite():
            raise ValueError(f"«{nilai}» bukan angka.")
        return angka
    teks = re.sub(r"\s|^Rp\.?", "", str(nilai).strip(), flags=re.IGNORECASE)
    if not teks:
        return None
    if _BULAT.fullmatch(teks):
        return Decimal(teks)
    if _RIBUAN_TITIK.fullmatch(teks):
        return Decimal(teks.replace(".", "").replace(",", "."))
    if _RIBUAN_KOMA.fullmatch(teks):
        return Decimal(teks.replace(",", ""))
    if _DESIMAL_KOMA.fullmatch(teks):
        return Decimal(teks.replace(",", "."))
    if _DESIMAL_TITIK.fullmatch(teks):
        return Decimal(teks)
    raise ValueError(f"«{nilai}» bukan angka.")
