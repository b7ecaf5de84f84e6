"""A large file's import runs as a task of the queue: the confirmation queues it (after the same checks),
the page polls its status, and the outcome (the summary, or why nothing was imported) stays on the
file's record; a small file is imported in the request as before."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from nakertrans.models_impor import BerkasImpor
from perjanjian.models import Indikator
from tests.antrean import tugas_berjalan

pytestmark = pytest.mark.django_db


def _pratinjau(client, n, awalan="Indikator latar"):
    isi = "nama,satuan,desimal\n" + "".join(f"{awalan} {i},orang,0\n" for i in range(n))
    respons = client.post(
        reverse("impor"), {"jenis": "indikator", "berkas": SimpleUploadedFile("besar.csv", isi.encode())}
    )
    return respons.context["token"]


def _simpan(client, token):
    return client.post(reverse("impor_simpan"), {"jenis": "indikator", "token": token})


@pytest.fixture
def besar(settings):
    settings.SAKIP_IMPOR_LATAR_BARIS = 3


def test_a_large_file_is_imported_by_a_task_and_its_page_shows_the_outcome(client, admin, perencanaan, besar):
    client.force_login(admin)
    token = _pratinjau(client, 5)
    respons = _simpan(client, token)
    assert respons.status_code == 302 and respons.url == reverse("status_impor", args=[token])
    # The tests' queue runs the task at once.
    assert Indikator.objects.filter(nama__startswith="Indikator latar").count() == 5
    halaman = client.get(respons.url).content.decode()
    assert (
        "Status: <strong>Selesai</strong>" in halaman and "Impor besar.csv selesai: 5 baris baru" in halaman
    )
    assert "every 1s" not in halaman
    rekaman = BerkasImpor.objects.get(pk=token)
    assert rekaman.status == "selesai" and rekaman.diimpor_pada is not None


def test_the_queued_import_waits_for_a_worker_and_the_page_polls(
    client, admin, perencanaan, besar, antrean_db
):
    client.force_login(admin)
    token = _pratinjau(client, 5)
    respons = _simpan(client, token)
    assert not Indikator.objects.filter(nama__startswith="Indikator latar").exists()
    [tugas] = DBTaskResult.objects.all()
    assert (tugas.task_path, tugas.status) == ("nakertrans.impor.impor_latar", "READY")
    assert BerkasImpor.objects.get(pk=token).id_tugas == str(tugas.pk)
    halaman = client.get(respons.url, HTTP_HX_REQUEST="true").content.decode()
    assert 'hx-trigger="every 1s"' in halaman and "Menunggu giliran" in halaman
    # A second confirmation queues nothing more.
    kedua = _simpan(client, token)
    assert DBTaskResult.objects.count() == 1 and kedua.status_code == 302
    assert "sudah diantrekan atau diimpor" in client.get(kedua.url).content.decode()


def test_a_queued_import_refused_when_it_runs_saves_nothing_and_says_why(
    client, admin, perencanaan, besar, antrean_db
):
    from nakertrans.impor import impor_berkas, impor_latar

    client.force_login(admin)
    token = _pratinjau(client, 5)
    _simpan(client, token)
    impor_berkas(token, jenis="indikator", user=admin)  # imported meanwhile by another path
    impor_latar.call(str(token), "indikator", admin.pk, False)  # what the worker runs
    rekaman = BerkasImpor.objects.get(pk=token)
    assert rekaman.status == "gagal"
    assert rekaman.pesan == ["Berkas besar.csv dari pratinjau ini sudah diimpor; tidak diimpor lagi."]
    assert Indikator.objects.filter(nama__startswith="Indikator latar").count() == 5  # once


def test_another_users_import_is_not_found(client, admin, kadis, perencanaan, besar):
    client.force_login(admin)
    token = _pratinjau(client, 5)
    _simpan(client, token)
    client.force_login(kadis)
    assert client.get(reverse("status_impor", args=[token])).status_code == 404


def test_a_small_file_is_imported_in_the_request(client, admin, perencanaan, besar):
    client.force_login(admin)
    token = _pratinjau(client, 3)
    respons = _simpan(client, token)
    assert respons.url == f"{reverse('impor')}?jenis=indikator"
    assert BerkasImpor.objects.get(pk=token).status == ""
    assert Indikator.objects.filter(nama__startswith="Indikator latar").count() == 3


def _berjalan_di_pekerja(token, detak_detik_lalu):
    """The state a worker leaves when it dies in the middle of the import: the task row running, the
    file's record «berjalan», nothing committed, and its last heartbeat that long ago."""
    rekaman = BerkasImpor.objects.get(pk=token)
    tugas_berjalan(rekaman.id_tugas, detak_detik_lalu)
    BerkasImpor.objects.filter(pk=token).update(status="berjalan")
    return rekaman.id_tugas


def test_an_import_whose_worker_died_is_shown_stopped_and_can_be_confirmed_again(
    client, admin, perencanaan, besar, antrean_db
):
    client.force_login(admin)
    token = _pratinjau(client, 5)
    _simpan(client, token)
    id_tugas = _berjalan_di_pekerja(token, detak_detik_lalu=90)
    halaman = client.get(reverse("status_impor", args=[token])).content.decode()
    assert "Status: <strong>Gagal</strong>" in halaman and "Impor terhenti" in halaman
    assert "Tidak ada data yang disimpan" in halaman and "every 1s" not in halaman
    tugas = DBTaskResult.objects.get(pk=id_tugas)
    assert tugas.status == "FAILED" and "Impor terhenti" in tugas.traceback
    # Confirmed again, it is queued again and, run, imports the file once.
    respons = _simpan(client, token)
    assert respons.url == reverse("status_impor", args=[token])
    baru = DBTaskResult.objects.exclude(pk=id_tugas).get()
    assert baru.status == "READY" and BerkasImpor.objects.get(pk=token).status == "antre"
    from nakertrans.impor import impor_latar

    impor_latar.call(*baru.args_kwargs["args"])
    assert BerkasImpor.objects.get(pk=token).status == "selesai"
    assert Indikator.objects.filter(nama__startswith="Indikator latar").count() == 5


def test_an_import_with_a_recent_heartbeat_is_still_running_and_not_queued_twice(
    client, admin, perencanaan, besar, antrean_db
):
    client.force_login(admin)
    token = _pratinjau(client, 5)
    _simpan(client, token)
    id_tugas = _berjalan_di_pekerja(token, detak_detik_lalu=20)
    halaman = client.get(reverse("status_impor", args=[token])).content.decode()
    assert "Sedang diimpor" in halaman and "every 1s" in halaman
    assert DBTaskResult.objects.get(pk=id_tugas).status == "RUNNING"
    kedua = _simpan(client, token)
    assert DBTaskResult.objects.count() == 1
    assert "sudah diantrekan atau diimpor" in client.get(kedua.url).content.decode()


def test_an_import_that_committed_just_before_its_worker_died_is_shown_done(
    client, admin, perencanaan, besar, antrean_db
):
    from nakertrans.impor import impor_berkas

    client.force_login(admin)
    token = _pratinjau(client, 5)
    _simpan(client, token)
    impor_berkas(token, jenis="indikator", user=admin)  # the worker's import committed, then it died
    _berjalan_di_pekerja(token, detak_detik_lalu=90)
    halaman = client.get(reverse("status_impor", args=[token])).content.decode()
    assert (
        "Status: <strong>Selesai</strong>" in halaman and "Impor besar.csv selesai: 5 baris baru" in halaman
    )
    assert Indikator.objects.filter(nama__startswith="Indikator latar").count() == 5
