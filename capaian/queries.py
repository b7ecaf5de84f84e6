"""Capaian of PK lines for a year up to a triwulan, computed in a fixed number of queries."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch

from capaian.hitung import hitung_capaian, huruf_tercapai, predikat
from capaian.models import RealisasiTriwulan, SkalaPredikat
from nakertrans.format_id import bulatkan
from nakertrans.rumus import hitung
from perjanjian.models import BarisPK, PerjanjianKinerja
from perjanjian.rencana import nilai_tahunan


def skala_aktif():
    """The predikat bands in use (the seed's scale, gap closed, when none is configured)."""
    from capaian.hitung import SKALA_SEED

    skala = SkalaPredikat.objects.filter(aktif=True).prefetch_related("pita").first()
    return skala.sebagai_pita() if skala else SKALA_SEED


@dataclass
class CapaianBaris:
    baris: BarisPK
    target: object = None  # Decimal or letter, cumulative to the triwulan
    realisasi: object = None
    capaian: Decimal | None = None
    predikat: object = None  # a Pita
    tercapai: bool | None = None  # for letter targets
    langkah: dict = field(default_factory=dict)  # formula workings of the last quarter
    komponen: dict = field(default_factory=dict)  # component values of the last quarter
    alasan: str = ""
    per_triwulan: dict = field(default_factory=dict)  # triwulan -> realisasi value

    @property
    def indikator(self):
        return self.baris.indikator


def baris_tahun(tahun, unit_kerja=None, sampai_triwulan=4):
    """PK lines in force in a year with their indicators, components and quarterly realisasi."""
    realisasi = RealisasiTriwulan.objects.filter(triwulan__lte=sampai_triwulan).prefetch_related(
        "komponen__komponen"
    )
    qs = BarisPK.objects.filter(perjanjian__in=PerjanjianKinerja.objects.berlaku(tahun))
    if unit_kerja is not None:
        qs = qs.filter(perjanjian__jabatan__unit_kerja__in=unit_kerja)
    return (
        qs.select_related("indikator", "perjanjian__jabatan__unit_kerja", "perjanjian__unit_pengisi")
        .prefetch_related(
            Prefetch("realisasi", queryset=realisasi.order_by("triwulan")), "indikator__komponen"
        )
        .order_by("perjanjian__jabatan__tingkat_pk", "perjanjian__jabatan__urutan", "urutan")
    )


def nilai_triwulan(baris, realisasi, rumus):
    """The quarter's realisasi: typed, or computed from its components by the indicator's formula."""
    if rumus is None:
        return realisasi.realisasi, {}, {}, ""
    komponen = {n.komponen.kode: n.nilai for n in realisasi.komponen.all()}
    hasil = hitung(rumus, komponen, baris.indikator.desimal)
    return hasil.nilai, hasil.langkah, komponen, hasil.alasan


def hitung_baris(baris, sampai_triwulan, pita, cache_rumus):
    indikator = baris.indikator
    if indikator.pk not in cache_rumus:
        cache_rumus[indikator.pk] = indikator.rumus_terurai()
    rumus = cache_rumus[indikator.pk]
    hasil = CapaianBaris(baris)
    nilai = {}
    for r in baris.realisasi.all():
        if r.triwulan > sampai_triwulan:
            continue
        v, hasil.langkah, hasil.komponen, alasan = nilai_triwulan(baris, r, rumus)
        if v is not None and v != "":
            nilai[r.triwulan] = v
        elif alasan:
            hasil.alasan = alasan
    hasil.per_triwulan = nilai
    if indikator.jenis_nilai == "predikat":
        hasil.target = baris.target_huruf or None
        hasil.realisasi = nilai[max(nilai)] if nilai else None
        hasil.tercapai = huruf_tercapai(hasil.target, hasil.realisasi)
        return hasil
    urut = [nilai.get(tw) for tw in range(1, sampai_triwulan + 1)]
    hasil.realisasi = nilai_tahunan(indikator.aturan_tahunan, urut, indikator.desimal)
    if hasil.realisasi is not None:
        hasil.realisasi = bulatkan(hasil.realisasi, indikator.desimal)
    if sampai_triwulan == 4 or all(v is None for v in baris.rencana_aksi):
        hasil.target = baris.target_angka
    else:
        hasil.target = nilai_tahunan(
            indikator.aturan_tahunan, baris.rencana_aksi[:sampai_triwulan], indikator.desimal
        )
    hasil.capaian = hitung_capaian(hasil.target, hasil.realisasi, indikator.metode)
    hasil.predikat = predikat(hasil.capaian, pita)
    if hasil.capaian is None and not hasil.alasan:
        hasil.alasan = "Belum ada realisasi." if hasil.realisasi is None else "Target belum ditetapkan."
    return hasil


def capaian_tahun(tahun, sampai_triwulan=4, unit_kerja=None):
    """CapaianBaris for every PK line in force in the year (cumulative up to the triwulan)."""
    pita = skala_aktif()
    cache = {}
    return [
        hitung_baris(b, sampai_triwulan, pita, cache) for b in baris_tahun(tahun, unit_kerja, sampai_triwulan)
    ]
