"""Reads the organisation pages need, with related rows fetched up front (constant query count)."""

from django.db.models import Prefetch

from nakertrans.access import TAHUN_SAH
from nakertrans.models import Jabatan, Penugasan


def tahun_tersedia(qs):
    """The years of ``qs`` (rows with a ``tahun``), newest first; only years that are pages
    (TAHUN_SAH), so that one row typed with a year like 20245 does not take the default page away."""
    return list(
        qs.filter(tahun__range=TAHUN_SAH).order_by("-tahun").values_list("tahun", flat=True).distinct()
    )


def jabatan_dengan_pejabat(tanggal, unit_kerja):
    """Posts of the given units, each with ``pejabat_aktif``: the Penugasan active on ``tanggal``."""
    aktif = Penugasan.objects.aktif_pada(tanggal).select_related("pegawai")
    return (
        Jabatan.objects.filter(unit_kerja__in=unit_kerja)
        .select_related("unit_kerja", "atasan")
        .prefetch_related(Prefetch("penugasan", queryset=aktif, to_attr="pejabat_aktif"))
        .order_by("unit_kerja__urutan", "urutan", "nama")
    )


def pemegang(jabatan):
    """The holder among a prefetched ``pejabat_aktif`` list, by Plh, Plt, definitif precedence."""
    daftar = sorted(jabatan.pejabat_aktif, key=lambda p: Penugasan.URUTAN_WEWENANG[p.jenis])
    return daftar[0] if daftar else None


def unit_dengan_jabatan(tanggal, unit_kerja):
    """[(unit, [(jabatan, penugasan or None), ...]), ...] for the given units, in tree order."""
    unit_kerja = list(unit_kerja.select_related("induk").order_by("urutan", "nama"))
    per_unit = {unit.pk: [] for unit in unit_kerja}
    for jabatan in jabatan_dengan_pejabat(tanggal, unit_kerja):
        per_unit[jabatan.unit_kerja_id].append((jabatan, pemegang(jabatan)))
    return [(unit, per_unit[unit.pk]) for unit in unit_kerja]
