"""A target as a document prints it («2 Dokumen», «90,53 %», «7,94% %») read as a number and its satuan
by the number rules of nakertrans.format_id, saying what was chosen wherever the text allows more than
one reading, so that a person confirms it instead of finding it out from a wrong capaian."""

import re
from dataclasses import dataclass
from decimal import Decimal

from nakertrans.format_id import baca_angka, format_angka, titik_ribuan_ragu

# The ways documents write the satuan of a percentage.
SATUAN_PERSEN = frozenset({"%", "persen", "persentase"})


def satuan_persen(satuan):
    """Whether a satuan is a percentage («%», «Persen», «persentase»)."""
    return (satuan or "").strip().lower() in SATUAN_PERSEN


# A number as written in the documents: digits with dots and commas, not ending in one of them.
_ANGKA = re.compile(r"\d(?:[\d.,]*\d)?")


@dataclass(frozen=True)
class BacaanTarget:
    """``angka`` and ``satuan`` as read; ``huruf`` when the target is not a number (a letter, a
    predicate); ``pilihan`` says in Indonesian what was chosen, empty for a plain reading."""

    tertulis: str
    angka: Decimal | None = None
    satuan: str = ""
    huruf: str = ""
    pilihan: str = ""

    @property
    def terbaca(self):
        """As a person reads it back: «7,94 %», «2 Dokumen»."""
        if self.angka is None:
            return self.huruf
        teks = format_angka(self.angka, _desimal(self.angka))
        return f"{teks} {self.satuan}" if self.satuan else teks


def _desimal(angka):
    return max(0, -angka.as_tuple().exponent)


def _satuan_tanpa_ulang(teks):
    """«% %» -> («%», True): a satuan written twice over is one satuan."""
    kata = teks.split()
    if len(kata) > 1 and len(set(kata)) == 1:
        return kata[0], True
    return teks, False


def baca_target(teks):
    """The BacaanTarget of ``teks``. A text that does not begin with a number is a letter target; a
    text with two numbers is read by its first (the second is named); a decimal point in the English
    way, a thousands dot that may be meant as a decimal, and a satuan written twice are read as the
    Indonesian rules say and named as choices."""
    tertulis = " ".join(str(teks).split())
    cocok = _ANGKA.match(tertulis)
    if cocok is None:
        return BacaanTarget(tertulis, huruf=tertulis)
    ditulis = cocok.group()
    try:
        angka = baca_angka(ditulis)
    except ValueError as galat:
        return BacaanTarget(tertulis, huruf=tertulis, pilihan=f"{galat} Dicatat sebagai target huruf.")
    sisa = tertulis[cocok.end() :]
    pilihan = []
    lain = _ANGKA.search(sisa)
    if lain is not None:
        pilihan.append(
            f"tertulis dua angka ({ditulis} dan {lain.group()}); dibaca angka pertama, yang kedua diabaikan"
        )
        sisa = sisa[: lain.start()]
    satuan, ganda = _satuan_tanpa_ulang(sisa.strip())
    if ganda:
        pilihan.append(f"satuan «{satuan}» tertulis dua kali")
    if "." in ditulis and "," not in ditulis and angka != int(angka):
        pilihan.append(f"titik pada «{ditulis}» dibaca sebagai tanda desimal")
    elif titik_ribuan_ragu(ditulis):
        pilihan.append(f"titik pada «{ditulis}» dibaca sebagai pemisah ribuan")
    bacaan = BacaanTarget(tertulis, angka=angka, satuan=satuan)
    if not pilihan:
        return bacaan
    return BacaanTarget(
        tertulis, angka=angka, satuan=satuan, pilihan=f"dibaca {bacaan.terbaca}: " + "; ".join(pilihan) + "."
    )
