"""The state a worker of the queue leaves its task in, for the tests of what follows a task."""

import datetime

from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from nakertrans.models_latar import DetakTugas


def tugas_berjalan(id_tugas, detak_detik_lalu):
    """The task row running for five minutes, its last heartbeat ``detak_detik_lalu`` seconds ago (a
    worker that died then, or one still beating)."""
    kini = timezone.now()
    DBTaskResult.objects.filter(pk=id_tugas).update(
        status="RUNNING", started_at=kini - datetime.timedelta(minutes=5)
    )
    DetakTugas.objects.create(
        id_tugas=id_tugas, diperbarui_pada=kini - datetime.timedelta(seconds=detak_detik_lalu)
    )
