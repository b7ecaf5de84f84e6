"""The record of every previewed file: what was checked, by whom, and whether (and when) it was imported."""

import uuid

from django.conf import settings
from django.db import models


class BerkasImpor(models.Model):
    """A file that passed its preview. Confirming the import consumes it exactly once (a conditional
    UPDATE on ``diimpor_pada``), so a double click or a second browser cannot import it twice; the row
    and the file's bytes stay as the record of what was imported."""

    token = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    jenis = models.CharField("jenis data", max_length=50)
    nama_berkas = models.CharField("nama berkas", max_length=255)
    isi = models.BinaryField("isi berkas")
    sha256 = models.CharField("SHA-256", max_length=64)
    ukuran = models.PositiveIntegerField("ukuran (bita)")
    diperiksa_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="diperiksa oleh"
    )
    diperiksa_pada = models.DateTimeField("diperiksa pada", auto_now_add=True)
    ada_peringatan = models.BooleanField("ada peringatan", default=False)
    diimpor_pada = models.DateTimeField("diimpor pada", null=True, blank=True)
    ringkasan = models.TextField("ringkasan", blank=True)

    class Status(models.TextChoices):
        ANTRE = "antre", "Menunggu giliran"
        BERJALAN = "berjalan", "Sedang diimpor"
        SELESAI = "selesai", "Selesai"
        GAGAL = "gagal", "Gagal"

    # A large file's import runs as a task of the queue (nakertrans.impor.impor_di_latar); empty for
    # one imported in the request itself, or not confirmed yet.
    status = models.CharField("status impor latar", max_length=10, choices=Status.choices, blank=True)
    pesan = models.JSONField("pesan impor latar", default=list, blank=True)
    id_tugas = models.CharField("tugas antrean", max_length=64, blank=True)

    class Meta:
        verbose_name = "berkas impor"
        verbose_name_plural = "berkas impor"
        ordering = ["-diperiksa_pada"]

    def __str__(self):
        return f"{self.nama_berkas} ({self.jenis})"
