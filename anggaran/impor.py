"""Import of DPA lines and monthly realisasi from xlsx or csv (django-import-export).

All or nothing: one bad row and nothing is saved. Rows of a DPA sheet that carry a program's or a
kegiatan's stated total (as regional finance systems export them) are accepted but not stored: the
totals are always computed, and every stated total that differs from the sum of its sub kegiatan in
the sheet is reported.
"""

import io
from dataclasses import dataclass, field
from decimal import Decimal

import tablib
from django.core.exceptions import ValidationError
from django.db.models import Sum
from import_export import fields, resources, widgets

from anggaran import kode as nomenklatur
from anggaran.models import AnggaranSubKegiatan, Nomenklatur, RealisasiAnggaran
from nakertrans import workflow
from nakertrans.format_id import baca_angka, format_angka, format_rupiah
from nakertrans.models import Pengajuan, UnitKerja

BATAS_UKURAN = 5 * 1024 * 1024


class AngkaWidget(widgets.Widget):
    """Numbers written the Indonesian way, the finance-export way, or as spreadsheet numbers."""

    def clean(self, value, row=None, **kwargs):
        return baca_angka(value)

    def render(self, value, obj=None, **kwargs):
        return value


class TeksWidget(widgets.CharWidget):
    def clean(self, value, row=None, **kwargs):
        return "" if value is None else str(value).strip()


class TahunWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        try:
            tahun = baca_angka(value)
        except ValueError:
            tahun = None
        if tahun is None or tahun != tahun.to_integral_value() or not 2000 <= tahun <= 2100:
            raise ValueError(f"Tahun «{value}» tidak sah.")
        return int(tahun)


class UnitKerjaWidget(widgets.ForeignKeyWidget):
    def __init__(self):
        super().__init__(UnitKerja, "nama")

    def clean(self, value, row=None, **kwargs):
        nama = "" if value is None else str(value).strip()
        if not nama:
            return None
        unit = (
            UnitKerja.objects.filter(nama__iexact=nama).first()
            or UnitKerja.objects.filter(singkatan__iexact=nama).first()
        )
        if unit is None:
            raise ValueError(f"Unit kerja «{nama}» tidak dikenal.")
        return unit


class NomenklaturWidget(widgets.ForeignKeyWidget):
    def __init__(self):
        super().__init__(Nomenklatur, "kode")

    def clean(self, value, row=None, **kwargs):
        try:
            return Nomenklatur.objects.kode(value)
        except Nomenklatur.DoesNotExist:
            raise ValueError(f"Kode «{value}» tidak dikenal.") from None


def _normalkan_judul(judul):
    return str(judul or "").strip().lower().replace(" ", "_")


class _ResourceSakip(resources.ModelResource):
    """Shared steps: headers checked and normalised, codes normalised, duplicate rows refused."""

    kolom_wajib: tuple = ()

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._kunci_terlihat = {}

    def before_import(self, dataset, **kwargs):
        dataset.headers = [_normalkan_judul(j) for j in dataset.headers or []]
        kurang = [k for k in self.kolom_wajib if k not in dataset.headers]
        if kurang:
            raise ValueError(
                f"Kolom {', '.join(kurang)} tidak ada. "
                f"Kolom yang diharapkan: {', '.join(self.kolom_templat())}. Unduh templat untuk contoh."
            )

    def kolom_templat(self):
        return [f.column_name for f in self.get_export_fields()]

    def _normalkan_kode(self, row):
        try:
            row["kode"] = nomenklatur.normalisasi_kode(row.get("kode"))
        except ValidationError as galat:
            raise ValueError(galat.messages[0]) from None

    def _cegah_ganda(self, kunci, row_number, label):
        if kunci in self._kunci_terlihat:
            sebelumnya = baris_lembar(self._kunci_terlihat[kunci])
            raise ValueError(f"Baris ganda: {label} sudah ada di baris {sebelumnya}.")
        self._kunci_terlihat[kunci] = row_number


def baris_lembar(nomor_data):
    """django-import-export counts data rows from 1; in the spreadsheet the headers are row 1."""
    return nomor_data + 1


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


class AnggaranSubKegiatanResource(_ResourceSakip):
    tahun = fields.Field("tahun", "tahun", widget=TahunWidget())
    kode = fields.Field("sub_kegiatan", "kode", widget=NomenklaturWidget())
    uraian = fields.Field("sub_kegiatan__nama", "uraian", readonly=True)
    unit_kerja = fields.Field("unit_kerja", "unit_kerja", widget=UnitKerjaWidget())
    indikator = fields.Field("indikator", "indikator", widget=TeksWidget())
    target = fields.Field("target", "target", widget=AngkaWidget())
    satuan = fields.Field("satuan", "satuan", widget=TeksWidget())
    sumber_dana = fields.Field("sumber_dana", "sumber_dana", widget=TeksWidget())
    pagu_murni = fields.Field("pagu_murni", "pagu_murni", widget=AngkaWidget())
    pagu_perubahan = fields.Field("pagu_perubahan", "pagu_perubahan", widget=AngkaWidget())

    kolom_wajib = ("tahun", "kode")
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

    def before_import_row(self, row, row_number=None, **kwargs):
        self._normalkan_kode(row)
        tahun = TahunWidget().clean(row.get("tahun"))
        kode = row["kode"]
        self._cegah_ganda((tahun, kode), row_number, f"{kode} tahun {tahun}")
        self._pastikan_nomenklatur(kode, row.get("uraian"))
        pagu = {}
        for kolom in self.KOLOM_PAGU:
            if kolom in row:
                try:
                    pagu[kolom] = baca_angka(row[kolom])
                except ValueError as galat:
                    raise ValueError(f"Kolom {kolom.replace('_', ' ')}: {galat}") from None
        if nomenklatur.tingkat_kode(kode) == nomenklatur.SUB_KEGIATAN:
            self._sub.append((tahun, kode, pagu))
        else:
            self._tertulis.append((row_number, tahun, kode, pagu))

    def _pastikan_nomenklatur(self, kode, uraian):
        """A code the sheet names with its uraian is added under its parent; its parent must exist."""
        if Nomenklatur.objects.filter(kode=kode).exists():
            return
        uraian = "" if uraian is None else str(uraian).strip()
        induk = nomenklatur.kode_induk(kode)
        if induk and not Nomenklatur.objects.filter(kode=induk).exists():
            raise ValueError(f"Kode «{kode}» tidak dikenal: induknya ({induk}) belum terdaftar.")
        if not uraian:
            raise ValueError(f"Kode «{kode}» tidak dikenal dan kolom uraian kosong.")
        Nomenklatur.objects.create(kode=kode, nama=uraian)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        # Rows of urusan, program and kegiatan are stated totals: checked, never stored.
        return nomenklatur.tingkat_kode(row["kode"]) != nomenklatur.SUB_KEGIATAN

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        jumlah = {}
        for tahun, kode, pagu in self._sub:
            kegiatan = nomenklatur.kode_induk(kode)
            for induk in (kegiatan, nomenklatur.kode_induk(kegiatan)):
                for kolom, nilai in pagu.items():
                    kunci = (tahun, induk, kolom)
                    jumlah[kunci] = jumlah.get(kunci, Decimal(0)) + (nilai or Decimal(0))
        for baris, tahun, kode, pagu in self._tertulis:
            for kolom, tertulis in pagu.items():
                dijumlah = jumlah.get((tahun, kode, kolom))
                if tertulis is not None and dijumlah is not None and tertulis != dijumlah:
                    self.selisih.append(Selisih(baris_lembar(baris), kode, kolom, tertulis, dijumlah))
        request = kwargs.get("request")
        if request is not None:
            from django.contrib import messages

            for s in self.selisih:
                messages.warning(request, f"Total tertulis tidak sama dengan jumlahnya. {s}")


class RealisasiAnggaranResource(_ResourceSakip):
    tahun = fields.Field("anggaran__tahun", "tahun", readonly=True)
    kode = fields.Field("anggaran__sub_kegiatan__kode", "kode", readonly=True)
    anggaran = fields.Field("anggaran", "anggaran", widget=widgets.ForeignKeyWidget(AnggaranSubKegiatan))
    unit_kerja = fields.Field("anggaran__unit_kerja__nama", "unit_kerja", readonly=True)
    bulan = fields.Field("bulan", "bulan", widget=widgets.IntegerWidget())
    keuangan = fields.Field("keuangan", "keuangan", widget=AngkaWidget())
    fisik = fields.Field("fisik", "fisik", widget=AngkaWidget())
    catatan = fields.Field("catatan", "catatan", widget=TeksWidget())

    kolom_wajib = ("tahun", "kode", "bulan", "keuangan")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._diimpor, self._dengan_catatan = set(), set()

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
        self._normalkan_kode(row)
        tahun = TahunWidget().clean(row.get("tahun"))
        bulan = baca_angka(row.get("bulan"))
        if bulan is None or bulan != bulan.to_integral_value() or not 1 <= bulan <= 12:
            raise ValueError(f"Bulan «{row.get('bulan')}» tidak sah (1 sampai 12).")
        row["bulan"] = int(bulan)
        anggaran = (
            AnggaranSubKegiatan.objects.select_related("unit_kerja")
            .filter(tahun=tahun, sub_kegiatan__kode=row["kode"])
            .first()
        )
        if anggaran is None:
            raise ValueError(f"Sub kegiatan {row['kode']} tidak ada dalam DPA tahun {tahun}.")
        unit = str(row.get("unit_kerja") or "").strip()
        if unit and unit.lower() not in {
            anggaran.unit_kerja.nama.lower(),
            anggaran.unit_kerja.singkatan.lower(),
        }:
            raise ValueError(
                f"Sub kegiatan {row['kode']} adalah tanggung jawab {anggaran.unit_kerja.nama}, bukan {unit}."
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
        if str(row.get("catatan") or "").strip():
            self._dengan_catatan.add(anggaran.pk)

    def before_save_instance(self, instance, row, **kwargs):
        instance.versi += 1
        instance._history_user = kwargs.get("user")

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        # The year's total of every imported sub kegiatan may not pass its pagu unless a note says why.
        dengan_total = AnggaranSubKegiatan.objects.filter(pk__in=self._diimpor).annotate(
            total=Sum("realisasi__keuangan")
        )
        for anggaran in dengan_total.select_related("sub_kegiatan"):
            if (anggaran.total or 0) > anggaran.pagu and anggaran.pk not in self._dengan_catatan:
                raise ValueError(
                    f"Realisasi {anggaran.sub_kegiatan.kode} menjadi {format_rupiah(anggaran.total)}, "
                    f"melampaui pagu {format_rupiah(anggaran.pagu)}; isi kolom catatan untuk menjelaskannya."
                )


JENIS_IMPOR = {
    "dpa": ("DPA (anggaran sub kegiatan)", AnggaranSubKegiatanResource),
    "realisasi": ("Realisasi anggaran bulanan", RealisasiAnggaranResource),
}


def baca_berkas(isi, nama_berkas):
    """The uploaded bytes as a tablib Dataset, or ValidationError in Indonesian."""
    if not isi:
        raise ValidationError("Berkas kosong.")
    if len(isi) > BATAS_UKURAN:
        raise ValidationError("Berkas terlalu besar (paling besar 5 MB).")
    nama = (nama_berkas or "").lower()
    try:
        if nama.endswith(".xlsx"):
            data = tablib.Dataset().load(io.BytesIO(isi), format="xlsx")
        elif nama.endswith(".csv"):
            try:
                teks = isi.decode("utf-8-sig")
            except UnicodeDecodeError:
                teks = isi.decode("cp1252")
            data = tablib.Dataset().load(teks, format="csv")
        else:
            raise ValidationError("Jenis berkas harus .xlsx atau .csv.")
    except ValidationError:
        raise
    except Exception:
        raise ValidationError("Berkas tidak dapat dibaca; pastikan berkas xlsx atau csv yang utuh.") from None
    if not data.headers or len(data) == 0:
        raise ValidationError("Berkas tidak berisi baris data.")
    # Spreadsheets often carry empty rows at the end.
    kosong = [i for i, baris in enumerate(data) if all(sel in (None, "") for sel in baris)]
    for i in reversed(kosong):
        del data[i]
    return data


LABEL_JENIS_BARIS = {
    "new": "baris baru",
    "update": "baris diperbarui",
    "skip": "baris total tertulis (diperiksa, tidak disimpan)",
    "delete": "baris dihapus",
    "error": "baris galat",
    "invalid": "baris tidak sah",
}


@dataclass
class HasilImpor:
    dicoba: bool
    galat_umum: list = field(default_factory=list)
    galat_baris: list = field(default_factory=list)  # (row number, message)
    selisih: list = field(default_factory=list)
    jumlah: dict = field(default_factory=dict)

    @property
    def ada_galat(self):
        return bool(self.galat_umum or self.galat_baris)

    @property
    def ringkasan(self):
        """'36 baris diperbarui, 22 baris total tertulis (...)'."""
        return ", ".join(
            f"{jumlah} {LABEL_JENIS_BARIS.get(jenis, jenis)}" for jenis, jumlah in self.jumlah.items()
        )


def _pesan_validasi(galat):
    if hasattr(galat, "message_dict"):
        return "; ".join(
            f"{'' if kolom == '__all__' else kolom.replace('_', ' ') + ': '}{' '.join(pesan)}"
            for kolom, pesan in galat.message_dict.items()
        )
    return " ".join(galat.messages)


def impor(jenis, data, *, user, dry_run):
    """Import a dataset of ``jenis`` ('dpa' or 'realisasi'); rolled back entirely on any error."""
    resource = JENIS_IMPOR[jenis][1]()
    hasil_asli = resource.import_data(
        data, dry_run=dry_run, use_transactions=True, rollback_on_validation_errors=True, user=user
    )
    hasil = HasilImpor(dicoba=dry_run)
    hasil.galat_umum = [str(e.error) for e in hasil_asli.base_errors]
    for nomor, galat in hasil_asli.row_errors():
        hasil.galat_baris.extend((baris_lembar(nomor), str(e.error)) for e in galat)
    for baris in hasil_asli.invalid_rows:
        hasil.galat_baris.append((baris_lembar(baris.number), _pesan_validasi(baris.error)))
    hasil.galat_baris.sort()
    hasil.selisih = getattr(resource, "selisih", [])
    hasil.jumlah = {k: v for k, v in hasil_asli.totals.items() if v}
    return hasil


def templat(jenis):
    """An empty sheet with the expected columns, as xlsx bytes."""
    resource = JENIS_IMPOR[jenis][1]()
    data = tablib.Dataset(headers=resource.kolom_templat())
    return data.export("xlsx")
