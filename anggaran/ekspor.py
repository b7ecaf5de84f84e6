"""Budget reports as files: the Tabel 30 layout as xlsx."""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

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
    buku = Workbook()
    lembar = buku.active
    lembar.title = "Realisasi"
    lembar.append([judul])
    lembar["A1"].font = Font(bold=True, size=12)
    lembar.append([])
    lembar.append([nama for nama, _ in KOLOM])
    for sel in lembar[3]:
        sel.font = Font(bold=True)
        sel.fill = PatternFill("solid", fgColor="E6EEF6")
        sel.alignment = Alignment(wrap_text=True, vertical="top")
    for i, (_, lebar) in enumerate(KOLOM, start=1):
        lembar.column_dimensions[lembar.cell(row=3, column=i).column_letter].width = lebar
    for b in baris:
        lembar.append([b.nomenklatur.kode, b.nomenklatur.nama, b.indikator, b.target, *_angka(b.ringkasan)])
        if b.tingkat < 5:
            for sel in lembar[lembar.max_row]:
                sel.font = Font(bold=True)
    lembar.append(["JUMLAH", "", "", "", *_angka(total)])
    for sel in lembar[lembar.max_row]:
        sel.font = Font(bold=True)
    for baris_sel in lembar.iter_rows(min_row=4, min_col=5, max_col=10):
        for sel in baris_sel:
            sel.number_format = FORMAT_PERSEN if sel.column in (6, 8, 10) else FORMAT_RUPIAH
    lembar.freeze_panes = "C4"
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()
