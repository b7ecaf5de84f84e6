"""Home-page panels of capaian for each role (see nakertrans.views.panel_beranda)."""

from django.template.loader import render_to_string

from capaian.queries import capaian_tahun, unit_dengan_pk
from nakertrans import workflow
from nakertrans.access import unit_terlihat, unit_yang_boleh_diisi
from nakertrans.format_id import format_angka
from nakertrans.grafik import Seri, grafik_batang
from nakertrans.models import Pengajuan
from nakertrans.periode import TRIWULAN
from perjanjian.queries import tahun_pk_terakhir as _tahun


def _grafik(hasil):
    """Per main indicator, its target and realisasi (nakertrans.grafik: each with its own axis, since
    the indicators have different units)."""
    return [
        grafik_batang(
            judul=c.baris.indikator.nama,
            kategori=[
                f"Capaian {format_angka(c.capaian, 2)} % {c.predikat.nama if c.predikat else ''}".strip()
            ],
            seri=[
                Seri("Target", [c.target]),
                Seri("Realisasi", [c.realisasi], c.predikat.warna if c.predikat else ""),
            ],
            desimal=c.baris.indikator.desimal,
            mendatar=True,
        )
        for c in hasil
        if c.capaian is not None
    ]


def _matriks(tahun, unit):
    return workflow.matriks_status(
        jenis=Pengajuan.Jenis.KINERJA, tahun=tahun, unit=unit_dengan_pk(tahun, unit)
    )


def panel_kepala_dinas(request):
    tahun = _tahun(request.opd)
    if tahun is None:
        return ""
    matriks = _matriks(tahun, unit_terlihat(request.user)).baris
    menunggu = Pengajuan.objects.filter(
        status__in=workflow.menunggu_kepala_dinas(), unit_kerja__instansi=request.opd
    ).select_related("unit_kerja")
    hasil = capaian_tahun(request.opd, tahun)
    utama = [c for c in hasil if c.baris.perjanjian.jabatan.adalah_kepala_dinas]
    return render_to_string(
        "capaian/panel_kepala_dinas.html",
        {
            "tahun": tahun,
            "matriks": matriks,
            "triwulan": TRIWULAN,
            "menunggu": menunggu,
            "hasil": hasil,
            "utama": utama,
            "grafik": _grafik(utama),
        },
        request=request,
    )


def panel_operator(request):
    tahun = _tahun(request.opd)
    if tahun is None:
        return ""
    tugas = [
        (u, tw, TRIWULAN[tw - 1], p)
        for u, periode in _matriks(tahun, unit_yang_boleh_diisi(request.user)).baris
        for tw, p in periode
        if p is None or p.status in workflow.DAPAT_DIUBAH
    ]
    dikembalikan = [t for t in tugas if t[3] is not None and t[3].status == Pengajuan.Status.DIKEMBALIKAN]
    return render_to_string(
        "capaian/panel_operator.html",
        {"tahun": tahun, "tugas": tugas, "dikembalikan": dikembalikan},
        request=request,
    )


def panel_inspektorat(request):
    tahun = _tahun(request.opd)
    if tahun is None:
        return ""
    return render_to_string(
        "capaian/panel_inspektorat.html",
        {"tahun": tahun, "hasil": capaian_tahun(request.opd, tahun)},
        request=request,
    )
