"""Every URL of the application x every role x the user's own office / another office, generated from
the URL resolver so that a new URL cannot be forgotten (the admin's pages have their own tests of the
office's scope: tests/nakertrans/test_opd.py).

For every case: no error page (5xx). An office's user at another office's address gets 404, and an
object of another office in their own office's address is not shown (404, or the 403 of a page their
role may not open at all), and a POST of either changes nothing. A kabupaten user reads an office's
pages through its /opd/<kode>/ address and changes nothing of the office's by any POST (Bappeda's
comment on the cascade is Bappeda's own). A visitor who is not logged in is sent to the login page.
"""

import datetime

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone

from anggaran.models import AnggaranSubKegiatan
from capaian.models import (
    BuktiDukung,
    BuktiRenja,
    IndikatorRenja,
    PembuatanLKjIP,
    RealisasiRenja,
    RealisasiTriwulan,
    TargetRenja,
    TerbitanLKjIP,
)
from nakertrans.demo import BIDANG_NAKER, KABID_NAKER, dinas
from nakertrans.models import Jabatan, Pengguna, UnitKerja
from nakertrans.models_impor import BerkasImpor
from perjanjian.models import Indikator, PerjanjianKinerja

TAHUN = 2024
PERSONA_OPD = ["operator_naker", "kabid_naker", "kadis", "admin"]
PERSONA_KABUPATEN = ["admin_kabupaten", "bappeda", "inspektorat", "bupati"]
# What a kabupaten user may write through an office's address: its own rows, not the office's.
TULISAN_SENDIRI = {("bappeda", "perjanjian:komentar_kaskade")}


def _nama_url(pola, namespace=""):
    for p in pola:
        if isinstance(p, URLResolver):
            if p.app_name != "admin":
                yield from _nama_url(
                    p.url_patterns, f"{namespace}{p.namespace}:" if p.namespace else namespace
                )
        elif p.name:
            yield namespace + p.name


SEMUA_URL = sorted(set(_nama_url(get_resolver().url_patterns)))


def _objek(opd_kedua, kadis):
    """The objects the URLs name, of the Dinas («sendiri») and of the second office («lain»)."""
    unit = UnitKerja.objects.get(instansi=dinas(), nama=BIDANG_NAKER)
    jabatan = Jabatan.objects.get(unit_kerja=unit, nama=KABID_NAKER)
    pk = PerjanjianKinerja.objects.get(jabatan=jabatan, tahun=TAHUN, status="final")
    baris = pk.baris.order_by("urutan").first()
    sisi = {
        "sendiri": {
            "unit": unit,
            "jabatan": jabatan,
            "pk": pk,
            "baris": baris,
            "dpa": AnggaranSubKegiatan.objects.filter(unit_kerja=unit, tahun=TAHUN).order_by("pk").first(),
            "realisasi": RealisasiTriwulan.objects.get_or_create(baris=baris, triwulan=4)[0],
        },
        "lain": {
            "unit": opd_kedua["bidang"],
            "jabatan": opd_kedua["pk"].jabatan,
            "pk": opd_kedua["pk"],
            "baris": opd_kedua["baris"],
            "dpa": opd_kedua["dpa"],
            "realisasi": RealisasiTriwulan.objects.create(
                baris=opd_kedua["baris"], triwulan=4, realisasi_angka=1
            ),
        },
    }
    for nama, o in sisi.items():
        opd = o["unit"].instansi
        o["renja"] = IndikatorRenja.objects.create(
            instansi=opd,
            nomenklatur=o["dpa"].sub_kegiatan,
            indikator=Indikator.objects.create(instansi=opd, nama=f"Keluaran uji izin {nama}", satuan="unit"),
        )
        TargetRenja.objects.create(indikator_renja=o["renja"], tahun=TAHUN, target_angka=2)
        realisasi_renja = RealisasiRenja.objects.create(
            indikator_renja=o["renja"], tahun=TAHUN, triwulan=4, realisasi_angka=1
        )
        o["bukti_renja"] = BuktiRenja.objects.create(
            realisasi=realisasi_renja, berkas=SimpleUploadedFile(f"renja-{nama}.pdf", b"%PDF-1.4 uji"),
            nama_asli=f"renja-{nama}.pdf", jenis="pdf", ukuran=11, diunggah_oleh=kadis,
        )  # fmt: skip
        o["bukti"] = BuktiDukung.objects.create(
            realisasi=o["realisasi"], berkas=SimpleUploadedFile(f"bukti-{nama}.pdf", b"%PDF-1.4 uji"),
            nama_asli=f"bukti-{nama}.pdf", jenis="pdf", ukuran=11, diunggah_oleh=kadis,
        )  # fmt: skip
        o["pembuatan"] = PembuatanLKjIP.objects.create(
            instansi=opd,
            tahun=TAHUN,
            jenis="draf",
            status="selesai",
            isi=b"%PDF-1.4 draf",
            diminta_oleh=kadis,
        )
        pengimpor = Pengguna.objects.get(username="admin") if nama == "sendiri" else opd_kedua["admin"]
        o["impor"] = BerkasImpor.objects.create(
            jenis="indikator", nama_berkas=f"{nama}.csv", isi=b"nama\nx\n", sha256="0" * 64, ukuran=8,
            diperiksa_oleh=pengimpor, status="selesai", pesan=["Impor selesai."],
        )  # fmt: skip
        o["terbitan"] = TerbitanLKjIP.objects.create(
            instansi=opd, tahun=TAHUN, nomor=1, isi=b"%PDF-1.4 terbit", sha256="0" * 64, ukuran=15,
            diterbitkan_oleh=kadis, diterbitkan_pada=timezone.make_aware(datetime.datetime(2025, 3, 1)),
        )  # fmt: skip
    return sisi


# The arguments of the URLs that name an office's object, from the objects of one side.
ARGUMEN = {
    "unit_detail": lambda o: {"pk": o["unit"].pk},
    "jabatan_detail": lambda o: {"pk": o["jabatan"].pk},
    "status_impor": lambda o: {"token": o["impor"].pk},
    "anggaran:isian_bulan": lambda o: {"tahun": TAHUN, "bulan": 12, "unit_pk": o["unit"].pk},
    "anggaran:ubah_status": lambda o: {"tahun": TAHUN, "bulan": 12, "unit_pk": o["unit"].pk, "aksi": "buka"},
    "anggaran:simpan_baris": lambda o: {"tahun": TAHUN, "bulan": 12, "anggaran_pk": o["dpa"].pk},
    "perjanjian:detail": lambda o: {"pk": o["pk"].pk},
    "perjanjian:cetak": lambda o: {"pk": o["pk"].pk},
    "perjanjian:finalkan": lambda o: {"pk": o["pk"].pk},
    "perjanjian:revisi": lambda o: {"pk": o["pk"].pk},
    "capaian:isian_triwulan": lambda o: {"tahun": TAHUN, "triwulan": 4, "unit_pk": o["unit"].pk},
    "capaian:templat_realisasi": lambda o: {"tahun": TAHUN, "triwulan": 4, "unit_pk": o["unit"].pk},
    "capaian:impor_realisasi": lambda o: {"tahun": TAHUN, "triwulan": 4, "unit_pk": o["unit"].pk},
    "capaian:simpan_impor_realisasi": lambda o: {"tahun": TAHUN, "triwulan": 4, "unit_pk": o["unit"].pk},
    "capaian:ubah_status": lambda o: {"tahun": TAHUN, "triwulan": 4, "unit_pk": o["unit"].pk, "aksi": "buka"},
    "capaian:simpan_baris": lambda o: {"tahun": TAHUN, "triwulan": 4, "baris_pk": o["baris"].pk},
    "capaian:pratinjau_rumus": lambda o: {"baris_pk": o["baris"].pk},
    "capaian:riwayat_baris": lambda o: {"baris_pk": o["baris"].pk},
    "capaian:unduh_bukti": lambda o: {"pk": o["bukti"].pk},
    "capaian:status_pembuatan": lambda o: {"pk": o["pembuatan"].pk},
    "capaian:berkas_pembuatan": lambda o: {"pk": o["pembuatan"].pk},
    "capaian:unduh_terbitan": lambda o: {"pk": o["terbitan"].pk},
    "capaian:isian_renja": lambda o: {"tahun": TAHUN, "triwulan": 4, "unit_pk": o["unit"].pk},
    "capaian:ubah_status_renja": lambda o: {
        "tahun": TAHUN,
        "triwulan": 4,
        "unit_pk": o["unit"].pk,
        "aksi": "buka",
    },  # fmt: skip
    "capaian:simpan_renja": lambda o: {"tahun": TAHUN, "triwulan": 4, "ir_pk": o["renja"].pk},
    "capaian:riwayat_renja": lambda o: {"ir_pk": o["renja"].pk},
    "capaian:unduh_bukti_renja": lambda o: {"pk": o["bukti_renja"].pk},
}
# URLs with arguments that name no office's object (a year, a kind, a section).
ARGUMEN_TETAP = {
    "templat_impor": {"jenis": "dpa"},
    "anggaran:realisasi_tahun": {"tahun": TAHUN},
    "anggaran:realisasi_berkas": {"tahun": TAHUN, "format": "xlsx"},
    "anggaran:status_isian": {"tahun": TAHUN},
    "anggaran:program_kegiatan_tahun": {"tahun": TAHUN},
    "perjanjian:daftar_tahun": {"tahun": TAHUN},
    "perjanjian:kepala_daerah_tahun": {"tahun": TAHUN},
    "perjanjian:cetak_kepala_daerah": {"tahun": TAHUN},
    "perjanjian:kaskade_tahun": {"tahun": TAHUN},
    "perjanjian:komentar_kaskade": {"tahun": TAHUN},
    "perjanjian:pohon_tahun": {"tahun": TAHUN},
    "capaian:status_isian": {"tahun": TAHUN},
    "capaian:lkjip": {"tahun": TAHUN},
    "capaian:pemeriksaan_lkjip": {"tahun": TAHUN},
    "capaian:ubah_narasi": {"tahun": TAHUN, "kunci": "kata_pengantar"},
    "capaian:pratinjau_narasi": {"tahun": TAHUN},
    "capaian:buat_lkjip": {"tahun": TAHUN},
    "capaian:status_isian_renja": {"tahun": TAHUN},
    "capaian:evaluasi_renja": {"tahun": TAHUN, "triwulan": 4},
    "capaian:evaluasi_renja_berkas": {"tahun": TAHUN, "triwulan": 4, "format": "xlsx"},
    "capaian:catatan_evaluasi_renja": {"tahun": TAHUN, "triwulan": 4, "aksi": "simpan"},
    "kabupaten:renja": {"tahun": TAHUN},
    "kabupaten:renja_triwulan": {"tahun": TAHUN, "triwulan": 4},
    "kabupaten:renja_xlsx": {"tahun": TAHUN, "triwulan": 4},
    "kabupaten:ringkasan_tahun": {"tahun": TAHUN},
    "kabupaten:pengisian": {"tahun": TAHUN},
    "kabupaten:iku_daerah": {"tahun": TAHUN},
    "kabupaten:kaskade": {"tahun": TAHUN},
}
# What a POST sends: enough for every form to be read (and refused or saved).
ISIAN_POST = {"catatan": "uji izin", "alasan": "uji izin", "teks": "uji izin", "jenis": "draf"}


def test_every_url_is_in_the_table():
    """A new URL with arguments fails here (NoReverseMatch) until a table says what it takes: the
    objects of an office (ARGUMEN) or fixed values (ARGUMEN_TETAP)."""
    for nama in SEMUA_URL:
        if nama not in ARGUMEN:
            reverse(nama, kwargs=ARGUMEN_TETAP.get(nama, {}))


def _sidik():
    """One query: the number of rows of every table of the application's data (with their history),
    and the sum of the versions of the workflow's rows: what any write would change."""
    tabel = sorted(
        m._meta.db_table
        for label in ("nakertrans", "perjanjian", "anggaran", "capaian", "django_tasks_database")
        for m in apps.get_app_config(label).get_models()
    )
    hitung = ", ".join(f'(SELECT COUNT(*) FROM "{t}")' for t in tabel)
    versi = '(SELECT COALESCE(SUM(versi), 0) FROM "nakertrans_pengajuan")'
    status = "(SELECT COUNT(*) FROM \"nakertrans_pengajuan\" WHERE status = 'disetujui')"
    with connection.cursor() as c:
        c.execute(f"SELECT {hitung}, {versi}, {status}")
        return c.fetchone()


def _alamat(nama, o, opd_kode):
    buat = ARGUMEN.get(nama)
    kw = buat(o) if buat else ARGUMEN_TETAP.get(nama, {})
    return f"/opd/{opd_kode}" + reverse(nama, kwargs=kw)


@pytest.fixture
def kasus(realisasi_2024, opd_kedua, kadis):
    return _objek(opd_kedua, kadis)


@pytest.mark.parametrize("nama", SEMUA_URL)
@pytest.mark.parametrize("persona", ["anonim", *PERSONA_OPD, *PERSONA_KABUPATEN])
def test_url_x_role_x_office(client, kasus, persona, nama, opd_kedua):
    kode, kode_lain = dinas().kode, opd_kedua["opd"].kode
    if persona != "anonim":
        client.force_login(Pengguna.objects.get(username=persona))
    sendiri = _alamat(nama, kasus["sendiri"], kode)
    respons = client.get(sendiri)
    assert respons.status_code < 500, (sendiri, respons.status_code)
    if persona == "anonim":
        if nama != "masuk":
            assert respons.status_code in (302, 405), (sendiri, respons.status_code)
            if respons.status_code == 302:
                assert "/masuk/" in respons.url or nama in ("kabupaten:ringkasan",), respons.url
        return
    boleh_dibaca = respons.status_code == 200

    if ARGUMEN.get(nama) is not None:
        # The other office's object in this office's address: not shown.
        lain = _alamat(nama, kasus["lain"], kode)
        r = client.get(lain)
        # 405: a POST-only URL answers a GET so for every object, its own office's too.
        assert r.status_code in (403, 404, 405), (lain, r.status_code)
        if boleh_dibaca:
            assert r.status_code == 404, lain
        sidik = _sidik()
        r = client.post(lain, ISIAN_POST)
        assert r.status_code in (403, 404), (lain, r.status_code)
        assert _sidik() == sidik, f"POST {lain} sebagai {persona} mengubah data"

    if persona in PERSONA_OPD:
        # Another office's address: 404 for an office's own user, whatever the page.
        lain = _alamat(nama, kasus["lain" if ARGUMEN.get(nama) else "sendiri"], kode_lain)
        sidik = _sidik()
        assert client.get(lain).status_code == 404, lain
        assert client.post(lain, ISIAN_POST).status_code == 404, lain
        assert _sidik() == sidik
    elif (persona, nama) not in TULISAN_SENDIRI and nama not in ("keluar", "password_change"):
        # A kabupaten user's POST into an office changes nothing of it.
        sidik = _sidik()
        r = client.post(sendiri, ISIAN_POST)
        assert r.status_code < 500, (sendiri, r.status_code)
        assert _sidik() == sidik, f"POST {sendiri} sebagai {persona} mengubah data"
