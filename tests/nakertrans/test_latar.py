"""The background queue's upkeep (nakertrans.latar, manage.py rapikan_antrean) and mail as a task."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from nakertrans.latar import antrekan, tutup_tugas_mati
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
    hidup = _tugas("RUNNING", started_at=kini - datetime.timedelta(minutes=5))
    lama = _tugas("SUCCESSFUL", finished_at=kini - 15 * hari)
    baru = _tugas("SUCCESSFUL", finished_at=kini - 13 * hari)
    gagal_lama = _tugas("FAILED", finished_at=kini - 29 * hari)
    gagal = _tugas("FAILED", finished_at=kini - 15 * hari)
    menunggu = _tugas("READY")
    keluaran = io.StringIO()
    call_command("rapikan_antrean", stdout=keluaran)
    assert "1 tugas terhenti ditutup, 2 tugas lama dihapus." in keluaran.getvalue()
    status = dict(DBTaskResult.objects.values_list("pk", "status"))
    assert {str(k): v for k, v in status.items()} == {
        mati: "FAILED",
        hidup: "RUNNING",
        baru: "SUCCESSFUL",
        gagal: "FAILED",
        menunggu: "READY",
    }
    assert lama not in status and gagal_lama not in status


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
