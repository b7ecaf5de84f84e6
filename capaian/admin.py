from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from simple_history.admin import SimpleHistoryAdmin

from capaian.hitung import Pita, periksa_skala
from capaian.models import (
    BuktiDukung,
    BuktiRenja,
    CatatanEvaluasiRenja,
    IndikatorRenja,
    NarasiLKjIP,
    NilaiKomponenTriwulan,
    PaguRenstra,
    PilihanSkalaOPD,
    PitaPredikat,
    RealisasiRenja,
    RealisasiTriwulan,
    SkalaPredikat,
    TanggapanPeringatan,
    TargetRenja,
    TerbitanLKjIP,
)
from nakertrans.admin import HanyaBaca
from nakertrans.admin_angka import TanpaPemisahRibuan
from nakertrans.admin_opd import AdminOPD, InlineOPD


class PitaFormSet(BaseInlineFormSet):
    """A scale is saved only when its bands cover 0 to infinity with no gap and no overlap."""

    def clean(self):
        super().clean()
        pita = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or data.get("bawah") is None:
                continue
            pita.append(
                Pita(
                    data.get("nama") or "?",
                    data["bawah"],
                    data.get("atas"),
                    data.get("bawah_inklusif", True),
                    data.get("atas_inklusif", False),
                )
            )
        masalah = periksa_skala(pita)
        if masalah:
            raise ValidationError(masalah)


class PitaInline(TanpaPemisahRibuan, admin.TabularInline):
    model = PitaPredikat
    formset = PitaFormSet
    extra = 0


@admin.register(SkalaPredikat)
class SkalaPredikatAdmin(TanpaPemisahRibuan, admin.ModelAdmin):
    list_display = ["nama", "aktif"]
    inlines = [PitaInline]


class NilaiKomponenInline(InlineOPD, TanpaPemisahRibuan, admin.TabularInline):
    model = NilaiKomponenTriwulan
    extra = 0
    readonly_fields = ["komponen", "nilai"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class BuktiInline(InlineOPD, TanpaPemisahRibuan, admin.TabularInline):
    """The evidence of a realisasi, read-only: uploaded on the entry page, which respects the locks."""

    model = BuktiDukung
    extra = 0
    readonly_fields = ["nama_asli", "jenis", "ukuran", "diunggah_oleh", "diunggah_pada"]
    angka_besaran = ["ukuran"]  # a file size, grouped as any quantity
    exclude = ["berkas"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(RealisasiTriwulan)
class RealisasiTriwulanAdmin(AdminOPD, TanpaPemisahRibuan, HanyaBaca, SimpleHistoryAdmin):
    jalur_opd = "baris__perjanjian__instansi"
    """Read-only: realisasi changes only through the entry page, which respects the locks."""

    list_display = ["baris", "triwulan", "realisasi_angka", "realisasi_huruf"]
    list_filter = ["triwulan", "baris__perjanjian__tahun"]
    list_select_related = ["baris__perjanjian__jabatan", "baris__indikator"]
    inlines = [NilaiKomponenInline, BuktiInline]


@admin.register(TerbitanLKjIP)
class TerbitanLKjIPAdmin(AdminOPD, TanpaPemisahRibuan, HanyaBaca, admin.ModelAdmin):
    jalur_opd = "instansi"
    list_display = ["tahun", "nomor", "diterbitkan_pada", "diterbitkan_oleh", "ukuran", "sha256"]
    angka_besaran = ["ukuran"]
    list_filter = ["tahun"]
    exclude = ["isi"]


@admin.register(TanggapanPeringatan)
class TanggapanPeringatanAdmin(AdminOPD, TanpaPemisahRibuan, HanyaBaca, admin.ModelAdmin):
    jalur_opd = "instansi"
    list_display = ["tahun", "pesan", "catatan", "oleh", "pada"]
    list_filter = ["tahun"]


@admin.register(NarasiLKjIP)
class NarasiLKjIPAdmin(AdminOPD, TanpaPemisahRibuan, HanyaBaca, SimpleHistoryAdmin):
    jalur_opd = "instansi"
    list_display = ["tahun", "bagian", "indikator", "diubah_oleh", "diubah_pada"]
    list_filter = ["tahun", "bagian"]


@admin.register(PilihanSkalaOPD)
class PilihanSkalaOPDAdmin(AdminOPD, admin.ModelAdmin):
    """The scale an office reads its capaian by, where it differs from the kabupaten's."""

    jalur_opd = "instansi"
    list_display = ["instansi", "skala"]
    list_select_related = ["instansi", "skala"]


class TargetRenjaInline(InlineOPD, TanpaPemisahRibuan, admin.TabularInline):
    model = TargetRenja
    extra = 1
    fields = ["jenis", "tahun", "target_angka", "target_huruf", "tertulis", "pilihan"]


@admin.register(IndikatorRenja)
class IndikatorRenjaAdmin(AdminOPD, TanpaPemisahRibuan, SimpleHistoryAdmin):
    """Indicators of program, kegiatan and sub kegiatan with their targets, set by the planner."""

    jalur_opd = "instansi"
    list_display = ["nomenklatur", "indikator", "unit_kerja", "urutan"]
    list_select_related = ["nomenklatur", "indikator", "unit_kerja"]
    search_fields = ["nomenklatur__kode", "nomenklatur__nama", "indikator__nama"]
    autocomplete_fields = ["nomenklatur", "indikator"]
    inlines = [TargetRenjaInline]


@admin.register(PaguRenstra)
class PaguRenstraAdmin(AdminOPD, TanpaPemisahRibuan, SimpleHistoryAdmin):
    jalur_opd = "renstra__instansi"
    list_display = ["renstra", "nomenklatur", "pagu"]
    list_select_related = ["renstra", "nomenklatur"]
    autocomplete_fields = ["nomenklatur"]


class BuktiRenjaInline(BuktiInline):
    model = BuktiRenja


@admin.register(RealisasiRenja)
class RealisasiRenjaAdmin(AdminOPD, TanpaPemisahRibuan, HanyaBaca, SimpleHistoryAdmin):
    """Read-only: realisasi changes only through the entry page, which respects the locks."""

    jalur_opd = "indikator_renja__instansi"
    list_display = ["indikator_renja", "tahun", "triwulan", "realisasi_angka", "realisasi_huruf"]
    list_filter = ["tahun", "triwulan"]
    list_select_related = ["indikator_renja__nomenklatur", "indikator_renja__indikator"]
    inlines = [BuktiRenjaInline]


@admin.register(CatatanEvaluasiRenja)
class CatatanEvaluasiRenjaAdmin(AdminOPD, HanyaBaca, SimpleHistoryAdmin):
    """Read-only: the notes are written and approved on the Evaluasi Renja page."""

    jalur_opd = "instansi"
    list_display = ["tahun", "triwulan", "disetujui_pada"]
