"""The quarter's whole cycle in a real browser: enter, submit, return, correct, resubmit, approve, locked."""

import pytest

from anggaran.demo import muat_anggaran
from nakertrans.demo import muat_organisasi
from nakertrans.models import UnitKerja
from perjanjian.demo import muat_perencanaan
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _masuk(page, url, username):
    page.goto(f"{url}/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{url}/")


def _keluar(page):
    page.get_by_role("button", name="Keluar").click()


def test_operator_and_kepala_dinas_go_through_the_cycle(live_server, page):
    muat_organisasi(password=PASSWORD)
    muat_anggaran()
    muat_perencanaan()
    naker = UnitKerja.objects.get(nama="Bidang Ketenagakerjaan")
    halaman = f"{live_server.url}/capaian/isian/2024/1/unit/{naker.pk}/"
    isian = "Realisasi Jumlah Pelayanan Antar Kerja di Kabupaten Bungo"

    _masuk(page, live_server.url, "operator_naker")
    page.goto(halaman)
    page.get_by_label(isian).fill("150")
    page.get_by_label("Kendala Jumlah Pelayanan Antar Kerja di Kabupaten Bungo").fill("Lowongan sedikit")
    page.locator("tr", has=page.get_by_label(isian)).get_by_role("button", name="Simpan").click()
    page.get_by_text("Tersimpan.").wait_for()
    assert "92,59 %" in page.content()  # 150 of the 162 planned for TW I, swapped in without a reload
    page.get_by_role("button", name="Ajukan ke Kepala OPD").click()
    page.get_by_text("diajukan untuk disetujui").wait_for()
    _keluar(page)

    _masuk(page, live_server.url, "kadis")
    page.goto(halaman)
    page.get_by_label("Catatan pengembalian (wajib)").fill("Lampirkan daftar pencari kerja.")
    page.get_by_role("button", name="Kembalikan").click()
    page.get_by_text("dikembalikan ke unit kerja").wait_for()
    _keluar(page)

    _masuk(page, live_server.url, "operator_naker")
    assert "Lampirkan daftar pencari kerja." in page.content()  # the returned item on the home page
    page.goto(halaman)
    page.get_by_label(isian).fill("162")
    page.locator("tr", has=page.get_by_label(isian)).get_by_role("button", name="Simpan").click()
    page.get_by_text("Tersimpan.").wait_for()
    page.get_by_role("button", name="Ajukan ke Kepala OPD").click()
    page.get_by_text("diajukan untuk disetujui").wait_for()
    _keluar(page)

    _masuk(page, live_server.url, "kadis")
    page.goto(halaman)
    page.get_by_role("button", name="Setujui dan kunci").click()
    page.get_by_text("disetujui dan dikunci").wait_for()
    _keluar(page)

    _masuk(page, live_server.url, "operator_naker")
    page.goto(halaman)
    assert page.get_by_label(isian).count() == 0
    assert page.get_by_role("button", name="Ajukan ke Kepala OPD").count() == 0
    assert "Disetujui" in page.content() and "100,00 %" in page.content()
