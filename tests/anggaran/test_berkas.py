"""Tabel 30 as xlsx and PDF, and the Tabel 14 page."""

import io

from openpyxl import load_workbook

from tests.pdf_teks import BerkasPdf

URL = "/anggaran/realisasi/2024/"


def test_xlsx_holds_the_same_rows_and_totals_as_the_page(masuk_sebagai, kadis, anggaran_2024):
    respons = masuk_sebagai(kadis).get(URL + "unduh.xlsx")
    assert respons.status_code == 200
    assert respons["Content-Disposition"] == 'attachment; filename="realisasi-anggaran-2024-b12.xlsx"'
    lembar = load_workbook(io.BytesIO(respons.content)).active
    baris = list(lembar.iter_rows(min_row=4, values_only=True))
    assert len(baris) == 57
    assert baris[-1][0] == "JUMLAH"
    assert baris[-1][4] == 4635301681 and baris[-1][6] == 4344631646
    assert float(baris[-1][7]) == 93.73
    assert baris[0][0] == "2.07.01"


def test_xlsx_of_an_operator_has_only_their_units_lines(masuk_sebagai, operator_trans, anggaran_2024):
    respons = masuk_sebagai(operator_trans).get(URL + "unduh.xlsx")
    kode = [
        r[0] for r in load_workbook(io.BytesIO(respons.content)).active.iter_rows(min_row=4, values_only=True)
    ]
    assert kode[:-1] and all(k.startswith("3.32") for k in kode[:-1])


def test_pdf_is_landscape_with_page_numbers_and_the_seed_totals(masuk_sebagai, kadis, anggaran_2024):
    respons = masuk_sebagai(kadis).get(URL + "unduh.pdf", {"periode": "t4"})
    assert respons["Content-Type"] == "application/pdf"
    pdf = BerkasPdf(respons.content)
    lebar, tinggi = pdf.ukuran[0]
    assert lebar > tinggi
    teks = pdf.teks()
    assert "4.635.301.681" in teks and "4.344.631.646" in teks and "93,73" in teks
    assert f"Halaman 1 dari {len(pdf)}" in teks
    assert "2.07.01.2.01.0001" in teks


def test_unknown_file_format_is_not_found(masuk_sebagai, kadis, anggaran_2024):
    assert masuk_sebagai(kadis).get(URL + "unduh.docx").status_code == 404


def test_tabel_14_sums_pagu_murni_from_sub_kegiatan_not_the_stated_total(masuk_sebagai, kadis, anggaran_2024):
    respons = masuk_sebagai(kadis).get("/anggaran/program-kegiatan/2024/")
    baris = {b.nomenklatur.kode: (b.ringkasan.pagu, berlaku) for b, berlaku in respons.context["baris"]}
    assert baris["2.07.01.2.06"] == (228806650, 228806650)
    assert baris["2.07.01.2.02.0001"] == (3830637401, 3465392353)
    assert respons.context["total_berlaku"] == 4635301681
    assert "185.040.090" not in respons.content.decode()
