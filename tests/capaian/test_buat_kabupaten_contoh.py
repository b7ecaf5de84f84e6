"""buat_kabupaten_contoh: an empty database filled with offices of the demo's size over several years,
for the benchmarks; refused on a database that holds data."""

import io

import pytest
from django.core.management import CommandError, call_command

from anggaran.models import AnggaranSubKegiatan
from capaian.queries import capaian_tahun
from nakertrans.models import Instansi, Pengajuan, Pengguna
from perjanjian.models import BarisPK, PerjanjianKinerja

pytestmark = pytest.mark.django_db


def _angka(opd, tahun):
    return [(c.baris.indikator.nama, c.target, c.realisasi, c.capaian) for c in capaian_tahun(opd, tahun)]


def test_offices_of_the_demos_size_over_the_years():
    keluaran = io.StringIO()
    call_command("buat_kabupaten_contoh", "--opd", "2", "--tahun", "2024-2025", stdout=keluaran)
    dinas, kedua = Instansi.objects.order_by("pk")
    assert (kedua.kode, kedua.nama) == ("contoh-02", "Dinas Contoh 02 [contoh]")
    for opd in (dinas, kedua):
        for tahun in (2024, 2025):
            assert PerjanjianKinerja.objects.filter(instansi=opd, tahun=tahun).count() == 12
            assert BarisPK.objects.filter(perjanjian__instansi=opd, perjanjian__tahun=tahun).count() == 24
            assert AnggaranSubKegiatan.objects.filter(instansi=opd, tahun=tahun).count() == 36
            assert (
                Pengajuan.objects.filter(unit_kerja__instansi=opd, tahun=tahun, status="disetujui").count()
                == 76  # 5 units x 12 months, 4 x 4 quarters
            )
    # A copy reads as the demo: the same capaian, from its own rows.
    assert _angka(kedua, 2025) == _angka(dinas, 2024) == _angka(kedua, 2024)
    assert ("Tingkat pengangguran terbuka", 5.88, 5.39, 108.33) in [
        (n, float(t), float(r), float(c)) for n, t, r, c in _angka(kedua, 2025) if c is not None
    ]
    assert (
        not BarisPK.objects.filter(perjanjian__instansi=kedua)
        .filter(induk__perjanjian__instansi=dinas)
        .exists()
    )
    assert Pengguna.objects.get(username="kadis_contoh-02").instansi == kedua
    assert "2 perangkat daerah x 2 tahun" in keluaran.getvalue()


def test_refused_on_a_database_with_data(organisasi):
    with pytest.raises(CommandError, match="Basis data tidak kosong"):
        call_command("buat_kabupaten_contoh", "--opd", "2")


@pytest.mark.parametrize("tahun", ["2025-2021", "2021", "2025-2026", "abcd-efgh"])
def test_a_wrong_range_of_years_is_refused_in_indonesian(tahun):
    with pytest.raises(CommandError, match="--tahun|Rentang tahun harus memuat 2024"):
        call_command("buat_kabupaten_contoh", "--tahun", tahun)
    assert not Instansi.objects.exists()
