"""Capaian of PK lines for a year up to a triwulan, computed in a fixed number of queries."""

from dataclasses import dataclass, field
from decimal import Context, Decimal, InvalidOperation

from django.db import connection
from django.db.models import Prefetch, Q, TextField, prefetch_related_objects
from django.db.models.functions import Cast
from django.db.models.query import ModelIterable

from capaian.hitung import hitung_capaian, huruf_tercapai, predikat
from capaian.models import (
    BuktiDukung,
    NilaiKomponenTriwulan,
    PilihanSkalaOPD,
    RealisasiTriwulan,
    SkalaPredikat,
)
from nakertrans.format_id import bulatkan, format_angka
from nakertrans.periode import TRIWULAN
from nakertrans.rumus import hitung
from perjanjian.models import BarisPK, KomponenIndikator, PerjanjianKinerja
from perjanjian.rencana import nilai_tahunan

_TEKS = "teks_"  # prefix of the annotations that carry a decimal column as text
_LEBAR = Context(prec=60)  # wide enough for any value a column can hold


def skala_aktif(instansi):
    """The predikat bands an office (an Instansi or its id) reads its capaian by: see skala_per_opd."""
    kunci = getattr(instansi, "pk", instansi)
    return skala_per_opd([kunci])[kunci]


def skala_per_opd(id_opd):
    """{office id: the predikat bands it reads its capaian by} in three queries however many offices:
    the scale the office chose, else the kabupaten's scale in use, else the seed's scale with its gap
    closed. The id None stands for the kabupaten itself (its IKU daerah): the scale in use."""
    from capaian.hitung import SKALA_SEED

    id_opd = list(id_opd)
    pilihan = dict(
        PilihanSkalaOPD.objects.filter(instansi__in=[i for i in id_opd if i is not None]).values_list(
            "instansi_id", "skala_id"
        )
    )
    skala = {
        s.pk: s
        for s in SkalaPredikat.objects.filter(Q(pk__in=set(pilihan.values())) | Q(aktif=True))
        .order_by()
        .prefetch_related("pita")
    }
    dipakai = next((s for s in skala.values() if s.aktif), None)
    hasil = {}
    for i in id_opd:
        s = skala.get(pilihan.get(i)) or dipakai
        hasil[i] = s.sebagai_pita() if s is not None else SKALA_SEED
    return hasil


def nilai_terbesar(bidang):
    """The largest value a DecimalField keeps exactly: 999.999.999.999,9999 for 16 digits with 4
    decimals. SQLite stores such a column as REAL with 15 significant digits, so there the last
    decimal goes (999.999.999.999,9999 would come back as 10^12, which the field cannot even read)."""
    bulat, desimal = bidang.max_digits - bidang.decimal_places, bidang.decimal_places
    if connection.vendor == "sqlite":
        desimal = max(0, min(desimal, 15 - bulat))
    return Decimal(10) ** bulat - Decimal(1).scaleb(-desimal)


def melebihi_batas(nilai, bidang):
    """Whether a value read from the database is larger than its field allows (stored before the
    entry checked it; SQLite keeps whatever it is given)."""
    return nilai is not None and abs(nilai) > nilai_terbesar(bidang)


class _DesimalDariTeks(ModelIterable):
    """Instances whose decimal fields are read from the column's text instead of the backend's
    converter, which raises InvalidOperation for a value with more digits than the field (SQLite keeps
    such a value), so that one bad figure cannot break every page that lists the line."""

    def __iter__(self):
        nama = [n[len(_TEKS) :] for n in self.queryset.query.annotations if n.startswith(_TEKS)]
        for obj in super().__iter__():
            for n in nama:
                setattr(obj, n, _desimal(getattr(obj, _TEKS + n), obj._meta.get_field(n)))
            yield obj


def _desimal(teks, bidang):
    if teks is None:
        return None
    try:
        nilai = Decimal(str(teks).strip())
    except InvalidOperation:
        return None
    if not nilai.is_finite():
        return None
    return nilai.quantize(Decimal(1).scaleb(-bidang.decimal_places), context=_LEBAR)


def terbaca(qs, *nama):
    """``qs`` with the decimal fields ``nama`` read safely (see _DesimalDariTeks)."""
    qs = qs.defer(*nama).annotate(**{_TEKS + n: Cast(n, TextField()) for n in nama})
    qs._iterable_class = _DesimalDariTeks
    return qs


def komponen_terbaca():
    return terbaca(NilaiKomponenTriwulan.objects.select_related("komponen"), "nilai")


def _nilai_komponen():
    return Prefetch("komponen", queryset=komponen_terbaca(), to_attr="nilai_komponen")


def realisasi_terbaca(komponen=True):
    """Quarterly realisasi with their component values as the list ``nilai_komponen``, every figure
    read safely. A list (``to_attr``) rather than the ``komponen`` manager: Django builds one queryset
    per realisasi for a manager's prefetch, 4 ms of the entry page's 36 realisasi. ``komponen=False``:
    without the values (the caller reads them, see baris_isian)."""
    qs = terbaca(RealisasiTriwulan.objects.all(), "realisasi_angka")
    return qs.prefetch_related(_nilai_komponen()) if komponen else qs


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
    belum_lengkap: dict = field(default_factory=dict)  # triwulan -> why its entry gives no value

    @property
    def indikator(self):
        return self.baris.indikator


def unit_dengan_pk(tahun, unit):
    """Units (among the queryset ``unit``) that enter realisasi for some final PK in force in the year."""
    pk = PerjanjianKinerja.objects.berlaku(tahun).final()
    return unit.filter(pk__in=pk.id_unit_isian()).order_by("urutan")


def baris_isian(tahun, triwulan, unit, pk=None):
    """The lines (a list) of the year's final PKs that ``unit`` enters realisasi for (the entry page;
    ``pk``: that line only), with their quarters up to the triwulan and components: three queries
    whatever the number of lines, four when some line's indicator has components (their values are read
    only for those lines' quarters). The quarter's evidence comes with ``bukti_triwulan``."""
    # Explicit orders: the models' default orders go through relations and would join tables only to
    # sort rows that are already grouped by their parent.
    realisasi = realisasi_terbaca(komponen=False).filter(triwulan__lte=triwulan)
    realisasi = Prefetch("realisasi", queryset=realisasi.order_by("triwulan"))
    komponen = Prefetch("indikator__komponen", queryset=KomponenIndikator.objects.order_by("urutan", "kode"))
    qs = BarisPK.objects.filter(perjanjian__tahun=tahun, perjanjian__status=PerjanjianKinerja.Status.FINAL)
    if pk is not None:
        qs = qs.filter(pk=pk)
    daftar = list(
        qs.diisi_oleh(unit)
        .select_related("indikator", "perjanjian__jabatan")
        .prefetch_related(realisasi, komponen)
        .order_by("perjanjian__jabatan__tingkat_pk", "perjanjian__jabatan__urutan", "urutan")
    )
    berkomponen = []
    for baris in daftar:
        if baris.indikator.komponen.all():
            berkomponen.extend(baris.realisasi.all())
        else:
            for r in baris.realisasi.all():
                r.nilai_komponen = []  # an indicator without components has no component values
    prefetch_related_objects(berkomponen, _nilai_komponen())
    return daftar


def bukti_triwulan(baris, triwulan):
    """{line id: [evidence of its realisasi of the triwulan]} for the lines ``baris`` loaded by
    ``baris_isian``, oldest first: one query by the quarter's realisasi ids, none when no line has the
    quarter yet (a prefetch through the realisasi would read the evidence of every earlier quarter too)."""
    realisasi = {r.pk: b.pk for b in baris for r in b.realisasi.all() if r.triwulan == triwulan}
    hasil = {}
    if realisasi:
        berkas = BuktiDukung.objects.filter(realisasi__in=list(realisasi))
        for bukti in berkas.order_by("diunggah_pada", "pk"):
            hasil.setdefault(realisasi[bukti.realisasi_id], []).append(bukti)
    return hasil


def baris_tahun(instansi, tahun, sampai_triwulan=4):
    """An office's PK lines in force in a year with their indicators, components and quarterly
    realisasi."""
    qs = BarisPK.objects.filter(
        perjanjian__in=PerjanjianKinerja.objects.filter(instansi=instansi).berlaku(tahun)
    )
    return baris_dari(qs, sampai_triwulan)


def baris_dari(qs, sampai_triwulan=4):
    """PK lines (a queryset) with what hitung_baris reads: indicators, components and the quarterly
    realisasi up to the triwulan, in post order."""
    realisasi = realisasi_terbaca().filter(triwulan__lte=sampai_triwulan)
    return (
        qs.select_related("indikator", "perjanjian__jabatan__unit_kerja", "perjanjian__unit_pengisi")
        .prefetch_related(
            Prefetch("realisasi", queryset=realisasi.order_by("triwulan")), "indikator__komponen"
        )
        .order_by("perjanjian__jabatan__tingkat_pk", "perjanjian__jabatan__urutan", "urutan")
    )


def _terlalu_besar(label, nilai, bidang):
    return (
        f"{label} yang tersimpan ({format_angka(nilai, 0)}) melebihi batas "
        f"{format_angka(nilai_terbesar(bidang), bidang.decimal_places)}; perbaiki lalu simpan lagi."
    )


def nilai_triwulan(baris, realisasi, rumus):
    """The quarter's realisasi: typed, or computed from its components by the indicator's formula.

    Returns (value, formula steps, component values, problem). The problem is set when the quarter
    holds an entry that gives no value: a formula with some components missing or dividing by zero,
    or a figure stored larger than its field allows. A formula quarter with no component at all is
    simply not filled in, like an empty typed one.
    """
    if rumus is None:
        bidang = RealisasiTriwulan._meta.get_field("realisasi_angka")
        if melebihi_batas(realisasi.realisasi_angka, bidang):
            return None, {}, {}, _terlalu_besar("Realisasi", realisasi.realisasi_angka, bidang)
        return realisasi.realisasi, {}, {}, ""
    tersimpan = realisasi.nilai_komponen
    komponen = {n.komponen.kode: n.nilai for n in tersimpan}
    if not komponen:
        return None, {}, {}, ""
    bidang = NilaiKomponenTriwulan._meta.get_field("nilai")
    for n in tersimpan:
        if melebihi_batas(n.nilai, bidang):
            return None, {}, komponen, _terlalu_besar(f"Nilai komponen «{n.komponen.label}»", n.nilai, bidang)
    hasil = hitung(rumus, komponen, baris.indikator.desimal)
    if hasil.dapat_dihitung:
        return hasil.nilai, hasil.langkah, komponen, ""
    kosong = [
        k.label for k in baris.indikator.komponen.all() if k.kode in rumus.komponen and k.kode not in komponen
    ]
    if kosong:
        return None, hasil.langkah, komponen, f"Komponen belum diisi: {', '.join(kosong)}."
    return None, hasil.langkah, komponen, hasil.alasan


def target_kumulatif(baris, sampai_triwulan):
    """The target a line's capaian up to a triwulan is measured against: the year target in TW IV or
    without a rencana aksi, otherwise the rencana aksi up to the triwulan by the yearly rule."""
    indikator = baris.indikator
    if sampai_triwulan == 4 or all(v is None for v in baris.rencana_aksi):
        return baris.target_angka
    return nilai_tahunan(indikator.aturan_tahunan, baris.rencana_aksi[:sampai_triwulan], indikator.desimal)


def realisasi_kumulatif(indikator, nilai, sampai_triwulan):
    """The realisasi up to a triwulan from quarterly values ({triwulan: value}) by the yearly rule."""
    urut = [nilai.get(tw) for tw in range(1, sampai_triwulan + 1)]
    hasil = nilai_tahunan(indikator.aturan_tahunan, urut, indikator.desimal)
    return None if hasil is None else bulatkan(hasil, indikator.desimal)


def triwulan_penghambat(indikator, nilai, belum_lengkap):
    """The quarter whose unfinished entry keeps the cumulative figure from being computed, or None.

    A sum or an average needs every quarter, so any unfinished one counts; «last filled quarter» takes
    the latest entry, and an unfinished latest entry is not replaced by an older figure.
    """
    if not belum_lengkap:
        return None
    if indikator.aturan_tahunan == "terakhir":
        akhir = max(set(nilai) | set(belum_lengkap))
        return akhir if akhir in belum_lengkap else None
    return min(belum_lengkap)


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
        v, hasil.langkah, hasil.komponen, masalah = nilai_triwulan(baris, r, rumus)
        if v is not None and v != "":
            nilai[r.triwulan] = v
        elif masalah:
            hasil.belum_lengkap[r.triwulan] = masalah
    hasil.per_triwulan = nilai
    penghambat = triwulan_penghambat(indikator, nilai, hasil.belum_lengkap)
    if penghambat is not None:
        # An unfinished quarter gives no figure: no realisasi, and no capaian from older quarters.
        hasil.target = baris.target_huruf or target_kumulatif(baris, sampai_triwulan)
        hasil.alasan = (
            f"Belum dapat dihitung: isian TW {TRIWULAN[penghambat - 1]} belum lengkap. "
            f"{hasil.belum_lengkap[penghambat]}"
        )
        return hasil
    if indikator.jenis_nilai == "predikat":
        hasil.target = baris.target_huruf or None
        hasil.realisasi = nilai[max(nilai)] if nilai else None
        hasil.tercapai = huruf_tercapai(hasil.target, hasil.realisasi)
        return hasil
    hasil.realisasi = realisasi_kumulatif(indikator, nilai, sampai_triwulan)
    hasil.target = target_kumulatif(baris, sampai_triwulan)
    hasil.capaian = hitung_capaian(hasil.target, hasil.realisasi, indikator.metode)
    hasil.predikat = predikat(hasil.capaian, pita)
    if hasil.capaian is None and not hasil.alasan:
        hasil.alasan = "Belum ada realisasi." if hasil.realisasi is None else "Target belum ditetapkan."
    return hasil


def capaian_tahun(instansi, tahun, sampai_triwulan=4):
    """CapaianBaris for every PK line of the office in force in the year (cumulative up to the
    triwulan)."""
    pita = skala_aktif(instansi)
    cache = {}
    return [
        hitung_baris(b, sampai_triwulan, pita, cache) for b in baris_tahun(instansi, tahun, sampai_triwulan)
    ]
