"""Import of DPA lines and monthly realisasi from xlsx or csv (django-import-export).

All or nothing: one bad row and nothing is saved. Rows of a DPA sheet that carry a program's or a
kegiatan's stated total (as regional finance systems export them) are accepted but not stored: the
totals are always computed, and every stated total that differs from the sum of its sub kegiatan in
the sheet is reported.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import Sum
from import_export import fields, widgets

from anggaran import kode as nomenklatur
from anggaran.models import (
    AnggaranSubKegiatan,
    IndikatorProgramKegiatan,
    Nomenklatur,
    PaguTertulis,
    RealisasiAnggaran,
)
from anggaran.queries import lewat_pagu
from anggaran.rollup import per_kode
from anggaran.signals import IndikatorTertulis, dpa_diimpor
from anggaran.target_tertulis import BacaanTarget, baca_target, satuan_persen
from nakertrans import workflow
from nakertrans.format_id import NAMA_BULAN, format_angka, format_rupiah
from nakertrans.impor import (
    AngkaWidget,
    GalatKolom,
    ResourceSakip,
    TahunWidget,
    TeksWidget,
    UnitKerjaWidget,
    baca_angka_sel,
    opd_impor,
)
from nakertrans.models import Pengajuan


class NomenklaturWidget(widgets.ForeignKeyWidget):
    def __init__(self):
        super().__init__(Nomenklatur, "kode")

    def clean(self, value, row=None, **kwargs):
        try:
            return Nomenklatur.objects.kode(value)
        except Nomenklatur.DoesNotExist:
            raise ValueError(f"Kode «{value}» tidak dikenal.") from None


class _KodeSakip:
    """Codes normalised before anything else reads them."""

    def _normalkan_kode(self, row):
        try:
            row["kode"] = nomenklatur.normalisasi_kode(row.get("kode"))
        except ValidationError as galat:
            raise GalatKolom("kode", galat.messages[0]) from None

    @staticmethod
    def _tahun(row):
        try:
            return TahunWidget().clean(row.get("tahun"))
        except ValueError as galat:
            raise GalatKolom("tahun", str(galat)) from None


@dataclass
class Selisih:
    """A stated total in the sheet that is not the sum of its sub kegiatan."""

    baris: int
    kode: str
    kolom: str
    tertulis: Decimal
    dijumlah: Decimal

    def __str__(self):
        return (
            f"Baris {self.baris}, {self.kode}: {self.kolom.replace('_', ' ')} tertulis "
            f"{format_angka(self.tertulis)}, jumlah sub kegiatannya {format_angka(self.dijumlah)}."
        )


def _satuan_baku(satuan):
    """«%», «persen» and «Persentase» are one satuan."""
    return "%" if satuan_persen(satuan) else satuan.strip().lower()


class AnggaranSubKegiatanResource(_KodeSakip, ResourceSakip):
    tahun = fields.Field("tahun", "tahun", widget=TahunWidget())
    kode = fields.Field("sub_kegiatan", "kode", widget=NomenklaturWidget())
    uraian = fields.Field("sub_kegiatan__nama", "uraian", readonly=True)
    unit_kerja = fields.Field("unit_kerja", "unit_kerja", widget=UnitKerjaWidget())
    indikator = fields.Field("indikator", "indikator", widget=TeksWidget())
    target = fields.Field("target", "target", widget=AngkaWidget(persen=True))
    satuan = fields.Field("satuan", "satuan", widget=TeksWidget())
    sumber_dana = fields.Field("sumber_dana", "sumber_dana", widget=TeksWidget())
    pagu_murni = fields.Field("pagu_murni", "pagu_murni", widget=AngkaWidget(rupiah=True))
    pagu_perubahan = fields.Field("pagu_perubahan", "pagu_perubahan", widget=AngkaWidget(rupiah=True))

    kolom_wajib = ("tahun", "kode")
    jalur_opd = "instansi"
    KOLOM_PAGU = ("pagu_murni", "pagu_perubahan")

    class Meta:
        model = AnggaranSubKegiatan
        import_id_fields = ("tahun", "kode")
        fields = (
            "tahun", "kode", "uraian", "unit_kerja", "indikator", "target", "satuan", "sumber_dana",
            "pagu_murni", "pagu_perubahan",
        )  # fmt: skip
        clean_model_instances = True
        skip_unchanged = False
        use_transactions = True

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.selisih = []
        self._tertulis = []  # (row number, tahun, kode, {kolom: nilai})
        self._sub = []  # (tahun, kode, {kolom: nilai})
        self._indikator = []  # IndikatorTertulis of every row naming an indicator

    def before_import_row(self, row, row_number=None, **kwargs):
        super().before_import_row(row, row_number=row_number, **kwargs)
        self._normalkan_kode(row)
        tahun = self._tahun(row)
        kode = row["kode"]
        self._cegah_ganda((tahun, kode), row_number, f"{kode} tahun {tahun}")
        self._pastikan_nomenklatur(kode, row.get("uraian"))
        pagu = {}
        for kolom in self.KOLOM_PAGU:
            if kolom in row:
                try:
                    pagu[kolom] = baca_angka_sel(row[kolom], rupiah=True)
                except ValueError as galat:
                    # Worded as before («Kolom pagu murni: ...»; tests/anggaran/test_impor.py).
                    raise ValueError(f"Kolom {kolom.replace('_', ' ')}: {galat}") from None
        if nomenklatur.tingkat_kode(kode) == nomenklatur.SUB_KEGIATAN:
            self._sub.append((tahun, kode, pagu))
        else:
            self._tertulis.append((row_number, tahun, kode, pagu))
        self._baca_target(row, tahun, kode)

    def _baca_target(self, row, tahun, kode):
        """The target as the document writes it («2 Dokumen», «90,53 %», «7,94% %»), read by the one
        reader of written targets: a sub kegiatan's becomes its number and satuan; a program's or
        kegiatan's is kept as written for its outcome indicator (the row itself is a stated total, not
        stored). A reading made by a choice is a warning the importer acknowledges."""
        teks = row.get("target")
        sub = nomenklatur.tingkat_kode(kode) == nomenklatur.SUB_KEGIATAN
        if teks is None or isinstance(teks, str) and not teks.strip():
            return
        indikator = " ".join(str(row.get("indikator") or "").split())
        satuan = " ".join(str(row.get("satuan") or "").split())
        if not sub:
            row["target"] = None  # kept as written below; the row is a stated total, not stored
        if isinstance(teks, int | float | Decimal) and not isinstance(teks, bool):
            bacaan = BacaanTarget(str(teks), angka=baca_angka_sel(teks, persen=True), satuan=satuan)
        elif isinstance(teks, str):
            try:
                # A plain figure is read by the number rules as the column always read it.
                angka = baca_angka_sel(teks, persen=True)
                bacaan = BacaanTarget(teks.strip(), angka=angka, satuan="%" if "%" in teks else satuan)
            except ValueError:
                bacaan = baca_target(teks)  # a figure with its satuan, or a text
        else:
            return  # a date or a logical value: the target column's own reader names it
        if sub:
            if bacaan.angka is None:
                raise GalatKolom("target", f"Target sub kegiatan «{bacaan.tertulis}» bukan angka.")
            if bacaan.satuan and satuan and _satuan_baku(bacaan.satuan) != _satuan_baku(satuan):
                raise GalatKolom(
                    "satuan", f"Satuan «{satuan}» tidak sama dengan satuan pada target «{bacaan.tertulis}»."
                )
            if bacaan.satuan and not satuan:
                row["satuan"] = bacaan.satuan
            row["target"] = bacaan.angka
        bacaan = BacaanTarget(
            bacaan.tertulis, angka=bacaan.angka, satuan=bacaan.satuan or satuan, huruf=bacaan.huruf,
            pilihan=bacaan.pilihan,
        )  # fmt: skip
        if bacaan.pilihan:
            self.tambah_peringatan("target", f"Target «{bacaan.tertulis}» {bacaan.pilihan}")
        if indikator:
            self._indikator.append(IndikatorTertulis(tahun, kode, indikator, bacaan))

    def _pastikan_nomenklatur(self, kode, uraian):
        """A code the sheet names with its uraian is added under its parent; its parent must exist."""
        if Nomenklatur.objects.filter(kode=kode).exists():
            return
        uraian = "" if uraian is None else str(uraian).strip()
        induk = nomenklatur.kode_induk(kode)
        if induk and not Nomenklatur.objects.filter(kode=induk).exists():
            raise GalatKolom("kode", f"Kode «{kode}» tidak dikenal: induknya ({induk}) belum terdaftar.")
        if not uraian:
            raise GalatKolom("kode", f"Kode «{kode}» tidak dikenal dan kolom uraian kosong.")
        Nomenklatur.objects.create(kode=kode, nama=uraian)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        # Rows of urusan, program and kegiatan are stated totals: checked, never stored.
        return nomenklatur.tingkat_kode(row["kode"]) != nomenklatur.SUB_KEGIATAN

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        jumlah = {
            (tahun, kolom): per_kode(
                (kode, pagu.get(kolom) or Decimal(0)) for t, kode, pagu in self._sub if t == tahun
            )
            for tahun in {t for t, _, _ in self._sub}
            for kolom in {k for _, _, pagu in self._sub for k in pagu}
        }
        for baris, tahun, kode, pagu in self._tertulis:
            for kolom, tertulis in pagu.items():
                dijumlah = jumlah.get((tahun, kolom), {}).get(kode)
                if tertulis is not None and dijumlah is not None and tertulis != dijumlah:
                    self.selisih.append(Selisih(self.baris_lembar(baris), kode, kolom, tertulis, dijumlah))
        if not kwargs.get("dry_run"):
            self._simpan_tertulis()
            self._simpan_indikator()

    def _simpan_indikator(self):
        """A program's or kegiatan's indicator and target as written (Tabel 30), and every row's
        indicator for the higher apps (anggaran.signals.dpa_diimpor: the Renja's indicators)."""
        opd = opd_impor()
        for i in self._indikator:
            if nomenklatur.tingkat_kode(i.kode) in (nomenklatur.PROGRAM, nomenklatur.KEGIATAN):
                IndikatorProgramKegiatan.objects.update_or_create(
                    instansi=opd,
                    tahun=i.tahun,
                    nomenklatur=Nomenklatur.objects.get(kode=i.kode),
                    defaults={"indikator": i.indikator[:400], "target": i.bacaan.tertulis[:100]},
                )
        dpa_diimpor.send(sender=type(self), instansi=opd, daftar=self._indikator)

    def _simpan_tertulis(self):
        """Keep the stated totals, so that the LKjIP check can still name a source that does not add up."""
        for _, tahun, kode, pagu in self._tertulis:
            if nomenklatur.tingkat_kode(kode) < nomenklatur.PROGRAM or not any(
                v is not None for v in pagu.values()
            ):
                continue
            PaguTertulis.objects.update_or_create(
                instansi=opd_impor(),
                tahun=tahun,
                nomenklatur=Nomenklatur.objects.get(kode=kode),
                defaults={**pagu, "sumber": "impor DPA"},
            )


class RealisasiAnggaranResource(_KodeSakip, ResourceSakip):
    tahun = fields.Field("anggaran__tahun", "tahun", readonly=True)
    kode = fields.Field("anggaran__sub_kegiatan__kode", "kode", readonly=True)
    anggaran = fields.Field("anggaran", "anggaran", widget=widgets.ForeignKeyWidget(AnggaranSubKegiatan))
    unit_kerja = fields.Field("anggaran__unit_kerja__nama", "unit_kerja", readonly=True)
    bulan = fields.Field("bulan", "bulan", widget=widgets.IntegerWidget())
    keuangan = fields.Field("keuangan", "keuangan", widget=AngkaWidget(rupiah=True))
    fisik = fields.Field("fisik", "fisik", widget=AngkaWidget(persen=True))
    catatan = fields.Field("catatan", "catatan", widget=TeksWidget())

    kolom_wajib = ("tahun", "kode", "bulan", "keuangan")
    jalur_opd = "anggaran__instansi"

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._diimpor = set()

    class Meta:
        model = RealisasiAnggaran
        import_id_fields = ("anggaran", "bulan")
        fields = ("tahun", "kode", "unit_kerja", "bulan", "keuangan", "fisik", "catatan", "anggaran")
        export_order = ("tahun", "kode", "unit_kerja", "bulan", "keuangan", "fisik", "catatan")
        clean_model_instances = True
        skip_unchanged = False
        use_transactions = True

    def get_export_fields(self, selected_fields=None):
        return [f for f in super().get_export_fields(selected_fields) if f.column_name != "anggaran"]

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        # The DPA line is found from (tahun, kode) row by row; the column only carries it.
        if "anggaran" not in dataset.headers:
            dataset.append_col([None] * len(dataset), header="anggaran")

    def before_import_row(self, row, row_number=None, **kwargs):
        super().before_import_row(row, row_number=row_number, **kwargs)
        self._normalkan_kode(row)
        tahun = self._tahun(row)
        try:
            bulan = baca_angka_sel(row.get("bulan"))
        except ValueError:
            bulan = None
        if bulan is None or bulan != bulan.to_integral_value() or not 1 <= bulan <= 12:
            raise GalatKolom("bulan", f"Bulan «{row.get('bulan') or ''}» tidak sah (1 sampai 12).")
        row["bulan"] = int(bulan)
        anggaran = (
            AnggaranSubKegiatan.objects.select_related("unit_kerja")
            .filter(instansi=opd_impor(), tahun=tahun, sub_kegiatan__kode=row["kode"])
            .first()
        )
        if anggaran is None:
            raise GalatKolom("kode", f"Sub kegiatan {row['kode']} tidak ada dalam DPA tahun {tahun}.")
        unit = str(row.get("unit_kerja") or "").strip()
        if unit and unit.lower() not in {
            anggaran.unit_kerja.nama.lower(),
            anggaran.unit_kerja.singkatan.lower(),
        }:
            raise GalatKolom(
                "unit_kerja",
                f"Sub kegiatan {row['kode']} adalah tanggung jawab {anggaran.unit_kerja.nama}, bukan {unit}.",
            )
        self._cegah_ganda((anggaran.pk, row["bulan"]), row_number, f"{row['kode']} bulan {row['bulan']}")
        pengajuan = workflow.ambil_pengajuan(
            jenis=Pengajuan.Jenis.ANGGARAN, tahun=tahun, periode=row["bulan"], unit_kerja=anggaran.unit_kerja
        )
        try:
            workflow.pastikan_dapat_diubah(pengajuan)
        except ValidationError as galat:
            raise ValueError(
                f"{anggaran.unit_kerja.nama} bulan {row['bulan']}: {galat.messages[0]}"
            ) from None
        row["anggaran"] = anggaran.pk
        self._diimpor.add(anggaran.pk)

    def before_save_instance(self, instance, row, **kwargs):
        instance.versi += 1
        instance._history_user = kwargs.get("user")

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        # A sub kegiatan whose realisasi passes its pagu needs a note in the month that crossed it
        # (anggaran.rollup.bulan_lewat_pagu), from this file or stored before.
        diimpor = list(
            AnggaranSubKegiatan.objects.filter(pk__in=self._diimpor).select_related("sub_kegiatan")
        )
        lewat = lewat_pagu(diimpor)
        for anggaran in diimpor:
            bulan, catatan = lewat.get(anggaran.pk, (None, ""))
            if bulan is not None and not catatan:
                total = anggaran.realisasi.aggregate(total=Sum("keuangan"))["total"]
                raise ValueError(
                    f"Realisasi {anggaran.sub_kegiatan.kode} menjadi {format_rupiah(total)}, melampaui "
                    f"pagu {format_rupiah(anggaran.pagu)} sejak bulan {bulan} ({NAMA_BULAN[bulan - 1]}); "
                    f"isi kolom catatan baris bulan {bulan} untuk menjelaskannya."
                )
