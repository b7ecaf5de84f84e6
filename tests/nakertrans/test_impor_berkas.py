"""The import path shared by every kind: the file reader, blanks, names, warnings, exactly once, the
command, and the PK-line import's PK columns."""

import datetime
import io
from decimal import Decimal

import pytest
import tablib
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from nakertrans.berkas_tabel import BATAS_BARIS, baca_berkas, normalkan_judul
from nakertrans.demo import KABID_TRANS, dinas
from nakertrans.impor import impor_berkas, periksa
from nakertrans.models import Jabatan, UnitKerja
from nakertrans.models_impor import BerkasImpor
from perjanjian import services
from perjanjian.models import BarisPK, Indikator, PerjanjianKinerja

URL = reverse("impor")


def _xlsx(judul, baris):
    data = tablib.Dataset(headers=judul)
    for b in baris:
        data.append(b)
    return data.export("xlsx")


def _unggah(client, jenis, isi, nama="data.csv"):
    return client.post(URL, {"jenis": jenis, "berkas": SimpleUploadedFile(nama, isi)})


def _indikator():
    return list(Indikator.objects.order_by("pk").values())


# -- the reader ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("judul", "normal"),
    [(" Jenis Nilai ", "jenis_nilai"), ("JENIS_NILAI", "jenis_nilai"), ("jenis\u00a0nilai", "jenis_nilai"),
     ("jenis-nilai", "jenis_nilai"), ("  nama  ", "nama")],
)  # fmt: skip
def test_headers_are_normalised(judul, normal):
    assert normalkan_judul(judul) == normal


def test_semicolon_csv_from_an_indonesian_excel_is_read():
    data = baca_berkas(b"nama;satuan;desimal\nIndeks A;indeks;2\n", "a.csv")
    assert data.headers == ["nama", "satuan", "desimal"]
    assert list(data[0]) == ["Indeks A", "indeks", "2"]


@pytest.mark.parametrize("enkode", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "cp1252"])
def test_csv_in_the_encodings_spreadsheets_write(enkode):
    data = baca_berkas("nama,satuan\nPeluang kerja (é),orang\n".encode(enkode), "a.csv")
    assert list(data[0]) == ["Peluang kerja (é)", "orang"]


def test_an_encoding_that_cannot_be_read_is_named():
    with pytest.raises(ValidationError, match="UTF-32"):
        baca_berkas("nama\nx\n".encode("utf-32"), "a.csv")


@pytest.mark.parametrize(
    ("isi", "nama", "pesan"),
    [
        (b"nama,nama\nx,y\n", "a.csv", "Kolom «nama» muncul dua kali (kolom A dan B)"),
        (b"nama,\nx,y\n", "a.csv", "Kolom B berisi data (baris 2) tetapi tidak berjudul"),
        (b"\xd0\xcf\x11\xe0 lama", "lama.xls", "Berkas .xls (Excel 97-2003) tidak dibaca"),
        (b"nama\x00,x\n", "a.csv", "karakter NUL"),
    ],
)
def test_problems_of_the_file_itself_are_named(isi, nama, pesan):
    with pytest.raises(ValidationError, match=pesan.replace("(", r"\(").replace(")", r"\)")):
        baca_berkas(isi, nama)


def test_a_truncated_xlsx_is_named_as_such():
    utuh = _xlsx(["nama", "satuan"], [["A", "orang"]])
    with pytest.raises(ValidationError, match="rusak, terpotong"):
        baca_berkas(utuh[: len(utuh) // 2], "potong.xlsx")


def test_empty_rows_keep_the_spreadsheet_row_numbers():
    data = baca_berkas(b"nama,satuan\n\nA,orang\n,\nB,orang\n", "a.csv")
    assert [data.baris_lembar(i) for i in (1, 2)] == [3, 5]


def test_rows_above_the_limit_are_refused_without_reading_on():
    baris = "".join(f"Indikator {i},orang\n" for i in range(BATAS_BARIS + 1))
    with pytest.raises(ValidationError, match="lebih dari 1.000 baris data"):
        baca_berkas(("nama,satuan\n" + baris).encode(), "besar.csv")
    xlsx = _xlsx(["nama", "satuan"], [[f"I{i}", "orang"] for i in range(BATAS_BARIS + 1)])
    with pytest.raises(ValidationError, match="lebih dari 1.000 baris data"):
        baca_berkas(xlsx, "besar.xlsx")


# -- columns and blanks --------------------------------------------------------------------------


def test_unknown_duplicate_and_missing_columns_are_each_named(masuk_sebagai, admin, perencanaan):
    sebelum = _indikator()
    halaman = _unggah(masuk_sebagai(admin), "indikator", b"nama,satuanx\nA,orang\n").content.decode()
    assert "Kolom wajib tidak ada: satuan." in halaman and "Kolom tidak dikenal: satuanx." in halaman
    assert _indikator() == sebelum


def test_a_header_with_a_non_breaking_space_still_matches(masuk_sebagai, admin, perencanaan):
    isi = "nama,satuan,Jenis\u00a0Nilai ,desimal\nIndeks Baru,indeks,persen,1\n".encode()
    client = masuk_sebagai(admin)
    pratinjau = _unggah(client, "indikator", isi)
    client.post(reverse("impor_simpan"), {"jenis": "indikator", "token": pratinjau.context["token"]})
    baru = Indikator.objects.get(nama="Indeks Baru")
    assert (baru.jenis_nilai, baru.desimal) == ("persen", 1)


def test_blank_optional_cells_take_the_default_on_new_rows_and_keep_values_on_existing(
    masuk_sebagai, admin, perencanaan
):
    lama = Indikator.objects.get(nama__iexact="Tingkat pengangguran terbuka")
    assert (lama.polaritas, lama.desimal) == ("turun", 2)
    isi = (
        b"nama,satuan,jenis_nilai,polaritas,aturan_tahunan,desimal\n"
        b"Indikator Kosong,orang,,,,\n"
        b"  TINGKAT   pengangguran terbuka ,persen,,,,\n"
    )
    client = masuk_sebagai(admin)
    pratinjau = _unggah(client, "indikator", isi)
    assert not pratinjau.context["hasil"].ada_galat, pratinjau.context["hasil"].semua_pesan()
    assert pratinjau.context["hasil"].jumlah == {"new": 1, "update": 1}
    client.post(reverse("impor_simpan"), {"jenis": "indikator", "token": pratinjau.context["token"]})
    baru = Indikator.objects.get(nama="Indikator Kosong")
    assert (baru.jenis_nilai, baru.polaritas, baru.aturan_tahunan, baru.desimal) == (
        "angka",
        "naik",
        "jumlah",
        2,
    )
    lama.refresh_from_db()
    assert (lama.polaritas, lama.desimal, lama.nama) == ("turun", 2, "Tingkat pengangguran terbuka")
    assert Indikator.objects.filter(nama__iexact="tingkat pengangguran terbuka").count() == 1


def test_a_whole_number_column_names_the_cell_in_indonesian(masuk_sebagai, admin, perencanaan):
    halaman = _unggah(
        masuk_sebagai(admin), "indikator", b"nama,satuan,desimal\nA,orang,dua\n"
    ).content.decode()
    assert "Baris 2: kolom desimal: «dua» bukan bilangan bulat." in halaman
    assert "class" not in halaman.split("Baris 2:")[1].split("</li>")[0]


def test_nul_in_a_text_cell_is_refused_with_its_column(masuk_sebagai, admin, perencanaan):
    isi = b"nama,satuan\nIndikator\x01 rusak,orang\n"
    halaman = _unggah(masuk_sebagai(admin), "indikator", isi).content.decode()
    assert "Baris 2: kolom nama: berisi karakter kendali" in halaman


def test_an_oversized_cell_is_a_length_message_not_an_unreadable_file(masuk_sebagai, admin, perencanaan):
    isi = ("nama,satuan\n" + "x" * 200_000 + ",orang\n").encode()
    halaman = _unggah(masuk_sebagai(admin), "indikator", isi).content.decode()
    assert "tidak dapat dibaca" not in halaman
    assert "Baris 2: kolom nama: paling banyak 400 karakter (tertulis 200.000)." in halaman


# -- names -------------------------------------------------------------------------------------


def test_pk_line_import_matches_the_indicator_as_the_indicator_import_does(masuk_sebagai, admin, perencanaan):
    isi = _xlsx(
        ["tahun", "jabatan", "nomor", "sasaran", "indikator", "target", "satuan"],
        [
            [
                2025,
                "kepala  bidang TRANSMIGRASI",
                1,
                "Sasaran",
                "  TINGKAT pengangguran   terbuka",
                "5,5",
                "persen",
            ]
        ],
    )
    client = masuk_sebagai(admin)
    pratinjau = _unggah(client, "baris_pk", isi, "a.xlsx")
    assert not pratinjau.context["hasil"].ada_galat, pratinjau.context["hasil"].semua_pesan()
    client.post(reverse("impor_simpan"), {"jenis": "baris_pk", "token": pratinjau.context["token"]})
    baris = BarisPK.objects.get(perjanjian__tahun=2025)
    assert (baris.indikator.nama, baris.target_angka) == ("Tingkat pengangguran terbuka", Decimal("5.5"))


def test_a_name_matching_two_posts_is_refused_with_both(masuk_sebagai, admin, perencanaan):
    asli = Jabatan.objects.get(nama=KABID_TRANS)
    unit_lain = UnitKerja.objects.exclude(pk=asli.unit_kerja_id).first()
    Jabatan.objects.create(nama=KABID_TRANS.upper(), unit_kerja=unit_lain, atasan=asli.atasan)
    isi = _xlsx(["tahun", "jabatan", "nomor", "rencana_tw1"], [[2024, KABID_TRANS, 1, "1"]])
    halaman = _unggah(masuk_sebagai(admin), "rencana_aksi", isi, "a.xlsx").content.decode()
    assert "cocok dengan lebih dari satu" in halaman and halaman.count(KABID_TRANS) >= 2


def test_the_database_refuses_a_second_indicator_differing_only_in_case(perencanaan):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Indikator.objects.create(instansi=dinas(), nama="TINGKAT PENGANGGURAN TERBUKA", satuan="persen")


# -- warnings, readings, exactly once ----------------------------------------------------------


@pytest.fixture
def draf_trans(admin, perencanaan):
    lama = PerjanjianKinerja.objects.get(tahun=2024, jabatan__nama=KABID_TRANS)
    return services.revisi_pk(perjanjian=lama, user=admin, alasan="Rencana aksi baru")


def _rencana(nilai):
    return (
        "tahun,jabatan,nomor,rencana_tw1,rencana_tw2,rencana_tw3,rencana_tw4\n"
        f'2024,{KABID_TRANS},1,"{nilai[0]}","{nilai[1]}","{nilai[2]}","{nilai[3]}"\n'
    ).encode()


def test_the_preview_shows_each_number_as_read_where_it_differs(masuk_sebagai, admin, draf_trans):
    halaman = _unggah(masuk_sebagai(admin), "rencana_aksi", _rencana(["0,125", "2,500", "72", "76,81"]))
    hasil = halaman.context["hasil"]
    assert hasil.bacaan_berbeda == [(2, "rencana_tw2", "2,500", "2,5")]
    assert "<code>2,500</code></td><td><strong>2,5</strong>" in halaman.content.decode()


def test_an_ambiguous_thousands_dot_must_be_acknowledged(masuk_sebagai, admin, draf_trans):
    client = masuk_sebagai(admin)
    pratinjau = _unggah(client, "rencana_aksi", _rencana(["70,5", "1.234", "75", "76,81"]))
    hasil = pratinjau.context["hasil"]
    assert [(n, k) for n, k, _ in hasil.peringatan] == [(2, "rencana_tw2")]
    assert "«1.234» dibaca sebagai 1.234" in pratinjau.content.decode()
    token = pratinjau.context["token"]
    ditolak = client.post(reverse("impor_simpan"), {"jenis": "rencana_aksi", "token": token}, follow=True)
    assert "centang bahwa Anda sudah memeriksanya" in ditolak.content.decode()
    assert draf_trans.baris.get(urutan=1).rencana_tw2 != Decimal(1234)
    client.post(
        reverse("impor_simpan"), {"jenis": "rencana_aksi", "token": token, "peringatan_diterima": "1"}
    )
    assert draf_trans.baris.get(urutan=1).rencana_tw2 == Decimal(1234)


def test_a_preview_is_imported_once_however_often_it_is_confirmed(admin, perencanaan):
    isi = b"nama,satuan\nIndikator Sekali,orang\n"
    _, rekaman = periksa("indikator", isi, "a.csv", user=admin)
    impor_berkas(rekaman.token, jenis="indikator", user=admin)
    with pytest.raises(ValidationError, match="sudah diimpor"):
        impor_berkas(rekaman.token, jenis="indikator", user=admin)
    assert Indikator.objects.filter(nama="Indikator Sekali").count() == 1
    rekaman.refresh_from_db()
    assert rekaman.diimpor_pada is not None and rekaman.ringkasan == "1 baris baru"


def test_another_users_preview_cannot_be_confirmed(admin, perencanaan):
    from nakertrans.models import Pengguna

    _, rekaman = periksa("indikator", b"nama,satuan\nX,orang\n", "a.csv", user=admin)
    lain = Pengguna.objects.create_superuser("admin2", password="x" * 12)
    with pytest.raises(ValidationError, match="tidak dikenal"):
        impor_berkas(rekaman.token, jenis="indikator", user=lain)
    assert not BerkasImpor.objects.filter(diimpor_pada__isnull=False).exists()


# -- the command -------------------------------------------------------------------------------


def _jalankan(*args):
    keluar, galat = io.StringIO(), io.StringIO()
    try:
        call_command("impor", *args, stdout=keluar, stderr=galat)
        kode = 0
    except SystemExit as e:
        kode = e.code
    return kode, keluar.getvalue(), galat.getvalue()


def test_command_periksa_reads_decimal_commas_and_changes_nothing(tmp_path, draf_trans):
    berkas = tmp_path / "rencana.csv"
    berkas.write_bytes(_rencana(["0,125", "2,500", "72", "76,81"]))
    sebelum = list(BarisPK.objects.values())
    kode, keluar, _ = _jalankan("rencana_aksi", str(berkas), "--periksa")
    assert kode == 0
    assert "Baris 2, kolom rencana_tw1: «0,125» dibaca 0,125" in keluar
    assert "Baris 2, kolom rencana_tw2: «2,500» dibaca 2,5" in keluar
    assert list(BarisPK.objects.values()) == sebelum


def test_command_exit_status_one_with_row_errors(tmp_path, perencanaan):
    berkas = tmp_path / "salah.csv"
    berkas.write_bytes(b"nama,satuan,desimal\nA,orang,dua\n")
    kode, _, galat = _jalankan("indikator", str(berkas), "--periksa")
    assert kode == 1 and "Baris 2: kolom desimal: «dua» bukan bilangan bulat." in galat


def test_command_imports_for_a_named_user_all_or_nothing(tmp_path, admin, perencanaan):
    berkas = tmp_path / "baru.csv"
    berkas.write_bytes(b"nama,satuan\nIndikator Perintah,orang\n")
    with pytest.raises(CommandError, match="--pengguna"):
        call_command("impor", "indikator", str(berkas))
    with pytest.raises(CommandError, match="tidak berwenang"):
        call_command("impor", "indikator", str(berkas), "--pengguna", "operator_naker")
    kode, keluar, _ = _jalankan("indikator", str(berkas), "--pengguna", "admin")
    assert kode == 0 and "Impor baru.csv selesai: 1 baris baru." in keluar
    assert Indikator.objects.filter(nama="Indikator Perintah").count() == 1


def test_django_import_exports_own_commands_refuse(tmp_path):
    with pytest.raises(CommandError, match="manage.py impor JENIS BERKAS"):
        call_command("import", "perjanjian.impor.IndikatorResource", "x.csv")
    with pytest.raises(CommandError, match="tidak dipakai"):
        call_command("export", "csv", "perjanjian.impor.IndikatorResource")


# -- the PK-line import's PK columns ------------------------------------------------------------


def test_pk_line_import_sets_the_pk_date_and_filling_unit(masuk_sebagai, admin, perencanaan):
    judul = ["tahun", "jabatan", "nomor", "sasaran", "indikator", "target", "tanggal_pk", "unit_pengisi"]
    isi = _xlsx(
        judul,
        [
            [
                2025,
                KABID_TRANS,
                1,
                "S",
                "Tingkat pengangguran terbuka",
                "5",
                "3 Februari 2025",
                "Sekretariat",
            ],
            [2025, KABID_TRANS, 2, "S", "Tingkat pengangguran terbuka", "6", None, None],
        ],
    )
    client = masuk_sebagai(admin)
    pratinjau = _unggah(client, "baris_pk", isi, "a.xlsx")
    assert not pratinjau.context["hasil"].ada_galat, pratinjau.context["hasil"].semua_pesan()
    client.post(reverse("impor_simpan"), {"jenis": "baris_pk", "token": pratinjau.context["token"]})
    pk = PerjanjianKinerja.objects.get(tahun=2025, jabatan__nama=KABID_TRANS)
    assert pk.tanggal == datetime.date(2025, 2, 3) and pk.unit_pengisi.nama == "Sekretariat"
    assert pk.baris.count() == 2


def test_pk_date_outside_the_year_is_refused(masuk_sebagai, admin, perencanaan):
    isi = _xlsx(
        ["tahun", "jabatan", "nomor", "sasaran", "indikator", "target", "tanggal_pk"],
        [[2025, KABID_TRANS, 1, "S", "Tingkat pengangguran terbuka", "5", "02/01/2024"]],
    )
    halaman = _unggah(masuk_sebagai(admin), "baris_pk", isi, "a.xlsx").content.decode()
    assert "Baris 2: kolom tanggal_pk: tanggal 02-01-2024 bukan di tahun 2025." in halaman
    assert not PerjanjianKinerja.objects.filter(tahun=2025).exists()


def test_the_pk_line_target_is_shown_as_read(masuk_sebagai, admin, perencanaan):
    isi = (
        "tahun,jabatan,nomor,sasaran,indikator,target,satuan\n"
        f'2025,{KABID_TRANS},1,Sasaran,Tingkat pengangguran terbuka,"2,500",persen\n'
    ).encode()
    hasil = _unggah(masuk_sebagai(admin), "baris_pk", isi).context["hasil"]
    assert (2, "target", "2,500", "2,5") in hasil.bacaan_berbeda
