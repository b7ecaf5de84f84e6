"""The figures of every perangkat daerah of a Pemerintah Daerah side by side, for the kabupaten's roles.

Each figure is aggregated per office in SQL (counts, sums, the latest date), so a page's queries do
not grow with the number of offices; the only rows read one by one are the lines the page prints: the
Kepala OPD's PK lines of every office (whose capaian is computed by the same rule as everywhere, from
their quarters) and the IKU daerah.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Max, Min, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from anggaran.models import AnggaranSubKegiatan, RealisasiAnggaran
from anggaran.rollup import Ringkasan
from capaian.hitung import hitung_capaian, predikat
from capaian.lkjip import efisiensi
from capaian.models import PembuatanLKjIP, TerbitanLKjIP
from capaian.queries import baris_dari, hitung_baris, skala_per_opd
from nakertrans import workflow
from nakertrans.format_id import bulatkan
from nakertrans.models import Instansi, Jabatan, Pengajuan, UnitKerja
from nakertrans.periode import batas_isian
from perjanjian.models import BarisPK, Indikator, PerjanjianKinerja, TargetIKUDaerah

Status = Pengajuan.Status


def daftar_opd(pemda):
    return list(Instansi.objects.filter(pemerintah_daerah=pemda).order_by("nama"))


def tahun_kabupaten(pemda):
    """The years for which an office of the Pemerintah Daerah has a PK, latest first."""
    return list(
        PerjanjianKinerja.objects.filter(instansi__pemerintah_daerah=pemda)
        .order_by("-tahun")
        .values_list("tahun", flat=True)
        .distinct()
    )


def hari_terlambat(akhir, batas):
    """Days ``akhir`` (a date) falls after the due date ``batas``; None when on time."""
    hari = (akhir - batas).days
    return hari if hari > 0 else None


def batas_lkjip(tahun):
    """The LKjIP of a year is due within three months of the year's end."""
    return datetime.date(tahun + 1, 3, 31)


# -- submissions: offices x periods ------------------------------------------------------------------


@dataclass
class SelPengisian:
    """One office's period: how many of its units that must enter have had their entry approved,
    are waiting, were returned, and how late the office is."""

    batas: datetime.date
    wajib: int = 0
    disetujui: int = 0
    menunggu: int = 0
    dikembalikan: int = 0
    pernah_diajukan: int = 0
    diajukan_terakhir: datetime.datetime | None = None
    hari_ini: datetime.date | None = None

    @property
    def belum_diajukan(self):
        return self.wajib - self.pernah_diajukan

    @property
    def lengkap(self):
        return self.wajib > 0 and self.disetujui == self.wajib

    @property
    def hari_terlambat(self):
        """Days after the due date at which the office's last unit first submitted; while a unit has
        not submitted, the days since the due date so far. None: nothing due, or on time."""
        if self.wajib == 0:
            return None
        if self.belum_diajukan:
            return hari_terlambat(self.hari_ini, self.batas)
        return hari_terlambat(timezone.localtime(self.diajukan_terakhir).date(), self.batas)

    @property
    def status(self):
        """The cell's class: disetujui, diajukan (waiting), dikembalikan, draft (not all submitted),
        belum-waktunya (not due yet, nothing waiting) or kosong (no unit must enter)."""
        if self.wajib == 0:
            return "kosong"
        if self.lengkap:
            return "disetujui"
        if self.dikembalikan:
            return "dikembalikan"
        if self.belum_diajukan:
            return "draft" if self.hari_ini > self.batas or self.pernah_diajukan else "belum-waktunya"
        return "diajukan"


def _unit_wajib(pemda, jenis, tahun):
    """The units of the Pemerintah Daerah's offices that must enter the year's realisasi: those that
    enter some final PK of the year (kinerja), those responsible for a DPA line of the year (anggaran)."""
    if jenis == Pengajuan.Jenis.KINERJA:
        pk = PerjanjianKinerja.objects.filter(instansi__pemerintah_daerah=pemda).berlaku(tahun).final()
        return UnitKerja.objects.filter(pk__in=pk.id_unit_isian())
    dpa = AnggaranSubKegiatan.objects.filter(instansi__pemerintah_daerah=pemda, tahun=tahun)
    return UnitKerja.objects.filter(pk__in=dpa.values("unit_kerja"))


def matriks_pengisian(pemda, jenis, tahun, hari_ini=None):
    """[(office, [SelPengisian per period])] for the kind of realisasi in the year, in two queries."""
    hari_ini = hari_ini or timezone.localdate()
    jumlah = workflow.JUMLAH_PERIODE[jenis]
    unit = _unit_wajib(pemda, jenis, tahun)
    wajib = dict(unit.order_by().values("instansi").annotate(n=Count("pk")).values_list("instansi", "n"))
    batas = {p: batas_isian(jenis, tahun, p) for p in range(1, jumlah + 1)}
    sel = {
        (opd, p): SelPengisian(batas=batas[p], wajib=n, hari_ini=hari_ini)
        for opd, n in wajib.items()
        for p in batas
    }
    for b in (
        Pengajuan.objects.filter(jenis=jenis, tahun=tahun, unit_kerja__in=unit)
        .order_by()
        .values("unit_kerja__instansi", "periode")
        .annotate(
            disetujui=Count("pk", filter=Q(status=Status.DISETUJUI)),
            menunggu=Count("pk", filter=Q(status__in=[Status.DIAJUKAN, Status.DITINJAU])),
            dikembalikan=Count("pk", filter=Q(status=Status.DIKEMBALIKAN)),
            pernah_diajukan=Count("pk", filter=Q(diajukan_pertama__isnull=False)),
            diajukan_terakhir=Max("diajukan_pertama"),
        )
    ):
        s = sel.get((b.pop("unit_kerja__instansi"), b.pop("periode")))
        if s is not None:
            for nama, nilai in b.items():
                setattr(s, nama, nilai)
    kosong = {p: SelPengisian(batas=b, hari_ini=hari_ini) for p, b in batas.items()}
    return [(opd, [sel.get((opd.pk, p), kosong[p]) for p in batas]) for opd in daftar_opd(pemda)]


# -- per office: capaian, serapan, efficiency, LKjIP ------------------------------------------------


@dataclass
class RingkasanOPD:
    opd: Instansi
    capaian: list = field(default_factory=list)  # CapaianBaris of the Kepala OPD's PK lines
    anggaran: Ringkasan = field(default_factory=Ringkasan)
    terbitan_terakhir: dict | None = None  # {"nomor", "pertama", "terakhir"} of the published versions
    draf_terakhir: datetime.datetime | None = None
    batas_lkjip: datetime.date | None = None

    @property
    def rata_capaian(self):
        """Mean capaian of the Kepala OPD's lines that have one (2 decimals), None without any."""
        nilai = [c.capaian for c in self.capaian if c.capaian is not None]
        return bulatkan(sum(nilai, Decimal(0)) / len(nilai), 2) if nilai else None

    @property
    def efisiensi(self):
        return efisiensi(self.rata_capaian, self.anggaran.serapan)

    @property
    def terbit_pada(self):
        return (
            timezone.localtime(self.terbitan_terakhir["pertama"]).date() if self.terbitan_terakhir else None
        )

    @property
    def lkjip_terlambat(self):
        """Days the first publication came after the due date (or, unpublished, the days so far)."""
        return hari_terlambat(self.terbit_pada or timezone.localdate(), self.batas_lkjip)


def _baris_kepala_opd(pemda, tahun):
    """The PK lines of every office's Kepala OPD in force in the year, with their quarters."""
    pk = PerjanjianKinerja.objects.filter(
        instansi__pemerintah_daerah=pemda, jabatan__tingkat_pk=Jabatan.TingkatPK.BUPATI_KEPALA_DINAS
    ).berlaku(tahun)
    return baris_dari(BarisPK.objects.filter(perjanjian__in=pk))


def ringkasan_opd(pemda, tahun):
    """[RingkasanOPD] of every office of the Pemerintah Daerah for the year."""
    opd = daftar_opd(pemda)
    hasil = {o.pk: RingkasanOPD(o, batas_lkjip=batas_lkjip(tahun)) for o in opd}
    pita = skala_per_opd(hasil)
    cache = {}
    for b in _baris_kepala_opd(pemda, tahun):
        hasil[b.perjanjian.instansi_id].capaian.append(
            hitung_baris(b, 4, pita[b.perjanjian.instansi_id], cache)
        )
    dpa = AnggaranSubKegiatan.objects.filter(instansi__pemerintah_daerah=pemda, tahun=tahun).order_by()
    pagu = dict(
        dpa.values("instansi")
        .annotate(n=Sum(Coalesce("pagu_perubahan", "pagu_murni")))
        .values_list("instansi", "n")
    )
    realisasi = dict(
        RealisasiAnggaran.objects.filter(anggaran__in=dpa)
        .order_by()
        .values("anggaran__instansi")
        .annotate(n=Sum("keuangan"))
        .values_list("anggaran__instansi", "n")
    )
    for kunci, r in hasil.items():
        r.anggaran = Ringkasan(Decimal(pagu.get(kunci) or 0), Decimal(realisasi.get(kunci) or 0))
    for t in (
        TerbitanLKjIP.objects.filter(instansi__in=hasil, tahun=tahun)
        .order_by()
        .values("instansi")
        .annotate(nomor=Max("nomor"), pertama=Min("diterbitkan_pada"), terakhir=Max("diterbitkan_pada"))
    ):
        hasil[t.pop("instansi")].terbitan_terakhir = t
    for kunci, waktu in (
        PembuatanLKjIP.objects.filter(
            instansi__in=hasil,
            tahun=tahun,
            jenis=PembuatanLKjIP.Jenis.DRAF,
            status=PembuatanLKjIP.Status.SELESAI,
        )
        .order_by()
        .values("instansi")
        .annotate(waktu=Max("selesai_pada"))
        .values_list("instansi", "waktu")
    ):
        hasil[kunci].draf_terakhir = waktu
    return list(hasil.values())


# -- the kabupaten's own key indicators -------------------------------------------------------------


@dataclass
class CapaianIKUDaerah:
    """An IKU daerah in a year: its RPJMD target, the realisasi of the office that measures its
    indicator (its Kepala OPD's line of the same indicator), the capaian and the predikat on the
    kabupaten's scale."""

    target: TargetIKUDaerah
    opd: Instansi | None = None
    baris: object = None  # the office line's CapaianBaris
    capaian: Decimal | None = None
    predikat: object = None
    alasan: str = ""

    @property
    def iku(self):
        return self.target.iku

    @property
    def realisasi(self):
        return self.baris.realisasi if self.baris else None


def capaian_iku_daerah(pemda, tahun):
    """[CapaianIKUDaerah] of the RPJMD's IKU daerah with a target for the year."""
    target = list(
        TargetIKUDaerah.objects.filter(iku__rpjmd__pemerintah_daerah=pemda, tahun=tahun)
        .select_related("iku__indikator__instansi", "iku__sasaran")
        .order_by("iku__urutan", "iku__pk")
    )
    indikator = {t.iku.indikator_id for t in target}
    baris = {}
    for b in _baris_kepala_opd(pemda, tahun).filter(indikator__in=indikator):
        baris.setdefault(b.indikator_id, []).append(b)
    pita = skala_per_opd([None])[None]
    cache, hasil = {}, []
    for t in target:
        c = CapaianIKUDaerah(t, opd=t.iku.indikator.instansi)
        pengukur = baris.get(t.iku.indikator_id, [])
        if len(pengukur) != 1:
            c.alasan = (
                "Belum ada PK Kepala OPD tahun ini yang mengukur indikator ini."
                if not pengukur
                else "Indikator ini diukur lebih dari satu PK Kepala OPD; capaiannya tidak dijumlahkan."
            )
        else:
            c.baris = hitung_baris(pengukur[0], 4, pita, cache)
            c.opd = pengukur[0].perjanjian.instansi
            c.capaian = hitung_capaian(t.target_angka, c.baris.realisasi, t.iku.indikator.metode)
            c.predikat = predikat(c.capaian, pita)
            if c.capaian is None:
                c.alasan = c.baris.alasan or "Belum ada realisasi."
        hasil.append(c)
    return hasil


# -- search across offices --------------------------------------------------------------------------

BATAS_CARI = 50


def cari(pemda, kata):
    """Indicators and DPA sub kegiatan of the Pemerintah Daerah's offices whose name (or, for a sub
    kegiatan, code) holds ``kata``: ([Indikator], [AnggaranSubKegiatan]) at most BATAS_CARI each,
    each with its office."""
    kata = kata.strip()
    if not kata:
        return [], []
    indikator = (
        Indikator.objects.filter(instansi__pemerintah_daerah=pemda, nama__icontains=kata)
        .select_related("instansi")
        .order_by("instansi__nama", "nama")[:BATAS_CARI]
    )
    sub_kegiatan = (
        AnggaranSubKegiatan.objects.filter(instansi__pemerintah_daerah=pemda)
        .filter(Q(sub_kegiatan__nama__icontains=kata) | Q(sub_kegiatan__kode__startswith=kata))
        .select_related("instansi", "sub_kegiatan", "unit_kerja")
        .order_by("-tahun", "instansi__nama", "sub_kegiatan__kode")[:BATAS_CARI]
    )
    return list(indikator), list(sub_kegiatan)


# -- the Evaluasi Renja of every office -------------------------------------------------------------


@dataclass
class RenjaOPD:
    """An office's Evaluasi Renja form of a triwulan: the form, how many of the units that enter it
    have that quarter approved, and its notes (CatatanEvaluasiRenja or None)."""

    hasil: object
    unit_wajib: int = 0
    unit_disetujui: int = 0
    catatan: object = None

    @property
    def opd(self):
        return self.hasil.instansi

    @property
    def keadaan(self):
        if not self.unit_wajib:
            return "tanpa indikator"
        if self.unit_disetujui < self.unit_wajib:
            return "belum lengkap"
        return "lengkap" if self.catatan is not None and self.catatan.disetujui else "catatan belum disetujui"


def renja_kabupaten(pemda, tahun, triwulan):
    """[RenjaOPD] of every office of the Pemerintah Daerah, in a fixed number of queries."""
    from capaian.models_renja import CatatanEvaluasiRenja
    from capaian.renja import evaluasi_renja_opd

    daftar = daftar_opd(pemda)
    hasil = [RenjaOPD(h) for h in evaluasi_renja_opd(daftar, tahun, triwulan)]
    unit = {h.opd.pk: {b.unit_id for b in h.hasil.baris if b.unit_id} for h in hasil}
    # A unit's form is approved when every quarter up to the triwulan is.
    disetujui = set(
        Pengajuan.objects.filter(
            jenis=Pengajuan.Jenis.RENJA,
            tahun=tahun,
            periode__lte=triwulan,
            status=Status.DISETUJUI,
            unit_kerja__in=set().union(*unit.values()),
        )
        .order_by()
        .values("unit_kerja_id")
        .annotate(n=Count("pk"))
        .filter(n=triwulan)
        .values_list("unit_kerja_id", flat=True)
    )
    catatan = {
        c.instansi_id: c
        for c in CatatanEvaluasiRenja.objects.filter(instansi__in=daftar, tahun=tahun, triwulan=triwulan)
    }
    for h in hasil:
        h.unit_wajib = len(unit[h.opd.pk])
        h.unit_disetujui = len(unit[h.opd.pk] & disetujui)
        h.catatan = catatan.get(h.opd.pk)
    return hasil
