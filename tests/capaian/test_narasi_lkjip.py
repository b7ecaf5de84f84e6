"""The LKjIP narrative: Markdown written in the browser, sanitised, pre-filled from the figures."""

import re

import pytest
from django.core.exceptions import ValidationError

from capaian.lkjip import html_lkjip
from capaian.models import NarasiLKjIP
from capaian.narasi import ke_html, simpan_narasi
from nakertrans.demo import dinas
from nakertrans.models import Pengguna
from perjanjian.models import IKU

URL = "/capaian/lkjip/2024/narasi/"


@pytest.fixture
def operator_sekretariat(organisasi):
    return Pengguna.objects.get(username="operator_sekretariat")


def test_markdown_keeps_structure_and_drops_everything_active():
    html = ke_html(
        "**Tercapai** karena *pelatihan*.\n\n- satu\n- dua\n\n"
        '<script>alert(1)</script><img src="http://contoh.invalid/x.png" onerror="x()">'
        "[tautan](javascript:alert(1)) <span style='color:red' onclick='x()'>merah</span>"
    )
    assert "<strong>Tercapai</strong>" in html and "<em>pelatihan</em>" in html and "<li>satu</li>" in html
    for terlarang in ["<script", "<img", "onerror", "href", "<a", "onclick", "style="]:
        assert terlarang not in html, terlarang
    assert "merah" in html and "tautan" in html


def test_the_analysis_form_starts_from_the_generated_sentences(realisasi_2024, kadis, masuk_sebagai):
    tpt = IKU.objects.get(indikator__nama__icontains="pengangguran").indikator
    halaman = masuk_sebagai(kadis).get(f"{URL}analisis-{tpt.pk}/").content.decode()
    assert "ditargetkan 5,88 persen dan terealisasi 5,39" in halaman
    assert "108,33 %" in halaman and "Sangat Baik" in halaman
    # lower is better: the rate rose from 5,34 in 2023, which is worse
    assert "Dibandingkan tahun 2023 (realisasi 5,34), realisasi naik 0,05 poin, berarti memburuk." in halaman
    assert "Belum ditulis" in halaman


def test_a_saved_section_is_printed_sanitised_and_kept_in_history(
    realisasi_2024, operator_sekretariat, masuk_sebagai
):
    client = masuk_sebagai(operator_sekretariat)
    respons = client.post(
        f"{URL}kata_pengantar/", {"teks": "Puji syukur, **laporan 2024** selesai.<script>x()</script>"}
    )
    assert respons.status_code == 302
    html = html_lkjip(dinas(), 2024)
    assert "<strong>laporan 2024</strong>" in html
    assert "<script" not in html
    narasi = NarasiLKjIP.objects.get(tahun=2024, bagian="kata_pengantar")
    assert narasi.diubah_oleh == operator_sekretariat
    assert narasi.history.count() == 1
    halaman = client.get("/capaian/lkjip/2024/").content.decode()
    assert "Ditulis" in halaman


def test_reverting_brings_back_the_generated_text_unless_somebody_saved_meanwhile(
    realisasi_2024, kadis, masuk_sebagai
):
    client = masuk_sebagai(kadis)
    client.post(f"{URL}penutup/", {"teks": "Penutup tulisan sendiri."})
    assert "Penutup tulisan sendiri." in html_lkjip(dinas(), 2024)
    dimuat = NarasiLKjIP.objects.get(bagian="penutup").versi
    client.post(f"{URL}penutup/", {"teks": "Penutup orang lain.", "versi": dimuat})
    basi = client.post(f"{URL}penutup/", {"kembalikan": "1", "versi": dimuat})
    assert "sudah diubah orang lain" in basi.content.decode()
    assert NarasiLKjIP.objects.get(bagian="penutup").teks == "Penutup orang lain."
    client.post(f"{URL}penutup/", {"kembalikan": "1", "versi": dimuat + 1})
    assert not NarasiLKjIP.objects.exists()
    assert "Penutup orang lain." not in html_lkjip(dinas(), 2024)
    assert "indikator sasaran" in html_lkjip(dinas(), 2024)


def test_a_nul_character_is_refused_with_the_text_kept_in_the_form(realisasi_2024, kadis, masuk_sebagai):
    teks = "Penutup yang panjang\x00 ditempel dari\x00 berkas biner."
    respons = masuk_sebagai(kadis).post(f"{URL}penutup/", {"teks": teks})
    assert respons.status_code == 200
    halaman = respons.content.decode()
    assert "Teks berisi 2 karakter NUL" in halaman and "sudah dibuang dari teks di bawah" in halaman
    textarea = re.search(r'<textarea id="teks"[^>]*>(.*?)</textarea>', halaman, re.S).group(1)
    assert textarea == "Penutup yang panjang ditempel dari berkas biner."
    assert not NarasiLKjIP.objects.exists()


def test_the_service_refuses_nul_whoever_calls_it(realisasi_2024, kadis):
    with pytest.raises(ValidationError, match="1 karakter NUL"):
        simpan_narasi(
            instansi=dinas(),
            tahun=2024,
            bagian="penutup",
            indikator=None,
            teks="a\x00b",
            versi=None,
            user=kadis,
        )
    assert not NarasiLKjIP.objects.exists()


def test_the_preview_shows_the_text_without_nul(realisasi_2024, kadis, masuk_sebagai):
    respons = masuk_sebagai(kadis).post("/capaian/lkjip/2024/narasi-pratinjau/", {"teks": "**te\x00bal**"})
    assert respons.status_code == 200 and "<strong>tebal</strong>" in respons.content.decode()


def test_link_and_image_syntax_is_left_as_text():
    html = ke_html("[a](http://contoh.invalid) ![b](x.png) <http://contoh.invalid> " + "[" * 50)
    assert "<a" not in html and "<img" not in html
    assert "[a](http://contoh.invalid)" in html


def test_an_empty_text_is_refused_and_nothing_saved(realisasi_2024, kadis, masuk_sebagai):
    respons = masuk_sebagai(kadis).post(f"{URL}latar_belakang/", {"teks": "   \n "})
    assert respons.status_code == 200
    assert "Teks tidak boleh kosong" in respons.content.decode()
    assert not NarasiLKjIP.objects.exists()


def test_a_save_over_a_newer_version_is_refused(realisasi_2024, kadis):
    pertama = simpan_narasi(
        instansi=dinas(),
        tahun=2024,
        bagian="penutup",
        indikator=None,
        teks="Versi A.",
        versi=None,
        user=kadis,
    )
    simpan_narasi(
        instansi=dinas(),
        tahun=2024,
        bagian="penutup",
        indikator=None,
        teks="Versi B.",
        versi=pertama.versi,
        user=kadis,
    )
    with pytest.raises(ValidationError, match="sudah diubah orang lain"):
        simpan_narasi(
            instansi=dinas(),
            tahun=2024,
            bagian="penutup",
            indikator=None,
            teks="Versi C.",
            versi=pertama.versi,
            user=kadis,
        )
    with pytest.raises(ValidationError, match="sudah diubah orang lain"):
        # a form loaded before anybody had written the section
        simpan_narasi(
            instansi=dinas(),
            tahun=2024,
            bagian="penutup",
            indikator=None,
            teks="Versi D.",
            versi=None,
            user=kadis,
        )
    assert NarasiLKjIP.objects.get(bagian="penutup").teks == "Versi B."


@pytest.mark.parametrize("persona", ["operator_naker", "inspektorat", "kabid_naker"])
def test_only_the_sekretariat_and_the_kepala_dinas_write_the_narrative(
    realisasi_2024, persona, masuk_sebagai, request
):
    client = masuk_sebagai(request.getfixturevalue(persona))
    assert client.get(f"{URL}penutup/").status_code == 403
    assert client.post(f"{URL}penutup/", {"teks": "Tidak berhak."}).status_code == 403
    assert not NarasiLKjIP.objects.exists()


def test_an_unknown_section_is_not_found(realisasi_2024, kadis, masuk_sebagai):
    client = masuk_sebagai(kadis)
    assert client.get(f"{URL}bab-lima/").status_code == 404
    assert client.get(f"{URL}analisis-999999/").status_code == 404


def test_preview_renders_markdown_while_typing(realisasi_2024, kadis, masuk_sebagai):
    respons = masuk_sebagai(kadis).post(
        "/capaian/lkjip/2024/narasi-pratinjau/", {"teks": "**a** <b onclick=x>b</b>"}
    )
    assert respons.content.decode() == "<p><strong>a</strong> <b>b</b></p>"
