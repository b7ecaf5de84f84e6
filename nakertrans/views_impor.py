"""The import page for every kind the apps declare: template, dry-run preview, confirm (Admin only)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from nakertrans.bidang_form import pesan_galat
from nakertrans.forms import FormImpor, FormKonfirmasiImporData
from nakertrans.impor import (
    BATAS_BARIS,
    BATAS_UKURAN,
    impor_berkas,
    impor_di_latar,
    jenis_impor,
    periksa,
    perlu_latar,
    templat,
    tutup_impor_mati,
)
from nakertrans.models_impor import BerkasImpor


def jenis_untuk(user):
    """The kinds of import this user may run (none for a kabupaten user: _wajib_opd_sendiri)."""
    if not _impor_opd_sendiri(user):
        return {}
    return {kode: jenis for kode, jenis in jenis_impor().items() if user.has_perm(jenis.izin)}


def _impor_opd_sendiri(user):
    """An import writes an office's data: its own users' work (a superuser's too), never a kabupaten
    user's through an office's address."""
    return user.is_superuser or bool(user.instansi_id)


def _wajib_opd_sendiri(user):
    if not _impor_opd_sendiri(user):
        raise PermissionDenied("Impor data dilakukan oleh admin perangkat daerah itu sendiri.")


def _wajib_boleh_impor(user, jenis):
    _wajib_opd_sendiri(user)
    semua = jenis_impor()
    if jenis not in semua:
        raise Http404("Jenis impor tidak dikenal.")
    if not user.has_perm(semua[jenis].izin):
        raise PermissionDenied("Hanya Admin yang dapat mengimpor data ini.")


def _boleh_salah_satu(user):
    _wajib_opd_sendiri(user)
    pilihan = jenis_untuk(user)
    if not pilihan:
        raise PermissionDenied("Hanya Admin yang dapat mengimpor data.")
    return pilihan


def _konteks(pilihan, form):
    return {
        "form": form,
        "jenis_impor": pilihan,
        "batas_mb": BATAS_UKURAN // (1024 * 1024),
        "batas_baris": BATAS_BARIS,
    }


@login_required
def unduh_templat(request, jenis):
    _wajib_boleh_impor(request.user, jenis)
    respons = HttpResponse(
        templat(jenis), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    respons["Content-Disposition"] = f'attachment; filename="templat-{jenis}.xlsx"'
    return respons


@login_required
def halaman_impor(request):
    """Step 1: upload and dry run; shows every row error, every warning to acknowledge, every number as
    it was read, and every stated total that does not add up."""
    pilihan = _boleh_salah_satu(request.user)
    awal = {"jenis": request.GET.get("jenis")} if request.GET.get("jenis") in pilihan else None
    form = FormImpor(request.POST or None, request.FILES or None, pilihan=pilihan, initial=awal)
    konteks = _konteks(pilihan, form)
    if request.method == "POST" and form.is_valid():
        jenis = form.cleaned_data["jenis"]
        _wajib_boleh_impor(request.user, jenis)
        unggahan = form.cleaned_data["berkas"]
        try:
            if unggahan.size > BATAS_UKURAN:
                raise ValidationError(f"Berkas terlalu besar (paling besar {konteks['batas_mb']} MB).")
            hasil, rekaman = periksa(jenis, unggahan.read(), unggahan.name, user=request.user)
        except ValidationError as galat:
            form.add_error("berkas", galat)
        else:
            konteks.update({"hasil": hasil, "jenis": jenis, "nama_berkas": unggahan.name})
            if rekaman is not None:
                konteks["token"] = str(rekaman.token)
    return render(request, "nakertrans/impor.html", konteks)


@login_required
@require_POST
def simpan_impor(request):
    """Step 2: the previewed file, imported for real (all or nothing, once)."""
    form = FormKonfirmasiImporData(request.POST, pilihan=jenis_impor())
    sah = form.is_valid()
    # An unknown kind is not found and a kind the user may not import refused, as in the URLs that name
    # a kind, whatever else was sent.
    jenis = form.cleaned_data.get("jenis")
    if jenis is None:
        raise Http404("Jenis impor tidak dikenal.")
    _wajib_boleh_impor(request.user, jenis)
    try:
        if not sah:
            raise ValidationError(pesan_galat(form))
        token = form.cleaned_data["token"]
        if perlu_latar(token, jenis=jenis, user=request.user):
            rekaman = impor_di_latar(
                token,
                jenis=jenis,
                user=request.user,
                peringatan_diterima=form.cleaned_data["peringatan_diterima"],
            )
            return redirect("status_impor", rekaman.pk)
        hasil, rekaman = impor_berkas(
            form.cleaned_data["token"],
            jenis=jenis,
            user=request.user,
            peringatan_diterima=form.cleaned_data["peringatan_diterima"],
        )
    except ValidationError as galat:
        messages.error(request, " ".join(galat.messages))
        return redirect(f"{reverse('impor')}?jenis={jenis}")
    if hasil.ada_galat:
        # The data changed since the preview: nothing was saved; show why.
        pilihan = jenis_untuk(request.user)
        konteks = _konteks(pilihan, FormImpor(pilihan=pilihan, initial={"jenis": jenis}))
        konteks.update({"hasil": hasil, "jenis": jenis, "nama_berkas": rekaman.nama_berkas})
        return render(request, "nakertrans/impor.html", konteks)
    messages.success(request, f"Impor {rekaman.nama_berkas} selesai: {hasil.ringkasan}.")
    for s in hasil.selisih:
        messages.warning(request, f"Total tertulis tidak sama dengan jumlahnya. {s}")
    return redirect(f"{reverse('impor')}?jenis={jenis}")


@login_required
def status_impor(request, token):
    """A large file's import running as a task: the page polls this until it is done (the importing
    user's own files only)."""
    rekaman = BerkasImpor.objects.defer("isi").filter(pk=token, diperiksa_oleh=request.user).first()
    if rekaman is None or not rekaman.status:
        raise Http404("Impor tidak ditemukan.")
    rekaman = tutup_impor_mati(rekaman)
    konteks = {
        "rekaman": rekaman,
        "berjalan": rekaman.status in (BerkasImpor.Status.ANTRE, BerkasImpor.Status.BERJALAN),
    }
    if request.htmx:
        return render(request, "nakertrans/_status_impor.html", konteks)
    return render(request, "nakertrans/status_impor.html", konteks)
