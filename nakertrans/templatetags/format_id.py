from decimal import Decimal

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


@register.filter
def ukuran_berkas(nilai):
    """A file size as people read it: 812 B, 127,7 KB, 4,2 MB (1 KB = 1024 bytes, one decimal)."""
    try:
        bita = int(nilai)
    except (TypeError, ValueError):
        return ""
    if abs(bita) < 1024:
        return f"{bita} B"
    besar = Decimal(bita)
    for satuan in ("KB", "MB", "GB", "TB"):
        besar /= 1024
        # 1.048.575 bytes is 1.024,0 KB once rounded: that is 1,0 MB.
        if abs(format_id.bulatkan(besar, 1)) < 1024 or satuan == "TB":
            return f"{format_id.format_angka(besar, 1)} {satuan}"
