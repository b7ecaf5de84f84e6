"""Nomenklatur (Permendagri 90/2019) and the yearly DPA: pagu and realisasi per sub kegiatan.

Only sub kegiatan carry money. Kegiatan, program and office totals are computed (anggaran.rollup),
never stored, so they cannot disagree with their parts.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from anggaran import kode as nomenklatur
from nakertrans.models import Instansi, UnitKerja
from nakertrans.signals import periksa_pindah_unit

# 15 digits: what every database keeps exactly (SQLite stores decimals as 15-digit REAL); 13 before the
# comma is ten trillion rupiah, more than a regency's whole budget.
RUPIAH = {"max_digits": 15, "decimal_places": 2}
PERSEN_FISIK = [MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))]
TIDAK_NEGATIF = [MinValueValidator(Decimal(0), message="Nilai tidak boleh negatif.")]


class NomenklaturQuerySet(models.QuerySet):
    def kode(self, teks):
        """Lookup by code in any of the forms people write it."""
        return self.get(kode=nomenklatur.normalisasi_kode(teks))


class Nomenklatur(models.Model):
    class Tingkat(models.IntegerChoices):
        URUSAN = nomenklatur.URUSAN, "Urusan"
        BIDANG_URUSAN = nomenklatur.BIDANG_URUSAN, "Bidang urusan"
        PROGRAM = nomenklatur.PROGRAM, "Program"
        KEGIATAN = nomenklatur.KEGIATAN, "Kegiatan"
        SUB_KEGIATAN = nomenklatur.SUB_KEGIATAN, "Sub kegiatan"

    kode = models.CharField(
        "kode",
        max_length=30,
        unique=True,
        help_text="Misalnya 2.07.01.2.01.0001; ditulis dengan spasi atau tiga angka pun diterima.",
        error_messages={"unique": "Kode ini sudah ada."},
    )
    nama = models.CharField("nama", max_length=400)
    tingkat = models.PositiveSmallIntegerField("tingkat", choices=Tingkat.choices, editable=False)
    induk = models.ForeignKey(
        "self",
        verbose_name="induk",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="anak",
    )

    objects = NomenklaturQuerySet.as_manager()

    class Meta:
        verbose_name = "nomenklatur"
        verbose_name_plural = "nomenklatur"
        ordering = ["kode"]

    def __str__(self):
        return f"{self.kode} {self.nama}"

    def save(self, *args, **kwargs):
        # The parent and the level follow from the code; nobody types them.
        self.kode = nomenklatur.normalisasi_kode(self.kode)
        self.tingkat = nomenklatur.tingkat_kode(self.kode)
        kode_induk = nomenklatur.kode_induk(self.kode)
        self.induk = Nomenklatur.objects.get(kode=kode_induk) if kode_induk else None
        super().save(*args, **kwargs)

    def clean(self):
        try:
            self.kode = nomenklatur.normalisasi_kode(self.kode)
        except ValidationError as galat:
            raise ValidationError({"kode": galat.messages}) from None
        kode_induk = nomenklatur.kode_induk(self.kode)
        if kode_induk and not Nomenklatur.objects.filter(kode=kode_induk).exists():
            raise ValidationError({"kode": f"Induk kode ini ({kode_induk}) belum terdaftar."})


class IndikatorProgramKegiatan(models.Model):
    """The outcome/output indicator and target of a program or kegiatan in one year (Tabel 30)."""

    instansi = models.ForeignKey(
        Instansi, verbose_name="perangkat daerah", on_delete=models.PROTECT, related_name="+"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    nomenklatur = models.ForeignKey(
        Nomenklatur,
        verbose_name="program/kegiatan",
        on_delete=models.PROTECT,
        related_name="indikator_tahunan",
        limit_choices_to={"tingkat__in": [nomenklatur.PROGRAM, nomenklatur.KEGIATAN]},
    )
    indikator = models.CharField("indikator", max_length=400)
    target = models.CharField("target", max_length=100, help_text="Seperti tertulis, misalnya 90,53 %.")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "indikator program/kegiatan"
        verbose_name_plural = "indikator program/kegiatan"
        ordering = ["tahun", "nomenklatur__kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "tahun", "nomenklatur"], name="indikator_program_kegiatan_unik"
            )
        ]

    def __str__(self):
        return f"{self.tahun} {self.nomenklatur.kode}: {self.indikator}"


class AnggaranSubKegiatan(models.Model):
    """A sub kegiatan in the DPA of one year: who runs it, its output, its pagu."""

    # The office of the responsible unit (kept on the row for the per-office code constraint, set on
    # save): two kecamatan run the same sub kegiatan code in the same year, each its own DPA line.
    instansi = models.ForeignKey(
        Instansi,
        verbose_name="perangkat daerah",
        on_delete=models.PROTECT,
        editable=False,
        blank=True,  # set from the unit, in clean() as in save()
        related_name="+",
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    sub_kegiatan = models.ForeignKey(
        Nomenklatur,
        verbose_name="sub kegiatan",
        on_delete=models.PROTECT,
        related_name="anggaran",
        limit_choices_to={"tingkat": nomenklatur.SUB_KEGIATAN},
    )
    unit_kerja = models.ForeignKey(
        UnitKerja,
        verbose_name="unit kerja penanggung jawab",
        on_delete=models.PROTECT,
        related_name="anggaran",
    )
    indikator = models.CharField("indikator keluaran", max_length=400)
    target = models.DecimalField("target", max_digits=14, decimal_places=2, validators=TIDAK_NEGATIF)
    satuan = models.CharField("satuan", max_length=100)
    sumber_dana = models.CharField("sumber dana", max_length=100, default="DAU")
    pagu_murni = models.DecimalField("pagu murni (Rp)", **RUPIAH, validators=TIDAK_NEGATIF)
    pagu_perubahan = models.DecimalField(
        "pagu perubahan (Rp)",
        **RUPIAH,
        null=True,
        blank=True,
        validators=TIDAK_NEGATIF,
        help_text="Diisi setelah APBD Perubahan; bila kosong, pagu murni yang berlaku.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "anggaran sub kegiatan (DPA)"
        verbose_name_plural = "anggaran sub kegiatan (DPA)"
        ordering = ["tahun", "sub_kegiatan__kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "tahun", "sub_kegiatan"],
                name="anggaran_sub_kegiatan_unik",
                violation_error_message=(
                    "Sub kegiatan ini sudah ada di DPA perangkat daerah ini untuk tahun itu."
                ),
            ),
            models.CheckConstraint(condition=models.Q(pagu_murni__gte=0), name="pagu_murni_tidak_negatif"),
            models.CheckConstraint(
                condition=models.Q(pagu_perubahan__isnull=True) | models.Q(pagu_perubahan__gte=0),
                name="pagu_perubahan_tidak_negatif",
            ),
        ]

    def __str__(self):
        return f"{self.tahun} {self.sub_kegiatan}"

    def save(self, *args, **kwargs):
        periksa_pindah_unit(self)
        self._ikut_unit()
        super().save(*args, **kwargs)

    def _ikut_unit(self):
        if self.unit_kerja_id:
            self.instansi_id = self.unit_kerja.instansi_id

    @property
    def pagu(self):
        """The pagu in force: the perubahan once it is set."""
        return self.pagu_murni if self.pagu_perubahan is None else self.pagu_perubahan

    def clean(self):
        if self.sub_kegiatan_id and self.sub_kegiatan.tingkat != nomenklatur.SUB_KEGIATAN:
            raise ValidationError({"sub_kegiatan": "Pagu hanya dicatat pada sub kegiatan."})
        periksa_pindah_unit(self)
        self._ikut_unit()


class RealisasiAnggaran(models.Model):
    """Money spent in one month, and the physical progress reached by the end of that month."""

    anggaran = models.ForeignKey(
        AnggaranSubKegiatan, verbose_name="sub kegiatan", on_delete=models.PROTECT, related_name="realisasi"
    )
    bulan = models.PositiveSmallIntegerField(
        "bulan",
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        choices=[(b, b) for b in range(1, 13)],
    )
    keuangan = models.DecimalField(
        "realisasi keuangan bulan ini (Rp)", **RUPIAH, default=Decimal(0), validators=TIDAK_NEGATIF
    )
    fisik = models.DecimalField(
        "realisasi fisik kumulatif (%)",
        max_digits=5,
        decimal_places=2,
        default=Decimal(0),
        validators=PERSEN_FISIK,
    )
    catatan = models.TextField("catatan", blank=True)
    # Bumped by every save: an edit made on a stale page is refused instead of overwriting.
    versi = models.PositiveIntegerField("versi", default=0, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "realisasi anggaran bulanan"
        verbose_name_plural = "realisasi anggaran bulanan"
        ordering = ["anggaran", "bulan"]
        constraints = [
            models.UniqueConstraint(fields=["anggaran", "bulan"], name="realisasi_anggaran_bulan_unik"),
            models.CheckConstraint(
                condition=models.Q(keuangan__gte=0), name="realisasi_keuangan_tidak_negatif"
            ),
            models.CheckConstraint(
                condition=models.Q(fisik__gte=0) & models.Q(fisik__lte=100), name="realisasi_fisik_0_100"
            ),
        ]

    def __str__(self):
        return f"{self.anggaran} bulan {self.bulan}"


class PaguTertulis(models.Model):
    """A program or kegiatan total as printed in the source document (the DPA or Tabel 14).

    Reports always print the sum of the sub kegiatan; the printed figure is kept only so that the LKjIP
    check can show where the source document does not add up.
    """

    instansi = models.ForeignKey(
        Instansi, verbose_name="perangkat daerah", on_delete=models.PROTECT, related_name="+"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    nomenklatur = models.ForeignKey(
        Nomenklatur, verbose_name="program/kegiatan", on_delete=models.PROTECT, related_name="pagu_tertulis"
    )
    pagu_murni = models.DecimalField("pagu murni tertulis (Rp)", **RUPIAH, null=True, blank=True)
    pagu_perubahan = models.DecimalField("pagu perubahan tertulis (Rp)", **RUPIAH, null=True, blank=True)
    sumber = models.CharField("sumber", max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "pagu tertulis program/kegiatan"
        verbose_name_plural = "pagu tertulis program/kegiatan"
        ordering = ["tahun", "nomenklatur__kode"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "tahun", "nomenklatur"], name="pagu_tertulis_unik")
        ]

    def __str__(self):
        return f"{self.tahun} {self.nomenklatur.kode}"
