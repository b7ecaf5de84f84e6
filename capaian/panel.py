"""Home-page panels of capaian for each role (see nakertrans.views.panel_beranda)."""

from django.template.loader import render_to_string

from capaian.queries import capaian_tahun
from nakertrans import workflow
from nakertrans.access import unit_terlihat, unit_yang_boleh_diisi
from nakertrans.models import Pengajuan
from perjanjian.models import PerjanjianKinerja

TRIWULAN = ["I", "II", "III", "IV"]


# The years the application has pages for (nakertrans.access.wajib_tahun_sah): a PK typed with a
# year like 20245 must not empty the home page's panels.
TAHUN_HALAMAN = (2000, 2100)


def _tahun():
    return (
        PerjanjianKinerja.objects.filter(tahun__range=TAHUN_HALAMAN)
        .order_by("-tahun")
        .values_list("tahun", flat=True)
        .first()
    )


LEBAR_BATANG = 280


def _panjang(nilai, skala):
    """A bar's length: its share of the pair's larger value; a negative figure draws no bar."""
    return float(max(nilai, 0) / skala * LEBAR_BATANG)


def _grafik(hasil):
    """Bars of target and realisasi per indicator, each pair scaled to its own larger value (SVG data)."""
    batang = []
    for i, c in enumerate(h for h in hasil if h.capaian is not None):
        skala = max(c.target, c.realisasi, 0) or 1
        batang.append(
            {
                "y": 10 + i * 46,
                "label": c.baris.indikator.nama[:70],
                "c": c,
                "target": _panjang(c.target, skala),
                "realisasi": _panjang(c.realisasi, skala),
            }
        )
    return {"batang": batang, "tinggi": 20 + 46 * len(batang)}


def _ringkasan(request, tahun, unit):
    from capaian.views_isian import unit_dengan_pk

    unit_pk = list(unit_dengan_pk(tahun, unit))
    status = {
        (p.unit_kerja_id, p.periode): p
        for p in Pengajuan.objects.filter(jenis=Pengajuan.Jenis.KINERJA, tahun=tahun, unit_kerja__in=unit_pk)
    }
    return unit_pk, status


def panel_kepala_dinas(request):
    tahun = _tahun()
    if tahun is None:
        return ""
    unit, status = _ringkasan(request, tahun, unit_terlihat(request.user))
    matriks = [(u, [(tw, status.get((u.pk, tw))) for tw in range(1, 5)]) for u in unit]
    menunggu = Pengajuan.objects.filter(status__in=workflow.menunggu_kepala_dinas()).select_related(
        "unit_kerja"
    )
    hasil = capaian_tahun(tahun)
    utama = [c for c in hasil if c.baris.perjanjian.jabatan.tingkat_pk == 1]
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
    tahun = _tahun()
    if tahun is None:
        return ""
    unit, status = _ringkasan(request, tahun, unit_yang_boleh_diisi(request.user))
    tugas = []
    for u in unit:
        for tw in range(1, 5):
            p = status.get((u.pk, tw))
            if p is None or p.status in (Pengajuan.Status.DRAFT, Pengajuan.Status.DIKEMBALIKAN):
                tugas.append((u, tw, TRIWULAN[tw - 1], p))
    dikembalikan = [t for t in tugas if t[3] is not None and t[3].status == Pengajuan.Status.DIKEMBALIKAN]
    return render_to_string(
        "capaian/panel_operator.html",
        {"tahun": tahun, "tugas": tugas, "dikembalikan": dikembalikan},
        request=request,
    )


def panel_inspektorat(request):
    tahun = _tahun()
    if tahun is None:
        return ""
    return render_to_string(
        "capaian/panel_inspektorat.html", {"tahun": tahun, "hasil": capaian_tahun(tahun)}, request=request
    )
