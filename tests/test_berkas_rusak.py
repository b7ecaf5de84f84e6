"""Every malformed file of tests/berkas_rusak/ (written by its buat.py) through every import path: the
page's preview, ``manage.py impor`` (``--periksa`` and a real import) and the admin's import URL.

For each: no server error (the page answers 200, the command exits 1 with a message and nothing else
escapes), no row of the import's tables changed, and every message Indonesian, naming the row and the
column where the problem is one cell («Baris 3: kolom desimal: ...») and the file problem otherwise.
The accepted-on-purpose files (other encodings, semicolons, NBSP headers) preview cleanly.

The demo data is built once for the module, inside a transaction rolled back at the end; each test
runs in a savepoint of it (pytest-django's ``db``).
"""

import importlib.util
import io
import json
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils.html import escape

from anggaran.models import AnggaranSubKegiatan, Nomenklatur, PaguTertulis, RealisasiAnggaran
from nakertrans.berkas_tabel import BATAS_BARIS
from nakertrans.format_id import format_angka
from nakertrans.impor import jenis_impor
from nakertrans.models import Jabatan, Pengguna, UnitKerja
from nakertrans.models_impor import BerkasImpor
from perjanjian.models import BarisPK, Indikator, PerjanjianKinerja
from tests.conftest import PASSWORD, transaksi_modul

FOLDER = Path(__file__).parent / "berkas_rusak"
MANIFEST = json.loads((FOLDER / "manifest.json").read_text())
RUSAK = MANIFEST["rusak"]
SAH = MANIFEST["sah"]
KABID_TRANS = "Kepala Bidang Transmigrasi"

_spec = importlib.util.spec_from_file_location("buat_berkas_rusak", FOLDER / "buat.py")
buat = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(buat)

URL = reverse("impor")
ADMIN_IMPOR = {
    "dpa": "/admin/anggaran/anggaransubkegiatan/import/",
    "realisasi": "/admin/anggaran/realisasianggaran/import/",
    "indikator": "/admin/perjanjian/indikator/import/",
    "baris_pk": "/admin/perjanjian/barispk/import/",
    "rencana_aksi": "/admin/perjanjian/barispk/import/",  # the PK-line admin imports both
}
MODEL_DIPOTRET = (
    Indikator, BarisPK, PerjanjianKinerja, AnggaranSubKegiatan, RealisasiAnggaran, Nomenklatur,
    PaguTertulis, Jabatan, UnitKerja,
)  # fmt: skip

# Words of English, Python or the database that a person must never read in a message.
KATA_TERLARANG = re.compile(
    r"Traceback|\bclass\b|Error|Exception|\bNone\b|NoneType|line number|invalid literal|duplicate key|"
    r"violates|NUL \(0x00\)|constraint|\bnull\b|\b[Ff]ield\b|Ensure |Enter a|\bmust\b|\bobject\b|"
    r"\bvalue\b|could not|cannot|\bfile\b|Decimal\(|datetime|\bint\(|\bstr\b|0x[0-9a-f]{2}|<[a-z]+ at |"
    r"\bTrue\b|\bFalse\b"
)
PANJANG_PESAN = 600  # a message quoting a 200.000-character cell whole is unreadable


def _potret():
    """Every row of the tables an import may touch, as the database returns them (read without the
    ORM's conversions: a third of the time, and nothing the comparison needs), and the number of
    recorded previews."""
    potret = {}
    with connection.cursor() as kursor:
        for m in MODEL_DIPOTRET:
            tabel, kunci = (connection.ops.quote_name(n) for n in (m._meta.db_table, m._meta.pk.column))
            kursor.execute(f"SELECT * FROM {tabel} ORDER BY {kunci}")
            potret[m.__name__] = kursor.fetchall()
    potret["BerkasImpor"] = BerkasImpor.objects.count()
    return potret


@pytest.fixture(scope="module")
def data_awal(django_db_setup, django_db_blocker):
    """The demo organisation, budget and PKs of 2024 (its months approved), a draft revision of the
    Kepala Bidang Transmigrasi's PK (so rencana aksi can be imported) and a 2025 DPA line (so realisasi
    can): built once, rolled back after the module. Returns the tables' snapshot."""
    from anggaran.demo import muat_anggaran, setujui_semua_bulan
    from nakertrans.demo import muat_organisasi
    from perjanjian import services
    from perjanjian.demo import muat_perencanaan

    with transaksi_modul(django_db_blocker):
        muat_organisasi(password=PASSWORD)
        muat_anggaran()
        setujui_semua_bulan()  # 2024's months locked: a realisasi for them is refused
        muat_perencanaan()
        admin = Pengguna.objects.get(username="admin")
        lama = PerjanjianKinerja.objects.get(tahun=2024, jabatan__nama=KABID_TRANS)
        services.revisi_pk(perjanjian=lama, user=admin, alasan="Uji berkas rusak")
        dpa = AnggaranSubKegiatan.objects.get(tahun=2024, sub_kegiatan__kode="2.07.01.2.01.0002")
        dpa.pk, dpa.tahun = None, 2025
        dpa.save()
        yield _potret()


@pytest.fixture
def potret_awal(data_awal, db):
    return data_awal


@pytest.fixture
def klien_admin(client, potret_awal):
    client.force_login(Pengguna.objects.get(username="admin"))
    return client


# -- the paths -----------------------------------------------------------------------------------


def _lewat_halaman(client, jenis, nama, isi):
    """The preview's messages: the form's (problems of the file) and the dry run's."""
    respons = client.post(URL, {"jenis": jenis, "berkas": SimpleUploadedFile(nama, isi)})
    assert respons.status_code == 200, respons.status_code
    pesan = [p for galat in respons.context["form"].errors.values() for p in galat]
    hasil = respons.context.get("hasil")
    if hasil is not None:
        pesan += hasil.semua_pesan()
    halaman = respons.content.decode()
    for p in pesan:
        assert escape(p) in halaman, p
    return respons, pesan


def _lewat_perintah(*args):
    """Exit status and what the command wrote; any exception but the exit is a failure of the test."""
    keluar, galat = io.StringIO(), io.StringIO()
    try:
        call_command("impor", *args, stdout=keluar, stderr=galat)
        kode = 0
    except SystemExit as e:
        kode = e.code
    return kode, keluar.getvalue(), galat.getvalue()


def _pesan_perintah(teks_galat):
    """The command's error lines, without the «GALAT » prefix and the closing sentence."""
    baris = [b.strip() for b in teks_galat.splitlines() if b.strip()]
    return [b.removeprefix("GALAT ") for b in baris if not b.startswith("Berkas tidak diimpor")]


# -- the checks ----------------------------------------------------------------------------------


def _periksa_pesan(pesan, harapan):
    assert pesan, "tidak ada pesan"
    for p in pesan:
        assert not KATA_TERLARANG.search(p), p[:300]
        assert len(p) <= PANJANG_PESAN, p[:300]
    fragmen = harapan["pesan"]
    tingkat = harapan["tingkat"]
    if tingkat == "berkas":
        assert any(fragmen in p for p in pesan), pesan
        return
    awalan = f"Baris {harapan['baris']}: "
    if tingkat == "sel":
        # The column by its header («kolom pagu_murni: ») or, in the DPA's older wording, by its
        # header read as words («Kolom pagu murni: »).
        kolom = harapan["kolom"]
        awalan = (awalan + f"kolom {kolom}: ", awalan + f"Kolom {kolom.replace('_', ' ')}: ")
    cocok = [p for p in pesan if p.startswith(awalan) and fragmen in p]
    assert cocok, (awalan, fragmen, pesan)
    # The first data row is valid: no message may name it.
    assert not [p for p in pesan if p.startswith("Baris 2:")], pesan


def _berkas(nama):
    return (FOLDER / nama).read_bytes()


def test_the_committed_files_are_those_the_script_writes():
    rusak, sah = buat.semua()
    assert sorted(rusak) == sorted(RUSAK) and sorted(sah) == sorted(SAH)
    for nama, (isi, harapan) in {**rusak, **sah}.items():
        assert _berkas(nama) == isi, nama
        assert {**RUSAK, **SAH}[nama] == harapan
    assert len(RUSAK) >= 100
    # Every kind an app declares has its cases (a new kind needs its columns in buat.JENIS).
    assert {h["jenis"] for h in RUSAK.values()} == set(jenis_impor()) == set(ADMIN_IMPOR)
    assert sum(len(isi) for isi, _ in {**rusak, **sah}.values()) < 1024 * 1024


@pytest.mark.parametrize("nama", sorted(RUSAK))
def test_malformed_file_on_the_page(nama, klien_admin, potret_awal):
    harapan = RUSAK[nama]
    respons, pesan = _lewat_halaman(klien_admin, harapan["jenis"], nama, _berkas(nama))
    assert "token" not in respons.context
    _periksa_pesan(pesan, harapan)
    assert _potret() == potret_awal


@pytest.mark.parametrize("nama", sorted(RUSAK))
def test_malformed_file_through_the_command_periksa(nama, potret_awal):
    harapan = RUSAK[nama]
    kode, _, galat = _lewat_perintah(harapan["jenis"], str(FOLDER / nama), "--periksa")
    assert kode == 1
    _periksa_pesan(_pesan_perintah(galat), harapan)
    assert _potret() == potret_awal


@pytest.mark.parametrize("nama", sorted(RUSAK))
def test_malformed_file_through_the_command_import(nama, potret_awal):
    harapan = RUSAK[nama]
    kode, keluar, galat = _lewat_perintah(harapan["jenis"], str(FOLDER / nama), "--pengguna", "admin")
    assert kode == 1
    assert "selesai" not in keluar
    _periksa_pesan(_pesan_perintah(galat), harapan)
    assert _potret() == potret_awal


@pytest.mark.parametrize("nama", sorted(RUSAK))
def test_malformed_file_posted_to_the_admin_import_url(nama, klien_admin, potret_awal):
    jenis = RUSAK[nama]["jenis"]
    respons = klien_admin.post(
        ADMIN_IMPOR[jenis], {"import_file": SimpleUploadedFile(nama, _berkas(nama)), "format": "0"}
    )
    assert respons.status_code == 302
    assert respons["Location"].startswith(URL + "?jenis=")
    assert _potret() == potret_awal


@pytest.mark.parametrize("jenis", sorted(set(ADMIN_IMPOR) - {"rencana_aksi"}))
def test_the_admin_import_url_opens_the_import_page_of_its_kind(jenis, klien_admin):
    respons = klien_admin.get(ADMIN_IMPOR[jenis])
    assert respons.status_code == 302 and respons["Location"] == f"{URL}?jenis={jenis}"
    halaman = klien_admin.get(respons["Location"])
    assert halaman.status_code == 200
    assert halaman.context["form"]["jenis"].value() == jenis


@pytest.mark.parametrize("jenis", sorted(ADMIN_IMPOR))
def test_more_rows_than_the_limit_on_every_path(jenis, klien_admin, potret_awal, tmp_path):
    isi = buat.berkas_terlalu_banyak_baris(jenis, BATAS_BARIS)
    harapan = {"tingkat": "berkas", "pesan": f"lebih dari {format_angka(BATAS_BARIS)} baris data"}
    _, pesan = _lewat_halaman(klien_admin, jenis, "besar.csv", isi)
    _periksa_pesan(pesan, harapan)
    berkas = tmp_path / "besar.csv"
    berkas.write_bytes(isi)
    for tambahan in (["--periksa"], ["--pengguna", "admin"]):
        kode, _, galat = _lewat_perintah(jenis, str(berkas), *tambahan)
        assert kode == 1
        _periksa_pesan(_pesan_perintah(galat), harapan)
    assert _potret() == potret_awal


def test_one_row_fewer_than_the_limit_is_not_refused_for_its_size():
    from nakertrans.berkas_tabel import baca_berkas

    isi = buat.berkas_terlalu_banyak_baris("indikator", BATAS_BARIS - 1)
    assert len(baca_berkas(isi, "pas.csv")) == BATAS_BARIS


# -- the files accepted on purpose ---------------------------------------------------------------


@pytest.mark.parametrize("nama", sorted(SAH))
def test_accepted_file_previews_cleanly_and_changes_nothing(nama, klien_admin, potret_awal):
    jenis = SAH[nama]["jenis"]
    respons, pesan = _lewat_halaman(klien_admin, jenis, nama, _berkas(nama))
    assert pesan == [] and "token" in respons.context
    potret = _potret()
    assert potret.pop("BerkasImpor") == potret_awal["BerkasImpor"] + 1  # the preview's record only
    assert potret == {k: v for k, v in potret_awal.items() if k != "BerkasImpor"}
    kode, keluar, galat = _lewat_perintah(jenis, str(FOLDER / nama), "--periksa")
    assert (kode, galat) == (0, ""), galat
    assert "Berkas dapat diimpor" in keluar


@pytest.mark.parametrize("nama", sorted(SAH))
def test_accepted_file_imports_through_the_command(nama, potret_awal):
    jenis = SAH[nama]["jenis"]
    kode, keluar, galat = _lewat_perintah(jenis, str(FOLDER / nama), "--pengguna", "admin")
    assert (kode, galat) == (0, ""), galat
    assert "selesai" in keluar
    assert _potret() != potret_awal
    if "latin1_aksen" in nama and jenis == "indikator":
        assert Indikator.objects.filter(nama="Éléonore ñandú").exists()
