"""Import from xlsx or csv through django-import-export, shared by every app and every path.

Each app declares its kinds of import in its AppConfig (``jenis_impor``: code -> (label, dotted path
of the Resource, permission, optional template columns)). The page, the admin's import button and
``manage.py impor`` all go through ``periksa`` (a dry run: row errors, warnings, what each number was
read as) and ``impor_berkas`` (the real import, all or nothing, exactly once per preview).
"""

import contextvars
import datetime
import hashlib
import logging
import re
from dataclasses import dataclass, field

import tablib
from django.apps import apps
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import task
from import_export import resources, widgets
from import_export.admin import ImportExportModelAdmin
from import_export.formats.base_formats import CSV, XLSX
from import_export.results import RowResult

from nakertrans.access import opd_pengguna
from nakertrans.berkas_tabel import (
    BATAS_BARIS,
    BATAS_UKURAN,
    DataTabel,
    baca_berkas,
    kosong,
    kunci_nama,
    masalah_judul,
)
from nakertrans.format_id import NAMA_BULAN, baca_angka, format_angka, format_tanggal
from nakertrans.latar import ANTRE, BERJALAN, antrekan, keadaan_tugas, tutup_tugas_mati
from nakertrans.lembar import EksporAman, teks_asli
from nakertrans.models import UnitKerja
from nakertrans.models_impor import BerkasImpor

log = logging.getLogger(__name__)

__all__ = ["BATAS_BARIS", "BATAS_UKURAN", "baca_berkas", "kunci_nama"]

KARAKTER_KENDALI = {chr(c) for c in range(32)} - {"\t", "\n", "\r"}
PESAN_KENDALI = "berisi karakter kendali (misalnya NUL) yang tidak dapat disimpan; hapus karakter itu."


# The perangkat daerah an import runs for (the importing user's, see opd_pengguna): every row is read
# and written within it, whatever widget or resource reads it.
_OPD_IMPOR = contextvars.ContextVar("opd_impor", default=None)


def opd_impor():
    """The office of the import being run; refused outside one (no row may go to no office)."""
    opd = _OPD_IMPOR.get()
    if opd is None:
        raise ValueError("Pilih perangkat daerah lebih dulu: impor selalu untuk satu perangkat daerah.")
    return opd


class GalatKolom(ValueError):
    """A row error that belongs to one column: the message names it."""

    def __init__(self, kolom, pesan):
        super().__init__(pesan)
        self.kolom = kolom


class BukanAngka(ValueError):
    """A spreadsheet cell of another type (a date, TRUE/FALSE) where a number goes."""


def baca_angka_sel(nilai, **kwargs):
    """``baca_angka`` for a cell: a spreadsheet date or logical value where a number goes is named as
    what it is, in the words the Indonesian spreadsheet shows."""
    if isinstance(nilai, bool):
        raise BukanAngka(f"«{'BENAR' if nilai else 'SALAH'}» adalah nilai logika, bukan angka.")
    if isinstance(nilai, datetime.date | datetime.time):
        teks = format_tanggal(nilai) if isinstance(nilai, datetime.date) else f"{nilai:%H.%M}"
        raise BukanAngka(f"«{teks}» adalah tanggal atau jam, bukan angka; format selnya sebagai angka.")
    return baca_angka(nilai, **kwargs)


class AngkaWidget(widgets.Widget):
    """Numbers written the Indonesian way, the finance-export way, or as spreadsheet numbers;
    «%» only in a column of percentages and «Rp» only in a column of money."""

    def __init__(self, *, persen=False, rupiah=False):
        self.persen, self.rupiah = persen, rupiah

    def clean(self, value, row=None, **kwargs):
        return baca_angka_sel(value, persen=self.persen, rupiah=self.rupiah)

    def render(self, value, obj=None, **kwargs):
        return value


class BulatWidget(widgets.Widget):
    """A whole number (``2``, ``2,0`` and the spreadsheet's 2.0 alike); anything else in Indonesian."""

    def clean(self, value, row=None, **kwargs):
        try:
            angka = baca_angka_sel(value)
        except BukanAngka:
            raise
        except ValueError:
            angka = False
        if angka is None:
            return None
        if angka is False or angka != angka.to_integral_value():
            raise ValueError(f"«{value}» bukan bilangan bulat.")
        return int(angka)

    def render(self, value, obj=None, **kwargs):
        return value


class TeksWidget(widgets.CharWidget):
    """Text with its surrounding spaces removed; control characters (NUL and the like) refused; the
    apostrophe the product's exports put before «=1+1» taken off again, so that a sheet exported and
    imported back keeps its names."""

    def clean(self, value, row=None, **kwargs):
        teks = "" if value is None else teks_asli(str(value).replace("\u00a0", " ").strip())
        if KARAKTER_KENDALI & set(teks):
            raise ValueError(PESAN_KENDALI)
        return teks


class TahunWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        try:
            tahun = baca_angka_sel(value)
        except ValueError:
            tahun = None
        if tahun is None or tahun != tahun.to_integral_value() or not 2000 <= tahun <= 2100:
            raise ValueError(f"Tahun «{value if value is not None else ''}» tidak sah (2000 sampai 2100).")
        return int(tahun)


class TanggalWidget(widgets.Widget):
    """A date as a spreadsheet date, 2024-01-02, 02/01/2024 or 02-01-2024 (day first), or 2 Januari 2024."""

    def clean(self, value, row=None, **kwargs):
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        teks = " ".join(str(value).split())
        for pola in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
            try:
                return datetime.datetime.strptime(teks, pola).date()
            except ValueError:
                pass
        bagian = teks.split(" ")
        if len(bagian) == 3 and bagian[1].capitalize() in NAMA_BULAN:
            try:
                return datetime.date(
                    int(bagian[2]), NAMA_BULAN.index(bagian[1].capitalize()) + 1, int(bagian[0])
                )
            except ValueError:
                pass
        raise ValueError(f"«{value}» bukan tanggal; tulis misalnya 2 Januari 2024 atau 02/01/2024.")


def cari_satu(objek, teks, *, label, nama=str):
    """The one object among ``objek`` whose ``nama(obj)`` is ``teks`` ignoring case and spaces.

    Two matches are refused with both names, never settled by whichever sorts first."""
    kunci = kunci_nama(teks)
    cocok = [o for o in objek if kunci in {kunci_nama(n) for n in nama(o)}]
    if len(cocok) > 1:
        daftar = " dan ".join(f"«{o}»" for o in cocok[:3])
        raise ValueError(f"{label} «{teks}» cocok dengan lebih dari satu: {daftar}; tulis nama lengkapnya.")
    return cocok[0] if cocok else None


class UnitKerjaWidget(widgets.ForeignKeyWidget):
    def __init__(self):
        super().__init__(UnitKerja, "nama")

    def clean(self, value, row=None, **kwargs):
        nama = "" if value is None else str(value).strip()
        if not nama:
            return None
        unit_opd = UnitKerja.objects.filter(instansi=opd_impor())
        unit = cari_satu(
            unit_opd.only("nama", "singkatan"), nama, label="Unit kerja", nama=lambda u: (u.nama,)
        ) or cari_satu(
            unit_opd.exclude(singkatan="").only("nama", "singkatan"),
            nama,
            label="Unit kerja",
            nama=lambda u: (u.singkatan,),
        )
        if unit is None:
            raise ValueError(f"Unit kerja «{nama}» tidak dikenal.")
        return unit


class ResourceSakip(EksporAman, resources.ModelResource):
    """Shared steps: headers checked by name, blanks take their defaults, duplicate rows refused, every
    number's reading recorded for the preview, row numbers as the spreadsheet shows them; exports
    write formula-like text as text (EksporAman)."""

    kolom_wajib: tuple = ()
    # Columns read but not fields of the model (e.g. a key that finds the row).
    kolom_tambahan: tuple = ()
    # The path from the model to its office: rows are found within the office of the import only.
    jalur_opd: str | None = None

    def get_queryset(self):
        qs = super().get_queryset()
        if self.jalur_opd and _OPD_IMPOR.get() is not None:
            qs = qs.filter(**{self.jalur_opd: _OPD_IMPOR.get()})
        return qs

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._kunci_terlihat = {}
        self._data = None
        self.bacaan = []  # every number: (row, column, as written, as read)
        self.peringatan = []  # (row, column, message): shown on the preview, acknowledged to import
        self._baris_kini = None

    # -- the sheet as a whole ------------------------------------------------------------------
    def kolom_templat(self):
        return [f.column_name for f in self.get_export_fields()]

    def kolom_dikenal(self):
        return {f.column_name for f in self.fields.values()} | set(self.kolom_tambahan)

    def before_import(self, dataset, **kwargs):
        self._data = dataset
        pesan = masalah_judul(
            list(dataset.headers or []), wajib=self.kolom_wajib, dikenal=self.kolom_dikenal()
        )
        if pesan:
            raise ValueError(
                " ".join(pesan) + f" Kolom yang diharapkan: {', '.join(self.kolom_templat())}. "
                "Unduh templat untuk contoh."
            )

    def after_import(self, dataset, result, **kwargs):
        # Not ModelResource.after_import: it resets the table's id sequence to the largest id it can
        # see, which under a concurrent import (rows of the other transaction not yet visible) sets it
        # back and makes the next insert collide with the primary key. No import writes explicit ids.
        resources.Resource.after_import(self, dataset, result, **kwargs)

    def baris_lembar(self, nomor_data):
        if isinstance(self._data, DataTabel):
            return self._data.baris_lembar(nomor_data)
        return nomor_data + 1

    # -- one row -------------------------------------------------------------------------------
    def before_import_row(self, row, **kwargs):
        """Checks of every cell, before a subclass reads any (subclasses call this first)."""
        for kolom, nilai in row.items():
            if isinstance(nilai, str) and KARAKTER_KENDALI & set(nilai):
                raise GalatKolom(kolom, PESAN_KENDALI)

    def import_row(self, row, instance_loader, **kwargs):
        self._baris_kini = kwargs.get("row_number")
        self._catat_bacaan(row)
        return super().import_row(row, instance_loader, **kwargs)

    def _catat_bacaan(self, row):
        """What each number of the row was read as, where that differs from how it was written."""
        for f in self.get_import_fields():
            if not isinstance(f.widget, AngkaWidget) or f.column_name not in row:
                continue
            mentah = row[f.column_name]
            try:
                angka = f.widget.clean(mentah)
            except ValueError:
                continue
            self.catat_bacaan(f.column_name, mentah, angka)

    def catat_bacaan(self, kolom, mentah, angka):
        """Record how a number of the current row was read (shown where it differs from the cell)."""
        if angka is None:
            return
        desimal = max(0, -angka.normalize().as_tuple().exponent)
        terbaca = format_angka(angka, desimal)
        self.bacaan.append((self.baris_lembar(self._baris_kini), kolom, str(mentah).strip(), terbaca))

    def tambah_peringatan(self, kolom, pesan):
        self.peringatan.append((self.baris_lembar(self._baris_kini), kolom, pesan))

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        """A blank optional cell: the model's default on a new row, the value kept on an existing one."""
        if (
            field.column_name in row
            and kosong(row[field.column_name])
            and field.column_name not in self.kolom_wajib
        ):
            model_field = self._model_field(field)
            if model_field is not None and model_field.has_default():
                if instance.pk is None or instance._state.adding:
                    setattr(instance, model_field.attname, model_field.get_default())
                return
        return super().import_field(field, instance, row, is_m2m, **kwargs)

    def _model_field(self, field):
        if not field.attribute or "__" in field.attribute:
            return None
        try:
            return self._meta.model._meta.get_field(field.attribute)
        except Exception:
            return None

    def _cegah_ganda(self, kunci, row_number, label):
        if kunci in self._kunci_terlihat:
            sebelumnya = self.baris_lembar(self._kunci_terlihat[kunci])
            raise ValueError(f"Baris ganda: {label} sudah ada di baris {sebelumnya}.")
        self._kunci_terlihat[kunci] = row_number


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
    peringatan: list = field(default_factory=list)  # (row number, column, message)
    bacaan: list = field(default_factory=list)  # every number: (row, column, as written, as read)
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

    @property
    def bacaan_berbeda(self):
        """The numbers whose reading differs from how they were written: what the preview shows."""
        return [b for b in self.bacaan if b[2] != b[3]]

    def semua_pesan(self):
        """Every error as one line each, as the page and the command print them."""
        return [*self.galat_umum, *(f"Baris {n}: {p}" for n, p in self.galat_baris)]


# Django's own Indonesian for these says «Field ini tidak boleh null/kosong».
PESAN_KODE = {"null": "wajib diisi.", "blank": "wajib diisi."}
BATAS_KUTIPAN = 80


def ringkas(pesan):
    """A message with every quoted value longer than BATAS_KUTIPAN cut short, its length named."""
    return re.sub(
        rf"«([^»]{{{BATAS_KUTIPAN + 1},}})»",
        lambda m: f"«{m[1][:60]}…» ({format_angka(len(m[1]))} karakter)",
        str(pesan),
    )


def _teks_galat(galat):
    """The messages of a ValidationError, with Django's wording replaced where it is not ours."""
    return [PESAN_KODE.get(g.code, None) or next(iter(g.messages), "") for g in galat.error_list]


def _pesan_validasi(galat, kolom_dari):
    if hasattr(galat, "error_dict"):
        return "; ".join(
            f"{'' if kolom == '__all__' else 'kolom ' + kolom_dari.get(kolom, kolom) + ': '}"
            f"{' '.join(_teks_galat(ValidationError(daftar)))}"
            for kolom, daftar in galat.error_dict.items()
        )
    return " ".join(_teks_galat(galat))


def _pesan_galat(galat):
    if isinstance(galat, GalatKolom):
        return f"kolom {galat.kolom}: {galat}"
    if isinstance(galat, ValidationError):
        return " ".join(_teks_galat(galat))
    if isinstance(galat, ValueError | KeyError):
        return str(galat.args[0] if galat.args else galat)
    if isinstance(galat, IntegrityError):
        return "Data ini bentrok dengan data yang baru saja disimpan orang lain; periksa ulang berkasnya."
    # Anything else is a defect of ours, not of the file: say so without Python's words.
    return "Baris ini tidak dapat diproses karena kesalahan aplikasi; laporkan ke admin."


class _Bentrok(Exception):
    """Another transaction created the same rows first; the import is tried once more, as updates."""


def _bentrok(hasil_asli):
    """Whether a row collided with a row another transaction created meanwhile (an insert refused by a
    unique index, or a uniqueness check that now sees the other's committed row)."""
    if any(isinstance(e.error, IntegrityError) for _, galat in hasil_asli.row_errors() for e in galat):
        return True
    for baris in hasil_asli.invalid_rows:
        galat = baris.error
        daftar = [g for gs in galat.error_dict.values() for g in gs] if hasattr(galat, "error_dict") else []
        if any(getattr(g, "code", None) in {"unique", "unique_together"} for g in daftar):
            return True
    return False


def _jalankan(jenis, data, *, user, dry_run, boleh_ulang, opd=None):
    resource = ambil_jenis(jenis).resource()
    opd = _OPD_IMPOR.set(opd or (opd_pengguna(user) if user is not None else None))
    try:
        hasil_asli = resource.import_data(
            data, dry_run=dry_run, use_transactions=True, rollback_on_validation_errors=True, user=user
        )
    finally:
        _OPD_IMPOR.reset(opd)
    if boleh_ulang and _bentrok(hasil_asli):
        raise _Bentrok
    kolom_dari = {f.attribute: f.column_name for f in resource.get_import_fields() if f.attribute}
    hasil = HasilImpor(dicoba=dry_run)
    hasil.galat_umum = [ringkas(_pesan_galat(e.error)) for e in hasil_asli.base_errors]
    for nomor, galat in hasil_asli.row_errors():
        hasil.galat_baris.extend(
            (resource.baris_lembar(nomor), ringkas(_pesan_galat(e.error))) for e in galat
        )
    for baris in hasil_asli.invalid_rows:
        hasil.galat_baris.append(
            (resource.baris_lembar(baris.number), ringkas(_pesan_validasi(baris.error, kolom_dari)))
        )
    hasil.galat_baris.sort()
    hasil.peringatan = sorted(resource.peringatan)
    hasil.bacaan = resource.bacaan
    hasil.selisih = getattr(resource, "selisih", [])
    hasil.jumlah = {k: v for k, v in hasil_asli.totals.items() if v and k != RowResult.IMPORT_TYPE_ERROR}
    return hasil


def impor(jenis, data, *, user, dry_run, opd=None):
    """Import a dataset of a registered kind into the office ``opd`` (default: the user's); rolled back
    entirely on any error."""
    try:
        with transaction.atomic():
            return _jalankan(jenis, data, user=user, dry_run=dry_run, boleh_ulang=True, opd=opd)
    except _Bentrok:
        # Once more, now that the other import's rows are visible: they become updates. A collision
        # that remains is a real one and is reported row by row.
        with transaction.atomic():
            return _jalankan(jenis, data, user=user, dry_run=dry_run, boleh_ulang=False, opd=opd)


UMUR_PRATINJAU = datetime.timedelta(hours=2)


def catat_pratinjau(jenis, isi, nama_berkas, *, user, hasil):
    """The record of a preview without errors, which the confirmation names (and consumes once)."""
    # Previews that were never confirmed are dropped after a day; imported ones stay as the record.
    BerkasImpor.objects.filter(
        diimpor_pada__isnull=True, diperiksa_pada__lt=timezone.now() - datetime.timedelta(days=1)
    ).delete()
    return BerkasImpor.objects.create(
        jenis=jenis,
        nama_berkas=(nama_berkas or "berkas")[-255:],
        isi=isi,
        sha256=hashlib.sha256(isi).hexdigest(),
        ukuran=len(isi),
        diperiksa_oleh=user,
        ada_peringatan=bool(hasil.peringatan),
    )


def pratinjau_sah(token, *, jenis, user, peringatan_diterima):
    """The preview a confirmation names, or ValidationError when it is unknown, another user's, older
    than UMUR_PRATINJAU (the data it was checked against may have changed), or has warnings not
    acknowledged."""
    try:
        rekaman = BerkasImpor.objects.get(pk=token, jenis=jenis, diperiksa_oleh=user)
    except (BerkasImpor.DoesNotExist, ValidationError, ValueError):
        raise ValidationError(
            "Pratinjau tidak dikenal atau sudah kedaluwarsa; unggah ulang berkasnya."
        ) from None
    if rekaman.diimpor_pada is None and rekaman.diperiksa_pada < timezone.now() - UMUR_PRATINJAU:
        raise ValidationError(
            "Pratinjau ini dibuat lebih dari 2 jam yang lalu; unggah ulang berkasnya agar diperiksa "
            "terhadap data terkini."
        )
    if rekaman.ada_peringatan and not peringatan_diterima:
        raise ValidationError(
            "Berkas ini berisi peringatan; centang bahwa Anda sudah memeriksanya, lalu impor."
        )
    return rekaman


def impor_sekali(token, *, jenis, user, peringatan_diterima, jalankan):
    """Confirm a preview (pratinjau_sah): ``jalankan(data)`` (the real import, returning HasilImpor)
    runs exactly once, or ValidationError when the preview is refused or already imported. The claim
    and the import commit together: a second confirmation waits for the first and then finds the
    preview consumed; a failed import leaves it unconsumed."""
    rekaman = pratinjau_sah(token, jenis=jenis, user=user, peringatan_diterima=peringatan_diterima)
    data = baca_berkas(bytes(rekaman.isi), rekaman.nama_berkas)
    with transaction.atomic():
        diklaim = BerkasImpor.objects.filter(pk=rekaman.pk, diimpor_pada__isnull=True).update(
            diimpor_pada=timezone.now()
        )
        if not diklaim:
            raise ValidationError(
                f"Berkas {rekaman.nama_berkas} dari pratinjau ini sudah diimpor; tidak diimpor lagi."
            )
        hasil = jalankan(data)
        if hasil.peringatan and not peringatan_diterima:
            # Warnings that appear only now (the data changed since the preview) are never passed over.
            hasil.galat_umum.append(
                "Ada peringatan baru sejak pratinjau; unggah ulang berkasnya untuk memeriksanya."
            )
        if hasil.ada_galat:
            transaction.set_rollback(True)
        else:
            BerkasImpor.objects.filter(pk=rekaman.pk).update(ringkasan=hasil.ringkasan)
    return hasil, rekaman


def periksa(jenis, isi, nama_berkas, *, user):
    """Step 1 (page, admin and command): read and dry-run a file. Returns (HasilImpor, BerkasImpor or
    None); the record is made only for a file without errors."""
    data = baca_berkas(isi, nama_berkas)
    hasil = impor(jenis, data, user=user, dry_run=True)
    if hasil.ada_galat:
        return hasil, None
    return hasil, catat_pratinjau(jenis, isi, nama_berkas, user=user, hasil=hasil)


def impor_berkas(token, *, jenis, user, peringatan_diterima=False):
    """Step 2: the previewed file imported for real, exactly once (see impor_sekali)."""
    return impor_sekali(
        token,
        jenis=jenis,
        user=user,
        peringatan_diterima=peringatan_diterima,
        jalankan=lambda data: impor(jenis, data, user=user, dry_run=False),
    )


def perlu_latar(token, *, jenis, user):
    """Whether a confirmation is of a large file (more than SAKIP_IMPOR_LATAR_BARIS data rows), whose
    import runs as a task of the queue; False for an unknown preview (the import refuses it)."""
    rekaman = BerkasImpor.objects.filter(pk=token, jenis=jenis, diperiksa_oleh=user).first()
    if rekaman is None:
        return False
    return len(baca_berkas(bytes(rekaman.isi), rekaman.nama_berkas)) > settings.SAKIP_IMPOR_LATAR_BARIS


def impor_di_latar(token, *, jenis, user, peringatan_diterima=False):
    """Queue the import of a large previewed file (impor_latar), after the checks of a confirmation,
    so that a refused one is refused on the page. A file already queued or imported is not queued
    again; the task itself imports it exactly once (impor_berkas)."""
    rekaman = pratinjau_sah(token, jenis=jenis, user=user, peringatan_diterima=peringatan_diterima)
    rekaman = tutup_impor_mati(rekaman)  # a queued import whose worker died may be confirmed again
    Status = BerkasImpor.Status
    with transaction.atomic():
        diklaim = BerkasImpor.objects.filter(
            pk=rekaman.pk, diimpor_pada__isnull=True, status__in=["", Status.GAGAL]
        ).update(status=Status.ANTRE, pesan=[])
        if not diklaim:
            raise ValidationError(
                f"Berkas {rekaman.nama_berkas} dari pratinjau ini sudah diantrekan atau diimpor; "
                "tidak diimpor lagi."
            )
        id_tugas = antrekan(impor_latar, str(rekaman.pk), jenis, user.pk, bool(peringatan_diterima))
        BerkasImpor.objects.filter(pk=rekaman.pk).update(id_tugas=id_tugas)
    return rekaman


PESAN_IMPOR_TERHENTI = (
    "Impor terhenti: pekerja latar berhenti sebelum selesai. Tidak ada data yang disimpan; "
    "konfirmasi atau unggah ulang berkasnya untuk mengimpor."
)


def tutup_impor_mati(rekaman):
    """A large import shown as queued or running whose task died with its worker (nakertrans.latar's
    heartbeat) is closed, its task row too: as failed when its transaction died with the worker, so that
    nothing of it was saved and it may be confirmed again; as done when it had committed just before.
    Returns the record as it now stands."""
    Status = BerkasImpor.Status
    if rekaman.status not in (Status.ANTRE, Status.BERJALAN) or not rekaman.id_tugas:
        return rekaman
    if keadaan_tugas([rekaman.id_tugas]).get(rekaman.id_tugas, ANTRE) in (ANTRE, BERJALAN):
        return rekaman
    tutup_tugas_mati(rekaman.id_tugas, PESAN_IMPOR_TERHENTI)
    selesai = BerkasImpor.objects.filter(pk=rekaman.pk).values_list("diimpor_pada", "ringkasan").get()
    if selesai[0] is None:
        status, pesan = Status.GAGAL, [PESAN_IMPOR_TERHENTI]
    else:
        status, pesan = Status.SELESAI, [f"Impor {rekaman.nama_berkas} selesai: {selesai[1]}."]
    BerkasImpor.objects.filter(pk=rekaman.pk, status=rekaman.status).update(status=status, pesan=pesan)
    rekaman.refresh_from_db(fields=["status", "pesan", "diimpor_pada", "ringkasan"])
    return rekaman


def _akhiri_latar(token, status, pesan):
    BerkasImpor.objects.filter(pk=token).update(status=status, pesan=pesan)


@task()
def impor_latar(token, jenis, id_pengguna, peringatan_diterima):
    """The import of a large previewed file as a task: its outcome in the file's record for the
    status page (the summary and the stated totals that differ, or why nothing was imported)."""
    from nakertrans.models import Pengguna

    Status = BerkasImpor.Status
    BerkasImpor.objects.filter(pk=token).update(status=Status.BERJALAN)
    try:
        hasil, rekaman = impor_berkas(
            token,
            jenis=jenis,
            user=Pengguna.objects.get(pk=id_pengguna),
            peringatan_diterima=peringatan_diterima,
        )
    except ValidationError as galat:
        _akhiri_latar(token, Status.GAGAL, list(galat.messages))
        return
    except Exception:
        log.exception("Impor latar %s gagal", token)
        _akhiri_latar(
            token,
            Status.GAGAL,
            ["Terjadi kesalahan saat mengimpor dan sudah dicatat; tidak ada data yang disimpan. Coba lagi."],
        )
        return
    if hasil.ada_galat:
        _akhiri_latar(
            token,
            Status.GAGAL,
            [
                "Berkas tidak diimpor: data berubah sejak pratinjau. Tidak ada data yang disimpan.",
                *hasil.semua_pesan(),
            ],
        )
        return
    _akhiri_latar(
        token,
        Status.SELESAI,
        [
            f"Impor {rekaman.nama_berkas} selesai: {hasil.ringkasan}.",
            *(f"Total tertulis tidak sama dengan jumlahnya. {s}" for s in hasil.selisih),
        ],
    )


def templat(jenis):
    """An empty sheet with the expected columns, as xlsx bytes."""
    data = tablib.Dataset(headers=ambil_jenis(jenis).kolom())
    return data.export("xlsx")


def jenis_untuk_resource(resource_classes):
    """The import kind (code) whose Resource is one of these classes, for the admin's import button."""
    jalur = {f"{r.__module__}.{r.__qualname__}" for r in resource_classes}
    return next((kode for kode, j in jenis_impor().items() if j.jalur_resource in jalur), None)


class ImporSemuaAtauTidakSama(ImportExportModelAdmin):
    """The admin's import button opens the import page for the same kind, so that one path (one reader,
    one preview, the same messages, exactly once) serves every import; export stays as xlsx/csv."""

    import_formats = [XLSX, CSV]
    export_formats = [XLSX, CSV]

    def import_action(self, request, *args, **kwargs):
        if not self.has_import_permission(request):
            raise PermissionDenied
        kode = jenis_untuk_resource(self.get_import_resource_classes(request))
        url = reverse("impor")
        return redirect(f"{url}?jenis={kode}" if kode else url)

    def process_import(self, request, *args, **kwargs):
        # django-import-export's second step imports a file already on disk at once, skipping the
        # preview and saving the valid rows of a bad file: it leads to the same page instead.
        return self.import_action(request)
