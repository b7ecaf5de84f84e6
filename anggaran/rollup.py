"""Budget roll-ups as pure functions: totals are always computed from the sub kegiatan, never typed.

serapan = realisasi keuangan / pagu x 100; sisa pagu = pagu - realisasi; realisasi fisik of a parent
is the pagu-weighted mean of its children.
"""

from dataclasses import dataclass
from decimal import Decimal

from anggaran.kode import PROGRAM, kode_induk, tingkat_kode
from nakertrans.format_id import bulatkan

NOL = Decimal(0)
SERATUS = Decimal(100)


@dataclass(frozen=True)
class Ringkasan:
    pagu: Decimal = NOL
    realisasi: Decimal = NOL
    # sum of pagu x fisik over the children, so the weighted mean survives further summing
    fisik_x_pagu: Decimal = NOL

    def __add__(self, lain):
        return Ringkasan(
            self.pagu + lain.pagu, self.realisasi + lain.realisasi, self.fisik_x_pagu + lain.fisik_x_pagu
        )

    @classmethod
    def dari_sub_kegiatan(cls, pagu, realisasi, fisik):
        pagu, realisasi, fisik = Decimal(pagu), Decimal(realisasi), Decimal(fisik or 0)
        return cls(pagu, realisasi, pagu * fisik)

    @property
    def serapan(self):
        """Realisasi keuangan as % of pagu (None when the pagu is zero)."""
        return bulatkan(self.realisasi / self.pagu * SERATUS, 2) if self.pagu else None

    @property
    def sisa(self):
        return self.pagu - self.realisasi

    @property
    def sisa_persen(self):
        return bulatkan(self.sisa / self.pagu * SERATUS, 2) if self.pagu else None

    @property
    def fisik(self):
        """Pagu-weighted mean of the children's realisasi fisik (%)."""
        return bulatkan(self.fisik_x_pagu / self.pagu, 2) if self.pagu else None


def jumlahkan(daftar):
    total = Ringkasan()
    for ringkasan in daftar:
        total = total + ringkasan
    return total


def per_kode(pasangan):
    """The budget roll-up: {kode: total} for every sub kegiatan code of ``pasangan`` ((kode, value)
    pairs; values Decimal or Ringkasan) and for its kegiatan and program, each the sum of the sub
    kegiatan below it. It stops at the program: urusan and bidang urusan totals are not one office's
    (a DPA may state them for the whole urusan). Codes are normalised (anggaran.kode)."""
    total = {}
    for kode, nilai in pasangan:
        while kode is not None and tingkat_kode(kode) >= PROGRAM:
            total[kode] = total[kode] + nilai if kode in total else nilai
            kode = kode_induk(kode)
    return total


def bulan_lewat_pagu(pagu, bulanan):
    """The month whose realisasi takes the year's total past the pagu, or None when the total stays
    within it; ``bulanan``: (bulan, keuangan) pairs in any order.

    The rule of a realisasi above its pagu, on every path (the entry page, the import, the LKjIP
    check): it stands only with a note, written in this month, saying why (the month the auditor looks
    at: the one that crossed the pagu)."""
    total = NOL
    for bulan, keuangan in sorted(bulanan):
        total += keuangan or NOL
        if total > pagu:
            return bulan
    return None
