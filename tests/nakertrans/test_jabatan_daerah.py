"""The Bupati's and the Wakil Bupati's posts belong to the Pemerintah Daerah; a unit's posts to their unit."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext

from nakertrans.demo import BUPATI, KEPALA_DINAS_JABATAN
from nakertrans.models import JENIS_JABATAN_DAERAH, Jabatan, PemerintahDaerah, UnitKerja, kepala_daerah_pada


def test_the_demo_bupati_is_a_post_of_kabupaten_bungo(organisasi):
    bupati = Jabatan.objects.get(nama=BUPATI)
    assert str(bupati.pemerintah_daerah) == "Kabupaten Bungo" and bupati.unit_kerja is None
    assert Jabatan.objects.kepala_daerah(bupati.pemerintah_daerah).get() == bupati
    assert not Jabatan.objects.exclude(jenis__in=JENIS_JABATAN_DAERAH).filter(pemerintah_daerah__isnull=False)


def test_the_bupati_on_a_date_is_one_query(organisasi):
    pemda = PemerintahDaerah.objects.get()
    with CaptureQueriesContext(connection) as kueri:
        penugasan = kepala_daerah_pada(pemda, datetime.date(2024, 1, 2))
        nama = penugasan.pegawai.nama
    assert nama == "Ahmad Fauzi" and len(kueri) == 1
    assert kepala_daerah_pada(pemda, datetime.date(1990, 1, 1)) is None


@pytest.mark.parametrize(
    "isian, pesan",
    [
        ({"jenis": "wakil_kepala_daerah"}, {"pemerintah_daerah": ["Pemerintah daerah wajib diisi."]}),
        (
            {"jenis": "kepala_daerah", "pemda": True, "unit": True},
            {"unit_kerja": ["Jabatan kepala daerah dan wakilnya tidak berada di unit kerja dinas."]},
        ),
        (
            {"jenis": "struktural", "pemda": True, "unit": True},
            {"pemerintah_daerah": ["Jabatan dinas mengikuti unit kerjanya; kosongkan pemerintah daerah."]},
        ),
        ({"jenis": "struktural"}, {"unit_kerja": ["Unit kerja wajib diisi."]}),
    ],
)
def test_a_post_in_the_wrong_place_is_refused_in_indonesian(organisasi, isian, pesan):
    jabatan = Jabatan(
        nama="Jabatan Uji",
        jenis=isian["jenis"],
        pemerintah_daerah=PemerintahDaerah.objects.get() if isian.get("pemda") else None,
        unit_kerja=UnitKerja.objects.first() if isian.get("unit") else None,
    )
    with pytest.raises(ValidationError) as galat:
        jabatan.full_clean()
    assert galat.value.message_dict == pesan


def test_the_database_refuses_a_wakil_bupati_without_pemerintah_daerah(organisasi):
    with pytest.raises(IntegrityError), transaction.atomic():
        Jabatan.objects.create(nama="Wakil Bupati Bungo", jenis=Jabatan.Jenis.WAKIL_KEPALA_DAERAH)


@pytest.mark.django_db(transaction=True)
def test_an_existing_bupati_post_takes_the_kabupaten_of_the_offices_below_it(organisasi):
    sebelum = [("nakertrans", "0006_instansi_tanpa_kabupaten")]
    executor = MigrationExecutor(connection)
    executor.migrate(sebelum)
    lama = executor.loader.project_state(sebelum).apps
    lama.get_model("nakertrans", "PemerintahDaerah").objects.create(nama="Lain")  # two now: no guess
    assert lama.get_model("nakertrans", "Jabatan").objects.get(nama=BUPATI).unit_kerja_id is None

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    bupati = Jabatan.objects.get(nama=BUPATI)
    assert str(bupati.pemerintah_daerah) == "Kabupaten Bungo"
    assert Jabatan.objects.get(nama=KEPALA_DINAS_JABATAN).atasan == bupati
