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


@register.filter
def get_item(kamus, kunci):
    """dict lookup in templates (the pohon kinerja's children by line id)."""
    return kamus.get(kunci) if kamus else None


@register.filter
def angka_ringkas(nilai, desimal=2):
    """Like ``angka`` but without trailing zero decimals: 72 and 5,88 as a PK prints targets."""
    teks = format_id.format_angka(nilai, int(desimal))
    return teks.rstrip("0").rstrip(",") if "," in teks else teks
