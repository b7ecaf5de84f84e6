"""Realisasi kinerja per triwulan (with components and evidence) and the predikat scales."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from capaian.hitung import Pita
from capaian.models_dasar import _Bukti, _lokasi_bukti, _Realisasi  # noqa: F401  (_lokasi_bukti: migrations)
from perjanjian.models import BarisPK, KomponenIndikator

# 15 digits: what every database keeps exactly (SQLite stores decimals as 15-digit REAL).
NILAI = {"max_digits": 15, "decimal_places": 4}


class SkalaPredikat(models.Model):
    nama = models.CharField("nama skala", max_length=200, unique=True)
    aktif = models.BooleanField("dipakai", default=False, help_text="Hanya satu skala yang dipakai.")
    keterangan = models.TextField("keterangan", blank=True)

    class Meta:
        verbose_name = "skala predikat capaian"
        verbose_name_plural = "skala predikat capaian"
        ordering = ["-aktif", "nama"]
        constraints = [
            models.UniqueConstraint(
                fields=["aktif"],
                condition=models.Q(aktif=True),
                name="satu_skala_aktif",
                violation_error_message="Sudah ada skala lain yang dipakai; nonaktifkan dulu.",
            )
        ]

    def __str__(self):
        return self.nama

    def sebagai_pita(self):
        return [p.sebagai_pita() for p in self.pita.all()]


class PilihanSkalaOPD(models.Model):
    """The scale a perangkat daerah reads its capaian by, where it differs from the kabupaten's
    (the scale in use, ``SkalaPredikat.aktif``)."""

    instansi = models.OneToOneField(
        "nakertrans.Instansi", verbose_name="perangkat daerah", on_delete=models.CASCADE, related_name="+"
    )
    skala = models.ForeignKey(SkalaPredikat, verbose_name="skala", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "skala predikat perangkat daerah"
        verbose_name_plural = "skala predikat perangkat daerah"

    def __str__(self):
        return f"{self.instansi}: {self.skala}"


class PitaPredikat(models.Model):
    skala = models.ForeignKey(SkalaPredikat, on_delete=models.CASCADE, related_name="pita")
    nama = models.CharField("kategori", max_length=50)
    bawah = models.DecimalField(
        "batas bawah (%)", max_digits=8, decimal_places=2, validators=[MinValueValidator(0)]
    )
    bawah_inklusif = models.BooleanField("batas bawah termasuk", default=True)
    atas = models.DecimalField(
        "batas atas (%)",
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Kosong: tanpa batas atas.",
    )
    atas_inklusif = models.BooleanField("batas atas termasuk", default=False)
    warna = models.CharField("warna", max_length=7, default="#2e90fa")

    class Meta:
        verbose_name = "kategori predikat"
        verbose_name_plural = "kategori predikat"
        ordering = ["skala", "bawah"]

    def __str__(self):
        return f"{self.nama} ({self.sebagai_pita().rentang})"

    def sebagai_pita(self):
        return Pita(self.nama, self.bawah, self.atas, self.bawah_inklusif, self.atas_inklusif, self.warna)


class RealisasiTriwulan(_Realisasi):
    """What a PK line achieved in one quarter, with the unit's explanation."""

    baris = models.ForeignKey(
        BarisPK, verbose_name="baris PK", on_delete=models.PROTECT, related_name="realisasi"
    )
    triwulan = models.PositiveSmallIntegerField(
        "triwulan", validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    kendala = models.TextField("kendala/hambatan", blank=True)
    upaya = models.TextField("upaya/solusi", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "realisasi triwulan"
        verbose_name_plural = "realisasi triwulan"
        ordering = ["baris", "triwulan"]
        permissions = [("lihat_riwayat", "Melihat riwayat perubahan target dan realisasi")]
        constraints = [models.UniqueConstraint(fields=["baris", "triwulan"], name="realisasi_triwulan_unik")]

    def __str__(self):
        return f"{self.baris} TW {self.triwulan}"


class NilaiKomponenTriwulan(models.Model):
    """A component value of a composite indicator, entered for a quarter."""

    realisasi = models.ForeignKey(RealisasiTriwulan, on_delete=models.CASCADE, related_name="komponen")
    komponen = models.ForeignKey(KomponenIndikator, on_delete=models.PROTECT, related_name="nilai_triwulan")
    nilai = models.DecimalField(
        "nilai", **NILAI, validators=[MinValueValidator(Decimal(0), "Nilai tidak boleh negatif.")]
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "nilai komponen triwulan"
        verbose_name_plural = "nilai komponen triwulan"
        constraints = [
            models.UniqueConstraint(fields=["realisasi", "komponen"], name="nilai_komponen_triwulan_unik")
        ]

    def __str__(self):
        return f"{self.komponen.kode} = {self.nilai}"


class BuktiDukung(_Bukti):
    realisasi = models.ForeignKey(RealisasiTriwulan, on_delete=models.CASCADE, related_name="bukti")

    class Meta:
        verbose_name = "bukti dukung"
        verbose_name_plural = "bukti dukung"
        ordering = ["realisasi", "diunggah_pada"]


class NarasiLKjIP(models.Model):
    """A narrative section of a year's LKjIP, written in Markdown by the Sekretariat.

    Without a row the report prints the text generated from the figures; the edit form starts from it.
    """

    class Bagian(models.TextChoices):
        KATA_PENGANTAR = "kata_pengantar", "Kata Pengantar"
        LATAR_BELAKANG = "latar_belakang", "Latar Belakang"
        ANALISIS = "analisis", "Analisis capaian sasaran"
        PENUTUP = "penutup", "Penutup"

    instansi = models.ForeignKey(
        "nakertrans.Instansi", verbose_name="perangkat daerah", on_delete=models.PROTECT, related_name="+"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    bagian = models.CharField("bagian", max_length=20, choices=Bagian.choices)
    # The sasaran's indicator for an analysis; indicators survive PK revisions, PK lines do not.
    indikator = models.ForeignKey(
        "perjanjian.Indikator", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    teks = models.TextField("teks (Markdown)")
    versi = models.PositiveIntegerField("versi", default=0, editable=False)
    diubah_oleh = models.ForeignKey("nakertrans.Pengguna", on_delete=models.PROTECT, related_name="+")
    diubah_pada = models.DateTimeField("diubah pada", auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "narasi LKjIP"
        verbose_name_plural = "narasi LKjIP"
        ordering = ["tahun", "bagian"]
        permissions = [("susun_lkjip", "Menyusun narasi dan membuat draf LKjIP")]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "tahun", "bagian"],
                condition=models.Q(indikator=None),
                name="narasi_lkjip_unik",
            ),
            models.UniqueConstraint(
                fields=["instansi", "tahun", "bagian", "indikator"],
                condition=models.Q(indikator__isnull=False),
                name="narasi_analisis_lkjip_unik",
            ),
        ]

    def __str__(self):
        return f"{self.get_bagian_display()} {self.tahun}"


class TanggapanPeringatan(models.Model):
    """The Kepala Dinas's note on a warning of the LKjIP check: seen, and published knowingly."""

    instansi = models.ForeignKey(
        "nakertrans.Instansi", verbose_name="perangkat daerah", on_delete=models.PROTECT, related_name="+"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    kode = models.CharField("kode peringatan", max_length=200)
    pesan = models.TextField("peringatan saat ditanggapi")
    catatan = models.TextField("catatan")
    oleh = models.ForeignKey("nakertrans.Pengguna", on_delete=models.PROTECT, related_name="+")
    pada = models.DateTimeField("pada", default=timezone.now)

    class Meta:
        verbose_name = "tanggapan peringatan LKjIP"
        verbose_name_plural = "tanggapan peringatan LKjIP"
        ordering = ["tahun", "pada"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "tahun", "kode"], name="tanggapan_peringatan_unik")
        ]

    def __str__(self):
        return f"{self.tahun} {self.kode}"


class TerbitanQuerySet(models.QuerySet):
    """Bulk changes are refused like single ones (on PostgreSQL a trigger refuses them too)."""

    def update(self, **kwargs):
        raise ValidationError("Terbitan LKjIP tidak dapat diubah; terbitkan versi baru.")

    def delete(self):
        raise ValidationError("Terbitan LKjIP tidak dapat dihapus.")


class TerbitanLKjIP(models.Model):
    """A published LKjIP: the PDF exactly as published, never changed and never deleted.

    The bytes live in the database row, so the record and its file are written in one transaction and
    backed up together; the SHA-256 is checked again every time the file is served.
    """

    instansi = models.ForeignKey(
        "nakertrans.Instansi", verbose_name="perangkat daerah", on_delete=models.PROTECT, related_name="+"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    nomor = models.PositiveIntegerField("versi")
    isi = models.BinaryField("berkas PDF", editable=False)
    sha256 = models.CharField("SHA-256", max_length=64, editable=False)
    ukuran = models.PositiveIntegerField("ukuran (bita)", editable=False)
    diterbitkan_oleh = models.ForeignKey(
        "nakertrans.Pengguna", verbose_name="diterbitkan oleh", on_delete=models.PROTECT, related_name="+"
    )
    diterbitkan_pada = models.DateTimeField("diterbitkan pada")
    tanggapan = models.TextField(
        "peringatan yang ditanggapi", blank=True, help_text="Salinan saat terbit: peringatan dan catatannya."
    )

    objects = TerbitanQuerySet.as_manager()

    class Meta:
        verbose_name = "terbitan LKjIP"
        verbose_name_plural = "terbitan LKjIP"
        ordering = ["-tahun", "-nomor"]
        permissions = [("terbitkan_lkjip", "Menerbitkan LKjIP")]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "tahun", "nomor"], name="terbitan_lkjip_unik")
        ]

    def __str__(self):
        return f"LKjIP {self.tahun} versi {self.nomor}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError("Terbitan LKjIP tidak dapat diubah; terbitkan versi baru.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("Terbitan LKjIP tidak dapat dihapus.")

    @property
    def nama_berkas(self):
        return f"LKjIP-{self.instansi.kode}-{self.tahun}-versi-{self.nomor}.pdf"


class PembuatanLKjIP(models.Model):
    """One generation of the LKjIP PDF, run outside the request so no worker waits on WeasyPrint."""

    class Jenis(models.TextChoices):
        DRAF = "draf", "Draf"
        TERBITAN = "terbitan", "Terbitan"

    class Status(models.TextChoices):
        ANTRE = "antre", "Menunggu"
        BERJALAN = "berjalan", "Sedang dibuat"
        SELESAI = "selesai", "Selesai"
        GAGAL = "gagal", "Gagal"

    instansi = models.ForeignKey(
        "nakertrans.Instansi", verbose_name="perangkat daerah", on_delete=models.PROTECT, related_name="+"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    jenis = models.CharField("jenis", max_length=10, choices=Jenis.choices)
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.ANTRE)
    nomor = models.PositiveIntegerField(
        "versi yang diterbitkan", null=True, help_text="Versi yang dikonfirmasi Kepala Dinas."
    )
    tahap = models.CharField("tahap", max_length=100, blank=True)
    pesan = models.TextField("pesan", blank=True)
    isi = models.BinaryField("berkas PDF", null=True, editable=False)
    terbitan = models.ForeignKey(TerbitanLKjIP, on_delete=models.PROTECT, null=True, related_name="+")
    diminta_oleh = models.ForeignKey("nakertrans.Pengguna", on_delete=models.PROTECT, related_name="+")
    dibuat_pada = models.DateTimeField("dibuat pada", auto_now_add=True)
    mulai_pada = models.DateTimeField("mulai", null=True)
    selesai_pada = models.DateTimeField("selesai", null=True)
    diperbarui_pada = models.DateTimeField("diperbarui pada", auto_now=True)
    # The task of the database queue that runs the job (nakertrans.latar), closed as failed with it when
    # its worker died.
    id_tugas = models.CharField("tugas antrean", max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = "pembuatan LKjIP"
        verbose_name_plural = "pembuatan LKjIP"
        ordering = ["-dibuat_pada"]

    def __str__(self):
        return f"{self.get_jenis_display()} LKjIP {self.tahun} ({self.get_status_display()})"

    @property
    def sedang_berjalan(self):
        return self.status in (self.Status.ANTRE, self.Status.BERJALAN)


from capaian.models_renja import (  # noqa: E402, F401  (its own module: the Renja's kinerja)
    BuktiRenja,
    CatatanEvaluasiRenja,
    IndikatorRenja,
    PaguRenstra,
    RealisasiRenja,
    TargetRenja,
)
