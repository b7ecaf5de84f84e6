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


def tata_letak(html):
    """The document as WeasyPrint lays it out with the print stylesheet (no PDF written)."""
    return HTML(string=html, base_url=str(settings.BASE_DIR), url_fetcher=_pengambil_lokal).render(
        stylesheets=[CSS(filename=finders.find(LEMBAR_GAYA_CETAK))]
    )


def luapan(html, dokumen=None):
    """[Luapan] of every box outside its page's content area and every text wider than its cell."""
    dokumen = dokumen or tata_letak(html)
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


JUDUL = {"h1", "h2", "h3", "h4", "h5", "h6"}


def _jenis_isi(kotak):
    """What a line of text belongs to: «judul» (a heading or a table's title), «catatan» (a small note
    such as a source or a footnote), or «isi»."""
    while kotak is not None:
        tag = getattr(kotak, "element_tag", None)
        kelas = set(
            (getattr(kotak, "element", None) is not None and kotak.element.get("class") or "").split()
        )
        if tag in JUDUL or "judul-tabel" in kelas:
            return "judul"
        if "kecil" in kelas:
            return "catatan"
        if tag in {"td", "th", "li", "p", "div", "section", "table"} and tag != "section":
            return "isi"
        kotak = getattr(kotak, "_induk", None)
    return "isi"


def halaman_sepi(html, dokumen=None):
    """[(page number, its text)] of every page holding only a heading or a table's title, or only a
    small note: content that belongs with what follows or precedes it on another page."""
    dokumen = dokumen or tata_letak(html)
    hasil = []
    for nomor, halaman in enumerate(dokumen.pages, start=1):
        jenis, teks = set(), []
        for akar in halaman._page_box.children:
            if isinstance(akar, boxes.MarginBox):
                continue
            for kotak in _dengan_induk(akar):
                if isinstance(kotak, boxes.TextBox) and kotak.text.strip() and not _watermark(kotak):
                    jenis.add(_jenis_isi(kotak))
                    teks.append(kotak.text)
        if jenis and "isi" not in jenis:
            hasil.append((nomor, " ".join(teks)[:120]))
    return hasil


def _dengan_induk(akar):
    """The descendants of a box, each knowing its parent (``_induk``)."""
    tumpukan = [akar]
    while tumpukan:
        kotak = tumpukan.pop()
        yield kotak
        for anak in getattr(kotak, "children", ()):
            anak._induk = kotak
            tumpukan.append(anak)


def _watermark(kotak):
    while kotak is not None:
        if kotak.is_absolutely_positioned():
            return True
        kotak = getattr(kotak, "_induk", None)
    return False


def judul_di_kaki(html, dokumen=None):
    """[(page number, the heading's text)] of every page whose last text is a heading or a table's
    title: the title is left at the page's foot while what it names begins on the next page."""
    dokumen = dokumen or tata_letak(html)
    hasil = []
    for nomor, halaman in enumerate(dokumen.pages[:-1], start=1):
        terakhir = None
        for akar in halaman._page_box.children:
            if isinstance(akar, boxes.MarginBox):
                continue
            baris = [
                k
                for k in _dengan_induk(akar)
                if isinstance(k, boxes.TextBox) and k.text.strip() and not _watermark(k)
            ]
            if baris:
                terakhir = max(baris, key=lambda k: (k.position_y, k.position_x))
        if terakhir is not None and _jenis_isi(terakhir) == "judul":
            hasil.append((nomor, terakhir.text))
    return hasil


def ekor_tabel(html, dokumen=None, paling_sedikit=2):
    """[(page number, rows)] of every page where a table that began on an earlier page ends with its
    total row and fewer than ``paling_sedikit`` other rows: a total printed apart from its rows."""
    dokumen = dokumen or tata_letak(html)
    hasil, terlihat = [], set()
    for nomor, halaman in enumerate(dokumen.pages, start=1):
        di_sini = set()
        for akar in halaman._page_box.children:
            if isinstance(akar, boxes.MarginBox):
                continue
            for kotak in _dengan_induk(akar):
                if not isinstance(kotak, boxes.TableRowGroupBox) or kotak.is_header:
                    continue
                di_sini.add(id(kotak.element))
                baris = [b for b in kotak.children if isinstance(b, boxes.TableRowBox)]
                jumlah = [b for b in baris if "jumlah" in (b.element.get("class") or "").split()]
                if jumlah and id(kotak.element) in terlihat and len(baris) - len(jumlah) < paling_sedikit:
                    hasil.append((nomor, len(baris)))
        terlihat |= di_sini
    return hasil


def tanpa_kepala(html, dokumen=None):
    """[page number] of every page where a table that began on an earlier page goes on without its
    header row repeated."""
    dokumen = dokumen or tata_letak(html)
    hasil, terlihat = [], set()
    for nomor, halaman in enumerate(dokumen.pages, start=1):
        di_sini = set()
        for akar in halaman._page_box.children:
            if isinstance(akar, boxes.MarginBox):
                continue
            for kotak in _dengan_induk(akar):
                if not isinstance(kotak, boxes.TableBox):
                    continue
                kelompok = [k for k in kotak.children if isinstance(k, boxes.TableRowGroupBox)]
                tubuh = [k for k in kelompok if not k.is_header]
                kepala_ada = any(k.is_header for k in kelompok) or not kotak.element.find(".//thead")
                for k in tubuh:
                    if id(k.element) in terlihat and not kepala_ada:
                        hasil.append(nomor)
                    di_sini.add(id(k.element))
        terlihat |= di_sini
    return sorted(set(hasil))
