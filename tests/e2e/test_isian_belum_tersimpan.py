"""A row typed but not saved is not lost without a word: «Ajukan» stops and names it, leaving the page
asks first (issue 10, point 14). In a real browser, under the Content-Security-Policy."""

import pytest

from anggaran.demo import muat_anggaran
from nakertrans.demo import muat_organisasi
from nakertrans.models import Pengajuan, UnitKerja
from perjanjian.demo import muat_perencanaan
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

INDIKATOR = "Jumlah Pelayanan Antar Kerja di Kabupaten Bungo"


def _masuk(page, url, username):
    page.goto(f"{url}/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{url}/")


def test_unsaved_row_stops_submission_and_leaving_until_saved(live_server, page):
    muat_organisasi(password=PASSWORD)
    muat_anggaran()
    muat_perencanaan()
    naker = UnitKerja.objects.get(nama="Bidang Ketenagakerjaan")
    halaman = f"{live_server.url}/capaian/isian/2024/1/unit/{naker.pk}/"
    galat_konsol = []
    page.on("console", lambda m: galat_konsol.append(m.text) if m.type == "error" else None)
    dialog = []

    def jawab(d):
        dialog.append(d.type)
        d.dismiss()  # «stay on this page»

    page.on("dialog", jawab)

    _masuk(page, live_server.url, "operator_naker")
    page.goto(halaman)
    realisasi = page.get_by_label(f"Realisasi {INDIKATOR}")
    baris = page.locator("tr", has=realisasi)
    penanda = baris.get_by_text("Belum disimpan.")
    ajukan = page.get_by_role("button", name="Ajukan ke Kepala OPD")
    pesan = page.get_by_text("ada baris yang diketik tetapi belum disimpan")
    assert penanda.is_hidden() and pesan.is_hidden()

    # Typed, not saved: the row says so and «Ajukan» sends nothing.
    realisasi.fill("150")
    penanda.wait_for(state="visible")
    ajukan.click()
    pesan.wait_for(state="visible")
    assert f"«{INDIKATOR}»" in pesan.text_content()
    assert page.url == halaman and realisasi.input_value() == "150"
    assert page.evaluate("document.activeElement.name") == "realisasi"  # back to the row
    assert not Pengajuan.objects.exists()

    # Leaving by a link: the browser asks; staying keeps what was typed.
    page.get_by_role("link", name="Isian realisasi kinerja 2024").click()
    page.wait_for_timeout(500)
    assert dialog == ["beforeunload"]
    assert page.url == halaman and realisasi.input_value() == "150"

    # Typed back to what was loaded: nothing is unsaved any more.
    realisasi.fill("")
    penanda.wait_for(state="hidden")
    realisasi.fill("-5")

    # A refused save is still unsaved, although the row now shows the typed value as sent.
    baris.get_by_role("button", name="Simpan").click()
    page.get_by_text("Realisasi tidak boleh negatif.").wait_for()
    penanda.wait_for(state="visible")
    ajukan.click()
    pesan.wait_for(state="visible")
    assert not Pengajuan.objects.exists()

    # Saved: clean again, and «Ajukan» goes through without a question.
    realisasi.fill("150")
    baris.get_by_role("button", name="Simpan").click()
    page.get_by_text("Tersimpan.").wait_for()
    assert penanda.is_hidden()
    ajukan.click()
    page.get_by_text("diajukan untuk disetujui").wait_for()
    assert dialog == ["beforeunload"]  # none for the submission
    assert Pengajuan.objects.get().status == "diajukan"
    assert not [t for t in galat_konsol if "Content Security Policy" in t or "Content-Security-Policy" in t]
