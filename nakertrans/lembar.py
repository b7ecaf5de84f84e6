"""Spreadsheet cells that a spreadsheet will not evaluate (CSV/formula injection, OWASP).

A text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by Excel,
LibreOffice and Google Sheets as a formula, either when the file is opened (csv) or as soon as the
cell is edited (xlsx). A user's note ``=HYPERLINK("http://...")`` would then come out of an export as
a live link or worse. Every xlsx and csv the product writes passes its text cells through
:func:`sel_aman`, which puts an apostrophe in front (OWASP's advice): the spreadsheet shows the text,
with the apostrophe, and evaluates nothing. Numbers, dates and empty cells are left as they are.
"""

import tablib
from import_export import widgets

# The characters that start a formula (or, for tab and CR, let one hide behind blank-looking text).
PEMICU_RUMUS = ("=", "+", "-", "@", "\t", "\r")
PENANDA_TEKS = "'"


def sel_aman(nilai):
    """The value of one cell, made safe to open in a spreadsheet.

    Decided by type, never by look: a ``str`` is a person's text whatever it resembles, so every
    string starting with one of :data:`PEMICU_RUMUS` gets a leading apostrophe, also one that reads
    like a negative number: ``"-5"`` becomes ``"'-5"`` (a target typed as text stays the text it was
    typed as, and ``"-5+A1"`` cannot slip through as "a number"). Numbers (int, float, Decimal),
    booleans, dates and None are returned unchanged, negative ones included: a number cell is never a
    formula. Writers that format numbers into strings (csv) neutralise the text cells, not the figures
    they formatted themselves.

    Applying it twice changes nothing more: the result starts with the apostrophe.
    """
    if isinstance(nilai, str) and nilai.startswith(PEMICU_RUMUS):
        return PENANDA_TEKS + nilai
    return nilai


def teks_asli(nilai):
    """The inverse of :func:`sel_aman` for a file coming back in: ``"'=1+1"`` -> ``"=1+1"``.

    For imports of a sheet the product exported, so that an exported and re-imported indicator name
    is the same name, not one with an apostrophe in front. Only an apostrophe followed by one of
    :data:`PEMICU_RUMUS` is removed: the one ambiguity is a text that itself began with such an
    apostrophe, which loses it.
    """
    if isinstance(nilai, str) and nilai.startswith(PENANDA_TEKS) and nilai[1:].startswith(PEMICU_RUMUS):
        return nilai[1:]
    return nilai


def baris_aman(baris):
    """A row (any iterable of cells) with every cell through :func:`sel_aman`, as a list."""
    return [sel_aman(nilai) for nilai in baris]


def dataset_aman(data):
    """A copy of a tablib Dataset with its headers and every cell through :func:`sel_aman`.

    The given dataset is left as it is; the title is kept.
    """
    hasil = tablib.Dataset(title=data.title)
    if data.headers:
        hasil.headers = baris_aman(data.headers)
    for baris in data:
        hasil.append(baris_aman(baris))
    return hasil


def tambah_baris_xlsx(lembar, baris):
    """Append a row to an openpyxl worksheet with its text cells safe: neutralised by
    :func:`sel_aman` and stored as strings, so openpyxl never writes a text as a formula."""
    lembar.append(baris_aman(baris))
    for sel in lembar[lembar.max_row]:
        if isinstance(sel.value, str):
            sel.data_type = "s"


class EksporAman:
    """Mixin for django-import-export resources: what ``export()`` returns is safe to open.

    Cells go through :func:`sel_aman` one field at a time, because only the field knows whether its
    text is a number: in csv a number widget renders ``-5`` as the string ``"-5"``, which stays a
    number; a text field's ``"-5"`` gets the apostrophe. Headers go through it too. Put it before the
    resource base class: ``class ResourceSakip(EksporAman, resources.ModelResource)``.
    """

    def export_field(self, field, instance, **kwargs):
        nilai = super().export_field(field, instance, **kwargs)
        if isinstance(field.widget, widgets.NumberWidget):
            return nilai
        return sel_aman(nilai)

    def export(self, queryset=None, **kwargs):
        data = super().export(queryset, **kwargs)
        if data.headers:
            data.headers = baris_aman(data.headers)
        return data
