"""Capaian and predikat as pure functions (docs/aturan.md, "Capaian" and "Skala predikat").

- higher is better: realisasi / target x 100;
- lower is better: (2 x target - realisasi) / target x 100, floored at 0 (or target / realisasi x 100
  where a region scores it so; the method is a per-indicator setting);
- never capped at 100; rounded half up to 2 decimals;
- SAKIP predikat letters are reached or not, never turned into a number.
"""

from dataclasses import dataclass
from decimal import Decimal

from nakertrans.format_id import bulatkan, format_angka
from perjanjian.models import PREDIKAT_SAKIP

SERATUS = Decimal(100)


def hitung_capaian(target, realisasi, metode):
    """Capaian in percent (Decimal, 2 decimals), or None when it cannot be computed."""
    if target is None or realisasi is None:
        return None
    target, realisasi = Decimal(target), Decimal(realisasi)
    if metode == "t/r":
        if realisasi == 0:
            return None
        nilai = target / realisasi * SERATUS
    else:
        if target == 0:
            return None
        if metode == "(2t-r)/t":
            nilai = max(Decimal(0), (2 * target - realisasi) / target * SERATUS)
        else:
            nilai = realisasi / target * SERATUS
    return bulatkan(nilai, 2)


def huruf_tercapai(target, realisasi):
    """A letter target is reached when the realisasi letter is as good or better (AA best)."""
    if not target or not realisasi:
        return None
    return PREDIKAT_SAKIP.index(realisasi) <= PREDIKAT_SAKIP.index(target)


@dataclass(frozen=True)
class Pita:
    """One band of a predikat scale: from ``bawah`` to ``atas`` (None: no upper end)."""

    nama: str
    bawah: Decimal
    atas: Decimal | None
    bawah_inklusif: bool = True
    atas_inklusif: bool = False
    warna: str = ""

    def memuat(self, nilai):
        if nilai < self.bawah or (nilai == self.bawah and not self.bawah_inklusif):
            return False
        if self.atas is None:
            return True
        return nilai < self.atas or (nilai == self.atas and self.atas_inklusif)

    @property
    def rentang(self):
        awal = f"{'≥' if self.bawah_inklusif else '>'} {_batas(self.bawah)}"
        if self.atas is None:
            return awal
        return f"{awal} dan {'≤' if self.atas_inklusif else '<'} {_batas(self.atas)}"


def _persen_batas(nilai):
    return f"{format_angka(nilai, 2)} %"


def uraian_pita(p):
    """A band in words, as a report prints its scale: «kurang dari 55,00 %», «55,00 % sampai kurang
    dari 70,00 %», «90,00 % atau lebih»."""
    if p.atas is None:
        return (
            f"{_persen_batas(p.bawah)} atau lebih"
            if p.bawah_inklusif
            else f"lebih dari {_persen_batas(p.bawah)}"
        )
    atas = f"{'sampai ' if p.atas_inklusif else 'kurang dari '}{_persen_batas(p.atas)}"
    if p.bawah == 0 and p.bawah_inklusif:
        return atas
    bawah = _persen_batas(p.bawah) if p.bawah_inklusif else f"lebih dari {_persen_batas(p.bawah)}"
    sambung = " sampai " if p.atas_inklusif else " sampai kurang dari "
    return f"{bawah}{sambung}{_persen_batas(p.atas)}"


def _batas(nilai):
    """A band limit as people read it: 90, 55,5, 999.999,99 (never 55.00)."""
    teks = format_angka(nilai, 2)
    return teks.rstrip("0").rstrip(",") if "," in teks else teks


def periksa_skala(pita):
    """Messages (Indonesian) for every gap or overlap; empty when the bands cover 0 to infinity once."""
    masalah = []
    if not pita:
        return ["Skala belum memiliki kategori."]
    urut = sorted(pita, key=lambda p: (p.bawah, not p.bawah_inklusif))
    pertama = urut[0]
    if pertama.bawah > 0 or (pertama.bawah == 0 and not pertama.bawah_inklusif):
        masalah.append(f"Nilai dari 0 sampai {_batas(pertama.bawah)} tidak masuk kategori mana pun.")
    for kiri, kanan in zip(urut, urut[1:], strict=False):
        if kiri.atas is None:
            masalah.append(f"Kategori {kiri.nama} tidak berbatas atas tetapi diikuti {kanan.nama}.")
            continue
        if kanan.bawah > kiri.atas or (
            kanan.bawah == kiri.atas and not kiri.atas_inklusif and not kanan.bawah_inklusif
        ):
            masalah.append(
                f"Ada celah antara {kiri.nama} (sampai {_batas(kiri.atas)}) dan {kanan.nama} "
                f"(mulai {_batas(kanan.bawah)})."
            )
        elif kanan.bawah < kiri.atas or (
            kanan.bawah == kiri.atas and kiri.atas_inklusif and kanan.bawah_inklusif
        ):
            masalah.append(
                f"Kategori {kiri.nama} dan {kanan.nama} bertumpuk di sekitar {_batas(kanan.bawah)}."
            )
    for p in urut:
        if p.atas is not None and (
            p.atas < p.bawah or (p.atas == p.bawah and not (p.bawah_inklusif and p.atas_inklusif))
        ):
            masalah.append(f"Kategori {p.nama}: batas atas harus lebih besar dari batas bawah.")
    if urut[-1].atas is not None:
        masalah.append(f"Nilai di atas {_batas(urut[-1].atas)} tidak masuk kategori mana pun.")
    return masalah


def predikat(nilai, pita):
    """The band a capaian falls in (None for None)."""
    if nilai is None:
        return None
    return next((p for p in pita if p.memuat(Decimal(nilai))), None)


def _d(teks):
    return Decimal(teks)


# Presets. The seed's Tabel 3.1 leaves 44,99-55 and 89,99-90 undefined; closed here.
SKALA_SEED = [
    Pita("Kurang", _d(0), _d(55), warna="#d92d20"),
    Pita("Cukup", _d(55), _d(70), warna="#f79009"),
    Pita("Baik", _d(70), _d(90), warna="#2e90fa"),
    Pita("Sangat Baik", _d(90), None, warna="#12b76a"),
]
SKALA_PERMENDAGRI_86 = [
    Pita("Sangat Rendah", _d(0), _d(50), atas_inklusif=True, warna="#d92d20"),
    Pita("Rendah", _d(50), _d(65), bawah_inklusif=False, atas_inklusif=True, warna="#f79009"),
    Pita("Sedang", _d(65), _d(75), bawah_inklusif=False, atas_inklusif=True, warna="#fdb022"),
    Pita("Tinggi", _d(75), _d(90), bawah_inklusif=False, atas_inklusif=True, warna="#2e90fa"),
    Pita("Sangat Tinggi", _d(90), None, bawah_inklusif=False, warna="#12b76a"),
]
PRESET = {
    "seed": ("Kategori capaian LKjIP (Tabel 3.1, celah ditutup)", SKALA_SEED),
    "permendagri86": ("Permendagri 86/2017 (lima kategori)", SKALA_PERMENDAGRI_86),
}
