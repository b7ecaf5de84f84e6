"""Monthly realisasi entry in the browser's forms (htmx rows) and the approval of a unit's month."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from anggaran.models import AnggaranSubKegiatan, RealisasiAnggaran
from nakertrans.models import UnitKerja

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def kosong(anggaran_2024):
    """The 2024 DPA without any realisasi, so every month is a fresh draft. Deleted in one statement:
    nothing refers to a realisasi row, and its history (one row per deletion through the ORM, a fifth
    of a second for the demo year) is not what these tests read."""
    with connection.cursor() as kursor:
        kursor.execute(f"DELETE FROM {connection.ops.quote_name(RealisasiAnggaran._meta.db_table)}")
    assert not RealisasiAnggaran.objects.exists()


def _anggaran(kode):
    return AnggaranSubKegiatan.objects.get(sub_kegiatan__kode=kode)


PEMBINAAN = "3.32.04.2.01.0001"  # Bidang Transmigrasi, pagu 20.079.800
PELATIHAN_LPKS = "2.07.03.2.02.0001"  # Bidang Ketenagakerjaan


def _simpan(client, kode, bulan=3, **isian):
    a = _anggaran(kode)
    data = {"keuangan": "1.500.000", "fisik": "10,5", "catatan": "", "versi": "0", **isian}
    return client.post(reverse("anggaran:simpan_baris", args=[2024, bulan, a.pk]), data, **HTMX)


def test_operator_saves_a_row_inline_in_indonesian_format(masuk_sebagai, operator_trans, kosong):
    respons = _simpan(masuk_sebagai(operator_trans), PEMBINAAN)
    assert respons.status_code == 200
    halaman = respons.content.decode()
    assert "Tersimpan." in halaman and halaman.lstrip().startswith("<tr")
    r = RealisasiAnggaran.objects.get(anggaran=_anggaran(PEMBINAAN), bulan=3)
    assert (r.keuangan, r.fisik) == (Decimal(1500000), Decimal("10.5"))
    assert r.history.first().history_user == operator_trans


def test_operator_cannot_enter_another_units_sub_kegiatan(masuk_sebagai, operator_trans, kosong):
    respons = _simpan(masuk_sebagai(operator_trans), PELATIHAN_LPKS)
    assert respons.status_code == 404
    assert not RealisasiAnggaran.objects.exists()


@pytest.mark.parametrize("username", ["kadis", "inspektorat", "admin", "kabid_naker"])
def test_roles_that_do_not_enter_realisasi_are_refused(organisasi, client, kosong, username):
    from nakertrans.models import Pengguna

    client.force_login(Pengguna.objects.get(username=username))
    assert _simpan(client, PELATIHAN_LPKS).status_code == 404
    assert not RealisasiAnggaran.objects.exists()


@pytest.mark.parametrize(
    ("isian", "pesan"),
    [
        ({"keuangan": "satu juta"}, "harus berupa angka rupiah"),
        ({"keuangan": "-5.000"}, "tidak boleh negatif"),
        ({"fisik": "120"}, "antara 0 dan 100"),
        ({"fisik": "abc"}, "angka persen"),
        ({"keuangan": "25.000.000"}, "melampaui pagu"),
        ({"keuangan": "25.000.000", "konfirmasi": "1"}, "melampaui pagu"),
    ],
)
def test_bad_input_gets_a_message_and_saves_nothing(masuk_sebagai, operator_trans, kosong, isian, pesan):
    respons = _simpan(masuk_sebagai(operator_trans), PEMBINAAN, **isian)
    assert respons.status_code == 200
    assert pesan in respons.content.decode()
    assert not RealisasiAnggaran.objects.exists()


def test_above_pagu_is_saved_when_confirmed_with_a_note(masuk_sebagai, operator_trans, kosong):
    respons = _simpan(
        masuk_sebagai(operator_trans),
        PEMBINAAN,
        keuangan="25.000.000",
        konfirmasi="1",
        catatan="Tambahan SP2D",
    )
    assert "Tersimpan." in respons.content.decode()
    assert RealisasiAnggaran.objects.get().catatan == "Tambahan SP2D"


def test_a_stale_page_shows_a_conflict_instead_of_overwriting(masuk_sebagai, operator_trans, kosong):
    client = masuk_sebagai(operator_trans)
    _simpan(client, PEMBINAAN, keuangan="1.000.000")  # someone else's save: versi 0 -> 1
    respons = _simpan(client, PEMBINAAN, keuangan="2.000.000", versi="0")  # page loaded before that save
    halaman = respons.content.decode()
    assert "sudah diubah orang lain" in halaman and "Rp 1.000.000" in halaman
    assert 'value="2.000.000"' in halaman
    assert RealisasiAnggaran.objects.get().keuangan == Decimal(1000000)


def _status(client, aksi, catatan=""):
    unit = UnitKerja.objects.get(nama="Bidang Transmigrasi")
    url = reverse("anggaran:ubah_status", args=[2024, 3, unit.pk, aksi])
    return client.post(url, {"catatan": catatan}, follow=True).content.decode()


def _halaman(client):
    unit = UnitKerja.objects.get(nama="Bidang Transmigrasi")
    return client.get(reverse("anggaran:isian_bulan", args=[2024, 3, unit.pk])).content.decode()


def test_whole_cycle_through_the_pages(client, operator_trans, kadis, kosong):
    client.force_login(operator_trans)
    _simpan(client, PEMBINAAN)
    _status(client, "ajukan")
    assert "Diajukan" in _halaman(client)
    assert "terkunci" in _simpan(client, PEMBINAAN, keuangan="9", versi="1").content.decode()

    client.force_login(kadis)
    assert "Catatan wajib" in _status(client, "kembalikan")
    _status(client, "kembalikan", "Lampirkan kuitansi.")
    client.force_login(operator_trans)
    assert "Lampirkan kuitansi." in _halaman(client)
    _simpan(client, PEMBINAAN, keuangan="2.000.000", versi="1")
    _status(client, "ajukan")
    client.force_login(kadis)
    _status(client, "setujui")
    client.force_login(operator_trans)
    halaman = _halaman(client)
    assert "Disetujui" in halaman and 'name="keuangan"' not in halaman
    assert "terkunci" in _simpan(client, PEMBINAAN, keuangan="9", versi="2").content.decode()
    assert RealisasiAnggaran.objects.get().keuangan == Decimal(2000000)


def test_submitting_an_empty_month_is_refused(client, operator_trans, kosong):
    client.force_login(operator_trans)
    assert "Belum ada isian" in _status(client, "ajukan")


def test_entry_page_query_count_does_not_grow_with_rows(masuk_sebagai, admin, kosong):
    client = masuk_sebagai(admin)

    def hitung(nama_unit):
        unit = UnitKerja.objects.get(nama=nama_unit)
        with CaptureQueriesContext(connection) as q:
            respons = client.get(reverse("anggaran:isian_bulan", args=[2024, 3, unit.pk]))
        return len(respons.context["baris"]), len(q)

    baris_sedikit, kueri_sedikit = hitung("Bidang Transmigrasi")
    baris_banyak, kueri_banyak = hitung("Subbagian Umum dan Kepegawaian")
    assert baris_banyak > baris_sedikit
    assert kueri_banyak == kueri_sedikit


def test_status_matrix_shows_each_units_months(masuk_sebagai, kadis, anggaran_2024):
    from anggaran.demo import setujui_semua_bulan

    setujui_semua_bulan()
    respons = masuk_sebagai(kadis).get(reverse("anggaran:status_isian", args=[2024]))
    assert len(respons.context["matriks"]) == 5
    assert respons.content.decode().count("Disetujui") == 5 * 12


def test_oversized_money_is_refused(masuk_sebagai, operator_trans, kosong):
    respons = _simpan(
        masuk_sebagai(operator_trans), PEMBINAAN, keuangan="1" + "0" * 17, konfirmasi="1", catatan="x"
    )
    assert "angka" in respons.content.decode() and "Tersimpan." not in respons.content.decode()
    assert not RealisasiAnggaran.objects.exists()


def test_a_line_with_approved_months_cannot_move_to_another_unit(anggaran_2024):
    from django.core.exceptions import ValidationError

    from anggaran.demo import setujui_semua_bulan

    setujui_semua_bulan()
    a = _anggaran(PELATIHAN_LPKS)
    a.unit_kerja = UnitKerja.objects.get(nama="Bidang Transmigrasi")
    with pytest.raises(ValidationError, match="buka kembali bulan-bulan itu"):
        a.full_clean()
