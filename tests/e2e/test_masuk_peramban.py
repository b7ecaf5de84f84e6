import pytest

from nakertrans.demo import muat_organisasi
from tests.conftest import BERANDA, PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_each_role_logs_in_in_the_browser_and_sees_its_home(live_server, page):
    muat_organisasi(password=PASSWORD)
    for username, judul in BERANDA.items():
        page.goto(f"{live_server.url}/masuk/")
        page.get_by_label("Nama pengguna").fill(username)
        page.get_by_label("Kata sandi").fill(PASSWORD)
        page.get_by_role("button", name="Masuk").click()
        page.wait_for_url(f"{live_server.url}/")
        assert page.locator("h1").inner_text() == judul
        page.get_by_role("button", name="Keluar").click()
        page.wait_for_url(f"{live_server.url}/masuk/")


def test_wrong_password_in_the_browser_shows_message(live_server, page):
    muat_organisasi(password=PASSWORD)
    page.goto(f"{live_server.url}/masuk/")
    page.get_by_label("Nama pengguna").fill("kadis")
    page.get_by_label("Kata sandi").fill("bukan-sandinya")
    page.get_by_role("button", name="Masuk").click()
    assert "nama pengguna dan sandi yang benar" in page.get_by_role("alert").inner_text()
