"""Budget reports as files: the Tabel 30 layout as xlsx."""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from nakertrans.lembar import tambah_baris_xlsx

KOLOM = [
    ("Kode", 20), ("Program / Kegiatan / Sub Kegiatan", 50), ("Indikator", 50), ("Target", 16),
    ("Pagu (Rp)", 18), ("Realisasi Fisik (%)", 12), ("Realisasi Keuangan (Rp)", 18),
    ("Realisasi Keuangan (%)", 12), ("Sisa Pagu (Rp)", 18), ("Sisa Pagu (%)", 12),
]  # fmt: skip
FORMAT_RUPIAH = "#,##0"
FORMAT_PERSEN = "0.00"


def _angka(r):
    return [r.pagu, r.fisik, r.realisasi, r.serapan, r.sisa, r.sisa_persen]


def tabel_30_xlsx(*, judul, baris, total):
    """Every text cell (a code, a name, an imported indicator or target) is neutralised by
    tambah_baris_xlsx, so a text starting with «=» is stored as text, never as a formula."""
    buku = Workbook()
    lembar = buku.active
    lembar.title = "Realisasi"
    tambah_baris_xlsx(lembar, [judul])
    lembar["A1"].font = Font(bold=True, size=12)
    lembar.append([])
    tambah_baris_xlsx(lembar, [nama for nama, _ in KOLOM])
    for sel in lembar[3]:
        sel.font = Font(bold=True)
        sel.fill = PatternFill("solid", fgColor="E6EEF6")
        sel.alignment = Alignment(wrap_text=True, vertical="top")
    for i, (_, lebar) in enumerate(KOLOM, start=1):
        lembar.column_dimensions[lembar.cell(row=3, column=i).column_letter].width = lebar
    for b in baris:
        tambah_baris_xlsx(
            lembar, [b.nomenklatur.kode, b.nomenklatur.nama, b.indikator, b.target, *_angka(b.ringkasan)]
        )
        if b.tingkat < 5:
            for sel in lembar[lembar.max_row]:
                sel.font = Font(bold=True)
    tambah_baris_xlsx(lembar, ["JUMLAH", "", "", "", *_angka(total)])
    for sel in lembar[lembar.max_row]:
        sel.font = Font(bold=True)
    for baris_sel in lembar.iter_rows(min_row=4, min_col=5, max_col=10):
        for sel in baris_sel:
            sel.number_format = FORMAT_PERSEN if sel.column in (6, 8, 10) else FORMAT_RUPIAH
    lembar.freeze_panes = "C4"
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()
