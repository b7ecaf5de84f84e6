"""Shared personas: the demo organisation of the seed, and one login per role."""

import pytest

from nakertrans.demo import muat_organisasi
from nakertrans.models import Pengguna

PASSWORD = "sandi-uji-2024"

# Each demo login and the heading of the home page its role lands on.
BERANDA = {
    "admin": "Beranda Admin (Perencana)",
    "kadis": "Beranda Kepala Dinas",
    "kabid_naker": "Beranda Kepala Unit",
    "operator_naker": "Beranda Operator",
    "operator_trans": "Beranda Operator",
    "operator_sekretariat": "Beranda Operator",
    "operator_blk": "Beranda Operator",
    "inspektorat": "Beranda Inspektorat",
}


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """On SQLite the test database is a file, as the application's own database is. Django's default
    in-memory test database shares one cache between connections with table locks that do not wait, so
    the LKjIP's background thread and the live server's requests would fail on each other
    («database table is locked»); a file waits for its lock as a deployed database does."""
    from django.conf import settings

    db = settings.DATABASES["default"]
    if db["ENGINE"] == "django.db.backends.sqlite3":
        db.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("db") / "uji.sqlite3")


@pytest.fixture(autouse=True)
def _hasher_cepat(settings):
    # PBKDF2 makes every login in a test take a third of a second; the hasher is not under test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def organisasi(db):
    muat_organisasi(password=PASSWORD)


def _persona(username):
    return Pengguna.objects.get(username=username)


@pytest.fixture
def admin(organisasi):
    return _persona("admin")


@pytest.fixture
def operator_naker(organisasi):
    return _persona("operator_naker")


@pytest.fixture
def operator_trans(organisasi):
    return _persona("operator_trans")


@pytest.fixture
def kabid_naker(organisasi):
    return _persona("kabid_naker")


@pytest.fixture
def kadis(organisasi):
    return _persona("kadis")


@pytest.fixture
def inspektorat(organisasi):
    return _persona("inspektorat")


@pytest.fixture
def perencanaan(organisasi):
    """The seed's organisation, 2024 budget, Renstra, IKU and the twelve PKs of 2024."""
    from anggaran.demo import muat_anggaran
    from perjanjian.demo import muat_perencanaan

    muat_anggaran()
    return muat_perencanaan()


@pytest.fixture
def masuk_sebagai(client):
    """Log the test client in as a persona (force_login: throttling is tested separately)."""

    def masuk(pengguna):
        client.force_login(pengguna)
        return client

    return masuk


def pytest_collection_modifyitems(config, items):
    """Tests marked ``postgresql`` show races that only a database with row locks can show, and tests
    marked ``sqlite`` show what only SQLite lets happen (a value wider than its column stored); each is
    deselected on the other database (not skipped: CI runs the suite on both, so every test runs)."""
    from django.conf import settings

    postgres = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    lain = "sqlite" if postgres else "postgresql"
    keluar = [item for item in items if item.get_closest_marker(lain)]
    if keluar:
        config.hook.pytest_deselected(items=keluar)
        items[:] = [item for item in items if not item.get_closest_marker(lain)]
