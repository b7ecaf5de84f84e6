import datetime
import io
import threading
from decimal import Decimal

import pytest
from django.core.management import BaseCommand, call_command
from django.core.management.base import no_translations
from django.template import Context, Template
from django.utils import formats, translation
from hypothesis import given
from hypothesis import strategies as st

from nakertrans.format_id import (
    NAMA_BULAN,
    baca_angka,
    bacaan_meragukan,
    bulatkan,
    format_angka,
    format_angka_tepat,
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


# ---------------------------------------------------------------------------------------------------
# What comes from Django's localisation (its Indonesian translation and nakertrans/formats/id)

BULAN = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
]  # fmt: skip


def test_every_month_name_is_indonesian_and_serves_as_the_callers_use_it():
    assert list(NAMA_BULAN) == BULAN
    assert len(NAMA_BULAN) == 12 and NAMA_BULAN[0] == "Januari" and NAMA_BULAN[-1] == "Desember"
    assert "Mei" in NAMA_BULAN and "May" not in NAMA_BULAN
    assert NAMA_BULAN.index("Agustus") == 7
    assert f"s.d. {NAMA_BULAN[2]}" == "s.d. Maret"
    singkat = Template("{% for n in bulan %}{{ n|slice:':3' }} {% endfor %}").render(
        Context({"bulan": NAMA_BULAN})
    )
    assert singkat == "Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov Des "
    for bulan, nama in enumerate(BULAN, start=1):
        assert format_tanggal(datetime.date(2024, bulan, 28)) == f"28 {nama} 2024"


@given(st.dates(min_value=datetime.date(1000, 1, 1)))
def test_a_date_reads_as_djangos_own_date_format_prints_it(tanggal):
    with translation.override("id"):
        django = Template('{{ t }}|{{ t|date:"j F Y" }}').render(Context({"t": tanggal}))
    assert django == f"{format_tanggal(tanggal)}|{format_tanggal(tanggal)}"
    jam = datetime.datetime.combine(tanggal, datetime.time(23, 59))
    assert format_tanggal(jam) == format_tanggal(tanggal)


def _teks_indonesia():
    return [
        list(NAMA_BULAN),
        format_tanggal(datetime.date(2025, 2, 1)),
        format_rupiah(Decimal("1234567890123.45")),
        format_persen(Decimal("93.7292")),
        format_angka(Decimal("-1234.5"), 2),
    ]


INDONESIA = [BULAN, "1 Februari 2025", "Rp 1.234.567.890.123", "93,73 %", "-1.234,50"]


class _PerintahTanpaTerjemahan(BaseCommand):
    """A management command run as Django runs migrate and makemigrations: translations deactivated."""

    @no_translations
    def handle(self, *args, **options):
        self.hasil = _teks_indonesia()
        # What Django's own formatting prints in that context: not Indonesian.
        self.django = formats.date_format(datetime.date(2025, 2, 1))


def test_a_management_command_without_translations_still_prints_indonesian():
    perintah = _PerintahTanpaTerjemahan()
    call_command(perintah, stdout=io.StringIO())
    assert perintah.django != "1 Februari 2025"
    assert perintah.hasil == INDONESIA


def test_another_active_language_does_not_change_the_indonesian_formats():
    with translation.override("en"):
        assert formats.date_format(datetime.date(2025, 2, 1)) != "1 Februari 2025"
        assert _teks_indonesia() == INDONESIA


def test_a_background_thread_prints_indonesian():
    # The LKjIP's PDF is made in a thread (nakertrans.latar) that no request activated a language in;
    # this one even deactivates them.
    hasil = []

    def kerja():
        translation.deactivate_all()
        hasil.append(_teks_indonesia())

    with translation.override("en"):
        utas = threading.Thread(target=kerja)
        utas.start()
        utas.join()
    assert hasil == [INDONESIA]


def test_a_15_digit_rupiah_with_cents_is_rounded_half_up_not_cut():
    terbesar = Decimal("9999999999999.99")  # 15 digits, 13 before the comma: the fields' largest
    assert format_angka(terbesar, 2) == "9.999.999.999.999,99"
    assert format_rupiah(terbesar) == "Rp 10.000.000.000.000"
    assert format_rupiah(Decimal("1234567890123.50")) == "Rp 1.234.567.890.124"
    assert format_rupiah(Decimal("1234567890123.49")) == "Rp 1.234.567.890.123"
    assert format_persen(Decimal("-1234567890123.455")) == "-1.234.567.890.123,46 %"
    # Django alone cuts the decimals: the reason bulatkan runs first.
    with translation.override("id"):
        assert (
            formats.number_format(Decimal("1234567890123.50"), 0, force_grouping=True) == "1.234.567.890.123"
        )


@pytest.mark.parametrize(
    ("nilai", "desimal", "teks"),
    [
        (Decimal("-0.004"), 2, "0,00"),
        (Decimal("-0.005"), 2, "-0,01"),
        (Decimal("-0"), 0, "0"),
        (Decimal("-0.00"), 2, "0,00"),
        (-0.4, 0, "0"),
        (Decimal("-0.4E-30"), 3, "0,000"),
    ],
)
def test_a_negative_figure_rounded_to_zero_is_zero(nilai, desimal, teks):
    assert format_angka(nilai, desimal) == teks
    assert format_persen(nilai, desimal) == f"{teks} %"


def test_very_large_decimals_are_written_out_in_full():
    besar = Decimal(10) ** 250
    assert format_angka(besar) == f"{10**250:,}".replace(",", ".")
    utuh = int("7" * 230)
    assert format_angka(Decimal(f"{utuh}.25"), 1) == f"{utuh:,}".replace(",", ".") + ",3"
    assert format_rupiah(-besar) == "Rp -" + f"{10**250:,}".replace(",", ".")
    # Django alone writes more than 200 digits in scientific notation.
    with translation.override("id"):
        assert "e+" in formats.number_format(besar, 0, force_grouping=True)


@pytest.mark.parametrize("kosong", [None, ""])
def test_nothing_formats_as_nothing(kosong):
    assert format_angka(kosong) == format_angka(kosong, 2) == ""
    assert format_angka_tepat(kosong) == format_rupiah(kosong) == format_persen(kosong) == ""
    assert format_tanggal(kosong) == ""
    teks = Template(
        "{% load format_id %}[{{ n|angka }}|{{ n|rupiah }}|{{ n|persen }}|{{ n|tanggal }}]"
    ).render(Context({"n": kosong}))
    assert teks == "[|||]"


@given(
    st.decimals(min_value=-(10**60), max_value=10**60, allow_nan=False, allow_infinity=False),
    st.integers(min_value=0, max_value=6),
)
def test_a_figure_is_djangos_number_format_of_its_half_up_rounding(nilai, desimal):
    dibulatkan = bulatkan(nilai, desimal)
    if dibulatkan.is_zero():
        dibulatkan = dibulatkan.copy_abs()
    with translation.override("id"):
        django = formats.number_format(dibulatkan, desimal, force_grouping=True)
    assert format_angka(nilai, desimal) == django
