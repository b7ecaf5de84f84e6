"""The background queue's upkeep (nakertrans.latar, manage.py rapikan_antrean) and mail as a task."""

import datetime
import io
import threading
import time

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from nakertrans.latar import ANTRE, BERJALAN, MATI, SELESAI, antrekan, keadaan_tugas, tutup_tugas_mati
from nakertrans.models_latar import DetakTugas
from nakertrans.tugas import kirim_surel

pytestmark = pytest.mark.django_db


def _tugas(status, **waktu):
    pk = antrekan(kirim_surel, [["Uji", "Isi", ["a@sakip.contoh.invalid"]]])
    DBTaskResult.objects.filter(pk=pk).update(status=status, **waktu)
    return pk


def test_the_upkeep_closes_abandoned_tasks_and_prunes_old_ones(antrean_db):
    kini = timezone.now()
    hari = datetime.timedelta(days=1)
    mati = _tugas("RUNNING", started_at=kini - datetime.timedelta(hours=2))
    senyap = _tugas("RUNNING", started_at=kini - datetime.timedelta(minutes=5))  # never beat
    DetakTugas.objects.create(id_tugas=mati, diperbarui_pada=kini - datetime.timedelta(seconds=61))
    hidup = _tugas("RUNNING", started_at=kini - datetime.timedelta(hours=2))
    DetakTugas.objects.create(id_tugas=hidup, diperbarui_pada=kini - datetime.timedelta(seconds=30))
    baru_mulai = _tugas("RUNNING", started_at=kini - datetime.timedelta(seconds=30))
    lama = _tugas("SUCCESSFUL", finished_at=kini - 15 * hari)
    baru = _tugas("SUCCESSFUL", finished_at=kini - 13 * hari)
    gagal_lama = _tugas("FAILED", finished_at=kini - 29 * hari)
    gagal = _tugas("FAILED", finished_at=kini - 15 * hari)
    menunggu = _tugas("READY")
    keluaran = io.StringIO()
    call_command("rapikan_antrean", stdout=keluaran)
    assert "2 tugas terhenti ditutup, 2 tugas lama dihapus." in keluaran.getvalue()
    status = dict(DBTaskResult.objects.values_list("pk", "status"))
    assert {str(k): v for k, v in status.items()} == {
        mati: "FAILED",
        senyap: "FAILED",
        hidup: "RUNNING",
        baru_mulai: "RUNNING",
        baru: "SUCCESSFUL",
        gagal: "FAILED",
        menunggu: "READY",
    }
    assert lama not in status and gagal_lama not in status
    assert list(DetakTugas.objects.values_list("id_tugas", flat=True)) == [hidup]  # the stale one went


def test_the_state_of_a_task_is_read_from_its_row_and_heartbeat(antrean_db):
    kini = timezone.now()
    detik = datetime.timedelta(seconds=1)
    menunggu = _tugas("READY")
    berdetak = _tugas("RUNNING", started_at=kini - 3600 * detik)
    DetakTugas.objects.create(id_tugas=berdetak, diperbarui_pada=kini - 59 * detik)
    diam = _tugas("RUNNING", started_at=kini - 3600 * detik)
    DetakTugas.objects.create(id_tugas=diam, diperbarui_pada=kini - 61 * detik)
    baru = _tugas("RUNNING", started_at=kini - 10 * detik)
    gagal = _tugas("FAILED", finished_at=kini)
    berhasil = _tugas("SUCCESSFUL", finished_at=kini)
    assert keadaan_tugas([menunggu, berdetak, diam, baru, gagal, berhasil, "", "tidak-ada"]) == {
        menunggu: ANTRE,
        berdetak: BERJALAN,
        diam: MATI,
        baru: BERJALAN,
        gagal: SELESAI,
        berhasil: SELESAI,
    }
    assert keadaan_tugas([]) == {} and keadaan_tugas([""]) == {}


def test_a_dead_task_is_closed_with_the_reason(antrean_db):
    pk = _tugas("RUNNING", started_at=timezone.now())
    assert tutup_tugas_mati(pk, "Terhenti: pekerja mati.") == 1
    tugas = DBTaskResult.objects.get(pk=pk)
    assert (tugas.status, tugas.traceback) == ("FAILED", "Terhenti: pekerja mati.")
    assert tutup_tugas_mati(pk, "lagi") == 0 and tutup_tugas_mati("", "x") == 0


def test_mail_waits_in_the_queue_for_a_worker(antrean_db):
    antrekan(kirim_surel, [["Judul", "Isi", ["b@sakip.contoh.invalid"]]])
    assert mail.outbox == []
    tugas = DBTaskResult.objects.get()
    assert tugas.task_path == "nakertrans.tugas.kirim_surel" and tugas.queue_name == "default"


def test_mail_is_sent_by_the_task():
    antrekan(kirim_surel, [["Judul", "Isi", ["b@sakip.contoh.invalid"]]])  # the tests' immediate queue
    assert [(m.subject, m.to) for m in mail.outbox] == [("Judul", ["b@sakip.contoh.invalid"])]


@task()
def tugas_lambat(detik):
    """A task that takes a while, recording its own heartbeat as it goes (for the test below)."""
    akhir = time.monotonic() + detik
    while time.monotonic() < akhir:
        DETAK.append(DetakTugas.objects.values_list("diperbarui_pada", flat=True).first())
        time.sleep(0.05)


DETAK = []


@pytest.mark.django_db(transaction=True)
def test_a_running_task_beats_from_a_thread_of_its_worker_and_its_row_goes_when_it_ends(settings):
    """Run as a worker runs it (its own autocommit connection), here by the immediate backend, which
    sends the same signals as db_worker."""
    settings.SAKIP_DETAK_DETIK = 0.05
    DETAK.clear()
    tugas_lambat.enqueue(0.6)
    detak = [d for d in DETAK if d is not None]
    assert len(detak) >= 10 and len(set(detak)) >= 4  # written at the start, then every 0,05 s
    assert detak == sorted(detak)
    assert not DetakTugas.objects.exists()  # deleted when the task ended
    assert not [t for t in threading.enumerate() if t.name.startswith("detak-tugas-")]
