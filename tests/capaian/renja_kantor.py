"""An office for the Renja's tests: a Renstra 2021-2026 and one sub kegiatan in every DPA from 2021
to 2024 with three outputs measured every year (``buat_kantor``; the fixture ``kantor``)."""

from decimal import Decimal

from anggaran.models import AnggaranSubKegiatan, RealisasiAnggaran
from capaian.models_renja import IndikatorRenja, PaguRenstra, RealisasiRenja, TargetRenja
from nakertrans.models import Pengajuan
from perjanjian.models import Indikator, Renstra
from tests.opd_kedua import buat_opd

D = Decimal


def setujui(jenis, unit, tahun, periode):
    for p in periode:
        Pengajuan.objects.update_or_create(
            jenis=jenis, tahun=tahun, periode=p, unit_kerja=unit, defaults={"status": "disetujui"}
        )


def buat_kantor():
    """An office with a Renstra 2021-2026 and one sub kegiatan in every DPA from 2021 to 2024, whose
    three outputs (higher is better summed, lower is better by the last quarter, a letter) were
    measured every year, every quarter and month approved."""
    data = buat_opd("uji-renja", "Dinas Uji Renja")
    opd, bidang, dpa = data["opd"], data["bidang"], data["dpa"]
    sub = dpa.sub_kegiatan
    lini = {2024: dpa}
    for tahun in (2021, 2022, 2023):
        lini[tahun] = AnggaranSubKegiatan.objects.create(
            tahun=tahun, sub_kegiatan=sub, unit_kerja=bidang, indikator="-", target=1, satuan="-",
            pagu_murni=D(1000000),
        )  # fmt: skip
    RealisasiAnggaran.objects.create(anggaran=lini[2023], bulan=12, keuangan=D(900000))
    RealisasiAnggaran.objects.create(anggaran=lini[2024], bulan=2, keuangan=D(100000))
    RealisasiAnggaran.objects.create(anggaran=lini[2024], bulan=5, keuangan=D(200000))
    renstra = Renstra.objects.get(instansi=opd)
    PaguRenstra.objects.create(renstra=renstra, nomenklatur=sub, pagu=D(5000000))

    def indikator(nama, target, akhir, per_tahun, **kolom):
        ir = IndikatorRenja.objects.create(
            instansi=opd,
            nomenklatur=sub,
            indikator=Indikator.objects.create(instansi=opd, nama=nama, **kolom),
        )
        huruf = isinstance(target, str)
        for jenis, tahun, nilai in [("renja", 2024, target), ("akhir", 2026, akhir)]:
            TargetRenja.objects.create(
                indikator_renja=ir, jenis=jenis, tahun=tahun,
                target_angka=None if huruf else nilai, target_huruf=nilai if huruf else "",
            )  # fmt: skip
        for tahun, kuartal in per_tahun.items():
            for tw, nilai in enumerate(kuartal, start=1):
                if nilai is None:
                    continue
                kolom_nilai = {"realisasi_huruf": nilai} if huruf else {"realisasi_angka": D(nilai)}
                RealisasiRenja.objects.create(indikator_renja=ir, tahun=tahun, triwulan=tw, **kolom_nilai)
        return ir

    naik = indikator(
        "Jumlah dokumen uji", D(4), D(20),
        {2021: [1, 1, 1, 2], 2022: [1, 1, 1, 2], 2023: [1, 1, 1, 2], 2024: [1, 1, 1, 1]},
        satuan="dokumen", desimal=0,
    )  # fmt: skip
    turun = indikator(
        "Persentase pengangguran uji", D(5), D(4),
        {2023: ["6", "5.8", "5.6", "5.5"], 2024: ["5.6", "5.4", "5.2", "5.5"]},
        satuan="%", jenis_nilai="persen", polaritas="turun", aturan_tahunan="terakhir",
    )  # fmt: skip
    huruf = indikator(
        "Predikat uji", "BB", "A", {2024: [None, None, None, "BB"]},
        satuan="predikat", jenis_nilai="predikat", aturan_tahunan="terakhir",
    )  # fmt: skip
    for tahun in (2021, 2022, 2023, 2024):
        setujui(Pengajuan.Jenis.RENJA, bidang, tahun, range(1, 5))
        setujui(Pengajuan.Jenis.ANGGARAN, bidang, tahun, range(1, 13))
    return {**data, "sub": sub, "naik": naik, "turun": turun, "huruf": huruf}
