"""The LKjIP of a year assembled from the data, in the outline of PermenPAN-RB 53/2014 (cover, kata
pengantar, ikhtisar, daftar isi, BAB I-IV, lampiran PK) with the office's local additions.

Every table comes from the database; every figure is computed the same way the pages compute it.
``kumpulkan_lkjip`` runs a fixed number of queries whatever the number of units, lines or budget rows.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone

from anggaran.queries import anggaran_dengan_realisasi, rekap_anggaran
from anggaran.rollup import Ringkasan, jumlahkan
from capaian.hitung import hitung_capaian, predikat, uraian_pita
from capaian.models import NarasiLKjIP
from capaian.narasi import bagian_narasi
from capaian.queries import capaian_tahun, skala_aktif
from capaian.renja import Sel, evaluasi_renja
from nakertrans.format_id import bulatkan, format_angka
from nakertrans.grafik import Seri, grafik_batang
from nakertrans.models import Jabatan, UnitKerja, pejabat_pada
from nakertrans.rumus import hitung, uraikan
from perjanjian.models import IKU, Indikator, NilaiKomponenTahunan, Renstra, TargetIKU
from perjanjian.queries import pk_berlaku

TINGKAT = {
    1: "Bupati dengan Kepala Dinas",
    2: "Kepala Dinas dengan Sekretaris, Kepala Bidang dan Kepala UPTD",
    3: "Kepala Bidang/Sekretaris dengan Kasubbag, Sub Koordinator dan pejabat fungsional",
}


# Efficiency: the capaian kinerja against the serapan of the budget in the official's PK, in points.
AMBANG_EFISIENSI = 5
URAIAN_EFISIENSI = (
    "Efisiensi: capaian kinerja dibandingkan serapan anggaran program/kegiatan yang tercantum dalam PK "
    f"pejabat itu (selisih lebih dari {AMBANG_EFISIENSI} poin: efisien; dalam {AMBANG_EFISIENSI} poin: "
    "cukup efisien; di bawahnya: kurang efisien)."
)


URAIAN_EFISIENSI_RENJA = (
    "Efisiensi: capaian indikator dibandingkan serapan anggaran program, kegiatan atau sub kegiatannya "
    f"(selisih lebih dari {AMBANG_EFISIENSI} poin: efisien; dalam {AMBANG_EFISIENSI} poin: cukup efisien; "
    "di bawahnya: kurang efisien). Indikator predikat huruf: tercapai atau belum, tanpa persentase."
)


def efisiensi(capaian, serapan):
    """See URAIAN_EFISIENSI (the rule as the report prints it)."""
    if capaian is None or serapan is None:
        return ""
    selisih = capaian - serapan
    if selisih > AMBANG_EFISIENSI:
        return "efisien"
    if selisih >= -AMBANG_EFISIENSI:
        return "cukup efisien"
    return "kurang efisien"


@dataclass(frozen=True)
class BarisKeluaran:
    """A row of the table of outputs and outcomes (the seed's Tabel 3.12, corrected): the indicator's
    capaian and the budget's serapan side by side, never one for the other."""

    baris: object  # capaian.renja.BarisRenja
    efisiensi: str

    @property
    def capaian(self):
        b = self.baris
        if b.huruf:
            return Sel({True: "tercapai", False: "belum tercapai"}.get(b.tercapai))
        return Sel(b.capaian_tahun, 2)


def keluaran_renja(hasil):
    """The rows of program, kegiatan and sub kegiatan with an indicator, each with the serapan of its
    node's budget (on the node's first row) and the efficiency judgement of the two."""
    baris = []
    serapan = None
    for b in hasil.baris:
        if b.indikator_renja is None:
            continue
        if b.pertama:
            serapan = b.serapan
        baris.append(BarisKeluaran(b, efisiensi(b.capaian_tahun, serapan)))
    return baris


def _label_komponen(k):
    """A component as a reader knows it: «Jumlah pengangguran (orang)», never its code."""
    return f"{k.label} ({k.satuan})" if k.satuan else k.label


def _cetak_angka(v):
    if v is None:
        return "—"
    v = Decimal(v)
    return format_angka(v, 0 if v == v.to_integral_value() else 2)


def _riwayat_iku(iku_list, tahun, capaian_kini, pita):
    """Per IKU: [(year, target, realisasi, capaian)] from the Renstra's first year to ``tahun``."""
    nilai = {}
    for n in NilaiKomponenTahunan.objects.filter(
        komponen__indikator__in=[i.indikator for i in iku_list]
    ).select_related("komponen"):
        nilai.setdefault((n.komponen.indikator_id, n.tahun), {})[n.komponen.kode] = n.nilai
    hasil = {}
    for iku in iku_list:
        ind = iku.indikator
        rumus = ind.rumus_terurai()
        target = {t.tahun: t.target_angka for t in iku.target_tahunan.all()}
        baris = []
        for th in range(iku.renstra.tahun_awal, tahun + 1):
            if th == tahun and iku.pk in capaian_kini:
                realisasi = capaian_kini[iku.pk].realisasi
            elif rumus is not None and (ind.pk, th) in nilai:
                realisasi = hitung(rumus, nilai[(ind.pk, th)], ind.desimal).nilai
            else:
                realisasi = None
            c = hitung_capaian(target.get(th), realisasi, ind.metode)
            baris.append(
                {
                    "tahun": th,
                    "target": target.get(th),
                    "realisasi": realisasi,
                    "capaian": c,
                    "predikat": predikat(c, pita),
                }
            )
        hasil[iku.pk] = baris
    return hasil


def _grafik(indikator, riwayat):
    """Target and realisasi of one IKU per year (nakertrans.grafik)."""
    return grafik_batang(
        judul=f"{indikator.nama} ({indikator.satuan})" if indikator.satuan else indikator.nama,
        kategori=[str(r["tahun"]) for r in riwayat],
        seri=[
            Seri("Target", [r["target"] for r in riwayat]),
            Seri("Realisasi", [r["realisasi"] for r in riwayat]),
        ],
        sumber="target Renstra dan PK; realisasi dari isian triwulan dan data tahun sebelumnya",
        desimal=indikator.desimal,
    )


def _kalimat(c, riwayat):
    """A generated paragraph for a sasaran's analysis: target, realisasi, capaian, predikat, change."""
    ind = c.baris.indikator
    tahun = c.baris.perjanjian.tahun
    if c.capaian is None:
        return f"Realisasi indikator {ind.nama} tahun {tahun} belum dapat dihitung. {c.alasan}"
    teks = (
        f"Indikator {ind.nama} ditargetkan {_cetak_angka(c.target)} {c.baris.satuan_tampil} dan terealisasi "
        f"{format_angka(c.realisasi, ind.desimal)}, sehingga capaiannya {format_angka(c.capaian, 2)} % "
        f"dengan predikat {c.predikat.nama if c.predikat else '-'}"
    )
    metode = ind.metode
    if ind.polaritas == Indikator.Polaritas.TURUN or metode != Indikator.MetodeCapaian.REALISASI_PER_TARGET:
        # The method in force (the indicator's setting or its polarity's default), not a fixed formula.
        rumus = Indikator.MetodeCapaian(metode).label
        rumus = rumus[0].lower() + rumus[1:]
        if ind.polaritas == Indikator.Polaritas.TURUN:
            teks += f" (indikator ini makin rendah makin baik; capaian dihitung {rumus})"
        else:
            teks += f" (capaian dihitung {rumus})"
    teks += "."
    lalu = next((r for r in riwayat if r["tahun"] == tahun - 1), None)
    if lalu and lalu["realisasi"] is not None:
        beda = c.realisasi - lalu["realisasi"]
        arah = "naik" if beda > 0 else "turun" if beda < 0 else "tetap"
        besar = "" if arah == "tetap" else f" {format_angka(abs(beda), ind.desimal)} poin"
        sebelumnya = format_angka(lalu["realisasi"], ind.desimal)
        teks += f" Dibandingkan tahun {lalu['tahun']} (realisasi {sebelumnya}), realisasi {arah}{besar}"
        if beda:
            membaik = beda < 0 if ind.polaritas == "turun" else beda > 0
            teks += ", berarti membaik" if membaik else ", berarti memburuk"
        teks += "."
    return teks


def tanggal_tanda_tangan(tahun):
    """The LKjIP is signed in the following year (1 Februari), or today while that date is ahead."""
    return min(datetime.date(tahun + 1, 2, 1), timezone.localdate())


def kumpulkan_lkjip(instansi, tahun, tanggal=None):
    """Everything the LKjIP of the office ``instansi`` for ``tahun`` prints."""
    tanggal = tanggal or tanggal_tanda_tangan(tahun)
    pita = skala_aktif(instansi)
    renstra = (
        Renstra.objects.filter(instansi=instansi, tahun_awal__lte=tahun, tahun_akhir__gte=tahun)
        .prefetch_related("misi", "tujuan", "sasaran")
        .first()
    )
    iku_list = list(
        IKU.objects.filter(renstra=renstra)
        .select_related("indikator", "renstra", "sasaran")
        .prefetch_related(
            Prefetch("target_tahunan", queryset=TargetIKU.objects.order_by("tahun")), "indikator__komponen"
        )
    )
    capaian = capaian_tahun(instansi, tahun)
    per_iku = {c.baris.iku_id: c for c in capaian if c.baris.iku_id}
    riwayat = _riwayat_iku(iku_list, tahun, per_iku, pita)
    unit_opd = UnitKerja.objects.filter(instansi=instansi)
    semua_pk = list(pk_berlaku(tahun, unit_opd).prefetch_related("program_kegiatan"))
    anggaran = list(anggaran_dengan_realisasi(instansi, tahun))
    baris_30, total_30 = rekap_anggaran(instansi, tahun, anggaran=anggaran)
    baris_14, total_14 = rekap_anggaran(instansi, tahun, anggaran=anggaran, pagu_murni=True)
    # Serapan of what each PK's attachment lists, for the efficiency judgement.
    per_kode = {b.nomenklatur.kode: b.ringkasan for b in baris_30}
    serapan_pk = {
        pk.pk: jumlahkan(per_kode.get(n.kode, Ringkasan()) for n in pk.program_kegiatan.all()).serapan
        for pk in semua_pk
    }
    sasaran = []
    for c in capaian:
        if not c.baris.perjanjian.jabatan.adalah_kepala_dinas:
            continue
        rumus = c.baris.indikator.rumus_terurai()
        label = {k.kode: _label_komponen(k) for k in c.baris.indikator.komponen.all()}
        langkah = uraikan(rumus, c.komponen, c.langkah, _cetak_angka, label=label) if rumus else []
        r = riwayat.get(c.baris.iku_id, [])
        sasaran.append(
            {
                "c": c,
                "langkah": langkah,
                "komponen": [(label.get(kode, kode), nilai) for kode, nilai in c.komponen.items()],
                "riwayat": r,
                "grafik": _grafik(c.baris.indikator, r) if r else None,
                "analisis": _kalimat(c, r),
            }
        )
    unit_kerja = []
    for c in capaian:
        tingkat = c.baris.perjanjian.jabatan.tingkat_pk
        if tingkat in (2, 3):
            s = serapan_pk.get(c.baris.perjanjian_id)
            unit_kerja.append(
                {"c": c, "tingkat": tingkat, "serapan": s, "efisiensi": efisiensi(c.capaian, s)}
            )
    kepala = Jabatan.objects.kepala_dinas(instansi).first()
    penanda_tangan = pejabat_pada(kepala, tanggal) if kepala else None
    konteks = {
        "keluaran": keluaran_renja(evaluasi_renja(instansi, tahun, 4)),
        "tahun": tahun,
        "tanggal": tanggal,
        "instansi": instansi,
        "renstra": renstra,
        "iku": [(i, riwayat.get(i.pk, [])) for i in iku_list],
        "pk_per_tingkat": [
            (TINGKAT[t], [pk for pk in semua_pk if pk.jabatan.tingkat_pk == t]) for t in (1, 2, 3)
        ],
        "semua_pk": semua_pk,
        "baris_14": baris_14,
        "total_14": total_14,
        "baris_30": baris_30,
        "total_30": total_30,
        "sasaran": sasaran,
        "unit_kerja": unit_kerja,
        "uraian_efisiensi": URAIAN_EFISIENSI,
        "uraian_efisiensi_renja": URAIAN_EFISIENSI_RENJA,
        "unit_list": list(unit_opd.select_related("induk").order_by("urutan")),
        "penanda_tangan": penanda_tangan,
        "pita": pita,
        "skala": [(p.nama, uraian_pita(p)) for p in pita],
        "bulatkan": bulatkan,
    }
    narasi = bagian_narasi(instansi, konteks)
    konteks["narasi"] = {b.kunci: b for b in narasi}
    for s, b in zip(sasaran, (b for b in narasi if b.bagian == NarasiLKjIP.Bagian.ANALISIS), strict=True):
        s["narasi"] = b
    return konteks


def html_lkjip(instansi, tahun, draf=True, tanggal=None, terbitan=None):
    """The report's HTML. ``terbitan`` (version number) is printed on the cover of a published copy."""
    konteks = kumpulkan_lkjip(instansi, tahun, tanggal)
    return render_to_string("pdf/lkjip.html", {**konteks, "draf": draf, "terbitan": terbitan})
