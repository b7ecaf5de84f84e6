"""A post whose quarters were approved in its unit cannot move to another unit (the lock follows the unit)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from nakertrans.models import Jabatan, Pengajuan, UnitKerja
from perjanjian.models import BarisPK


def test_a_post_with_approved_quarters_cannot_leave_its_unit(realisasi_2024):
    jabatan = Jabatan.objects.get(nama="Pengantar Kerja Ahli Muda")
    lama = jabatan.unit_kerja
    jabatan.unit_kerja = UnitKerja.objects.get(nama="Bidang Transmigrasi")
    with pytest.raises(ValidationError, match="sudah diajukan atau disetujui"):
        jabatan.full_clean()
    assert Jabatan.objects.get(pk=jabatan.pk).unit_kerja == lama


def _data_form(jabatan, unit):
    """The admin's change form of ``jabatan`` as posted with the unit changed to ``unit``."""
    return {
        "nama": jabatan.nama,
        "unit_kerja": unit.pk,
        "atasan": jabatan.atasan_id,
        "jenis": jabatan.jenis,
        "tingkat_pk": jabatan.tingkat_pk,
        "urutan": jabatan.urutan,
        "kepala_unit": "on" if jabatan.kepala_unit else "",
        "penugasan-TOTAL_FORMS": 0,
        "penugasan-INITIAL_FORMS": 0,
    }


def test_the_admin_form_refuses_the_move_with_a_message(realisasi_2024, admin, masuk_sebagai):
    jabatan = Jabatan.objects.get(nama="Pengantar Kerja Ahli Muda")
    naker = UnitKerja.objects.get(nama="Bidang Transmigrasi")
    client = masuk_sebagai(admin)
    url = f"/admin/nakertrans/jabatan/{jabatan.pk}/change/"
    respons = client.post(url, _data_form(jabatan, naker))
    assert respons.status_code == 200
    assert "sudah diajukan atau disetujui" in respons.content.decode()
    assert Jabatan.objects.get(pk=jabatan.pk).unit_kerja != naker


def test_a_post_whose_quarters_are_open_moves_with_its_lines(realisasi_2024, admin, kadis, client):
    jabatan = Jabatan.objects.get(nama="Pengantar Kerja Ahli Muda")
    naker = jabatan.unit_kerja
    trans = UnitKerja.objects.get(nama="Bidang Transmigrasi")
    # Open in both units: the lines must not enter a quarter the receiving unit has approved.
    Pengajuan.objects.filter(jenis="kinerja", unit_kerja__in=[naker, trans]).update(status="dikembalikan")
    indikator = list(
        BarisPK.objects.filter(perjanjian__jabatan=jabatan, perjanjian__tahun=2024).values_list(
            "indikator__nama", flat=True
        )
    )
    assert indikator
    client.force_login(admin)
    respons = client.post(f"/admin/nakertrans/jabatan/{jabatan.pk}/change/", _data_form(jabatan, trans))
    assert respons.status_code == 302
    assert Jabatan.objects.get(pk=jabatan.pk).unit_kerja == trans
    # Its PK lines are now the new unit's to fill in, and no longer the old unit's.
    client.force_login(kadis)

    def halaman_isian(unit):
        return client.get(reverse("capaian:isian_triwulan", args=[2024, 4, unit.pk])).content.decode()

    halaman_trans, halaman_naker = halaman_isian(trans), halaman_isian(naker)
    assert jabatan.nama in halaman_trans and jabatan.nama not in halaman_naker
    for nama in indikator:
        assert nama in halaman_trans
