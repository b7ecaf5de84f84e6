"""Spreadsheet cells that no spreadsheet evaluates: sel_aman and the writers built on it."""

import csv
import datetime
import io
import zipfile
from decimal import Decimal
from types import SimpleNamespace

import pytest
import tablib
from hypothesis import given
from hypothesis import strategies as st
from import_export import fields, resources, widgets
from openpyxl import Workbook, load_workbook

from nakertrans.demo import dinas
from nakertrans.lembar import (
    PEMICU_RUMUS,
    EksporAman,
    baris_aman,
    dataset_aman,
    sel_aman,
    tambah_baris_xlsx,
    teks_asli,
)
from perjanjian.impor import IndikatorResource
from perjanjian.models import Indikator

teks_berbahaya = st.builds(lambda awal, sisa: awal + sisa, st.sampled_from(PEMICU_RUMUS), st.text())
bukan_teks = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.decimals(allow_nan=False),
    st.dates(),
    st.datetimes(),
)


@pytest.mark.parametrize(
    "nilai",
    [
        "=1+1",
        '=HYPERLINK("http://contoh.invalid","klik")',
        "+62 812",
        "-5",
        "-1+1",
        "@SUM(A1)",
        "\t=1",
        "\r=1",
    ],
)
def test_text_starting_a_formula_gets_a_leading_apostrophe(nilai):
    assert sel_aman(nilai) == "'" + nilai


@pytest.mark.parametrize(
    "nilai", ["", "Tingkat pengangguran terbuka", "90,53 %", "5", " =1+1", "'=1+1", "a=b"]
)
def test_ordinary_text_is_unchanged(nilai):
    assert sel_aman(nilai) == nilai


@pytest.mark.parametrize(
    "nilai", [None, -5, 0, Decimal("-4635301681"), -0.5, True, datetime.date(2025, 2, 1)]
)
def test_numbers_dates_and_none_pass_unchanged_even_negative(nilai):
    assert sel_aman(nilai) is nilai


@given(teks_berbahaya)
def test_every_dangerous_text_keeps_its_content_behind_the_apostrophe(nilai):
    hasil = sel_aman(nilai)
    assert hasil == "'" + nilai
    assert not hasil.startswith(PEMICU_RUMUS)


@given(st.text())
def test_no_text_comes_out_starting_a_formula_and_a_second_pass_changes_nothing(nilai):
    hasil = sel_aman(nilai)
    assert not hasil.startswith(PEMICU_RUMUS)
    assert sel_aman(hasil) == hasil
    assert hasil in (nilai, "'" + nilai)


@given(st.one_of(st.text(), bukan_teks))
def test_a_cell_read_back_is_the_cell_written(nilai):
    # The one text that cannot come back: one that itself began with an apostrophe before a trigger.
    if isinstance(nilai, str) and nilai.startswith("'") and nilai[1:].startswith(PEMICU_RUMUS):
        return
    assert teks_asli(sel_aman(nilai)) == nilai


@pytest.mark.parametrize(
    "nilai, asli", [("'=1+1", "=1+1"), ("'-5", "-5"), ("'abc", "'abc"), ("'", "'"), ("=1", "=1"), (5, 5)]
)
def test_only_the_apostrophe_before_a_trigger_is_removed_on_reading(nilai, asli):
    assert teks_asli(nilai) == asli


@given(bukan_teks)
def test_anything_but_text_is_returned_as_it_is(nilai):
    assert sel_aman(nilai) is nilai


@given(st.lists(st.one_of(st.text(), bukan_teks)))
def test_a_row_is_neutralised_cell_by_cell(baris):
    assert baris_aman(baris) == [sel_aman(v) for v in baris]


def test_dataset_headers_and_cells_are_neutralised_in_a_copy():
    asli = tablib.Dataset(["=1+1", Decimal("-5"), None], ["Biasa", 7, "@x"], headers=["=judul", "angka", "c"])
    asli.title = "Indikator"
    aman = dataset_aman(asli)
    assert aman.headers == ["'=judul", "angka", "c"]
    assert list(aman) == [("'=1+1", Decimal("-5"), None), ("Biasa", 7, "'@x")]
    assert aman.title == "Indikator"
    assert asli.headers[0] == "=judul" and asli[0][0] == "=1+1"  # the original is untouched


def _isi_xlsx(isi):
    with zipfile.ZipFile(io.BytesIO(isi)) as arsip:
        return arsip.read("xl/worksheets/sheet1.xml").decode()


def test_xlsx_row_stores_a_formula_like_text_as_text_and_numbers_as_numbers():
    buku = Workbook()
    tambah_baris_xlsx(buku.active, ["=1+1", None, "-5", Decimal("-5"), 12])
    berkas = io.BytesIO()
    buku.save(berkas)
    assert "<f>" not in _isi_xlsx(berkas.getvalue())
    sel = list(load_workbook(berkas).active.iter_rows(values_only=True))[0]
    assert sel == ("'=1+1", None, "'-5", -5, 12)


def test_plain_openpyxl_would_have_stored_a_formula():
    # Why the helper exists: openpyxl turns any text starting with «=» into a formula cell.
    buku = Workbook()
    buku.active.append(["=1+1"])
    assert buku.active["A1"].data_type == "f"


class _ResourceAngka(EksporAman, resources.Resource):
    catatan = fields.Field(attribute="catatan", column_name="catatan")
    angka = fields.Field(attribute="angka", column_name="angka", widget=widgets.IntegerWidget())
    rumus = fields.Field(column_name="=rumus")

    def dehydrate_rumus(self, obj):
        return "=1+1"


def test_resource_mixin_neutralises_text_fields_and_headers_but_not_number_fields():
    baris = [SimpleNamespace(catatan="-5", angka=-5)]
    data = _ResourceAngka().export(baris)
    assert data.headers == ["catatan", "angka", "'=rumus"]
    # In csv the number widget writes the number as the text "-5": still a number, left alone.
    assert list(csv.reader(io.StringIO(data.export("csv"))))[1] == ["'-5", "-5", "'=1+1"]


def test_every_import_resource_exports_formula_text_as_text(organisasi):
    Indikator.objects.create(
        instansi=dinas(), nama='=HYPERLINK("http://contoh.invalid")', satuan="=1+1", desimal=2
    )
    data = IndikatorResource().export()
    baris = dict(zip(data.headers, data[0], strict=True))
    assert baris["nama"] == '\'=HYPERLINK("http://contoh.invalid")'
    assert baris["satuan"] == "'=1+1"
    lembar = load_workbook(io.BytesIO(data.export("xlsx"))).active
    assert [s.data_type for s in lembar[2]][:2] == ["s", "s"]


def _ekspor_admin(client, format_, fields_=("nama", "satuan", "desimal")):
    data = {"format": format_, "resource": "0", "export_items": []}
    data.update({f"indikatorresource_{nama}": "on" for nama in fields_})
    respons = client.post("/admin/perjanjian/indikator/export/", data)
    assert respons.status_code == 200, respons.content[:500]
    return respons.content


def test_admin_export_of_indicators_writes_formula_text_as_text(masuk_sebagai, admin):
    Indikator.objects.create(
        instansi=dinas(), nama='=HYPERLINK("http://contoh.invalid")', satuan="=1+1", desimal=2
    )
    client = masuk_sebagai(admin)

    xlsx = _ekspor_admin(client, "0")
    assert "<f>" not in _isi_xlsx(xlsx)
    lembar = load_workbook(io.BytesIO(xlsx)).active
    assert list(lembar.iter_rows(min_row=2, values_only=True))[0] == (
        '\'=HYPERLINK("http://contoh.invalid")',
        "'=1+1",
        2,
    )

    teks = _ekspor_admin(client, "1").decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(teks)))[1] == ['\'=HYPERLINK("http://contoh.invalid")', "'=1+1", "2"]


def test_an_exported_formula_like_name_imports_back_as_the_same_name():
    from nakertrans.impor import TeksWidget
    from nakertrans.lembar import sel_aman

    for nama in ["=HYPERLINK(x)", "+62 nomor", "-", "@rapat", "Nama biasa", "'kutip biasa"]:
        assert TeksWidget().clean(sel_aman(nama)) == nama
