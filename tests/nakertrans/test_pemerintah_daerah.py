"""The Pemerintah Daerah above the Instansi, and the migration that gives an existing Instansi its own."""

import importlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from nakertrans.demo import dinas
from nakertrans.models import Instansi, PemerintahDaerah, UnitKerja

SEBELUM = [("nakertrans", "0004_catatan_audit")]
urai = importlib.import_module("nakertrans.migrations.0005_pemerintah_daerah").urai


def _migrasi(tujuan):
    executor = MigrationExecutor(connection)
    executor.migrate(tujuan)
    return executor.loader.project_state(tujuan).apps


@pytest.mark.parametrize(
    "teks, hasil",
    [
        ("Kabupaten Bungo", ("kabupaten", "Bungo")),
        ("  kabupaten   Bungo ", ("kabupaten", "Bungo")),
        ("Kab. Tanjung Jabung Barat", ("kabupaten", "Tanjung Jabung Barat")),
        ("Kota Jambi", ("kota", "Jambi")),
        ("Bungo", ("kabupaten", "Bungo")),
        ("", ("kabupaten", "(belum diisi)")),
    ],
)
def test_the_free_text_kabupaten_is_read_as_jenis_and_nama(teks, hasil):
    assert urai(teks) == hasil


def test_demo_instansi_belongs_to_kabupaten_bungo(organisasi):
    instansi = Instansi.objects.get()
    assert str(instansi.pemerintah_daerah) == "Kabupaten Bungo"
    assert instansi.pemerintah_daerah.ibu_kota == "Muara Bungo"


@pytest.mark.django_db(transaction=True)
def test_the_previous_versions_demo_migrates_without_loss(organisasi):
    """The demo as the previous version stored it (the kabupaten as text on the Instansi), migrated:
    every Instansi belongs to its Pemerintah Daerah, two offices of one kabupaten to the same one, and
    nothing else changes. Migrating back gives the text again."""
    unit_sebelum = sorted(UnitKerja.objects.values_list("pk", "instansi_id", "nama"))
    lama = _migrasi(SEBELUM)
    InstansiLama = lama.get_model("nakertrans", "Instansi")
    assert list(InstansiLama.objects.values_list("kabupaten", flat=True)) == ["Kabupaten Bungo"]
    InstansiLama.objects.create(nama="Badan Uji", kabupaten="Kabupaten  Bungo", kota="Muara Bungo")
    InstansiLama.objects.create(nama="Dinas Kota", kabupaten="Kota Jambi", kota="Jambi")

    _migrasi(MigrationExecutor(connection).loader.graph.leaf_nodes())

    pemda = {i.nama: str(i.pemerintah_daerah) for i in Instansi.objects.select_related("pemerintah_daerah")}
    assert pemda == {
        "Dinas Tenaga Kerja dan Transmigrasi": "Kabupaten Bungo",
        "Badan Uji": "Kabupaten Bungo",
        "Dinas Kota": "Kota Jambi",
    }
    assert PemerintahDaerah.objects.count() == 2
    assert PemerintahDaerah.objects.get(nama="Jambi").ibu_kota == "Jambi"
    assert sorted(UnitKerja.objects.values_list("pk", "instansi_id", "nama")) == unit_sebelum


def test_the_pk_document_heading_names_the_kabupaten(perencanaan):
    from django.template.loader import render_to_string

    from perjanjian.models import PerjanjianKinerja
    from perjanjian.views import _konteks_pk

    pk = PerjanjianKinerja.objects.filter(instansi=dinas(), tahun=2024).first()
    html = render_to_string("pdf/perjanjian_kinerja.html", _konteks_pk(pk))
    assert "DINAS TENAGA KERJA DAN TRANSMIGRASI KABUPATEN BUNGO</h1>" in html
