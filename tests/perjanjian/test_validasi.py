"""Bad input in planning: formulas, letter targets, rencana aksi that contradict the year target."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from nakertrans.demo import dinas
from perjanjian.models import BarisPK, Indikator, PerjanjianKinerja


def _indikator(**isi):
    return Indikator.objects.create(**{"instansi": dinas(), "nama": "Uji", "satuan": "orang", **isi})


@pytest.mark.parametrize(
    ("rumus", "pesan"),
    [
        ("hasil = (a + b", "Kurung buka tanpa kurung tutup"),
        ("x = y\ny = x", "Rumus berputar"),
        ("hasil = a ** b", "tidak boleh di sini"),
    ],
)
def test_admin_refuses_a_bad_formula_and_saves_nothing(masuk_sebagai, admin, rumus, pesan):
    respons = masuk_sebagai(admin).post(
        reverse("admin:perjanjian_indikator_add"),
        {
            "nama": "Indikator rumus",
            "satuan": "persen",
            "jenis_nilai": "persen",
            "polaritas": "naik",
            "metode_capaian": "",
            "aturan_tahunan": "terakhir",
            "desimal": 2,
            "rumus": rumus,
            "komponen-TOTAL_FORMS": 0,
            "komponen-INITIAL_FORMS": 0,
            "komponen-MIN_NUM_FORMS": 0,
            "komponen-MAX_NUM_FORMS": 1000,
        },
    )
    assert respons.status_code == 200
    assert pesan in respons.content.decode()
    assert not Indikator.objects.filter(nama="Indikator rumus").exists()


def test_unknown_component_is_refused_once_components_are_declared(organisasi):
    indikator = _indikator(rumus="hasil = a / b * 100", jenis_nilai="persen")
    indikator.komponen.create(kode="a", label="A")
    with pytest.raises(ValidationError, match="Komponen tidak dikenal: b"):
        indikator.full_clean()


def test_lower_is_better_defaults_to_two_t_minus_r(organisasi):
    assert _indikator(polaritas="turun").metode == "(2t-r)/t"
    assert _indikator(nama="Lain", polaritas="naik").metode == "r/t"
    assert _indikator(nama="Wilayah lain", polaritas="turun", metode_capaian="t/r").metode == "t/r"


@pytest.fixture
def pk_draf(perencanaan):
    from nakertrans.models import Jabatan

    return PerjanjianKinerja.objects.create(
        tahun=2025, jabatan=Jabatan.objects.get(nama="Pengantar Kerja Ahli Muda"), tanggal="2025-01-06"
    )


def _baris(pk, indikator, **isi):
    return BarisPK(perjanjian=pk, sasaran="Uji", indikator=indikator, **isi)


@pytest.mark.parametrize(
    ("aturan", "target", "rencana", "pesan"),
    [
        ("jumlah", 650, [100, 100, 100, 100], "hasilnya 400, sedangkan targetnya 650"),
        ("terakhir", 90, [90, 90, 90, 80], "hasilnya 80, sedangkan targetnya 90"),
        ("rata_rata", 50, [40, 40, 40, 40], "hasilnya 40, sedangkan targetnya 50"),
        ("jumlah", 4, [1, 1, 3, -1], "tidak boleh negatif"),
        ("jumlah", None, [1, 1, 1, 1], "Isi target tahunan"),
    ],
)
def test_rencana_aksi_that_contradict_the_year_target_are_refused(pk_draf, aturan, target, rencana, pesan):
    indikator = _indikator(aturan_tahunan=aturan, desimal=0)
    baris = _baris(
        pk_draf, indikator, target_angka=target, **{f"rencana_tw{i}": v for i, v in enumerate(rencana, 1)}
    )
    with pytest.raises(ValidationError) as galat:
        baris.full_clean()
    assert pesan in " ".join(galat.value.messages)


def _rencana(nilai):
    return {f"rencana_tw{i}": v for i, v in enumerate(nilai, 1)}


@pytest.mark.parametrize(
    ("aturan", "desimal", "target", "rencana", "meleset"),
    [
        ("jumlah", 0, 650, [150, 150, 175, 175], [150, 150, 175, 174]),
        ("terakhir", 0, 90, [60, 70, 80, 90], [60, 70, 90, 80]),
        ("rata_rata", 0, 50, [40, 50, 50, 60], [40, 50, 50, 56]),
        # The mean is rounded half up to the indicator's decimals before it is compared: 49,5 is 50.
        ("rata_rata", 0, 50, [40, 50, 50, 58], [40, 50, 50, 57]),
        ("rata_rata", 2, Decimal("33.33"), [33.33, 33.33, 33.34, 33.33], [33.33, 33.33, 33.36, 33.33]),
    ],
)
def test_consistent_rencana_aksi_are_kept_and_a_near_miss_is_not(
    pk_draf, aturan, desimal, target, rencana, meleset
):
    indikator = _indikator(aturan_tahunan=aturan, desimal=desimal)
    baris = _baris(pk_draf, indikator, target_angka=target, **_rencana([Decimal(str(v)) for v in rencana]))
    baris.full_clean()
    baris.save()
    assert BarisPK.objects.get(pk=baris.pk).rencana_aksi == [Decimal(str(v)) for v in rencana]
    lain = _baris(pk_draf, indikator, target_angka=target, **_rencana([Decimal(str(v)) for v in meleset]))
    with pytest.raises(ValidationError) as galat:
        lain.full_clean()
    assert "Rencana aksi tidak sesuai target tahunan" in " ".join(galat.value.messages)


@pytest.mark.parametrize(
    ("jenis", "isi", "pesan"),
    [
        ("predikat", {"target_huruf": "E"}, "Predikat harus salah satu dari AA, A, BB, B, CC, C, D."),
        ("predikat", {"target_angka": Decimal(71)}, "bertarget predikat huruf"),
        ("angka", {"target_huruf": "BB"}, "bertarget angka, bukan predikat"),
        ("angka", {"target_angka": Decimal(1), "target_huruf": "A"}, "tidak keduanya"),
    ],
)
def test_letter_targets_are_checked_against_the_scale_and_the_indicator(pk_draf, jenis, isi, pesan):
    indikator = _indikator(jenis_nilai=jenis)
    with pytest.raises(ValidationError) as galat:
        _baris(pk_draf, indikator, **isi).full_clean()
    assert pesan in " ".join(galat.value.messages)


def test_renaming_a_component_the_formula_uses_is_refused_with_a_message(masuk_sebagai, admin, organisasi):
    indikator = _indikator(nama="Rasio", satuan="persen", jenis_nilai="persen", rumus="x = a / b * 100")
    a = indikator.komponen.create(kode="a", label="A")
    b = indikator.komponen.create(kode="b", label="B")
    data = {
        "instansi": indikator.instansi_id,
        "nama": "Rasio",
        "satuan": "persen",
        "jenis_nilai": "persen",
        "polaritas": "naik",
        "metode_capaian": "",
        "aturan_tahunan": "terakhir",
        "desimal": 2,
        "rumus": "x = a / b * 100",
        "komponen-TOTAL_FORMS": 2,
        "komponen-INITIAL_FORMS": 2,
        "komponen-MIN_NUM_FORMS": 0,
        "komponen-MAX_NUM_FORMS": 1000,
        "komponen-0-id": a.pk,
        "komponen-0-indikator": indikator.pk,
        "komponen-0-kode": "c",
        "komponen-0-label": "A",
        "komponen-0-urutan": 0,
        "komponen-1-id": b.pk,
        "komponen-1-indikator": indikator.pk,
        "komponen-1-kode": "b",
        "komponen-1-label": "B",
        "komponen-1-urutan": 1,
    }
    respons = masuk_sebagai(admin).post(
        reverse("admin:perjanjian_indikator_change", args=[indikator.pk]), data
    )
    assert respons.status_code == 200
    assert "Komponen tidak dikenal: a" in respons.content.decode()
    a.refresh_from_db()
    assert a.kode == "a"
