"""The heartbeat of the queue's running tasks (nakertrans.latar)."""

from django.db import models


class DetakTugas(models.Model):
    """The last sign of life of a task a worker is running, written every SAKIP_DETAK_DETIK seconds by
    a thread of the worker and deleted when the task ends: a running task whose heartbeat is older
    than SAKIP_BATAS_DIAM_DETIK died with its worker."""

    id_tugas = models.CharField("tugas antrean", max_length=64, primary_key=True)
    diperbarui_pada = models.DateTimeField("detak terakhir")

    class Meta:
        verbose_name = "detak tugas latar"
        verbose_name_plural = "detak tugas latar"

    def __str__(self):
        return self.id_tugas
