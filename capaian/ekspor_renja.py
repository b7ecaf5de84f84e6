"""The Evaluasi Renja form as an xlsx: the cells the page prints (capaian.renja.kolom_form), figures
as numbers, one sheet per office."""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from capaian.renja import KOLOM_FORM, kolom_form
from nakertrans.format_id import format_persen
from nakertrans.lembar import tambah_baris_xlsx
from nakertrans.periode import TRIWULAN

JENIS_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
JUDUL_AWAL = [
    "No",
    "Sasaran",
    "Kode",
    "Urusan/Bidang Urusan/Program/Kegiatan/Sub Kegiatan",
    "Indikator",
    "Satuan",
]
JUDUL_AKHIR = ["Unit penanggung jawab", "Keterangan"]
LEBAR_AWAL = [5, 30, 20, 45, 45, 12]
TEBAL = Font(bold=True)
LATAR = PatternFill("solid", fgColor="E6EEF6")


def _nilai(sel):
    """A cell as the spreadsheet keeps it: a figure as a number, anything else as text."""
    return sel.nilai


def judul_lembar(hasil):
    return (
        f"Evaluasi Hasil Renja {hasil.instansi.nama} Tahun {hasil.tahun} "
        f"s.d. Triwulan {TRIWULAN[hasil.triwulan - 1]}"
    )


def isi_lembar(lembar, hasil):
    """Write one office's form on ``lembar``."""
    tambah_baris_xlsx(lembar, [judul_lembar(hasil)])
    lembar["A1"].font = Font(bold=True, size=12)
    lembar.append([])
    judul = JUDUL_AWAL + [f"{n}. {teks}" for n, teks in KOLOM_FORM for _ in (0, 1)] + JUDUL_AKHIR
    sub = [""] * len(JUDUL_AWAL) + ["K", "Rp"] * len(KOLOM_FORM) + ["", ""]
    tambah_baris_xlsx(lembar, judul)
    tambah_baris_xlsx(lembar, sub)
    for nomor in (3, 4):
        for sel in lembar[nomor]:
            sel.font, sel.fill = TEBAL, LATAR
            sel.alignment = Alignment(wrap_text=True, vertical="top")
    for i, lebar in enumerate(LEBAR_AWAL + [14] * (2 * len(KOLOM_FORM)) + [25, 30], start=1):
        lembar.column_dimensions[lembar.cell(row=3, column=i).column_letter].width = lebar
    for b in hasil.baris:
        sel = [v for pasangan in kolom_form(b) for v in pasangan]
        tambah_baris_xlsx(
            lembar,
            [
                b.no,
                b.sasaran,
                b.kode,
                b.nomenklatur.nama if b.pertama else "",
                b.indikator.nama if b.indikator else "",
                b.indikator.satuan if b.indikator else "",
                *[_nilai(s) for s in sel],
                b.unit,
                b.keterangan,
            ],
        )
        for kolom, s in enumerate(sel, start=len(JUDUL_AWAL) + 1):
            if s.angka:
                lembar.cell(row=lembar.max_row, column=kolom).number_format = (
                    "#,##0" if s.desimal == 0 else "#,##0." + "0" * s.desimal
                )
        if b.tingkat < 5 and b.pertama:
            for s in lembar[lembar.max_row]:
                s.font = TEBAL
    jumlah = [v for pasangan in kolom_form(hasil.jumlah) for v in pasangan]
    tambah_baris_xlsx(lembar, ["", "", "JUMLAH", "", "", "", *[_nilai(s) for s in jumlah], "", ""])
    for s in lembar[lembar.max_row]:
        s.font = TEBAL
    lembar.append([])
    predikat_k = hasil.predikat_k.nama if hasil.predikat_k else ""
    predikat_rp = hasil.predikat_rp.nama if hasil.predikat_rp else ""
    tambah_baris_xlsx(
        lembar, ["", "", "Rata-rata capaian kinerja", "", format_persen(hasil.rata_rata_k), predikat_k]
    )
    tambah_baris_xlsx(
        lembar, ["", "", "Realisasi anggaran (serapan)", "", format_persen(hasil.rata_rata_rp), predikat_rp]
    )
    lembar.freeze_panes = "G5"


def evaluasi_xlsx(daftar_hasil, ringkasan=None):
    """An xlsx of the forms in ``daftar_hasil`` (one EvaluasiRenja per office), a sheet each; with
    ``ringkasan`` ([RenjaOPD] of capaian.kabupaten) a first sheet lists every office's status."""
    buku = Workbook()
    buku.remove(buku.active)
    if ringkasan is not None:
        lembar = buku.create_sheet("Ringkasan")
        tambah_baris_xlsx(
            lembar,
            [
                "Perangkat daerah",
                "Kode",
                "Unit disetujui",
                "Unit wajib",
                "Keadaan",
                "Rata-rata capaian kinerja (%)",
                "Predikat",
                "Serapan anggaran (%)",
                "Predikat",
            ],
        )
        for r in ringkasan:
            h = r.hasil
            tambah_baris_xlsx(
                lembar,
                [
                    r.opd.nama,
                    r.opd.kode,
                    r.unit_disetujui,
                    r.unit_wajib,
                    r.keadaan,
                    h.rata_rata_k,
                    h.predikat_k.nama if h.predikat_k else "",
                    h.rata_rata_rp,
                    h.predikat_rp.nama if h.predikat_rp else "",
                ],
            )
        for s in lembar[1]:
            s.font, s.fill = TEBAL, LATAR
        for kolom, lebar in zip("ABCDEFGHI", [45, 16, 10, 10, 24, 14, 14, 14, 14], strict=True):
            lembar.column_dimensions[kolom].width = lebar
    for hasil in daftar_hasil:
        # Sheet names: at most 31 characters, none of []:*?/\ (the office code is made of neither).
        isi_lembar(buku.create_sheet(hasil.instansi.kode[:31]), hasil)
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()
