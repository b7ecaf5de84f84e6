"""Work that must not hold a web worker, run as a task of the database queue (django-tasks with
django-tasks-db: the backport of Django 6's tasks framework, so the code stays as it is on Django 6).

A task is defined with ``@task`` in an app's ``tugas`` module and queued with ``antrekan``; the queue is
a table of the project's own database (SQLite or PostgreSQL, no broker), and ``manage.py db_worker``
processes, on one machine or several sharing one PostgreSQL, run its tasks one at a time each: the
number of worker processes is the limit on how many run at once. ``make run`` starts one beside the
development server; the README shows them as systemd services.

A worker that dies (killed, a deploy, a crash) leaves its task «running» in the queue's table. While a
worker runs a task, a thread of its own writes the task's heartbeat (``DetakTugas``) every
SAKIP_DETAK_DETIK seconds; a running task silent for SAKIP_BATAS_DIAM_DETIK is dead (``keadaan_tugas``).
The pages that follow a task (the LKjIP job, a large import) then show it stopped and let it be started
again; dead task rows are closed as failed when that page sees them, when any worker starts its next
task, and by ``rapikan_antrean`` (daily, with ``kirim_pengingat``), which also prunes finished ones.
"""

import datetime
import logging
import threading
import uuid

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone
from django_tasks import TaskResultStatus

from nakertrans.models_latar import DetakTugas

log = logging.getLogger(__name__)

# Finished task rows are kept this many days (rapikan_antrean), failed ones twice as long.
SIMPAN_HARI = 14


def antrekan(tugas, *args):
    """Queue ``tugas(*args)`` and return the task's id. With the database queue the row is written in
    the caller's transaction, so a rolled-back request queues nothing; a test's immediate backend runs
    it at once."""
    return str(tugas.enqueue(*args).id)


def _id_antrean(id_tugas):
    """The ids among ``id_tugas`` that can be the database queue's (UUIDs; another backend's are not)."""
    sah = []
    for i in id_tugas:
        try:
            sah.append(str(uuid.UUID(str(i))))
        except ValueError:
            continue
    return sah


def tutup_tugas_mati(id_tugas, pesan):
    """Close a task row left «running» by a worker that died, as failed (one UPDATE; nothing for a
    task that is not a database one or already finished)."""
    from django_tasks_db.models import DBTaskResult

    if not _id_antrean([id_tugas]):
        return 0
    return DBTaskResult.objects.filter(pk=id_tugas, status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.FAILED,
        finished_at=timezone.now(),
        exception_class_path="nakertrans.latar.PekerjaTerhenti",
        traceback=pesan,
    )


def batas_diam():
    """How long a running task may stay silent before it is taken for dead (SAKIP_BATAS_DIAM_DETIK)."""
    return datetime.timedelta(seconds=settings.SAKIP_BATAS_DIAM_DETIK)


# The states of a task for the pages that follow it (keadaan_tugas).
ANTRE, BERJALAN, MATI, SELESAI = "antre", "berjalan", "mati", "selesai"


def keadaan_tugas(id_tugas):
    """{id: state} for the database queue's tasks among ``id_tugas`` (two queries): ANTRE while waiting for
    a worker, BERJALAN while its heartbeat (or its start) is recent, MATI when it fell silent, SELESAI
    once the task ended (successful or failed). An id without a row (a test's immediate backend) is
    left out: the caller decides."""
    from django_tasks_db.models import DBTaskResult

    id_tugas = _id_antrean(id_tugas)
    if not id_tugas:
        return {}
    batas = timezone.now() - batas_diam()
    detak = dict(DetakTugas.objects.filter(id_tugas__in=id_tugas).values_list("id_tugas", "diperbarui_pada"))
    keadaan = {}
    for pk, status, mulai in DBTaskResult.objects.filter(pk__in=id_tugas).values_list(
        "pk", "status", "started_at"
    ):
        pk = str(pk)
        if status == TaskResultStatus.READY:
            keadaan[pk] = ANTRE
        elif status == TaskResultStatus.RUNNING:
            tanda = [t for t in (mulai, detak.get(pk)) if t is not None]
            keadaan[pk] = BERJALAN if tanda and max(tanda) >= batas else MATI
        else:
            keadaan[pk] = SELESAI
    return keadaan


def tutup_tugas_senyap():
    """Close as failed every running task whose heartbeat stopped SAKIP_BATAS_DIAM_DETIK ago (or that
    never beat since it started that long ago): its worker is gone."""
    from django_tasks_db.models import DBTaskResult

    batas = timezone.now() - batas_diam()
    # Compared as text: a UUID column is not text on every database (SQLite keeps it without dashes).
    berdetak = set(DetakTugas.objects.filter(diperbarui_pada__gte=batas).values_list("id_tugas", flat=True))
    berjalan = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=batas)
    ditutup = 0
    for pk in list(berjalan.values_list("pk", flat=True)):
        if str(pk) not in berdetak:
            ditutup += tutup_tugas_mati(str(pk), "Terhenti: pekerja latar berhenti tanpa kabar.")
    DetakTugas.objects.filter(diperbarui_pada__lt=batas).delete()
    return ditutup


# The heartbeat threads of the tasks this process runs: {task id: (event that stops it, thread)}.
_detak = {}


def _tulis_detak(pk):
    DetakTugas.objects.update_or_create(id_tugas=pk, defaults={"diperbarui_pada": timezone.now()})


def mulai_detak(sender, task_result, **kwargs):
    """A worker starts a task: dead tasks of other workers are closed, and a thread of this one writes
    the task's heartbeat until it ends (connected to django-tasks' task_started in
    NakertransConfig.ready). Inside a transaction (a test running the task in its own) the heartbeat's
    row would not be seen by another connection: nothing is started."""
    if connection.in_atomic_block:
        return
    pk = str(task_result.id)
    try:
        tutup_tugas_senyap()
        _tulis_detak(pk)
    except DatabaseError:
        log.exception("Detak tugas %s tidak dapat ditulis", pk)
    berhenti = threading.Event()

    def detak():
        try:
            while not berhenti.wait(settings.SAKIP_DETAK_DETIK):
                try:
                    _tulis_detak(pk)
                except DatabaseError:  # SQLite: another connection holds the write lock; next beat
                    log.warning("Detak tugas %s tertunda", pk, exc_info=True)
        finally:
            connection.close()  # this thread's own connection

    utas = threading.Thread(target=detak, name=f"detak-tugas-{pk}", daemon=True)
    _detak[pk] = (berhenti, utas)
    utas.start()


def akhiri_detak(sender, task_result, **kwargs):
    """The task ended: its heartbeat thread stops and its row goes."""
    pk = str(task_result.id)
    berhenti, utas = _detak.pop(pk, (None, None))
    if berhenti is None:
        return
    berhenti.set()
    utas.join()
    DetakTugas.objects.filter(id_tugas=pk).delete()


def bersihkan_tugas_selesai(hari=SIMPAN_HARI):
    """Delete finished task rows older than ``hari`` days (failed ones after twice as long)."""
    from django_tasks_db.models import DBTaskResult

    kini = timezone.now()
    berhasil = DBTaskResult.objects.filter(
        status=TaskResultStatus.SUCCESSFUL, finished_at__lt=kini - datetime.timedelta(days=hari)
    )
    gagal = DBTaskResult.objects.filter(
        status=TaskResultStatus.FAILED, finished_at__lt=kini - datetime.timedelta(days=2 * hari)
    )
    return berhasil.delete()[0] + gagal.delete()[0]
