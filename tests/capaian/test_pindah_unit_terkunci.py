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


def test_nothing_moves_into_a_unit_whose_periods_are_approved(realisasi_2024):
    """The move would add entries to the receiving unit's approved quarter or month."""
    from anggaran.demo import setujui_semua_bulan

    setujui_semua_bulan()
    jabatan = Jabatan.objects.get(nama="Pengantar Kerja Ahli Muda")
    Pengajuan.objects.filter(unit_kerja=jabatan.unit_kerja).update(status=Pengajuan.Status.DIKEMBALIKAN)
    tujuan = UnitKerja.objects.get(nama="Bidang Transmigrasi")
    assert Pengajuan.objects.filter(unit_kerja=tujuan, jenis="kinerja", status="disetujui").exists()
    jabatan.unit_kerja = tujuan
    with pytest.raises(ValidationError, match="di unit tujuan"):
        jabatan.save()
    a = (
        AnggaranSubKegiatan.objects.filter(tahun=2024, realisasi__isnull=False)
        .exclude(unit_kerja=tujuan)
        .first()
    )
    Pengajuan.objects.filter(unit_kerja=a.unit_kerja).update(status=Pengajuan.Status.DIKEMBALIKAN)
    a.unit_kerja = tujuan
    with pytest.raises(ValidationError, match="di unit tujuan"):
        a.save()
