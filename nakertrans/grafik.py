"""The one chart builder: grouped bar charts as SVG data for templates/nakertrans/_grafik.html, drawn the
same on the page and in the PDF (WeasyPrint renders inline SVG), with a value axis in Indonesian numbers,
each bar labelled with its value, a legend, a title and a source line.

Coordinates are strings with a decimal point (SVG's syntax, never localised); every label a person reads
is formatted here with nakertrans.format_id.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from nakertrans.format_id import format_angka

WARNA = ("#98a2b3", "#2e90fa", "#f79009", "#12b76a")

# Layout of the drawing (SVG user units).
KIRI, KANAN, ATAS = 64, 16, 34  # room for the axis labels, the right edge, the title
BAWAH_SUMBU, BAWAH_SUMBER = 40, 16  # room below the bars: category labels and legend; the source line
TINGGI_BIDANG = 150  # height of the plotting area of a vertical chart
TINGGI_BATANG, JARAK_BATANG = 16, 4  # a horizontal chart's bars
JARAK_KELOMPOK = 14


@dataclass(frozen=True)
class Seri:
    """One series of a chart: its name (the legend) and one value per category (None: no bar)."""

    nama: str
    nilai: list
    warna: str = ""


@dataclass
class Grafik:
    judul: str
    sumber: str
    lebar: int
    tinggi: int
    mendatar: bool
    sumbu: list = field(default_factory=list)  # ticks: {"x"/"y", "label"}
    kelompok: list = field(default_factory=list)  # categories: {"label", "x", "y", "batang": [...]}
    legenda: list = field(default_factory=list)  # {"nama", "warna", "x", "y"}
    bidang: dict = field(default_factory=dict)  # the plotting area: x, y, lebar, tinggi
    kosong: bool = False  # no value at all: the template says so instead of drawing empty axes
    y_sumber: str = ""

    @property
    def uraian(self):
        """The chart as one sentence, for screen readers (aria-label)."""
        return f"{self.judul}. " + "; ".join(
            f"{k['label']}: " + ", ".join(f"{b['seri']} {b['label']}" for b in k["batang"])
            for k in self.kelompok
        )


def _koordinat(v):
    return f"{v:.1f}"


def _langkah_rapi(puncak, jumlah=4):
    """A round tick step (1, 2, 2,5 or 5 times a power of ten) giving about ``jumlah`` ticks up to
    ``puncak`` (> 0)."""
    kasar = puncak / jumlah
    pangkat = Decimal(10) ** kasar.adjusted()
    for kali in (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10)):
        if kasar <= kali * pangkat:
            return kali * pangkat
    return 10 * pangkat


def _desimal_label(langkah, desimal):
    """Decimals the axis labels need: none for whole steps, else as the step has (at most ``desimal``)."""
    langkah = langkah.normalize()
    return min(max(-langkah.as_tuple().exponent, 0), desimal)


def grafik_batang(*, judul, kategori, seri, sumber="", desimal=2, mendatar=False, lebar=None):
    """A grouped bar chart: for each of ``kategori`` (labels) one bar per series (``seri``: [Seri]).

    Bars start at zero; a negative or missing value draws no bar but keeps its label ("—" when
    missing). The value axis runs from zero to a round number above the largest value.
    """
    seri = [s if s.warna else Seri(s.nama, s.nilai, WARNA[i % len(WARNA)]) for i, s in enumerate(seri)]
    nilai = [Decimal(v) for s in seri for v in s.nilai if v is not None]
    puncak = max([v for v in nilai if v > 0], default=Decimal(0))
    langkah = _langkah_rapi(puncak) if puncak > 0 else Decimal(1)
    ujung = langkah * ((puncak / langkah).to_integral_value(rounding="ROUND_CEILING") or 1)
    desimal_sumbu = _desimal_label(langkah, desimal)
    jumlah_seri = max(len(seri), 1)

    if mendatar:
        tinggi_kelompok = jumlah_seri * (TINGGI_BATANG + JARAK_BATANG) + JARAK_KELOMPOK
        lebar = lebar or 720
        kiri = 260  # room for the category labels (indicator names) left of the bars
        panjang_bidang = lebar - kiri - 150  # room right of the bars for their value labels
        tinggi_bidang = tinggi_kelompok * len(kategori)
    else:
        lebar_kelompok = jumlah_seri * 36 + 2 * JARAK_KELOMPOK
        lebar = lebar or max(KIRI + KANAN + lebar_kelompok * len(kategori), 320)
        kiri = KIRI
        panjang_bidang = TINGGI_BIDANG
        tinggi_bidang = TINGGI_BIDANG
        lebar_kelompok = (lebar - KIRI - KANAN) / max(len(kategori), 1)

    def skala(v):
        return float(max(Decimal(v), Decimal(0)) / ujung) * panjang_bidang

    g = Grafik(judul=judul, sumber=sumber, lebar=lebar, tinggi=0, mendatar=mendatar, kosong=not nilai)
    g.bidang = {"x": _koordinat(kiri), "y": _koordinat(ATAS), "lebar": 0, "tinggi": _koordinat(tinggi_bidang)}
    tik = [langkah * i for i in range(int(ujung / langkah) + 1)]
    for t in tik:
        posisi = skala(t)
        if mendatar:
            g.sumbu.append(
                {
                    "x": _koordinat(kiri + posisi),
                    "y": _koordinat(ATAS + tinggi_bidang + 12),
                    "label": format_angka(t, desimal_sumbu),
                }
            )
        else:
            g.sumbu.append(
                {
                    "x": _koordinat(kiri - 6),
                    "y": _koordinat(ATAS + tinggi_bidang - posisi),
                    "label": format_angka(t, desimal_sumbu),
                }
            )
    g.bidang["lebar"] = _koordinat(panjang_bidang if mendatar else lebar - kiri - KANAN)
    for i, label in enumerate(kategori):
        batang = []
        for j, s in enumerate(seri):
            v = s.nilai[i] if i < len(s.nilai) else None
            teks = "—" if v is None else format_angka(v, desimal)
            ukuran = 0.0 if v is None else skala(v)
            if mendatar:
                y = ATAS + i * tinggi_kelompok + j * (TINGGI_BATANG + JARAK_BATANG)
                batang.append(
                    {
                        "seri": s.nama,
                        "warna": s.warna,
                        "label": teks,
                        "x": _koordinat(kiri),
                        "y": _koordinat(y),
                        "lebar": _koordinat(ukuran),
                        "tinggi": TINGGI_BATANG,
                        "x_label": _koordinat(kiri + ukuran + 4),
                        "y_label": _koordinat(y + 12),
                    }
                )
            else:
                x = kiri + i * lebar_kelompok + JARAK_KELOMPOK + j * 36
                y = ATAS + tinggi_bidang - ukuran
                batang.append(
                    {
                        "seri": s.nama,
                        "warna": s.warna,
                        "label": teks,
                        "x": _koordinat(x),
                        "y": _koordinat(y),
                        "lebar": 30,
                        "tinggi": _koordinat(ukuran),
                        "x_label": _koordinat(x + 15),
                        "y_label": _koordinat(y - 3),
                    }
                )
        if mendatar:
            posisi = {"x": _koordinat(kiri - 8), "y": _koordinat(ATAS + i * tinggi_kelompok + 14)}
        else:
            posisi = {
                "x": _koordinat(kiri + (i + 0.5) * lebar_kelompok),
                "y": _koordinat(ATAS + tinggi_bidang + 16),
            }
        g.kelompok.append({"label": str(label), **posisi, "batang": batang})
    y_legenda = ATAS + tinggi_bidang + (24 if mendatar else BAWAH_SUMBU - 8)
    for j, s in enumerate(seri):
        g.legenda.append(
            {"nama": s.nama, "warna": s.warna, "x": _koordinat(kiri + j * 140), "y": _koordinat(y_legenda)}
        )
    g.tinggi = int(y_legenda + 8 + (BAWAH_SUMBER if sumber else 4))
    g.y_sumber = _koordinat(g.tinggi - 4)
    return g
