"""What a unit's locked periods hold cannot move to another unit, on every path: not only in the
forms (clean), but on any save (imports, services, the shell)."""

import pytest
from django.core.exceptions import ValidationError

from anggaran.models import AnggaranSubKegiatan
from nakertrans.models import Jabatan, Pengajuan, UnitKerja


def test_a_post_with_approved_quarters_is_not_moved_by_a_plain_save(realisasi_2024):
    jabatan = Jabatan.objects.get(nama="Pengantar Kerja Ahli Muda")
    lama = jabatan.unit_kerja
    jabatan.unit_kerja = UnitKerja.objects.get(nama="Bidang Transmigrasi")
    with pytest.raises(ValidationError, match="sudah diajukan atau disetujui"):
        jabatan.save()
    assert Jabatan.objects.get(pk=jabatan.pk).unit_kerja == lama


def test_a_dpa_line_with_approved_months_is_not_moved_by_a_plain_save(realisasi_2024):
    from anggaran.demo import setujui_semua_bulan

    setujui_semua_bulan()
    a = AnggaranSubKegiatan.objects.filter(tahun=2024, realisasi__isnull=False).first()
    lama = a.unit_kerja
    a.unit_kerja = UnitKerja.objects.exclude(pk=lama.pk).filter(jenis="bidang").first()
    with pytest.raises(ValidationError, match="buka kembali bulan-bulan itu"):
        a.save()
    with pytest.raises(ValidationError, match="buka kembali bulan-bulan itu"):
        a.full_clean()
    assert AnggaranSubKegiatan.objects.get(pk=a.pk).unit_kerja == lama


def test_open_periods_let_both_move(realisasi_2024):
    Pengajuan.objects.update(status=Pengajuan.Status.DIKEMBALIKAN)
    transmigrasi = UnitKerja.objects.get(nama="Bidang Transmigrasi")
    jabatan = Jabatan.objects.get(nama="Pengantar Kerja Ahli Muda")
    jabatan.unit_kerja = transmigrasi
    jabatan.save()
    a = AnggaranSubKegiatan.objects.filter(tahun=2024, realisasi__isnull=False).first()
    a.unit_kerja = transmigrasi
    a.save()
    assert Jabatan.objects.get(pk=jabatan.pk).unit_kerja == transmigrasi
    assert AnggaranSubKegiatan.objects.get(pk=a.pk).unit_kerja == transmigrasi
