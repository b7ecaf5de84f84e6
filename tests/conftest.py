"""Shared personas, and the demo data of the seed built once per session in levels.

The demo year comes in levels, each on top of the one before: ``organisasi`` (the organisation and its
logins), ``anggaran_2024`` (the 2024 DPA), ``perencanaan`` (Renstra, IKU and the twelve PKs of 2024),
``realisasi_2024`` (the year's realisasi and the predikat scales), ``renja_2024`` (the indicators of
program, kegiatan and sub kegiatan with their realisasi, every month of the budget approved) and
``siap_terbit`` (that year made publishable, tests/capaian/siap_terbit.py). A test asks for a level
through its fixture, or through a persona, which asks for ``organisasi``. The data of that level, and
nothing above it, is committed before the test's transaction opens and stays for the next test of the
same level, each test rolling back what it changed: the demo year is built a few times per session
instead of once per test. The database tests run ordered by level so that it is built once per level, but
the order only saves time: a test that needs less than what is committed gets the database emptied and
rebuilt to its level first (a single file or ``-k`` gets the same data as the whole suite).

Transactional tests (``transaction=True``, ``transactional_db``, ``live_server``) get their level
committed in the same way; pytest-django empties the database after each of them, as before.
"""

from contextlib import contextmanager

import pytest
from django.db import DEFAULT_DB_ALIAS, connection, transaction
from django.test.utils import override_settings
from pytest_django.fixtures import validate_django_db

from nakertrans.demo import muat_organisasi
from nakertrans.models import Pengguna

PASSWORD = "sandi-uji-2024"

# PBKDF2 makes every login in a test take a third of a second; the hasher is not under test.
HASHER_CEPAT = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Each demo login and the heading of the home page its role lands on.
BERANDA = {
    "admin": "Beranda Admin OPD (Perencana)",
    "kadis": "Beranda Kepala OPD",
    "kabid_naker": "Beranda Kepala Unit",
    "operator_naker": "Beranda Operator",
    "operator_trans": "Beranda Operator",
    "operator_sekretariat": "Beranda Operator",
    "operator_blk": "Beranda Operator",
    "admin_kabupaten": "Beranda Admin Kabupaten (Bagian Organisasi)",
    "bappeda": "Beranda Bappeda",
    "inspektorat": "Beranda Inspektorat",
    "bupati": "Beranda Pimpinan (Bupati, Sekda)",
}


def _muat_anggaran():
    from anggaran.demo import muat_anggaran

    muat_anggaran()


def _muat_perencanaan():
    from perjanjian.demo import muat_perencanaan

    muat_perencanaan()


def _muat_realisasi():
    from capaian.demo import muat_realisasi, muat_skala

    muat_skala()
    muat_realisasi()


def _muat_renja():
    from anggaran.demo import setujui_semua_bulan
    from capaian.demo_renja import muat_renja

    # As muat_demo: the form reads approved months only.
    setujui_semua_bulan()
    muat_renja()


def _siap_terbit():
    from tests.capaian.siap_terbit import jadikan_siap_terbit

    jadikan_siap_terbit(Pengguna.objects.get(username="kadis"))


# The levels by the name of their fixture, lowest first, each with what it adds to the one before.
TINGKAT = {
    "organisasi": lambda: muat_organisasi(password=PASSWORD),
    "anggaran_2024": _muat_anggaran,
    "perencanaan": _muat_perencanaan,
    "realisasi_2024": _muat_realisasi,
    "renja_2024": _muat_renja,
    "siap_terbit": _siap_terbit,
}
NAMA_TINGKAT = list(TINGKAT)


class _Tersimpan:
    """How many levels are committed in the test database (0: none, the database as migrated)."""

    tingkat = 0
    blocker = None


def tingkat_uji(item):
    """The level a test asks for: the highest level fixture among all the fixtures it uses."""
    return max((NAMA_TINGKAT.index(nama) + 1 for nama in item.fixturenames if nama in TINGKAT), default=0)


def _pakai_db(item):
    """Whether a test uses the test database (a module's fixture may use it for a test without the mark)."""
    return item.get_closest_marker("django_db") is not None or "django_db_setup" in item.fixturenames


def _transaksional(item):
    """Whether pytest-django runs the test outside a transaction, and so empties the database after it."""
    penanda = item.get_closest_marker("django_db")
    if penanda is not None:
        transaksi, reset_sequences, *_ = validate_django_db(penanda)
        if transaksi or reset_sequences:
            return True
    return bool({"transactional_db", "live_server", "django_db_reset_sequences"} & set(item.fixturenames))


def _kosongkan():
    """Empty the database as pytest-django does after a transactional test (the roles come back with
    post_migrate)."""
    from django.core.management import call_command

    call_command("flush", verbosity=0, interactive=False, database=DEFAULT_DB_ALIAS)
    _Tersimpan.tingkat = 0


def _simpan_sampai(tingkat):
    """Commit the levels up to ``tingkat`` on top of those committed."""
    # The loader hashes the personas' password; it must be the hasher the tests log in with.
    with override_settings(PASSWORD_HASHERS=HASHER_CEPAT), transaction.atomic():
        for nama in NAMA_TINGKAT[_Tersimpan.tingkat : tingkat]:
            TINGKAT[nama]()
    _Tersimpan.tingkat = tingkat


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
        # The test database is thrown away after the session, so a commit need not wait for the disk
        # (fsync); locking and transactions are unchanged. Commits are what the transactional tests,
        # the browser tests' live server and the migrations spend most of their time on.
        db.setdefault("OPTIONS", {})["init_command"] = "PRAGMA synchronous=OFF"
    elif db["ENGINE"] == "django.db.backends.postgresql":
        # The same for PostgreSQL: a commit returns before its WAL reaches the disk (locks unchanged).
        db.setdefault("OPTIONS", {}).setdefault("options", "-c synchronous_commit=off")


@pytest.fixture(scope="session")
def _demo_sesi(django_db_setup, django_db_blocker, django_db_keepdb):
    _Tersimpan.blocker = django_db_blocker
    if django_db_keepdb:
        # A kept database may hold what an earlier session committed; it is left empty as well.
        with django_db_blocker.unblock():
            _kosongkan()
    yield
    if django_db_keepdb and _Tersimpan.tingkat:
        with django_db_blocker.unblock():
            _kosongkan()


@pytest.fixture
def _data_demo(request, _demo_sesi, django_db_blocker):
    perlu = tingkat_uji(request.node)
    if _Tersimpan.tingkat != perlu:
        if connection.in_atomic_block:
            pytest.fail(
                f"{request.node.nodeid} meminta data demo tingkat {perlu} di dalam transaksi yang sudah "
                "terbuka (fixture modul dengan transaksinya sendiri): data demo disimpan di luarnya."
            )
        with django_db_blocker.unblock():
            if _Tersimpan.tingkat > perlu:
                _kosongkan()
            _simpan_sampai(perlu)
    yield
    if _transaksional(request.node):
        _Tersimpan.tingkat = 0  # pytest-django has emptied the database


@pytest.fixture
def _django_db_helper(_data_demo, _django_db_helper):
    """pytest-django's fixture that opens each database test's transaction (or empties the database
    after a transactional test), preceded by committing the level of demo data the test asks for: the
    data must be there before the transaction opens, whichever fixture or mark asked for the database."""
    return _django_db_helper


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Before any fixture of a test that uses the database: data committed above the level the test
    asks for is removed. A module's fixture may build its own data in a transaction left open for the
    module's tests (tests/test_berkas_rusak.py), so this must happen before the module's fixtures."""
    if _pakai_db(item) and _Tersimpan.tingkat > tingkat_uji(item):
        with _Tersimpan.blocker.unblock():
            _kosongkan()


@contextmanager
def transaksi_modul(django_db_blocker):
    """For a module fixture that builds its own data for all the module's tests: a transaction opened
    around the block and rolled back after the module, each test's own (pytest-django's ``db``) a
    savepoint inside it. The personas' password is hashed with the tests' hasher."""
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=HASHER_CEPAT):
        atom = transaction.atomic()
        atom.__enter__()
        try:
            yield
        finally:
            transaction.set_rollback(True)
            atom.__exit__(None, None, None)


def tersedia(nama):
    """A level fixture's check that its data is committed (the conftest's wiring still holds)."""
    tingkat = NAMA_TINGKAT.index(nama) + 1
    assert _Tersimpan.tingkat >= tingkat, f"data demo «{nama}» belum disimpan (tingkat {_Tersimpan.tingkat})"


@pytest.fixture(autouse=True)
def _hasher_cepat(settings):
    settings.PASSWORD_HASHERS = HASHER_CEPAT


@pytest.fixture(autouse=True)
def _tugas_langsung(settings):
    """Background tasks (nakertrans.latar) run at once, in the caller's thread and transaction, so a
    test sees their outcome; the tests of the queue itself ask for ``antrean_db``."""
    settings.TASKS = {
        alias: {**tugas, "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
        for alias, tugas in settings.TASKS.items()
    }


@pytest.fixture
def antrean_db(settings, _tugas_langsung):
    """The database queue of the installation: a queued task waits for a worker."""
    from nakertrans import settings as asli

    settings.TASKS = asli.TASKS


@pytest.fixture
def pekerja_antrean(antrean_db):
    """Start, once the test's data is written, a worker of the database queue (django-tasks-db's own, as
    ``manage.py db_worker`` runs it) in a thread of the test process on the test database; stopped
    after the test. (Started while a test still writes its data, SQLite's locks would refuse one of
    them.)"""
    import threading

    from django.db import connection as koneksi
    from django_tasks_db.management.commands.db_worker import Worker

    pekerja = Worker(
        queue_names=["*"], interval=0.1, batch=False, backend_name="default", startup_delay=False,
        max_tasks=None, worker_id="pekerja-uji", excluded_queue_names=[],
    )  # fmt: skip
    utas = []

    def jalan():
        try:
            pekerja.run()
        finally:
            koneksi.close()

    def mulai():
        utas.append(threading.Thread(target=jalan, name="pekerja-antrean-uji", daemon=True))
        utas[0].start()

    yield mulai
    pekerja.running = False
    for u in utas:
        u.join(timeout=60)


@pytest.fixture
def organisasi(db):
    """The seed's organisation and the personas' logins (password PASSWORD)."""
    tersedia("organisasi")


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
def admin_kabupaten(organisasi):
    return _persona("admin_kabupaten")


@pytest.fixture
def bappeda(organisasi):
    return _persona("bappeda")


@pytest.fixture
def bupati(organisasi):
    return _persona("bupati")


@pytest.fixture
def perencanaan(organisasi):
    """The seed's organisation, 2024 budget, Renstra, IKU and the twelve PKs of 2024."""
    tersedia("perencanaan")


@pytest.fixture
def masuk_sebagai(client):
    """Log the test client in as a persona (force_login: throttling is tested separately)."""

    def masuk(pengguna):
        client.force_login(pengguna)
        return client

    return masuk


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Tests marked ``postgresql`` show races that only a database with row locks can show, and tests
    marked ``sqlite`` show what only SQLite lets happen (a value wider than its column stored); each is
    deselected on the other database (not skipped: CI runs the suite on both, so every test runs).

    The tests are then ordered by the level of demo data they ask for, lowest first, so that each level
    is built once. This runs before pytest-django orders the tests (plain database tests, transactional
    ones, the others) with a stable sort, which keeps this order within each of its groups."""
    from django.conf import settings

    postgres = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    lain = "sqlite" if postgres else "postgresql"
    keluar = [item for item in items if item.get_closest_marker(lain)]
    if keluar:
        config.hook.pytest_deselected(items=keluar)
        items[:] = [item for item in items if not item.get_closest_marker(lain)]
    items.sort(key=tingkat_uji)


# Where the application calls WeasyPrint, by module and name.
PEMANGGIL_PDF = ("nakertrans.pdf", "capaian.terbitan", "capaian.management.commands.cetak_lkjip")


@pytest.fixture(scope="session", autouse=True)
def _media_sesi(tmp_path_factory):
    """Uploaded evidence and published reports go to the session's own directory: not into the
    checkout's media/, and not into the directory of another test process (make test runs two)."""
    with override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media"))):
        yield


@pytest.fixture(scope="session", autouse=True)
def _pdf_sekali():
    """WeasyPrint makes the same bytes from the same HTML (the LKjIP of the demo year, 4 s, is the
    same for a draft made by the page and by ``cetak_lkjip``, and a first publication is the same in
    every test that publishes one): each HTML is rendered once per session. A test that replaces the
    renderer (monkeypatch) still replaces this one."""
    import importlib

    from nakertrans import pdf

    tersimpan = {}
    asli = pdf.html_ke_pdf

    def html_ke_pdf(html):
        if html not in tersimpan:
            tersimpan[html] = asli(html)
        return tersimpan[html]

    modul = [importlib.import_module(nama) for nama in PEMANGGIL_PDF]
    for m in modul:
        assert m.html_ke_pdf is asli, m.__name__
        m.html_ke_pdf = html_ke_pdf
    yield
    for m in modul:
        m.html_ke_pdf = asli


# The second office of the tests across offices (tests/opd_kedua.py), for every test module.
from tests.opd_kedua import opd_kedua  # noqa: E402, F401
