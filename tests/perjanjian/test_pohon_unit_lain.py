"""The pohon kinerja of a user who sees part of the office: own lines hang under the higher lines of
other units they support, named and read-only, under the right IKU."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nakertrans.demo import KASUBBAG_UMUM, KEPALA_DINAS_JABATAN, OPERATOR, SEKRETARIS, SUBBAG_UMUM
from nakertrans.models import Pengguna, UnitKerja
from perjanjian.models import BarisPK

URL = reverse("perjanjian:pohon_tahun", args=[2024])


def _baris(jabatan, urutan=1):
    return BarisPK.objects.get(perjanjian__tahun=2024, perjanjian__jabatan__nama=jabatan, urutan=urutan)


BUPATI = "Bupati Bungo"


def _akar(respons):
    return {iku.indikator.nama if iku else None: daftar for iku, daftar in respons.context["akar"]}


def test_operator_lines_hang_under_the_kepala_dinas_line_of_their_iku(
    masuk_sebagai, operator_naker, perencanaan
):
    respons = masuk_sebagai(operator_naker).get(URL)
    akar = _akar(respons)
    assert None not in akar  # nothing «Tidak terhubung ke IKU» any more
    tpt = akar["Tingkat pengangguran terbuka"]
    assert [b.urutan for b in tpt] == [1, 2, 3]
    # From the Bupati's own PK (the RPJMD's IKU daerah) down through the Kepala Dinas's line.
    assert {b.jalur_atas for b in tpt} == {(_baris(BUPATI, 2), _baris(KEPALA_DINAS_JABATAN, 2))}
    halaman = respons.content.decode()
    assert "Tidak terhubung ke IKU" not in halaman
    jalur = (
        f"<strong>{BUPATI}</strong>: Tingkat pengangguran terbuka › "
        f"<strong>{KEPALA_DINAS_JABATAN}</strong>: Tingkat pengangguran terbuka "
        "<em>(unit lain, hanya dibaca)</em>"
    )
    assert halaman.count(jalur) == 1  # once above the three lines it leads to
    assert "5,88" not in halaman  # the higher line is named, its figures stay with its unit


@pytest.fixture
def operator_subbag(organisasi):
    pengguna = Pengguna.objects.create_user("operator_subbag", password="x")
    pengguna.groups.set([Group.objects.get(name=OPERATOR)])
    pengguna.unit_kerja.set([UnitKerja.objects.get(nama=SUBBAG_UMUM)])
    return pengguna


def test_a_path_of_several_hidden_levels_is_shown_top_first(masuk_sebagai, operator_subbag, perencanaan):
    sekretaris = _baris(SEKRETARIS)
    sekretaris.induk = _baris(KEPALA_DINAS_JABATAN, 1)
    sekretaris.save()
    respons = masuk_sebagai(operator_subbag).get(URL)
    akar = _akar(respons)
    assert list(akar) == ["Persentase pengembangan kawasan transmigrasi"]
    daftar = akar["Persentase pengembangan kawasan transmigrasi"]
    assert {b.perjanjian.jabatan.nama for b in daftar} == {KASUBBAG_UMUM}
    assert {b.jalur_atas for b in daftar} == {
        (_baris(BUPATI, 1), _baris(KEPALA_DINAS_JABATAN, 1), sekretaris)
    }
    assert f"<strong>{KEPALA_DINAS_JABATAN}</strong>: Persentase pengembangan kawasan transmigrasi › " in (
        respons.content.decode()
    )


def test_a_line_whose_path_reaches_no_iku_stays_unlinked_but_shows_the_path(
    masuk_sebagai, operator_subbag, perencanaan
):
    respons = masuk_sebagai(operator_subbag).get(URL)
    daftar = _akar(respons)[None]
    assert {b.jalur_atas for b in daftar} == {(_baris(SEKRETARIS),)}
    assert "Tidak terhubung ke IKU" in respons.content.decode()


def test_the_everything_reader_sees_only_the_bupatis_lines_as_read_only_paths(
    masuk_sebagai, kadis, perencanaan
):
    """The whole office in view: the only lines above it are the Bupati's own (the RPJMD's)."""
    respons = masuk_sebagai(kadis).get(URL)
    jalur = {b.urutan: b.jalur_atas for _, daftar in respons.context["akar"] for b in daftar}
    kadis_baris = {b.pk: b for b in BarisPK.objects.filter(perjanjian__jabatan__nama=KEPALA_DINAS_JABATAN)}
    for _, daftar in respons.context["akar"]:
        for b in daftar:
            harapan = (_baris(BUPATI, b.urutan),) if b.pk in kadis_baris else ()
            assert b.jalur_atas == harapan
    assert jalur


def test_query_count_does_not_grow_with_hidden_levels_or_lines(masuk_sebagai, operator_subbag, perencanaan):
    client = masuk_sebagai(operator_subbag)
    sekretaris = _baris(SEKRETARIS)
    sekretaris.induk = _baris(KEPALA_DINAS_JABATAN, 1)
    sekretaris.save()

    def hitung():
        with CaptureQueriesContext(connection) as q:
            respons = client.get(URL)
        return sum(len(d) for _, d in respons.context["akar"]), len(q)

    sedikit = hitung()
    # a third hidden level, and five more lines of the Subbagian under it
    tengah = BarisPK.objects.create(
        perjanjian=sekretaris.perjanjian,
        urutan=9,
        sasaran="x",
        indikator=sekretaris.indikator,
        induk=sekretaris,
    )
    kasubbag = _baris(KASUBBAG_UMUM)
    for i in range(5):
        BarisPK.objects.create(
            perjanjian=kasubbag.perjanjian,
            urutan=10 + i,
            sasaran="x",
            indikator=kasubbag.indikator,
            induk=tengah,
        )
    banyak = hitung()
    assert banyak[0] == sedikit[0] + 5 and banyak[1] == sedikit[1]
