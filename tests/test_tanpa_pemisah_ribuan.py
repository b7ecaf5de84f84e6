"""No year, id or number code is ever printed with a thousands separator: 2024, never 2.024.

USE_THOUSAND_SEPARATOR is on, so Django groups every integer it prints unless told not to. The demo
data is loaded here with every table's ids starting above a million (as a long-running PostgreSQL
database's sequences do), then every page, PDF template and admin page is read for a year or an id
printed in the grouped form. Money and counts stay grouped: only numbers equal to a year or to a row's
id are looked for.
"""

import re
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib import admin as admin_django
from django.db import connection, models
from django.urls import reverse
from django.utils import timezone

from nakertrans.demo import KABID_TRANS, dinas, muat_organisasi
from nakertrans.models import Pengguna, UnitKerja
from tests.conftest import PASSWORD, transaksi_modul

APLIKASI = ["nakertrans", "anggaran", "perjanjian", "capaian"]
# Admin pages whose ModelAdmin this change covers; nakertrans/admin.py has its own owner.
APLIKASI_ADMIN = ["anggaran", "perjanjian", "capaian"]
# The years the data and the pages are about (a wider range would catch amounts such as Rp 2.000).
TAHUN = range(2019, 2031)
# A whole number written with thousands separators, not part of a longer number or a decimal.
TERKELOMPOK = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d]|[.,]\d)")


def _tabel_ber_id():
    return [
        m
        for nama in APLIKASI
        for m in apps.get_app_config(nama).get_models(include_auto_created=True)
        if isinstance(m._meta.pk, models.AutoField)
    ]


def _ids_mulai_besar():
    """Every table's next id is above a million (each table its own range, so ids do not repeat)."""
    with connection.cursor() as c:
        for i, model in enumerate(_tabel_ber_id()):
            tabel, awal = model._meta.db_table, 1_234_567 + 100_000 * i
            if connection.vendor == "sqlite":
                c.execute("UPDATE sqlite_sequence SET seq = %s WHERE name = %s", [awal, tabel])
                if not c.rowcount:
                    c.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [tabel, awal])
            else:
                c.execute(
                    "SELECT setval(pg_get_serial_sequence(%s, %s), %s)", [tabel, model._meta.pk.column, awal]
                )


@pytest.fixture(scope="module")
def _data_modul(django_db_setup, django_db_blocker):
    from anggaran.demo import muat_anggaran
    from capaian.demo import muat_skala
    from perjanjian.demo import muat_perencanaan

    with transaksi_modul(django_db_blocker):
        _ids_mulai_besar()
        muat_organisasi(password=PASSWORD)
        muat_anggaran()
        muat_perencanaan()
        muat_skala()
        assert UnitKerja.objects.order_by("pk").first().pk > 1_000_000
        yield


@pytest.fixture
def data(_data_modul, db):
    """The demo data with large ids, built once for the module; each test in a savepoint of it."""


def _semua_id():
    return {pk for m in _tabel_ber_id() for pk in m._default_manager.values_list("pk", flat=True)}


def _terkelompok(teks, ids):
    """The years and ids that `teks` prints grouped, such as «2.024» or «1.234.568»."""
    angka = {int(t.replace(".", "")) for t in TERKELOMPOK.findall(teks)}
    return sorted(a for a in angka if a in TAHUN or a in ids)


def _masuk(client, username):
    client.force_login(Pengguna.objects.get(username=username))
    return client


def _periksa(client, url, ids, status=200):
    respons = client.get(url)
    assert respons.status_code == status, url
    teks = respons.content.decode()
    assert _terkelompok(teks, ids) == [], url
    return teks


def test_pages_print_years_and_ids_as_plain_digits(client, data, monkeypatch):
    from anggaran.models import AnggaranSubKegiatan
    from perjanjian import services
    from perjanjian.models import BarisPK, PerjanjianKinerja

    # A PDF's HTML is what is read: WeasyPrint is not under test.
    monkeypatch.setattr("nakertrans.pdf.html_ke_pdf", lambda html: html.encode())
    admin = Pengguna.objects.get(username="admin")
    final = PerjanjianKinerja.objects.get(tahun=2024, jabatan__nama=KABID_TRANS)
    draf = services.revisi_pk(perjanjian=final, user=admin, alasan="Uji")
    # Number codes too: a version and a line number of four digits.
    PerjanjianKinerja.objects.filter(pk=draf.pk).update(versi=1234)
    draf.baris.filter(urutan=1).update(urutan=1234)
    unit = final.jabatan.unit_kerja
    baris = BarisPK.objects.filter(perjanjian=final).first()
    ids = _semua_id() | {1234}

    client = _masuk(client, "admin")
    halaman = {
        url: _periksa(client, url, ids)
        for url in [
            reverse("beranda"),
            reverse("organisasi"),
            reverse("unit_detail", args=[unit.pk]),
            reverse("jabatan_detail", args=[final.jabatan_id]),
            reverse("perjanjian:daftar_tahun", args=[2024]),
            reverse("perjanjian:detail", args=[final.pk]),
            reverse("perjanjian:detail", args=[draf.pk]),
            reverse("perjanjian:cetak", args=[final.pk]),
            reverse("perjanjian:cetak", args=[draf.pk]),
            reverse("perjanjian:renstra"),
            reverse("perjanjian:pohon_tahun", args=[2024]),
            reverse("anggaran:program_kegiatan_tahun", args=[2024]),
            reverse("anggaran:realisasi_tahun", args=[2024]),
            reverse("anggaran:realisasi_berkas", args=[2024, "pdf"]) + "?periode=12",
            reverse("anggaran:status_isian", args=[2024]),
            reverse("anggaran:isian_bulan", args=[2024, 1, unit.pk]),
            reverse("capaian:status_isian", args=[2024]),
            reverse("capaian:isian_triwulan", args=[2024, 1, unit.pk]),
            reverse("capaian:lkjip", args=[2024]),
            reverse("impor"),
        ]
    }
    # The ids are really printed: the unit filter's option values, the links to the versions, the
    # entry rows' htmx targets.
    assert f'<option value="{unit.pk}"' in halaman[reverse("perjanjian:daftar_tahun", args=[2024])]
    assert (
        reverse("perjanjian:detail", args=[draf.pk]) in halaman[reverse("perjanjian:detail", args=[final.pk])]
    )
    anggaran = AnggaranSubKegiatan.objects.filter(tahun=2024, unit_kerja=unit).first()
    assert f'id="baris-{anggaran.pk}"' in halaman[reverse("anggaran:isian_bulan", args=[2024, 1, unit.pk])]
    assert "2024" in halaman[reverse("perjanjian:cetak", args=[final.pk])]
    assert "Versi 1234 (Draf)" in halaman[reverse("perjanjian:detail", args=[final.pk])]
    assert "<td>1234</td>" in halaman[reverse("perjanjian:cetak", args=[draf.pk])]

    # The entry pages as the unit's operator sees them, with the forms and their htmx targets.
    client = _masuk(client, "operator_trans")
    teks = _periksa(client, reverse("anggaran:isian_bulan", args=[2024, 1, unit.pk]), ids)
    assert f'hx-target="#baris-{anggaran.pk}"' in teks
    _periksa(client, reverse("capaian:isian_triwulan", args=[2024, 1, unit.pk]), ids)
    for username in ["operator_trans", "kabid_naker", "kadis", "inspektorat"]:
        _periksa(_masuk(client, username), reverse("beranda"), ids)
    _periksa(_masuk(client, "inspektorat"), reverse("capaian:riwayat_baris", args=[baris.pk]), ids)


def test_the_lkjip_pdf_template_prints_years_and_ids_as_plain_digits(data):
    from capaian.lkjip import html_lkjip

    assert _terkelompok(html_lkjip(dinas(), 2024), _semua_id()) == []


def _model_admin():
    return [
        (model, model_admin)
        for model, model_admin in admin_django.site._registry.items()
        if model._meta.app_label in APLIKASI_ADMIN
    ]


def test_the_admin_pk_list_prints_the_year_as_2024(client, data):
    client = _masuk(client, "admin")
    teks = _periksa(client, reverse("admin:perjanjian_perjanjiankinerja_changelist"), _semua_id())
    assert ">2024</a></th>" in teks and "2.024" not in teks
    # The column still sorts by the year.
    urut = client.get(reverse("admin:perjanjian_perjanjiankinerja_changelist") + "?o=-1")
    assert urut.status_code == 200 and "2.024" not in urut.content.decode()


@pytest.mark.parametrize("username", ["admin", "inspektorat"])
def test_admin_lists_and_pages_print_years_and_ids_as_plain_digits(client, data, username):
    """Every changelist, and the change (or view-only) page of a row of every model of these apps."""
    from capaian.models import NarasiLKjIP, TanggapanPeringatan, TerbitanLKjIP
    from perjanjian.models import Indikator, NilaiKomponenTahunan

    admin = Pengguna.objects.get(username="admin")
    indikator = Indikator.objects.first()
    komponen = indikator.komponen.create(kode="k", label="Komponen")
    NilaiKomponenTahunan.objects.create(komponen=komponen, tahun=2024, nilai=1)
    TerbitanLKjIP.objects.create(
        instansi=dinas(),
        tahun=2024,
        nomor=1,
        isi=b"%PDF",
        sha256="0" * 64,
        ukuran=4,
        diterbitkan_oleh=admin,
        diterbitkan_pada=timezone.now(),
    )
    TanggapanPeringatan.objects.create(
        instansi=dinas(), tahun=2024, kode="uji", pesan="Uji", catatan="Uji", oleh=admin
    )
    NarasiLKjIP.objects.create(instansi=dinas(), tahun=2024, bagian="penutup", teks="Uji", diubah_oleh=admin)
    ids = _semua_id()

    pengguna = Pengguna.objects.get(username=username)
    client.force_login(pengguna)
    terbuka = 0
    for model, model_admin in _model_admin():
        info = model._meta.app_label, model._meta.model_name
        if not model_admin.has_view_or_change_permission(SimpleNamespace(user=pengguna)):
            continue
        _periksa(client, reverse("admin:{}_{}_changelist".format(*info)), ids)
        if model_admin.has_add_permission(SimpleNamespace(user=pengguna)):
            _periksa(client, reverse("admin:{}_{}_add".format(*info)), ids)
        contoh = model._default_manager.order_by("pk").first()
        if contoh is not None:
            _periksa(client, reverse("admin:{}_{}_change".format(*info), args=[contoh.pk]), ids)
            terbuka += 1
    assert terbuka >= 10


def test_a_final_pk_view_page_shows_its_year_and_lines_as_plain_digits(client, data):
    from perjanjian.models import PerjanjianKinerja

    final = PerjanjianKinerja.objects.get(tahun=2024, jabatan__nama=KABID_TRANS)
    for username in ["admin", "inspektorat"]:
        teks = _periksa(
            _masuk(client, username),
            reverse("admin:perjanjian_perjanjiankinerja_change", args=[final.pk]),
            _semua_id(),
        )
        # The year is a read-only field of the view-only page; the lines' numbers too.
        assert re.search(r'<div class="readonly">2024</div>', teks), username
        assert 'name="tahun"' not in teks and 'name="baris-0-urutan"' not in teks
        riwayat = final.history.earliest().history_id
        for url in [
            reverse("admin:perjanjian_perjanjiankinerja_history", args=[final.pk]),
            reverse("admin:perjanjian_perjanjiankinerja_simple_history", args=[final.pk, riwayat]),
        ]:
            _periksa(_masuk(client, username), url, _semua_id())
