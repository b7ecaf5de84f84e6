"""The LKjIP PDF assembled from the demo data (draft; publishing comes later)."""

import io
import re

import pytest
from django.core.management import CommandError, call_command

from nakertrans.demo import dinas
from tests.pdf_teks import BerkasPdf


def test_cetak_lkjip_gives_the_report_with_the_seed_figures_computed_right(realisasi_2024, tmp_path):
    berkas = tmp_path / "lkjip.pdf"
    call_command("cetak_lkjip", "2024", str(berkas), stdout=io.StringIO())
    pdf = BerkasPdf(berkas)
    assert len(pdf) >= 20
    teks = pdf.teks()
    for potongan in [
        "DAFTAR ISI",
        "KATA PENGANTAR",
        "IKHTISAR EKSEKUTIF",
        "BAB I PENDAHULUAN",
        "BAB II PERENCANAAN KINERJA",
        "BAB III AKUNTABILITAS KINERJA",
        "BAB IV PENUTUP",
        "LAMPIRAN: PERJANJIAN KINERJA",
        "5,39",
        "5,88",
        "108,33 %",
        "Sangat Baik",
        "43,10",
        "24,26",
        "5,04",
        "59,86 %",
        "Cukup",
        "7.060",
        "131.065",
        "4.635.301.681",
        "4.344.631.646",
        "93,73 %",
        "ZAMRONI, S.Ag.",
        "19700914 199203 1 003",
        "Muara Bungo, 1 Februari 2025",
        "DRAF",
    ]:
        assert potongan in teks, potongan
    # the table of contents carries real page numbers
    halaman = re.search(r"BAB III Akuntabilitas Kinerja ?\.+ ?(\d+)", teks)
    assert halaman and 5 < int(halaman.group(1)) < len(pdf)


def test_lkjip_assembly_query_count_does_not_grow_with_lines(realisasi_2024):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from capaian.lkjip import kumpulkan_lkjip
    from perjanjian.models import BarisPK, PerjanjianKinerja

    with CaptureQueriesContext(connection) as awal:
        kumpulkan_lkjip(dinas(), 2024)
    pk = PerjanjianKinerja.objects.get(tahun=2024, jabatan__nama="Kepala Bidang Transmigrasi")
    for i in range(5):
        BarisPK.objects.create(
            perjanjian=pk, urutan=10 + i, sasaran="x", indikator=pk.baris.first().indikator, target_angka=1
        )
    with CaptureQueriesContext(connection) as akhir:
        kumpulkan_lkjip(dinas(), 2024)
    assert len(akhir) == len(awal)


def test_efficiency_judgement():
    from decimal import Decimal

    from capaian.lkjip import efisiensi

    assert efisiensi(Decimal(100), Decimal("93.73")) == "efisien"
    assert efisiensi(Decimal(90), Decimal(93)) == "cukup efisien"
    assert efisiensi(Decimal(50), Decimal("91.50")) == "kurang efisien"
    assert efisiensi(None, Decimal(1)) == ""


def test_no_pk_year_is_a_clear_message(realisasi_2024, tmp_path):
    with pytest.raises(CommandError, match="Tidak ada Perjanjian Kinerja tahun 2030"):
        call_command("cetak_lkjip", "2030", str(tmp_path / "x.pdf"))


def _analisis_tpt(tahun=2024):
    from capaian.lkjip import kumpulkan_lkjip

    return next(
        s["analisis"] for s in kumpulkan_lkjip(dinas(), tahun)["sasaran"] if "pengangguran" in s["analisis"]
    )


def test_analysis_prints_the_default_method_of_a_lower_is_better_indicator(realisasi_2024):
    teks = _analisis_tpt()
    assert "makin rendah makin baik; capaian dihitung (2 × target − realisasi) / target × 100" in teks
    assert "108,33 %" in teks


def test_analysis_prints_the_method_in_force_not_always_two_t_minus_r(realisasi_2024):
    from perjanjian.models import Indikator

    Indikator.objects.filter(nama="Tingkat pengangguran terbuka").update(metode_capaian="t/r")
    teks = _analisis_tpt()
    assert "makin rendah makin baik; capaian dihitung target / realisasi × 100" in teks
    assert "2 × target" not in teks
    assert "109,09 %" in teks  # 5,88 / 5,39 x 100: the printed method is the one the figure used


def test_the_lkjip_cover_and_opening_name_the_kabupaten(realisasi_2024):
    from capaian.lkjip import html_lkjip, kumpulkan_lkjip
    from capaian.narasi import bagian_narasi

    pengantar = bagian_narasi(dinas(), kumpulkan_lkjip(dinas(), 2024))[0].bawaan
    assert "LKjIP) Dinas Tenaga Kerja dan Transmigrasi Kabupaten Bungo Tahun 2024 disusun" in pengantar
    assert 'class="sampul-instansi">DINAS TENAGA KERJA DAN TRANSMIGRASI<br>KABUPATEN BUNGO</p>' in html_lkjip(
        dinas(), 2024
    )


def test_components_are_printed_by_their_labels_and_the_scale_in_words(realisasi_2024):
    """«luas_dibangun» and «0.00» are what the code knows; a reader gets the component's words, the
    formula with them, and the scale as a table of Indonesian percentages."""
    from capaian.lkjip import html_lkjip

    teks = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html_lkjip(dinas(), 2024)))
    assert "Jumlah pengangguran (orang) / Jumlah angkatan kerja (orang) × 100 = 7.060 / 131.065 × 100" in teks
    assert "Luas pengembangan kawasan yang dibangun (Ha) 1.682" in teks
    assert "jumlah_pengangguran" not in teks and "luas_dibangun" not in teks
    for baris in (
        "Kurang kurang dari 55,00 %",
        "Cukup 55,00 % sampai kurang dari 70,00 %",
        "Sangat Baik 90,00 % atau lebih",
    ):
        assert baris in teks
    assert not re.search(r"(?<![\d.])0\.00(?![\d.])", teks)  # a raw «0.00», not «60.000»


def test_a_scale_band_in_words():
    from decimal import Decimal

    from capaian.hitung import SKALA_PERMENDAGRI_86, Pita, uraian_pita

    assert [uraian_pita(p) for p in SKALA_PERMENDAGRI_86] == [
        "sampai 50,00 %",
        "lebih dari 50,00 % sampai 65,00 %",
        "lebih dari 65,00 % sampai 75,00 %",
        "lebih dari 75,00 % sampai 90,00 %",
        "lebih dari 90,00 %",
    ]
    assert uraian_pita(Pita("X", Decimal(10), Decimal(20))) == "10,00 % sampai kurang dari 20,00 %"
