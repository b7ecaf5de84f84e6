"""The organisation: the Pemerintah Daerah and its Instansi (perangkat daerah), UnitKerja, Jabatan,
Pegawai, who holds which post when, and users."""

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from nakertrans.nip import format_nip, normalisasi_nip, validasi_nip
from nakertrans.signals import periksa_pindah_unit


class PemerintahDaerah(models.Model):
    """The kabupaten or kota whose perangkat daerah (Instansi) this installation serves."""

    class Jenis(models.TextChoices):
        KABUPATEN = "kabupaten", "Kabupaten"
        KOTA = "kota", "Kota"

    jenis = models.CharField("jenis", max_length=10, choices=Jenis.choices, default=Jenis.KABUPATEN)
    nama = models.CharField("nama", max_length=100, help_text="Tanpa «Kabupaten»/«Kota», misalnya: Bungo.")
    ibu_kota = models.CharField("ibu kota", max_length=100, blank=True, help_text="Misalnya: Muara Bungo.")

    class Meta:
        verbose_name = "pemerintah daerah"
        verbose_name_plural = "pemerintah daerah"
        constraints = [models.UniqueConstraint(fields=["jenis", "nama"], name="pemda_unik")]

    def __str__(self):
        return f"{self.get_jenis_display()} {self.nama}"


class Instansi(models.Model):
    """A perangkat daerah (OPD: dinas, badan, kecamatan ...) of the Pemerintah Daerah."""

    pemerintah_daerah = models.ForeignKey(
        PemerintahDaerah, verbose_name="pemerintah daerah", on_delete=models.PROTECT, related_name="instansi"
    )
    kode = models.SlugField(
        "kode",
        max_length=30,
        unique=True,
        help_text="Huruf kecil, angka dan tanda hubung; dipakai di alamat halaman, misalnya: disnakertrans.",
        error_messages={"unique": "Kode ini sudah dipakai perangkat daerah lain."},
    )
    nama = models.CharField("nama instansi", max_length=200)
    alamat = models.CharField("alamat", max_length=300, blank=True)
    telepon = models.CharField("telepon", max_length=50, blank=True)
    kode_pos = models.CharField("kode pos", max_length=10, blank=True)
    kota = models.CharField(
        "tempat penandatanganan", max_length=100, blank=True, help_text="Misalnya: Muara Bungo."
    )
    logo = models.ImageField("logo", upload_to="instansi/", blank=True)

    class Meta:
        verbose_name = "instansi"
        verbose_name_plural = "instansi"
        ordering = ["nama"]

    def __str__(self):
        return self.nama


class UnitKerja(models.Model):
    class Jenis(models.TextChoices):
        DINAS = "dinas", "Dinas"
        SEKRETARIAT = "sekretariat", "Sekretariat"
        SUBBAGIAN = "subbagian", "Subbagian"
        BIDANG = "bidang", "Bidang"
        UPTD = "uptd", "UPTD"
        FUNGSIONAL = "fungsional", "Kelompok Jabatan Fungsional"

    instansi = models.ForeignKey(Instansi, on_delete=models.PROTECT, related_name="unit_kerja")
    nama = models.CharField("nama unit kerja", max_length=200)
    singkatan = models.CharField("singkatan", max_length=50, blank=True)
    jenis = models.CharField("jenis", max_length=20, choices=Jenis.choices)
    induk = models.ForeignKey(
        "self",
        verbose_name="unit induk",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sub_unit",
    )
    urutan = models.PositiveSmallIntegerField("urutan", default=0)

    class Meta:
        verbose_name = "unit kerja"
        verbose_name_plural = "unit kerja"
        ordering = ["urutan", "nama"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "nama"], name="unit_kerja_nama_unik"),
        ]
        permissions = [
            ("lihat_semua_unit", "Melihat data semua unit kerja"),
            ("kelola_organisasi", "Mengelola organisasi, Renstra, PK, DPA dan pengaturan"),
            ("isi_data_unit", "Mengisi realisasi dan bukti untuk unit kerjanya"),
            ("tinjau_unit", "Meninjau pengajuan unit kerjanya sebagai kepala unit"),
            ("lihat_lintas_opd", "Melihat halaman lintas perangkat daerah"),
        ]

    def __str__(self):
        return self.nama

    def clean(self):
        # A unit cannot sit below itself: walk up from the chosen parent.
        induk, langkah = self.induk, 0
        while induk is not None and langkah < 50:
            if self.pk and induk.pk == self.pk:
                raise ValidationError({"induk": "Unit induk tidak boleh unit ini sendiri atau bawahannya."})
            induk, langkah = induk.induk, langkah + 1


# The jenis of the posts of the Pemerintah Daerah itself (Bupati, Wakil Bupati), not of a unit of an
# office (Jabatan.Jenis).
JENIS_JABATAN_DAERAH = ("kepala_daerah", "wakil_kepala_daerah")


class JabatanQuerySet(models.QuerySet):
    def kepala_dinas(self, instansi):
        """The post of ``instansi`` that signs its top PK (with the Bupati): the Kepala OPD's."""
        return self.filter(tingkat_pk=Jabatan.TingkatPK.BUPATI_KEPALA_DINAS, unit_kerja__instansi=instansi)

    def kepala_daerah(self, pemerintah_daerah):
        """The Bupati's (Wali Kota's) post of the Pemerintah Daerah."""
        return self.filter(pemerintah_daerah=pemerintah_daerah, jenis=Jabatan.Jenis.KEPALA_DAERAH)


class Jabatan(models.Model):
    class Jenis(models.TextChoices):
        KEPALA_DAERAH = "kepala_daerah", "Kepala Daerah"
        WAKIL_KEPALA_DAERAH = "wakil_kepala_daerah", "Wakil Kepala Daerah"
        STRUKTURAL = "struktural", "Struktural"
        FUNGSIONAL = "fungsional", "Fungsional"

    class TingkatPK(models.IntegerChoices):
        BUPATI_KEPALA_DINAS = 1, "Bupati - Kepala Dinas"
        KEPALA_DINAS_ESELON_III = 2, "Kepala Dinas - Sekretaris/Kepala Bidang/Kepala UPTD"
        ESELON_III_ESELON_IV = 3, "Kepala Bidang/Sekretaris - Kasubbag/Kasi/Sub Koordinator/Fungsional"

    nama = models.CharField("nama jabatan", max_length=200)
    unit_kerja = models.ForeignKey(
        UnitKerja,
        verbose_name="unit kerja",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="jabatan",
        help_text="Kosong hanya untuk kepala daerah dan wakilnya (Bupati, Wakil Bupati).",
    )
    pemerintah_daerah = models.ForeignKey(
        PemerintahDaerah,
        verbose_name="pemerintah daerah",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="jabatan",
        help_text="Hanya untuk kepala daerah dan wakilnya; jabatan dinas mengikuti unit kerjanya.",
    )
    atasan = models.ForeignKey(
        "self",
        verbose_name="atasan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bawahan",
    )
    jenis = models.CharField("jenis jabatan", max_length=20, choices=Jenis.choices)
    tingkat_pk = models.PositiveSmallIntegerField(
        "tingkat perjanjian kinerja",
        choices=TingkatPK.choices,
        null=True,
        blank=True,
        help_text="Tingkat PK yang ditandatangani pemegang jabatan ini sebagai PIHAK KESATU.",
    )
    kepala_unit = models.BooleanField(
        "kepala unit", default=False, help_text="Jabatan ini memimpin unit kerjanya."
    )
    urutan = models.PositiveSmallIntegerField("urutan", default=0)
    history = HistoricalRecords()

    objects = JabatanQuerySet.as_manager()

    class Meta:
        verbose_name = "jabatan"
        verbose_name_plural = "jabatan"
        ordering = ["urutan", "nama"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    jenis__in=JENIS_JABATAN_DAERAH,
                    unit_kerja__isnull=True,
                    pemerintah_daerah__isnull=False,
                )
                | (
                    ~Q(jenis__in=JENIS_JABATAN_DAERAH)
                    & Q(unit_kerja__isnull=False, pemerintah_daerah__isnull=True)
                ),
                name="jabatan_tempat_sesuai_jenis",
                violation_error_message=(
                    "Jabatan kepala daerah dan wakilnya berada di pemerintah daerah, "
                    "jabatan lain di unit kerja."
                ),
            ),
        ]

    def __str__(self):
        return self.nama

    def save(self, *args, **kwargs):
        periksa_pindah_unit(self)
        super().save(*args, **kwargs)

    @property
    def adalah_kepala_dinas(self):
        """Whether this post signs the top PK (see JabatanQuerySet.kepala_dinas)."""
        return self.tingkat_pk == self.TingkatPK.BUPATI_KEPALA_DINAS

    def clean(self):
        if self.jenis in JENIS_JABATAN_DAERAH:
            if self.unit_kerja_id:
                raise ValidationError(
                    {"unit_kerja": "Jabatan kepala daerah dan wakilnya tidak berada di unit kerja dinas."}
                )
            if not self.pemerintah_daerah_id:
                raise ValidationError({"pemerintah_daerah": "Pemerintah daerah wajib diisi."})
        elif self.jenis:
            if not self.unit_kerja_id:
                raise ValidationError({"unit_kerja": "Unit kerja wajib diisi."})
            if self.pemerintah_daerah_id:
                pesan = "Jabatan dinas mengikuti unit kerjanya; kosongkan pemerintah daerah."
                raise ValidationError({"pemerintah_daerah": pesan})
        periksa_pindah_unit(self)
        atasan, langkah = self.atasan, 0
        while atasan is not None and langkah < 50:
            if self.pk and atasan.pk == self.pk:
                raise ValidationError({"atasan": "Atasan tidak boleh jabatan ini sendiri atau bawahannya."})
            atasan, langkah = atasan.atasan, langkah + 1


GOLONGAN = [
    ("I.a", "Juru Muda"),
    ("I.b", "Juru Muda Tk.I"),
    ("I.c", "Juru"),
    ("I.d", "Juru Tk.I"),
    ("II.a", "Pengatur Muda"),
    ("II.b", "Pengatur Muda Tk.I"),
    ("II.c", "Pengatur"),
    ("II.d", "Pengatur Tk.I"),
    ("III.a", "Penata Muda"),
    ("III.b", "Penata Muda Tk.I"),
    ("III.c", "Penata"),
    ("III.d", "Penata Tk.I"),
    ("IV.a", "Pembina"),
    ("IV.b", "Pembina Tk.I"),
    ("IV.c", "Pembina Utama Muda"),
    ("IV.d", "Pembina Utama Madya"),
    ("IV.e", "Pembina Utama"),
]
PANGKAT_GOLONGAN = [(kode, f"{pangkat} ({kode})") for kode, pangkat in GOLONGAN]


class NIPField(models.CharField):
    """Stores the 18 digits; accepts them typed with the usual spaces."""

    def to_python(self, value):
        value = super().to_python(value)
        if value is None:
            return None
        return normalisasi_nip(value) or None

    def formfield(self, **kwargs):
        # Room for the grouped form "19700914 199203 1 003"; the model stores the 18 digits.
        kwargs.setdefault("max_length", 25)
        return super().formfield(**kwargs)


class Pegawai(models.Model):
    nip = NIPField(
        "NIP",
        max_length=18,
        unique=True,
        null=True,
        blank=True,
        help_text="18 angka; boleh diketik dengan spasi. Kosong hanya untuk pejabat negara (Bupati).",
        error_messages={"unique": "NIP ini sudah terdaftar untuk pegawai lain."},
    )
    nama = models.CharField("nama", max_length=150)
    gelar_depan = models.CharField("gelar depan", max_length=50, blank=True)
    gelar_belakang = models.CharField("gelar belakang", max_length=80, blank=True)
    golongan = models.CharField("pangkat/golongan", max_length=5, choices=PANGKAT_GOLONGAN, blank=True)
    pejabat_negara = models.BooleanField(
        "pejabat negara", default=False, help_text="Misalnya Bupati: tidak memiliki NIP."
    )
    data_contoh = models.BooleanField(
        "data contoh", default=False, help_text="Nama dan NIP contoh, bukan data pegawai sebenarnya."
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "pegawai"
        verbose_name_plural = "pegawai"
        ordering = ["nama"]

    def __str__(self):
        return self.nama_lengkap

    @property
    def nama_lengkap(self):
        nama = f"{self.gelar_depan} {self.nama}".strip()
        nama = f"{nama}, {self.gelar_belakang}" if self.gelar_belakang else nama
        # Example officials stay recognisable as such wherever their name is printed.
        return f"{nama} [contoh]" if self.data_contoh else nama

    @property
    def nip_tampil(self):
        return format_nip(self.nip) if self.nip else ""

    def clean(self):
        if self.nip:
            self.nip = normalisasi_nip(self.nip)
            try:
                validasi_nip(self.nip)
            except ValidationError as error:
                raise ValidationError({"nip": error.messages}) from None
        else:
            self.nip = None
            if not self.pejabat_negara:
                raise ValidationError({"nip": "NIP wajib diisi untuk pegawai ASN."})


class PenugasanQuerySet(models.QuerySet):
    def aktif_pada(self, tanggal):
        return self.filter(Q(selesai__isnull=True) | Q(selesai__gte=tanggal), mulai__lte=tanggal)


class Penugasan(models.Model):
    """A Pegawai holding a Jabatan over a date range, as definitif, Plt or Plh."""

    class Jenis(models.TextChoices):
        DEFINITIF = "definitif", "Definitif"
        PLT = "plt", "Plt. (Pelaksana Tugas)"
        PLH = "plh", "Plh. (Pelaksana Harian)"

    # When several hold a post on one day, the acting official exercises it (a Plh stands in for
    # an absent definitif holder), so the order of precedence is Plh, Plt, definitif.
    URUTAN_WEWENANG = {Jenis.PLH: 0, Jenis.PLT: 1, Jenis.DEFINITIF: 2}

    pegawai = models.ForeignKey(
        Pegawai, verbose_name="pegawai", on_delete=models.PROTECT, related_name="penugasan"
    )
    jabatan = models.ForeignKey(
        Jabatan, verbose_name="jabatan", on_delete=models.PROTECT, related_name="penugasan"
    )
    jenis = models.CharField("jenis penugasan", max_length=10, choices=Jenis.choices, default=Jenis.DEFINITIF)
    mulai = models.DateField("mulai")
    selesai = models.DateField("selesai", null=True, blank=True, help_text="Kosong bila masih menjabat.")
    nomor_sk = models.CharField("nomor SK", max_length=100, blank=True)
    history = HistoricalRecords()

    objects = PenugasanQuerySet.as_manager()

    class Meta:
        verbose_name = "penugasan jabatan"
        verbose_name_plural = "penugasan jabatan"
        ordering = ["jabatan", "-mulai"]
        constraints = [
            models.CheckConstraint(
                condition=Q(selesai__isnull=True) | Q(selesai__gte=models.F("mulai")),
                name="penugasan_selesai_setelah_mulai",
                violation_error_message="Tanggal selesai tidak boleh sebelum tanggal mulai.",
            ),
        ]

    def __str__(self):
        return f"{self.sebutan_jabatan}: {self.pegawai}"

    @property
    def sebutan_jabatan(self):
        """How the post is written in a signature block: 'Plt. Kepala Dinas ...'."""
        awalan = {self.Jenis.PLT: "Plt. ", self.Jenis.PLH: "Plh. "}.get(self.jenis, "")
        return f"{awalan}{self.jabatan.nama}"

    def clean(self):
        if self.selesai and self.mulai and self.selesai < self.mulai:
            raise ValidationError({"selesai": "Tanggal selesai tidak boleh sebelum tanggal mulai."})
        if not (self.jabatan_id and self.mulai and self.jenis):
            return
        bertumpuk = Penugasan.objects.filter(jabatan_id=self.jabatan_id, jenis=self.jenis).exclude(pk=self.pk)
        bertumpuk = bertumpuk.filter(Q(selesai__isnull=True) | Q(selesai__gte=self.mulai))
        if self.selesai:
            bertumpuk = bertumpuk.filter(mulai__lte=self.selesai)
        lain = bertumpuk.select_related("pegawai").first()
        if lain is not None:
            sampai = f" sampai {lain.selesai:%d-%m-%Y}" if lain.selesai else ""
            raise ValidationError(
                f"Jabatan ini sudah dipegang secara {lain.get_jenis_display()} oleh {lain.pegawai} "
                f"sejak {lain.mulai:%d-%m-%Y}{sampai}; masa penugasan tidak boleh bertumpuk."
            )


def _pemegang_pada(tanggal, **jabatan):
    kandidat = list(Penugasan.objects.aktif_pada(tanggal).filter(**jabatan).select_related("pegawai"))
    kandidat.sort(key=lambda p: Penugasan.URUTAN_WEWENANG[p.jenis])
    return kandidat[0] if kandidat else None


def pejabat_pada(jabatan, tanggal):
    """The Penugasan of whoever held ``jabatan`` on ``tanggal`` (None if the post was vacant)."""
    return _pemegang_pada(tanggal, jabatan=jabatan)


def kepala_daerah_pada(pemerintah_daerah, tanggal):
    """The Penugasan of the Bupati (Wali Kota) of the Pemerintah Daerah on ``tanggal``: one query."""
    return _pemegang_pada(
        tanggal, jabatan__pemerintah_daerah=pemerintah_daerah, jabatan__jenis=Jabatan.Jenis.KEPALA_DAERAH
    )


class Pengguna(AbstractUser):
    """A login. Roles are Django groups; a user works for one perangkat daerah (``instansi``) or, with
    none, at the kabupaten; an operator's or unit head's scope within it is ``unit_kerja``."""

    instansi = models.ForeignKey(
        Instansi,
        verbose_name="perangkat daerah",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pengguna",
        help_text="Kosong: pengguna tingkat kabupaten (Admin Kabupaten, Bappeda, Inspektorat, Pimpinan).",
    )

    pegawai = models.OneToOneField(
        Pegawai,
        verbose_name="pegawai",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pengguna",
    )
    unit_kerja = models.ManyToManyField(
        UnitKerja,
        verbose_name="unit kerja",
        blank=True,
        related_name="pengguna",
        help_text="Unit kerja yang datanya boleh diisi atau ditinjau pengguna ini (beserta sub unitnya).",
    )

    class Meta(AbstractUser.Meta):
        verbose_name = "pengguna"
        verbose_name_plural = "pengguna"
        swappable = "AUTH_USER_MODEL"


class Pengajuan(models.Model):
    """The workflow state of one unit's data for one period (a month of anggaran, a triwulan of kinerja)."""

    class Jenis(models.TextChoices):
        ANGGARAN = "anggaran", "Realisasi anggaran (bulanan)"
        KINERJA = "kinerja", "Realisasi kinerja (triwulanan)"
        RENJA = "renja", "Realisasi kinerja program/kegiatan (triwulanan)"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draf"
        DIAJUKAN = "diajukan", "Diajukan"
        DITINJAU = "ditinjau", "Ditinjau kepala unit"
        DISETUJUI = "disetujui", "Disetujui"
        DIKEMBALIKAN = "dikembalikan", "Dikembalikan"

    jenis = models.CharField("jenis", max_length=10, choices=Jenis.choices)
    tahun = models.PositiveSmallIntegerField("tahun")
    periode = models.PositiveSmallIntegerField("periode", help_text="Bulan (1-12) atau triwulan (1-4).")
    unit_kerja = models.ForeignKey(
        UnitKerja, verbose_name="unit kerja", on_delete=models.PROTECT, related_name="pengajuan"
    )
    status = models.CharField("status", max_length=15, choices=Status.choices, default=Status.DRAFT)
    catatan = models.TextField("catatan terakhir", blank=True)
    versi = models.PositiveIntegerField("versi", default=0)
    diubah_pada = models.DateTimeField("diubah pada", auto_now_add=True)
    # When the period was first submitted (its timeliness against nakertrans.periode.batas_isian),
    # kept through returns and reopenings; set by the workflow's transition.
    diajukan_pertama = models.DateTimeField("pertama diajukan", null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "pengajuan"
        verbose_name_plural = "pengajuan"
        ordering = ["-tahun", "jenis", "periode", "unit_kerja__urutan"]
        constraints = [
            models.UniqueConstraint(
                fields=["jenis", "tahun", "periode", "unit_kerja"], name="pengajuan_unik"
            ),
        ]
        permissions = [
            ("setujui_pengajuan", "Menyetujui atau mengembalikan pengajuan unit kerja"),
            ("buka_kembali_pengajuan", "Membuka kembali periode yang sudah disetujui"),
        ]

    def __str__(self):
        return f"{self.get_jenis_display()} {self.tahun} periode {self.periode} - {self.unit_kerja}"


class RiwayatPengajuan(models.Model):
    """Who moved a Pengajuan from which status to which, when, and why. Written with the transition."""

    pengajuan = models.ForeignKey(Pengajuan, on_delete=models.CASCADE, related_name="riwayat")
    dari_status = models.CharField("dari", max_length=15, choices=Pengajuan.Status.choices)
    ke_status = models.CharField("ke", max_length=15, choices=Pengajuan.Status.choices)
    oleh = models.ForeignKey(Pengguna, verbose_name="oleh", on_delete=models.PROTECT, related_name="+")
    waktu = models.DateTimeField("waktu", auto_now_add=True)
    catatan = models.TextField("catatan", blank=True)

    class Meta:
        verbose_name = "riwayat pengajuan"
        verbose_name_plural = "riwayat pengajuan"
        ordering = ["pengajuan", "waktu", "pk"]

    def __str__(self):
        return f"{self.pengajuan}: {self.dari_status} -> {self.ke_status}"


class CatatanAuditQuerySet(models.QuerySet):
    """Bulk changes are refused like single ones (on PostgreSQL a trigger refuses them too)."""

    def update(self, **kwargs):
        raise ValidationError("Catatan audit tidak dapat diubah.")

    def delete(self):
        raise ValidationError("Catatan audit tidak dapat dihapus.")


class CatatanAudit(models.Model):
    """Who changed whose authority, when and how: a role granted or removed, a group's permissions, the
    superuser status or single permissions of an account, an official's password. Written by
    ``nakertrans.roles`` in the transaction of the change; never changed and never deleted, so the
    Inspektorat reads what happened. Accounts that appear here cannot be deleted (deactivate them)."""

    class Tindakan(models.TextChoices):
        BERI_PERAN = "beri_peran", "Memberikan peran"
        CABUT_PERAN = "cabut_peran", "Mencabut peran"
        GANTI_KATA_SANDI = "ganti_kata_sandi", "Mengganti kata sandi"
        UBAH_SUPERUSER = "ubah_superuser", "Mengubah status superuser"
        UBAH_IZIN_PENGGUNA = "ubah_izin_pengguna", "Mengubah izin langsung pengguna"
        UBAH_GRUP = "ubah_grup", "Mengubah izin grup peran"
        HAPUS_GRUP = "hapus_grup", "Menghapus grup peran"
        PINDAH_OPD = "pindah_opd", "Mengubah perangkat daerah pengguna"

    waktu = models.DateTimeField("waktu", default=timezone.now, editable=False)
    pelaku = models.ForeignKey(
        Pengguna, verbose_name="pelaku", on_delete=models.PROTECT, related_name="+", editable=False
    )
    tindakan = models.CharField("tindakan", max_length=20, choices=Tindakan.choices, editable=False)
    sasaran = models.ForeignKey(
        Pengguna,
        verbose_name="pengguna sasaran",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        help_text="Kosong untuk perubahan sebuah grup peran.",
    )
    peran = models.CharField("peran (grup)", max_length=150, blank=True, editable=False)
    rincian = models.TextField("rincian", blank=True, editable=False)

    objects = CatatanAuditQuerySet.as_manager()

    class Meta:
        verbose_name = "catatan audit wewenang"
        verbose_name_plural = "catatan audit wewenang"
        ordering = ["-waktu", "-pk"]
        # Only reading exists: no role can hold a permission to add, change or delete a row.
        default_permissions = ("view",)

    def __str__(self):
        sasaran = self.sasaran or self.peran
        return f"{self.pelaku} {self.get_tindakan_display().lower()}: {sasaran}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError("Catatan audit tidak dapat diubah.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("Catatan audit tidak dapat dihapus.")


from nakertrans.models_impor import BerkasImpor  # noqa: E402, F401  (its own module: the import record)
from nakertrans.models_latar import DetakTugas  # noqa: E402, F401  (its own module: the queue's heartbeat)
