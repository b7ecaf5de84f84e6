"""Browser tests: Debian's Chromium driven by Playwright for Python.

Outside CI they skip when Chromium is missing; in CI (CI=true) a missing browser is a failure.
"""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def _chromium_ada():
    return os.path.exists(CHROMIUM) or shutil.which(CHROMIUM) is not None


@pytest.fixture(scope="package")
def browser():
    """One Chromium for the browser tests, closed after the last of them: Playwright's sync API keeps
    an event loop running in this thread, in which a later test's asyncio.run() would fail."""
    if not _chromium_ada():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium tidak ditemukan di {CHROMIUM}; di CI uji peramban tidak boleh dilewati.")
        pytest.skip(f"Chromium tidak ditemukan di {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make around
    # it are ordinary synchronous calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        peramban = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield peramban
        peramban.close()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def page(browser):
    konteks = browser.new_context(locale="id-ID", viewport={"width": 1366, "height": 768})
    halaman = konteks.new_page()
    # Generous: CI shares two cores between PostgreSQL, the live server and the browser.
    halaman.set_default_timeout(40000)
    yield halaman
    konteks.close()
