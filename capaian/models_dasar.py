"""Abstract bases of capaian's models: an evidence file, and a quarter's realisasi (a number or a SAKIP
letter, its saves counted). Their own module, so that capaian.models (PK lines) and
capaian.models_renja (the Renja's indicators) build on them without importing each other."""

import uuid
from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models

from perjanjian.models import NILAI, PREDIKAT_SAKIP


def _lokasi_bukti(instance, nama_berkas):
    # An unguessable name; the original name is kept in the row, never in the path.
    akhiran = nama_berkas.rsplit(".", 1)[-1].lower() if "." in nama_berkas else "bin"
    return f"bukti/{uuid.uuid4().hex}.{akhiran}"


class _Bukti(models.Model):
    """An uploaded evidence file (checked by capaian.bukti.periksa_bukti), kept under an unguessable name."""

    berkas = models.FileField("berkas", upload_to=_lokasi_bukti)
    nama_asli = models.CharField("nama berkas", max_length=255)
    jenis = models.CharField("jenis", max_length=10)
    ukuran = models.PositiveIntegerField("ukuran (bita)")
    diunggah_oleh = models.ForeignKey("nakertrans.Pengguna", on_delete=models.PROTECT, related_name="+")
    diunggah_pada = models.DateTimeField("diunggah pada", auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.nama_asli


class _Realisasi(models.Model):
    """What was reached in a quarter: a number, or a letter for a predikat indicator."""

    realisasi_angka = models.DecimalField(
        "realisasi",
        **NILAI,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0), "Realisasi tidak boleh negatif.")],
    )
    realisasi_huruf = models.CharField(
        "realisasi (predikat)", max_length=2, blank=True, choices=[(h, h) for h in PREDIKAT_SAKIP]
    )
    # Bumped by every save: an edit made on a stale page is refused instead of overwriting.
    versi = models.PositiveIntegerField("versi", default=0, editable=False)

    class Meta:
        abstract = True

    @property
    def realisasi(self):
        return self.realisasi_huruf or self.realisasi_angka
