"""The indicators the DPA already held as text become Renja indicators with the year's target: a sub
kegiatan's output (its DPA line's indicator, target and satuan) and a program's or kegiatan's outcome
(IndikatorProgramKegiatan, a text target read by anggaran.target_tertulis, the choice kept). The rules
are those of capaian.renja_dpa on the day of this migration, written out for the historical models."""

from collections import Counter
from decimal import Decimal

from django.db import migrations

from anggaran.target_tertulis import baca_target
from nakertrans.format_id import format_angka

PREDIKAT = ["AA", "A", "BB", "B", "CC", "C", "D"]
SATUAN_TINGKAT = {"%", "orang/bulan", "indeks"}
SUB_KEGIATAN, KEGIATAN = 5, 4


def _indikator(Indikator, instansi_id, nama, satuan, huruf):
    nama = " ".join(nama.split())
    ada = Indikator.objects.filter(instansi_id=instansi_id, nama__iexact=nama).first()
    if ada is not None:
        return ada
    if huruf:
        jenis, aturan, desimal = "predikat", "terakhir", 0
    elif satuan.strip().lower() in SATUAN_TINGKAT:
        jenis, aturan, desimal = ("persen" if satuan.strip() == "%" else "angka"), "terakhir", 2
    else:
        jenis, aturan, desimal = "angka", "jumlah", 0
    return Indikator.objects.create(
        instansi_id=instansi_id, nama=nama, satuan=satuan or "-", jenis_nilai=jenis, aturan_tahunan=aturan,
        desimal=desimal, polaritas="naik",
    )  # fmt: skip


def _catat(apps, instansi_id, node, tahun, nama, tertulis, angka, huruf, satuan, pilihan, unit_id):
    Indikator = apps.get_model("perjanjian", "Indikator")
    IndikatorRenja = apps.get_model("capaian", "IndikatorRenja")
    TargetRenja = apps.get_model("capaian", "TargetRenja")
    indikator = _indikator(Indikator, instansi_id, nama, satuan, bool(huruf))
    predikat = indikator.jenis_nilai == "predikat"
    angka = None if predikat else angka
    huruf = huruf if predikat and huruf in PREDIKAT else ""
    if angka is None and not huruf:
        pilihan = "tidak terbaca sebagai target; target belum ditetapkan."
    ir, _ = IndikatorRenja.objects.get_or_create(
        instansi_id=instansi_id, nomenklatur=node, indikator=indikator, defaults={"unit_kerja_id": unit_id}
    )
    TargetRenja.objects.get_or_create(
        indikator_renja=ir,
        jenis="renja",
        tahun=tahun,
        defaults={"target_angka": angka, "target_huruf": huruf, "tertulis": tertulis[:200], "pilihan": pilihan},
    )


def maju(apps, schema_editor):
    AnggaranSubKegiatan = apps.get_model("anggaran", "AnggaranSubKegiatan")
    IndikatorProgramKegiatan = apps.get_model("anggaran", "IndikatorProgramKegiatan")
    for a in AnggaranSubKegiatan.objects.select_related("sub_kegiatan").iterator():
        if not a.indikator.strip():
            continue
        angka = Decimal(a.target)
        tertulis = f"{angka.normalize():f} {a.satuan}".strip()
        _catat(apps, a.instansi_id, a.sub_kegiatan, a.tahun, a.indikator, tertulis, angka, "", a.satuan, "", None)
    for i in IndikatorProgramKegiatan.objects.select_related("nomenklatur").iterator():
        node = i.nomenklatur
        jalur = "sub_kegiatan__induk" if node.tingkat == KEGIATAN else "sub_kegiatan__induk__induk"
        unit = Counter(
            AnggaranSubKegiatan.objects.filter(instansi_id=i.instansi_id, tahun=i.tahun, **{jalur: node})
            .order_by("sub_kegiatan__kode")
            .values_list("unit_kerja_id", flat=True)
        )
        if not unit:
            continue
        b = baca_target(i.target)
        angka, huruf, satuan, pilihan = b.angka, b.huruf, b.satuan, b.pilihan
        if angka is not None and satuan in PREDIKAT:
            huruf = satuan
            pilihan = f"nilai {format_angka(angka, 2)} berpredikat {satuan}; dicatat sebagai target predikat {satuan}."
            angka = None
        unit_id = unit.most_common(1)[0][0]
        _catat(apps, i.instansi_id, node, i.tahun, i.indikator, b.tertulis, angka, huruf, satuan, pilihan, unit_id)


class Migration(migrations.Migration):
    dependencies = [("capaian", "0010_renja"), ("anggaran", "0007_opd"), ("perjanjian", "0009_komentar_kaskade")]

    operations = [migrations.RunPython(maju, migrations.RunPython.noop)]
