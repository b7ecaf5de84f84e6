"""Nomenklatur codes of Permendagri 90/2019.

urusan ``2`` . bidang urusan ``2.07`` . program ``2.07.01`` . kegiatan ``2.07.01.2.01`` .
sub kegiatan ``2.07.01.2.01.0001``. The 4th segment is 1 (provinsi) or 2 (kabupaten/kota).
Regional finance systems and reports write the same code in several ways
(``2.07.01.2.01.00 01``, ``3.32.03.2.01.003``): ``normalisasi_kode`` gives the one form.
"""

import re

from django.core.exceptions import ValidationError

URUSAN, BIDANG_URUSAN, PROGRAM, KEGIATAN, SUB_KEGIATAN = 1, 2, 3, 4, 5
NAMA_TINGKAT = {
    URUSAN: "urusan",
    BIDANG_URUSAN: "bidang urusan",
    PROGRAM: "program",
    KEGIATAN: "kegiatan",
    SUB_KEGIATAN: "sub kegiatan",
}
# Number of segments -> level; a code of 4 segments does not exist.
_TINGKAT_DARI_SEGMEN = {1: URUSAN, 2: BIDANG_URUSAN, 3: PROGRAM, 5: KEGIATAN, 6: SUB_KEGIATAN}
# Width of each segment once normalised.
_LEBAR = [1, 2, 2, 1, 2, 4]
_SEGMEN_INDUK = {BIDANG_URUSAN: 1, PROGRAM: 2, KEGIATAN: 3, SUB_KEGIATAN: 5}


def _galat(teks, alasan):
    return ValidationError(f"Kode «{teks}» tidak sah: {alasan}.", code="kode_tidak_sah")


def normalisasi_kode(teks):
    """Return the normalised code, or raise ValidationError with an Indonesian message."""
    asli = "" if teks is None else str(teks)
    kode = re.sub(r"\s+", "", asli)
    kode = re.sub(r"\.{2,}", ".", kode).strip(".")
    if not kode:
        raise ValidationError("Kode kosong.", code="kode_kosong")
    segmen = kode.split(".")
    if any(not s.isdigit() for s in segmen):
        raise _galat(asli, "hanya angka yang dipisah titik")
    if len(segmen) not in _TINGKAT_DARI_SEGMEN:
        raise _galat(asli, "jumlah bagian harus 1, 2, 3, 5 atau 6")
    hasil = []
    for posisi, (bagian, lebar) in enumerate(zip(segmen, _LEBAR, strict=False)):
        angka = int(bagian)
        if len(bagian.lstrip("0")) > lebar:
            raise _galat(asli, f"bagian ke-{posisi + 1} paling banyak {lebar} angka")
        if angka == 0:
            raise _galat(asli, f"bagian ke-{posisi + 1} tidak boleh nol")
        if posisi == 3 and angka not in (1, 2):
            raise _galat(asli, "bagian ke-4 harus 1 (provinsi) atau 2 (kabupaten/kota)")
        hasil.append(f"{angka:0{lebar}d}")
    return ".".join(hasil)


def tingkat_kode(kode):
    return _TINGKAT_DARI_SEGMEN[len(kode.split("."))]


def kode_induk(kode):
    """The normalised code of the parent (None for an urusan)."""
    tingkat = tingkat_kode(kode)
    if tingkat == URUSAN:
        return None
    return ".".join(kode.split(".")[: _SEGMEN_INDUK[tingkat]])
