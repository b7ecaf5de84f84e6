import csv
import io

import pytest
from django.core.management import CommandError, call_command

from capaian.models import RealisasiTriwulan
from perjanjian.models import BarisPK


def _csv(*argumen):
    keluaran = io.StringIO()
    call_command("rekap_capaian", "2024", *argumen, "--format", "csv", stdout=keluaran)
    return list(csv.DictReader(io.StringIO(keluaran.getvalue())))


def _baris(rows, indikator):
    return next(r for r in rows if r["indikator"] == indikator)


def test_csv_gives_the_seed_figures_computed_right(realisasi_2024):
    rows = _csv()
    assert len(rows) == 24
    tpt = _baris(rows, "Tingkat pengangguran terbuka")
    assert (tpt["target"], tpt["realisasi"], tpt["capaian_persen"], tpt["predikat"]) == (
        "5.88",
        "5.39",
        "108.33",
        "Sangat Baik",
    )
    kawasan = _baris(rows, "Persentase pengembangan kawasan transmigrasi")
    assert (kawasan["target"], kawasan["realisasi"], kawasan["capaian_persen"], kawasan["predikat"]) == (
        "72",
        "43.10",
        "59.86",
        "Cukup",
    )
    blk = _baris(rows, "Jumlah Tenaga Kerja yang dilatih")
    assert (blk["target"], blk["realisasi"], blk["capaian_persen"], blk["predikat"]) == (
        "640",
        "640",
        "100.00",
        "Sangat Baik",
    )
    sakip = _baris(rows, "Nilai Akuntabilitas kinerja OPD (Sakip)")
    assert (sakip["target"], sakip["realisasi"], sakip["capaian_persen"], sakip["predikat"]) == (
        "BB",
        "BB",
        "",
        "Tercapai",
    )
    tanpa = _baris(rows, "Persentase Tenaga Kerja berkompentensi")
    assert tanpa["realisasi"] == "" and tanpa["capaian_persen"] == ""


def test_quarter_capaian_is_cumulative_against_the_cumulative_rencana_aksi(realisasi_2024):
    rows = _csv("--triwulan", "2")
    blk = _baris(rows, "Jumlah Tenaga Kerja yang dilatih")
    assert (blk["target"], blk["realisasi"], blk["capaian_persen"]) == ("320", "320", "100.00")


def test_missing_component_leaves_capaian_empty(realisasi_2024):
    for r in RealisasiTriwulan.objects.filter(baris__indikator__nama="Tingkat pengangguran terbuka"):
        r.komponen.filter(komponen__kode="jumlah_angkatan_kerja").delete()
    tpt = _baris(_csv(), "Tingkat pengangguran terbuka")
    assert tpt["realisasi"] == "" and tpt["capaian_persen"] == "" and tpt["predikat"] == ""


def test_table_output_and_bad_arguments(realisasi_2024):
    keluaran = io.StringIO()
    call_command("rekap_capaian", "2024", stdout=keluaran)
    assert "108,33 %" in keluaran.getvalue() and "59,86 %" in keluaran.getvalue()
    with pytest.raises(CommandError, match="antara 1 dan 4"):
        call_command("rekap_capaian", "2024", "--triwulan", "5")
    with pytest.raises(CommandError, match="Tidak ada Perjanjian Kinerja tahun 2019"):
        call_command("rekap_capaian", "2019")


def test_csv_writes_formula_like_text_as_text_and_figures_as_numbers(realisasi_2024):
    BarisPK.objects.filter(indikator__nama="Tingkat pengangguran terbuka").update(
        sasaran='=HYPERLINK("http://contoh.invalid")', satuan="@persen"
    )
    tpt = _baris(_csv(), "Tingkat pengangguran terbuka")
    assert tpt["sasaran"] == '\'=HYPERLINK("http://contoh.invalid")'
    assert tpt["satuan"] == "'@persen"
    assert (tpt["target"], tpt["realisasi"], tpt["capaian_persen"]) == ("5.88", "5.39", "108.33")
