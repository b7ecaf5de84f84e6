"""Written targets read as a number and its satuan, every choice named (anggaran.target_tertulis)."""

from decimal import Decimal

import pytest

from anggaran.target_tertulis import baca_target


@pytest.mark.parametrize(
    ("teks", "angka", "satuan"),
    [
        ("2 Dokumen", "2", "Dokumen"),
        ("100%", "100", "%"),
        ("90,53 %", "90.53", "%"),
        ("3Unit", "3", "Unit"),
        ("14 Orang/bulan", "14", "Orang/bulan"),
        ("  1000   KK/Orang ", "1000", "KK/Orang"),
        ("1.234.567 Rupiah", "1234567", "Rupiah"),
    ],
)
def test_a_plain_target_reads_without_a_choice(teks, angka, satuan):
    bacaan = baca_target(teks)
    assert (bacaan.angka, bacaan.satuan, bacaan.huruf, bacaan.pilihan) == (Decimal(angka), satuan, "", "")


@pytest.mark.parametrize(
    ("teks", "angka", "satuan", "pilihan"),
    [
        ("7,94% %", "7.94", "%", "dibaca 7,94 %: satuan «%» tertulis dua kali."),
        (
            "70 % 61,50 %",
            "70",
            "%",
            "dibaca 70 %: tertulis dua angka (70 dan 61,50); dibaca angka pertama, yang kedua diabaikan.",
        ),
        (
            "1.05 Indeks",
            "1.05",
            "Indeks",
            "dibaca 1,05 Indeks: titik pada «1.05» dibaca sebagai tanda desimal.",
        ),
        (
            "1.500 Orang",
            "1500",
            "Orang",
            "dibaca 1.500 Orang: titik pada «1.500» dibaca sebagai pemisah ribuan.",
        ),
    ],
)
def test_a_target_read_by_a_choice_says_which(teks, angka, satuan, pilihan):
    bacaan = baca_target(teks)
    assert (bacaan.angka, bacaan.satuan, bacaan.pilihan) == (Decimal(angka), satuan, pilihan)


def test_a_target_that_is_not_a_number_is_a_letter_target():
    bacaan = baca_target("WTP")
    assert (bacaan.angka, bacaan.huruf, bacaan.pilihan, bacaan.terbaca) == (None, "WTP", "", "WTP")


def test_a_number_the_rules_refuse_is_a_letter_target_with_the_reason():
    bacaan = baca_target("1,234.5,6 Paket")
    assert bacaan.angka is None and bacaan.huruf == "1,234.5,6 Paket"
    assert "bukan angka" in bacaan.pilihan and "Dicatat sebagai target huruf." in bacaan.pilihan
