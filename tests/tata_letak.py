"""Where a printed document's boxes land on its pages (WeasyPrint's layout, before any PDF is written):
a box that extends beyond the page's content area is cut or lost on paper, and a text wider than its
table cell runs over the next cell's figure."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint import CSS, HTML
from weasyprint.formatting_structure import boxes

from nakertrans.pdf import LEMBAR_GAYA_CETAK, _pengambil_lokal

TOLERANSI = 0.5  # points: rounding of the layout, never visible


@dataclass(frozen=True)
class Luapan:
    halaman: int
    teks: str
    lebih_pt: float

    def __str__(self):
        return f"halaman {self.halaman}: «{self.teks[:60]}» lewat {self.lebih_pt:.1f} pt"


def _teks(kotak):
    if isinstance(kotak, boxes.TextBox):
        return kotak.text
    return " ".join(k.text for k in kotak.descendants() if isinstance(k, boxes.TextBox))


def _kanan(kotak):
    return kotak.border_box_x() + kotak.border_width()


def luapan(html):
    """[Luapan] of every box outside its page's content area and every text wider than its cell."""
    dokumen = HTML(string=html, base_url=str(settings.BASE_DIR), url_fetcher=_pengambil_lokal).render(
        stylesheets=[CSS(filename=finders.find(LEMBAR_GAYA_CETAK))]
    )
    hasil = []
    for nomor, halaman in enumerate(dokumen.pages, start=1):
        kertas = halaman._page_box
        kiri = kertas.content_box_x()
        kanan = kiri + kertas.width
        for akar in kertas.children:
            if isinstance(akar, boxes.MarginBox):
                continue
            for kotak in akar.descendants():
                if kotak.is_absolutely_positioned() or not hasattr(kotak, "position_x"):
                    continue  # the DRAF watermark is placed over the page on purpose
                if isinstance(kotak, boxes.TextBox | boxes.LineBox | boxes.BlockBox | boxes.TableCellBox):
                    lebih = max(_kanan(kotak) - kanan, kiri - kotak.border_box_x())
                    if lebih > TOLERANSI:
                        hasil.append(Luapan(nomor, _teks(kotak), lebih))
                if isinstance(kotak, boxes.TableCellBox):
                    batas = _kanan(kotak)
                    for teks in kotak.descendants():
                        if isinstance(teks, boxes.TextBox) and _kanan(teks) - batas > TOLERANSI:
                            hasil.append(Luapan(nomor, teks.text, _kanan(teks) - batas))
    return hasil
