"""The cascade check: where the pohon kinerja of a year breaks between the RPJMD and the offices' PKs.

Five kinds of finding, each one queryset (so an office's page lists its own and the kabupaten's page
counts every office's in one grouped query):

- a sasaran daerah of the RPJMD that no office's Renstra sasaran supports;
- an office's Renstra sasaran that supports no sasaran daerah;
- a line of the Kepala OPD's PK whose indicator is not an IKU of the office's Renstra;
- a line of a lower PK that supports no line above it;
- a PK line whose target is less than the Renstra's target for the year of the same indicator (less
  ambitious: lower where higher is better, higher where lower is better).

A Renstra or RPJMD is the one whose years hold the year; a PK is the one in force in the year (its
final version, or its draft while none is final).
"""

from dataclasses import dataclass

from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.urls import reverse

from nakertrans.format_id import format_angka
from nakertrans.models import Jabatan
from perjanjian.models import (
    IKU,
    BarisPK,
    Indikator,
    PerjanjianKinerja,
    SasaranRenstra,
    SasaranRPJMD,
    TargetIKU,
)


def _dalam_masa(awalan, tahun):
    return {f"{awalan}tahun_awal__lte": tahun, f"{awalan}tahun_akhir__gte": tahun}


def sasaran_daerah_tanpa_dukungan(pemda, tahun):
    """The sasaran daerah of the year's RPJMD that no sasaran of an office's Renstra of the year supports."""
    didukung = SasaranRenstra.objects.filter(sasaran_rpjmd=OuterRef("pk"), **_dalam_masa("renstra__", tahun))
    return (
        SasaranRPJMD.objects.filter(rpjmd__pemerintah_daerah=pemda, **_dalam_masa("rpjmd__", tahun))
        .exclude(Exists(didukung))
        .select_related("rpjmd")
        .order_by("urutan")
    )


def sasaran_tanpa_rpjmd(tahun):
    """Sasaran of the offices' Renstra of the year that support no sasaran daerah."""
    return (
        SasaranRenstra.objects.filter(sasaran_rpjmd=None, **_dalam_masa("renstra__", tahun))
        .select_related("renstra")
        .order_by("renstra", "urutan")
    )


def _baris_berlaku(tahun):
    return BarisPK.objects.filter(
        perjanjian__in=PerjanjianKinerja.objects.exclude(instansi=None).berlaku(tahun)
    ).select_related("perjanjian__jabatan", "indikator")


def baris_bukan_iku(tahun):
    """Lines of the Kepala OPD's PK of the year whose indicator is no IKU of the office's Renstra."""
    iku = IKU.objects.filter(
        renstra__instansi=OuterRef("perjanjian__instansi"),
        indikator=OuterRef("indikator"),
        **_dalam_masa("renstra__", tahun),
    )
    return (
        _baris_berlaku(tahun)
        .filter(perjanjian__jabatan__tingkat_pk=Jabatan.TingkatPK.BUPATI_KEPALA_DINAS)
        .exclude(Exists(iku))
        .order_by("perjanjian", "urutan")
    )


def baris_tanpa_induk(tahun):
    """Lines of the PKs below the Kepala OPD's that support no line of a higher PK."""
    return (
        _baris_berlaku(tahun)
        .exclude(perjanjian__jabatan__tingkat_pk=Jabatan.TingkatPK.BUPATI_KEPALA_DINAS)
        .filter(induk=None)
        .order_by("perjanjian__jabatan__tingkat_pk", "perjanjian__jabatan__urutan", "urutan")
    )


def target_di_bawah_renstra(tahun):
    """PK lines whose target is less ambitious than the Renstra's target of the year for the same
    indicator, each with that target (``target_renstra``)."""
    target = TargetIKU.objects.filter(
        iku__renstra__instansi=OuterRef("perjanjian__instansi"),
        iku__indikator=OuterRef("indikator"),
        tahun=tahun,
        **_dalam_masa("iku__renstra__", tahun),
    ).exclude(target_angka=None)
    naik = Q(indikator__polaritas=Indikator.Polaritas.NAIK)
    return (
        _baris_berlaku(tahun)
        .exclude(target_angka=None)
        .annotate(target_renstra=Subquery(target.values("target_angka")[:1]))
        .filter(
            (naik & Q(target_renstra__gt=F("target_angka")))
            | (~naik & Q(target_renstra__lt=F("target_angka")))
        )
        .order_by("perjanjian__jabatan__tingkat_pk", "perjanjian__jabatan__urutan", "urutan")
    )


def _angka(nilai, indikator):
    return format_angka(nilai, indikator.desimal)


def _pesan_sasaran(s):
    return f"Sasaran Renstra «{s.teks}» tidak mendukung sasaran RPJMD mana pun."


def _pesan_bukan_iku(b):
    return (
        f"Indikator «{b.indikator.nama}» pada PK {b.perjanjian.jabatan} bukan IKU Renstra perangkat "
        "daerah ini."
    )


def _pesan_tanpa_induk(b):
    return f"Baris PK {b.perjanjian.jabatan} «{b.indikator.nama}» tidak mendukung baris PK atasan."


def _pesan_target(b):
    turun = b.indikator.polaritas == Indikator.Polaritas.TURUN
    arah = "lebih tinggi" if turun else "lebih rendah"
    return (
        f"Target PK {b.perjanjian.jabatan} «{b.indikator.nama}» ({_angka(b.target_angka, b.indikator)}) "
        f"{arah} dari target Renstra tahun {b.perjanjian.tahun} ({_angka(b.target_renstra, b.indikator)})"
        + (", padahal indikator ini makin rendah makin baik." if turun else ".")
    )


def _di_renstra(s):
    tautan = reverse("admin:perjanjian_renstra_change", args=[s.renstra_id])
    return Perbaikan(tautan, "Ubah Renstra", admin=True, izin="perjanjian.view_renstra")


def _di_pk(b):
    return Perbaikan(reverse("perjanjian:detail", args=[b.perjanjian_id]), "Buka PK")


@dataclass(frozen=True)
class Perbaikan:
    """Where a finding is fixed: the address, its label, whether it is an admin page (staff only) and
    the permission it needs."""

    tautan: str
    label: str
    admin: bool = False
    izin: str = ""

    def boleh_dibuka(self, user):
        return (not self.admin or user.is_staff) and (not self.izin or user.has_perm(self.izin))


@dataclass(frozen=True)
class JenisTemuan:
    kode: str
    judul: str
    daftar: object  # tahun -> queryset of the findings of every office
    jalur_opd: str  # from a finding to its office
    pesan: object  # finding -> the sentence the page and the LKjIP check print
    perbaikan: object  # finding -> Perbaikan


JENIS = [
    JenisTemuan(
        "sasaran-tanpa-rpjmd",
        "Sasaran Renstra yang tidak mendukung sasaran RPJMD",
        sasaran_tanpa_rpjmd,
        "renstra__instansi",
        _pesan_sasaran,
        _di_renstra,
    ),
    JenisTemuan(
        "bukan-iku",
        "Indikator PK Kepala OPD yang bukan IKU Renstra",
        baris_bukan_iku,
        "perjanjian__instansi",
        _pesan_bukan_iku,
        _di_pk,
    ),
    JenisTemuan(
        "tanpa-induk",
        "Baris PK yang tidak mendukung baris PK atasan",
        baris_tanpa_induk,
        "perjanjian__instansi",
        _pesan_tanpa_induk,
        _di_pk,
    ),
    JenisTemuan(
        "target-rendah",
        "Target PK yang lebih rendah dari target Renstra tahun ini",
        target_di_bawah_renstra,
        "perjanjian__instansi",
        _pesan_target,
        _di_pk,
    ),
]


def temuan_opd(opd, tahun):
    """[(JenisTemuan, [findings])] of one office in the year."""
    return [(j, list(j.daftar(tahun).filter(**{j.jalur_opd: opd}))) for j in JENIS]


def jumlah_temuan(pemda, tahun):
    """{office id: {kind's kode: number of findings}} of every office of the Pemerintah Daerah, one
    grouped query per kind."""
    hasil = {}
    for j in JENIS:
        for opd, n in (
            j.daftar(tahun)
            .filter(**{f"{j.jalur_opd}__pemerintah_daerah": pemda})
            .order_by()
            .values(j.jalur_opd)
            .annotate(n=Count("pk"))
            .values_list(j.jalur_opd, "n")
        ):
            hasil.setdefault(opd, {})[j.kode] = n
    return hasil
