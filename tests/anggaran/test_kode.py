import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from anggaran.kode import KEGIATAN, PROGRAM, SUB_KEGIATAN, URUSAN, kode_induk, normalisasi_kode, tingkat_kode


@pytest.mark.parametrize(
    ("tertulis", "kode"),
    [
        ("2.07.01.2.01.00 01", "2.07.01.2.01.0001"),
        ("3.32.03.2.01.003", "3.32.03.2.01.0003"),
        ("2.07.01.2.09..0006", "2.07.01.2.09.0006"),
        (" 2.07.04 ", "2.07.04"),
        ("2", "2"),
        ("3.32.04.2.01.001", "3.32.04.2.01.0001"),
    ],
)
def test_seed_spellings_normalise_to_six_segment_codes(tertulis, kode):
    assert normalisasi_kode(tertulis) == kode


@pytest.mark.parametrize(
    ("tertulis", "pesan"),
    [
        ("", "Kode kosong"),
        ("2.07.01.2", "jumlah bagian"),
        ("2.07.01.3.01", "bagian ke-4 harus 1"),
        ("2.07.0A", "hanya angka"),
        ("2.07.01.2.01.12345", "paling banyak 4 angka"),
        ("2.07.01.2.01.0000", "tidak boleh nol"),
        ("2.07.01.2.01.0001.1", "jumlah bagian"),
    ],
)
def test_malformed_codes_are_refused_in_indonesian(tertulis, pesan):
    with pytest.raises(ValidationError) as galat:
        normalisasi_kode(tertulis)
    assert pesan in galat.value.messages[0]


def test_level_and_parent_follow_from_the_code():
    assert tingkat_kode("2") == URUSAN
    assert tingkat_kode("2.07.01") == PROGRAM
    assert tingkat_kode("2.07.01.2.01") == KEGIATAN
    assert tingkat_kode("2.07.01.2.01.0001") == SUB_KEGIATAN
    assert kode_induk("2.07.01.2.01.0001") == "2.07.01.2.01"
    assert kode_induk("2.07.01.2.01") == "2.07.01"
    assert kode_induk("2.07.01") == "2.07"
    assert kode_induk("2") is None


@st.composite
def kode_sub_kegiatan(draw):
    bagian = [
        draw(st.integers(1, 9)), draw(st.integers(1, 99)), draw(st.integers(1, 99)),
        draw(st.sampled_from([1, 2])), draw(st.integers(1, 99)), draw(st.integers(1, 9999)),
    ]  # fmt: skip
    return bagian


@given(kode_sub_kegiatan(), st.integers(0, 3))
def test_any_spelling_of_a_code_normalises_to_the_same_code(bagian, sisip_spasi):
    baku = "{}.{:02d}.{:02d}.{}.{:02d}.{:04d}".format(*bagian)
    polos = ".".join(str(b) for b in bagian)
    terakhir = f"{bagian[5]:04d}"
    berspasi = baku[:-4] + terakhir[:sisip_spasi] + " " + terakhir[sisip_spasi:]
    assert normalisasi_kode(baku) == baku
    assert normalisasi_kode(polos) == baku
    assert normalisasi_kode(berspasi) == baku
    assert normalisasi_kode(normalisasi_kode(polos)) == baku
