"""Exactly once under real concurrency: threads with their own database connections confirm the same
preview, or import the same new rows, at the same moment. PostgreSQL only (marked ``postgresql``):
SQLite serialises writers on one file lock, so it cannot show these races."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from nakertrans.demo import dinas
from nakertrans.impor import impor_berkas, periksa
from nakertrans.models import Pengguna
from perjanjian.models import Indikator

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]

BERKAS = b"nama,satuan\nIndikator Bersamaan A,orang\nIndikator Bersamaan B,dokumen\n"


def _bersamaan(kerja, jumlah):
    """Run ``kerja(i)`` in ``jumlah`` threads released together; returns each result or exception."""
    gerbang = threading.Barrier(jumlah)
    hasil = [None] * jumlah

    def jalan(i):
        from django.db import connections

        try:
            gerbang.wait()
            hasil[i] = kerja(i)
        except Exception as galat:  # what a request would have answered
            hasil[i] = galat
        finally:
            connections.close_all()

    utas = [threading.Thread(target=jalan, args=(i,)) for i in range(jumlah)]
    for u in utas:
        u.start()
    for u in utas:
        u.join(60)
    return hasil


@pytest.fixture
def dua_admin(organisasi):
    admin = Pengguna.objects.get(username="admin")
    kedua = Pengguna.objects.create_superuser("admin_kedua", password="sandi-uji-2024-kedua")
    return admin, kedua


def test_one_preview_confirmed_from_four_browsers_imports_once(dua_admin):
    admin, _ = dua_admin
    for putaran in range(3):
        _, rekaman = periksa(
            "indikator", BERKAS.replace(b"Bersamaan", f"P{putaran}".encode()), "a.csv", user=admin
        )
        hasil = _bersamaan(lambda i, t=rekaman.token: impor_berkas(t, jenis="indikator", user=admin), 4)
        berhasil = [h for h in hasil if isinstance(h, tuple)]
        ditolak = [h for h in hasil if isinstance(h, ValidationError)]
        assert (len(berhasil), len(ditolak)) == (1, 3), hasil
        assert all("sudah diimpor" in " ".join(g.messages) for g in ditolak)
        assert Indikator.objects.filter(nama__startswith=f"Indikator P{putaran}").count() == 2


def test_two_admins_importing_the_same_new_rows_make_them_once(dua_admin):
    for putaran in range(4):
        isi = BERKAS.replace(b"Bersamaan", f"R{putaran}".encode())
        rekaman = [periksa("indikator", isi, "a.csv", user=u)[1] for u in dua_admin]
        hasil = _bersamaan(
            lambda i, r=rekaman: impor_berkas(r[i].token, jenis="indikator", user=dua_admin[i]), 2
        )
        assert all(isinstance(h, tuple) and not h[0].ada_galat for h in hasil), hasil
        assert Indikator.objects.filter(nama__istartswith=f"Indikator R{putaran}").count() == 2
    # The id sequence was not set back by the concurrent imports: the next preview and insert work.
    hasil, rekaman = periksa(
        "indikator", b"nama,satuan\nIndikator Sesudahnya,orang\n", "a.csv", user=dua_admin[0]
    )
    assert not hasil.ada_galat
    impor_berkas(rekaman.token, jenis="indikator", user=dua_admin[0])
    Indikator.objects.create(instansi=dinas(), nama="Indikator Sesudahnya Lagi", satuan="orang")
    assert connection.vendor == "postgresql"
