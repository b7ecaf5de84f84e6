"""Import from xlsx or csv through django-import-export, shared by every app.

Each app declares its kinds of import in its AppConfig (``jenis_impor``: code -> (label, dotted path
of the Resource, permission, optional template columns)). One page serves them all: template
download, a dry-run preview with every row error in Indonesian, then the real import, all or
nothing.
"""

import io
from dataclasses import dataclass, field

import tablib
from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils.module_loading import import_string
from import_export import resources, widgets
from import_export.admin import ImportExportModelAdmin
from import_export.formats.base_formats import CSV, XLSX

from nakertrans.format_id import baca_angka
from nakertrans.models import UnitKerja

BATAS_UKURAN = 5 * 1024 * 1024


class AngkaWidget(widgets.Widget):
    """Numbers written the Indonesian way, the finance-export way, or as spreadsheet numbers;
    «%» only in a column of percentages and «Rp» only in a column of money."""

    def __init__(self, *, persen=False, rupiah=False):
        self.persen, self.rupiah = persen, rupiah

    def clean(self, value, row=None, **kwargs):
        return baca_angka(value, persen=self.persen, rupiah=self.rupiah)

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


def _normalkan_judul(judul):
    return str(judul or "").strip().lower().replace(" ", "_")


class ResourceSakip(resources.ModelResource):
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

    def _cegah_ganda(self, kunci, row_number, label):
        if kunci in self._kunci_terlihat:
            sebelumnya = baris_lembar(self._kunci_terlihat[kunci])
            raise ValueError(f"Baris ganda: {label} sudah ada di baris {sebelumnya}.")
        self._kunci_terlihat[kunci] = row_number


def baris_lembar(nomor_data):
    """django-import-export counts data rows from 1; in the spreadsheet the headers are row 1."""
    return nomor_data + 1


@dataclass(frozen=True)
class JenisImpor:
    kode: str
    label: str
    jalur_resource: str
    izin: str
    kolom_templat: tuple = ()

    @property
    def resource(self):
        return import_string(self.jalur_resource)

    def kolom(self):
        return list(self.kolom_templat) or self.resource().kolom_templat()


def jenis_impor():
    """Every kind of import the installed apps declare, in app order."""
    hasil = {}
    for config in apps.get_app_configs():
        for kode, (label, jalur, izin, *kolom) in getattr(config, "jenis_impor", {}).items():
            hasil[kode] = JenisImpor(kode, label, jalur, izin, tuple(kolom[0]) if kolom else ())
    return hasil


def ambil_jenis(kode):
    try:
        return jenis_impor()[kode]
    except KeyError:
        raise ValidationError("Jenis impor tidak dikenal.") from None


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
    "skip": "baris total tertulis (diperiksa; dicatat hanya untuk pemeriksaan LKjIP)",
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
    """Import a dataset of a registered kind; rolled back entirely on any error."""
    resource = ambil_jenis(jenis).resource()
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
    data = tablib.Dataset(headers=ambil_jenis(jenis).kolom())
    return data.export("xlsx")


class ImporSemuaAtauTidakSama(ImportExportModelAdmin):
    """Admin import with the same rules as the app's import page: xlsx/csv, all or nothing."""

    import_formats = [XLSX, CSV]
    export_formats = [XLSX, CSV]

    def get_import_data_kwargs(self, **kwargs):
        # The request lets the resource show the stated-total mismatches as warnings.
        kwargs = super().get_import_data_kwargs(**kwargs)
        kwargs["rollback_on_validation_errors"] = True
        return kwargs
