"""2024 realisasi from the seed's BAB III, spread over the four quarters, all quarters approved.

The realisasi of each PK line and its source are in perjanjian/data_seed.py (REALISASI_2024); lines
the seed gives no realisasi for stay empty. The Kepala Dinas's two indicators are computed from their
components (Tabel 3.4 and 3.6), entered each quarter. The Sekretariat fills the Kepala Dinas's PK.
"""

from decimal import Decimal

from capaian.hitung import PRESET
from capaian.models import NilaiKomponenTriwulan, PitaPredikat, RealisasiTriwulan, SkalaPredikat
from nakertrans.demo import KODE_DINAS, simpan_bila_berubah, tandai_disetujui
from nakertrans.models import Pengajuan
from perjanjian import data_seed as seed
from perjanjian.demo import TAHUN, rencana_aksi
from perjanjian.models import BarisPK


def muat_skala():
    for kode, (nama, pita) in PRESET.items():
        skala = simpan_bila_berubah(SkalaPredikat, {"nama": nama}, aktif=kode == "seed")
        for p in pita:
            simpan_bila_berubah(
                PitaPredikat,
                {"skala": skala, "nama": p.nama},
                bawah=p.bawah,
                bawah_inklusif=p.bawah_inklusif,
                atas=p.atas,
                atas_inklusif=p.atas_inklusif,
                warna=p.warna,
            )


def _per_triwulan(baris, nilai):
    """The year's realisasi as four quarterly entries, by the indicator's yearly rule."""
    if isinstance(nilai, str):
        return [None, None, None, nilai]
    return rencana_aksi(baris.indikator, nilai)


def muat_realisasi():
    baris_seed = [(pk["jabatan"], nomor) for pk in seed.PK_2024 for nomor in range(1, len(pk["baris"]) + 1)]
    unit_terisi = set()
    for (jabatan, nomor), data in zip(baris_seed, seed.REALISASI_2024, strict=True):
        baris = BarisPK.objects.select_related("indikator", "perjanjian__jabatan").get(
            perjanjian__instansi__kode=KODE_DINAS,
            perjanjian__tahun=TAHUN,
            perjanjian__jabatan__nama=jabatan,
            perjanjian__status="final",
            urutan=nomor,
        )
        komponen = list(baris.indikator.komponen.all())
        if komponen:
            for tw in range(1, 5):
                realisasi = simpan_bila_berubah(RealisasiTriwulan, {"baris": baris, "triwulan": tw})
                for k in komponen:
                    simpan_bila_berubah(
                        NilaiKomponenTriwulan,
                        {"realisasi": realisasi, "komponen": k},
                        nilai=Decimal(seed.KOMPONEN[k.kode]["nilai"][TAHUN]),
                    )
        elif data["realisasi"] is not None:
            teks = data["realisasi"]
            nilai = teks if teks[0].isalpha() else Decimal(teks)
            for tw, isi in enumerate(_per_triwulan(baris, nilai), start=1):
                if isi is None:
                    continue
                kolom = {"realisasi_huruf": isi} if isinstance(isi, str) else {"realisasi_angka": isi}
                simpan_bila_berubah(RealisasiTriwulan, {"baris": baris, "triwulan": tw}, **kolom)
        else:
            continue
        unit_terisi.add(baris.perjanjian.unit_isian)
    for unit in unit_terisi:
        tandai_disetujui(Pengajuan.Jenis.KINERJA, TAHUN, range(1, 5), unit)
    return len(unit_terisi)
