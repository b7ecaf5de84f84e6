"""The LKjIP in a real browser: a draft made by the queue's worker with progress, previewed and downloaded;
published by the Kepala Dinas; downloaded by the Inspektorat with the SHA-256 the page shows."""

import hashlib

import pytest

from anggaran.demo import muat_anggaran
from capaian.demo import muat_realisasi, muat_skala
from nakertrans.demo import muat_organisasi
from nakertrans.models import Pengguna
from perjanjian.demo import muat_perencanaan
from tests.capaian.siap_terbit import jadikan_siap_terbit
from tests.conftest import PASSWORD
from tests.e2e.test_siklus_realisasi import _keluar, _masuk
from tests.pdf_teks import teks_pdf

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _tahun_siap_terbit():
    muat_organisasi(password=PASSWORD)
    muat_anggaran()
    muat_perencanaan()
    muat_skala()
    muat_realisasi()
    jadikan_siap_terbit(Pengguna.objects.get(username="kadis"))


def test_draft_preview_download_publish_and_inspektorat_download(live_server, page, pekerja_antrean):
    _tahun_siap_terbit()
    pekerja_antrean()  # the PDFs are made by a worker of the database queue, as in production
    halaman = f"{live_server.url}/capaian/lkjip/2024/"

    _masuk(page, live_server.url, "kadis")
    page.get_by_role("link", name="LKjIP").click()
    page.wait_for_url(halaman)
    page.get_by_role("button", name="Buat draf PDF").click()
    # The request returns at once; the status area polls until the PDF is ready.
    page.locator(".pembuatan").wait_for()
    pratinjau = page.get_by_role("link", name="Pratinjau draf")
    pratinjau.wait_for(timeout=120000)

    with page.context.expect_page() as tab_baru:
        pratinjau.click()
    tab = tab_baru.value
    assert tab.url.endswith("/berkas.pdf")
    respons = page.context.request.get(live_server.url + pratinjau.get_attribute("href"))
    assert respons.headers["content-type"] == "application/pdf"
    assert respons.headers["content-disposition"].startswith("inline;")
    assert "DRAF" in teks_pdf(respons.body())
    tab.close()

    with page.expect_download() as unduhan:
        page.get_by_role("link", name="Unduh draf").click()
    draf = open(unduhan.value.path(), "rb").read()
    teks = teks_pdf(draf)
    assert "DRAF" in teks and "108,33 %" in teks and "4.635.301.681" in teks

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Terbitkan versi 1").click()
    page.get_by_text("Versi 1 diterbitkan").wait_for(timeout=120000)
    _keluar(page)

    _masuk(page, live_server.url, "inspektorat")
    page.goto(halaman)
    sha_di_halaman = page.locator("#terbitan code.sha").first.inner_text().strip()
    with page.expect_download() as unduhan:
        page.locator("#terbitan").get_by_role("link", name="Unduh").first.click()
    assert unduhan.value.suggested_filename == "LKjIP-disnakertrans-2024-versi-1.pdf"
    terbitan = open(unduhan.value.path(), "rb").read()
    assert hashlib.sha256(terbitan).hexdigest() == sha_di_halaman
    assert "Versi terbitan 1" in teks_pdf(terbitan)
