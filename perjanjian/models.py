"""The RPJMD of the Pemerintah Daerah, each office's Renstra and IKU, indicators (with formulas and
polarity) and the yearly Perjanjian Kinerja."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce, Lower
from simple_history.models import HistoricalRecords

from anggaran.models import Nomenklatur
from nakertrans.models import Instansi, Jabatan, PemerintahDaerah, Penugasan, UnitKerja, pejabat_pada
from nakertrans.rumus import GalatRumus, urai_rumus

# SAKIP evaluation letters, best first.
PREDIKAT_SAKIP = ["AA", "A", "BB", "B", "CC", "C", "D"]
# 15 digits: what every database keeps exactly (SQLite stores decimals as 15-digit REAL).
NILAI = {"max_digits": 15, "decimal_places": 4}


class _Rencana(models.Model):
    """A five-year plan: its years and its visi (the RPJMD of the kabupaten, the Renstra of an office)."""

    tahun_awal = models.PositiveSmallIntegerField("tahun awal")
    tahun_akhir = models.PositiveSmallIntegerField("tahun akhir")
    visi = models.TextField("visi")

    class Meta:
        abstract = True
        ordering = ["-tahun_awal"]
        constraints = [
            models.CheckConstraint(
                condition=Q(tahun_akhir__gte=models.F("tahun_awal")), name="%(class)s_tahun_urut"
            )
        ]

    def clean(self):
        if self.tahun_awal and self.tahun_akhir and self.tahun_akhir < self.tahun_awal:
            raise ValidationError({"tahun_akhir": "Tahun akhir tidak boleh sebelum tahun awal."})

    def memuat(self, tahun):
        return self.tahun_awal <= tahun <= self.tahun_akhir


class RPJMD(_Rencana):
    """The Pemerintah Daerah's medium-term plan: the top of the cascade RPJMD -> Renstra -> PK."""

    pemerintah_daerah = models.ForeignKey(
        PemerintahDaerah, verbose_name="pemerintah daerah", on_delete=models.PROTECT, related_name="rpjmd"
    )

    class Meta(_Rencana.Meta):
        verbose_name = "RPJMD"
        verbose_name_plural = "RPJMD"
        constraints = [
            *_Rencana.Meta.constraints,
            models.UniqueConstraint(fields=["pemerintah_daerah", "tahun_awal"], name="rpjmd_unik"),
        ]

    def __str__(self):
        return f"RPJMD {self.pemerintah_daerah} {self.tahun_awal}-{self.tahun_akhir}"


class Renstra(_Rencana):
    instansi = models.ForeignKey(
        Instansi, verbose_name="perangkat daerah", on_delete=models.PROTECT, related_name="renstra"
    )
    nama = models.CharField("nama", max_length=200, help_text="Misalnya: Renstra 2021-2026.")

    class Meta(_Rencana.Meta):
        verbose_name = "renstra"
        verbose_name_plural = "renstra"
        constraints = [
            *_Rencana.Meta.constraints,
            models.UniqueConstraint(
                fields=["instansi", "tahun_awal"],
                name="renstra_unik",
                violation_error_message="Perangkat daerah ini sudah memiliki Renstra yang mulai tahun itu.",
            ),
        ]

    def __str__(self):
        return self.nama


class _Uraian(models.Model):
    """An ordered statement of a plan (misi, tujuan, sasaran)."""

    urutan = models.PositiveSmallIntegerField("urutan")
    teks = models.TextField("uraian")

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.urutan}. {self.teks}"


class _ButirRPJMD(_Uraian):
    rpjmd = models.ForeignKey(RPJMD, verbose_name="RPJMD", on_delete=models.CASCADE)

    class Meta(_Uraian.Meta):
        abstract = True
        ordering = ["rpjmd", "urutan"]


class MisiRPJMD(_ButirRPJMD):
    class Meta(_ButirRPJMD.Meta):
        verbose_name = "misi RPJMD"
        verbose_name_plural = "misi RPJMD"
        default_related_name = "misi"


class TujuanRPJMD(_ButirRPJMD):
    class Meta(_ButirRPJMD.Meta):
        verbose_name = "tujuan RPJMD"
        verbose_name_plural = "tujuan RPJMD"
        default_related_name = "tujuan"


class SasaranRPJMD(_ButirRPJMD):
    """A sasaran daerah; the Renstra sasaran of the offices say which one they support."""

    class Meta(_ButirRPJMD.Meta):
        verbose_name = "sasaran RPJMD"
        verbose_name_plural = "sasaran RPJMD"
        default_related_name = "sasaran"


class _Butir(_Uraian):
    """An ordered statement of a Renstra (misi, tujuan, sasaran)."""

    renstra = models.ForeignKey(Renstra, on_delete=models.CASCADE)

    class Meta(_Uraian.Meta):
        abstract = True
        ordering = ["renstra", "urutan"]


class Misi(_Butir):
    class Meta(_Butir.Meta):
        verbose_name = "misi"
        verbose_name_plural = "misi"
        default_related_name = "misi"


class Tujuan(_Butir):
    class Meta(_Butir.Meta):
        verbose_name = "tujuan"
        verbose_name_plural = "tujuan"
        default_related_name = "tujuan"


class SasaranRenstra(_Butir):
    sasaran_rpjmd = models.ForeignKey(
        SasaranRPJMD,
        verbose_name="mendukung sasaran RPJMD",
        on_delete=models.PROTECT,
        related_name="sasaran_renstra",
        null=True,
        blank=True,
    )

    class Meta(_Butir.Meta):
        verbose_name = "sasaran renstra"
        verbose_name_plural = "sasaran renstra"
        default_related_name = "sasaran"


class Indikator(models.Model):
    class JenisNilai(models.TextChoices):
        ANGKA = "angka", "Angka"
        PERSEN = "persen", "Persentase"
        PREDIKAT = "predikat", "Predikat huruf (AA sampai D)"

    class Polaritas(models.TextChoices):
        NAIK = "naik", "Makin tinggi makin baik"
        TURUN = "turun", "Makin rendah makin baik"

    class MetodeCapaian(models.TextChoices):
        REALISASI_PER_TARGET = "r/t", "Realisasi / target × 100"
        DUA_T_KURANG_R = "(2t-r)/t", "(2 × target − realisasi) / target × 100"
        TARGET_PER_REALISASI = "t/r", "Target / realisasi × 100"

    class AturanTahunan(models.TextChoices):
        JUMLAH = "jumlah", "Jumlah triwulan"
        TERAKHIR = "terakhir", "Triwulan terakhir yang terisi"
        RATA_RATA = "rata_rata", "Rata-rata triwulan"

    instansi = models.ForeignKey(
        Instansi,
        verbose_name="perangkat daerah",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indikator",
        help_text="Kosong: indikator pemerintah daerah (RPJMD) yang tidak diukur satu perangkat daerah.",
    )
    nama = models.CharField("nama indikator", max_length=400)
    satuan = models.CharField("satuan", max_length=100)
    jenis_nilai = models.CharField(
        "jenis nilai", max_length=10, choices=JenisNilai.choices, default=JenisNilai.ANGKA
    )
    polaritas = models.CharField("polaritas", max_length=5, choices=Polaritas.choices, default=Polaritas.NAIK)
    metode_capaian = models.CharField(
        "metode capaian",
        max_length=10,
        choices=MetodeCapaian.choices,
        blank=True,
        help_text="Kosong: r/t untuk polaritas naik, (2t-r)/t untuk polaritas turun.",
    )
    aturan_tahunan = models.CharField(
        "realisasi tahunan dari triwulan",
        max_length=10,
        choices=AturanTahunan.choices,
        default=AturanTahunan.JUMLAH,
    )
    desimal = models.PositiveSmallIntegerField("jumlah desimal", default=2, validators=[MaxValueValidator(4)])
    rumus = models.TextField(
        "rumus",
        blank=True,
        help_text="Satu baris per langkah, misalnya «e1 = luas_dibangun / luas_pencadangan * 100»; "
        "baris terakhir adalah nilai indikator. "
        "Nama yang dipakai tetapi tidak didefinisikan adalah komponen yang diisi.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "indikator"
        verbose_name_plural = "indikator"
        ordering = ["nama"]
        constraints = [
            # One indicator per name and office, whatever the case: no import, form or race can make a
            # second; two offices may each have their own (every office has a «Nilai SAKIP»).
            models.UniqueConstraint(
                "instansi",
                Lower("nama"),
                name="indikator_nama_unik",
                violation_error_code="unique",
                violation_error_message="Indikator dengan nama ini sudah ada di perangkat daerah ini "
                "(huruf besar/kecil tidak dibedakan).",
            ),
            models.UniqueConstraint(
                Lower("nama"),
                condition=Q(instansi=None),
                name="indikator_daerah_nama_unik",
                violation_error_code="unique",
                violation_error_message="Indikator pemerintah daerah dengan nama ini sudah ada "
                "(huruf besar/kecil tidak dibedakan).",
            ),
        ]

    def __str__(self):
        return self.nama

    def save(self, *args, **kwargs):
        # Runs of spaces are one space, so that a name matches the way people read it.
        self.nama = " ".join((self.nama or "").split())
        super().save(*args, **kwargs)

    @property
    def metode(self):
        """The capaian method in force: the setting, or the default for the polarity."""
        if self.metode_capaian:
            return self.metode_capaian
        return (
            self.MetodeCapaian.DUA_T_KURANG_R
            if self.polaritas == self.Polaritas.TURUN
            else self.MetodeCapaian.REALISASI_PER_TARGET
        )

    def rumus_terurai(self, komponen_dikenal=None):
        return urai_rumus(self.rumus, komponen_dikenal) if self.rumus.strip() else None

    def clean(self):
        self.nama = " ".join((self.nama or "").split())
        if self.jenis_nilai == self.JenisNilai.PREDIKAT and self.rumus.strip():
            raise ValidationError({"rumus": "Indikator predikat huruf tidak dihitung dengan rumus."})
        if self.rumus.strip():
            dikenal = set(self.komponen.values_list("kode", flat=True)) if self.pk else None
            try:
                self.rumus_terurai(dikenal if dikenal else None)
            except GalatRumus as galat:
                raise ValidationError({"rumus": galat.messages}) from None


class KomponenIndikator(models.Model):
    """A value the unit enters, from which a composite indicator is computed."""

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="komponen")
    kode = models.SlugField(
        "kode", max_length=50, help_text="Nama yang dipakai di rumus, misalnya luas_dibangun."
    )
    label = models.CharField("uraian", max_length=300)
    satuan = models.CharField("satuan", max_length=50, blank=True)
    urutan = models.PositiveSmallIntegerField("urutan", default=0)

    class Meta:
        verbose_name = "komponen indikator"
        verbose_name_plural = "komponen indikator"
        ordering = ["indikator", "urutan", "kode"]
        constraints = [models.UniqueConstraint(fields=["indikator", "kode"], name="komponen_kode_unik")]

    def __str__(self):
        return f"{self.kode}: {self.label}"


class Target(models.Model):
    """A target that is either a number or a SAKIP predikat letter (shared by IKU and PK lines)."""

    target_angka = models.DecimalField("target (angka)", **NILAI, null=True, blank=True)
    target_huruf = models.CharField(
        "target (predikat)", max_length=2, blank=True, choices=[(h, h) for h in PREDIKAT_SAKIP]
    )

    class Meta:
        abstract = True

    @property
    def target(self):
        return self.target_huruf or self.target_angka

    def bersihkan_target(self, indikator):
        if self.target_angka is not None and self.target_huruf:
            raise ValidationError("Isi target angka atau target predikat, tidak keduanya.")
        if indikator is None:
            return
        if indikator.jenis_nilai == Indikator.JenisNilai.PREDIKAT:
            if self.target_angka is not None:
                raise ValidationError(
                    {"target_angka": "Indikator ini bertarget predikat huruf (AA sampai D)."}
                )
            if self.target_huruf and self.target_huruf not in PREDIKAT_SAKIP:
                raise ValidationError(
                    {"target_huruf": "Predikat harus salah satu dari AA, A, BB, B, CC, C, D."}
                )
        elif self.target_huruf:
            raise ValidationError({"target_huruf": "Indikator ini bertarget angka, bukan predikat huruf."})


class IKU(models.Model):
    renstra = models.ForeignKey(Renstra, on_delete=models.CASCADE, related_name="iku")
    sasaran = models.ForeignKey(
        SasaranRenstra, on_delete=models.PROTECT, related_name="iku", null=True, blank=True
    )
    uraian_sasaran = models.CharField("sasaran (seperti tertulis di tabel IKU)", max_length=300, blank=True)
    indikator = models.ForeignKey(Indikator, on_delete=models.PROTECT, related_name="iku")
    alasan = models.TextField("alasan", blank=True)
    formulasi = models.TextField("formulasi", blank=True)
    keterangan = models.TextField("keterangan", blank=True)
    urutan = models.PositiveSmallIntegerField("urutan", default=0)

    class Meta:
        verbose_name = "indikator kinerja utama (IKU)"
        verbose_name_plural = "indikator kinerja utama (IKU)"
        ordering = ["renstra", "urutan"]

    def __str__(self):
        return str(self.indikator)

    @property
    def rencana(self):
        return self.renstra


class _TargetTahunan(Target):
    """A yearly target of an IKU (of an office's Renstra or of the RPJMD): a number or a letter as its
    indicator wants, in a year of its plan (the IKU's ``rencana``)."""

    tahun = models.PositiveSmallIntegerField("tahun")

    class Meta:
        abstract = True
        ordering = ["iku", "tahun"]

    def __str__(self):
        return f"{self.iku} {self.tahun}: {self.target}"

    def clean(self):
        self.bersihkan_target(self.iku.indikator if self.iku_id else None)
        rencana = self.iku.rencana if self.iku_id else None
        if rencana is not None and self.tahun is not None and not rencana.memuat(self.tahun):
            raise ValidationError({"tahun": f"Tahun {self.tahun} di luar masa {rencana}."})


class TargetIKU(_TargetTahunan):
    iku = models.ForeignKey(IKU, on_delete=models.CASCADE, related_name="target_tahunan")
    history = HistoricalRecords()

    class Meta(_TargetTahunan.Meta):
        verbose_name = "target IKU"
        verbose_name_plural = "target IKU"
        constraints = [models.UniqueConstraint(fields=["iku", "tahun"], name="target_iku_unik")]


class IKUDaerah(models.Model):
    """An Indikator Kinerja Utama of the Pemerintah Daerah: a sasaran daerah's indicator, with a target
    for each year of the RPJMD."""

    rpjmd = models.ForeignKey(RPJMD, verbose_name="RPJMD", on_delete=models.CASCADE, related_name="iku")
    sasaran = models.ForeignKey(
        SasaranRPJMD, verbose_name="sasaran", on_delete=models.PROTECT, related_name="iku"
    )
    indikator = models.ForeignKey(Indikator, on_delete=models.PROTECT, related_name="iku_daerah")
    formulasi = models.TextField("formulasi", blank=True)
    urutan = models.PositiveSmallIntegerField("urutan", default=0)

    class Meta:
        verbose_name = "IKU daerah"
        verbose_name_plural = "IKU daerah"
        ordering = ["rpjmd", "urutan"]

    def __str__(self):
        return str(self.indikator)

    @property
    def rencana(self):
        return self.rpjmd

    def clean(self):
        if self.sasaran_id and self.rpjmd_id and self.sasaran.rpjmd_id != self.rpjmd_id:
            raise ValidationError({"sasaran": "Sasaran ini milik RPJMD lain."})


class TargetIKUDaerah(_TargetTahunan):
    iku = models.ForeignKey(
        IKUDaerah, verbose_name="IKU daerah", on_delete=models.CASCADE, related_name="target_tahunan"
    )
    history = HistoricalRecords()

    class Meta(_TargetTahunan.Meta):
        verbose_name = "target IKU daerah"
        verbose_name_plural = "target IKU daerah"
        constraints = [models.UniqueConstraint(fields=["iku", "tahun"], name="target_iku_daerah_unik")]


def instansi_jabatan(jabatan):
    """The id of the office a post belongs to (its unit's), or None for the Kepala Daerah's posts."""
    return jabatan.unit_kerja.instansi_id if jabatan.unit_kerja_id else None


def unit_isian_dari(jalur=""):
    """The unit whose operators enter a PK's realisasi, as a database expression: the PK's unit
    pengisi when it has one (the Kepala Dinas's PK is filled in by the Sekretariat), else its post's
    unit. ``jalur``: the path from the queried model to the PK ("perjanjian__" from a PK line). The one
    definition of the rule; ``PerjanjianKinerja.unit_isian`` is the same rule on a loaded PK."""
    return Coalesce(f"{jalur}unit_pengisi", f"{jalur}jabatan__unit_kerja")


def _daftar_unit(unit):
    """A unit, a queryset of units or their ids, as something ``__in`` takes."""
    return [unit.pk] if isinstance(unit, models.Model) else unit


class PerjanjianKinerjaQuerySet(models.QuerySet):
    def diisi_oleh(self, unit):
        """The PKs whose realisasi ``unit`` (one unit, a queryset of units, or ids) enters."""
        return self.alias(_unit_isian=unit_isian_dari()).filter(_unit_isian__in=_daftar_unit(unit))

    def id_unit_isian(self):
        """The ids of the units that enter these PKs' realisasi (a values queryset, for ``__in``)."""
        return self.annotate(_unit_isian=unit_isian_dari()).values("_unit_isian")

    def final(self):
        return self.filter(status=PerjanjianKinerja.Status.FINAL)

    def berlaku(self, tahun):
        """Per post, the final PK of the year, or its draft while no final exists."""
        final = PerjanjianKinerja.objects.filter(
            tahun=tahun, jabatan=models.OuterRef("jabatan"), status="final"
        )
        return self.filter(tahun=tahun).filter(
            Q(status=PerjanjianKinerja.Status.FINAL)
            | (Q(status=PerjanjianKinerja.Status.DRAFT) & ~models.Exists(final))
        )


class PerjanjianKinerja(models.Model):
    """One post's performance agreement for one year; a final PK is never edited, it is revised."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draf"
        FINAL = "final", "Final"
        DIGANTI = "diganti", "Diganti revisi"

    tahun = models.PositiveSmallIntegerField("tahun")
    # The office of the post (kept on the row for the office's queries and constraints, set on save);
    # none for the PK of the Kepala Daerah, which belongs to the Pemerintah Daerah.
    instansi = models.ForeignKey(
        Instansi,
        verbose_name="perangkat daerah",
        on_delete=models.PROTECT,
        null=True,
        editable=False,
        related_name="perjanjian_kinerja",
    )
    jabatan = models.ForeignKey(
        Jabatan,
        verbose_name="jabatan (PIHAK KESATU)",
        on_delete=models.PROTECT,
        related_name="perjanjian_kinerja",
    )
    versi = models.PositiveSmallIntegerField("versi", default=1)
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.DRAFT)
    tempat = models.CharField("tempat", max_length=100, default="Muara Bungo")
    tanggal = models.DateField("tanggal penandatanganan")
    pihak_kesatu = models.ForeignKey(
        Penugasan,
        verbose_name="pejabat PIHAK KESATU",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    pihak_kedua = models.ForeignKey(
        Penugasan,
        verbose_name="pejabat PIHAK KEDUA",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    revisi_dari = models.OneToOneField(
        "self",
        verbose_name="revisi dari",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="revisi",
        editable=False,
    )
    alasan_revisi = models.TextField("alasan revisi", blank=True)
    unit_pengisi = models.ForeignKey(
        UnitKerja,
        verbose_name="unit pengisi realisasi",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Kosong: unit kerja jabatan. Misalnya PK Kepala Dinas diisi oleh Sekretariat.",
    )
    program_kegiatan = models.ManyToManyField(
        Nomenklatur,
        verbose_name="program/kegiatan/sub kegiatan",
        blank=True,
        related_name="perjanjian_kinerja",
    )
    history = HistoricalRecords(m2m_fields=[program_kegiatan])

    objects = PerjanjianKinerjaQuerySet.as_manager()

    class Meta:
        verbose_name = "perjanjian kinerja"
        verbose_name_plural = "perjanjian kinerja"
        ordering = ["-tahun", "jabatan__urutan", "-versi"]
        constraints = [
            models.UniqueConstraint(fields=["tahun", "jabatan", "versi"], name="pk_versi_unik"),
            models.UniqueConstraint(
                fields=["tahun", "jabatan"],
                condition=Q(status="final"),
                name="pk_satu_final",
                violation_error_message="Jabatan ini sudah memiliki PK final untuk tahun tersebut.",
            ),
            models.UniqueConstraint(
                fields=["tahun", "jabatan"],
                condition=Q(status="draft"),
                name="pk_satu_draf",
                violation_error_message="Jabatan ini sudah memiliki draf PK untuk tahun tersebut.",
            ),
        ]

    def __str__(self):
        return f"PK {self.tahun} {self.jabatan} (versi {self.versi})"

    def save(self, *args, **kwargs):
        if self.jabatan_id:
            self.instansi_id = instansi_jabatan(self.jabatan)
        super().save(*args, **kwargs)

    @property
    def dapat_diubah(self):
        return self.status == self.Status.DRAFT

    @property
    def unit_isian(self):
        """The unit whose operators enter this PK's realisasi."""
        return self.unit_pengisi if self.unit_pengisi_id else self.jabatan.unit_kerja

    @property
    def adalah_kepala_daerah(self):
        """The Bupati's own PK (the Pemerintah Daerah's, signed by the Bupati alone)."""
        return self.jabatan.jenis == Jabatan.Jenis.KEPALA_DAERAH

    def penandatangan(self):
        """(PIHAK KESATU, PIHAK KEDUA) Penugasan: stored once final, looked up by date while draft."""
        if self.status != self.Status.DRAFT:
            return self.pihak_kesatu, self.pihak_kedua
        kedua = pejabat_pada(self.jabatan.atasan, self.tanggal) if self.jabatan.atasan_id else None
        return pejabat_pada(self.jabatan, self.tanggal), kedua


class BarisPKQuerySet(models.QuerySet):
    def diisi_oleh(self, unit):
        """The lines whose realisasi ``unit`` (one unit, a queryset of units, or ids) enters."""
        return self.alias(_unit_isian=unit_isian_dari("perjanjian__")).filter(
            _unit_isian__in=_daftar_unit(unit)
        )


class BarisPK(Target):
    """A line of a PK: sasaran, indikator, year target and its quarterly rencana aksi."""

    perjanjian = models.ForeignKey(PerjanjianKinerja, on_delete=models.CASCADE, related_name="baris")
    urutan = models.PositiveSmallIntegerField("nomor", default=1)
    sasaran = models.CharField("sasaran", max_length=400)
    indikator = models.ForeignKey(Indikator, on_delete=models.PROTECT, related_name="baris_pk")
    satuan = models.CharField("satuan", max_length=100, blank=True, help_text="Kosong: satuan indikator.")
    rencana_tw1 = models.DecimalField("rencana aksi TW I", **NILAI, null=True, blank=True)
    rencana_tw2 = models.DecimalField("rencana aksi TW II", **NILAI, null=True, blank=True)
    rencana_tw3 = models.DecimalField("rencana aksi TW III", **NILAI, null=True, blank=True)
    rencana_tw4 = models.DecimalField("rencana aksi TW IV", **NILAI, null=True, blank=True)
    induk = models.ForeignKey(
        "self",
        verbose_name="mendukung baris PK atasan",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="turunan",
    )
    iku = models.ForeignKey(
        IKU, verbose_name="IKU", on_delete=models.SET_NULL, null=True, blank=True, related_name="baris_pk"
    )
    iku_daerah = models.ForeignKey(
        IKUDaerah,
        verbose_name="IKU daerah",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="baris_pk",
        help_text="Hanya pada PK Kepala Daerah: IKU RPJMD yang diperjanjikan baris ini.",
    )
    history = HistoricalRecords()

    objects = BarisPKQuerySet.as_manager()

    class Meta:
        verbose_name = "baris perjanjian kinerja"
        verbose_name_plural = "baris perjanjian kinerja"
        ordering = ["perjanjian", "urutan"]

    def __str__(self):
        return f"{self.perjanjian.jabatan} {self.perjanjian.tahun}: {self.indikator}"

    @property
    def satuan_tampil(self):
        return self.satuan or self.indikator.satuan

    @property
    def rencana_aksi(self):
        return [self.rencana_tw1, self.rencana_tw2, self.rencana_tw3, self.rencana_tw4]

    def clean(self):
        indikator = self.indikator if self.indikator_id else None
        self.bersihkan_target(indikator)
        if indikator is not None:
            from perjanjian.rencana import periksa_rencana_aksi

            periksa_rencana_aksi(indikator, self.target_angka, self.rencana_aksi)
        if self.induk_id and self.perjanjian_id and self.induk.perjanjian.tahun != self.perjanjian.tahun:
            raise ValidationError({"induk": "Baris PK atasan harus dari tahun yang sama."})


class NilaiKomponenTahunan(models.Model):
    """A component's value for a whole year before quarterly entry existed (history for comparisons)."""

    komponen = models.ForeignKey(KomponenIndikator, on_delete=models.CASCADE, related_name="nilai_tahunan")
    tahun = models.PositiveSmallIntegerField("tahun")
    nilai = models.DecimalField("nilai", **NILAI)
    sumber = models.CharField("sumber", max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "nilai komponen tahunan"
        verbose_name_plural = "nilai komponen tahunan"
        ordering = ["komponen", "tahun"]
        constraints = [
            models.UniqueConstraint(fields=["komponen", "tahun"], name="nilai_komponen_tahunan_unik")
        ]

    def __str__(self):
        return f"{self.komponen.kode} {self.tahun}: {self.nilai}"


class KomentarKaskade(models.Model):
    """Bappeda's comment on how an office's Renstra and PKs of a year cascade from the RPJMD. Kept as
    written: nobody changes or deletes a comment (only reading is a permission besides the
    commenting itself)."""

    instansi = models.ForeignKey(
        Instansi, verbose_name="perangkat daerah", on_delete=models.PROTECT, related_name="+"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    teks = models.TextField("komentar", max_length=4000)
    oleh = models.ForeignKey(
        "nakertrans.Pengguna", verbose_name="oleh", on_delete=models.PROTECT, related_name="+", editable=False
    )
    dibuat_pada = models.DateTimeField("waktu", auto_now_add=True)

    class Meta:
        verbose_name = "komentar kaskade"
        verbose_name_plural = "komentar kaskade"
        ordering = ["-dibuat_pada", "-pk"]
        default_permissions = ("view",)
        permissions = [("komentari_kaskade", "Mengomentari kaskade Renstra dan PK perangkat daerah ke RPJMD")]

    def __str__(self):
        return f"{self.instansi} {self.tahun}: {self.teks[:60]}"
