from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.models import BaseInlineFormSet
from simple_history.admin import SimpleHistoryAdmin

from nakertrans.admin_angka import TanpaPemisahRibuan
from nakertrans.admin_opd import AdminOPD, InlineOPD, daftarkan_jalur
from nakertrans.bidang_form import pesan_galat
from nakertrans.impor import ImporSemuaAtauTidakSama
from nakertrans.rumus import GalatRumus, urai_rumus
from perjanjian import services
from perjanjian.forms import FormAksiPK, FormAlasanRevisiAdmin
from perjanjian.impor import BarisPKResource, IndikatorResource
from perjanjian.models import (
    IKU,
    RPJMD,
    BarisPK,
    IKUDaerah,
    Indikator,
    KomponenIndikator,
    Misi,
    MisiRPJMD,
    NilaiKomponenTahunan,
    PerjanjianKinerja,
    Renstra,
    SasaranRenstra,
    SasaranRPJMD,
    TargetIKU,
    TargetIKUDaerah,
    Tujuan,
    TujuanRPJMD,
)

# The parts of an office's Renstra and indicators that have no admin of their own.
for _model, _jalur in [
    (Misi, "renstra__instansi"),
    (Tujuan, "renstra__instansi"),
    (SasaranRenstra, "renstra__instansi"),
    (KomponenIndikator, "indikator__instansi"),
]:
    daftarkan_jalur(_model, _jalur)


class MisiRPJMDInline(TanpaPemisahRibuan, admin.TabularInline):
    model = MisiRPJMD
    extra = 0


class TujuanRPJMDInline(TanpaPemisahRibuan, admin.TabularInline):
    model = TujuanRPJMD
    extra = 0


class SasaranRPJMDInline(InlineOPD, TanpaPemisahRibuan, admin.TabularInline):
    model = SasaranRPJMD
    extra = 0


@admin.register(RPJMD)
class RPJMDAdmin(TanpaPemisahRibuan, admin.ModelAdmin):
    list_display = ["__str__", "tahun_awal", "tahun_akhir"]
    list_select_related = ["pemerintah_daerah"]
    inlines = [MisiRPJMDInline, TujuanRPJMDInline, SasaranRPJMDInline]


class TargetIKUDaerahInline(InlineOPD, TanpaPemisahRibuan, admin.TabularInline):
    model = TargetIKUDaerah
    extra = 0


@admin.register(IKUDaerah)
class IKUDaerahAdmin(AdminOPD, TanpaPemisahRibuan, admin.ModelAdmin):
    # The kabupaten's key indicator may be measured by an office's indicator (the seed's TPT is the
    # Dinas's).
    pilihan_lintas_opd = ["indikator"]
    list_display = ["indikator", "rpjmd", "sasaran", "urutan"]
    list_select_related = ["indikator", "rpjmd__pemerintah_daerah", "sasaran"]
    inlines = [TargetIKUDaerahInline]


class MisiInline(InlineOPD, TanpaPemisahRibuan, admin.TabularInline):
    model = Misi
    extra = 0


class TujuanInline(InlineOPD, TanpaPemisahRibuan, admin.TabularInline):
    model = Tujuan
    extra = 0


class SasaranInline(InlineOPD, TanpaPemisahRibuan, admin.TabularInline):
    model = SasaranRenstra
    extra = 0


@admin.register(Renstra)
class RenstraAdmin(AdminOPD, TanpaPemisahRibuan, admin.ModelAdmin):
    jalur_opd = "instansi"
    list_display = ["nama", "tahun_awal", "tahun_akhir"]
    inlines = [MisiInline, TujuanInline, SasaranInline]


class KomponenFormSet(BaseInlineFormSet):
    """The formula is checked against the component codes as submitted in the same form."""

    def clean(self):
        super().clean()
        kode = {
            f.cleaned_data["kode"]
            for f in self.forms
            if getattr(f, "cleaned_data", None)
            and not f.cleaned_data.get("DELETE")
            and f.cleaned_data.get("kode")
        }
        rumus = getattr(self.instance, "rumus", "") or ""
        if rumus.strip() and kode:
            try:
                urai_rumus(rumus, kode)
            except GalatRumus as galat:
                raise ValidationError(galat.messages) from None


class KomponenInline(InlineOPD, TanpaPemisahRibuan, admin.TabularInline):
    model = KomponenIndikator
    formset = KomponenFormSet
    extra = 0


@admin.register(Indikator)
class IndikatorAdmin(AdminOPD, TanpaPemisahRibuan, ImporSemuaAtauTidakSama, SimpleHistoryAdmin):
    jalur_opd = "instansi"
    resource_classes = [IndikatorResource]
    list_display = ["nama", "satuan", "jenis_nilai", "polaritas", "aturan_tahunan", "desimal"]
    list_filter = ["jenis_nilai", "polaritas", "aturan_tahunan"]
    search_fields = ["nama"]
    inlines = [KomponenInline]


class TargetIKUInline(InlineOPD, TanpaPemisahRibuan, admin.TabularInline):
    model = TargetIKU
    extra = 0


@admin.register(IKU)
class IKUAdmin(AdminOPD, TanpaPemisahRibuan, admin.ModelAdmin):
    jalur_opd = "renstra__instansi"
    list_display = ["indikator", "renstra", "sasaran", "urutan"]
    list_select_related = ["indikator", "renstra", "sasaran"]
    inlines = [TargetIKUInline]


@admin.register(NilaiKomponenTahunan)
class NilaiKomponenTahunanAdmin(AdminOPD, TanpaPemisahRibuan, SimpleHistoryAdmin):
    jalur_opd = "komponen__indikator__instansi"
    list_display = ["komponen", "tahun", "nilai", "sumber"]
    list_filter = ["tahun"]
    list_select_related = ["komponen__indikator"]


class BarisPKInline(InlineOPD, TanpaPemisahRibuan, admin.StackedInline):
    model = BarisPK
    fk_name = "perjanjian"
    extra = 0
    autocomplete_fields = ["indikator", "induk"]
    fields = [
        ("urutan", "sasaran"),
        ("indikator", "satuan"),
        ("target_angka", "target_huruf"),
        ("rencana_tw1", "rencana_tw2", "rencana_tw3", "rencana_tw4"),
        ("induk", "iku"),
    ]

    # The lines of a final PK are shown, not offered for editing (the PK itself is view-only).
    def has_add_permission(self, request, obj=None):
        return (obj is None or obj.dapat_diubah) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return (obj is None or obj.dapat_diubah) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return (obj is None or obj.dapat_diubah) and super().has_delete_permission(request, obj)


@admin.register(PerjanjianKinerja)
class PerjanjianKinerjaAdmin(AdminOPD, TanpaPemisahRibuan, SimpleHistoryAdmin):
    jalur_opd = "instansi"
    list_display = ["tahun", "jabatan", "versi", "status", "tanggal"]
    list_filter = ["tahun", "status", "jabatan__tingkat_pk"]
    list_select_related = ["jabatan"]
    search_fields = ["jabatan__nama"]
    filter_horizontal = ["program_kegiatan"]
    readonly_fields = ["pihak_kesatu", "pihak_kedua", "revisi_dari"]
    inlines = [BarisPKInline]
    actions = ["finalkan", "buat_revisi"]
    action_form = FormAksiPK

    def has_change_permission(self, request, obj=None):
        # A final PK is never edited: it is revised (action «Buat revisi»).
        if obj is not None and not obj.dapat_diubah:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and not obj.dapat_diubah:
            return False
        return super().has_delete_permission(request, obj)

    def response_action(self, request, queryset):
        # Django answers an action bar that does not validate with «Tidak ada aksi yang dipilih»; a
        # reason it cannot take is named instead, and no action runs.
        alasan = FormAlasanRevisiAdmin(request.POST)
        if not alasan.is_valid():
            self.message_user(request, f"Tidak ada yang diubah. {pesan_galat(alasan)}", messages.ERROR)
            return None
        return super().response_action(request, queryset)

    @admin.action(description="Finalkan PK terpilih")
    def finalkan(self, request, queryset):
        for perjanjian in queryset:
            try:
                services.finalkan_pk(perjanjian=perjanjian, user=request.user)
                self.message_user(request, f"{perjanjian} difinalkan.")
            except (ValidationError, PermissionDenied) as galat:
                self.message_user(
                    request,
                    f"{perjanjian}: {' '.join(getattr(galat, 'messages', [str(galat)]))}",
                    messages.ERROR,
                )

    @admin.action(description="Buat revisi dari PK final terpilih")
    def buat_revisi(self, request, queryset):
        form = FormAlasanRevisiAdmin(request.POST)
        form.is_valid()  # it is: response_action refuses the action otherwise
        alasan = form.cleaned_data["alasan_revisi"] or "Revisi dibuat dari halaman administrasi."
        for perjanjian in queryset:
            try:
                baru = services.revisi_pk(perjanjian=perjanjian, user=request.user, alasan=alasan)
                self.message_user(
                    request, f"Draf revisi versi {baru.versi} dibuat untuk {perjanjian.jabatan}."
                )
            except (ValidationError, PermissionDenied) as galat:
                self.message_user(
                    request,
                    f"{perjanjian}: {' '.join(getattr(galat, 'messages', [str(galat)]))}",
                    messages.ERROR,
                )


@admin.register(BarisPK)
class BarisPKAdmin(AdminOPD, TanpaPemisahRibuan, ImporSemuaAtauTidakSama, SimpleHistoryAdmin):
    jalur_opd = "perjanjian__instansi"
    resource_classes = [BarisPKResource]
    list_display = ["perjanjian", "urutan", "indikator", "target_angka", "target_huruf", "induk"]
    list_filter = ["perjanjian__tahun"]
    list_select_related = ["perjanjian__jabatan", "indikator", "induk__indikator"]
    search_fields = ["indikator__nama", "sasaran", "perjanjian__jabatan__nama"]
    autocomplete_fields = ["indikator", "induk"]

    def has_change_permission(self, request, obj=None):
        if obj is not None and not obj.perjanjian.dapat_diubah:
            return False
        return super().has_change_permission(request, obj)
