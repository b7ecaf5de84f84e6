"""Admin pages print years, ids and number codes as 2024, never as 2.024.

With USE_THOUSAND_SEPARATOR the admin groups every integer it displays: the changelist's columns,
read-only fields and the view-only page of a row the user may not change. That is right for money and
wrong for a year, an id, a version or an order number, which are all this project's integer fields
store. ``TanpaPemisahRibuan`` shows every integer field of the model as plain digits; a field that is
a quantity (a file size) is named in ``angka_besaran`` and keeps its grouping. Fields with choices
already print their label and are left alone. Editable inputs never group (NumberInput is not
localized), so only what the admin prints as text is changed.
"""

from django.contrib import admin
from django.contrib.admin.options import InlineModelAdmin
from django.contrib.admin.utils import NotRelationField, get_fields_from_path
from django.core.exceptions import FieldDoesNotExist
from django.db import models


def _bidang_bilangan_bulat(model, nama):
    """The integer model field that a list_display / fields entry names (lookups allowed), or None."""
    if not isinstance(nama, str):
        return None
    try:
        bidang = model._meta.pk if nama == "pk" else get_fields_from_path(model, nama)[-1]
    except (FieldDoesNotExist, NotRelationField):
        return None
    if isinstance(bidang, models.IntegerField) and not bidang.choices:
        return bidang
    return None


def _tampilan(nama, bidang):
    """An admin display callable printing the field's value as plain digits."""

    def tampil(obj):
        for bagian in nama.split("__")[:-1]:
            obj = getattr(obj, bagian, None)
            if obj is None:
                return None
        nilai = getattr(obj, bidang.attname)
        return None if nilai is None else str(nilai)

    # The name gives the column and the read-only field their usual CSS class and help text.
    tampil.__name__ = nama
    return admin.display(description=bidang.verbose_name, ordering=nama)(tampil)


class TanpaPemisahRibuan:
    """ModelAdmin / inline mixin: integer fields print without a thousands separator (see module)."""

    angka_besaran = ()

    def _kode(self, nama):
        """The display callable standing for an integer code field, one per name, or None."""
        cache = self.__dict__.setdefault("_tampilan_kode", {})
        if nama not in cache:
            bidang = None if nama in self.angka_besaran else _bidang_bilangan_bulat(self.model, nama)
            cache[nama] = _tampilan(nama, bidang) if bidang is not None else None
        return cache[nama]

    def _ganti(self, nama):
        return self._kode(nama) or nama

    def _semua_hanya_baca(self, request, obj):
        """Whether the page shows every field as text, as Django does when the user may not change."""
        if isinstance(self, InlineModelAdmin):
            # New rows of an inline stay editable while adding is allowed.
            return not self.has_change_permission(request, obj) and not self.has_add_permission(request, obj)
        return obj is not None and not self.has_change_permission(request, obj)

    def get_list_display(self, request):
        return [self._ganti(nama) for nama in super().get_list_display(request)]

    def get_readonly_fields(self, request, obj=None):
        # The original names stay, so the form still leaves those fields out; the callables are
        # what the page renders in their place (get_fieldsets).
        asli = list(super().get_readonly_fields(request, obj))
        nama = list(asli)
        if self._semua_hanya_baca(request, obj):
            dikecualikan = set(self.get_exclude(request, obj) or ())
            nama += [
                f.name for f in self.model._meta.concrete_fields if f.editable and f.name not in dikecualikan
            ]
        tambahan = [self._kode(n) for n in dict.fromkeys(nama)]
        return asli + [t for t in tambahan if t is not None]

    def get_fieldsets(self, request, obj=None):
        semua = self._semua_hanya_baca(request, obj)
        hanya_baca = set(super().get_readonly_fields(request, obj))
        sudah = set()

        def ganti(nama):
            if isinstance(nama, (list, tuple)):
                baris = [g for g in (ganti(n) for n in nama) if g is not None]
                return tuple(baris) or None
            if semua or nama in hanya_baca:
                nama = self._ganti(nama)
            # get_fields lists a read-only field both under its name and as its callable.
            if nama in sudah:
                return None
            sudah.add(nama)
            return nama

        hasil = []
        for judul, opsi in super().get_fieldsets(request, obj):
            bidang = [g for g in (ganti(n) for n in opsi.get("fields", ())) if g is not None]
            hasil.append((judul, {**opsi, "fields": bidang}))
        return hasil
