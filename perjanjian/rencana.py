"""Rencana aksi: the quarterly breakdown of a year target must agree with it by the indicator's rule."""

from decimal import Decimal

from django.core.exceptions import ValidationError

from nakertrans.format_id import bulatkan, format_angka
from nakertrans.periode import TRIWULAN


def nilai_tahunan(aturan, nilai_triwulan, desimal=2):
    """A year's figure from quarterly figures by the indicator's rule (None while nothing is filled)."""
    terisi = [Decimal(v) for v in nilai_triwulan if v is not None]
    if not terisi:
        return None
    if aturan == "jumlah":
        return sum(terisi)
    if aturan == "terakhir":
        return terisi[-1]
    return bulatkan(sum(terisi) / len(terisi), desimal)


def periksa_rencana_aksi(indikator, target, rencana):
    """Raise ValidationError (Indonesian) when the quarterly targets contradict the year target."""
    if all(v is None for v in rencana):
        return
    if indikator.jenis_nilai == "predikat":
        raise ValidationError("Indikator predikat huruf tidak memiliki rencana aksi angka per triwulan.")
    if target is None:
        raise ValidationError("Isi target tahunan sebelum rencana aksi per triwulan.")
    for tw, nilai in zip(TRIWULAN, rencana, strict=True):
        if nilai is not None and nilai < 0:
            raise ValidationError(f"Rencana aksi triwulan {tw} tidak boleh negatif.")
    tahunan = nilai_tahunan(indikator.aturan_tahunan, rencana, indikator.desimal)
    if bulatkan(tahunan, indikator.desimal) != bulatkan(Decimal(target), indikator.desimal):
        aturan = indikator.get_aturan_tahunan_display().lower()
        raise ValidationError(
            f"Rencana aksi tidak sesuai target tahunan: menurut aturan «{aturan}» hasilnya "
            f"{format_angka(tahunan, indikator.desimal)}, sedangkan targetnya "
            f"{format_angka(target, indikator.desimal)}."
        )
