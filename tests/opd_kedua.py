"""A second perangkat daerah of Kabupaten Bungo beside the Dinas, for the tests of what one office's
users reach of another's (the fixture ``opd_kedua``, offered by tests/conftest.py)."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group

from anggaran.models import AnggaranSubKegiatan
from nakertrans.demo import dinas
from nakertrans.models import Instansi, Jabatan, Pengguna, UnitKerja
from nakertrans.peran import ADMIN_OPD, KEPALA_OPD, OPERATOR
from perjanjian.models import BarisPK, Indikator, PerjanjianKinerja, Renstra
from tests.conftest import PASSWORD

KODE = "dinkes-uji"
TANGGAL = datetime.date(2024, 1, 2)


def buat_pengguna(username, grup, opd, unit=()):
    """A login of ``opd`` (None: of the kabupaten) with the one role ``grup``."""
    pengguna = Pengguna.objects.create_user(
        username, password=PASSWORD, is_staff=grup == ADMIN_OPD, instansi=opd
    )
    pengguna.groups.add(Group.objects.get(name=grup))
    pengguna.unit_kerja.set(unit)
    return pengguna


def buat_opd(kode, nama):
    """An office of Kabupaten Bungo beside the Dinas: a head and one bidang with their 2024 PKs (the
    head's line on an indicator of the office's, the bidang's on one named like one of the Dinas's),
    a Renstra, a DPA line with the same sub kegiatan code as one of the Dinas's (two kecamatan run the
    same codes) and its Admin OPD, operator and Kepala OPD (logins admin_<kode> ...)."""
    opd = Instansi.objects.create(
        pemerintah_daerah=dinas().pemerintah_daerah, kode=kode, nama=nama, kota="Muara Bungo"
    )
    induk = UnitKerja.objects.create(instansi=opd, nama=nama, jenis="dinas")
    bidang = UnitKerja.objects.create(instansi=opd, nama="Bidang Pelayanan", jenis="bidang", induk=induk)
    kepala = Jabatan.objects.create(
        nama=f"Kepala {nama}", unit_kerja=induk, jenis="struktural", tingkat_pk=1, kepala_unit=True
    )
    jabatan = Jabatan.objects.create(
        nama="Kepala Bidang Pelayanan", unit_kerja=bidang, jenis="struktural", atasan=kepala, tingkat_pk=2
    )
    Renstra.objects.create(
        instansi=opd, nama=f"Renstra {nama}", tahun_awal=2021, tahun_akhir=2026, visi="Sehat"
    )
    utama = Indikator.objects.create(instansi=opd, nama=f"Indeks layanan {nama}", satuan="indeks", desimal=2)
    pk_kepala = PerjanjianKinerja.objects.create(tahun=2024, jabatan=kepala, status="final", tanggal=TANGGAL)
    BarisPK.objects.create(
        perjanjian=pk_kepala, urutan=1, sasaran="Sasaran utama", indikator=utama, target_angka=80
    )
    # The same name as the Dinas's indicator: each office has its own.
    nama_sama = Indikator.objects.filter(instansi=dinas()).order_by("pk").first().nama
    indikator = Indikator.objects.create(instansi=opd, nama=nama_sama, satuan="orang", desimal=0)
    pk = PerjanjianKinerja.objects.create(tahun=2024, jabatan=jabatan, status="final", tanggal=TANGGAL)
    baris = BarisPK.objects.create(
        perjanjian=pk, urutan=1, sasaran="Sasaran uji", indikator=indikator, target_angka=10
    )
    sub = AnggaranSubKegiatan.objects.filter(instansi=dinas(), tahun=2024).order_by("pk").first().sub_kegiatan
    dpa = AnggaranSubKegiatan.objects.create(
        tahun=2024, sub_kegiatan=sub, unit_kerja=bidang, indikator="Dokumen", target=1, satuan="dokumen",
        pagu_murni=Decimal(1000000),
    )  # fmt: skip
    return {
        "opd": opd,
        "bidang": bidang,
        "pk": pk,
        "pk_kepala": pk_kepala,
        "baris": baris,
        "dpa": dpa,
        "indikator": indikator,
        "admin": buat_pengguna(f"admin_{kode}", ADMIN_OPD, opd),
        "operator": buat_pengguna(f"operator_{kode}", OPERATOR, opd, [bidang]),
        "kepala": buat_pengguna(f"kepala_{kode}", KEPALA_OPD, opd),
    }


@pytest.fixture
def opd_kedua(perencanaan):
    """A second office beside the Dinas (buat_opd): Dinas Kesehatan Uji, kode «dinkes-uji»."""
    return buat_opd(KODE, "Dinas Kesehatan Uji")
