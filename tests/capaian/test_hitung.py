from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from capaian.hitung import (
    SKALA_PERMENDAGRI_86,
    SKALA_SEED,
    Pita,
    hitung_capaian,
    huruf_tercapai,
    periksa_skala,
    predikat,
)

D = Decimal


def test_lower_is_better_uses_two_t_minus_r():
    assert hitung_capaian(D("5.88"), D("5.39"), "(2t-r)/t") == D("108.33")
    # the seed's 91 % is the naive ratio, scored the wrong way
    assert hitung_capaian(D("5.88"), D("5.39"), "r/t") == D("91.67")


def test_lower_is_better_is_floored_at_zero_and_the_alternative_method_is_a_setting():
    assert hitung_capaian(D(5), D(20), "(2t-r)/t") == D(0)
    assert hitung_capaian(D("5.88"), D("5.39"), "t/r") == D("109.09")
    assert hitung_capaian(D(5), D(0), "t/r") is None


def test_capaian_is_not_capped_and_zero_target_cannot_be_computed():
    assert hitung_capaian(D(100), D(150), "r/t") == D(150)
    assert hitung_capaian(D(0), D(5), "r/t") is None
    assert hitung_capaian(None, D(5), "r/t") is None


def test_index_of_the_seed_scores_cukup_and_tpt_sangat_baik():
    assert predikat(hitung_capaian(D(72), D("43.10"), "r/t"), SKALA_SEED).nama == "Cukup"
    assert hitung_capaian(D(72), D("43.10"), "r/t") == D("59.86")
    assert predikat(D("108.33"), SKALA_SEED).nama == "Sangat Baik"


@pytest.mark.parametrize(
    ("nilai", "seed", "permendagri"),
    [
        (D(0), "Kurang", "Sangat Rendah"),
        (D("44.99"), "Kurang", "Sangat Rendah"),
        (D(50), "Kurang", "Sangat Rendah"),
        (D("50.01"), "Kurang", "Rendah"),
        (D(55), "Cukup", "Rendah"),
        (D("89.99"), "Baik", "Tinggi"),
        (D(90), "Sangat Baik", "Tinggi"),
        (D("90.01"), "Sangat Baik", "Sangat Tinggi"),
        (D(250), "Sangat Baik", "Sangat Tinggi"),
    ],
)
def test_presets_classify_the_former_gaps(nilai, seed, permendagri):
    assert predikat(nilai, SKALA_SEED).nama == seed
    assert predikat(nilai, SKALA_PERMENDAGRI_86).nama == permendagri


def test_the_seed_scale_as_printed_is_refused_for_its_gap():
    seperti_tercetak = [
        Pita("Kurang", D(0), D("44.99"), atas_inklusif=True),
        Pita("Cukup", D(55), D("69.99"), atas_inklusif=True),
        Pita("Baik", D(70), D("89.99"), atas_inklusif=True),
        Pita("Sangat Baik", D(90), None, bawah_inklusif=False),
    ]
    masalah = periksa_skala(seperti_tercetak)
    assert "Ada celah antara Kurang (sampai 44,99) dan Cukup (mulai 55)." in masalah
    assert len(masalah) == 3


def test_overlaps_start_and_end_are_refused():
    assert "bertumpuk" in periksa_skala([Pita("A", D(0), D(60)), Pita("B", D(50), None)])[0]
    assert (
        "bertumpuk" in periksa_skala([Pita("A", D(0), D(60), atas_inklusif=True), Pita("B", D(60), None)])[0]
    )
    assert "dari 0 sampai 10" in periksa_skala([Pita("A", D(10), None)])[0]
    assert "di atas 100" in periksa_skala([Pita("A", D(0), D(100))])[0]
    assert periksa_skala(SKALA_SEED) == [] and periksa_skala(SKALA_PERMENDAGRI_86) == []


@given(st.decimals(min_value=0, max_value=10**6, places=2))
def test_every_capaian_falls_in_exactly_one_band_of_each_preset(nilai):
    for skala in (SKALA_SEED, SKALA_PERMENDAGRI_86):
        assert sum(p.memuat(nilai) for p in skala) == 1


@given(
    st.decimals(min_value="0.01", max_value=10**6, places=2),
    st.decimals(min_value=0, max_value=10**6, places=2),
    st.decimals(min_value=0, max_value=10**6, places=2),
)
def test_better_realisasi_never_lowers_capaian(target, r1, r2):
    assume(r1 <= r2)
    assert hitung_capaian(target, r2, "r/t") >= hitung_capaian(target, r1, "r/t")
    assert hitung_capaian(target, r1, "(2t-r)/t") >= hitung_capaian(target, r2, "(2t-r)/t")


def test_letter_targets_are_reached_or_not():
    assert huruf_tercapai("BB", "BB") is True
    assert huruf_tercapai("BB", "A") is True
    assert huruf_tercapai("BB", "B") is False
    assert huruf_tercapai("BB", None) is None


def test_admin_refuses_a_scale_with_a_gap_and_saves_nothing(masuk_sebagai, admin_kabupaten):
    from django.urls import reverse

    from capaian.models import SkalaPredikat

    data = {
        "nama": "Skala bercelah",
        "aktif": "",
        "pita-TOTAL_FORMS": 2,
        "pita-INITIAL_FORMS": 0,
        "pita-MIN_NUM_FORMS": 0,
        "pita-MAX_NUM_FORMS": 1000,
        "pita-0-nama": "Kurang",
        "pita-0-bawah": "0",
        "pita-0-bawah_inklusif": "on",
        "pita-0-atas": "44.99",
        "pita-0-atas_inklusif": "on",
        "pita-0-warna": "#d92d20",
        "pita-1-nama": "Cukup",
        "pita-1-bawah": "55",
        "pita-1-bawah_inklusif": "on",
        "pita-1-atas": "",
        "pita-1-warna": "#f79009",
    }
    respons = masuk_sebagai(admin_kabupaten).post(reverse("admin:capaian_skalapredikat_add"), data)
    assert "Ada celah antara Kurang (sampai 44,99) dan Cukup (mulai 55)." in respons.content.decode()
    assert not SkalaPredikat.objects.filter(nama="Skala bercelah").exists()
    data["pita-0-atas"], data["pita-0-atas_inklusif"] = "55", ""
    masuk_sebagai(admin_kabupaten).post(reverse("admin:capaian_skalapredikat_add"), data)
    assert SkalaPredikat.objects.get(nama="Skala bercelah").pita.count() == 2


def test_the_configured_scale_decides_the_predikat(realisasi_2024):
    import csv
    import io

    from django.core.management import call_command

    from capaian.models import SkalaPredikat

    SkalaPredikat.objects.update(aktif=False)
    SkalaPredikat.objects.filter(nama__startswith="Permendagri").update(aktif=True)
    keluaran = io.StringIO()
    call_command("rekap_capaian", "2024", "--format", "csv", stdout=keluaran)
    rows = {r["indikator"]: r for r in csv.DictReader(io.StringIO(keluaran.getvalue()))}
    assert rows["Tingkat pengangguran terbuka"]["predikat"] == "Sangat Tinggi"
    assert rows["Persentase pengembangan kawasan transmigrasi"]["predikat"] == "Rendah"
