import datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from hypothesis import given
from hypothesis import strategies as st

from nakertrans.format_id import (
    baca_angka,
    bulatkan,
    format_angka,
    format_persen,
    format_rupiah,
    format_tanggal,
)


def test_seed_figures_in_indonesian_format():
    assert format_angka(Decimal("4635301681")) == "4.635.301.681"
    assert format_persen(Decimal("93.7292")) == "93,73 %"
    assert format_rupiah(4344631646) == "Rp 4.344.631.646"
    assert format_tanggal(datetime.date(2025, 2, 1)) == "1 Februari 2025"


def test_rounding_is_half_up_not_bankers():
    assert bulatkan(Decimal("5.385"), 2) == Decimal("5.39")
    assert bulatkan(Decimal("0.125"), 2) == Decimal("0.13")
    assert format_angka(Decimal("2.5")) == "3"


@pytest.mark.parametrize(
    ("nilai", "desimal", "teks"),
    [
        (0, 0, "0"),
        (-1234567, 0, "-1.234.567"),
        (Decimal("1234.5"), 2, "1.234,50"),
        (None, 2, ""),
        ("abc", 0, ""),
    ],
)
def test_format_angka_edges(nilai, desimal, teks):
    assert format_angka(nilai, desimal) == teks


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=2, allow_nan=False))
def test_format_angka_reads_back_to_the_rounded_value(nilai):
    teks = format_angka(nilai, 2)
    assert Decimal(teks.replace(".", "").replace(",", ".")) == bulatkan(nilai, 2)


def test_template_filters_and_django_formats_speak_indonesian(settings):
    keluaran = Template(
        "{% load format_id %}{{ n|angka }}|{{ p|persen }}|{{ t|tanggal }}|{{ nip|nip }}|{{ t }}"
    ).render(
        Context(
            {
                "n": 4635301681,
                "p": Decimal("93.73"),
                "t": datetime.date(2025, 2, 1),
                "nip": "197009141992031003",
            }
        )
    )
    assert keluaran == "4.635.301.681|93,73 %|1 Februari 2025|19700914 199203 1 003|1 Februari 2025"


@pytest.mark.parametrize(
    ("tertulis", "angka"),
    [
        ("4.635.301.681", Decimal(4635301681)),
        ("5,690,500", Decimal(5690500)),
        ("91,312,400.00", Decimal("91312400.00")),
        ("Rp 1.234,50", Decimal("1234.50")),
        ("45,5", Decimal("45.5")),
        ("45.5", Decimal("45.5")),
        (2285000.0, Decimal("2285000.0")),
        (7, Decimal(7)),
        ("  ", None),
        (None, None),
        ("-5.000", Decimal(-5000)),
    ],
)
def test_baca_angka_reads_the_ways_numbers_are_written(tertulis, angka):
    assert baca_angka(tertulis) == angka


@pytest.mark.parametrize("tertulis", ["satu juta", "1.2.3,4,5", "12abc", True, float("nan")])
def test_baca_angka_refuses_what_is_not_a_number(tertulis):
    with pytest.raises(ValueError, match="bukan angka"):
        baca_angka(tertulis)
