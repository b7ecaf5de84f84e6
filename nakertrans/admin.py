from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from simple_history.admin import SimpleHistoryAdmin

from nakertrans.models import (
    Instansi,
    Jabatan,
    Pegawai,
    Pengajuan,
    Pengguna,
    Penugasan,
    RiwayatPengajuan,
    UnitKerja,
)


class HanyaBaca:
    """For rows written only by the application's pages or imports, which respect the locks and keep
    the history: the admin shows them and changes nothing."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class PenugasanFormSet(BaseInlineFormSet):
    """Rows added together in one form are checked against each other too, not only the database."""

    def clean(self):
        super().clean()
        rentang = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or not data.get("mulai"):
                continue
            jabatan = self.instance if isinstance(self.instance, Jabatan) else data.get("jabatan")
            kunci = (jabatan, data.get("jenis"))
            rentang.append((kunci, data["mulai"], data.get("selesai")))
        for i, (kunci_a, mulai_a, selesai_a) in enumerate(rentang):
            for kunci_b, mulai_b, selesai_b in rentang[i + 1 :]:
                if kunci_a != kunci_b:
                    continue
                if (selesai_a is None or selesai_a >= mulai_b) and (
                    selesai_b is None or selesai_b >= mulai_a
                ):
                    raise ValidationError("Dua penugasan dengan jenis yang sama pada satu jabatan bertumpuk.")


class PenugasanInline(admin.TabularInline):
    model = Penugasan
    formset = PenugasanFormSet
    extra = 0
    autocomplete_fields = ["pegawai", "jabatan"]


@admin.register(Instansi)
class InstansiAdmin(admin.ModelAdmin):
    list_display = ["nama", "kabupaten", "telepon"]


@admin.register(UnitKerja)
class UnitKerjaAdmin(admin.ModelAdmin):
    list_display = ["nama", "jenis", "induk", "urutan"]
    list_filter = ["jenis"]
    search_fields = ["nama", "singkatan"]
    list_select_related = ["induk"]


@admin.register(Jabatan)
class JabatanAdmin(SimpleHistoryAdmin):
    list_display = ["nama", "unit_kerja", "atasan", "jenis", "tingkat_pk", "kepala_unit"]
    list_filter = ["jenis", "tingkat_pk", "unit_kerja"]
    search_fields = ["nama"]
    list_select_related = ["unit_kerja", "atasan"]
    autocomplete_fields = ["atasan", "unit_kerja"]
    inlines = [PenugasanInline]


@admin.register(Pegawai)
class PegawaiAdmin(SimpleHistoryAdmin):
    list_display = ["nama_lengkap", "nip_tampil", "golongan", "data_contoh"]
    list_filter = ["golongan", "data_contoh", "pejabat_negara"]
    search_fields = ["nama", "nip"]
    inlines = [PenugasanInline]

    @admin.display(description="nama", ordering="nama")
    def nama_lengkap(self, obj):
        return obj.nama_lengkap

    @admin.display(description="NIP", ordering="nip")
    def nip_tampil(self, obj):
        return obj.nip_tampil


@admin.register(Penugasan)
class PenugasanAdmin(SimpleHistoryAdmin):
    list_display = ["jabatan", "pegawai", "jenis", "mulai", "selesai"]
    list_filter = ["jenis"]
    search_fields = ["jabatan__nama", "pegawai__nama", "pegawai__nip"]
    list_select_related = ["jabatan", "pegawai"]
    autocomplete_fields = ["pegawai", "jabatan"]


@admin.register(Pengguna)
class PenggunaAdmin(UserAdmin):
    list_display = ["username", "pegawai", "email", "is_active", "is_staff"]
    list_select_related = ["pegawai"]
    autocomplete_fields = ["pegawai"]
    filter_horizontal = ["groups", "user_permissions", "unit_kerja"]
    fieldsets = UserAdmin.fieldsets + (("Lingkup kerja", {"fields": ["pegawai", "unit_kerja"]}),)

    def get_readonly_fields(self, request, obj=None):
        """Separation of duties: only a superuser grants superuser rights or single permissions, and
        nobody but a superuser changes the roles or scope of their own account."""
        tetap = list(super().get_readonly_fields(request, obj))
        if request.user.is_superuser:
            return tetap
        tetap += ["is_superuser", "user_permissions"]
        if obj is not None and obj.pk == request.user.pk:
            tetap += ["groups", "is_staff", "is_active", "unit_kerja"]
        return tetap


class RiwayatPengajuanInline(admin.TabularInline):
    model = RiwayatPengajuan
    extra = 0
    can_delete = False
    readonly_fields = ["dari_status", "ke_status", "oleh", "waktu", "catatan"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Pengajuan)
class PengajuanAdmin(admin.ModelAdmin):
    """Read-only: status changes only through the workflow services, which keep the audit trail."""

    list_display = ["jenis", "tahun", "periode", "unit_kerja", "status", "diubah_pada"]
    list_filter = ["jenis", "tahun", "status", "unit_kerja"]
    list_select_related = ["unit_kerja"]
    inlines = [RiwayatPengajuanInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
