"""A figure written «1.234» is thousands; where that reading makes the capaian implausible on a line
with decimals, the entry asks before saving it («dibaca sebagai 1.234»)."""

import html
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from capaian import services
from capaian.models import NilaiKomponenTriwulan, RealisasiTriwulan
from nakertrans.demo import KABID_NAKER, KEPALA_DINAS_JABATAN, PENGANTAR_KERJA
from nakertrans.models import Pengguna
from perjanjian.models import BarisPK

HTMX = {"HTTP_HX_REQUEST": "true"}


def _baris(jabatan, nomor=1):
    return BarisPK.objects.select_related("indikator", "perjanjian__jabatan__unit_kerja").get(
        perjanjian__tahun=2024, perjanjian__jabatan__nama=jabatan, urutan=nomor
    )


@pytest.fixture
def persen(perencanaan):
    """«Persentase Tenaga Kerja berkompentensi»: persen, 2 decimals, 36,08 in every quarter."""
    baris = _baris(KABID_NAKER)
    assert (baris.indikator.jenis_nilai, baris.indikator.desimal, baris.rencana_tw1) == (
        "persen",
        2,
        Decimal("36.08"),
    )
    return baris


@pytest.fixture
def orang(perencanaan):
    """«Jumlah Pelayanan Antar Kerja»: orang, no decimals."""
    baris = _baris(PENGANTAR_KERJA)
    assert baris.indikator.desimal == 0
    return baris


def _simpan_service(user, baris, teks, **lain):
    return services.simpan_realisasi_kinerja(user=user, baris=baris, triwulan=1, realisasi=teks, **lain)


def _tersimpan(baris):
    return RealisasiTriwulan.objects.get(baris=baris, triwulan=1).realisasi_angka


# The service


def test_service_asks_before_reading_1_234_as_thousands_on_a_persen_line(operator_naker, persen):
    with pytest.raises(services.PerluKonfirmasi) as galat:
        _simpan_service(operator_naker, persen, "1.234")
    pesan = galat.value.messages[0]
    assert "«1.234» dibaca sebagai 1.234" in pesan and "capaian 3.420,18 %" in pesan
    assert "target 36,08 persen" in pesan and "Bila maksudnya 1,234, tulis dengan koma" in pesan
    assert galat.value.dibaca == "1.234"
    assert not RealisasiTriwulan.objects.exists()


def test_service_saves_1_comma_234_as_a_decimal(operator_naker, persen):
    _simpan_service(operator_naker, persen, "1,234")
    assert _tersimpan(persen) == Decimal("1.234")


def test_service_saves_1_234_on_an_orang_line_as_thousands_without_asking(operator_naker, orang):
    _simpan_service(operator_naker, orang, "1.234")
    assert _tersimpan(orang) == Decimal(1234)


def test_service_saves_1_234_once_confirmed(operator_naker, persen):
    _simpan_service(operator_naker, persen, "1.234", konfirmasi_nilai=True)
    assert _tersimpan(persen) == Decimal(1234)
    # The row shows the value back as «1.234»: saving it again unchanged does not ask again.
    _simpan_service(operator_naker, persen, "1.234", kendala="Data BPS", versi_dimuat=1)
    assert RealisasiTriwulan.objects.get(baris=persen).kendala == "Data BPS"


def test_a_plausible_thousands_reading_is_not_asked(operator_naker, persen):
    BarisPK.objects.filter(pk=persen.pk).update(rencana_tw1=Decimal(1500))
    persen.refresh_from_db()
    _simpan_service(operator_naker, persen, "1.234")  # 82 % of a quarter target of 1.500
    assert _tersimpan(persen) == Decimal(1234)


def test_a_percent_sign_is_accepted_only_for_percentages(operator_naker, persen, orang):
    _simpan_service(operator_naker, persen, "87,45 %")
    assert _tersimpan(persen) == Decimal("87.45")
    with pytest.raises(ValidationError, match="Realisasi: «12 %»: tanda % tidak dipakai di kolom ini"):
        _simpan_service(operator_naker, orang, "12 %")
    assert not RealisasiTriwulan.objects.filter(baris=orang).exists()


def test_a_formula_line_is_judged_by_its_computed_value(organisasi, perencanaan):
    """The seed's 7.060 unemployed of 131.065 are thousands (TPT 5,39 against 5,88); a component that
    makes the rate absurd is asked about, naming the component."""
    operator = Pengguna.objects.get(username="operator_sekretariat")
    tpt = _baris(KEPALA_DINAS_JABATAN, 2)
    komponen = {"jumlah_pengangguran": "7.060", "jumlah_angkatan_kerja": "131.065"}
    services.simpan_realisasi_kinerja(user=operator, baris=tpt, triwulan=1, komponen=komponen)
    assert {n.komponen.kode: n.nilai for n in NilaiKomponenTriwulan.objects.all()} == {
        "jumlah_pengangguran": Decimal(7060),
        "jumlah_angkatan_kerja": Decimal(131065),
    }
    with pytest.raises(services.PerluKonfirmasi) as galat:
        services.simpan_realisasi_kinerja(
            user=operator,
            baris=tpt,
            triwulan=2,
            komponen={"jumlah_pengangguran": "7.060", "jumlah_angkatan_kerja": "1310"},
        )
    pesan = galat.value.messages[0]
    assert "Nilai komponen «Jumlah pengangguran» «7.060» dibaca sebagai 7.060" in pesan
    assert "nilai terhitung 538,93" in pesan and "Jumlah angkatan kerja" not in pesan
    assert not RealisasiTriwulan.objects.filter(triwulan=2).exists()


# The row form (htmx)


def _kirim(client, baris, **isian):
    data = {"realisasi": "", "kendala": "", "upaya": "", "versi": "0", **isian}
    respons = client.post(reverse("capaian:simpan_baris", args=[2024, 1, baris.pk]), data, **HTMX)
    assert respons.status_code == 200
    return respons.content.decode()


def _tanda(halaman):
    cocok = re.search(r'name="konfirmasi_nilai" value="([^"]*)"', halaman)
    return html.unescape(cocok[1]) if cocok else None


def test_row_asks_keeps_the_text_and_saves_once_the_box_is_ticked(masuk_sebagai, operator_naker, persen):
    client = masuk_sebagai(operator_naker)
    halaman = _kirim(client, persen, realisasi="1.234", kendala="Data BPS")
    assert "dibaca sebagai 1.234" in halaman and "Ya, maksudnya 1.234" in halaman
    assert 'value="1.234"' in halaman and "Data BPS" in halaman and "Tersimpan." not in halaman
    assert halaman.lstrip().startswith("<tr") and "data-belum-tersimpan" in halaman
    assert not RealisasiTriwulan.objects.exists()
    tanda = _tanda(halaman)
    # Sent again without ticking the box: asked again, still nothing saved.
    assert "Ya, maksudnya 1.234" in _kirim(client, persen, realisasi="1.234")
    assert not RealisasiTriwulan.objects.exists()
    # Ticked, but the figure was changed meanwhile: the confirmation was for «1.234» only.
    halaman = _kirim(client, persen, realisasi="2.345", konfirmasi_nilai=tanda)
    assert "Ya, maksudnya 2.345" in halaman and not RealisasiTriwulan.objects.exists()
    halaman = _kirim(client, persen, realisasi="1.234", kendala="Data BPS", konfirmasi_nilai=tanda)
    assert "Tersimpan." in halaman and "konfirmasi_nilai" not in halaman
    assert _tersimpan(persen) == Decimal(1234)


def test_row_saves_1_comma_234_at_once(masuk_sebagai, operator_naker, persen):
    halaman = _kirim(masuk_sebagai(operator_naker), persen, realisasi="1,234")
    assert "Tersimpan." in halaman and "konfirmasi_nilai" not in halaman
    assert _tersimpan(persen) == Decimal("1.234")


def test_row_saves_1_234_people_at_once(masuk_sebagai, operator_naker, orang):
    halaman = _kirim(masuk_sebagai(operator_naker), orang, realisasi="1.234")
    assert "Tersimpan." in halaman and "konfirmasi_nilai" not in halaman
    assert _tersimpan(orang) == Decimal(1234)


def test_without_script_the_page_asks_the_same_question(masuk_sebagai, operator_naker, persen):
    """A plain form post (no htmx) gets the whole page back with the row asking."""
    client = masuk_sebagai(operator_naker)
    data = {"realisasi": "1.234", "kendala": "", "upaya": "", "versi": "0"}
    respons = client.post(reverse("capaian:simpan_baris", args=[2024, 1, persen.pk]), data)
    halaman = respons.content.decode()
    assert respons.status_code == 200 and "<h1>" in halaman and "Ya, maksudnya 1.234" in halaman
    data["konfirmasi_nilai"] = _tanda(halaman)
    respons = client.post(reverse("capaian:simpan_baris", args=[2024, 1, persen.pk]), data)
    assert respons.status_code == 302 and _tersimpan(persen) == Decimal(1234)
