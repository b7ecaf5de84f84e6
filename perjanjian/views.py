from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from nakertrans.access import (
    TAHUN_SAH,
    angka_bulat,
    opd_pengguna,
    pemda_wajib,
    unit_terlihat,
    wajib_tahun_sah,
)
from nakertrans.bidang_form import pesan_galat
from nakertrans.opd import tanpa_opd
from nakertrans.pdf import render_pdf, respons_pdf
from perjanjian import services
from perjanjian.access import get_pk_for_user
from perjanjian.forms import FormRevisi
from perjanjian.models import PerjanjianKinerja
from perjanjian.queries import (
    lampiran_anggaran,
    pk_berlaku,
    pk_kepala_daerah,
    pohon_kinerja,
    tahun_pk,
    tahun_pk_kepala_daerah,
)


def _tahun_pk(user):
    tahun = tahun_pk(opd_pengguna(user))
    return tahun, (tahun[0] if tahun else timezone.localdate().year)


@login_required
def daftar_pk(request, tahun=None):
    tersedia, terakhir = _tahun_pk(request.user)
    tahun = tahun or terakhir
    wajib_tahun_sah(tahun)
    unit = unit_terlihat(request.user)
    pilihan_unit = list(unit.order_by("urutan"))
    unit_dipilih = request.GET.get("unit", "")
    if angka_bulat(unit_dipilih) is not None:
        unit = unit.filter(pk=angka_bulat(unit_dipilih))
    return render(
        request,
        "perjanjian/daftar.html",
        {
            "tahun": tahun,
            "tahun_tersedia": tersedia,
            "daftar": pk_berlaku(tahun, unit),
            "pilihan_unit": pilihan_unit,
            "unit_dipilih": unit_dipilih,
        },
    )


def _konteks_pk(perjanjian):
    kesatu, kedua = perjanjian.penandatangan()
    return {
        "pk": perjanjian,
        "pihak_kesatu": kesatu,
        "pihak_kedua": kedua,
        "lampiran": lampiran_anggaran(perjanjian),
        "instansi": perjanjian.instansi,
    }


@login_required
def detail_pk(request, pk):
    perjanjian = get_pk_for_user(request.user, pk)
    versi = list(
        PerjanjianKinerja.objects.filter(tahun=perjanjian.tahun, jabatan=perjanjian.jabatan).order_by(
            "-versi"
        )
    )
    return render(
        request,
        "perjanjian/detail.html",
        {
            **_konteks_pk(perjanjian),
            "versi": versi,
            "draf_revisi": next((v for v in versi if v.status == PerjanjianKinerja.Status.DRAFT), None),
            # The rule the services apply (services.boleh_mengelola), as the admin actions do.
            "boleh_kelola": services.boleh_mengelola(request.user, perjanjian),
        },
    )


def _pesan(galat):
    return " ".join(getattr(galat, "messages", None) or [str(galat)])


def _ke_halaman_pk(perjanjian):
    if perjanjian.adalah_kepala_daerah:
        return redirect("perjanjian:kepala_daerah_tahun", tahun=perjanjian.tahun)
    return redirect("perjanjian:detail", pk=perjanjian.pk)


# Both reach the PK through get_pk_for_user, which knows an office's PK from the Kepala Daerah's: the
# kabupaten's administrator acts on the latter without choosing an office.
@tanpa_opd
@login_required
@require_POST
def finalkan_pk(request, pk):
    """«Finalkan» on the PK page: the service's checks and refusals, shown as a message on the page."""
    perjanjian = get_pk_for_user(request.user, pk)
    try:
        services.finalkan_pk(perjanjian=perjanjian, user=request.user)
    except (ValidationError, PermissionDenied) as galat:
        messages.error(request, f"PK tidak difinalkan: {_pesan(galat)}")
    else:
        messages.success(request, f"PK versi {perjanjian.versi} difinalkan.")
    return _ke_halaman_pk(perjanjian)


@tanpa_opd
@login_required
@require_POST
def revisi_pk(request, pk):
    """«Buat revisi»: a new draft version with the reason given; the final version stays readable."""
    perjanjian = get_pk_for_user(request.user, pk)
    form = FormRevisi(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(pesan_galat(form))
        baru = services.revisi_pk(perjanjian=perjanjian, user=request.user, **form.cleaned_data)
    except (ValidationError, PermissionDenied) as galat:
        messages.error(request, f"Revisi tidak dibuat: {_pesan(galat)}")
        return _ke_halaman_pk(perjanjian)
    messages.success(
        request,
        f"Draf revisi versi {baru.versi} dibuat. Ubah barisnya, lalu finalkan; versi {perjanjian.versi} "
        "tetap berlaku sampai revisi difinalkan.",
    )
    return _ke_halaman_pk(baru)


def pdf_pk(perjanjian):
    if perjanjian.adalah_kepala_daerah:
        return render_pdf("pdf/pk_kepala_daerah.html", _konteks_pk(perjanjian))
    return render_pdf("pdf/perjanjian_kinerja.html", _konteks_pk(perjanjian))


@tanpa_opd
@login_required
def kepala_daerah(request, tahun=None):
    """The Kepala Daerah's own PK of a year: the sasaran and IKU daerah of the RPJMD with their targets,
    read by every user of the kabupaten; the PDF as the other PKs."""
    pemda = pemda_wajib(request.user)
    tersedia = tahun_pk_kepala_daerah(pemda)
    tahun = tahun or (tersedia[0] if tersedia else timezone.localdate().year)
    wajib_tahun_sah(tahun)
    perjanjian = pk_kepala_daerah(pemda, tahun)
    konteks = {"tahun": tahun, "tahun_tersedia": tersedia, "pemda": pemda, "pk": perjanjian}
    if perjanjian is not None:
        konteks.update(_konteks_pk(perjanjian))
        konteks["boleh_kelola"] = services.boleh_mengelola(request.user, perjanjian)
    return render(request, "perjanjian/kepala_daerah.html", konteks)


@tanpa_opd
@login_required
def cetak_kepala_daerah(request, tahun):
    wajib_tahun_sah(tahun)
    perjanjian = pk_kepala_daerah(pemda_wajib(request.user), tahun)
    if perjanjian is None:
        raise Http404("Belum ada PK Kepala Daerah tahun ini.")
    nama = f"pk-kepala-daerah-{tahun}-v{perjanjian.versi}.pdf"
    return respons_pdf(pdf_pk(perjanjian), nama)


@login_required
def cetak_pk(request, pk):
    perjanjian = get_pk_for_user(request.user, pk)
    nama = f"pk-{perjanjian.tahun}-{perjanjian.jabatan.pk}-v{perjanjian.versi}.pdf"
    return respons_pdf(pdf_pk(perjanjian), nama)


@login_required
def pohon(request, tahun=None):
    tersedia, terakhir = _tahun_pk(request.user)
    tahun = tahun or terakhir
    wajib_tahun_sah(tahun)
    akar, anak = pohon_kinerja(tahun, unit_terlihat(request.user))
    return render(request, "perjanjian/pohon.html", {"tahun": tahun, "akar": akar, "anak": anak})


@login_required
def renstra(request):
    """The Renstra in force: visi, misi, tujuan, sasaran and the IKU with their yearly targets."""
    from django.db.models import Prefetch

    from perjanjian.models import IKU, Renstra, TargetIKU

    rencana = (
        Renstra.objects.filter(instansi=opd_pengguna(request.user))
        .prefetch_related(
            "misi",
            "tujuan",
            "sasaran",
            Prefetch(
                "iku",
                queryset=IKU.objects.select_related("indikator", "sasaran").prefetch_related(
                    Prefetch("target_tahunan", queryset=TargetIKU.objects.order_by("tahun"))
                ),
            ),
        )
        .order_by("-tahun_awal")
        .first()
    )
    # A column per year of the period, within the years the application serves.
    tahun = (
        list(range(max(rencana.tahun_awal, TAHUN_SAH[0]), min(rencana.tahun_akhir, TAHUN_SAH[1]) + 1))
        if rencana
        else []
    )
    iku = [
        (i, [next((t for t in i.target_tahunan.all() if t.tahun == th), None) for th in tahun])
        for i in (rencana.iku.all() if rencana else [])
    ]
    return render(request, "perjanjian/renstra.html", {"renstra": rencana, "tahun": tahun, "iku": iku})
