"""Writes the malformed import files of tests/test_berkas_rusak.py into this folder, with manifest.json.

Run as ``python tests/berkas_rusak/buat.py`` (needs openpyxl, as the application does). Every file is
``<jenis>__<case>.<ext>``; the output is the same on every run (fixed zip dates), so a rerun changes
nothing in git unless this script changed.

Each case holds one defect on top of rows that import cleanly (the ``sah`` files prove that), in the
second data row (spreadsheet row 3) where the defect is in a cell. The manifest says, per file:

- ``tingkat``: ``berkas`` (a problem of the file or its headers: the message names it, no row),
  ``baris`` (a row as a whole: the message starts «Baris N:»), or ``sel`` (one cell: «Baris N: kolom X:»);
- ``pesan``: a fragment every path's message contains; ``baris`` and ``kolom`` where they apply.

Files listed under ``sah`` are accepted on purpose (other encodings, semicolons, a header with a
non-breaking space): the preview must succeed. The file with more rows than the limit is built at test
time by ``berkas_terlalu_banyak_baris`` rather than committed.
"""

import csv
import datetime
import io
import json
import re
import sys
import zipfile
from pathlib import Path

FOLDER = Path(__file__).resolve().parent
TANGGAL_ZIP = (2024, 1, 2, 0, 0, 0)
KABID_TRANS = "Kepala Bidang Transmigrasi"

# Per kind: headers, two rows that import cleanly (distinct keys), and which column carries what.
JENIS = {
    "indikator": {
        "judul": ["nama", "satuan", "jenis_nilai", "polaritas", "desimal"],
        "baris": [
            ["Indikator Uji Berkas Satu", "orang", "angka", "naik", "2"],
            ["Indikator Uji Berkas Dua", "dokumen", "persen", "turun", "1"],
        ],
        "wajib": ["nama", "satuan"],
        "teks": "nama",  # a text column with a length limit
        "wajib_kosong": ("satuan", "wajib diisi"),  # a required cell left blank, and the message
        "batas_teks": 400,
        "angka": "desimal",  # the main number column
        "bukan_uang": "desimal",
        "bukan_persen": "desimal",
        "negatif": "desimal",
    },
    "dpa": {
        "judul": [
            "tahun",
            "kode",
            "unit_kerja",
            "indikator",
            "target",
            "satuan",
            "sumber_dana",
            "pagu_murni",
        ],  # fmt: skip
        "baris": [
            [
                2025,
                "2.07.01.2.01.0001",
                "Sekretariat",
                "Dokumen perencanaan",
                "100",
                "dokumen",
                "DAU",
                "1.000.000",
            ],
            [
                2025,
                "2.07.01.2.01.0003",
                "Sekretariat",
                "Laporan keuangan",
                "12",
                "laporan",
                "DAU",
                "2.500.000",
            ],
        ],  # fmt: skip
        "wajib": ["tahun", "kode"],
        "teks": "indikator",
        "batas_teks": 400,
        "wajib_kosong": ("pagu_murni", "wajib diisi"),
        "angka": "pagu_murni",
        "bukan_uang": "target",
        "bukan_persen": "pagu_murni",
        "negatif": "pagu_murni",
        "tahun": "tahun",
        "kode": "kode",
        "unit": "unit_kerja",
    },
    "realisasi": {
        "judul": ["tahun", "kode", "unit_kerja", "bulan", "keuangan", "fisik", "catatan"],
        "baris": [
            [2025, "2.07.01.2.01.0002", "Sekretariat", "1", "1.000.000", "10", ""],
            [2025, "2.07.01.2.01.0002", "Sekretariat", "2", "2.000.000", "20", "Belanja rutin"],
        ],
        "wajib": ["tahun", "kode", "bulan", "keuangan"],
        "teks": "kode",  # catatan has no length limit; the code is the text a person types
        "batas_teks": None,
        "wajib_kosong": ("keuangan", "wajib diisi"),
        "angka": "keuangan",
        "bukan_uang": "fisik",
        "bukan_persen": "keuangan",
        "negatif": "keuangan",
        "tahun": "tahun",
        "kode": "kode",
        "unit": "unit_kerja",
        "bulan": "bulan",
    },
    "baris_pk": {
        "judul": [
            "tahun",
            "jabatan",
            "nomor",
            "sasaran",
            "indikator",
            "target",
            "satuan",
            "rencana_tw1",
            "tanggal_pk",
            "unit_pengisi",
        ],  # fmt: skip
        "baris": [
            [
                2025,
                KABID_TRANS,
                "1",
                "Sasaran uji satu",
                "Tingkat pengangguran terbuka",
                "5,5",
                "persen",
                "5,5",
                "2 Januari 2025",
                "Bidang Transmigrasi",
            ],
            [
                2025,
                KABID_TRANS,
                "2",
                "Sasaran uji dua",
                "Tingkat pengangguran terbuka",
                "6",
                "persen",
                "6",
                "",
                "",
            ],
        ],  # fmt: skip
        "wajib": ["tahun", "jabatan", "nomor"],
        "teks": "sasaran",
        "batas_teks": 400,
        "wajib_kosong": ("sasaran", "wajib diisi"),
        "angka": "rencana_tw1",
        "bukan_uang": "rencana_tw1",
        "bukan_persen": "nomor",
        "negatif": "nomor",
        "tahun": "tahun",
        "unit": "unit_pengisi",
        "jabatan": "jabatan",
        "indikator": "indikator",
        "tanggal": "tanggal_pk",
    },
    "rencana_aksi": {
        "judul": ["tahun", "jabatan", "nomor", "rencana_tw1", "rencana_tw2", "rencana_tw3", "rencana_tw4"],
        "baris": [
            [2024, KABID_TRANS, "1", "70", "72", "75", "76,81"],
            [2024, KABID_TRANS, "2", "50", "52", "55", "57,25"],
        ],
        "wajib": ["tahun", "jabatan", "nomor"],
        "teks": "jabatan",
        "batas_teks": None,
        "wajib_kosong": ("nomor", "harus bilangan bulat 1 atau lebih"),
        "angka": "rencana_tw1",
        "bukan_uang": "rencana_tw1",
        "bukan_persen": "nomor",
        "negatif": "nomor",
        "tahun": "tahun",
        "jabatan": "jabatan",
    },
}


# -- writing -------------------------------------------------------------------------------------


def tulis_csv(judul, baris, *, pemisah=",", enkode="utf-8"):
    keluar = io.StringIO(newline="")
    penulis = csv.writer(keluar, delimiter=pemisah, lineterminator="\n")
    penulis.writerow(judul)
    penulis.writerows(baris)
    return keluar.getvalue().encode(enkode)


def _zip_tetap(isi):
    """The same zip with fixed dates and order, so that a rerun writes the same bytes."""
    masuk = zipfile.ZipFile(io.BytesIO(isi))
    tetap = lambda nama, data: (  # noqa: E731 (openpyxl stamps the save time into core.xml)
        re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2024-01-02T00:00:00Z", data)
        if nama == "docProps/core.xml"
        else data
    )
    keluar = io.BytesIO()
    with zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as z:
        for info in masuk.infolist():
            data = tetap(info.filename, masuk.read(info.filename))
            z.writestr(zipfile.ZipInfo(info.filename, TANGGAL_ZIP), data, compress_type=zipfile.ZIP_DEFLATED)
    return keluar.getvalue()


LEMBAR = "xl/worksheets/sheet1.xml"


def ubah_bagian(isi, bagian, ubah):
    """The xlsx with one part of its zip changed by ``ubah(bytes) -> bytes``."""
    masuk = zipfile.ZipFile(io.BytesIO(isi))
    keluar = io.BytesIO()
    with zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as z:
        for info in masuk.infolist():
            data = masuk.read(info.filename)
            if info.filename == bagian:
                data = ubah(data)
            z.writestr(zipfile.ZipInfo(info.filename, TANGGAL_ZIP), data, compress_type=zipfile.ZIP_DEFLATED)
    return keluar.getvalue()


def tulis_xlsx(judul, baris, *, lembar_kosong_dulu=False):
    from openpyxl import Workbook

    buku = Workbook()
    buku.properties.created = buku.properties.modified = datetime.datetime(2024, 1, 2)
    lembar = buku.active
    if lembar_kosong_dulu:  # the data on the second sheet; only the first is read
        lembar = buku.create_sheet("Data")
    lembar.append(judul)
    for b in baris:
        lembar.append(b)
    keluar = io.BytesIO()
    buku.save(keluar)
    return _zip_tetap(keluar.getvalue())


def _ganti(baris, judul, kolom, nilai, indeks=1):
    """A copy of the rows with one cell of the second row (spreadsheet row 3) replaced."""
    salinan = [list(b) for b in baris]
    salinan[indeks][judul.index(kolom)] = nilai
    return salinan


# -- the cases -----------------------------------------------------------------------------------


def kasus(jenis, d):
    """Yield (case, ext, bytes, expectation) for one kind."""
    judul, baris = d["judul"], d["baris"]
    csv_ = lambda b, j=judul, **kw: tulis_csv(j, b, **kw)  # noqa: E731

    def sel(kolom, nilai, pesan, *, ext="csv", **kw):
        b = _ganti(baris, judul, kolom, nilai)
        isi = tulis_xlsx(judul, b) if ext == "xlsx" else csv_(b, **kw)
        return ext, isi, {"tingkat": "sel", "baris": 3, "kolom": kolom, "pesan": pesan}

    def berkas(isi, pesan, ext="csv"):
        return ext, isi, {"tingkat": "berkas", "pesan": pesan}

    # The file as a whole.
    yield "nol_byte", *berkas(b"", "kosong")
    yield "kosong", *berkas(b"\n\n,,\n \n", "tidak berisi judul kolom maupun baris data")
    yield "hanya_judul", *berkas(csv_([]), "tidak berisi baris data")
    yield "hanya_judul_xlsx", *berkas(tulis_xlsx(judul, []), "tidak berisi baris data", "xlsx")
    utuh = tulis_xlsx(judul, baris)
    yield "terpotong", *berkas(utuh[: len(utuh) // 2], "rusak, terpotong", "xlsx")
    sampah = io.BytesIO()
    with zipfile.ZipFile(sampah, "w") as z:
        z.writestr(zipfile.ZipInfo("sampah.txt", TANGGAL_ZIP), b"bukan lembar kerja " * 20)
    yield "zip_sampah", *berkas(sampah.getvalue(), "bukan xlsx", "xlsx")
    xls = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    yield "lama", *berkas(xls, "Excel 97-2003", "xls")
    yield "xls_berganti_nama", *berkas(xls, "bukan xlsx", "xlsx")
    yield "utf32", *berkas(csv_(baris, enkode="utf-32"), "UTF-32")
    yield "biner", *berkas(bytes(range(256)) * 4, "tidak dapat dibaca")
    yield "bukan_lembar_kerja", *berkas(csv_(baris), "harus .xlsx atau .csv", "txt")
    yield "xlsx_kosong", *berkas(tulis_xlsx([], []), "hanya lembar pertama yang dibaca", "xlsx")
    yield (
        "lembar_pertama_kosong",
        *berkas(
            tulis_xlsx(judul, baris, lembar_kosong_dulu=True), "hanya lembar pertama yang dibaca", "xlsx"
        ),
    )
    # Damaged parts of an xlsx: the sheet's XML cut off, a NUL byte in it, the content types cut off.
    for nama, bagian, ubah in (
        ("xml_lembar_terpotong", LEMBAR, lambda x: x[: len(x) // 2]),
        ("nul_di_xml", LEMBAR, lambda x: x.replace(b"</t>", b"\x00</t>", 1)),
        ("content_types_rusak", "[Content_Types].xml", lambda x: x[:40]),
    ):
        yield nama, *berkas(ubah_bagian(utuh, bagian, ubah), "rusak", "xlsx")
    yield "kutip_terbuka", *berkas(_kutip_terbuka(csv_(baris)), "mulai baris 3: tanda kutip")
    # Headers.
    asing = ["name", "unit", *(f"kolom{i}" for i in range(len(judul) - 2))]
    yield "judul_salah", *berkas(csv_(baris, asing), "Kolom wajib tidak ada")
    beda_huruf = [*judul, judul[1].upper()]
    yield (
        "judul_ganda_beda_huruf",
        *berkas(csv_([[*b, b[1]] for b in baris], beda_huruf), f"Kolom «{judul[1]}» muncul dua kali"),
    )
    ganda = [*judul, judul[1]]
    yield (
        "judul_ganda",
        *berkas(csv_([[*b, b[1]] for b in baris], ganda), f"Kolom «{judul[1]}» muncul dua kali"),
    )
    yield (
        "kolom_asing",
        *berkas(csv_([[*b, "merah"] for b in baris], [*judul, "warna"]), "Kolom tidak dikenal: warna."),
    )
    hilang = d["wajib"][-1]
    i = judul.index(hilang)
    yield (
        "kolom_wajib_hilang",
        *berkas(
            csv_([b[:i] + b[i + 1 :] for b in baris], judul[:i] + judul[i + 1 :]),
            f"Kolom wajib tidak ada: {hilang}.",
        ),
    )
    huruf = chr(65 + len(judul))
    yield (
        "data_tanpa_judul",
        *berkas(
            csv_([b + ([""] if n == 0 else ["lebih"]) for n, b in enumerate(baris)], [*judul, ""]),
            f"Kolom {huruf} berisi data (baris 3) tetapi tidak berjudul",
        ),
    )
    yield (
        "sel_lebih_dari_judul",
        *berkas(
            csv_([b + (["x", "y"] if n == 1 else []) for n, b in enumerate(baris)]),
            f"Kolom {huruf} berisi data (baris 3) tetapi tidak berjudul",
        ),
    )
    yield "nul", *berkas(csv_(_ganti(baris, judul, d["teks"], "ab\x00cd")), "karakter NUL")
    # One cell.
    yield "karakter_kendali", *sel(d["teks"], "ab\x01cd\x1b", "karakter kendali")
    yield "wajib_kosong", *sel(d["wajib_kosong"][0], "", d["wajib_kosong"][1])
    yield "sel_raksasa", *sel(d["teks"], "x" * 200_000, "", ext="xlsx")
    if d["batas_teks"]:
        yield (
            "teks_kepanjangan",
            *sel(d["teks"], "y" * (d["batas_teks"] + 1), f"paling banyak {d['batas_teks']} karakter"),
        )
    a = d["angka"]
    yield "angka_koma_ganda", *sel(a, "1,2,3", "«1,2,3» bukan")
    yield "angka_huruf", *sel(a, "12abc", "«12abc» bukan")
    yield "rp_bukan_uang", *sel(d["bukan_uang"], "Rp 5", "Rp")
    yield "persen_bukan_persen", *sel(d["bukan_persen"], "5 %", "%")
    yield "angka_raksasa", *sel(a, "123456789012345678901234", "")
    yield "angka_raksasa_xlsx", *sel(a, 123456789012345678901234, "", ext="xlsx")
    yield "negatif", *sel(d["negatif"], "-1", "")
    yield "rumus", *sel(a, "=1+1", "rumus", ext="xlsx")
    yield "rumus_csv", *sel(a, "=1+1", "«=1+1»")
    yield "tanggal_di_angka", *sel(a, datetime.datetime(2024, 3, 5), "5 Maret 2024", ext="xlsx")
    yield "logika_di_angka", *sel(a, True, "BENAR", ext="xlsx")
    galat_excel = ubah_bagian(
        tulis_xlsx(judul, _ganti(baris, judul, a, "GALAT")),
        LEMBAR,
        lambda x: x.replace(b't="inlineStr"><is><t>GALAT</t></is>', b't="e"><v>#DIV/0!</v>'),
    )
    yield "galat_excel", "xlsx", galat_excel, {"tingkat": "sel", "baris": 3, "kolom": a, "pesan": "«#DIV/0!»"}
    yield "titik_koma_salah", *sel(a, "12abc", "«12abc» bukan", pemisah=";")
    if "tahun" in d:
        yield "tahun_salah", *sel(d["tahun"], "20x4", "Tahun «20x4» tidak sah")
        yield "tahun_di_luar", *sel(d["tahun"], "1999", "Tahun «1999» tidak sah")
        yield "tahun_pecahan", *sel(d["tahun"], 2024.5, "tidak sah", ext="xlsx")
    if "bulan" in d:
        yield "bulan_nol", *sel(d["bulan"], "0", "Bulan «0» tidak sah")
        yield "bulan_13", *sel(d["bulan"], "13", "Bulan «13» tidak sah")
        yield "bulan_pecahan", *sel(d["bulan"], "2,5", "Bulan «2,5» tidak sah")
    if "kode" in d:
        yield "kode_salah", *sel(d["kode"], "2.07.XX.2.01", "")
        yield "kode_tak_dikenal", *sel(d["kode"], "2.07.01.2.09.0099", "tidak")
    if "unit" in d:
        yield "unit_tak_dikenal", *sel(d["unit"], "Bidang Antah Berantah", "Bidang Antah Berantah")
    if "jabatan" in d:
        yield "jabatan_tak_dikenal", *sel(d["jabatan"], "Kepala Bidang Antah", "tidak dikenal")
    if "indikator" in d:
        yield "indikator_tak_dikenal", *sel(d["indikator"], "Indikator Fiktif", "tidak dikenal")
    if "tanggal" in d:
        yield "tanggal_salah", *sel(d["tanggal"], "31/02/2025", "bukan tanggal")
    if jenis == "indikator":
        yield "pilihan_salah", *sel("jenis_nilai", "kilogram", "Jenis nilai «kilogram» tidak dikenal")
    # A row as a whole.
    dua = [list(baris[0]), list(baris[0])]
    yield "baris_ganda", "csv", csv_(dua), {"tingkat": "baris", "baris": 3, "pesan": "Baris ganda"}
    if jenis in ("rencana_aksi", "baris_pk"):
        final = _ganti(baris, judul, "jabatan", "Sekretaris")
        final = _ganti(final, judul, "tahun", 2024)
        yield "pk_final", "csv", csv_(final), {"tingkat": "baris", "baris": 3, "pesan": "sudah final"}
    if jenis == "realisasi":
        terkunci = _ganti(_ganti(baris, judul, "tahun", 2024), judul, "kode", "2.07.01.2.01.0001")
        yield "periode_terkunci", "csv", csv_(terkunci), {
            "tingkat": "baris", "baris": 3, "pesan": "terkunci",
        }  # fmt: skip


def _kutip_terbuka(isi):
    """The csv with a quote opened at the start of its second data row and never closed."""
    baris = isi.split(b"\n")
    baris[2] = b'"' + baris[2]
    return b"\n".join(baris)


def kasus_sah(jenis, d):
    """Files that look unusual and are accepted: (case, ext, bytes)."""
    judul, baris = d["judul"], d["baris"]
    yield "sah", "csv", tulis_csv(judul, baris)
    yield "sah_xlsx", "xlsx", tulis_xlsx(judul, baris)
    aksen = _ganti(baris, judul, d["teks"], "Éléonore ñandú") if d["batas_teks"] else baris
    yield "latin1_aksen", "csv", tulis_csv(judul, aksen, enkode="cp1252")
    yield "utf16_bom", "csv", tulis_csv(judul, baris, enkode="utf-16")
    yield "utf16_tanpa_bom", "csv", tulis_csv(judul, baris, enkode="utf-16-le")
    yield "titik_koma", "csv", tulis_csv(judul, baris, pemisah=";")
    yield "tab", "csv", tulis_csv(judul, baris, pemisah="\t")
    nbsp = [f"\u00a0{j.replace('_', chr(0xA0)).upper()} " for j in judul]
    yield "judul_nbsp", "csv", tulis_csv(nbsp, baris)
    # A formula with the value a spreadsheet application stored when it saved the file is read as it.
    tertulis = baris[1][judul.index(d["angka"])]
    rumus = tulis_xlsx(judul, _ganti(baris, judul, d["angka"], "=1+1"))
    yield "rumus_tersimpan", "xlsx", _nilai_tersimpan(rumus, tertulis.replace(".", "").replace(",", "."))


def _nilai_tersimpan(isi, nilai):
    """The xlsx with the stored value of its formula cell filled in, as a spreadsheet application saves."""
    return ubah_bagian(isi, LEMBAR, lambda xml: xml.replace(b"</f><v />", f"</f><v>{nilai}</v>".encode()))


def berkas_terlalu_banyak_baris(jenis, batas):
    """A csv with one row more than ``batas`` (built at test time, not committed)."""
    d = JENIS[jenis]
    kolom = d["judul"].index(d["teks"] if d["batas_teks"] else d["judul"][0])
    baris = []
    for n in range(batas + 1):
        b = list(d["baris"][0])
        if d["batas_teks"]:
            b[kolom] = f"{b[kolom]} {n}"
        baris.append(b)
    return tulis_csv(d["judul"], baris)


def semua():
    """{file name: (bytes, manifest entry)} for the malformed files and the accepted ones."""
    rusak, sah = {}, {}
    for jenis, d in JENIS.items():
        for nama, ext, isi, harapan in kasus(jenis, d):
            rusak[f"{jenis}__{nama}.{ext}"] = (isi, {"jenis": jenis, **harapan})
        for nama, ext, isi in kasus_sah(jenis, d):
            sah[f"{jenis}__{nama}.{ext}"] = (isi, {"jenis": jenis})
    return rusak, sah


def main():
    rusak, sah = semua()
    for lama in FOLDER.iterdir():
        if lama.suffix in {".csv", ".xlsx", ".xls", ".txt"}:
            lama.unlink()
    for nama, (isi, _) in {**rusak, **sah}.items():
        (FOLDER / nama).write_bytes(isi)
    manifest = {
        "rusak": {nama: harapan for nama, (_, harapan) in sorted(rusak.items())},
        "sah": {nama: harapan for nama, (_, harapan) in sorted(sah.items())},
    }
    (FOLDER / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")
    ukuran = sum(len(isi) for isi, _ in {**rusak, **sah}.values())
    sys.stdout.write(f"{len(rusak)} berkas rusak, {len(sah)} berkas sah, {ukuran:,} byte\n")


if __name__ == "__main__":
    main()
