"""The history of a PK line: every change of its target, rencana aksi, realisasi and components.

Each table's history is read in one query and grouped here, so the page's query count does not grow
with the number of changes, quarters or components.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q

from capaian.models import NilaiKomponenTriwulan, RealisasiTriwulan
from nakertrans.format_id import format_angka
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
    "catatan": "keterangan",
    "tertulis": "seperti tertulis",
}
DESIMAL_KOMPONEN = 4  # components have no decimals setting; the entry page prints them with up to 4


def nama_pengguna(user):
    """The person behind a login: the Pegawai's name, else the login's own name, else the username."""
    if user is None:
        return ""
    if user.pegawai_id:
        return str(user.pegawai)
    return user.get_full_name() or user.username


def _cetak(nilai, desimal):
    if isinstance(nilai, Decimal):
        teks = format_angka(nilai, desimal)
        return teks.rstrip("0").rstrip(",") if "," in teks else teks
    return nilai


@dataclass
class Perubahan:
    waktu: object
    oleh: object
    apa: str
    lama: object
    baru: object
    desimal: int = 0

    @property
    def oleh_tampil(self):
        return nama_pengguna(self.oleh)

    @property
    def lama_tampil(self):
        return _cetak(self.lama, self.desimal)

    @property
    def baru_tampil(self):
        return _cetak(self.baru, self.desimal)


def _kosong(nilai):
    return nilai in (None, "")


def _perubahan(riwayat, label, desimal):
    """The changes between consecutive history records of one row (oldest first)."""
    hasil, sebelumnya = [], None
    for rekam in riwayat:
        for kolom, nama in KOLOM.items():
            if not hasattr(rekam, kolom):
                continue
            nilai = getattr(rekam, kolom)
            if rekam.history_type == "-":
                lama, baru = nilai, None  # the row was removed (a component value cleared, say)
            else:
                lama = getattr(sebelumnya, kolom) if sebelumnya is not None else None
                baru = nilai
            if lama != baru and not (_kosong(lama) and _kosong(baru)):
                hasil.append(
                    Perubahan(rekam.history_date, rekam.history_user, f"{label}: {nama}", lama, baru, desimal)
                )
        sebelumnya = None if rekam.history_type == "-" else rekam
    return hasil


def _per_baris(riwayat):
    """History records grouped by the row they record, each group oldest first."""
    kelompok = {}
    for rekam in riwayat:
        kelompok.setdefault(rekam.id, []).append(rekam)
    return kelompok


def _urut(qs):
    # The history models order newest first by default; that ordering must not reach a DISTINCT or
    # a grouping (it once listed every change once per history row of the quarter).
    return qs.order_by("id", "history_date", "history_id").select_related("history_user__pegawai")


def riwayat_baris(baris):
    """Every change of the line, newest first, each change once."""
    desimal = baris.indikator.desimal
    semua = _perubahan(_urut(BarisPK.history.filter(id=baris.pk)), "PK", desimal)
    # The quarters recorded on this line, also those moved here from the line of an earlier PK version.
    realisasi = _per_baris(
        _urut(
            RealisasiTriwulan.history.filter(
                Q(baris_id=baris.pk) | Q(id__in=RealisasiTriwulan.objects.filter(baris=baris).values("pk"))
            )
        )
    )
    triwulan = {}
    for r, rekam in realisasi.items():
        triwulan[r] = rekam[-1].triwulan
        semua += _perubahan(rekam, f"TW {triwulan[r]}", desimal)
    if realisasi:
        kode = dict(baris.indikator.komponen.values_list("pk", "kode"))
        nilai = _per_baris(_urut(NilaiKomponenTriwulan.history.filter(realisasi_id__in=list(realisasi))))
        for rekam in nilai.values():
            akhir = rekam[-1]
            label = f"TW {triwulan[akhir.realisasi_id]} komponen {kode.get(akhir.komponen_id, '?')}"
            semua += _perubahan(rekam, label, DESIMAL_KOMPONEN)
    return sorted(semua, key=lambda p: p.waktu, reverse=True)


def riwayat_renja(indikator_renja):
    """Every change of a Renja indicator's targets and quarterly realisasi, newest first."""
    from capaian.models_renja import RealisasiRenja, TargetRenja

    desimal = indikator_renja.indikator.desimal
    semua = []
    for rekam in _per_baris(
        _urut(TargetRenja.history.filter(indikator_renja_id=indikator_renja.pk))
    ).values():
        akhir = rekam[-1]
        semua += _perubahan(rekam, f"{akhir.get_jenis_display()} {akhir.tahun}", desimal)
    for rekam in _per_baris(
        _urut(RealisasiRenja.history.filter(indikator_renja_id=indikator_renja.pk))
    ).values():
        akhir = rekam[-1]
        semua += _perubahan(rekam, f"{akhir.tahun} TW {akhir.triwulan}", desimal)
    return sorted(semua, key=lambda p: p.waktu, reverse=True)
