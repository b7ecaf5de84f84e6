"""Reads for the PK pages: related rows fetched up front so the query count does not grow with rows."""

from django.db.models import Prefetch

from perjanjian.models import IKU, BarisPK, PerjanjianKinerja


def _dengan_baris(qs):
    baris = BarisPK.objects.select_related(
        "indikator", "induk__perjanjian__jabatan", "induk__indikator"
    ).order_by("urutan")
    return qs.select_related(
        "jabatan__unit_kerja",
        "jabatan__atasan",
        "pihak_kesatu__pegawai",
        "pihak_kesatu__jabatan",
        "pihak_kedua__pegawai",
        "pihak_kedua__jabatan",
    ).prefetch_related(Prefetch("baris", queryset=baris))


def pk_berlaku(tahun, unit_kerja):
    """The PK in force (final, else the draft) of every post of the given units in a year."""
    qs = PerjanjianKinerja.objects.berlaku(tahun).filter(jabatan__unit_kerja__in=unit_kerja)
    return _dengan_baris(qs).order_by("jabatan__tingkat_pk", "jabatan__urutan", "status")


def pk_lengkap(pk):
    return _dengan_baris(PerjanjianKinerja.objects.filter(pk=pk)).prefetch_related("program_kegiatan").get()


def pohon_kinerja(tahun, unit_kerja):
    """IKU at the top, then every PK line of the year under the line it supports.

    Returns (akar, anak): akar is [(IKU or None, [root lines])], anak maps a line id to its lines.
    """
    baris = list(
        BarisPK.objects.filter(
            perjanjian__in=PerjanjianKinerja.objects.berlaku(tahun),
            perjanjian__jabatan__unit_kerja__in=unit_kerja,
        )
        .select_related("indikator", "perjanjian__jabatan", "iku")
        .order_by("perjanjian__jabatan__tingkat_pk", "perjanjian__jabatan__urutan", "urutan")
    )
    ada = {b.pk for b in baris}
    anak, akar_per_iku = {}, {}
    for b in baris:
        if b.induk_id in ada:
            anak.setdefault(b.induk_id, []).append(b)
        else:
            akar_per_iku.setdefault(b.iku_id, []).append(b)
    iku = {
        i.pk: i for i in IKU.objects.filter(pk__in=[k for k in akar_per_iku if k]).select_related("indikator")
    }
    akar = [
        (iku.get(kunci), daftar)
        for kunci, daftar in sorted(akar_per_iku.items(), key=lambda p: (p[0] is None, p[0] or 0))
    ]
    return akar, anak


def lampiran_anggaran(perjanjian):
    """The PK's program/kegiatan/sub kegiatan with the year's pagu in force, summed from sub kegiatan."""
    from anggaran.models import AnggaranSubKegiatan

    node = sorted(perjanjian.program_kegiatan.all(), key=lambda n: n.kode)
    if not node:
        return []
    pagu_sub = [
        (a.sub_kegiatan.kode, a.pagu)
        for a in AnggaranSubKegiatan.objects.filter(tahun=perjanjian.tahun).select_related("sub_kegiatan")
    ]
    return [
        (
            n,
            sum(
                (pagu for kode, pagu in pagu_sub if kode == n.kode or kode.startswith(n.kode + ".")), start=0
            ),
        )
        for n in node
    ]


def nilai_komponen_tahunan(indikator, tahun):
    """{component code: value} of a composite indicator for a year from the yearly history."""
    from perjanjian.models import NilaiKomponenTahunan

    return dict(
        NilaiKomponenTahunan.objects.filter(komponen__indikator=indikator, tahun=tahun).values_list(
            "komponen__kode", "nilai"
        )
    )
