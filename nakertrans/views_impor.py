"""The import page for every kind the apps declare: template, dry-run preview, confirm (Admin only)."""

import uuid

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from nakertrans.impor import BATAS_UKURAN, baca_berkas, impor, jenis_impor, templat

FOLDER_SEMENTARA = "impor-sementara"


def jenis_untuk(user):
    """The kinds of import this user may run."""
    return {kode: jenis for kode, jenis in jenis_impor().items() if user.has_perm(jenis.izin)}


class FormImpor(forms.Form):
    jenis = forms.ChoiceField(label="Jenis data")
    berkas = forms.FileField(label="Berkas (.xlsx atau .csv)")

    def __init__(self, *args, pilihan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jenis"].choices = [(kode, jenis.label) for kode, jenis in pilihan.items()]


def _wajib_boleh_impor(user, jenis):
    semua = jenis_impor()
    if jenis not in semua:
        raise Http404("Jenis impor tidak dikenal.")
    if not user.has_perm(semua[jenis].izin):
        raise PermissionDenied("Hanya Admin yang dapat mengimpor data ini.")


def _boleh_salah_satu(user):
    pilihan = jenis_untuk(user)
    if not pilihan:
        raise PermissionDenied("Hanya Admin yang dapat mengimpor data.")
    return pilihan


def _simpan_sementara(isi, nama_berkas):
    akhiran = ".xlsx" if nama_berkas.lower().endswith(".xlsx") else ".csv"
    return default_storage.save(f"{FOLDER_SEMENTARA}/{uuid.uuid4().hex}{akhiran}", ContentFile(isi))


def _baca_sementara(token):
    # Only names this view made itself: a folder, 32 hex digits and the extension.
    nama = token.rsplit("/", 1)[-1]
    inti, _, akhiran = nama.partition(".")
    if len(inti) != 32 or not all(c in "0123456789abcdef" for c in inti) or akhiran not in {"xlsx", "csv"}:
        raise Http404("Berkas sementara tidak dikenal.")
    jalur = f"{FOLDER_SEMENTARA}/{nama}"
    if not default_storage.exists(jalur):
        raise ValidationError("Berkas pratinjau sudah tidak ada; unggah ulang berkasnya.")
    with default_storage.open(jalur, "rb") as berkas:
        return jalur, berkas.read()


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
    """Step 1: upload and dry run; shows every row error and every stated total that does not add up."""
    pilihan = _boleh_salah_satu(request.user)
    form = FormImpor(request.POST or None, request.FILES or None, pilihan=pilihan)
    konteks = {"form": form, "jenis_impor": pilihan, "batas_mb": BATAS_UKURAN // (1024 * 1024)}
    if request.method == "POST" and form.is_valid():
        jenis = form.cleaned_data["jenis"]
        _wajib_boleh_impor(request.user, jenis)
        unggahan = form.cleaned_data["berkas"]
        try:
            if unggahan.size > BATAS_UKURAN:
                raise ValidationError("Berkas terlalu besar (paling besar 5 MB).")
            isi = unggahan.read()
            data = baca_berkas(isi, unggahan.name)
            hasil = impor(jenis, data, user=request.user, dry_run=True)
        except ValidationError as galat:
            form.add_error("berkas", galat)
        else:
            konteks.update({"hasil": hasil, "jenis": jenis, "nama_berkas": unggahan.name})
            if not hasil.ada_galat:
                konteks["token"] = _simpan_sementara(isi, unggahan.name)
    return render(request, "nakertrans/impor.html", konteks)


@login_required
@require_POST
def simpan_impor(request):
    """Step 2: the previewed file, imported for real (all or nothing)."""
    jenis = request.POST.get("jenis", "")
    _wajib_boleh_impor(request.user, jenis)
    nama_berkas = request.POST.get("nama_berkas", "berkas")
    try:
        jalur, isi = _baca_sementara(request.POST.get("token", ""))
        hasil = impor(jenis, baca_berkas(isi, jalur), user=request.user, dry_run=False)
    except ValidationError as galat:
        messages.error(request, " ".join(galat.messages))
        return redirect("impor")
    if hasil.ada_galat:
        # The data changed since the preview: nothing was saved; show why.
        return render(
            request,
            "nakertrans/impor.html",
            {
                "form": FormImpor(pilihan=jenis_untuk(request.user)),
                "jenis_impor": jenis_untuk(request.user),
                "hasil": hasil,
                "jenis": jenis,
                "nama_berkas": nama_berkas,
            },
        )
    default_storage.delete(jalur)
    messages.success(request, f"Impor {nama_berkas} selesai: {hasil.ringkasan}.")
    for s in hasil.selisih:
        messages.warning(request, f"Total tertulis tidak sama dengan jumlahnya. {s}")
    return redirect("impor")
