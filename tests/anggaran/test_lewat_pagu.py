"""One rule for a realisasi above its pagu, on the three paths: it stands only with a note in the month
whose realisasi took the year's total past the pagu (the month the auditor looks at)."""

from decimal import Decimal

import pytest
from django.urls import reverse

from anggaran.models import AnggaranSubKegiatan, RealisasiAnggaran
from anggaran.rollup import bulan_lewat_pagu
from capaian.pemeriksaan import periksa_lkjip
from nakertrans.demo import dinas
from tests.anggaran.test_impor import _realisasi
from tests.anggaran.test_isian import HTMX, PEMBINAAN

JUTA = Decimal(1_000_000)


def test_the_crossing_month_is_the_first_whose_running_total_passes_the_pagu():
    assert bulan_lewat_pagu(Decimal(10), [(3, Decimal(4)), (1, Decimal(4)), (2, Decimal(2))]) is None
    assert bulan_lewat_pagu(Decimal(10), [(5, Decimal(1)), (1, Decimal(6)), (2, Decimal(4))]) == 5
    assert bulan_lewat_pagu(Decimal(10), [(1, Decimal(11))]) == 1
    assert bulan_lewat_pagu(Decimal(0), []) is None


@pytest.fixture
def kosong(anggaran_2024):
    RealisasiAnggaran.objects.all().delete()
    return AnggaranSubKegiatan.objects.get(tahun=2024, sub_kegiatan__kode=PEMBINAAN)  # pagu 20.079.800


def _simpan(client, anggaran, bulan, keuangan, **isian):
    versi = RealisasiAnggaran.objects.filter(anggaran=anggaran, bulan=bulan).values_list("versi", flat=True)
    data = {"keuangan": keuangan, "fisik": "10", "catatan": "", "versi": str(versi.first() or 0), **isian}
    url = reverse("anggaran:simpan_baris", args=[2024, bulan, anggaran.pk])
    return client.post(url, data, **HTMX).content.decode()


def _simpan_langsung(anggaran, bulan, keuangan, catatan=""):
    RealisasiAnggaran.objects.create(anggaran=anggaran, bulan=bulan, keuangan=keuangan, catatan=catatan)


def test_entry_asks_for_the_note_in_the_crossing_month_only(masuk_sebagai, operator_trans, kosong):
    client = masuk_sebagai(operator_trans)
    _simpan_langsung(kosong, 1, 15 * JUTA)
    # March takes the total past the pagu: it needs the confirmation and the note.
    assert "melampaui pagu" in _simpan(client, kosong, 3, "6.000.000")
    assert not RealisasiAnggaran.objects.filter(bulan=3).exists()
    assert "Tersimpan." in _simpan(client, kosong, 3, "6.000.000", konfirmasi="1", catatan="SP2D tambahan")
    # April adds to an overrun already explained in March: no second confirmation.
    assert "Tersimpan." in _simpan(client, kosong, 4, "1.000.000")
    assert RealisasiAnggaran.objects.get(bulan=4).keuangan == JUTA


def test_entry_refuses_a_change_that_moves_the_crossing_to_a_month_without_a_note(
    masuk_sebagai, operator_trans, kosong
):
    client = masuk_sebagai(operator_trans)
    _simpan_langsung(kosong, 1, 15 * JUTA)
    _simpan_langsung(kosong, 3, 6 * JUTA, "SP2D tambahan")
    _simpan_langsung(kosong, 5, 6 * JUTA)
    # Lowering January moves the crossing from March to May, which has no note.
    halaman = _simpan(client, kosong, 1, "10.000.000")
    assert "sejak Mei" in halaman and "belum punya catatan" in halaman
    assert RealisasiAnggaran.objects.get(bulan=1).keuangan == 15 * JUTA


def test_import_wants_the_note_on_the_crossing_month_not_on_any_row(masuk_sebagai, admin, kosong):
    client = masuk_sebagai(admin)
    baris = [
        [2024, PEMBINAAN, 1, 15_000_000, 10, "", "Honor Januari"],
        [2024, PEMBINAAN, 2, 6_000_000, 20, "", ""],
    ]
    respons = _realisasi(client, baris).content.decode()
    assert "sejak bulan 2 (Februari)" in respons and "isi kolom catatan baris bulan 2" in respons
    assert not RealisasiAnggaran.objects.exists()
    baris[1][6] = "SP2D tambahan"
    pratinjau = _realisasi(client, baris)
    assert not pratinjau.context["hasil"].ada_galat
    client.post(reverse("impor_simpan"), {"token": pratinjau.context["token"], "jenis": "realisasi"})
    assert RealisasiAnggaran.objects.filter(anggaran=kosong).count() == 2


def test_import_accepts_a_note_stored_before_on_the_crossing_month(masuk_sebagai, admin, kosong):
    _simpan_langsung(kosong, 2, 6 * JUTA, "SP2D tambahan")
    pratinjau = _realisasi(masuk_sebagai(admin), [[2024, PEMBINAAN, 1, 15_000_000, 10, "", ""]])
    assert not pratinjau.context["hasil"].ada_galat


def test_the_lkjip_check_judges_the_same_month(kosong):
    _simpan_langsung(kosong, 1, 15 * JUTA, "Honor Januari")
    _simpan_langsung(kosong, 2, 6 * JUTA)
    galat = next(t for t in periksa_lkjip(dinas(), 2024).galat if t.kode == f"lebih-pagu-{kosong.pk}")
    assert "sejak Februari" in galat.pesan
    RealisasiAnggaran.objects.filter(anggaran=kosong, bulan=2).update(catatan="SP2D tambahan")
    hasil = periksa_lkjip(dinas(), 2024)
    assert f"lebih-pagu-{kosong.pk}" not in {t.kode for t in hasil.galat}
    assert "SP2D tambahan" in next(t for t in hasil.peringatan if t.kode == f"lebih-pagu-{kosong.pk}").pesan
