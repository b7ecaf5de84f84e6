"""Work that must not hold a web worker, run as a task of the database queue (django-tasks with
django-tasks-db: the backport of Django 6's tasks framework, so the code stays as it is on Django 6).

A task is defined with ``@task`` in an app's ``tugas`` module and queued with ``antrekan``; the queue is
a table of the project's own database (SQLite or PostgreSQL, no broker), and ``manage.py db_worker``
processes, on one machine or several sharing one PostgreSQL, run its tasks one at a time each: the
number of worker processes is the limit on how many run at once. ``make run`` starts one beside the
development server; the README shows them as systemd services.

A worker that dies (killed, a deploy, a crash) leaves its task «running» in the queue's table: the work
that tracks its own progress (the LKjIP job's heartbeat) reports itself stopped, and ``rapikan_antrean``
(daily, with ``kirim_pengingat``) closes such task rows as failed and prunes finished ones.
"""

import datetime

from django.utils import timezone
from django_tasks import TaskResultStatus

# Finished task rows are kept this many days (rapikan_antrean), failed ones twice as long.
SIMPAN_HARI = 14


def antrekan(tugas, *args):
    """Queue ``tugas(*args)`` and return the task's id. With the database queue the row is written in
    the caller's transaction, so a rolled-back request queues nothing; a test's immediate backend runs
    it at once."""
    return str(tugas.enqueue(*args).id)


def tutup_tugas_mati(id_tugas, pesan):
    """Close a task row left «running» by a worker that died, as failed (one UPDATE; nothing for a
    task that is not a database one or already finished)."""
    from django_tasks_db.models import DBTaskResult

    if not id_tugas:
        return 0
    return DBTaskResult.objects.filter(pk=id_tugas, status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.FAILED,
        finished_at=timezone.now(),
        exception_class_path="nakertrans.latar.PekerjaTerhenti",
        traceback=pesan,
    )


def tutup_tugas_terhenti(lebih_dari):
    """Close as failed every task row «running» for longer than ``lebih_dari`` (a timedelta): its worker
    is gone (no task of this project runs that long)."""
    from django_tasks_db.models import DBTaskResult

    batas = timezone.now() - lebih_dari
    return DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=batas).update(
        status=TaskResultStatus.FAILED, finished_at=timezone.now()
    )


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
