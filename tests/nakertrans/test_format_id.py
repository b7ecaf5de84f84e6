import datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from hypothesis import given
from hypothesis import strategies as st

from nakertrans.format_id import (
    baca_angka,
    bacaan_meragukan,
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
        # Indonesian: dots group thousands, a single comma is the decimal mark.
        ("4.635.301.681", Decimal(4635301681)),
        ("1.234.567", Decimal(1234567)),
        ("1.234.567,89", Decimal("1234567.89")),
        ("1234,5", Decimal("1234.5")),
        ("0,125", Decimal("0.125")),
        ("2,500", Decimal("2.5")),
        ("1,234", Decimal("1.234")),
        ("45,5", Decimal("45.5")),
        # A single dot and three digits is a thousands dot; any other dot is a decimal point.
        ("1.234", Decimal(1234)),
        ("2.500", Decimal(2500)),
        ("35.5", Decimal("35.5")),
        ("0.125", Decimal("0.125")),
        ("1234.567", Decimal("1234.567")),
        # Finance exports: two or more comma groups, or a comma group and a decimal point.
        ("5,690,500", Decimal(5690500)),
        ("91,312,400.00", Decimal("91312400.00")),
        ("1,234,567.89", Decimal("1234567.89")),
        ("1,234.5", Decimal("1234.5")),
        # Spreadsheet numbers, blanks, signs and spaces around.
        (2285000.0, Decimal("2285000.0")),
        (7, Decimal(7)),
        ("  ", None),
        ("\u00a0", None),
        (None, None),
        ("-5.000", Decimal(-5000)),
        ("\u00a012,5\u00a0", Decimal("12.5")),
    ],
)
def test_baca_angka_reads_the_ways_numbers_are_written(tertulis, angka):
    assert baca_angka(tertulis) == angka


@pytest.mark.parametrize(
    ("tertulis", "angka", "boleh"),
    [
        ("87,45 %", Decimal("87.45"), {"persen": True}),
        ("87,45%", Decimal("87.45"), {"persen": True}),
        ("Rp 1.000", Decimal(1000), {"rupiah": True}),
        ("Rp1.234,50", Decimal("1234.50"), {"rupiah": True}),
        ("rp. 4.635.301.681", Decimal(4635301681), {"rupiah": True}),
    ],
)
def test_percent_and_rupiah_signs_where_the_column_allows_them(tertulis, angka, boleh):
    assert baca_angka(tertulis, **boleh) == angka


@pytest.mark.parametrize(("tertulis", "pesan"), [("87,45 %", "tanda %"), ("Rp 1.000", "Rp")])
def test_percent_and_rupiah_signs_refused_elsewhere(tertulis, pesan):
    with pytest.raises(ValueError, match=pesan):
        baca_angka(tertulis)


@pytest.mark.parametrize(
    "tertulis",
    [
        "satu juta",
        "1.2.3,4,5",
        "12abc",
        True,
        float("nan"),
        "12,345,6",
        "1.234.56",
        "1 234",
        "1,2,3",
        "%",
        "Rp",
        "\u0661\u0662\u0663",
    ],
)
def test_baca_angka_refuses_what_is_not_a_number(tertulis):
    with pytest.raises(ValueError, match="bukan angka"):
        baca_angka(tertulis, persen=True, rupiah=True)


@given(
    st.decimals(min_value=-(10**15), max_value=10**15, allow_nan=False, allow_infinity=False),
    st.integers(min_value=0, max_value=6),
)
def test_every_formatted_number_reads_back_to_the_same_value(nilai, desimal):
    teks = format_angka(nilai, desimal)
    assert baca_angka(teks) == bulatkan(nilai, desimal)


@pytest.mark.parametrize(
    ("tertulis", "nilai", "target", "desimal", "persen", "ragu"),
    [
        ("1.234", Decimal(1234), Decimal("1.5"), 2, False, True),  # 82.267 % of the target
        ("1.234", Decimal(1234), Decimal(1200), 2, False, False),  # plausible as thousands
        ("1.234", Decimal(1234), Decimal(5), 0, False, False),  # counts have no decimals: thousands
        ("1.234", Decimal(1234), Decimal(1000), 2, True, False),  # a persen target above 100: plausible
        ("1.234", Decimal(1234), Decimal(80), 2, True, True),
        ("1234", Decimal(1234), Decimal("1.5"), 2, False, False),  # no dot: nothing ambiguous
        ("1,234", Decimal("1.234"), Decimal("1.5"), 3, False, False),
        ("1.234", Decimal(1234), None, 2, False, False),  # no target, no capaian to judge
    ],
)
def test_ambiguous_thousands_dot_is_doubted_only_where_implausible(
    tertulis, nilai, target, desimal, persen, ragu
):
    assert bacaan_meragukan(tertulis, nilai, target=target, desimal=desimal, persen=persen) is ragu
