"""The Content-Security-Policy header, in development and with production settings, and pages that
need nothing it refuses (no inline script, no event-handler attribute, no style attribute)."""

import re
from pathlib import Path

import pytest

from tests.nakertrans.test_settings import KUNCI, _manage

AKAR = Path(__file__).resolve().parents[2]
TEMPLATES = AKAR / "templates"

KEBIJAKAN = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
}
# Attribute-only exceptions, each one exact string of a third-party admin template (settings.py).
PENGECUALIAN_ATRIBUT = {"script-src-attr": 1, "style-src-attr": 3}

INLINE = [
    (re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.I), "inline <script>"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "event-handler attribute"),
    (re.compile(r"\sstyle\s*=", re.I), "style attribute"),
    (re.compile(r"<style[\s>]", re.I), "<style> element"),
    (re.compile(r"javascript:", re.I), "javascript: URL"),
]


def _arahan(header):
    """'a x y; b z' -> {'a': ['x', 'y'], 'b': ['z']} (django-csp writes the directives in any order)."""
    hasil = {}
    for bagian in header.split(";"):
        nama, *nilai = bagian.split()
        hasil[nama] = nilai
    return hasil


def _periksa_kebijakan(header):
    arahan = _arahan(header)
    for nama, nilai in KEBIJAKAN.items():
        assert arahan.pop(nama) == nilai, nama
    for nama, jumlah_hash in PENGECUALIAN_ATRIBUT.items():
        nilai = arahan.pop(nama)
        assert nilai[0] == "'unsafe-hashes'" and len(nilai) == 1 + jumlah_hash
        assert all(re.fullmatch(r"'sha256-[A-Za-z0-9+/]{43}='", h) for h in nilai[1:]), nilai
    assert arahan == {}, "directives the policy should not have"


def _temuan_inline(html):
    return [label for pola, label in INLINE if pola.search(html)]


def test_login_page_carries_the_policy(client, db):
    respons = client.get("/masuk/")
    assert respons.status_code == 200
    _periksa_kebijakan(respons["Content-Security-Policy"])


def test_application_pages_carry_the_policy_and_need_nothing_it_refuses(masuk_sebagai, kadis, perencanaan):
    from capaian.demo import muat_realisasi, muat_skala

    muat_skala()
    muat_realisasi()
    client = masuk_sebagai(kadis)
    for jalur in [
        "/",
        "/anggaran/realisasi/2024/",
        "/perjanjian/2024/",
        "/capaian/lkjip/2024/",
        "/organisasi/",
    ]:
        respons = client.get(jalur)
        assert respons.status_code == 200, jalur
        _periksa_kebijakan(respons["Content-Security-Policy"])
        html = respons.content.decode()
        assert _temuan_inline(html) == [], jalur
        assert (
            '<meta name="htmx-config" content=\'{"includeIndicatorStyles":false,"allowEval":false}\'>' in html
        )
    # Predikat colours come from the scale in the database, as data for sakip.js rather than style.
    html = client.get("/").content.decode()
    assert re.search(r'<span class="predikat" data-warna="#[0-9a-f]{6}">', html)
    assert '<span class="predikat tercapai">' in html


def test_admin_pages_carry_the_policy(masuk_sebagai, admin):
    for jalur in ["/admin/", "/admin/perjanjian/indikator/", "/admin/perjanjian/indikator/export/"]:
        respons = masuk_sebagai(admin).get(jalur)
        assert respons.status_code == 200, jalur
        _periksa_kebijakan(respons["Content-Security-Policy"])


def test_a_file_download_carries_it_too(masuk_sebagai, kadis):
    from anggaran.demo import muat_anggaran

    muat_anggaran()
    respons = masuk_sebagai(kadis).get("/anggaran/realisasi/2024/unduh.xlsx")
    assert respons.status_code == 200
    _periksa_kebijakan(respons["Content-Security-Policy"])


SKRIP_PRODUKSI = """
from django.test import Client, override_settings
# Production serves static files from collectstatic's manifest; the policy does not depend on it.
statis = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
with override_settings(STORAGES={"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
                                 "staticfiles": statis}):
    respons = Client().get("/masuk/", secure=True)
print(respons.status_code)
print(respons["Content-Security-Policy"])
"""


def test_production_settings_send_the_same_policy():
    hasil = _manage(
        "shell", "--no-imports", "-c", SKRIP_PRODUKSI, DEBUG="0", SECRET_KEY=KUNCI, ALLOWED_HOSTS="testserver"
    )
    status, header = hasil.stdout.strip().splitlines()[-2:]
    assert status == "200", hasil.stderr
    _periksa_kebijakan(header)


def _templat_halaman():
    # templates/pdf/ is read by WeasyPrint, never by a browser: the policy does not apply there.
    return sorted(
        str(p.relative_to(TEMPLATES))
        for p in TEMPLATES.rglob("*.html")
        if p.relative_to(TEMPLATES).parts[0] != "pdf"
    )


@pytest.mark.parametrize("nama", _templat_halaman())
def test_template_has_no_inline_script_handler_or_style(nama):
    assert _temuan_inline((TEMPLATES / nama).read_text()) == []


def test_the_allowed_attribute_hashes_are_exactly_the_admin_templates_attributes(settings):
    """An upgrade of django-import-export or simple-history that rewrites these attributes shows here
    (the browser would refuse them again), and no hash allows anything else."""
    import base64
    import hashlib

    from django.template.loader import get_template

    atribut = {
        "script-src-attr": {"admin/import_export/export.html": ['onchange="onSelectToggleChange(event)"']},
        "style-src-attr": {
            "admin/import_export/export.html": ['style="padding: 0;"', 'style="font-weight: bold;"'],
            "simple_history/object_history_list.html": ['style="border-top: 0"'],
        },
    }
    arahan = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    for nama, per_templat in atribut.items():
        harapan = set()
        for templat, daftar in per_templat.items():
            sumber = Path(get_template(templat).origin.name).read_text()
            for teks in daftar:
                assert teks in sumber, (templat, teks)
                nilai = teks.split("=", 1)[1].strip('"')
                harapan.add(f"'sha256-{base64.b64encode(hashlib.sha256(nilai.encode()).digest()).decode()}'")
        assert set(arahan[nama][1:]) == harapan, nama
