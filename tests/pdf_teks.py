"""What a person reads in a PDF: its pages' text and size, read with PDFium (pypdfium2).

PDFium reads a 30-page LKjIP in about a twentieth of a second; pypdf, pure Python, took two seconds
for the same file, and the suite reads several."""

from pathlib import Path

import pypdfium2

# PDFium marks a word broken at a line end by a hyphen with U+FFFE: the hyphen printed on the page.
TANDA_PENGGAL = "\ufffe"


class BerkasPdf:
    def __init__(self, isi):
        self.isi = Path(isi).read_bytes() if isinstance(isi, str | Path) else bytes(isi)
        dokumen = pypdfium2.PdfDocument(self.isi)
        try:
            self.ukuran = [halaman.get_size() for halaman in dokumen]  # (width, height) in points
            self.halaman = [
                halaman.get_textpage().get_text_range().replace(TANDA_PENGGAL, "-") for halaman in dokumen
            ]
        finally:
            dokumen.close()

    def __len__(self):
        return len(self.halaman)

    def teks(self):
        """The text of every page, its whitespace runs as single spaces."""
        return " ".join(" ".join(self.halaman).split())


def teks_pdf(isi):
    """The text of a PDF (bytes or a path), whitespace runs as single spaces."""
    return BerkasPdf(isi).teks()
