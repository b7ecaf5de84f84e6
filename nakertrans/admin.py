from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import router, transaction
from django.db.models import Q
from django.forms.models import BaseInlineFormSet
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.debug import sensitive_post_parameters
from simple_history.admin import SimpleHistoryAdmin

from nakertrans import roles
from nakertrans.admin_opd import AdminOPD, InlineOPD, opd_admin, penulis_kabupaten
from nakertrans.models import (
    CatatanAudit,
    Instansi,
    Jabatan,
    Pegawai,
    PemerintahDaerah,
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


def angka_polos(nama_field, judul):
    """A list_display column for a year, number or code printed as stored: without it the admin
    localizes the integer (the year 2024 printed as «2.024»)."""

    @admin.display(description=judul, ordering=nama_field)
    def tampil(obj):
        nilai = getattr(obj, nama_field)
        return "" if nilai is None else str(nilai)

    tampil.__name__ = f"{nama_field}_polos"
    return tampil


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


class PenugasanInline(InlineOPD, admin.TabularInline):
    model = Penugasan
    formset = PenugasanFormSet
    extra = 0
    autocomplete_fields = ["pegawai", "jabatan"]


@admin.register(PemerintahDaerah)
class PemerintahDaerahAdmin(admin.ModelAdmin):
    list_display = ["__str__", "ibu_kota"]


@admin.register(Instansi)
class InstansiAdmin(AdminOPD, admin.ModelAdmin):
    def saring_opd(self, queryset, opd):
        # An office's administrator sees their own office; an office is no row of no office.
        return queryset.filter(pk=opd.pk) if opd is not None else queryset.none()

    list_display = ["nama", "pemerintah_daerah", "telepon"]
    list_select_related = ["pemerintah_daerah"]


@admin.register(UnitKerja)
class UnitKerjaAdmin(AdminOPD, admin.ModelAdmin):
    jalur_opd = "instansi"
    list_display = ["nama", "jenis", "induk", angka_polos("urutan", "urutan")]
    list_filter = ["jenis"]
    search_fields = ["nama", "singkatan"]
    list_select_related = ["induk"]


@admin.register(Jabatan)
class JabatanAdmin(AdminOPD, SimpleHistoryAdmin):
    jalur_opd = "unit_kerja__instansi"
    list_display = ["nama", "unit_kerja", "atasan", "jenis", "tingkat_pk", "kepala_unit"]
    list_filter = ["jenis", "tingkat_pk", "unit_kerja"]
    search_fields = ["nama"]
    list_select_related = ["unit_kerja", "atasan"]
    autocomplete_fields = ["atasan", "unit_kerja"]
    inlines = [PenugasanInline]


@admin.register(Pegawai)
class PegawaiAdmin(AdminOPD, SimpleHistoryAdmin):
    list_display = ["nama_lengkap", "nip_tampil", "golongan", "data_contoh"]
    list_filter = ["golongan", "data_contoh", "pejabat_negara"]
    search_fields = ["nama", "nip"]
    inlines = [PenugasanInline]

    def saring_opd(self, queryset, opd):
        """An office's employees: those holding or having held one of its posts, and those holding
        none yet (so that they can be given one)."""
        dari_opd = Penugasan.objects.filter(jabatan__unit_kerja__instansi=opd).values("pegawai")
        return queryset.filter(Q(pk__in=dari_opd) | Q(penugasan=None)).distinct()

    def _pos_aktif_di_luar(self, obj, opd):
        """Whether the employee holds a post today outside ``opd`` (None: in any office)."""
        hari_ini = timezone.localdate()
        aktif = Penugasan.objects.filter(pegawai=obj, mulai__lte=hari_ini).filter(
            Q(selesai__isnull=True) | Q(selesai__gte=hari_ini)
        )
        if opd is None:
            return aktif.filter(jabatan__unit_kerja__isnull=False).exists()
        return aktif.exclude(jabatan__unit_kerja__instansi=opd).exists()

    def _boleh_ubah(self, request, obj):
        """An employee is changed by the office where they hold a post now (an office's administrator),
        or, holding none in any office, by the kabupaten (the Bupati)."""
        if obj is None or request.user.is_superuser:
            return True
        opd = opd_admin(request)
        if opd is None and not penulis_kabupaten(request):
            return True
        return not self._pos_aktif_di_luar(obj, opd)

    def has_change_permission(self, request, obj=None):
        return self._boleh_ubah(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._boleh_ubah(request, obj) and super().has_delete_permission(request, obj)

    @admin.display(description="nama", ordering="nama")
    def nama_lengkap(self, obj):
        return obj.nama_lengkap

    @admin.display(description="NIP", ordering="nip")
    def nip_tampil(self, obj):
        return obj.nip_tampil


@admin.register(Penugasan)
class PenugasanAdmin(AdminOPD, SimpleHistoryAdmin):
    jalur_opd = "jabatan__unit_kerja__instansi"
    list_display = ["jabatan", "pegawai", "jenis", "mulai", "selesai"]
    list_filter = ["jenis"]
    search_fields = ["jabatan__nama", "pegawai__nama", "pegawai__nip"]
    list_select_related = ["jabatan", "pegawai"]
    autocomplete_fields = ["pegawai", "jabatan"]


class PeriksaPeran:
    """Form mixin: a role change ``pelaku`` may not make is a clear error on the field, nothing saved.
    ``pelaku`` is set per request by the admin's ``get_form``."""

    pelaku = None

    def clean_groups(self):
        grup = self.cleaned_data["groups"]
        alasan = roles.alasan_tolak_peran(pelaku=self.pelaku, pengguna=self.instance, grup=grup)
        if alasan:
            raise ValidationError(alasan)
        return grup


class PeriksaLingkup:
    """Form mixin: a user works for one office, with its roles and units, or for the kabupaten with
    the kabupaten's roles; an account moves to another office only as ``roles.alasan_tolak_pindah``
    allows."""

    def clean(self):
        data = super().clean()
        instansi = data.get("instansi") if "instansi" in self.fields else self.instance.instansi
        if "groups" in self.fields:
            grup = data.get("groups")  # None: the field has its own error already
        else:
            grup = list(self.instance.groups.all()) if self.instance.pk else []
        if grup is not None:
            alasan = roles.alasan_tolak_lingkup(grup=grup, instansi=instansi)
            if alasan:
                self.add_error("groups" if "groups" in self.fields else None, alasan)
        if "instansi" in self.fields:
            alasan = roles.alasan_tolak_pindah(pelaku=self.pelaku, pengguna=self.instance, instansi=instansi)
            if alasan:
                self.add_error("instansi", alasan)
        unit = data.get("unit_kerja")
        if unit:
            lain = [u.nama for u in unit if u.instansi_id != (instansi.pk if instansi else None)]
            if instansi is None:
                self.add_error(
                    "unit_kerja",
                    "Pengguna tingkat kabupaten tidak mempunyai unit kerja; pilih perangkat daerahnya "
                    "bila ia bekerja di satu perangkat daerah.",
                )
            elif lain:
                self.add_error("unit_kerja", f"Unit kerja {', '.join(lain)} bukan bagian dari {instansi}.")
        return data


class FormPengguna(PeriksaPeran, PeriksaLingkup, UserChangeForm):
    pass


class FormPenggunaBaru(PeriksaPeran, PeriksaLingkup, AdminUserCreationForm):
    pass


sensitive_post_parameters_m = method_decorator(sensitive_post_parameters())


@admin.register(Pengguna)
class PenggunaAdmin(AdminOPD, UserAdmin):
    jalur_opd = "instansi"
    kabupaten_menulis_opd = True
    """Accounts, under the separation of duties written down in ``nakertrans.roles``: the Admin adds,
    edits, deactivates operators and sets their passwords; roles that approve, the passwords and flags
    of other officials, superuser status and single permissions are a superuser's, and audited."""

    form = FormPengguna
    add_form = FormPenggunaBaru
    list_display = ["username", "pegawai", "email", "is_active", "is_staff"]
    list_select_related = ["pegawai"]
    autocomplete_fields = ["pegawai"]
    filter_horizontal = ["groups", "user_permissions", "unit_kerja"]
    fieldsets = UserAdmin.fieldsets + (("Lingkup kerja", {"fields": ["instansi", "pegawai", "unit_kerja"]}),)
    add_fieldsets = UserAdmin.add_fieldsets + (
        ("Peran dan lingkup kerja", {"fields": ["instansi", "groups", "unit_kerja"]}),
    )

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type(form.__name__, (form,), {"pelaku": request.user})

    def _ganti_sandi(self, request, obj):
        """What stands in the password's place on the page: the field with its button to the password
        page, or (no button to a page this user would be refused) why not."""
        if obj is None:
            return "password"
        if not self.has_change_permission(request, obj):
            return "kata_sandi_tersimpan"
        if not roles.boleh_ganti_kata_sandi(request.user, obj):
            return "kata_sandi_pejabat"
        return "password"

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        sandi = self._ganti_sandi(request, obj)
        return [
            (judul, {**isi, "fields": [sandi if f == "password" else f for f in isi["fields"]]})
            for judul, isi in fieldsets
        ]

    def get_readonly_fields(self, request, obj=None):
        """Only a superuser grants superuser rights or single permissions; nobody but a superuser
        changes the roles, scope or pegawai of their own account, or the flags or pegawai of another
        official."""
        tetap = list(super().get_readonly_fields(request, obj))
        sandi = self._ganti_sandi(request, obj)
        if sandi != "password":
            tetap.append(sandi)
        if request.user.is_superuser:
            return tetap
        tetap += ["is_superuser", "user_permissions"]
        # The linked pegawai is whose name the history prints for the account's acts.
        if obj is not None and obj.pk == request.user.pk:
            tetap += ["groups", "is_staff", "is_active", "unit_kerja", "pegawai"]
        elif obj is not None and roles.pejabat_lain(request.user, obj):
            tetap += ["is_staff", "is_active", "pegawai"]
        return tetap

    @admin.display(description="kata sandi")
    def kata_sandi_pejabat(self, obj):
        return "Kata sandi pejabat ini hanya dapat diganti oleh superuser."

    @admin.display(description="kata sandi")
    def kata_sandi_tersimpan(self, obj):
        return "Tersimpan tersandi; tidak ditampilkan."

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        """Officials' accounts are deactivated, never deleted (the audit log keeps pointing at them)."""
        if obj is not None and roles.adalah_pejabat(obj):
            return False
        return super().has_delete_permission(request, obj)

    def get_deleted_objects(self, objs, request):
        # The bulk action asks here, not has_delete_permission(obj): a lacking "permission" refuses it.
        dihapus, jumlah, izin_kurang, dilindungi = super().get_deleted_objects(objs, request)
        pejabat = roles.saring_pejabat(Pengguna.objects.filter(pk__in=[o.pk for o in objs]))
        if pejabat.exists():
            izin_kurang = {*izin_kurang, "akun pejabat (nonaktifkan, jangan dihapus)"}
        return dihapus, jumlah, izin_kurang, dilindungi

    def save_model(self, request, obj, form, change):
        pindah = change and "instansi" in form.changed_data
        lama = Pengguna.objects.get(pk=obj.pk).instansi if pindah else None
        super().save_model(request, obj, form, change)
        if "is_superuser" in form.changed_data:
            roles.catat_status_superuser(pelaku=request.user, pengguna=obj)
        if pindah:
            roles.catat_pindah_opd(pelaku=request.user, pengguna=obj, lama=lama)

    def save_related(self, request, form, formsets, change):
        # Roles and single permissions go through the services that check and audit them.
        grup = form.cleaned_data.pop("groups", None)
        izin = form.cleaned_data.pop("user_permissions", None)
        super().save_related(request, form, formsets, change)
        if grup is not None:
            roles.atur_peran(pelaku=request.user, pengguna=form.instance, grup=grup)
        if izin is not None:
            roles.atur_izin_langsung(pelaku=request.user, pengguna=form.instance, izin=izin)

    @sensitive_post_parameters_m
    def user_change_password(self, request, id, form_url=""):
        pengguna = self.get_object(request, unquote(id))
        if pengguna is not None and not roles.boleh_ganti_kata_sandi(request.user, pengguna):
            raise PermissionDenied("Kata sandi pejabat lain hanya dapat diganti oleh superuser.")
        if pengguna is None or request.method != "POST":
            return super().user_change_password(request, id, form_url)
        with transaction.atomic(using=router.db_for_write(self.model)):
            respons = super().user_change_password(request, id, form_url)
            pengguna_kini = Pengguna.objects.get(pk=pengguna.pk)
            if pengguna_kini.password != pengguna.password:
                roles.catat_ganti_kata_sandi(pelaku=request.user, pengguna=pengguna_kini)
        return respons


admin.site.unregister(Group)


@admin.register(Group)
class GrupAdmin(GroupAdmin):
    """Everybody with the admin's view permission reads the roles and their members; only a superuser
    changes a group's permissions (audited), and the five roles are never renamed or deleted."""

    readonly_fields = ["anggota"]

    def _peran_bawaan(self, obj):
        return obj is not None and obj.name in {peran.grup for peran in roles.PERAN}

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser and not self._peran_bawaan(obj)

    def get_readonly_fields(self, request, obj=None):
        tetap = list(super().get_readonly_fields(request, obj))
        return tetap + ["name"] if self._peran_bawaan(obj) else tetap

    @admin.display(description="anggota")
    def anggota(self, obj):
        if obj is None or obj.pk is None:
            return "-"
        return ", ".join(obj.user_set.order_by("username").values_list("username", flat=True)) or "-"

    def save_related(self, request, form, formsets, change):
        izin = form.cleaned_data.pop("permissions", None)
        super().save_related(request, form, formsets, change)
        if izin is None:
            izin = form.instance.permissions.all()
        roles.atur_izin_grup(
            pelaku=request.user,
            grup=form.instance,
            izin=izin,
            baru=not change,
            nama_lama=form.initial.get("name") if change else None,
        )

    def get_deleted_objects(self, objs, request):
        dihapus, jumlah, izin_kurang, dilindungi = super().get_deleted_objects(objs, request)
        if any(self._peran_bawaan(obj) for obj in objs):
            izin_kurang = {*izin_kurang, "grup peran bawaan (tidak dapat dihapus)"}
        return dihapus, jumlah, izin_kurang, dilindungi

    def delete_model(self, request, obj):
        roles.hapus_grup(pelaku=request.user, grup=obj)

    def delete_queryset(self, request, queryset):
        for grup in queryset:
            roles.hapus_grup(pelaku=request.user, grup=grup)


@admin.register(CatatanAudit)
class CatatanAuditAdmin(HanyaBaca, admin.ModelAdmin):
    """Read by superusers and by those who read everything and manage nothing (the Inspektorat); the
    account managers whose acts it records do not see it. Nobody changes or deletes a row."""

    list_display = ["waktu", "pelaku", "tindakan", "sasaran", "peran", "rincian"]
    list_filter = ["tindakan", "peran", "waktu"]
    search_fields = ["pelaku__username", "sasaran__username", "peran", "rincian"]
    list_select_related = ["pelaku", "sasaran"]
    actions = None

    def has_view_permission(self, request, obj=None):
        user = request.user
        if user.is_superuser:
            return True
        return user.has_perm("nakertrans.view_catatanaudit") and not user.has_perm(
            "nakertrans.change_pengguna"
        )


class RiwayatPengajuanInline(admin.TabularInline):
    model = RiwayatPengajuan
    extra = 0
    can_delete = False
    readonly_fields = ["dari_status", "ke_status", "oleh", "waktu", "catatan"]

    def has_add_permission(self, request, obj=None):
        return False


_TAHUN_PENGAJUAN = angka_polos("tahun", "tahun")


@admin.register(Pengajuan)
class PengajuanAdmin(AdminOPD, admin.ModelAdmin):
    jalur_opd = "unit_kerja__instansi"
    """Read-only: status changes only through the workflow services, which keep the audit trail."""

    list_display = ["jenis", _TAHUN_PENGAJUAN, "periode", "unit_kerja", "status", "diubah_pada"]
    # The view-only page prints every field as text: the year there too.
    fields = ["jenis", _TAHUN_PENGAJUAN, "periode", "unit_kerja", "status", "catatan", "versi", "diubah_pada"]
    readonly_fields = [_TAHUN_PENGAJUAN]
    list_filter = ["jenis", "tahun", "status", "unit_kerja"]
    list_select_related = ["unit_kerja"]
    inlines = [RiwayatPengajuanInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
