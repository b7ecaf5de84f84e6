"""The LKjIP pages' forms (capaian.forms): a NUL character, a value over its limit or a missing value is
a message naming the field and nothing is saved."""

import re

import pytest
from django.contrib.messages import get_messages

from anggaran.demo import setujui_semua_bulan
from capaian.models import NarasiLKjIP, PembuatanLKjIP, TanggapanPeringatan
from capaian.narasi import PANJANG_MAKSIMUM, simpan_narasi
from capaian.pemeriksaan import periksa_lkjip
from nakertrans.demo import dinas

URL = "/capaian/lkjip/2024/"
PEMERIKSAAN = f"{URL}pemeriksaan/"
PENUTUP = f"{URL}narasi/penutup/"


def _pesan(respons):
    return " ".join(str(m) for m in get_messages(respons.wsgi_request))


def _isian(halaman, nama):
    return re.search(rf'<textarea id="{nama}"[^>]*>(.*?)</textarea>', halaman, re.S).group(1)


# -- Tanggapan peringatan (pemeriksaan) ------------------------------------------------------------


@pytest.fixture
def peringatan(realisasi_2024):
    setujui_semua_bulan()
    return [t.kode for t in periksa_lkjip(dinas(), 2024).peringatan][:2]


def test_a_nul_in_the_note_is_named_and_the_note_comes_back_without_it(peringatan, kadis, masuk_sebagai):
    respons = masuk_sebagai(kadis).post(PEMERIKSAAN, {"kode": peringatan, "catatan": "Sudah\x00 dibahas."})
    assert respons.status_code == 200
    assert _pesan(respons) == (
        "Catatan tanggapan berisi 1 karakter NUL (biasanya terbawa saat menempel dari berkas biner); "
        "tidak ada yang disimpan. Karakter itu sudah dibuang dari teks di bawah: periksa teksnya, lalu "
        "kirim lagi."
    )
    halaman = respons.content.decode()
    assert _isian(halaman, "catatan") == "Sudah dibahas."
    assert halaman.count(" checked>") == len(peringatan)  # the chosen warnings stay chosen
    assert not TanggapanPeringatan.objects.exists()


def test_a_nul_in_a_warning_code_is_named(peringatan, kadis, masuk_sebagai):
    respons = masuk_sebagai(kadis).post(PEMERIKSAAN, {"kode": [f"{peringatan[0]}\x00"], "catatan": "Ya."})
    assert respons.status_code == 200
    assert _pesan(respons) == (
        "Kode peringatan berisi 1 karakter NUL (biasanya terbawa saat menempel dari berkas biner); "
        "tidak ada yang disimpan."
    )
    assert not TanggapanPeringatan.objects.exists()


def test_a_note_over_4000_characters_is_refused_and_4000_are_saved(peringatan, kadis, masuk_sebagai):
    client = masuk_sebagai(kadis)
    respons = client.post(PEMERIKSAAN, {"kode": peringatan, "catatan": "x" * 4001})
    assert _pesan(respons) == "Catatan tanggapan terlalu panjang: 4.001 karakter, paling banyak 4.000."
    assert not TanggapanPeringatan.objects.exists()
    assert client.post(PEMERIKSAAN, {"kode": peringatan, "catatan": "x" * 4000}).status_code == 302
    assert set(TanggapanPeringatan.objects.values_list("catatan", flat=True)) == {"x" * 4000}


def test_a_missing_note_is_the_services_sentence(peringatan, kadis, masuk_sebagai):
    respons = masuk_sebagai(kadis).post(PEMERIKSAAN, {"kode": peringatan})
    assert _pesan(respons) == "Tulis catatan tanggapan: mengapa laporan tetap dapat diterbitkan."
    assert not TanggapanPeringatan.objects.exists()


def test_a_role_that_may_not_answer_is_refused_whatever_it_sent(peringatan, inspektorat, masuk_sebagai):
    assert masuk_sebagai(inspektorat).post(PEMERIKSAAN, {"catatan": "a\x00"}).status_code == 403


# -- Narasi ----------------------------------------------------------------------------------------


def test_a_nul_in_the_text_is_named_and_the_text_comes_back_without_it(realisasi_2024, kadis, masuk_sebagai):
    respons = masuk_sebagai(kadis).post(PENUTUP, {"teks": "Penutup\x00 yang\x00 ditempel."})
    assert respons.status_code == 200
    assert _pesan(respons).startswith("Teks berisi 2 karakter NUL (biasanya terbawa saat menempel")
    assert "sudah dibuang dari teks di bawah" in _pesan(respons)
    assert _isian(respons.content.decode(), "teks") == "Penutup yang ditempel."
    assert not NarasiLKjIP.objects.exists()


def test_going_back_to_the_generated_text_ignores_what_the_text_box_holds(
    realisasi_2024, kadis, masuk_sebagai
):
    narasi = simpan_narasi(
        instansi=dinas(),
        tahun=2024,
        bagian="penutup",
        indikator=None,
        teks="Ditulis.",
        versi=None,
        user=kadis,
    )
    respons = masuk_sebagai(kadis).post(
        PENUTUP, {"kembalikan": "1", "versi": narasi.versi, "teks": "x\x00" * (PANJANG_MAKSIMUM + 1)}
    )
    assert respons.status_code == 302
    assert not NarasiLKjIP.objects.exists()


def test_a_text_over_the_limit_is_refused_counting_a_line_end_as_one_character(
    realisasi_2024, kadis, masuk_sebagai
):
    client = masuk_sebagai(kadis)
    respons = client.post(PENUTUP, {"teks": "a" * (PANJANG_MAKSIMUM + 1)})
    assert _pesan(respons) == "Teks terlalu panjang: 20.001 karakter, paling banyak 20.000."
    assert not NarasiLKjIP.objects.exists()
    # A browser sends CR LF; it is stored as LF, so 24.000 characters sent are 17.999 stored.
    assert client.post(PENUTUP, {"teks": "ab\r\n" * 6000}).status_code == 302
    assert NarasiLKjIP.objects.get().teks == ("ab\n" * 6000).strip()


def test_a_missing_text_is_refused(realisasi_2024, kadis, masuk_sebagai):
    respons = masuk_sebagai(kadis).post(PENUTUP, {})
    assert respons.status_code == 200
    assert _pesan(respons) == (
        "Teks tidak boleh kosong. Pakai «Kembalikan ke teks otomatis» untuk menghapusnya."
    )
    assert not NarasiLKjIP.objects.exists()


@pytest.mark.parametrize("versi", ["abc", "1\x00", "-1", "99999999999"])
def test_an_unreadable_version_asks_for_a_reload(realisasi_2024, kadis, masuk_sebagai, versi):
    respons = masuk_sebagai(kadis).post(PENUTUP, {"teks": "Penutup.", "versi": versi})
    assert _pesan(respons) == "Versi halaman ini tidak terbaca; muat ulang halaman."
    assert _isian(respons.content.decode(), "teks") == "Penutup."
    assert not NarasiLKjIP.objects.exists()


def test_the_preview_drops_nul_and_shows_at_most_what_may_be_saved(realisasi_2024, kadis, masuk_sebagai):
    client = masuk_sebagai(kadis)
    respons = client.post(f"{URL}narasi-pratinjau/", {"teks": "**te\x00bal**"})
    assert respons.status_code == 200 and respons.content.decode() == "<p><strong>tebal</strong></p>"
    panjang = client.post(f"{URL}narasi-pratinjau/", {"teks": "a" * PANJANG_MAKSIMUM + "ZZZ"})
    assert panjang.content.decode() == f"<p>{'a' * PANJANG_MAKSIMUM}</p>"


# -- Buat draf / terbitkan -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "pesan"),
    [
        ({}, "Jenis pembuatan tidak dikenal."),
        ({"jenis": "draf\x00"}, "Jenis pembuatan tidak dikenal."),
        ({"jenis": "x" * 200}, "Jenis pembuatan tidak dikenal."),
        ({"jenis": "terbitan", "nomor": "1\x00"}, "Nomor versi tidak terbaca; muat ulang halaman."),
        ({"jenis": "terbitan", "nomor": "99999999999"}, "Nomor versi tidak terbaca; muat ulang halaman."),
    ],
)
def test_an_unreadable_request_to_generate_is_a_message(perencanaan, kadis, masuk_sebagai, data, pesan):
    respons = masuk_sebagai(kadis).post(f"{URL}buat/", data, HTTP_HX_REQUEST="true")
    assert respons.status_code == 200
    assert f'<p class="galat" role="alert">{pesan}</p>' in respons.content.decode()
    assert not PembuatanLKjIP.objects.exists()
