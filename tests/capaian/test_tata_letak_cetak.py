"""Every printed document stays on its paper: no laid-out box beyond the page's content area, no text
wider than its table cell, no page holding only a heading or only a small note, no title left at a
page's foot, a table's header repeated on each of its pages and no total on a page with fewer than
two of its rows (tests/tata_letak.py).
Run on the demo's LKjIP 2024, every PK of the year and the Tabel 30 PDF. Before the LKjIP's table B
had fixed columns, 190 of its boxes on pages 17-19 lay beyond the page («Serapan anggaran» cut,
«Efisiensi» off the paper)."""

import pytest
from django.urls import reverse

from capaian.lkjip import html_lkjip
from nakertrans.demo import dinas
from perjanjian.models import PerjanjianKinerja
from tests.tata_letak import ekor_tabel, halaman_sepi, judul_di_kaki, luapan, tanpa_kepala, tata_letak


@pytest.fixture
def html_saja(monkeypatch):
    """The documents' HTML exactly as WeasyPrint would print it."""
    monkeypatch.setattr("nakertrans.pdf.html_ke_pdf", lambda isi: isi.encode())


def _periksa(html):
    dokumen = tata_letak(html)
    assert [str(x) for x in luapan(html, dokumen)] == []
    assert halaman_sepi(html, dokumen) == []
    assert judul_di_kaki(html, dokumen) == []
    assert tanpa_kepala(html, dokumen) == []
    assert ekor_tabel(html, dokumen) == []


def test_the_lkjip_stays_on_its_pages(renja_2024):
    _periksa(html_lkjip(dinas(), 2024))


def test_every_pk_document_stays_on_its_pages(perencanaan, html_saja):
    from perjanjian.views import pdf_pk

    semua = PerjanjianKinerja.objects.filter(tahun=2024).select_related("jabatan")
    assert semua.count() >= 12
    for pk in semua:
        _periksa(pdf_pk(pk).decode())


def test_the_tabel_30_pdf_stays_on_its_pages(renja_2024, client, kadis, html_saja):
    client.force_login(kadis)
    html = client.get(reverse("anggaran:realisasi_berkas", args=[2024, "pdf"])).content.decode()
    _periksa(html)


def test_the_check_finds_a_column_off_the_page_and_a_page_of_only_a_heading():
    lebar = '<table style="width: 400mm"><tr><td>terlalu lebar</td></tr></table>'
    assert luapan(f"<html><body>{lebar}</body></html>")
    sendiri = '<p>isi</p><h3 style="page-break-before: always">Judul tanpa isi</h3>'
    assert halaman_sepi(f"<html><body>{sendiri}</body></html>") == [(2, "Judul tanpa isi")]


def test_the_check_finds_a_title_at_a_pages_foot_a_lost_header_and_a_lonely_total():
    judul = (
        '<html><body><p>isi</p><p class="judul-tabel">Tabel 9</p>'
        '<table style="break-before: page"><tr><td>a</td></tr></table></body></html>'
    )
    assert judul_di_kaki(judul) == [(1, "Tabel 9")]
    baris = "".join(f"<tr><td>{i}</td></tr>" for i in range(80))
    kepala = (
        '<html><body><table><thead style="display: table-row-group"><tr><th>Kolom</th></tr></thead>'
        f"<tbody>{baris}</tbody></table></body></html>"
    )
    assert tanpa_kepala(kepala) and 1 not in tanpa_kepala(kepala)
    ekor = (
        "<html><body><table><tbody><tr><td>1</td></tr><tr><td>2</td></tr>"
        '<tr style="break-before: page"><td>3</td></tr><tr class="jumlah"><td>J</td></tr>'
        "</tbody></table></body></html>"
    )
    assert ekor_tabel(ekor) == [(2, 2)]
