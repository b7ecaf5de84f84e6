"""The migration to one installation for every perangkat daerah: a database of the previous version
(one office, no office column on its rows) migrates without loss."""

import importlib
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from anggaran.models import AnggaranSubKegiatan, IndikatorProgramKegiatan, PaguTertulis
from capaian.queries import capaian_tahun
from nakertrans.models import Instansi, Pengajuan, Pengguna
from perjanjian.models import Indikator, PerjanjianKinerja, Renstra

SEBELUM = [
    ("nakertrans", "0008_jabatan_tempat_sesuai_jenis"),
    ("perjanjian", "0005_rpjmd"),
    ("anggaran", "0005_lima_belas_digit"),
    ("capaian", "0006_lima_belas_digit"),
]
kode_dari_nama = importlib.import_module("nakertrans.migrasi_opd").kode_dari_nama


def _migrasi(tujuan):
    executor = MigrationExecutor(connection)
    executor.migrate(tujuan)
    return executor.loader.project_state(tujuan).apps


def _angka():
    return [
        (c.baris.pk, c.target, c.realisasi, c.capaian) for c in capaian_tahun(Instansi.objects.get(), 2024)
    ]


@pytest.mark.parametrize(
    "nama, terpakai, kode",
    [
        ("Dinas Tenaga Kerja dan Transmigrasi", set(), "dinas-tenaga-kerja-dan"),
        ("Dinas Tenaga Kerja dan Transmigrasi", {"dinas-tenaga-kerja-dan"}, "dinas-tenaga-kerja-dan-2"),
        ("Kecamatan Rimbo Tengah", set(), "kecamatan-rimbo-tengah"),
        ("X" * 40, set(), "x" * 30),
        ("", set(), "opd"),
    ],
)
def test_an_offices_code_is_made_from_its_name(nama, terpakai, kode):
    assert kode_dari_nama(nama, terpakai) == kode


@pytest.mark.django_db(transaction=True)
def test_the_previous_versions_demo_migrates_without_loss(realisasi_2024):
    """Migrated back to the previous version (the office's rows have no office column), given a login
    of the Inspektorat only and one of no role, and migrated again: every row belongs to the one
    office, the logins to it except the Inspektorat's (now kabupaten-wide) and the superusers', and
    every capaian is what it was."""
    angka = _angka()
    jumlah = {
        model: model.objects.count()
        for model in (PerjanjianKinerja, Renstra, AnggaranSubKegiatan, PaguTertulis)
    }
    indikator = set(Indikator.objects.values_list("pk", flat=True))
    pertama = dict(Pengajuan.objects.values_list("pk", "diajukan_pertama"))
    assert pertama and None not in pertama.values()
    lama = _migrasi(SEBELUM)
    assert "instansi" not in {f.name for f in lama.get_model("perjanjian", "Renstra")._meta.fields}
    PenggunaLama = lama.get_model("nakertrans", "Pengguna")
    GrupLama = lama.get_model("auth", "Group")
    auditor = PenggunaLama.objects.create(username="auditor_kedua")
    auditor.groups.add(GrupLama.objects.get(name="Inspektorat"))
    PenggunaLama.objects.create(username="tanpa_peran")
    PenggunaLama.objects.create(username="super_lama", is_superuser=True)
    # The roles had their one-office names.
    assert list(GrupLama.objects.get(name="Admin").user_set.values_list("username", flat=True)) == ["admin"]
    assert GrupLama.objects.get(name="Kepala Dinas").user_set.get().username == "kadis"
    assert not GrupLama.objects.filter(name__in=["Admin OPD", "Kepala OPD"]).exists()

    _migrasi(MigrationExecutor(connection).loader.graph.leaf_nodes())

    opd = Instansi.objects.get()
    assert opd.kode == "dinas-tenaga-kerja-dan"
    for model in (Renstra, Indikator, AnggaranSubKegiatan, IndikatorProgramKegiatan):
        assert not model.objects.exclude(instansi=opd).exists(), model
    # Every PK is the office's but the Bupati's own, which belongs to the Pemerintah Daerah.
    assert set(PerjanjianKinerja.objects.exclude(instansi=opd).values_list("jabatan__jenis", flat=True)) == {
        "kepala_daerah"
    }
    assert PerjanjianKinerja.objects.filter(instansi=None).count() == 1
    assert {m: m.objects.count() for m in jumlah} == jumlah
    # Every indicator kept; the new ones are the DPA's outputs and outcomes as Renja indicators.
    baru = Indikator.objects.exclude(pk__in=indikator)
    assert indikator <= set(Indikator.objects.values_list("pk", flat=True))
    assert baru.exists() and not baru.filter(renja__isnull=True).exists()
    tanpa_opd = set(Pengguna.objects.filter(instansi=None).values_list("username", flat=True))
    assert tanpa_opd == {"inspektorat", "auditor_kedua", "super_lama", "admin_kabupaten", "bappeda", "bupati"}
    assert Pengguna.objects.get(username="tanpa_peran").instansi == opd
    # Renamed for any office, with their members.
    assert Pengguna.objects.get(username="admin").groups.get().name == "Admin OPD"
    assert Pengguna.objects.get(username="kadis").groups.get().name == "Kepala OPD"
    assert _angka() == angka
    # Each period's first submission, read from its history.
    assert dict(Pengajuan.objects.values_list("pk", "diajukan_pertama")) == pertama


@pytest.mark.django_db(transaction=True)
def test_the_dpas_text_indicators_become_renja_indicators(realisasi_2024):
    """An installation of the previous version holds the indicators as the DPA's text: migrated, each
    sub kegiatan's output and each program's and kegiatan's outcome is a Renja indicator with the
    year's target, a target read by a choice keeps the choice."""
    _migrasi([("capaian", "0010_renja")])
    _migrasi(MigrationExecutor(connection).loader.graph.leaf_nodes())
    from capaian.models import IndikatorRenja, TargetRenja

    target = {
        t.indikator_renja.nomenklatur.kode: t
        for t in TargetRenja.objects.filter(jenis="renja", tahun=2024).select_related(
            "indikator_renja__nomenklatur", "indikator_renja__indikator"
        )
    }
    assert IndikatorRenja.objects.filter(nomenklatur__tingkat=5).count() == 36
    assert IndikatorProgramKegiatan.objects.count() == 20 == len(target) - 36
    dokumen = target["2.07.01.2.01.0001"]
    assert (dokumen.target_angka, dokumen.indikator_renja.indikator.satuan) == (2, "Dokumen")
    assert dokumen.indikator_renja.indikator.aturan_tahunan == "jumlah"
    tanah = target["3.32.03"]
    assert tanah.target_angka == Decimal("7.94") and "satuan «%» tertulis dua kali" in tanah.pilihan
    sakip = target["2.07.01.2.01"]
    assert sakip.target_huruf == "BB" and "nilai 75,50 berpredikat BB" in sakip.pilihan
    assert sakip.indikator_renja.unit_kerja.nama == "Sekretariat"
