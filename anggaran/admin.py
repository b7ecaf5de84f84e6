from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from anggaran.impor import AnggaranSubKegiatanResource, RealisasiAnggaranResource
from anggaran.models import (
    AnggaranSubKegiatan,
    IndikatorProgramKegiatan,
    Nomenklatur,
    PaguTertulis,
    RealisasiAnggaran,
)
from nakertrans.admin import HanyaBaca
from nakertrans.admin_angka import TanpaPemisahRibuan
from nakertrans.admin_opd import AdminOPD, InlineOPD
from nakertrans.impor import ImporSemuaAtauTidakSama


@admin.register(Nomenklatur)
class NomenklaturAdmin(TanpaPemisahRibuan, admin.ModelAdmin):
    list_display = ["kode", "nama", "tingkat", "induk"]
    list_filter = ["tingkat"]
    search_fields = ["kode", "nama"]
    readonly_fields = ["tingkat", "induk"]
    list_select_related = ["induk"]


@admin.register(IndikatorProgramKegiatan)
class IndikatorProgramKegiatanAdmin(AdminOPD, TanpaPemisahRibuan, SimpleHistoryAdmin):
    jalur_opd = "instansi"
    list_display = ["tahun", "nomenklatur", "indikator", "target"]
    list_filter = ["tahun"]
    search_fields = ["nomenklatur__kode", "indikator"]
    list_select_related = ["nomenklatur"]
    autocomplete_fields = ["nomenklatur"]


class RealisasiAnggaranInline(InlineOPD, TanpaPemisahRibuan, HanyaBaca, admin.TabularInline):
    model = RealisasiAnggaran
    extra = 0


@admin.register(AnggaranSubKegiatan)
class AnggaranSubKegiatanAdmin(AdminOPD, TanpaPemisahRibuan, ImporSemuaAtauTidakSama, SimpleHistoryAdmin):
    jalur_opd = "instansi"
    resource_classes = [AnggaranSubKegiatanResource]
    list_display = ["tahun", "sub_kegiatan", "unit_kerja", "pagu_murni", "pagu_perubahan"]
    list_filter = ["tahun", "unit_kerja"]
    search_fields = ["sub_kegiatan__kode", "sub_kegiatan__nama", "indikator"]
    list_select_related = ["sub_kegiatan", "unit_kerja"]
    autocomplete_fields = ["sub_kegiatan"]
    inlines = [RealisasiAnggaranInline]


@admin.register(RealisasiAnggaran)
class RealisasiAnggaranAdmin(
    AdminOPD, TanpaPemisahRibuan, HanyaBaca, ImporSemuaAtauTidakSama, SimpleHistoryAdmin
):
    jalur_opd = "anggaran__instansi"
    resource_classes = [RealisasiAnggaranResource]
    list_display = ["anggaran", "bulan", "keuangan", "fisik"]
    list_filter = ["anggaran__tahun", "bulan", "anggaran__unit_kerja"]
    list_select_related = ["anggaran__sub_kegiatan"]


@admin.register(PaguTertulis)
class PaguTertulisAdmin(AdminOPD, TanpaPemisahRibuan, SimpleHistoryAdmin):
    jalur_opd = "instansi"
    list_display = ["tahun", "nomenklatur", "pagu_murni", "pagu_perubahan", "sumber"]
    list_filter = ["tahun"]
    search_fields = ["nomenklatur__kode", "nomenklatur__nama"]
    autocomplete_fields = ["nomenklatur"]
