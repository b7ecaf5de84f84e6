"""The kabupaten's pages across its perangkat daerah: per office its capaian, serapan, efficiency and
LKjIP status; the offices x periods matrix with days late; the IKU daerah; the search. Figures are
those of each office's own pages, the queries do not grow with the offices, and only the kabupaten's
roles read them."""

import datetime
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from capaian.kabupaten import SelPengisian, matriks_pengisian, ringkasan_opd
from nakertrans import workflow
from nakertrans.demo import dinas
from nakertrans.models import Pengajuan, Pengguna
from tests.opd_kedua import buat_opd

TAHUN = 2024


def _teks(respons):
    assert respons.status_code == 200, respons.status_code
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", respons.content.decode()))


def _masuk(client, username):
    client.force_login(Pengguna.objects.get(username=username))
    return client


HALAMAN = [
    reverse("kabupaten:ringkasan_tahun", args=[TAHUN]),
    reverse("kabupaten:pengisian", args=[TAHUN]),
    reverse("kabupaten:iku_daerah", args=[TAHUN]),
    reverse("kabupaten:kaskade", args=[TAHUN]),
    reverse("kabupaten:cari") + "?q=layanan",
]


def test_each_office_with_its_capaian_serapan_efficiency_and_lkjip(client, realisasi_2024, opd_kedua):
    teks = _teks(_masuk(client, "bappeda").get(HALAMAN[0]))
    # The Dinas's figures as its own pages print them: TPT 108,33 %, serapan 93,73 % of Tabel 30.
    assert "Tingkat pengangguran terbuka: 108,33 % Sangat Baik" in teks
    assert "93,73 % Rp 4.344.631.646 dari Rp 4.635.301.681" in teks
    assert "84,10 %" in teks  # the mean of 59,86 % and 108,33 %
    assert "kurang efisien" in teks  # 84,10 against 93,73: more than 5 points below
    # The second office: its head's line has no realisasi yet, its DPA nothing spent.
    assert "Indeks layanan Dinas Kesehatan Uji: Belum ada realisasi." in teks
    assert "0,00 % Rp 0 dari Rp 1.000.000" in teks
    assert "LKjIP tahun 2024 wajib terbit paling lambat 31 Maret 2025" in teks
    assert (
        f'href="/opd/{opd_kedua["opd"].kode}/"' in _masuk(client, "bappeda").get(HALAMAN[0]).content.decode()
    )


def test_the_lkjip_status_is_read_from_the_published_versions(realisasi_2024, opd_kedua, kadis):
    from capaian.models import TerbitanLKjIP

    TerbitanLKjIP.objects.create(
        instansi=dinas(), tahun=TAHUN, nomor=1, isi=b"%PDF", sha256="0" * 64, ukuran=4,
        diterbitkan_oleh=kadis, diterbitkan_pada=timezone.make_aware(datetime.datetime(2025, 4, 3, 10)),
    )  # fmt: skip
    per_opd = {r.opd.kode: r for r in ringkasan_opd(dinas().pemerintah_daerah, TAHUN)}
    assert per_opd["disnakertrans"].terbit_pada == datetime.date(2025, 4, 3)
    assert per_opd["disnakertrans"].lkjip_terlambat == 3  # due 31 March 2025
    assert per_opd[opd_kedua["opd"].kode].terbitan_terakhir is None


def test_a_cell_counts_the_units_and_the_days_late():
    batas = datetime.date(2024, 4, 10)
    sel = SelPengisian(
        batas=batas, wajib=3, disetujui=1, menunggu=1, pernah_diajukan=2, hari_ini=datetime.date(2024, 4, 15)
    )
    assert (sel.belum_diajukan, sel.hari_terlambat, sel.status) == (1, 5, "draft")
    sel.pernah_diajukan = 3
    sel.diajukan_terakhir = timezone.make_aware(datetime.datetime(2024, 4, 12, 9))
    assert (sel.hari_terlambat, sel.status) == (2, "diajukan")
    sel.diajukan_terakhir = timezone.make_aware(datetime.datetime(2024, 4, 10, 23))
    assert sel.hari_terlambat is None  # on the due date itself: on time
    sel.disetujui = 3
    assert sel.status == "disetujui"
    assert SelPengisian(batas=batas, hari_ini=datetime.date(2024, 4, 1), wajib=2).status == "belum-waktunya"
    assert SelPengisian(batas=batas).status == "kosong"


def test_the_matrix_of_offices_and_quarters(realisasi_2024, opd_kedua):
    pemda = dinas().pemerintah_daerah
    bidang = opd_kedua["bidang"]
    # The second office's bidang submitted TW I three days after its due date (10 April).
    Pengajuan.objects.create(
        jenis="kinerja", tahun=TAHUN, periode=1, unit_kerja=bidang, status="diajukan",
        diajukan_pertama=timezone.make_aware(datetime.datetime(2024, 4, 13, 9)),
    )  # fmt: skip
    matriks = dict(
        matriks_pengisian(pemda, Pengajuan.Jenis.KINERJA, TAHUN, hari_ini=datetime.date(2024, 7, 20))
    )
    kedua = matriks[opd_kedua["opd"]]
    # Two units enter its PKs: the head's (the office) and the bidang.
    assert [(s.wajib, s.menunggu, s.belum_diajukan, s.hari_terlambat) for s in kedua[:3]] == [
        (2, 1, 1, 101),  # the office's unit has not submitted: late since 10 April
        (2, 0, 2, 10),  # TW II due 10 July
        (2, 0, 2, None),  # TW III not due yet
    ]
    # The demo's Dinas: four of its five units approved five days after each quarter's end.
    assert [(s.wajib, s.disetujui) for s in matriks[dinas()]] == [(5, 4)] * 4
    from anggaran.demo import setujui_semua_bulan

    setujui_semua_bulan()  # as muat_demo does: each month submitted five days after its end
    hari_ini = datetime.date(2025, 6, 1)
    anggaran = dict(matriks_pengisian(pemda, Pengajuan.Jenis.ANGGARAN, TAHUN, hari_ini=hari_ini))
    assert [(s.status, s.hari_terlambat) for s in anggaran[dinas()]] == [("disetujui", None)] * 12
    assert anggaran[opd_kedua["opd"]][0].wajib == 1


def test_the_workflow_keeps_the_first_submission(operator_naker, kadis, realisasi_2024):
    unit = operator_naker.unit_kerja.get()
    pengajuan = workflow.ambil_pengajuan(jenis="kinerja", tahun=2025, periode=1, unit_kerja=unit)
    pengajuan = workflow.ajukan(pengajuan=pengajuan, user=operator_naker, jumlah_isian=1)
    pertama = pengajuan.diajukan_pertama
    assert pertama is not None
    pengajuan = workflow.kembalikan(pengajuan=pengajuan, user=kadis, catatan="Lengkapi bukti.")
    pengajuan = workflow.ajukan(pengajuan=pengajuan, user=operator_naker, jumlah_isian=1)
    assert pengajuan.diajukan_pertama == pertama


def test_the_iku_daerah_with_the_measuring_offices_realisasi(client, realisasi_2024):
    teks = _teks(_masuk(client, "bupati").get(HALAMAN[2]))
    baris = "Menurunnya TPT Tingkat pengangguran terbuka Dinas Tenaga Kerja dan Transmigrasi 5,88 persen 5,39"
    assert f"{baris} 108,33 % Sangat Baik" in teks


def test_the_search_finds_both_offices_indicators_of_one_name(client, realisasi_2024, opd_kedua):
    nama = opd_kedua["indikator"].nama
    client = _masuk(client, "inspektorat")
    teks = _teks(client.get(reverse("kabupaten:cari"), {"q": nama[5:20]}))
    assert f"Dinas Kesehatan Uji {nama}" in teks and f"Dinas Tenaga Kerja dan Transmigrasi {nama}" in teks
    kode = opd_kedua["dpa"].sub_kegiatan.kode
    respons = client.get(reverse("kabupaten:cari"), {"q": kode})
    assert respons.content.decode().count(f"<td>{kode}</td>") == 2  # the same sub kegiatan in both DPA
    assert "Tidak ada indikator yang memuat" in _teks(respons)
    # A long or empty query is no error.
    assert client.get(reverse("kabupaten:cari"), {"q": "x" * 5000}).status_code == 200
    assert "<h2>Indikator</h2>" not in client.get(reverse("kabupaten:cari"), {"q": "  "}).content.decode()


@pytest.mark.parametrize("alamat", HALAMAN)
def test_the_queries_do_not_grow_with_the_offices(client, realisasi_2024, opd_kedua, alamat):
    client = _masuk(client, "bappeda")
    client.get(alamat)  # the session and the caches of the first request

    def jumlah():
        with CaptureQueriesContext(connection) as kueri:
            assert client.get(alamat).status_code == 200
        return len(kueri)

    dua = jumlah()
    ketiga = buat_opd("opd-ketiga", "Badan Uji Ketiga")
    Pengajuan.objects.create(
        jenis="kinerja", tahun=TAHUN, periode=1, unit_kerja=ketiga["bidang"], status="diajukan"
    )
    if "iku-daerah" not in alamat:  # the IKU daerah are the kabupaten's, not per office
        assert "Badan Uji Ketiga" in _teks(client.get(alamat))
    assert jumlah() == dua


@pytest.mark.parametrize("username", ["admin", "kadis", "operator_naker", "kabid_naker"])
def test_an_offices_users_do_not_read_the_kabupatens_pages(client, realisasi_2024, username):
    client = _masuk(client, username)
    for alamat in HALAMAN:
        assert client.get(alamat).status_code == 403, alamat


@pytest.mark.parametrize("username", ["admin_kabupaten", "bappeda", "inspektorat", "bupati"])
def test_the_kabupatens_roles_land_on_the_kabupatens_page(client, realisasi_2024, opd_kedua, username):
    client = _masuk(client, username)
    assert client.get("/").url == reverse("kabupaten:ringkasan")
    assert client.get(reverse("kabupaten:ringkasan")).url == reverse(
        "kabupaten:ringkasan_tahun", args=[TAHUN]
    )
    assert ("Kabupaten", reverse("kabupaten:ringkasan")) in client.get(HALAMAN[0]).context["menu_utama"]


def test_an_impossible_year_is_a_404(client, realisasi_2024):
    assert _masuk(client, "bappeda").get("/kabupaten/99999/").status_code == 404


def test_the_serapan_is_the_offices_own(realisasi_2024):
    from anggaran.queries import rekap_anggaran

    [dinas_ringkas] = [r for r in ringkasan_opd(dinas().pemerintah_daerah, TAHUN) if r.opd == dinas()]
    _, total = rekap_anggaran(dinas(), TAHUN)
    assert (dinas_ringkas.anggaran.pagu, dinas_ringkas.anggaran.realisasi) == (total.pagu, total.realisasi)
    assert dinas_ringkas.anggaran.serapan == total.serapan == Decimal("93.73")
