"""Reads for the PK pages: related rows fetched up front so the query count does not grow with rows."""

from django.db.models import Prefetch

from anggaran.models import AnggaranSubKegiatan
from anggaran.rollup import per_kode
from nakertrans.models import Jabatan
from nakertrans.queries import tahun_tersedia
from perjanjian.models import IKU, BarisPK, PerjanjianKinerja


def tahun_pk(instansi):
    """Years in which the office has a PK, newest first."""
    return tahun_tersedia(PerjanjianKinerja.objects.filter(instansi=instansi))


def tahun_pk_terakhir(instansi):
    """The newest year in which the office has a PK, or None."""
    return next(iter(tahun_pk(instansi)), None)


def _dengan_baris(qs):
    baris = BarisPK.objects.select_related(
        "indikator", "induk__perjanjian__jabatan", "induk__indikator"
    ).order_by("urutan")
    return qs.select_related(
        "instansi__pemerintah_daerah",
        "jabatan__pemerintah_daerah",
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


def _pk_kepala_daerah(pemerintah_daerah):
    return PerjanjianKinerja.objects.filter(jabatan__in=Jabatan.objects.kepala_daerah(pemerintah_daerah))


def pk_kepala_daerah(pemerintah_daerah, tahun):
    """The Kepala Daerah's PK in force in ``tahun`` (final, else the draft), or None."""
    berlaku = _pk_kepala_daerah(pemerintah_daerah).berlaku(tahun)
    return _dengan_baris(berlaku).order_by("status").first()  # a final PK before its revision's draft


def tahun_pk_kepala_daerah(pemerintah_daerah):
    """Years with a PK of the Kepala Daerah, newest first."""
    return tahun_tersedia(_pk_kepala_daerah(pemerintah_daerah))


def pk_lengkap(pk):
    return _dengan_baris(PerjanjianKinerja.objects.filter(pk=pk)).prefetch_related("program_kegiatan").get()


def pohon_kinerja(tahun, unit_kerja):
    """IKU at the top, then every PK line of the year under the line it supports.

    Returns (akar, anak): akar is [(IKU or None, [root lines])], anak maps a line id to its lines.
    A root line that supports a line outside ``unit_kerja`` (an operator's line under the Kepala Dinas's)
    carries ``jalur_atas``: those higher lines, top first, shown read-only; it is filed under the IKU
    that path leads to. The query count does not grow with the lines or the depth of the tree.
    """
    berlaku = PerjanjianKinerja.objects.berlaku(tahun)
    baris = list(
        BarisPK.objects.filter(perjanjian__in=berlaku, perjanjian__jabatan__unit_kerja__in=unit_kerja)
        .select_related("indikator", "perjanjian__jabatan", "iku")
        .order_by("perjanjian__jabatan__tingkat_pk", "perjanjian__jabatan__urutan", "urutan")
    )
    ada = {b.pk for b in baris}
    anak, akar = {}, []
    for b in baris:
        b.jalur_atas = ()
        if b.induk_id in ada:
            anak.setdefault(b.induk_id, []).append(b)
        else:
            akar.append(b)
    iku_akar = {b.pk: b.iku_id for b in akar}
    if any(b.induk_id for b in akar):
        _jalur_di_luar(akar, ada, berlaku, iku_akar)
    akar_per_iku = {}
    for b in akar:
        akar_per_iku.setdefault(iku_akar[b.pk], []).append(b)
    iku = {
        i.pk: i for i in IKU.objects.filter(pk__in=[k for k in akar_per_iku if k]).select_related("indikator")
    }
    return [
        # Lines under the same higher lines next to each other (the page shows that path once).
        (iku.get(kunci), sorted(daftar, key=lambda b: [a.pk for a in b.jalur_atas]))
        for kunci, daftar in sorted(akar_per_iku.items(), key=lambda p: (p[0] is None, p[0] or 0))
    ], anak


def _jalur_di_luar(akar, ada, berlaku, iku_akar):
    """Give each root line the lines it supports outside the visible ones (``jalur_atas``) and the IKU
    at the top of that path (``iku_akar``): two queries whatever the depth."""
    ke_atas = {
        pk: (induk_id, iku_id)
        for pk, induk_id, iku_id in BarisPK.objects.filter(perjanjian__in=berlaku).values_list(
            "pk", "induk_id", "iku_id"
        )
    }
    jalur = {}
    for b in akar:
        naik, kini, iku_id = [], b.induk_id, b.iku_id
        while kini in ke_atas and kini not in naik:
            if kini not in ada and len(naik) == len(jalur.get(b.pk, [])):
                jalur.setdefault(b.pk, []).append(kini)  # hidden lines up to the first visible one
            naik.append(kini)
            kini, iku_kini = ke_atas[kini]
            iku_id = iku_id or iku_kini
        if naik:  # a line of a superseded PK (not in force) leaves the root as it was
            iku_akar[b.pk] = iku_id
    if not jalur:
        return
    atas = BarisPK.objects.filter(pk__in={pk for daftar in jalur.values() for pk in daftar}).select_related(
        "indikator", "perjanjian__jabatan"
    )
    per_pk = {a.pk: a for a in atas}
    for b in akar:
        b.jalur_atas = tuple(per_pk[pk] for pk in reversed(jalur.get(b.pk, [])))


def lampiran_anggaran(perjanjian):
    """The PK's program/kegiatan/sub kegiatan with the year's pagu in force, summed from sub kegiatan."""
    node = sorted(perjanjian.program_kegiatan.all(), key=lambda n: n.kode)
    if not node:
        return []
    tahun = AnggaranSubKegiatan.objects.filter(
        instansi=perjanjian.instansi_id, tahun=perjanjian.tahun
    ).select_related("sub_kegiatan")
    pagu = per_kode((a.sub_kegiatan.kode, a.pagu) for a in tahun)
    return [(n, pagu.get(n.kode, 0)) for n in node]
