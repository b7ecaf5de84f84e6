"""NIP (Nomor Induk Pegawai): 18 digits.

Layout: birth date YYYYMMDD, appointment (TMT CPNS) YYYYMM, sex 1 (pria) or 2 (wanita),
sequence 3 digits. Shown grouped as ``19700914 199203 1 003``.
"""

import datetime
import re

from django.core.exceptions import ValidationError

PANJANG_NIP = 18
_BUKAN_DIGIT = re.compile(r"[\s.\-]")


def normalisasi_nip(teks):
    """Strip the spaces, dots and dashes people type between the groups."""
    return _BUKAN_DIGIT.sub("", str(teks or ""))


def validasi_nip(nip, hari_ini=None):
    """Raise ValidationError (Indonesian) unless ``nip`` is a well-formed NIP."""
    nip = normalisasi_nip(nip)
    hari_ini = hari_ini or datetime.date.today()
    if len(nip) != PANJANG_NIP or not nip.isdigit():
        raise ValidationError(
            "NIP harus terdiri atas 18 angka (contoh: 19700914 199203 1 003).", code="nip_panjang"
        )
    try:
        lahir = datetime.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        raise ValidationError(
            "Delapan angka pertama NIP harus tanggal lahir yang benar (TTTTBBHH).", code="nip_lahir"
        ) from None
    if lahir.year < 1900 or lahir > hari_ini:
        raise ValidationError("Tanggal lahir dalam NIP tidak masuk akal.", code="nip_lahir")
    tahun_angkat, bulan_angkat = int(nip[8:12]), int(nip[12:14])
    if not 1 <= bulan_angkat <= 12:
        raise ValidationError(
            "Angka ke-13 dan ke-14 NIP harus bulan pengangkatan (01 sampai 12).", code="nip_tmt"
        )
    if (tahun_angkat, bulan_angkat) > (hari_ini.year, hari_ini.month):
        raise ValidationError("Bulan pengangkatan dalam NIP belum terjadi.", code="nip_tmt")
    if tahun_angkat < lahir.year + 15:
        raise ValidationError(
            "Tahun pengangkatan dalam NIP harus sedikitnya 15 tahun setelah tahun lahir.", code="nip_tmt"
        )
    if nip[14] not in "12":
        raise ValidationError(
            "Angka ke-15 NIP adalah jenis kelamin: 1 (pria) atau 2 (wanita).", code="nip_jenis_kelamin"
        )
    if nip[15:] == "000":
        raise ValidationError("Tiga angka terakhir NIP (nomor urut) tidak boleh 000.", code="nip_urut")
    return nip


def format_nip(nip):
    """``197009141992031003`` -> ``19700914 199203 1 003``; anything else is returned as it is."""
    nip = normalisasi_nip(nip)
    if len(nip) != PANJANG_NIP or not nip.isdigit():
        return nip
    return f"{nip[0:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
