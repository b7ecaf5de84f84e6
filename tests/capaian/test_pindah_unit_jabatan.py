"""A post whose quarters were approved in its unit cannot move to another unit (the lock follows the unit)."""

import pytest
from django.core.exceptions import ValidationError

from nakertrans.models import Jabatan, Pengajuan, UnitKerja


def test_a_post_with_approved_quarters_cannot_leave_its_unit(realisasi_2024):
    jabatan = Jabatan.objects.get(nama="Pengantar Kerja Ahli Muda")
    lama = jabatan.unit_kerja
    jabatan.unit_kerja = UnitKerja.objects.get(nama="Bidang Transmigrasi")
    with pytest.raises(ValidationError, match="sudah diajukan atau disetujui"):
        jabatan.full_clean()
    assert Jabatan.objects.get(pk=jabatan.pk).unit_kerja == lama


def test_the_admin_form_refuses_the_move_with_a_message(realisasi_2024, admin, masuk_sebagai):
    jabatan = Jabatan.objects.get(nama="Pengantar Kerja Ahli Muda")
    naker = UnitKerja.objects.get(nama="Bidang Transmigrasi")
    client = masuk_sebagai(admin)
    url = f"/admin/nakertrans/jabatan/{jabatan.pk}/change/"
    data = {
        "nama": jabatan.nama,
        "unit_kerja": naker.pk,
        "atasan": jabatan.atasan_id,
        "jenis": jabatan.jenis,
        "tingkat_pk": jabatan.tingkat_pk,
        "urutan": jabatan.urutan,
        "kepala_unit": "on" if jabatan.kepala_unit else "",
        "penugasan-TOTAL_FORMS": 0,
        "penugasan-INITIAL_FORMS": 0,
    }
    respons = client.post(url, data)
    assert respons.status_code == 200
    assert "sudah diajukan atau disetujui" in respons.content.decode()
    assert Jabatan.objects.get(pk=jabatan.pk).unit_kerja != naker


def test_a_post_whose_quarters_are_open_may_move(realisasi_2024):
    jabatan = Jabatan.objects.get(nama="Pengantar Kerja Ahli Muda")
    Pengajuan.objects.filter(jenis="kinerja", unit_kerja=jabatan.unit_kerja).update(status="dikembalikan")
    jabatan.unit_kerja = UnitKerja.objects.get(nama="Bidang Transmigrasi")
    jabatan.full_clean()
