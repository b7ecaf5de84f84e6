"""The Evaluasi Renja of an office for a year up to a triwulan (Permendagri 86/2017: the form of the
evaluation of the results of the Renja), read in a fixed number of queries whatever its rows.

Columns (the form's numbering): 5 the Renstra's end target and budget, 6 what the Renstra reached up to
last year, 7 this year's target and pagu, 8-11 the quarters, 12 the year up to the triwulan (by the
indicator's yearly rule for K, the sum for Rp), 13 its capaian against column 7, 14 the Renstra up to
this year (6 + 12 where the indicator accumulates, else the latest value), 15 its capaian against
column 5. Only approved quarters are read; a quarter not yet approved is that, never zero.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.db.models import BigIntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from anggaran import kode as nomenklatur
from anggaran.models import AnggaranSubKegiatan, Nomenklatur, RealisasiAnggaran
from capaian.hitung import SKALA_PERMENDAGRI_86, hitung_capaian, huruf_tercapai, predikat
from capaian.models_renja import IndikatorRenja, PaguRenstra, RealisasiRenja, TargetRenja
from capaian.queries import terbaca
from nakertrans.format_id import bulatkan, format_angka
from nakertrans.models import Pengajuan
from nakertrans.rumus import GalatRumus, hitung, urai_rumus
from perjanjian.models import Indikator, Renstra
from perjanjian.rencana import nilai_tahunan

SERATUS = Decimal(100)
# The quarter of the form a cell belongs to: approved, not approved yet, or after the form's triwulan.
DISETUJUI, BELUM, LUAR = "disetujui", "belum", ""


def unit_isian_renja(tahun, jalur=""):
    """The unit that enters a Renja indicator's realisasi in ``tahun``, as a database expression: its
    own unit, else (a sub kegiatan's output) the unit responsible for the sub kegiatan in that year's
    DPA. ``jalur``: the path from the queried model to the IndikatorRenja. The one definition of the
    rule; ``unit_isian_dari_dpa`` is the same rule on loaded rows."""
    dpa = AnggaranSubKegiatan.objects.filter(
        tahun=tahun, instansi=OuterRef(f"{jalur}instansi"), sub_kegiatan=OuterRef(f"{jalur}nomenklatur")
    ).values("unit_kerja")[:1]
    return Coalesce(f"{jalur}unit_kerja", Subquery(dpa), output_field=BigIntegerField())


def unit_isian_dari_dpa(indikator_renja, unit_dpa):
    """unit_isian_renja on a loaded indicator: ``unit_dpa`` {sub kegiatan id: unit id} of the year."""
    return indikator_renja.unit_kerja_id or unit_dpa.get(indikator_renja.nomenklatur_id)


def indikator_tahun(instansi, tahun):
    """The office's Renja indicators of the year that a unit enters: those of the program, kegiatan and
    sub kegiatan of its DPA of that year without a formula, with ``unit_isian`` annotated."""
    dpa = AnggaranSubKegiatan.objects.filter(instansi=instansi, tahun=tahun)
    return (
        IndikatorRenja.objects.filter(instansi=instansi, rumus="")
        .filter(
            Q(nomenklatur__in=dpa.values("sub_kegiatan"))
            | Q(nomenklatur__in=dpa.values("sub_kegiatan__induk"))
            | Q(nomenklatur__in=dpa.values("sub_kegiatan__induk__induk"))
        )
        .annotate(unit_isian=unit_isian_renja(tahun))
    )


@dataclass
class BarisRenja:
    """One row of the form: a node of the nomenclature with one of its indicators (``indikator_renja``
    None for a node without one). Only a node's first row carries the budget columns (``pertama``), so
    the Rp columns of a level add up to its parent's."""

    nomenklatur: Nomenklatur
    indikator_renja: IndikatorRenja | None = None
    pertama: bool = True
    no: int = 0
    sasaran: str = ""
    unit: str = ""
    unit_id: int | None = None  # the unit that enters the indicator (None: a row without one)
    keterangan: str = ""
    # K
    target_renstra: object = None
    realisasi_renstra_lalu: object = None
    target_tahun: object = None
    target_pilihan: str = ""
    target_tertulis: str = ""
    tw_terisi: list = field(default_factory=lambda: [False] * 4)  # a realisasi entered, approved or not
    tw: list = field(default_factory=lambda: [None] * 4)
    tw_keadaan: list = field(default_factory=lambda: [LUAR] * 4)
    realisasi_tahun: object = None
    capaian_tahun: Decimal | None = None
    tercapai: bool | None = None  # a letter target: reached or not
    realisasi_renstra: object = None
    capaian_renstra: Decimal | None = None
    tercapai_renstra: bool | None = None
    belum_disetujui: bool = False
    # Rp
    pagu_renstra: Decimal | None = None
    rp_lalu: Decimal | None = None
    pagu_tahun: Decimal | None = None
    rp_tw: list = field(default_factory=lambda: [None] * 4)
    rp_tw_keadaan: list = field(default_factory=lambda: [LUAR] * 4)
    rp_tahun: Decimal | None = None
    serapan: Decimal | None = None
    rp_renstra: Decimal | None = None
    capaian_rp_renstra: Decimal | None = None
    rp_belum_disetujui: bool = False

    @property
    def kode(self):
        return self.nomenklatur.kode

    @property
    def tingkat(self):
        return self.nomenklatur.tingkat

    @property
    def indikator(self):
        return self.indikator_renja.indikator if self.indikator_renja else None

    @property
    def desimal(self):
        return self.indikator.desimal if self.indikator else 2

    @property
    def huruf(self):
        return bool(self.indikator and self.indikator.jenis_nilai == Indikator.JenisNilai.PREDIKAT)


@dataclass
class EvaluasiRenja:
    instansi: object
    tahun: int
    triwulan: int
    renstra: Renstra | None
    baris: list
    rata_rata_k: Decimal | None = None
    rata_rata_rp: Decimal | None = None

    @property
    def predikat_k(self):
        return predikat(self.rata_rata_k, SKALA_PERMENDAGRI_86)

    @property
    def predikat_rp(self):
        return predikat(self.rata_rata_rp, SKALA_PERMENDAGRI_86)

    @cached_property
    def jumlah(self):
        """The office's totals: the sum of the program rows' budget columns."""
        program = [b for b in self.baris if b.pertama and b.tingkat == nomenklatur.PROGRAM]
        total = BarisRenja(nomenklatur=Nomenklatur(kode="", nama="JUMLAH"))
        for nama in ("pagu_renstra", "rp_lalu", "pagu_tahun", "rp_tahun", "rp_renstra"):
            setattr(total, nama, _jumlah([getattr(b, nama) for b in program]))
        total.rp_tw = [_jumlah([b.rp_tw[i] for b in program]) for i in range(4)]
        total.rp_tw_keadaan = [_keadaan_gabung([b.rp_tw_keadaan[i] for b in program]) for i in range(4)]
        total.rp_belum_disetujui = BELUM in total.rp_tw_keadaan
        total.serapan = _persen(total.rp_tahun, total.pagu_tahun)
        total.capaian_rp_renstra = _persen(total.rp_renstra, total.pagu_renstra)
        return total


def _jumlah(nilai):
    """The sum of figures, None when any is missing (a part not yet approved leaves the total open)."""
    if not nilai or any(v is None for v in nilai):
        return None
    return sum(nilai, Decimal(0))


def _keadaan_gabung(keadaan):
    if BELUM in keadaan:
        return BELUM
    return DISETUJUI if DISETUJUI in keadaan else LUAR


def _persen(bagian, dari):
    if bagian is None or not dari:
        return None
    return bulatkan(bagian / dari * SERATUS, 2)


def _bulan_triwulan(tw):
    return range(3 * tw - 2, 3 * tw + 1)


class _Bacaan:
    """What the form of one office reads (filled by ``_baca`` for several offices at once)."""

    def __init__(self, instansi, tahun, triwulan, renstra):
        self.instansi, self.tahun, self.triwulan, self.renstra = instansi, tahun, triwulan, renstra
        self.tahun_awal = renstra.tahun_awal if renstra else tahun
        self.dpa = []
        self.unit_dpa_tahun = {}  # {(sub kegiatan id, year): unit}
        self.kode_sub = {}  # {sub kegiatan id: code}, of every year's DPA lines
        self.disetujui = set()
        # {(sub kegiatan id, year): {month: Rp}} of approved months, this year and the Renstra's earlier.
        self.bulanan = defaultdict(dict)
        self.simpul = {}
        self.indikator = defaultdict(list)
        self.target, self.realisasi, self.pagu_renstra, self.unit_nama = {}, {}, {}, {}

    @cached_property
    def unit_dpa(self):
        return {a.sub_kegiatan_id: a.unit_kerja_id for a in self.dpa}

    @cached_property
    def tahun_tak_tercatat(self):
        """The Renstra's earlier years in which the office has no DPA: what was reached then is unknown,
        so columns 6 and 14 stay empty rather than count it as nothing."""
        tercatat = {t for _, t in self.unit_dpa_tahun}
        return [t for t in range(self.tahun_awal, self.tahun) if t not in tercatat]

    def _bulan_disetujui(self, sub_id, tahun, bulan):
        """Whether the months of a sub kegiatan's DPA line in a year are all approved for its unit (a
        month nobody submitted is not approved, whether or not it holds a figure)."""
        unit = self.unit_dpa_tahun.get((sub_id, tahun))
        return all((Pengajuan.Jenis.ANGGARAN, tahun, b, unit) in self.disetujui for b in bulan)

    def rp_triwulan(self, sub_id, tw):
        """(Rp of the quarter, keadaan) of a sub kegiatan this year."""
        bulan = _bulan_triwulan(tw)
        if not self._bulan_disetujui(sub_id, self.tahun, bulan):
            return None, BELUM
        data = self.bulanan[sub_id, self.tahun]
        return sum((data.get(b, Decimal(0)) for b in bulan), Decimal(0)), DISETUJUI

    def rp_lalu(self, kode):
        """Rp spent in the Renstra's years before this one on the node ``kode`` (a sub kegiatan, or
        every sub kegiatan below a kegiatan or program, also those no longer in this year's DPA), from
        approved months; None while a month of a line of those years is not approved, or when the
        office has no DPA in one of those years."""
        if self.renstra is None or self.tahun_tak_tercatat:
            return None
        return self._rp_lalu_simpul.get(kode, Decimal(0))

    @cached_property
    def _rp_lalu_simpul(self):
        """{node code: Rp of the earlier years, or None}: each earlier line added once to its sub
        kegiatan and every node above it."""
        hasil = defaultdict(lambda: Decimal(0))
        for (sub_id, t), _ in self.unit_dpa_tahun.items():
            if t >= self.tahun:
                continue
            disetujui = self._bulan_disetujui(sub_id, t, range(1, 13))
            jumlah = sum(self.bulanan[sub_id, t].values(), Decimal(0))
            k = self.kode_sub[sub_id]
            while k:
                if hasil[k] is not None:
                    hasil[k] = hasil[k] + jumlah if disetujui else None
                k = nomenklatur.kode_induk(k)
        return dict(hasil)

    @cached_property
    def _simpul_tahun(self):
        """{(code, year)} of every node of every year's DPA (a line's sub kegiatan and its parents)."""
        hasil = set()
        for sub, t in self.unit_dpa_tahun:
            k = self.kode_sub[sub]
            while k:
                hasil.add((k, t))
                k = nomenklatur.kode_induk(k)
        return hasil

    def ada_pada(self, ir, tahun):
        """Whether the indicator's node was in the DPA of that year (a sub kegiatan's own line, or a line
        below a program or kegiatan)."""
        return (ir.nomenklatur.kode, tahun) in self._simpul_tahun

    def k_disetujui(self, ir, tahun, tw):
        """Whether the quarter of a year is approved for the unit that entered the indicator then."""
        unit = ir.unit_kerja_id or self.unit_dpa_tahun.get((ir.nomenklatur_id, tahun))
        return (Pengajuan.Jenis.RENJA, tahun, tw, unit) in self.disetujui


def _baca(daftar_instansi, tahun, triwulan):
    """{office id: _Bacaan} of the offices, in a fixed number of queries however many they are."""
    daftar_instansi = list(daftar_instansi)
    ids = [i.pk for i in daftar_instansi]
    renstra = {}
    for r in Renstra.objects.filter(instansi__in=ids, tahun_awal__lte=tahun, tahun_akhir__gte=tahun).order_by(
        "tahun_awal"
    ):
        renstra[r.instansi_id] = r  # the latest Renstra holding the year
    hasil = {i.pk: _Bacaan(i, tahun, triwulan, renstra.get(i.pk)) for i in daftar_instansi}
    awal = min((b.tahun_awal for b in hasil.values()), default=tahun)
    for a in (
        AnggaranSubKegiatan.objects.filter(instansi__in=ids, tahun=tahun)
        .select_related("sub_kegiatan", "unit_kerja")
        .order_by("sub_kegiatan__kode")
    ):
        hasil[a.instansi_id].dpa.append(a)
        hasil[a.instansi_id].unit_nama[a.unit_kerja_id] = a.unit_kerja.nama
    for opd, sub, kode_sub, thn, unit in AnggaranSubKegiatan.objects.filter(
        instansi__in=ids, tahun__gte=awal, tahun__lte=tahun
    ).values_list("instansi_id", "sub_kegiatan_id", "sub_kegiatan__kode", "tahun", "unit_kerja_id"):
        if thn >= hasil[opd].tahun_awal:
            hasil[opd].unit_dpa_tahun[sub, thn] = unit
            hasil[opd].kode_sub[sub] = kode_sub
    for opd, jenis, thn, periode, unit in Pengajuan.objects.filter(
        unit_kerja__instansi__in=ids,
        tahun__gte=awal,
        tahun__lte=tahun,
        status=Pengajuan.Status.DISETUJUI,
        jenis__in=[Pengajuan.Jenis.ANGGARAN, Pengajuan.Jenis.RENJA],
    ).values_list("unit_kerja__instansi_id", "jenis", "tahun", "periode", "unit_kerja_id"):
        hasil[opd].disetujui.add((jenis, thn, periode, unit))
    for opd, sub, unit, thn, bulan, keuangan in RealisasiAnggaran.objects.filter(
        anggaran__instansi__in=ids, anggaran__tahun__gte=awal, anggaran__tahun__lte=tahun
    ).values_list(
        "anggaran__instansi_id",
        "anggaran__sub_kegiatan_id",
        "anggaran__unit_kerja_id",
        "anggaran__tahun",
        "bulan",
        "keuangan",
    ):
        b = hasil[opd]
        if thn < b.tahun_awal:
            continue
        if (Pengajuan.Jenis.ANGGARAN, thn, bulan, unit) in b.disetujui:
            b.bulanan[sub, thn][bulan] = keuangan
    # The nodes of each office's tree: its sub kegiatan and every node above them.
    kode = defaultdict(set)
    for b in hasil.values():
        for a in b.dpa:
            k = a.sub_kegiatan.kode
            while k:
                kode[k].add(b.instansi.pk)
                k = nomenklatur.kode_induk(k)
    simpul_opd = defaultdict(set)
    for n in Nomenklatur.objects.filter(kode__in=list(kode)):
        for opd in kode[n.kode]:
            hasil[opd].simpul[n.kode] = n
            simpul_opd[opd].add(n.pk)
    per_ir = {}
    for ir in (
        IndikatorRenja.objects.filter(instansi__in=ids, nomenklatur__kode__in=list(kode))
        .select_related("nomenklatur", "indikator", "unit_kerja", "sasaran")
        .order_by("nomenklatur__kode", "urutan", "pk")
    ):
        if ir.nomenklatur_id not in simpul_opd[ir.instansi_id]:
            continue  # a node of another office's tree only
        b = per_ir[ir.pk] = hasil[ir.instansi_id]
        b.indikator[ir.nomenklatur_id].append(ir)
        if ir.unit_kerja_id:
            b.unit_nama[ir.unit_kerja_id] = ir.unit_kerja.nama
    for t in terbaca(TargetRenja.objects.filter(indikator_renja__in=list(per_ir)), "target_angka"):
        per_ir[t.indikator_renja_id].target[t.indikator_renja_id, t.jenis, t.tahun] = t
    for r in terbaca(
        RealisasiRenja.objects.filter(indikator_renja__in=list(per_ir), tahun__gte=awal, tahun__lte=tahun),
        "realisasi_angka",
    ):
        b = per_ir[r.indikator_renja_id]
        if r.tahun >= b.tahun_awal:
            b.realisasi[r.indikator_renja_id, r.tahun, r.triwulan] = r
    opd_renstra = {r.pk: opd for opd, r in renstra.items()}
    for renstra_id, nomenklatur_id, pagu in PaguRenstra.objects.filter(
        renstra__in=list(renstra.values())
    ).values_list("renstra_id", "nomenklatur_id", "pagu"):
        hasil[opd_renstra[renstra_id]].pagu_renstra[nomenklatur_id] = pagu
    return hasil


def _nilai(r):
    if r is None:
        return None
    return r.realisasi_huruf or r.realisasi_angka


def _isi_kinerja(baris, ir, bacaan):
    indikator = ir.indikator
    tahun, triwulan = bacaan.tahun, bacaan.triwulan
    huruf = indikator.jenis_nilai == Indikator.JenisNilai.PREDIKAT
    t_renja = bacaan.target.get((ir.pk, TargetRenja.Jenis.RENJA, tahun))
    baris.target_tahun = t_renja.target if t_renja else None
    baris.target_pilihan = t_renja.pilihan if t_renja else ""
    baris.target_tertulis = t_renja.tertulis if t_renja else ""
    if bacaan.renstra is not None:
        akhir = bacaan.target.get((ir.pk, TargetRenja.Jenis.AKHIR, bacaan.renstra.tahun_akhir))
        baris.target_renstra = akhir.target if akhir else None
    # Columns 8-12: the approved quarters of this year.
    nilai = []
    for tw in range(1, 5):
        if tw > triwulan:
            continue
        r = bacaan.realisasi.get((ir.pk, tahun, tw))
        baris.tw_terisi[tw - 1] = _nilai(r) not in (None, "")
        if bacaan.k_disetujui(ir, tahun, tw):
            baris.tw[tw - 1], baris.tw_keadaan[tw - 1] = _nilai(r), DISETUJUI
            nilai.append(_nilai(r))
        else:
            baris.tw_keadaan[tw - 1] = BELUM
            baris.belum_disetujui = True
    if not baris.belum_disetujui:
        baris.realisasi_tahun = _tahunan(indikator, nilai)
    # Column 6: the Renstra's earlier years, each year by the yearly rule over its approved quarters.
    per_tahun = None if bacaan.tahun_tak_tercatat else []
    for t in range(bacaan.tahun_awal, tahun) if per_tahun is not None else ():
        if not bacaan.ada_pada(ir, t):
            continue  # not in that year's DPA: nothing to reach then
        kuartal = [
            (bacaan.realisasi.get((ir.pk, t, tw)), bacaan.k_disetujui(ir, t, tw)) for tw in range(1, 5)
        ]
        if not all(setuju for _, setuju in kuartal):
            per_tahun = None  # an earlier year still has a quarter not approved
            break
        setahun = _tahunan(indikator, [_nilai(r) for r, _ in kuartal])
        if setahun is not None:
            per_tahun.append(setahun)
    mengumpul = indikator.aturan_tahunan == Indikator.AturanTahunan.JUMLAH and not huruf
    if per_tahun:
        baris.realisasi_renstra_lalu = sum(per_tahun, Decimal(0)) if mengumpul else per_tahun[-1]
    if baris.realisasi_tahun is not None:
        if not mengumpul:
            baris.realisasi_renstra = baris.realisasi_tahun  # the latest value
        elif per_tahun is not None:
            baris.realisasi_renstra = (baris.realisasi_renstra_lalu or Decimal(0)) + baris.realisasi_tahun
    if huruf:
        baris.tercapai = huruf_tercapai(baris.target_tahun or None, baris.realisasi_tahun or None)
        baris.tercapai_renstra = huruf_tercapai(baris.target_renstra or None, baris.realisasi_renstra or None)
        return
    baris.capaian_tahun = hitung_capaian(baris.target_tahun, baris.realisasi_tahun, indikator.metode)
    baris.capaian_renstra = hitung_capaian(baris.target_renstra, baris.realisasi_renstra, indikator.metode)


def _hitung_rumus(baris, bacaan):
    """Columns 8-15 of the indicators computed by a formula over their sub kegiatan's outputs, each
    quarter from the outputs as reached up to it: computed once every output it names has that quarter
    approved, else «belum disetujui»."""
    per_kode = {b.indikator_renja.kode: b for b in baris if b.indikator_renja and b.indikator_renja.kode}
    for b in baris:
        ir = b.indikator_renja
        if ir is None or not ir.rumus.strip():
            continue
        try:
            rumus = urai_rumus(ir.rumus)
        except GalatRumus:
            continue  # refused when saved; a formula edited around the checks computes nothing
        sumber = [per_kode.get(nama) for nama in rumus.komponen]
        b.belum_disetujui, b.tw_terisi, b.unit_id = False, [False] * 4, None  # no unit enters it
        nilai = []
        for i in range(bacaan.triwulan):
            if any(s is None or s.tw_keadaan[i] != DISETUJUI for s in sumber):
                b.tw[i], b.tw_keadaan[i], b.belum_disetujui = None, BELUM, True
                continue
            # Each output as reached up to the quarter, by its own yearly rule.
            isi = {
                nama: _tahunan(per_kode[nama].indikator, per_kode[nama].tw[: i + 1])
                for nama in rumus.komponen
            }
            hasil = hitung(rumus, isi, ir.indikator.desimal)
            b.tw[i], b.tw_keadaan[i] = hasil.nilai, DISETUJUI
            nilai.append(hasil.nilai)
        # Each quarter already holds the outputs as reached up to it: the year is the latest quarter.
        b.realisasi_tahun = None if b.belum_disetujui or not nilai else nilai[-1]
        b.realisasi_renstra = b.realisasi_tahun  # a formula's figure does not accumulate across years
        b.capaian_tahun = hitung_capaian(b.target_tahun, b.realisasi_tahun, ir.indikator.metode)
        b.capaian_renstra = hitung_capaian(b.target_renstra, b.realisasi_renstra, ir.indikator.metode)


def _tahunan(indikator, nilai):
    terisi = [v for v in nilai if v not in (None, "")]
    if not terisi:
        return None
    if indikator.jenis_nilai == Indikator.JenisNilai.PREDIKAT:
        return terisi[-1]
    hasil = nilai_tahunan(indikator.aturan_tahunan, terisi, indikator.desimal)
    return bulatkan(hasil, indikator.desimal)


def _isi_anggaran_sub(baris, sub_id, bacaan, pagu):
    baris.pagu_tahun = pagu
    for tw in range(1, bacaan.triwulan + 1):
        baris.rp_tw[tw - 1], baris.rp_tw_keadaan[tw - 1] = bacaan.rp_triwulan(sub_id, tw)


def _selesaikan_rp(baris, bacaan):
    baris.rp_lalu = bacaan.rp_lalu(baris.kode)
    bagian = baris.rp_tw[: bacaan.triwulan]
    baris.rp_belum_disetujui = BELUM in baris.rp_tw_keadaan
    baris.rp_tahun = _jumlah(bagian)
    baris.serapan = _persen(baris.rp_tahun, baris.pagu_tahun)
    baris.pagu_renstra = bacaan.pagu_renstra.get(baris.nomenklatur.pk)
    if bacaan.renstra is not None and baris.rp_tahun is not None and baris.rp_lalu is not None:
        baris.rp_renstra = baris.rp_lalu + baris.rp_tahun
    baris.capaian_rp_renstra = _persen(baris.rp_renstra, baris.pagu_renstra)


def evaluasi_renja(instansi, tahun, triwulan=4):
    """The EvaluasiRenja of an office's year up to ``triwulan``."""
    return evaluasi_renja_opd([instansi], tahun, triwulan)[0]


def evaluasi_renja_opd(daftar_instansi, tahun, triwulan=4):
    """The EvaluasiRenja of each office (in the order given), in a fixed number of queries."""
    return [_evaluasi(b) for b in _baca(daftar_instansi, tahun, triwulan).values()]


def _evaluasi(bacaan):
    tahun, triwulan, instansi = bacaan.tahun, bacaan.triwulan, bacaan.instansi
    pagu = {a.sub_kegiatan_id: a.pagu for a in bacaan.dpa}
    per_simpul = {}
    urut = sorted(bacaan.simpul.values(), key=lambda n: [int(b) for b in n.kode.split(".")])
    for n in urut:
        daftar = bacaan.indikator.get(n.pk) or [None]
        per_simpul[n.kode] = [
            BarisRenja(nomenklatur=n, indikator_renja=ir, pertama=i == 0) for i, ir in enumerate(daftar)
        ]
    anak_dari = defaultdict(list)
    for n in urut:
        anak_dari[nomenklatur.kode_induk(n.kode)].append(per_simpul[n.kode][0])
    # Budget: sub kegiatan first, then each parent as the sum of its children (deepest first).
    for n in urut:
        if n.tingkat == nomenklatur.SUB_KEGIATAN:
            _isi_anggaran_sub(per_simpul[n.kode][0], n.pk, bacaan, pagu.get(n.pk))
    for n in sorted(urut, key=lambda n: -n.tingkat):
        b = per_simpul[n.kode][0]
        if n.tingkat != nomenklatur.SUB_KEGIATAN:
            anak = anak_dari[n.kode]
            b.pagu_tahun = _jumlah([a.pagu_tahun for a in anak])
            for i in range(bacaan.triwulan):
                b.rp_tw[i] = _jumlah([a.rp_tw[i] for a in anak])
                b.rp_tw_keadaan[i] = _keadaan_gabung([a.rp_tw_keadaan[i] for a in anak])
        _selesaikan_rp(b, bacaan)
    baris = []
    sasaran = ""
    for n in urut:
        for b in per_simpul[n.kode]:
            ir = b.indikator_renja
            b.unit_id = ir and unit_isian_dari_dpa(ir, bacaan.unit_dpa)
            unit = bacaan.unit_nama.get(b.unit_id)
            if unit is None and n.tingkat == nomenklatur.SUB_KEGIATAN:
                unit = bacaan.unit_nama.get(bacaan.unit_dpa.get(n.pk))
            b.unit = unit or ""
            if ir is not None:
                b.keterangan = ir.keterangan
                if ir.sasaran_id and n.tingkat == nomenklatur.PROGRAM and ir.sasaran.teks != sasaran:
                    b.sasaran = sasaran = ir.sasaran.teks
                _isi_kinerja(b, ir, bacaan)
            b.no = len(baris) + 1
            baris.append(b)
    _hitung_rumus(baris, bacaan)
    capaian = [b.capaian_tahun for b in baris if b.capaian_tahun is not None]
    hasil = EvaluasiRenja(instansi, tahun, triwulan, bacaan.renstra, baris)
    if capaian:
        hasil.rata_rata_k = bulatkan(sum(capaian, Decimal(0)) / len(capaian), 2)
    hasil.rata_rata_rp = hasil.jumlah.serapan
    return hasil


BELUM_DISETUJUI = "belum disetujui"
# The form's columns 5 to 15 with their headings (each has a K and an Rp cell).
KOLOM_FORM = [
    (5, "Target kinerja dan anggaran Renstra (akhir periode)"),
    (6, "Realisasi capaian kinerja dan anggaran Renstra s.d. Renja tahun lalu"),
    (7, "Target kinerja dan anggaran Renja tahun ini"),
    (8, "Realisasi triwulan I"),
    (9, "Realisasi triwulan II"),
    (10, "Realisasi triwulan III"),
    (11, "Realisasi triwulan IV"),
    (12, "Realisasi capaian kinerja dan anggaran Renja tahun ini"),
    (13, "Tingkat capaian kinerja dan realisasi anggaran Renja tahun ini (%)"),
    (14, "Realisasi kinerja dan anggaran Renstra s.d. tahun ini"),
    (15, "Tingkat capaian kinerja dan realisasi anggaran Renstra s.d. tahun ini (%)"),
]


@dataclass(frozen=True)
class Sel:
    """One cell of the form as every copy of it prints it: ``nilai`` a Decimal (a figure with
    ``desimal`` decimals), a str (a letter, «belum disetujui», «tercapai») or None (empty)."""

    nilai: object = None
    desimal: int = 0

    def __str__(self):
        if self.nilai is None:
            return ""
        if isinstance(self.nilai, str):
            return self.nilai
        return format_angka(self.nilai, self.desimal)

    @property
    def angka(self):
        return not isinstance(self.nilai, str) and self.nilai is not None


def _sel_k(b, nilai, keadaan=DISETUJUI):
    if keadaan == BELUM:
        return Sel(BELUM_DISETUJUI)
    if keadaan == LUAR or b.indikator_renja is None:
        return Sel()
    return Sel(nilai, b.desimal) if nilai not in (None, "") else Sel()


def _sel_rp(b, nilai, keadaan=DISETUJUI, desimal=0):
    if not b.pertama:
        return Sel()
    if keadaan == BELUM:
        return Sel(BELUM_DISETUJUI)
    if keadaan == LUAR:
        return Sel()
    return Sel(nilai, desimal)


def _sel_capaian(b, capaian, tercapai, belum):
    if b.indikator_renja is None:
        return Sel()
    if b.huruf:
        if tercapai is None:
            return Sel(BELUM_DISETUJUI) if belum else Sel()
        return Sel("tercapai" if tercapai else "belum tercapai")
    if capaian is None and belum:
        return Sel(BELUM_DISETUJUI)
    return Sel(capaian, 2)


def kolom_form(b):
    """Columns 5 to 15 of a row as [(K cell, Rp cell)]: what the page, the xlsx and the PDF print."""
    belum, rp_belum = b.belum_disetujui, b.rp_belum_disetujui
    k12 = _sel_k(b, b.realisasi_tahun) if not belum else Sel(BELUM_DISETUJUI)
    rp12 = _sel_rp(b, b.rp_tahun, BELUM if rp_belum else DISETUJUI)
    k14 = _sel_k(b, b.realisasi_renstra) if not belum else Sel(BELUM_DISETUJUI)
    rp14 = _sel_rp(b, b.rp_renstra, BELUM if rp_belum else DISETUJUI)
    return [
        (_sel_k(b, b.target_renstra), _sel_rp(b, b.pagu_renstra)),
        (_sel_k(b, b.realisasi_renstra_lalu), _sel_rp(b, b.rp_lalu)),
        (_sel_k(b, b.target_tahun), _sel_rp(b, b.pagu_tahun)),
        *[
            (_sel_k(b, b.tw[i], b.tw_keadaan[i]), _sel_rp(b, b.rp_tw[i], b.rp_tw_keadaan[i]))
            for i in range(4)
        ],
        (k12, rp12),
        (
            _sel_capaian(b, b.capaian_tahun, b.tercapai, belum),
            _sel_rp(b, b.serapan, BELUM if rp_belum else DISETUJUI, 2),
        ),
        (k14, rp14),
        (
            _sel_capaian(b, b.capaian_renstra, b.tercapai_renstra, belum),
            _sel_rp(b, b.capaian_rp_renstra, BELUM if rp_belum else DISETUJUI, 2),
        ),
    ]
