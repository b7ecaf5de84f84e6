"""The Evaluasi Renja (Permendagri 86/2017): columns 5-15 for K and Rp, approved quarters only, and the
seed's Tabel 30 and Tabel 3.12 out of ``rekap_renja``."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from anggaran import kode as nomenklatur
from anggaran.data_seed import TABEL_30
from anggaran.models import AnggaranSubKegiatan
from capaian.data_seed_renja import SERAPAN_LAIN, TABEL_3_12
from capaian.models_renja import RealisasiRenja, TargetRenja
from capaian.renja import BELUM, DISETUJUI, evaluasi_renja
from nakertrans.models import Pengajuan

D = Decimal


def _csv(*argumen):
    keluaran = io.StringIO()
    call_command("rekap_renja", *argumen, "--format", "csv", stdout=keluaran)
    return list(csv.DictReader(io.StringIO(keluaran.getvalue())))


def test_rekap_renja_gives_every_tabel_30_row_with_its_totals_and_tabel_3_12_outputs(renja_2024):
    baris = _csv("2024", "--triwulan", "4")
    isi, jumlah = baris[:-1], baris[-1]
    kode_tabel_30 = {nomenklatur.normalisasi_kode(k) for k, *_ in TABEL_30}
    assert kode_tabel_30 <= {b["kode"] for b in isi}
    assert jumlah["kode"] == "JUMLAH"
    assert (jumlah["pagu_tahun"], jumlah["rp_tahun"], jumlah["serapan_persen"]) == (
        "4635301681",
        "4344631646",
        "93.73",
    )
    # Each level adds up to the total on its own: only a node's first row carries its budget.
    for tingkat in (nomenklatur.PROGRAM, nomenklatur.SUB_KEGIATAN):
        rows = [b for b in isi if nomenklatur.tingkat_kode(b["kode"]) == tingkat and b["pagu_tahun"]]
        assert sum(D(b["pagu_tahun"]) for b in rows) == D(4635301681)
        assert sum(D(b["rp_tahun"]) for b in rows) == D(4344631646)
    per_kode = {}
    for b in isi:
        per_kode.setdefault(b["kode"], b)
    for kode, _, target, realisasi, persen in TABEL_3_12:
        b = per_kode[kode]
        assert D(b["target_tahun"]) == D(target.split()[0].rstrip("Unit"))
        assert D(b["realisasi_tahun"]) == D(realisasi.split()[0].rstrip("Unit"))
        # The seed's «%» column is the serapan (but for three rows), here in its own column.
        sama = D(b["serapan_persen"]) == D(persen.replace(",", "."))
        assert sama == (kode not in SERAPAN_LAIN), kode
    pertama = per_kode["2.07.01.2.01.0001"]
    assert (pertama["target_tahun"], pertama["realisasi_tahun"], pertama["capaian_tahun_persen"]) == (
        "2",
        "1",
        "50",
    )
    assert pertama["serapan_persen"] == "91.5"
    assert pertama["unit"] == "Sekretariat"
    # The seed's one line of two indicators is two rows of the program, the budget on the first.
    dua = [b for b in isi if b["kode"] == "3.32.04"]
    assert [b["target_tahun"] for b in dua] == ["70", "61.5"]
    assert dua[0]["pagu_tahun"] == "40155600" and dua[1]["pagu_tahun"] == ""


def test_rekap_renja_refuses_a_bad_triwulan_and_an_unknown_office(renja_2024):
    with pytest.raises(CommandError, match="--triwulan harus antara 1 dan 4"):
        _csv("2024", "--triwulan", "5")
    with pytest.raises(CommandError, match="tidak ada"):
        _csv("2024", "--opd", "tidak-ada")


def _baris(hasil, ir):
    return next(b for b in hasil.baris if b.indikator_renja == ir)


def test_columns_13_to_15_of_a_higher_is_better_summed_indicator(kantor):
    b = _baris(evaluasi_renja(kantor["opd"], 2024, 4), kantor["naik"])
    assert (b.target_renstra, b.realisasi_renstra_lalu, b.target_tahun) == (20, 15, 4)
    assert b.tw == [1, 1, 1, 1] and b.tw_keadaan == [DISETUJUI] * 4
    assert (b.realisasi_tahun, b.capaian_tahun) == (4, D("100.00"))
    # 14 = 6 + 12: the indicator accumulates over the Renstra.
    assert (b.realisasi_renstra, b.capaian_renstra) == (19, D("95.00"))
    assert b.unit == "Bidang Pelayanan"


def test_columns_13_to_15_of_a_lower_is_better_indicator(kantor):
    b = _baris(evaluasi_renja(kantor["opd"], 2024, 4), kantor["turun"])
    assert (b.realisasi_renstra_lalu, b.realisasi_tahun) == (D("5.5"), D("5.5"))
    # (2 x 5 - 5,5) / 5: lower than the target is better, and 5,5 is worse.
    assert b.capaian_tahun == D("90.00")
    # 14 is the latest value (a rate does not accumulate); 15 against the end target 4.
    assert (b.realisasi_renstra, b.capaian_renstra) == (D("5.5"), D("62.50"))


def test_columns_13_to_15_of_a_letter_indicator(kantor):
    b = _baris(evaluasi_renja(kantor["opd"], 2024, 4), kantor["huruf"])
    assert (b.target_tahun, b.realisasi_tahun, b.target_renstra) == ("BB", "BB", "A")
    assert b.capaian_tahun is None and b.tercapai is True
    assert b.realisasi_renstra == "BB" and b.tercapai_renstra is False


def test_budget_columns_6_to_15(kantor):
    hasil = evaluasi_renja(kantor["opd"], 2024, 4)
    b = _baris(hasil, kantor["naik"])
    assert b.pertama
    assert (b.pagu_renstra, b.rp_lalu, b.pagu_tahun) == (D(5000000), D(900000), D(1000000))
    assert b.rp_tw == [D(100000), D(200000), D(0), D(0)]
    assert (b.rp_tahun, b.serapan, b.rp_renstra, b.capaian_rp_renstra) == (
        D(300000), D("30.00"), D(1200000), D("24.00"),
    )  # fmt: skip
    # The sub kegiatan's other indicators do not repeat its money.
    assert not _baris(hasil, kantor["turun"]).pertama
    assert _baris(hasil, kantor["turun"]).rp_tahun is None


def test_up_to_triwulan_2_reads_only_the_first_two_quarters(kantor):
    b = _baris(evaluasi_renja(kantor["opd"], 2024, 2), kantor["naik"])
    assert b.tw == [1, 1, None, None] and b.tw_keadaan == [DISETUJUI, DISETUJUI, "", ""]
    assert (b.realisasi_tahun, b.capaian_tahun) == (2, D("50.00"))
    assert b.rp_tahun == D(300000)


def test_a_quarter_not_yet_approved_is_printed_as_such_never_as_zero(kantor):
    Pengajuan.objects.filter(jenis="renja", tahun=2024, periode=3, unit_kerja=kantor["bidang"]).update(
        status="diajukan"
    )
    Pengajuan.objects.filter(jenis="anggaran", tahun=2024, periode=5, unit_kerja=kantor["bidang"]).update(
        status="diajukan"
    )
    hasil = evaluasi_renja(kantor["opd"], 2024, 4)
    b = _baris(hasil, kantor["naik"])
    assert b.tw == [1, 1, None, 1] and b.tw_keadaan[2] == BELUM and b.belum_disetujui
    assert b.realisasi_tahun is None and b.capaian_tahun is None and b.realisasi_renstra is None
    assert b.rp_tw[1] is None and b.rp_tw_keadaan[1] == BELUM
    assert b.rp_tahun is None and b.serapan is None
    rows = [r for r in _csv("2024", "--opd", "uji-renja") if r["indikator"] == "Jumlah dokumen uji"]
    assert (rows[0]["tw3"], rows[0]["realisasi_tahun"], rows[0]["capaian_tahun_persen"]) == ("", "", "")
    assert (rows[0]["tw4"], rows[0]["rp_tw2"], rows[0]["rp_tahun"]) == ("1", "", "")


def test_earlier_renstra_years_without_a_dpa_leave_columns_6_and_14_empty(kantor):
    AnggaranSubKegiatan.objects.filter(instansi=kantor["opd"], tahun=2021).delete()
    b = _baris(evaluasi_renja(kantor["opd"], 2024, 4), kantor["naik"])
    assert b.realisasi_renstra_lalu is None and b.realisasi_renstra is None and b.capaian_renstra is None
    assert b.rp_lalu is None and b.rp_renstra is None
    assert b.realisasi_tahun == 4  # this year is known all the same


def test_the_lkjip_prints_outputs_with_capaian_and_serapan_apart_and_inside_the_page(renja_2024):
    from django.template.loader import render_to_string

    from capaian.lkjip import kumpulkan_lkjip
    from nakertrans.demo import dinas
    from tests.tata_letak import luapan

    konteks = kumpulkan_lkjip(dinas(), 2024)
    per_kode = {}
    for k in konteks["keluaran"]:
        per_kode.setdefault(k.baris.kode, k)
    assert {kode for kode, *_ in TABEL_3_12} <= set(per_kode)
    pertama = per_kode["2.07.01.2.01.0001"]
    # The seed printed 91,50 as this row's capaian: it is the serapan; 1 of 2 documents is 50 %.
    assert (str(pertama.capaian), pertama.baris.serapan, pertama.efisiensi) == (
        "50,00",
        D("91.50"),
        "kurang efisien",
    )
    assert str(per_kode["2.07.01.2.01"].capaian) == "tercapai"  # the letter BB reached
    bagian = render_to_string("pdf/_keluaran_renja.html", konteks)
    assert "Capaian kinerja (%)" in bagian and "Serapan anggaran (%)" in bagian and "Efisiensi" in bagian
    html = f'<html><body class="lkjip">{bagian}</body></html>'
    assert luapan(html) == []


def _peringatan_renja(opd):
    from capaian.pemeriksaan import periksa_lkjip

    return {t.kode: t.pesan for t in periksa_lkjip(opd, 2024).peringatan if t.kode.startswith("renja-")}


def test_the_check_warns_of_an_end_target_behind_this_years_a_missing_target_and_open_quarters(kantor):
    from anggaran.models import AnggaranSubKegiatan, Nomenklatur

    opd, sub = kantor["opd"], kantor["sub"]
    assert _peringatan_renja(opd) == {}
    # Higher is better: an end target of 3 behind this year's 4.
    TargetRenja.objects.filter(indikator_renja=kantor["naik"], jenis="akhir").update(target_angka=D(3))
    # Lower is better: an end target of 6 behind (above) this year's 5.
    TargetRenja.objects.filter(indikator_renja=kantor["turun"], jenis="akhir").update(target_angka=D(6))
    TargetRenja.objects.filter(indikator_renja=kantor["huruf"], jenis="renja").delete()
    lain = Nomenklatur.objects.create(kode=f"{sub.induk.kode}.9999", nama="Sub tanpa indikator")
    AnggaranSubKegiatan.objects.create(
        tahun=2024, sub_kegiatan=lain, unit_kerja=kantor["bidang"], indikator="-", target=1, satuan="-",
        pagu_murni=D(1000),
    )  # fmt: skip
    Pengajuan.objects.filter(jenis="renja", tahun=2024, periode=2, unit_kerja=kantor["bidang"]).update(
        status="diajukan"
    )
    pesan = _peringatan_renja(opd)
    assert (
        "(3) tertinggal dari target tahun 2024 (4), padahal makin tinggi makin baik"
        in pesan[f"renja-target-akhir-{sub.kode}"]
    )
    assert (
        "(6,00) tertinggal dari target tahun 2024 (5,00), padahal makin rendah makin baik"
        in pesan[f"renja-target-akhir-{sub.kode}-2"]
    )
    assert "belum punya target tahun 2024" in pesan[f"renja-tanpa-target-{sub.kode}-3"]
    assert "belum punya indikator keluaran" in pesan[f"renja-tanpa-indikator-{lain.kode}"]
    assert "TW 2 Bidang Pelayanan belum disetujui" in pesan[f"renja-{kantor['bidang'].pk}-2"]
    assert len(pesan) == 5


def _rumus(kantor, teks, node=None):
    from capaian.models_renja import IndikatorRenja
    from perjanjian.models import Indikator

    kantor["naik"].kode = "dok"
    kantor["naik"].save()
    node = node or kantor["sub"].induk
    ir = IndikatorRenja(
        instansi=kantor["opd"],
        nomenklatur=node,
        unit_kerja=kantor["bidang"],
        rumus=teks,
        indikator=Indikator.objects.create(
            instansi=kantor["opd"], nama=f"Persentase dokumen ({teks}, {node.kode})", satuan="%",
            jenis_nilai="persen", aturan_tahunan="terakhir",
        ),
    )  # fmt: skip
    return ir


def test_an_outcome_computed_by_a_formula_over_its_sub_kegiatan(kantor):
    ir = _rumus(kantor, "dok / 4 * 100")
    ir.full_clean()
    ir.save()
    TargetRenja.objects.create(indikator_renja=ir, jenis="renja", tahun=2024, target_angka=D(80))
    b = next(b for b in evaluasi_renja(kantor["opd"], 2024, 4).baris if b.indikator_renja == ir)
    # The output reached 1, 2, 3, 4 of its documents by the end of each quarter.
    assert b.tw == [D(25), D(50), D(75), D(100)] and b.tw_keadaan == [DISETUJUI] * 4
    assert (b.realisasi_tahun, b.capaian_tahun) == (D(100), D("125.00"))
    Pengajuan.objects.filter(jenis="renja", tahun=2024, periode=3, unit_kerja=kantor["bidang"]).update(
        status="diajukan"
    )
    b = next(b for b in evaluasi_renja(kantor["opd"], 2024, 4).baris if b.indikator_renja == ir)
    assert b.tw_keadaan[2] == BELUM and b.realisasi_tahun is None and b.capaian_tahun is None
    from capaian import services_renja

    with pytest.raises(ValidationError, match="dihitung dari rumus"):
        services_renja.simpan_realisasi_renja(
            user=kantor["operator"], indikator_renja=ir, tahun=2024, triwulan=4, realisasi="9"
        )


def test_a_formula_naming_an_output_of_another_program_is_refused(kantor):
    from anggaran.models import Nomenklatur

    lain = Nomenklatur.objects.exclude(kode__startswith=kantor["sub"].induk.kode).filter(tingkat=4).first()
    with pytest.raises(ValidationError, match="bukan sub kegiatan di bawah"):
        _rumus(kantor, "dok * 2", node=lain).full_clean()
    with pytest.raises(ValidationError, match="«tidak_ada» bukan nama di rumus"):
        _rumus(kantor, "tidak_ada * 2").full_clean()
    with pytest.raises(ValidationError, match="Rumus hanya untuk indikator program atau kegiatan"):
        _rumus(kantor, "dok * 2", node=kantor["sub"]).full_clean()


def test_rekap_renja_without_opd_takes_the_one_office_with_a_renja_else_asks(kantor):
    with pytest.raises(CommandError, match="pilih dengan --opd"):
        _csv("2024")
    TargetRenja.objects.filter(indikator_renja__instansi=kantor["opd"]).delete()
    keluaran, galat = io.StringIO(), io.StringIO()
    call_command("rekap_renja", "2024", "--format", "csv", stdout=keluaran, stderr=galat)
    assert (
        "Perangkat daerah disnakertrans: satu-satunya yang memiliki indikator Renja 2024." in galat.getvalue()
    )
    assert keluaran.getvalue().strip().splitlines()[-1].startswith("JUMLAH," + "," * 15 + "4635301681,")


def test_a_period_nobody_submitted_is_not_approved_even_without_a_figure(kantor):
    """Months 10-12 hold no realisasi: without their approval the quarter is not read as Rp 0. An
    earlier year whose quarters were neither entered nor approved leaves column 6 open."""
    Pengajuan.objects.filter(jenis="anggaran", tahun=2024, periode__gte=10).delete()
    b = _baris(evaluasi_renja(kantor["opd"], 2024, 4), kantor["naik"])
    assert b.rp_tw[3] is None and b.rp_tw_keadaan[3] == BELUM and b.rp_tahun is None
    Pengajuan.objects.filter(jenis="renja", tahun=2023).delete()
    RealisasiRenja.objects.filter(indikator_renja=kantor["naik"], tahun=2023).delete()
    b = _baris(evaluasi_renja(kantor["opd"], 2024, 4), kantor["naik"])
    assert b.realisasi_renstra_lalu is None and b.capaian_renstra is None


def test_earlier_spending_counts_also_for_a_sub_kegiatan_no_longer_in_the_dpa(kantor):
    from anggaran.models import Nomenklatur, RealisasiAnggaran

    lama = Nomenklatur.objects.create(kode=f"{kantor['sub'].induk.kode}.9998", nama="Sub 2023 saja")
    a = AnggaranSubKegiatan.objects.create(
        tahun=2023, sub_kegiatan=lama, unit_kerja=kantor["bidang"], indikator="-", target=1, satuan="-",
        pagu_murni=D(500000),
    )  # fmt: skip
    RealisasiAnggaran.objects.create(anggaran=a, bulan=6, keuangan=D(400000))
    hasil = evaluasi_renja(kantor["opd"], 2024, 4)
    kegiatan = next(b for b in hasil.baris if b.kode == kantor["sub"].induk.kode)
    assert kegiatan.rp_lalu == D(1300000)  # 900.000 of the sub kegiatan still there, 400.000 of this one
    assert _baris(hasil, kantor["naik"]).rp_lalu == D(900000)


def test_column_14_of_a_rate_is_this_years_value_whatever_the_earlier_years(kantor):
    AnggaranSubKegiatan.objects.filter(instansi=kantor["opd"], tahun=2021).delete()
    b = _baris(evaluasi_renja(kantor["opd"], 2024, 4), kantor["turun"])
    assert b.realisasi_renstra_lalu is None and (b.realisasi_renstra, b.capaian_renstra) == (
        D("5.5"),
        D("62.50"),
    )


def test_a_formula_outcome_is_its_latest_quarter_whatever_its_yearly_rule(kantor):
    ir = _rumus(kantor, "dok / 4 * 100")
    ir.full_clean()
    ir.save()
    ir.indikator.aturan_tahunan = "jumlah"
    ir.indikator.save()
    TargetRenja.objects.create(indikator_renja=ir, jenis="renja", tahun=2024, target_angka=D(100))
    b = next(b for b in evaluasi_renja(kantor["opd"], 2024, 4).baris if b.indikator_renja == ir)
    assert (b.realisasi_tahun, b.capaian_tahun) == (D(100), D("100.00"))


def test_a_dpa_target_too_large_for_a_renja_target_is_named_not_cut(kantor):
    from anggaran.target_tertulis import BacaanTarget
    from capaian.renja_dpa import catat_indikator

    bacaan = BacaanTarget("999.999.999.999 dokumen", angka=D("999999999999"), satuan="dokumen")
    ir = catat_indikator(kantor["opd"], kantor["sub"], 2024, "Jumlah dokumen raksasa", bacaan)
    target = TargetRenja.objects.get(indikator_renja=ir, jenis="renja", tahun=2024)
    assert target.target_angka is None and "melebihi target terbesar" in target.pilihan
