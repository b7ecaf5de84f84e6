"""The seed's Tabel 30 comes out of the data: totals computed from the 36 sub kegiatan."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from anggaran.models import AnggaranSubKegiatan, IndikatorProgramKegiatan, Nomenklatur, RealisasiAnggaran
from anggaran.queries import rekap_anggaran
from nakertrans.demo import dinas


def _csv(*argumen):
    keluaran = io.StringIO()
    call_command("rekap_anggaran", *argumen, "--format", "csv", stdout=keluaran)
    return list(csv.DictReader(io.StringIO(keluaran.getvalue())))


def test_csv_has_every_tabel_30_row_and_the_seed_totals(anggaran_2024):
    baris = _csv("2024")
    assert len(baris) == 57
    isi, jumlah = baris[:-1], baris[-1]
    assert len([b for b in isi if len(b["kode"].split(".")) == 6]) == 36
    assert jumlah["kode"] == "JUMLAH"
    assert jumlah["pagu"] == "4635301681"
    assert jumlah["realisasi_keuangan"] == "4344631646"
    assert jumlah["realisasi_keuangan_persen"] == "93.73"
    per_kode = {b["kode"]: b for b in isi}
    assert per_kode["2.07.01"]["pagu"] == "4250945003"
    assert per_kode["2.07.01.2.06"]["pagu"] == "228806650"
    assert per_kode["2.07.01.2.01.0001"]["realisasi_keuangan_persen"] == "91.50"
    assert per_kode["3.32.03.2.01.0003"]["sisa_pagu"] == "3846650"
    assert per_kode["2.07.04"]["target"] == "90,53 %"


def test_up_to_a_month_counts_only_the_months_before_it(anggaran_2024):
    juni = {b["kode"]: b for b in _csv("2024", "--sampai-bulan", "6")}
    gaji = AnggaranSubKegiatan.objects.get(sub_kegiatan__kode="2.07.01.2.02.0001")
    harapan = sum(r.keuangan for r in gaji.realisasi.filter(bulan__lte=6))
    assert Decimal(juni["2.07.01.2.02.0001"]["realisasi_keuangan"]) == harapan
    assert Decimal(juni["JUMLAH"]["realisasi_keuangan"]) < Decimal(4344631646)


def test_monthly_demo_realisasi_adds_up_exactly_to_the_seed(anggaran_2024):
    assert AnggaranSubKegiatan.objects.filter(tahun=2024).count() == 36
    assert RealisasiAnggaran.objects.count() == 36 * 12
    total = sum(r.keuangan for r in RealisasiAnggaran.objects.all())
    assert total == Decimal(4344631646)


def test_pagu_murni_of_tabel_14_is_kept_beside_the_perubahan(anggaran_2024):
    gaji = AnggaranSubKegiatan.objects.get(sub_kegiatan__kode="2.07.01.2.02.0001")
    assert gaji.pagu_murni == Decimal(3830637401)
    assert gaji.pagu_perubahan == Decimal(3465392353)
    assert gaji.pagu == gaji.pagu_perubahan


def test_rekap_query_count_does_not_grow_with_sub_kegiatan(anggaran_2024):
    with CaptureQueriesContext(connection) as penuh:
        baris, _ = rekap_anggaran(dinas(), 2024)
    assert len(baris) == 56
    dihapus = AnggaranSubKegiatan.objects.filter(sub_kegiatan__kode__startswith="2.07.01.2.06.")
    RealisasiAnggaran.objects.filter(anggaran__in=dihapus).delete()
    dihapus.delete()
    with CaptureQueriesContext(connection) as sebagian:
        baris, _ = rekap_anggaran(dinas(), 2024)
    assert len(baris) == 56 - 9
    assert len(penuh) == len(sebagian) <= 3


def test_parent_and_level_follow_from_the_code_on_save(anggaran_2024):
    sub = Nomenklatur.objects.kode("2.07.01.2.01.00 01")
    assert sub.induk.kode == "2.07.01.2.01"
    assert sub.induk.induk.kode == "2.07.01"
    assert sub.tingkat == Nomenklatur.Tingkat.SUB_KEGIATAN


def test_table_output_is_in_indonesian_formats(anggaran_2024):
    keluaran = io.StringIO()
    call_command("rekap_anggaran", "2024", stdout=keluaran)
    teks = keluaran.getvalue()
    assert "4.635.301.681" in teks and "4.344.631.646" in teks and "93,73" in teks


def test_year_without_budget_is_a_clear_message(anggaran_2024):
    with pytest.raises(CommandError, match="Tidak ada anggaran sub kegiatan untuk tahun 2030"):
        call_command("rekap_anggaran", "2030")
    with pytest.raises(CommandError, match="antara 1 dan 12"):
        call_command("rekap_anggaran", "2024", "--sampai-bulan", "13")


def test_csv_writes_formula_like_text_as_text_and_figures_as_numbers(anggaran_2024):
    program = IndikatorProgramKegiatan.objects.get(tahun=2024, nomenklatur__kode="2.07.04")
    program.indikator, program.target = '=HYPERLINK("http://contoh.invalid")', "-5"
    program.save()
    per_kode = {b["kode"]: b for b in _csv("2024")}
    assert per_kode["2.07.04"]["indikator"] == '\'=HYPERLINK("http://contoh.invalid")'
    assert per_kode["2.07.04"]["target"] == "'-5"  # typed text, whatever it looks like
    assert per_kode["JUMLAH"]["pagu"] == "4635301681"
