"""Tabel 30 xlsx: a text someone imported that starts a formula comes out as text."""

import io
import zipfile

from openpyxl import load_workbook

from anggaran.models import AnggaranSubKegiatan, IndikatorProgramKegiatan


def test_imported_formula_text_is_text_in_the_xlsx_and_figures_stay_numbers(
    masuk_sebagai, operator_trans, anggaran_2024
):
    program = IndikatorProgramKegiatan.objects.filter(
        tahun=2024, nomenklatur__kode__startswith="3.32"
    ).first()
    program.indikator, program.target = '=HYPERLINK("http://contoh.invalid","klik")', "-5"
    program.save()
    AnggaranSubKegiatan.objects.filter(tahun=2024, sub_kegiatan__kode__startswith="3.32").update(
        indikator="=1+1", satuan="@SUM(A1)"
    )

    # Every role can download it: an operator's file is enough.
    isi = masuk_sebagai(operator_trans).get("/anggaran/realisasi/2024/unduh.xlsx").content
    with zipfile.ZipFile(io.BytesIO(isi)) as arsip:
        assert "<f>" not in arsip.read("xl/worksheets/sheet1.xml").decode()
    lembar = load_workbook(io.BytesIO(isi)).active
    baris = {r[0]: r for r in lembar.iter_rows(min_row=4, values_only=True)}
    assert baris[program.nomenklatur.kode][2:4] == ('\'=HYPERLINK("http://contoh.invalid","klik")', "'-5")
    sub = [r for kode, r in baris.items() if len(kode.split(".")) == 6]
    assert sub and all(r[2] == "'=1+1" and r[3].endswith(" @SUM(A1)") for r in sub)
    assert all(isinstance(r[4], int | float) for r in baris.values())  # pagu is still a number
