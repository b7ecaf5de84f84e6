"""Kinerja of programs, kegiatan and sub kegiatan: their indicators, targets, quarterly realisasi and
the Renstra's budget, read beside the money in the Evaluasi Renja (Permendagri 86/2017).

An indicator's definition (name, satuan, polarity, yearly rule, decimals) is a perjanjian.Indikator,
as for PK lines, so capaian is computed by the same rules; ``IndikatorRenja`` places it on a program,
kegiatan or sub kegiatan of one office.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from anggaran import kode as nomenklatur
from anggaran.models import RUPIAH, TIDAK_NEGATIF
from capaian.models_dasar import _Bukti, _Realisasi
from nakertrans.rumus import GalatRumus, urai_rumus
from perjanjian.models import Target

TINGKAT_RENJA = [nomenklatur.PROGRAM, nomenklatur.KEGIATAN, nomenklatur.SUB_KEGIATAN]


class IndikatorRenja(models.Model):
    """The outcome indicator of a program or kegiatan, or an output indicator of a sub kegiatan (a sub
    kegiatan may have several), over the years of the office's plans."""

    instansi = models.ForeignKey(
        "nakertrans.Instansi", verbose_name="perangkat daerah", on_delete=models.PROTECT, related_name="+"
    )
    nomenklatur = models.ForeignKey(
        "anggaran.Nomenklatur",
        verbose_name="program/kegiatan/sub kegiatan",
        on_delete=models.PROTECT,
        related_name="indikator_renja",
        limit_choices_to={"tingkat__in": TINGKAT_RENJA},
    )
    indikator = models.ForeignKey(
        "perjanjian.Indikator", verbose_name="indikator", on_delete=models.PROTECT, related_name="renja"
    )
    urutan = models.PositiveSmallIntegerField("urutan", default=1)
    unit_kerja = models.ForeignKey(
        "nakertrans.UnitKerja",
        verbose_name="unit penanggung jawab",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Unit yang mengisi realisasinya. Kosong pada sub kegiatan: unit penanggung jawab di DPA. "
        "Wajib pada program dan kegiatan.",
    )
    sasaran = models.ForeignKey(
        "perjanjian.SasaranRenstra",
        verbose_name="sasaran renstra yang didukung",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    keterangan = models.TextField("keterangan", blank=True)
    kode = models.SlugField(
        "nama di rumus",
        max_length=50,
        blank=True,
        help_text="Nama keluaran sub kegiatan ini di rumus indikator program/kegiatannya, misalnya "
        "dok_perencanaan.",
    )
    rumus = models.TextField(
        "rumus",
        blank=True,
        help_text="Hanya program dan kegiatan: realisasi dihitung dari keluaran sub kegiatannya, misalnya "
        "«dok_perencanaan / 2 * 100»; nama yang dipakai adalah «nama di rumus» indikator sub kegiatan "
        "di bawahnya. Kosong: realisasi diisi unitnya.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "indikator program/kegiatan/sub kegiatan"
        verbose_name_plural = "indikator program/kegiatan/sub kegiatan"
        ordering = ["nomenklatur__kode", "urutan"]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "nomenklatur", "indikator"],
                name="indikator_renja_unik",
                violation_error_message="Indikator ini sudah tercatat pada nomenklatur ini.",
            ),
            models.UniqueConstraint(
                fields=["instansi", "kode"],
                condition=~models.Q(kode=""),
                name="indikator_renja_kode_unik",
                violation_error_message="Nama di rumus ini sudah dipakai indikator lain.",
            ),
        ]

    def __str__(self):
        return f"{self.nomenklatur.kode}: {self.indikator}"

    def save(self, *args, **kwargs):
        self.periksa_terkunci()
        super().save(*args, **kwargs)

    def clean(self):
        if self.nomenklatur_id and self.nomenklatur.tingkat not in TINGKAT_RENJA:
            raise ValidationError(
                {"nomenklatur": "Indikator Renja dicatat pada program, kegiatan atau sub kegiatan."}
            )
        if self.indikator_id and self.instansi_id and self.indikator.instansi_id != self.instansi_id:
            raise ValidationError({"indikator": "Indikator ini milik perangkat daerah lain."})
        if self.unit_kerja_id and self.instansi_id and self.unit_kerja.instansi_id != self.instansi_id:
            raise ValidationError({"unit_kerja": "Unit kerja ini milik perangkat daerah lain."})
        if (
            self.nomenklatur_id
            and self.nomenklatur.tingkat != nomenklatur.SUB_KEGIATAN
            and not self.unit_kerja_id
        ):
            raise ValidationError(
                {"unit_kerja": "Pilih unit yang mengisi realisasi indikator program/kegiatan."}
            )
        if self.rumus.strip() and self.nomenklatur_id and self.instansi_id:
            self.rumus_terurai()
        self.periksa_terkunci()

    def periksa_terkunci(self):
        """Refuse moving an indicator with realisasi to another unit, node or formula while a quarter
        holding it is submitted or approved (in the unit that entered it or the one it would move to):
        the lock belongs to the unit, so the move would reopen approved figures."""
        if self.pk is None:
            return
        lama = IndikatorRenja._base_manager.filter(pk=self.pk).values(
            "unit_kerja_id", "nomenklatur_id", "rumus"
        )
        lama = lama.first()
        baru = {
            "unit_kerja_id": self.unit_kerja_id,
            "nomenklatur_id": self.nomenklatur_id,
            "rumus": self.rumus,
        }
        if lama is None or lama == baru:
            return
        if realisasi_terkunci(
            self.instansi_id,
            RealisasiRenja.objects.filter(indikator_renja=self).values_list("tahun", "triwulan"),
            unit={lama["unit_kerja_id"], self.unit_kerja_id},
            sub_kegiatan={lama["nomenklatur_id"], self.nomenklatur_id},
        ):
            raise ValidationError(
                "Realisasi indikator ini ada pada triwulan yang sudah diajukan atau disetujui; buka kembali "
                "triwulan itu sebelum memindahkan indikatornya atau mengubah rumusnya."
            )

    def rumus_terurai(self):
        """The parsed formula, every name the «nama di rumus» of an output of a sub kegiatan below this
        program or kegiatan (ValidationError, Indonesian, otherwise); None without a formula."""
        if not self.rumus.strip():
            return None
        if self.nomenklatur.tingkat == nomenklatur.SUB_KEGIATAN:
            raise ValidationError({"rumus": "Rumus hanya untuk indikator program atau kegiatan."})
        try:
            rumus = urai_rumus(self.rumus)
        except GalatRumus as galat:
            raise ValidationError({"rumus": galat.messages}) from None
        dikenal = {
            ir.kode: ir
            for ir in IndikatorRenja.objects.filter(
                instansi=self.instansi_id, kode__in=rumus.komponen
            ).select_related("nomenklatur")
        }
        for nama in sorted(rumus.komponen):
            ir = dikenal.get(nama)
            if ir is None:
                raise ValidationError({"rumus": f"«{nama}» bukan nama di rumus indikator mana pun."})
            di_bawah = ir.nomenklatur.kode.startswith(self.nomenklatur.kode + ".")
            if ir.nomenklatur.tingkat != nomenklatur.SUB_KEGIATAN or not di_bawah:
                raise ValidationError(
                    {
                        "rumus": f"«{nama}» adalah indikator {ir.nomenklatur.kode}, bukan sub kegiatan di "
                        f"bawah {self.nomenklatur.kode}."
                    }
                )
        return rumus


def realisasi_terkunci(instansi_id, periode, *, unit=(), sub_kegiatan=()):
    """Whether any of ``periode`` ((year, quarter) pairs) is submitted or approved for one of the units,
    or for the unit of a DPA line of one of the sub kegiatan in that year."""
    from anggaran.models import AnggaranSubKegiatan
    from nakertrans import workflow
    from nakertrans.models import Pengajuan

    periode = set(periode)
    if not periode:
        return False
    semua_unit = {u for u in unit if u is not None} | set(
        AnggaranSubKegiatan.objects.filter(
            instansi=instansi_id,
            sub_kegiatan__in=[s for s in sub_kegiatan if s],
            tahun__in={t for t, _ in periode},
        ).values_list("unit_kerja_id", flat=True)
    )
    return workflow.ada_yang_terkunci(jenis=Pengajuan.Jenis.RENJA, unit_kerja_ids=semua_unit, periode=periode)


class TargetRenja(Target):
    """A target of a Renja indicator: of a year's Renja, of a year of the Renstra, or the Renstra's
    end-of-period target (``AKHIR``, in the Renstra's last year). ``tertulis`` is the text of the source
    document, ``pilihan`` what its reading chose where it allowed more than one
    (anggaran.target_tertulis)."""

    class Jenis(models.TextChoices):
        RENJA = "renja", "Target Renja tahun ini"
        RENSTRA = "renstra", "Target Renstra tahun itu"
        AKHIR = "akhir", "Target akhir periode Renstra"

    indikator_renja = models.ForeignKey(IndikatorRenja, on_delete=models.CASCADE, related_name="target")
    jenis = models.CharField("jenis", max_length=10, choices=Jenis.choices, default=Jenis.RENJA)
    tahun = models.PositiveSmallIntegerField("tahun")
    tertulis = models.CharField("seperti tertulis", max_length=200, blank=True)
    pilihan = models.TextField("cara membaca", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "target indikator Renja"
        verbose_name_plural = "target indikator Renja"
        ordering = ["indikator_renja", "jenis", "tahun"]
        constraints = [
            models.UniqueConstraint(fields=["indikator_renja", "jenis", "tahun"], name="target_renja_unik")
        ]

    def __str__(self):
        return f"{self.indikator_renja} {self.get_jenis_display()} {self.tahun}: {self.target}"

    def clean(self):
        self.bersihkan_target(self.indikator_renja.indikator if self.indikator_renja_id else None)


class PaguRenstra(models.Model):
    """The budget a Renstra plans for a program, kegiatan or sub kegiatan over its whole period."""

    renstra = models.ForeignKey("perjanjian.Renstra", on_delete=models.CASCADE, related_name="pagu")
    nomenklatur = models.ForeignKey(
        "anggaran.Nomenklatur",
        verbose_name="program/kegiatan/sub kegiatan",
        on_delete=models.PROTECT,
        related_name="+",
    )
    pagu = models.DecimalField("pagu renstra (Rp)", **RUPIAH, validators=TIDAK_NEGATIF)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "pagu renstra"
        verbose_name_plural = "pagu renstra"
        ordering = ["renstra", "nomenklatur__kode"]
        constraints = [models.UniqueConstraint(fields=["renstra", "nomenklatur"], name="pagu_renstra_unik")]

    def __str__(self):
        return f"{self.renstra} {self.nomenklatur.kode}"


class RealisasiRenja(_Realisasi):
    """What a Renja indicator reached in one quarter of a year."""

    indikator_renja = models.ForeignKey(IndikatorRenja, on_delete=models.PROTECT, related_name="realisasi")
    tahun = models.PositiveSmallIntegerField("tahun")
    triwulan = models.PositiveSmallIntegerField(
        "triwulan", validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    catatan = models.TextField("keterangan", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "realisasi indikator Renja"
        verbose_name_plural = "realisasi indikator Renja"
        ordering = ["indikator_renja", "tahun", "triwulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["indikator_renja", "tahun", "triwulan"], name="realisasi_renja_unik"
            )
        ]

    def __str__(self):
        return f"{self.indikator_renja} {self.tahun} TW {self.triwulan}"


class BuktiRenja(_Bukti):
    realisasi = models.ForeignKey(RealisasiRenja, on_delete=models.CASCADE, related_name="bukti")

    class Meta:
        verbose_name = "bukti dukung Renja"
        verbose_name_plural = "bukti dukung Renja"
        ordering = ["realisasi", "diunggah_pada"]


class CatatanEvaluasiRenja(models.Model):
    """What the office writes below its Evaluasi Renja form of a quarter, approved by the Kepala OPD:
    an approved note is locked until the Kepala OPD reopens it with a reason."""

    instansi = models.ForeignKey(
        "nakertrans.Instansi", verbose_name="perangkat daerah", on_delete=models.PROTECT, related_name="+"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    triwulan = models.PositiveSmallIntegerField(
        "triwulan", validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    faktor_pendorong = models.TextField("faktor pendorong", blank=True)
    faktor_penghambat = models.TextField("faktor penghambat", blank=True)
    tindak_lanjut_triwulan = models.TextField("tindak lanjut triwulan berikutnya", blank=True)
    tindak_lanjut_tahun = models.TextField("tindak lanjut tahun berikutnya", blank=True)
    versi = models.PositiveIntegerField("versi", default=0, editable=False)
    diubah_oleh = models.ForeignKey("nakertrans.Pengguna", on_delete=models.PROTECT, related_name="+")
    disetujui_oleh = models.ForeignKey(
        "nakertrans.Pengguna", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    disetujui_pada = models.DateTimeField("disetujui pada", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "catatan evaluasi Renja"
        verbose_name_plural = "catatan evaluasi Renja"
        ordering = ["tahun", "triwulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "tahun", "triwulan"], name="catatan_evaluasi_renja_unik"
            )
        ]

    def __str__(self):
        return f"Catatan evaluasi Renja {self.tahun} TW {self.triwulan}"

    @property
    def disetujui(self):
        return self.disetujui_pada is not None
