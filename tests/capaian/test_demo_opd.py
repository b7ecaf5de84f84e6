"""The demo's two example offices beside the Dinas: their own organisation, logins, plans and DPA, all
marked [contoh], cascading to the RPJMD, and the Dinas's figures untouched."""

from capaian.demo_opd import OPD_CONTOH, muat_opd_contoh
from capaian.queries import capaian_tahun
from nakertrans.demo import dinas
from nakertrans.models import Instansi, Pengguna
from perjanjian.models import BarisPK, PerjanjianKinerja


def _angka():
    return [(c.baris.pk, c.target, c.realisasi, c.capaian) for c in capaian_tahun(dinas(), 2024)]


def test_two_example_offices_each_with_logins_plans_and_a_dpa_line(realisasi_2024):
    sebelum = _angka()
    muat_opd_contoh(password="x")
    muat_opd_contoh(password="x")  # again: nothing doubled
    assert sorted(Instansi.objects.values_list("kode", flat=True)) == [
        "dinkes",
        "disnakertrans",
        "rimbotengah",
    ]
    for c in OPD_CONTOH:
        opd = Instansi.objects.get(kode=c.kode)
        assert "[contoh]" in opd.nama
        assert set(Pengguna.objects.filter(instansi=opd).values_list("username", flat=True)) == {
            f"operator_{c.kode}",
            f"kepala_{c.kode}",
        }
        pk = PerjanjianKinerja.objects.filter(instansi=opd, tahun=2024, status="final")
        assert pk.count() == 2
        kepala = BarisPK.objects.get(perjanjian__instansi=opd, perjanjian__jabatan__tingkat_pk=1)
        assert kepala.induk.perjanjian.adalah_kepala_daerah  # the office's top line supports the RPJMD's
        assert (
            BarisPK.objects.get(perjanjian__instansi=opd, perjanjian__jabatan__tingkat_pk=2).induk == kepala
        )
        dpa = opd.unit_kerja.get(jenis="bidang").anggaran.get()
        assert dpa.instansi == opd and "[contoh]" in dpa.indikator
    assert _angka() == sebelum
