"""The history of a PK line: every change of its target, rencana aksi, realisasi and components."""

from dataclasses import dataclass

from capaian.models import NilaiKomponenTriwulan, RealisasiTriwulan
from perjanjian.models import BarisPK

KOLOM = {
    "target_angka": "target",
    "target_huruf": "target (predikat)",
    "rencana_tw1": "rencana aksi TW I",
    "rencana_tw2": "rencana aksi TW II",
    "rencana_tw3": "rencana aksi TW III",
    "rencana_tw4": "rencana aksi TW IV",
    "realisasi_angka": "realisasi",
    "realisasi_huruf": "realisasi (predikat)",
    "kendala": "kendala",
    "upaya": "upaya",
    "nilai": "nilai",
}


@dataclass
class Perubahan:
    waktu: object
    oleh: object
    apa: str
    lama: object
    baru: object


def _perubahan(riwayat, label):
    hasil, sebelumnya = [], None
    for rekam in riwayat:
        if sebelumnya is None:
            for kolom, nama in KOLOM.items():
                nilai = getattr(rekam, kolom, None)
                if nilai not in (None, ""):
                    hasil.append(
                        Perubahan(rekam.history_date, rekam.history_user, f"{label}: {nama}", None, nilai)
                    )
        else:
            for beda in rekam.diff_against(sebelumnya).changes:
                if beda.field in KOLOM:
                    hasil.append(
                        Perubahan(
                            rekam.history_date,
                            rekam.history_user,
                            f"{label}: {KOLOM[beda.field]}",
                            beda.old,
                            beda.new,
                        )
                    )
        sebelumnya = rekam
    return hasil


def riwayat_baris(baris):
    semua = _perubahan(
        BarisPK.history.filter(id=baris.pk).order_by("history_date").select_related("history_user"), "PK"
    )
    for r in RealisasiTriwulan.history.filter(baris_id=baris.pk).values_list("id", flat=True).distinct():
        rekam = RealisasiTriwulan.history.filter(id=r).order_by("history_date").select_related("history_user")
        tw = rekam.first().triwulan
        semua += _perubahan(rekam, f"TW {tw}")
        for n in NilaiKomponenTriwulan.history.filter(realisasi_id=r).values_list("id", flat=True).distinct():
            rekam_n = (
                NilaiKomponenTriwulan.history.filter(id=n)
                .order_by("history_date")
                .select_related("history_user", "komponen")
            )
            semua += _perubahan(rekam_n, f"TW {tw} komponen {rekam_n.first().komponen.kode}")
    return sorted(semua, key=lambda p: p.waktu, reverse=True)
