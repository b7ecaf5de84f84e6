"""The cells of a line's capaian (target, realisasi, predikat), written once for the pages and the PDF.

A letter target (AA ... D) prints as is and is judged «Tercapai»/«Belum tercapai»; a number prints in
Indonesian with the indicator's decimals; a line without a capaian prints why.
"""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from nakertrans.format_id import format_angka

register = template.Library()


def _nilai(c, nilai, *, ringkas):
    """A letter as it is; a number with the indicator's decimals (``ringkas``: no trailing zero
    decimals, as a PK prints its targets); «—» for none."""
    if nilai is None or nilai == "":
        return "—"
    if c.tercapai is not None or isinstance(nilai, str):
        return nilai
    teks = format_angka(nilai, c.baris.indikator.desimal)
    if ringkas and "," in teks:
        teks = teks.rstrip("0").rstrip(",")
    return teks or "—"


@register.simple_tag
def nilai_target(c):
    """A CapaianBaris's target: letters as they are, a number without trailing zero decimals."""
    return _nilai(c, c.target, ringkas=True)


@register.simple_tag
def nilai_realisasi(c):
    return _nilai(c, c.realisasi, ringkas=False)


@register.simple_tag
def predikat_capaian(c, kosong="—"):
    """Tercapai / Belum tercapai for a letter target, the predikat's name for a number, else the
    reason there is none (``kosong`` when there is no reason either)."""
    if c.tercapai is not None:
        if c.tercapai:
            return mark_safe('<span class="predikat tercapai">Tercapai</span>')
        return mark_safe('<span class="predikat belum-tercapai">Belum tercapai</span>')
    if c.predikat:
        pita = c.predikat
        return format_html('<span class="predikat" data-warna="{}">{}</span>', pita.warna, pita.nama)
    return format_html('<span class="kosong">{}</span>', c.alasan or kosong)
