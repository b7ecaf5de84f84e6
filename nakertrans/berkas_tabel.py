"""Reading an uploaded xlsx or csv into rows, with every problem of the file itself in Indonesian.

What a person's spreadsheet can carry and this module accepts: headers in any case, with surrounding or
non-breaking spaces, ``jenis nilai`` for ``jenis_nilai``; csv separated by commas or semicolons (Excel in
an Indonesian locale writes semicolons), in UTF-8 (with or without BOM), UTF-16 or Windows-1252; empty
rows anywhere. What it refuses, with a message that names the thing: an empty or truncated file, a
legacy .xls, two columns with the same header, a column with data but no header, more than
``BATAS_BARIS`` rows, a NUL character, a formula whose value was never stored (an xlsx written by a
program rather than saved by a spreadsheet application: the cell would otherwise read as empty).

Row numbers are those of the spreadsheet (headers are row 1), kept through the removal of empty rows.
"""

import csv
import io
import zipfile
import zlib

import tablib
from django.core.exceptions import ValidationError

BATAS_UKURAN = 5 * 1024 * 1024
BATAS_BARIS = 1_000  # a preview of 1.000 rows takes a few seconds; more would keep the page waiting


def kunci_nama(teks):
    """The form in which two names are the same: case and runs of (non-breaking) spaces ignored."""
    return " ".join(str(teks or "").replace("\u00a0", " ").split()).casefold()


def normalkan_judul(judul):
    """``' Jenis Nilai '`` and ``'jenis-nilai'`` -> ``'jenis_nilai'``."""
    return kunci_nama(judul).replace("-", " ").replace(" ", "_")


def nama_kolom_lembar(indeks):
    """0 -> A, 25 -> Z, 26 -> AA: the column letter a spreadsheet shows."""
    huruf = ""
    indeks += 1
    while indeks:
        indeks, sisa = divmod(indeks - 1, 26)
        huruf = chr(65 + sisa) + huruf
    return huruf


class DataTabel(tablib.Dataset):
    """A tablib Dataset that remembers the spreadsheet row number of each data row."""

    nomor_baris: list

    def baris_lembar(self, nomor_data):
        """django-import-export numbers data rows from 1; this is the row the spreadsheet shows."""
        daftar = getattr(self, "nomor_baris", None)
        if daftar and 1 <= nomor_data <= len(daftar):
            return daftar[nomor_data - 1]
        return nomor_data + 1


def _teks_csv(isi):
    """The csv's text; the encodings Excel and finance systems write, tried in a fixed order."""
    if isi.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise ValidationError(
            "Berkas csv berenkode UTF-32, yang tidak dibaca; simpan ulang sebagai «CSV UTF-8»."
        )
    if isi.startswith((b"\xff\xfe", b"\xfe\xff")):
        percobaan = ["utf-16"]
    elif len(isi) > 1 and (isi[1:2] == b"\x00" or isi[0:1] == b"\x00"):
        percobaan = ["utf-16-le" if isi[1:2] == b"\x00" else "utf-16-be"]
    else:
        percobaan = ["utf-8-sig", "cp1252"]
    for enkode in percobaan:
        try:
            teks = isi.decode(enkode)
        except UnicodeDecodeError:
            continue
        if "\x00" in teks:
            raise ValidationError("Berkas csv berisi karakter NUL; simpan ulang dari aplikasi lembar kerja.")
        return teks
    nama = {"utf-8-sig": "UTF-8", "cp1252": "Windows-1252", "utf-16": "UTF-16"}
    dicoba = ", ".join(nama.get(e, e.upper()) for e in percobaan)
    raise ValidationError(
        f"Berkas csv tidak dapat dibaca sebagai {dicoba}; simpan ulang sebagai «CSV UTF-8 (dipisah koma)»."
    )


def _baris_csv(isi):
    teks = _teks_csv(isi)
    baris_pertama = teks.lstrip("\ufeff").split("\n", 1)[0]
    pemisah = max([",", ";", "\t"], key=baris_pertama.count)
    csv.field_size_limit(BATAS_UKURAN * 2)  # one long cell is the field's length check, not "unreadable"
    # strict: a quote left open swallows every later row into one cell; refuse it instead.
    pembaca = csv.reader(io.StringIO(teks, newline=""), delimiter=pemisah, strict=True)
    hasil = []
    try:
        for baris in pembaca:
            hasil.append(baris)
    except csv.Error:
        raise ValidationError(
            f'Berkas csv rusak mulai baris {len(hasil) + 1}: tanda kutip (") tidak tertutup, atau '
            "diikuti karakter lain sebelum pemisah kolom. Simpan ulang dari aplikasi lembar kerja."
        ) from None
    return hasil


class RumusTanpaNilai(str):
    """A formula cell without the value a spreadsheet application stores when it saves (a file written
    by a program): its value is unknown, so it must not be read as an empty cell."""


def _ada_rumus(isi):
    try:
        with zipfile.ZipFile(io.BytesIO(isi)) as arsip:
            return any(
                nama.startswith("xl/worksheets/") and b"<f" in arsip.read(nama) for nama in arsip.namelist()
            )
    except Exception:  # a damaged part: the readings above already failed or will
        return False


def _baris_lembar_xlsx(isi, *, data_only):
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        buku = load_workbook(io.BytesIO(isi), read_only=True, data_only=data_only)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError, SyntaxError, zlib.error):
        raise ValidationError(
            "Berkas .xlsx tidak dapat dibuka: berkasnya rusak, terpotong, atau bukan xlsx. "
            "Simpan ulang dari aplikasi lembar kerja sebagai «Excel Workbook (.xlsx)»."
        ) from None
    try:
        lembar = buku.worksheets[0]
        hasil = []
        for baris in lembar.iter_rows(values_only=True):
            hasil.append(list(baris))
            if len(hasil) > BATAS_BARIS + 1 and any(sel not in (None, "") for sel in baris):
                break
        return hasil
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, IndexError, SyntaxError, zlib.error):
        # SyntaxError: the XML of a part is damaged (xml.etree's ParseError).
        raise ValidationError(
            "Berkas .xlsx rusak atau terpotong di tengah; simpan ulang dari aplikasi lembar kerja."
        ) from None
    finally:
        buku.close()


def _baris_xlsx(isi):
    hasil = _baris_lembar_xlsx(isi, data_only=True)
    if _ada_rumus(isi):
        # A formula's cell reads as empty when no value was stored with it; mark it instead.
        rumus = _baris_lembar_xlsx(isi, data_only=False)
        for baris, baris_rumus in zip(hasil, rumus, strict=False):
            for indeks, (sel, sel_rumus) in enumerate(zip(baris, baris_rumus, strict=False)):
                if sel is None and isinstance(sel_rumus, str) and sel_rumus.startswith("="):
                    baris[indeks] = RumusTanpaNilai(sel_rumus)
    return hasil


def kosong(sel):
    """An empty cell: nothing, or only (non-breaking) spaces."""
    return sel is None or (isinstance(sel, str) and not sel.replace("\u00a0", " ").strip())


def masalah_judul(judul, *, wajib, dikenal):
    """The header problems of a sheet, each named: required columns missing, columns not known."""
    kurang = [k for k in wajib if k not in judul]
    asing = [k for k in judul if k not in dikenal]
    pesan = []
    if kurang:
        pesan.append(f"Kolom wajib tidak ada: {', '.join(kurang)}.")
    if asing:
        pesan.append(f"Kolom tidak dikenal: {', '.join(asing)}.")
    return pesan


def baca_berkas(isi, nama_berkas):
    """The uploaded bytes as a DataTabel with normalised headers, or ValidationError in Indonesian."""
    if not isi:
        raise ValidationError("Berkas kosong.")
    if len(isi) > BATAS_UKURAN:
        raise ValidationError(f"Berkas terlalu besar (paling besar {BATAS_UKURAN // (1024 * 1024)} MB).")
    nama = (nama_berkas or "").lower()
    if nama.endswith(".xlsx"):
        semua = _baris_xlsx(isi)
    elif nama.endswith(".csv"):
        semua = _baris_csv(isi)
    elif nama.endswith(".xls"):
        raise ValidationError("Berkas .xls (Excel 97-2003) tidak dibaca; simpan sebagai .xlsx atau .csv.")
    else:
        raise ValidationError("Jenis berkas harus .xlsx atau .csv.")
    # The first row that has something in it holds the headers.
    while semua and all(kosong(sel) for sel in semua[0]):
        semua.pop(0)
        if not semua:
            break
    if not semua:
        raise ValidationError(
            "Berkas tidak berisi judul kolom maupun baris data"
            + ("; hanya lembar pertama yang dibaca." if nama.endswith(".xlsx") else ".")
        )
    nomor_awal = 1
    judul_mentah = semua[0]
    isi_baris = [(nomor_awal + i + 1, b) for i, b in enumerate(semua[1:]) if not all(kosong(s) for s in b)]
    if len(isi_baris) > BATAS_BARIS:
        raise ValidationError(
            f"Berkas berisi lebih dari {BATAS_BARIS:,} baris data (paling banyak {BATAS_BARIS:,}); "
            "bagi menjadi beberapa berkas.".replace(",", ".")
        )
    lebar = max([len(judul_mentah), *(len(b) for _, b in isi_baris)])
    judul = [normalkan_judul(j) if j is not None else "" for j in judul_mentah] + [""] * (
        lebar - len(judul_mentah)
    )
    # A column without a header is dropped when it is empty, and refused when it holds data.
    dipakai = []
    for indeks, nama_kolom in enumerate(judul):
        if nama_kolom:
            dipakai.append(indeks)
            continue
        berisi = [nomor for nomor, b in isi_baris if indeks < len(b) and not kosong(b[indeks])]
        if berisi:
            raise ValidationError(
                f"Kolom {nama_kolom_lembar(indeks)} berisi data (baris {berisi[0]}) tetapi tidak berjudul; "
                "beri judul kolom atau hapus kolomnya."
            )
    terlihat = {}
    for indeks in dipakai:
        nama_kolom = judul[indeks]
        if nama_kolom in terlihat:
            raise ValidationError(
                f"Kolom «{nama_kolom}» muncul dua kali (kolom {nama_kolom_lembar(terlihat[nama_kolom])} "
                f"dan {nama_kolom_lembar(indeks)}); hapus salah satunya."
            )
        terlihat[nama_kolom] = indeks
    if not isi_baris:
        raise ValidationError("Berkas tidak berisi baris data.")
    data = DataTabel(headers=[judul[i] for i in dipakai])
    for nomor, b in isi_baris:
        b = list(b) + [None] * (lebar - len(b))
        rumus = next((i for i in dipakai if isinstance(b[i], RumusTanpaNilai)), None)
        if rumus is not None:
            raise ValidationError(
                f"Baris {nomor}: kolom {judul[rumus]}: sel berisi rumus «{b[rumus]}» tanpa hasil "
                "tersimpan (berkasnya tidak disimpan oleh aplikasi lembar kerja); buka dan simpan "
                "ulang berkasnya di aplikasi lembar kerja, atau tulis nilainya."
            )
        data.append([None if kosong(b[i]) else b[i] for i in dipakai])
    data.nomor_baris = [nomor for nomor, _ in isi_baris]
    return data
