"""File sizes as people read them (templatetag ``ukuran_berkas``)."""

import pytest
from django.template import Context, Template

from nakertrans.templatetags.format_id import ukuran_berkas


@pytest.mark.parametrize(
    ("bita", "teks"),
    [
        (0, "0 B"),
        (812, "812 B"),
        (1023, "1023 B"),
        (1024, "1,0 KB"),
        (130_807, "127,7 KB"),  # the LKjIP of issue 10, printed «130.807 bita» before
        (1_048_575, "1,0 MB"),  # 1.023,999 KB rounds up into the next unit, never «1.024,0 KB»
        (4_404_019, "4,2 MB"),
        (10 * 1024**3, "10,0 GB"),
    ],
)
def test_sizes_in_binary_units_with_one_indonesian_decimal(bita, teks):
    assert ukuran_berkas(bita) == teks


@pytest.mark.parametrize("nilai", [None, "", "besar"])
def test_missing_or_odd_values_print_nothing(nilai):
    assert ukuran_berkas(nilai) == ""


def test_the_filter_is_available_in_templates():
    teks = Template("{% load format_id %}{{ n|ukuran_berkas }}").render(Context({"n": 130_807}))
    assert teks == "127,7 KB"
