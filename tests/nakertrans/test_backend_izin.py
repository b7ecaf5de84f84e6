"""nakertrans.auth.BackendModel: Django's ModelBackend answer, read in one query."""

import pytest
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from nakertrans.auth import BackendModel
from nakertrans.models import Pengguna


def _baru(pengguna):
    return Pengguna.objects.get(pk=pengguna.pk)  # without the permissions kept on the object


@pytest.fixture
def petugas(db):
    pengguna = Pengguna.objects.create_user("petugas", password="x")
    grup = Group.objects.create(name="Uji izin")
    grup.permissions.add(Permission.objects.get(codename="view_unitkerja"))
    pengguna.groups.add(grup)
    pengguna.user_permissions.add(Permission.objects.get(codename="lihat_semua_unit"))
    return pengguna


def test_own_and_group_permissions_in_one_query_as_model_backend_gives_them(petugas):
    pengguna = _baru(petugas)
    with CaptureQueriesContext(connection) as kueri:
        izin = BackendModel().get_all_permissions(pengguna)
    assert len(kueri.captured_queries) == 1
    assert izin == ModelBackend().get_all_permissions(_baru(petugas))
    assert {"nakertrans.view_unitkerja", "nakertrans.lihat_semua_unit"} <= izin


def test_a_permission_in_both_the_group_and_the_user_is_counted_once(petugas):
    petugas.user_permissions.add(Permission.objects.get(codename="view_unitkerja"))
    assert BackendModel().get_all_permissions(_baru(petugas)) == ModelBackend().get_all_permissions(
        _baru(petugas)
    )


def test_superuser_has_every_permission_and_an_inactive_user_none(petugas):
    petugas.is_superuser = True
    petugas.save()
    assert BackendModel().get_all_permissions(_baru(petugas)) == {
        f"{p.content_type.app_label}.{p.codename}" for p in Permission.objects.select_related("content_type")
    }
    petugas.is_superuser, petugas.is_active = False, False
    petugas.save()
    assert BackendModel().get_all_permissions(_baru(petugas)) == set()
    assert not _baru(petugas).has_perm("nakertrans.lihat_semua_unit")


def test_the_project_checks_permissions_with_it(petugas):
    pengguna = _baru(petugas)
    assert pengguna.has_perm("nakertrans.lihat_semua_unit")
    with CaptureQueriesContext(connection) as kueri:
        assert pengguna.has_perm("nakertrans.view_unitkerja")
        assert not pengguna.has_perm("nakertrans.delete_unitkerja")
    assert kueri.captured_queries == []  # kept on the user object after the first check
