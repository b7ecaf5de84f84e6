"""The per-line history page: each change once, in the indicator's decimals, by the person's name."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from capaian.riwayat import riwayat_baris
from capaian.services import simpan_realisasi_kinerja
from nakertrans.demo import KABID_NAKER
from nakertrans.models import Pegawai
from perjanjian.models import BarisPK


@pytest.fixture
def baris(perencanaan):
    """Kepala Bidang Ketenagakerjaan's first line: a percentage with 2 decimals, filled by operator_naker."""
    return BarisPK.objects.select_related("indikator").get(
        perjanjian__tahun=2024, perjanjian__jabatan__nama=KABID_NAKER, urutan=1
    )


@pytest.fixture
def operator_bernama(operator_naker):
    operator_naker.pegawai = Pegawai.objects.create(nama="Sari Operator", gelar_belakang="S.Kom.")
    operator_naker.save(update_fields=["pegawai"])
    return operator_naker


def _simpan_tiga_kali(user, baris, triwulan=1):
    for versi, nilai in enumerate(["35,5", "40", "41,25"]):
        simpan_realisasi_kinerja(
            user=user, baris=baris, triwulan=triwulan, realisasi=nilai, versi_dimuat=versi or None
        )


def _realisasi(perubahan, triwulan=1):
    return [p for p in perubahan if p.apa == f"TW {triwulan}: realisasi"]


def test_three_saves_are_three_entries_with_values_and_names(baris, operator_bernama):
    _simpan_tiga_kali(operator_bernama, baris)
    entri = _realisasi(riwayat_baris(baris))
    assert [(p.lama_tampil, p.baru_tampil) for p in entri] == [
        ("40", "41,25"),
        ("35,5", "40"),
        (None, "35,5"),
    ]
    assert {p.oleh_tampil for p in entri} == {"Sari Operator, S.Kom."}


def test_the_page_lists_each_change_once(baris, operator_bernama, masuk_sebagai, kadis):
    _simpan_tiga_kali(operator_bernama, baris)
    halaman = masuk_sebagai(kadis).get(reverse("capaian:riwayat_baris", args=[baris.pk])).content.decode()
    assert halaman.count("TW 1: realisasi") == 3
    assert "<td>35,5</td>" in halaman and "<td>41,25</td>" in halaman and "35,5000" not in halaman
    assert halaman.count("Sari Operator, S.Kom.") == 3 and "operator_naker" not in halaman


def test_a_login_without_pegawai_is_shown_by_username(baris, operator_naker):
    _simpan_tiga_kali(operator_naker, baris)
    assert {p.oleh_tampil for p in _realisasi(riwayat_baris(baris))} == {"operator_naker"}


def test_query_count_does_not_grow_with_changes(baris, operator_bernama, masuk_sebagai, kadis):
    client = masuk_sebagai(kadis)
    url = reverse("capaian:riwayat_baris", args=[baris.pk])
    simpan_realisasi_kinerja(user=operator_bernama, baris=baris, triwulan=1, realisasi="10")

    def hitung():
        with CaptureQueriesContext(connection) as q:
            respons = client.get(url)
        return len(respons.context["perubahan"]), len(q)

    sedikit = hitung()
    _simpan_tiga_kali(operator_bernama, baris, triwulan=2)
    _simpan_tiga_kali(operator_bernama, baris, triwulan=3)
    banyak = hitung()
    assert banyak[0] == sedikit[0] + 6 and banyak[1] == sedikit[1]
