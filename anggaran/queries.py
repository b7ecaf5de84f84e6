"""Reads for the budget pages and reports: a fixed number of queries, whatever the number of rows."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import DecimalField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from anggaran import kode as nomenklatur
from anggaran.models import AnggaranSubKegiatan, IndikatorProgramKegiatan, Nomenklatur, RealisasiAnggaran
from anggaran.rollup import Ringkasan, jumlahkan


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


def anggaran_dengan_realisasi(tahun, sampai_bulan=12):
    """DPA lines of a year with ``realisasi_sd`` (Rp spent up to the month) and ``fisik_sd``."""
    fisik_terakhir = (
        RealisasiAnggaran.objects.filter(anggaran=OuterRef("pk"), bulan__lte=sampai_bulan)
        .order_by("-bulan")
        .values("fisik")[:1]
    )
    nol = Value(Decimal(0), output_field=DecimalField(max_digits=18, decimal_places=2))
    return (
        AnggaranSubKegiatan.objects.filter(tahun=tahun)
        .select_related("sub_kegiatan", "unit_kerja")
        .annotate(
            realisasi_sd=Coalesce(
                Sum("realisasi__keuangan", filter=Q(realisasi__bulan__lte=sampai_bulan)), nol
            ),
            fisik_sd=Coalesce(Subquery(fisik_terakhir), nol),
        )
        .order_by("sub_kegiatan__kode")
    )


def _format_target(anggaran):
    target = anggaran.target.normalize()
    return f"{target:f} {anggaran.satuan}"


def rekap_anggaran(tahun, sampai_bulan=12, anggaran=None):
    """Tabel 30 rows (program, kegiatan, sub kegiatan in code order) and the office total.

    ``anggaran`` narrows the rows to some DPA lines (a queryset from anggaran_dengan_realisasi).
    """
    daftar = list(anggaran if anggaran is not None else anggaran_dengan_realisasi(tahun, sampai_bulan))
    per_sub = {
        a.sub_kegiatan.kode: Ringkasan.dari_sub_kegiatan(a.pagu, a.realisasi_sd, a.fisik_sd) for a in daftar
    }
    kode_induk = {}
    for kode_sub in per_sub:
        kegiatan = nomenklatur.kode_induk(kode_sub)
        program = nomenklatur.kode_induk(kegiatan)
        kode_induk[kode_sub] = (program, kegiatan)
    kode_atas = {k for pasangan in kode_induk.values() for k in pasangan}
    atas = {n.kode: n for n in Nomenklatur.objects.filter(kode__in=kode_atas)}
    indikator = {
        i.nomenklatur_id: i
        for i in IndikatorProgramKegiatan.objects.filter(tahun=tahun, nomenklatur__kode__in=kode_atas)
    }

    def ringkasan_di_bawah(awalan):
        return jumlahkan(r for kode, r in per_sub.items() if kode.startswith(awalan + "."))

    def baris_atas(kode):
        node = atas[kode]
        info = indikator.get(node.pk)
        return BarisRekap(
            node, info.indikator if info else "", info.target if info else "", ringkasan_di_bawah(kode)
        )

    baris, sudah = [], set()
    for a in daftar:
        for kode in kode_induk[a.sub_kegiatan.kode]:
            if kode not in sudah:
                sudah.add(kode)
                baris.append(baris_atas(kode))
        baris.append(
            BarisRekap(a.sub_kegiatan, a.indikator, _format_target(a), per_sub[a.sub_kegiatan.kode], a)
        )
    return baris, jumlahkan(per_sub.values())
