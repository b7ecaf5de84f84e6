"""The pages work in a real browser under the Content-Security-Policy: nothing refused, htmx running,
the filter forms submitting on change, the predikat colours shown, the admin usable."""

import re

import pytest

from anggaran.demo import muat_anggaran
from capaian.demo import muat_realisasi, muat_skala
from nakertrans.demo import muat_organisasi
from nakertrans.models import UnitKerja
from perjanjian.demo import muat_perencanaan
from perjanjian.models import Indikator
from tests.conftest import PASSWORD
from tests.e2e.test_siklus_realisasi import _masuk

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Playwright's init script is injected by the browser itself, so the page's policy does not stop it.
CATAT_PELANGGARAN = """
window.__pelanggaran = [];
document.addEventListener("securitypolicyviolation", (e) => {
  const tempat = e.sourceFile + ":" + e.lineNumber;
  window.__pelanggaran.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + tempat);
});
"""


@pytest.fixture
def halaman(page):
    page.add_init_script(CATAT_PELANGGARAN)
    return page


def _pelanggaran(page):
    return page.evaluate("window.__pelanggaran || []")


def _tanpa_pelanggaran(page):
    page.wait_for_load_state("load")
    assert _pelanggaran(page) == [], (page.url, _pelanggaran(page))


def _rgb(warna):
    merah, hijau, biru = (int(warna.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgb({merah}, {hijau}, {biru})"


def test_pages_htmx_filters_and_colours_work_under_the_policy(live_server, halaman):
    page = halaman
    muat_organisasi(password=PASSWORD)
    muat_anggaran()
    muat_perencanaan()
    muat_skala()
    muat_realisasi()
    url = live_server.url

    _masuk(page, url, "kadis")
    _tanpa_pelanggaran(page)
    # htmx runs, and did not inject its indicator <style> (the policy would refuse it).
    assert page.evaluate("window.htmx && htmx.config.includeIndicatorStyles") is False
    assert page.locator("head style").count() == 0
    # Predikat colours come from the scale in the database: set through the CSSOM, not style="...".
    warna = page.locator(".predikat[data-warna]").first
    assert warna.evaluate("el => getComputedStyle(el).borderLeftColor") == _rgb(
        warna.get_attribute("data-warna")
    )
    assert page.locator(".predikat.tercapai").count() > 0
    assert (
        page.locator(".predikat.tercapai").first.evaluate("el => getComputedStyle(el).borderLeftColor")
        == "rgb(18, 183, 106)"
    )

    # The filter selects submit their form on change, without an inline onchange handler.
    page.goto(f"{url}/anggaran/realisasi/2024/")
    page.get_by_label("Periode").select_option("t2")
    page.wait_for_url(re.compile(r"periode=t2"))
    assert "Juni" in page.content()
    page.goto(f"{url}/perjanjian/2024/")
    naker = UnitKerja.objects.get(nama="Bidang Ketenagakerjaan")
    page.get_by_label("Unit kerja").select_option(str(naker.pk))
    page.wait_for_url(re.compile(rf"unit={naker.pk}"))

    page.goto(f"{url}/capaian/lkjip/2024/")
    _tanpa_pelanggaran(page)


def test_an_htmx_row_save_works_under_the_policy(live_server, halaman):
    page = halaman
    muat_organisasi(password=PASSWORD)
    muat_anggaran()
    muat_perencanaan()
    naker = UnitKerja.objects.get(nama="Bidang Ketenagakerjaan")
    isian = "Realisasi Jumlah Pelayanan Antar Kerja di Kabupaten Bungo"

    _masuk(page, live_server.url, "operator_naker")
    page.goto(f"{live_server.url}/capaian/isian/2024/1/unit/{naker.pk}/")
    page.get_by_label(isian).fill("150")
    page.locator("tr", has=page.get_by_label(isian)).get_by_role("button", name="Simpan").click()
    page.get_by_text("Tersimpan.").wait_for()
    assert "92,59 %" in page.content()  # swapped in by htmx without a reload
    # The swapped-in row brings its predikat colour as data; sakip.js sets it on htmx:load.
    predikat = page.locator("tr", has=page.get_by_label(isian)).locator(".predikat[data-warna]")
    rgb = _rgb(predikat.get_attribute("data-warna"))
    assert predikat.evaluate("el => getComputedStyle(el).borderLeftColor") == rgb
    _tanpa_pelanggaran(page)


def test_admin_pages_work_under_the_policy(live_server, halaman):
    page = halaman
    muat_organisasi(password=PASSWORD)
    muat_anggaran()
    muat_perencanaan()
    indikator = Indikator.objects.order_by("pk").first()
    url = live_server.url

    _masuk(page, url, "admin")
    for jalur in [
        "/admin/",
        "/admin/perjanjian/indikator/",
        f"/admin/perjanjian/indikator/{indikator.pk}/change/",
        "/admin/perjanjian/indikator/import/",  # sends the admin to the application's import page
        f"/admin/perjanjian/indikator/{indikator.pk}/history/",
        "/admin/perjanjian/indikator/export/",
    ]:
        page.goto(url + jalur)
        assert page.locator("h1").count() >= 1, jalur
        _tanpa_pelanggaran(page)

    # The export page's "select all" box: django-import-export writes its inline handler, which the
    # policy allows by its hash alone.
    semua = page.locator("input.select-toggle")
    semua.uncheck()
    assert page.locator(".selectable-field-export-row input[type=checkbox]:checked").count() == 0
    semua.check()
    assert page.locator(".selectable-field-export-row input[type=checkbox]:not(:checked)").count() == 0
    _tanpa_pelanggaran(page)

    # The admin's own scripts run: the change list's action checkbox selects every row.
    page.goto(url + "/admin/perjanjian/indikator/")
    page.locator("#action-toggle").check()
    assert page.locator("input.action-select:not(:checked)").count() == 0
    _tanpa_pelanggaran(page)
