"""Indonesian formats for everything a person reads: 4.635.301.681; 93,73 %; 1 Februari 2025.

Month names, the date format and the number separators are Django's localisation: Django's Indonesian
translation and the project's formats (nakertrans/formats/id/formats.py). They are asked for in
Indonesian explicitly, not in whatever language is active: a management command, the PDF thread or a
``migrate`` (which deactivates translations) has no request that activated one. Django does not round
half up (its numberformat cuts the decimals) nor read numbers as people write them: ``bulatkan`` and
``baca_angka`` are this module's own.
"""

import datetime
import functools
import re
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation, getcontext

from django.utils import formats, numberformat, translation
from django.utils.dates import MONTHS
from django.utils.functional import lazy

BAHASA = "id"


@functools.cache
def _nama_bulan():
    with translation.override(BAHASA):
        return tuple(str(MONTHS[bulan]) for bulan in range(1, 13))


# Januari ... Desember, read at first use: translations cannot be loaded while the models import
# (this module is imported then).
NAMA_BULAN = lazy(_nama_bulan, tuple)()


def _format(nama):
    """A setting of the project's Indonesian formats (DECIMAL_SEPARATOR, THOUSAND_SEPARATOR, ...)."""
    return formats.get_format(nama, lang=BAHASA)


def bulatkan(nilai, desimal):
    """Round half up (the way figures are rounded by hand), never banker's rounding.

    Any size of number: the rounding gets the precision its result needs, where the default context
    (28 digits) would raise InvalidOperation for, say, a sum of many large amounts to the cent.
    """
    nilai = Decimal(nilai)
    kuantum = Decimal(1).scaleb(-desimal)
    presisi = max(nilai.adjusted(), 0) + desimal + 2 if nilai.is_finite() else 1
    konteks = Context(prec=max(presisi, getcontext().prec))
    return nilai.quantize(kuantum, rounding=ROUND_HALF_UP, context=konteks)


def format_angka(nilai, desimal=0):
    """Group thousands with '.', decimals after ','; None and non-numbers give ''."""
    if nilai is None or nilai == "":
        return ""
    try:
        angka = bulatkan(Decimal(str(nilai)), desimal)
    except (InvalidOperation, ValueError):
        return ""
    if not angka.is_finite():
        return ""
    if angka.is_zero():
        angka = angka.copy_abs()  # -0,004 rounds to 0,00, not -0,00
    # Rounded above: Django's numberformat would cut the decimals. It gets the exact digits as text,
    # since it writes a Decimal of more than 200 digits in scientific notation.
    return numberformat.format(
        f"{angka:f}",
        _format("DECIMAL_SEPARATOR"),
        decimal_pos=desimal,
        grouping=_format("NUMBER_GROUPING"),
        thousand_sep=_format("THOUSAND_SEPARATOR"),
        force_grouping=True,
    )


def format_angka_tepat(nilai, desimal=2):
    """The exact figure of a value stored with ``desimal`` decimals, for a form to show and take back:
    no decimals when it is whole (1.250.000), else all of them (1.250.000,50; 45,50)."""
    if nilai is None or nilai == "":
        return ""
    try:
        utuh = Decimal(str(nilai)) == Decimal(str(nilai)).to_integral_value()
    except (InvalidOperation, ValueError):
        return ""
    return format_angka(nilai, 0 if utuh else desimal)


def format_rupiah(nilai):
    teks = format_angka(nilai, 0)
    return f"Rp {teks}" if teks else ""


def format_persen(nilai, desimal=2):
    teks = format_angka(nilai, desimal)
    return f"{teks} %" if teks else ""


def format_tanggal(tanggal):
    """``date(2025, 2, 1)`` -> ``1 Februari 2025`` (the project's DATE_FORMAT, j F Y)."""
    if not tanggal:
        return ""
    if isinstance(tanggal, datetime.datetime):
        tanggal = tanggal.date()
    with translation.override(BAHASA):
        return formats.date_format(tanggal, "DATE_FORMAT")


# How numbers are written (signs, "Rp" and "%" already taken off; ASCII digits only, so that other
# scripts' digits are refused rather than read):
_BULAT = re.compile(r"[0-9]+")
# 4.635.301.681, 1.234,50, 2.500
_RIBUAN_TITIK = re.compile(r"[1-9][0-9]{0,2}(\.[0-9]{3})+(,[0-9]+)?")
# 1234,5 and 0,125 and 2,500: a single comma is the decimal mark
_DESIMAL_KOMA = re.compile(r"[0-9]+,[0-9]+")
# 1,234,567.89 and 1,234.5 (finance exports)
_RIBUAN_KOMA = re.compile(r"[1-9][0-9]{0,2}((,[0-9]{3}){2,}(\.[0-9]+)?|,[0-9]{3}\.[0-9]+)")
# 35.5, 0.125, 1234.567: a dot that cannot be grouping
_DESIMAL_TITIK = re.compile(r"[0-9]+\.[0-9]+")
# 1.234: thousands, or a decimal typed with a dot
_TITIK_RIBUAN_TUNGGAL = re.compile(r"[1-9][0-9]{0,2}\.[0-9]{3}")
_TANDA = re.compile(
    r"^(?P<minus>[-\u2212])?\s*(?P<rp>Rp\.?\s*)?(?P<angka>.*?)\s*(?P<persen>%)?$", re.IGNORECASE
)


def _inti_angka(teks, *, persen, rupiah):
    """The digits of a written number with its sign, "Rp" and "%" taken off (and checked)."""
    teks = str(teks).replace("\u00a0", " ").replace("\u202f", " ").strip()
    cocok = _TANDA.match(teks)
    if cocok["rp"] and not rupiah:
        raise ValueError(f"«{teks}»: «Rp» tidak dipakai di kolom ini; tulis angkanya saja.")
    if cocok["persen"] and not persen:
        raise ValueError(f"«{teks}»: tanda % tidak dipakai di kolom ini; tulis angkanya saja.")
    return ("-" if cocok["minus"] else ""), cocok["angka"]


def baca_angka(nilai, *, persen=False, rupiah=False):
    """A number as people and spreadsheets write it -> Decimal; None for an empty cell.

    The Indonesian way first: dots group thousands and a single comma is the decimal mark
    (1.234.567,89; 1234,5; 0,125; 2,500 is two and a half). Two or more comma groups, or a comma group
    followed by a decimal point, is the export style of finance systems (1,234,567.89). A single dot
    followed by exactly three digits is a thousands dot (1.234 is 1234); a dot that cannot group
    thousands is a decimal point (35.5; 0.125). ``persen`` accepts a trailing «%» and ``rupiah`` a
    leading «Rp». Anything else raises ValueError with an Indonesian message.
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
    if not str(nilai).strip():
        return None
    tanda, teks = _inti_angka(nilai, persen=persen, rupiah=rupiah)
    if _BULAT.fullmatch(teks):
        return Decimal(tanda + teks)
    if _RIBUAN_TITIK.fullmatch(teks):
        return Decimal(tanda + teks.replace(".", "").replace(",", "."))
    if _DESIMAL_KOMA.fullmatch(teks):
        return Decimal(tanda + teks.replace(",", "."))
    if _RIBUAN_KOMA.fullmatch(teks):
        return Decimal(tanda + teks.replace(",", ""))
    if _DESIMAL_TITIK.fullmatch(teks):
        return Decimal(tanda + teks)
    raise ValueError(f"«{str(nilai).strip()}» bukan angka; tulis misalnya 1.250 atau 45,5.")


def titik_ribuan_ragu(nilai):
    """True when a written number is a single dot followed by three digits (1.234, 2.500): read as
    thousands, but possibly meant as a decimal by someone used to a decimal point."""
    if nilai is None or isinstance(nilai, int | float | Decimal | bool):
        return False
    try:
        _, teks = _inti_angka(nilai, persen=True, rupiah=True)
    except ValueError:
        return False
    return bool(_TITIK_RIBUAN_TUNGGAL.fullmatch(teks))


BATAS_WAJAR = (Decimal(10), Decimal(300))


def bacaan_meragukan(tertulis, nilai, *, target, desimal, persen):
    """Whether a value read from ``tertulis`` needs the person's confirmation before it is saved.

    Only the ambiguous thousands dot (1.234) of an indicator that has decimals is doubted, and only
    where that reading makes the figure implausible against its target: below 10 % or above 300 % of
    it, or a persen value above 100 when the target is at most 100.
    """
    if nilai is None or desimal <= 0 or not titik_ribuan_ragu(tertulis):
        return False
    if target is None or target <= 0:
        return False
    rasio = nilai / target * 100
    if not BATAS_WAJAR[0] <= rasio <= BATAS_WAJAR[1]:
        return True
    return persen and nilai > 100 and target <= 100
