import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.test.utils import override_settings

from nakertrans.models import Jabatan, Pengguna, UnitKerja
from tests.conftest import PASSWORD, transaksi_modul

pytestmark = pytest.mark.django_db

LOGIN_PERAN = {
    "admin": "Admin OPD",
    "operator_naker": "Operator",
    "operator_trans": "Operator",
    "operator_sekretariat": "Operator",
    "operator_blk": "Operator",
    "kabid_naker": "Kepala Unit",
    "kadis": "Kepala OPD",
    "admin_kabupaten": "Admin Kabupaten",
    "bappeda": "Bappeda",
    "inspektorat": "Inspektorat",
    "bupati": "Pimpinan",
}


SANDI = "rahasia-demo"


@pytest.fixture(scope="module")
def _dimuat_modul(django_db_setup, django_db_blocker):
    with transaksi_modul(django_db_blocker), override_settings(DEBUG=True):
        call_command("muat_demo", "--password", SANDI)
        yield


@pytest.fixture
def dimuat(_dimuat_modul, db, settings):
    """``muat_demo --password rahasia-demo`` run once for the module (on an empty database); each test
    in a savepoint of it, with DEBUG on."""
    settings.DEBUG = True


def _jumlah_baris():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_refuses_with_debug_off_unless_forced(settings):
    assert not Pengguna.objects.exists()
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG tidak aktif"):
        call_command("muat_demo", "--password", PASSWORD)
    assert not Pengguna.objects.exists()
    call_command("muat_demo", "--password", PASSWORD, "--force")
    assert Pengguna.objects.filter(username="kadis").exists()


def test_running_twice_changes_no_row_count(dimuat):
    pertama = _jumlah_baris()
    call_command("muat_demo", "--password", SANDI)
    assert _jumlah_baris() == pertama
    assert pertama["nakertrans.UnitKerja"] == 7 + 2 * 2  # the Dinas, and two example offices of two units


def test_loads_every_unit_and_every_pk_signing_post(dimuat):
    assert set(UnitKerja.objects.filter(instansi__kode="disnakertrans").values_list("nama", flat=True)) == {
        "Dinas Tenaga Kerja dan Transmigrasi",
        "Sekretariat",
        "Subbagian Umum dan Kepegawaian",
        "Bidang Ketenagakerjaan",
        "Bidang Transmigrasi",
        "UPTD Balai Latihan Kerja",
        "Kelompok Jabatan Fungsional",
    }
    # 12 posts sign a PK in the seed's BAB II; each has an official.
    penandatangan = Jabatan.objects.filter(
        unit_kerja__instansi__kode="disnakertrans", tingkat_pk__isnull=False
    )
    assert penandatangan.count() == 12
    assert all(jabatan.penugasan.exists() for jabatan in penandatangan)


def test_every_demo_login_works_with_the_given_password_and_has_its_role(dimuat):
    for username, grup in LOGIN_PERAN.items():
        pengguna = Pengguna.objects.get(username=username)
        assert pengguna.check_password(SANDI), username
        assert list(pengguna.groups.values_list("name", flat=True)) == [grup]
    assert not Pengguna.objects.filter(is_superuser=True).exists()


def test_default_password_is_the_documented_one(dimuat):
    assert not Pengguna.objects.get(username="kadis").check_password("sakip2024")
    call_command("muat_demo")
    assert Pengguna.objects.get(username="kadis").check_password("sakip2024")
