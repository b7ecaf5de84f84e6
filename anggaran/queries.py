"""Reads for the budget pages and reports: a fixed number of queries, whatever the number of rows."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import DecimalField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from anggaran.models import (
    AnggaranSubKegiatan,
    IndikatorProgramKegiatan,
    Nomenklatur,
    PaguTertulis,
    RealisasiAnggaran,
)
from anggaran.rollup import Ringkasan, bulan_lewat_pagu, jumlahkan, per_kode
from nakertrans.format_id import format_angka
from nakertrans.queries import tahun_tersedia


@dataclass(frozen=True)
class BarisRekap:
    nomenklatur: Nomenklatur
    indikator: str
    target: str
    ringkasan: Ringkasan
    anggaran: AnggaranSubKegiatan | None = None

    @property
    def tingkat(self):
        return self.nomenklatur.tingkat


def anggaran_dengan_realisasi(instansi, tahun, sampai_bulan=12):
    """An office's DPA lines of a year with ``realisasi_sd`` (Rp spent up to the month) and ``fisik_sd``."""
    fisik_terakhir = (
        RealisasiAnggaran.objects.filter(anggaran=OuterRef("pk"), bulan__lte=sampai_bulan)
        .order_by("-bulan")
        .values("fisik")[:1]
    )
    nol = Value(Decimal(0), output_field=DecimalField(max_digits=18, decimal_places=2))
    return (
        AnggaranSubKegiatan.objects.filter(instansi=instansi, tahun=tahun)
        .select_related("sub_kegiatan__induk__induk", "unit_kerja")
        .annotate(
            realisasi_sd=Coalesce(
                Sum("realisasi__keuangan", filter=Q(realisasi__bulan__lte=sampai_bulan)), nol
            ),
            fisik_sd=Coalesce(Subquery(fisik_terakhir), nol),
        )
        .order_by("sub_kegiatan__kode")
    )


def _format_target(anggaran):
    """'12 Dokumen', '1,05 Indeks', '999.999.999.999,99 Orang': Indonesian, no trailing zero decimals."""
    target = format_angka(anggaran.target, 2)
    if "," in target:
        target = target.rstrip("0").rstrip(",")
    return f"{target} {anggaran.satuan}"


def rekap_anggaran(instansi, tahun, sampai_bulan=12, anggaran=None, pagu_murni=False):
    """An office's Tabel 30 rows (program, kegiatan, sub kegiatan in code order) and its total.

    ``anggaran`` narrows the rows to some DPA lines (a queryset from anggaran_dengan_realisasi);
    ``pagu_murni`` sums the original pagu instead of the one in force (Tabel 14).
    """
    daftar = list(
        anggaran if anggaran is not None else anggaran_dengan_realisasi(instansi, tahun, sampai_bulan)
    )
    per_sub = {
        a.pk: Ringkasan.dari_sub_kegiatan(a.pagu_murni if pagu_murni else a.pagu, a.realisasi_sd, a.fisik_sd)
        for a in daftar
    }
    total = per_kode((a.sub_kegiatan.kode, per_sub[a.pk]) for a in daftar)
    induk = {node.pk for a in daftar for node in (a.sub_kegiatan.induk, a.sub_kegiatan.induk.induk)}
    indikator = {
        i.nomenklatur_id: i
        for i in IndikatorProgramKegiatan.objects.filter(
            instansi=instansi, tahun=tahun, nomenklatur_id__in=induk
        )
    }

    def baris_induk(node):
        info = indikator.get(node.pk)
        return BarisRekap(node, info.indikator if info else "", info.target if info else "", total[node.kode])

    baris, sudah = [], set()
    for a in daftar:
        kegiatan = a.sub_kegiatan.induk
        for node in (kegiatan.induk, kegiatan):
            if node.pk not in sudah:
                sudah.add(node.pk)
                baris.append(baris_induk(node))
        baris.append(BarisRekap(a.sub_kegiatan, a.indikator, _format_target(a), per_sub[a.pk], a))
    return baris, jumlahkan(per_sub.values())


def tahun_anggaran(instansi):
    """Years in which the office has a DPA, newest first."""
    return tahun_tersedia(AnggaranSubKegiatan.objects.filter(instansi=instansi))


def tahun_terakhir(instansi):
    """The office's newest DPA year, or the current year when there is none yet."""
    from django.utils import timezone

    tahun = tahun_anggaran(instansi)
    return tahun[0] if tahun else timezone.localdate().year


@dataclass
class SelisihTertulis:
    nomenklatur: object
    kolom: str
    tertulis: Decimal
    dijumlah: Decimal
    sumber: str


def selisih_pagu_tertulis(instansi, tahun, anggaran=None):
    """Stated program/kegiatan totals of the year that are not the sum of their sub kegiatan, summed by
    the same roll-up as the reports (``anggaran``: the year's anggaran_dengan_realisasi, if at hand)."""
    daftar = list(anggaran if anggaran is not None else anggaran_dengan_realisasi(instansi, tahun))
    jumlah = {}
    for kolom, murni in (("pagu_murni", True), ("pagu_perubahan", False)):
        for b in rekap_anggaran(instansi, tahun, anggaran=daftar, pagu_murni=murni)[0]:
            jumlah[(b.nomenklatur.kode, kolom)] = b.ringkasan.pagu
    hasil = []
    for t in PaguTertulis.objects.filter(instansi=instansi, tahun=tahun).select_related("nomenklatur"):
        for kolom in ("pagu_murni", "pagu_perubahan"):
            tertulis = getattr(t, kolom)
            dijumlah = jumlah.get((t.nomenklatur.kode, kolom), Decimal(0))
            if tertulis is not None and tertulis != dijumlah:
                hasil.append(SelisihTertulis(t.nomenklatur, kolom, tertulis, dijumlah, t.sumber))
    return hasil


def lewat_pagu(anggaran):
    """{DPA line pk: (bulan, catatan)} for the lines (instances, stored realisasi) whose realisasi passes
    their pagu: the month that crossed it (anggaran.rollup.bulan_lewat_pagu) and that month's note.
    One query whatever the number of lines."""
    pagu = {a.pk: a.pagu for a in anggaran}
    bulanan = {}
    for r in RealisasiAnggaran.objects.filter(anggaran__in=list(pagu)).values(
        "anggaran_id", "bulan", "keuangan", "catatan"
    ):
        bulanan.setdefault(r["anggaran_id"], {})[r["bulan"]] = (r["keuangan"], r["catatan"].strip())
    hasil = {}
    for pk, per_bulan in bulanan.items():
        bulan = bulan_lewat_pagu(pagu[pk], ((b, k) for b, (k, _) in per_bulan.items()))
        if bulan is not None:
            hasil[pk] = (bulan, per_bulan[bulan][1])
    return hasil
