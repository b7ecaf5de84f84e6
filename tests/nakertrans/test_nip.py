import datetime

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from nakertrans.nip import format_nip, normalisasi_nip, validasi_nip

HARI_INI = datetime.date(2026, 11, 28)


def test_seed_nip_of_kepala_dinas_is_valid_and_grouped():
    assert validasi_nip("19700914 199203 1 003", HARI_INI) == "197009141992031003"
    assert format_nip("197009141992031003") == "19700914 199203 1 003"


@pytest.mark.parametrize(
    ("nip", "pesan"),
    [
        ("1970091419920310", "18 angka"),
        ("19700914199203100A", "18 angka"),
        ("197002301992031003", "tanggal lahir"),
        ("197009141992131003", "bulan pengangkatan"),
        ("197009141992001003", "bulan pengangkatan"),
        ("197009141992033003", "jenis kelamin"),
        ("197009141992031000", "000"),
        ("197009141980031003", "15 tahun"),
        ("197009142027031003", "belum terjadi"),
        ("203009141992031003", "tidak masuk akal"),
    ],
)
def test_invalid_nip_is_refused_in_indonesian(nip, pesan):
    with pytest.raises(ValidationError) as galat:
        validasi_nip(nip, HARI_INI)
    assert pesan in galat.value.messages[0]


def test_normalisasi_strips_spaces_dots_and_dashes():
    assert normalisasi_nip(" 19700914.199203-1 003 ") == "197009141992031003"


@st.composite
def nip_sah(draw):
    lahir = draw(st.dates(datetime.date(1960, 1, 1), datetime.date(1995, 12, 31)))
    tahun = draw(st.integers(lahir.year + 18, 2025))
    bulan = draw(st.integers(1, 12))
    kelamin = draw(st.sampled_from("12"))
    urut = draw(st.integers(1, 999))
    return f"{lahir:%Y%m%d}{tahun:04d}{bulan:02d}{kelamin}{urut:03d}"


@given(nip_sah())
def test_every_well_formed_nip_validates_and_round_trips_through_its_display(nip):
    assert validasi_nip(nip, HARI_INI) == nip
    tampil = format_nip(nip)
    assert [len(bagian) for bagian in tampil.split(" ")] == [8, 6, 1, 3]
    assert validasi_nip(tampil, HARI_INI) == nip
