"""The LKjIP's narrative: Markdown written in the browser, printed as sanitised HTML.

Until somebody writes a section, the report prints a text generated from the figures, and the edit form
starts from that same text, so the author rewrites rather than starts from nothing.
"""

from dataclasses import dataclass

import markdown
import nh3
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.safestring import mark_safe

from capaian.models import NarasiLKjIP
from capaian.queries import baris_tahun
from nakertrans.format_id import format_angka, format_persen
from nakertrans.models import Jabatan
from nakertrans.workflow import Konflik, klaim_versi

Bagian = NarasiLKjIP.Bagian
PANJANG_MAKSIMUM = 20_000
KARAKTER_NUL = "\x00"  # comes with text pasted from a binary file; PostgreSQL cannot store it in text

# What a narrative may contain: text structure, no links, images, styles or scripts.
TAG_DIIZINKAN = {
    "p", "br", "strong", "em", "b", "i", "u", "ul", "ol", "li", "blockquote", "h4", "h5",
    "table", "thead", "tbody", "tr", "th", "td", "hr", "sub", "sup", "code",
}  # fmt: skip


# Link and image syntax is not parsed at all: nh3 would drop the tags anyway, and Python-Markdown's link
# pattern takes minutes on text with thousands of unmatched «[».
POLA_TAUTAN = (
    "reference", "link", "image_link", "image_reference", "short_reference", "short_image_ref",
    "autolink", "automail",
)  # fmt: skip


def ke_html(teks):
    """Markdown to HTML that can be printed as is: whatever the author typed, only TAG_DIIZINKAN remain."""
    md = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")
    for pola in POLA_TAUTAN:
        if pola in md.inlinePatterns:
            md.inlinePatterns.deregister(pola)
    html = md.convert(teks or "")
    return mark_safe(nh3.clean(html, tags=TAG_DIIZINKAN, attributes={}, link_rel=None))


@dataclass
class BagianNarasi:
    """One editable section of a year: where it goes, what is saved and what would be generated."""

    bagian: str
    judul: str
    indikator: object = None
    tersimpan: NarasiLKjIP | None = None
    bawaan: str = ""  # generated Markdown (left empty where only the list of sections is needed)

    @property
    def kunci(self):
        return f"{self.bagian}-{self.indikator.pk}" if self.indikator else self.bagian

    @property
    def teks(self):
        return self.tersimpan.teks if self.tersimpan else self.bawaan

    @property
    def html(self):
        return ke_html(self.teks)


def _kata_pengantar(k):
    instansi, tahun = k["instansi"], k["tahun"]
    return (
        f"Laporan Kinerja Instansi Pemerintah (LKjIP) {instansi.nama} {instansi.pemerintah_daerah} "
        f"Tahun {tahun} "
        "disusun sebagai wujud pertanggungjawaban pelaksanaan tugas dan fungsi serta pencapaian sasaran "
        f"strategis yang ditetapkan dalam Perjanjian Kinerja Tahun {tahun}. Seluruh angka dalam laporan ini "
        "dihitung dari data realisasi yang telah disetujui dan dapat ditelusuri kembali.\n\n"
        "Semoga laporan ini bermanfaat sebagai bahan evaluasi dan perbaikan kinerja pada tahun berikutnya."
    )


def _latar_belakang(k):
    return (
        "Laporan Kinerja disusun sebagai bagian dari Sistem Akuntabilitas Kinerja Instansi Pemerintah "
        "(SAKIP) untuk menggambarkan keberhasilan maupun kegagalan pencapaian sasaran yang telah ditetapkan "
        f"dalam Rencana Strategis dan Perjanjian Kinerja {k['instansi'].nama} tahun {k['tahun']}."
    )


def _penutup(k):
    sasaran = k["sasaran"]
    baik = [
        s
        for s in sasaran
        if s["c"].tercapai
        or (s["c"].tercapai is None and s["c"].capaian is not None and s["c"].capaian >= 100)
    ]
    teks = (
        f"Laporan Kinerja ini menyajikan capaian kinerja {k['instansi'].nama} tahun {k['tahun']} yang "
        f"dihitung dari data realisasi yang disetujui. Dari {len(sasaran)} indikator sasaran, {len(baik)} "
        "mencapai atau melampaui targetnya"
    )
    if k["total_30"].pagu:
        teks += f", dengan serapan anggaran {format_persen(k['total_30'].serapan)}"
    return teks + ". Hasilnya menjadi bahan perbaikan perencanaan dan pelaksanaan program tahun berikutnya."


def _analisis(s):
    """The generated figures sentence, a place for the causes, then the kendala and upaya the unit
    reported with its latest quarter."""
    teks = s["analisis"]
    terakhir = [r for r in s["c"].baris.realisasi.all() if r.kendala or r.upaya]
    kendala = terakhir[-1].kendala if terakhir else ""
    upaya = terakhir[-1].upaya if terakhir else ""
    return (
        f"{teks}\n\n**Penyebab keberhasilan/kegagalan:** belum diuraikan.\n\n"
        f"**Kendala yang dilaporkan unit:** {kendala or 'tidak ada.'}\n\n"
        f"**Upaya dan solusi:** {upaya or 'belum diuraikan.'}"
    )


def _kerangka(indikator_sasaran, tersimpan):
    """Every editable section in print order, with its saved row if any: one analysis per sasaran of
    the Kepala Dinas (``indikator_sasaran``, in the report's order)."""
    daftar = [
        BagianNarasi(Bagian.KATA_PENGANTAR, "Kata Pengantar"),
        BagianNarasi(Bagian.LATAR_BELAKANG, "BAB I A. Latar Belakang"),
        *(
            BagianNarasi(Bagian.ANALISIS, f"BAB III Analisis sasaran {nomor}: {i.nama}", indikator=i)
            for nomor, i in enumerate(indikator_sasaran, start=1)
        ),
        BagianNarasi(Bagian.PENUTUP, "BAB IV Penutup"),
    ]
    per_kunci = {(n.bagian, n.indikator_id): n for n in tersimpan}
    for b in daftar:
        b.tersimpan = per_kunci.get((b.bagian, b.indikator.pk if b.indikator else None))
    return daftar


def _tersimpan(instansi, tahun):
    return NarasiLKjIP.objects.filter(instansi=instansi, tahun=tahun).select_related("diubah_oleh__pegawai")


def bagian_narasi(instansi, konteks):
    """The sections with their generated text; ``konteks`` is kumpulkan_lkjip's dictionary."""
    sasaran = konteks["sasaran"]
    daftar = _kerangka([s["c"].baris.indikator for s in sasaran], _tersimpan(instansi, konteks["tahun"]))
    umum = {
        Bagian.KATA_PENGANTAR: _kata_pengantar,
        Bagian.LATAR_BELAKANG: _latar_belakang,
        Bagian.PENUTUP: _penutup,
    }
    analisis = iter(sasaran)  # the analysis sections follow the sasaran's order
    for b in daftar:
        b.bawaan = _analisis(next(analisis)) if b.bagian == Bagian.ANALISIS else umum[b.bagian](konteks)
    return daftar


def daftar_bagian(instansi, tahun):
    """The sections of a year and who wrote them, without assembling the report (for the LKjIP page)."""
    kepala = baris_tahun(instansi, tahun).filter(
        perjanjian__jabatan__in=Jabatan.objects.kepala_dinas(instansi)
    )
    kepala = kepala.prefetch_related(None)
    return _kerangka([b.indikator for b in kepala], _tersimpan(instansi, tahun))


def simpan_narasi(*, instansi, tahun, bagian, indikator, teks, versi, user):
    """Save one section. An empty text is refused; ``versi`` is the version the form was loaded with
    (None for a section not saved before), so a second author's save is not silently overwritten."""
    teks = (teks or "").replace("\r\n", "\n").strip()
    if KARAKTER_NUL in teks:
        raise ValidationError(
            f"Teks berisi {teks.count(KARAKTER_NUL)} karakter NUL (biasanya terbawa saat menempel dari "
            "berkas biner) dan tidak disimpan."
        )
    if not teks:
        raise ValidationError(
            "Teks tidak boleh kosong. Pakai «Kembalikan ke teks otomatis» untuk menghapusnya."
        )
    if len(teks) > PANJANG_MAKSIMUM:
        raise ValidationError(
            f"Teks terlalu panjang (paling banyak {format_angka(PANJANG_MAKSIMUM)} karakter)."
        )
    try:
        with transaction.atomic():
            narasi = NarasiLKjIP.objects.filter(
                instansi=instansi, tahun=tahun, bagian=bagian, indikator=indikator
            ).first()
            if narasi is None:
                if versi is not None:
                    raise ValidationError(
                        "Bagian ini sudah dikembalikan ke teks otomatis oleh orang lain; muat ulang."
                    )
                narasi = NarasiLKjIP(instansi=instansi, tahun=tahun, bagian=bagian, indikator=indikator)
            else:
                klaim_versi(narasi, versi if versi is not None else -1, _uraikan)
            narasi.teks = teks
            narasi.diubah_oleh = user
            narasi.save()
    except IntegrityError:
        # Two first saves of the same section at once: the other one was stored.
        raise Konflik(None, "teks lain yang baru saja disimpan") from None
    return narasi


def _uraikan(narasi):
    return f"«{narasi.teks[:80]}…»"


def hapus_narasi(*, instansi, tahun, bagian, indikator, versi, user):
    """Back to the generated text (the history keeps what was written). ``versi`` is the version the
    page showed: a newer save by somebody else is not thrown away."""
    with transaction.atomic():
        narasi = NarasiLKjIP.objects.filter(
            instansi=instansi, tahun=tahun, bagian=bagian, indikator=indikator
        ).first()
        if narasi is None:
            return
        if versi != narasi.versi:
            raise Konflik(narasi, _uraikan(narasi))
        narasi._change_reason = f"dikembalikan ke teks otomatis oleh {user}"
        narasi.delete()
