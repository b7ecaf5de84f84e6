"""The page benchmark (manage.py ukur_halaman), its floor page, and the cached template loader."""

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import dj_database_url
import pytest
from django.contrib.sessions.models import Session
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from capaian.management.commands.ukur_halaman import url_basis_data
from nakertrans.models import Pengguna
from tests.conftest import BERANDA

AKAR = Path(__file__).resolve().parents[2]
BARIS_HASIL = re.compile(
    r"^halaman=(?P<halaman>[a-z_]+) klien=(?P<klien>\d+) rps=(?P<rps>\d+\.\d) p50_ms=(?P<p50>\d+) "
    r"p95_ms=(?P<p95>\d+) rasio=(?P<rasio>\d+\.\d\d) kueri=(?P<kueri>\d+)$"
)
BARIS_HALAMAN = re.compile(r"^# (?P<halaman>[a-z_]+): (?P<path>/\S*) sebagai (?P<username>\w+), \d+ kueri$")
HALAMAN = [
    "lantai",
    "isian_kinerja",
    "isian_anggaran",
    "beranda_kepala_dinas",
    "lkjip",
    "kabupaten_ringkasan_tahun",
    "kabupaten_pengisian",
    "kabupaten_iku_daerah",
    "kabupaten_kaskade",
]


@pytest.mark.parametrize("username", BERANDA)
def test_floor_page_shows_the_menu_to_every_role(organisasi, client, username):
    client.force_login(Pengguna.objects.get(username=username))
    respons = client.get(reverse("halaman_dasar"))
    assert respons.status_code == 200
    halaman = respons.content.decode()
    assert "<h1>Halaman dasar</h1>" in halaman
    assert '<nav class="menu" aria-label="Menu utama">' in halaman
    assert f'href="{reverse("beranda")}">Beranda</a>' in halaman


def test_floor_page_sends_anonymous_visitor_to_login(client, organisasi):
    respons = client.get(reverse("halaman_dasar"))
    assert respons.status_code == 302
    assert respons.url.startswith(reverse("masuk"))


def test_templates_are_cached_with_debug_off():
    kode = (
        "from django.template import engines; e = engines['django'].engine; "
        "print(e.debug, [type(l).__module__ for l in e.template_loaders], "
        "[type(l).__module__ for l in e.template_loaders[0].loaders])"
    )
    dibuang = {"DEBUG", "DATABASE_URL", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in dibuang}
    env.update(DEBUG="0", SECRET_KEY="uji-" + "k3y-p4nj4ng-acak-" * 4)
    hasil = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", kode],
        cwd=AKAR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert hasil.stdout.strip() == (
        "False ['django.template.loaders.cached'] "
        "['django.template.loaders.filesystem', 'django.template.loaders.app_directories']"
    ), hasil.stderr


def test_refuses_without_the_demo_users(db):
    with pytest.raises(CommandError, match="Data demo belum dimuat: pengguna «operator_naker»"):
        call_command("ukur_halaman")


def test_refuses_without_the_demo_year(organisasi):
    with pytest.raises(CommandError, match="Tidak ada Perjanjian Kinerja tahun 2024; jalankan"):
        call_command("ukur_halaman")


def test_gunicorn_gets_the_database_of_the_command():
    db = {"NAME": "uji/sakip", "USER": "po@st", "PASSWORD": "p:w/#", "HOST": "/run/postgresql", "PORT": 5433}
    dibaca = dj_database_url.parse(url_basis_data("postgresql", {**db, "OPTIONS": {"sslmode": "require"}}))
    assert {k: dibaca[k] for k in db} == db
    assert dibaca["OPTIONS"] == {"sslmode": "require"}
    assert dj_database_url.parse(url_basis_data("sqlite", {"NAME": "/tmp/uji.sqlite3"}))["NAME"] == (
        "/tmp/uji.sqlite3"
    )
    with pytest.raises(CommandError, match="SQLite di memori"):
        url_basis_data("sqlite", {"NAME": ":memory:"})


def _kueri_halaman(client, username, path):
    client.force_login(Pengguna.objects.get(username=username))
    assert client.get(path).status_code == 200
    with CaptureQueriesContext(connection) as kueri:
        assert client.get(path).status_code == 200
    return len(kueri.captured_queries)


def test_measures_the_pages_at_three_concurrencies_on_its_own_gunicorn(transactional_db, perencanaan, client):
    sesi_sebelum = Session.objects.count()
    keluaran = io.StringIO()
    call_command("ukur_halaman", "--durasi", "0.1", "--putaran", "1", stdout=keluaran)
    baris = keluaran.getvalue().splitlines()

    hasil = [m.groupdict() for m in map(BARIS_HASIL.match, baris) if m]
    # The result lines come last, one per page and concurrency, nothing between them.
    assert baris[-len(hasil) :] == [b for b in baris if BARIS_HASIL.match(b)]
    assert [(h["halaman"], int(h["klien"])) for h in hasil] == [(n, k) for k in (1, 5, 20) for n in HALAMAN]
    assert all(float(h["rps"]) > 0 and int(h["p50"]) <= int(h["p95"]) for h in hasil)
    assert {h["rasio"] for h in hasil if h["halaman"] == "lantai"} == {"1.00"}
    assert any(b.startswith("# gunicorn 3 pekerja sync, DEBUG mati, 127.0.0.1:") for b in baris)

    halaman = {m["halaman"]: m for m in map(BARIS_HALAMAN.match, baris) if m}
    assert list(halaman) == HALAMAN
    assert halaman["lantai"]["path"] == reverse("halaman_dasar")
    assert halaman["beranda_kepala_dinas"]["username"] == "kadis"
    assert halaman["isian_kinerja"]["username"] == "operator_naker"
    assert halaman["kabupaten_pengisian"]["username"] == "bappeda"
    # The benchmark's sessions are gone with it.
    assert Session.objects.count() == sesi_sebelum
    nyata = {n: _kueri_halaman(client, m["username"], m["path"]) for n, m in halaman.items()}
    assert {h["halaman"]: int(h["kueri"]) for h in hasil} == nyata
