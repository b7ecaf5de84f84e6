from django import template

from nakertrans import format_id
from nakertrans.nip import format_nip

register = template.Library()


@register.filter
def angka(nilai, desimal=0):
    return format_id.format_angka(nilai, int(desimal))


@register.filter
def rupiah(nilai):
    return format_id.format_rupiah(nilai)


@register.filter
def persen(nilai, desimal=2):
    return format_id.format_persen(nilai, int(desimal))


@register.filter
def tanggal(nilai):
    return format_id.format_tanggal(nilai)


@register.filter
def nip(nilai):
    return format_nip(nilai)
