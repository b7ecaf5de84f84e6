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


@pytest.fixture
def opd_kedua(perencanaan):
    """A second office of Kabupaten Bungo beside the Dinas: a head, one bidang, its logins, a Renstra,
    an indicator named like one of the Dinas's, a final 2024 PK and a DPA line with the same sub
    kegiatan code as one of the Dinas's (two kecamatan run the same codes)."""
    opd = Instansi.objects.create(
        pemerintah_daerah=dinas().pemerintah_daerah, kode=KODE, nama="Dinas Kesehatan Uji", kota="Muara Bungo"
    )
    induk = UnitKerja.objects.create(instansi=opd, nama="Dinas Kesehatan Uji", jenis="dinas")
    bidang = UnitKerja.objects.create(instansi=opd, nama="Bidang Pelayanan", jenis="bidang", induk=induk)
    kepala = Jabatan.objects.create(
        nama="Kepala Dinas Kesehatan", unit_kerja=induk, jenis="struktural", tingkat_pk=1, kepala_unit=True
    )
    jabatan = Jabatan.objects.create(
        nama="Kepala Bidang Pelayanan", unit_kerja=bidang, jenis="struktural", atasan=kepala, tingkat_pk=2
    )
    Renstra.objects.create(
        instansi=opd, nama="Renstra Dinkes", tahun_awal=2021, tahun_akhir=2026, visi="Sehat"
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
        "baris": baris,
        "dpa": dpa,
        "indikator": indikator,
        "admin": buat_pengguna("admin_dinkes", ADMIN_OPD, opd),
        "operator": buat_pengguna("operator_dinkes", OPERATOR, opd, [bidang]),
        "kepala": buat_pengguna("kepala_dinkes", KEPALA_OPD, opd),
    }
