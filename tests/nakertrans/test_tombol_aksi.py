"""Which workflow buttons each role gets on the Isian Kinerja and Isian Anggaran pages, in each status.

Asserted on the HTML a person gets (the button's words and where its form posts), not on the views'
context, so that the workflow code can change underneath without these tests changing.
"""

import pytest
from django.test.html import Element, parse_html
from django.urls import reverse

from nakertrans.models import Pengajuan, Pengguna, UnitKerja

TAHUN = 2024
UNIT = "Bidang Ketenagakerjaan"

# Each transition's button, as the person reads it.
TOMBOL = {
    "ajukan": "Ajukan ke Kepala OPD",
    "tinjau": "Teruskan ke Kepala OPD",
    "setujui": "Setujui dan kunci",
    "kembalikan": "Kembalikan",
    "buka": "Buka kembali",
}
# The transitions whose form must carry a note (a return without a note, or a reopening without a
# reason, is refused).
DENGAN_CATATAN = {"kembalikan", "buka"}

# The logins of the tests: the unit's own operator and Kepala Unit, the Kepala Dinas, the Admin and
# the Inspektorat; another unit's operator does not get the page at all.
PERAN = ["operator_naker", "kabid_naker", "kadis", "admin", "inspektorat"]
S = Pengajuan.Status

# (review by the Kepala Unit on, status of the period or None for a period nobody has moved yet,
#  {login: the transitions offered}; a login missing from the dict is offered none)
KASUS = [
    (False, None, {"operator_naker": {"ajukan"}}),
    (False, S.DRAFT, {"operator_naker": {"ajukan"}}),
    (False, S.DIAJUKAN, {"kadis": {"setujui", "kembalikan"}}),
    (False, S.DISETUJUI, {"kadis": {"buka"}}),
    (False, S.DIKEMBALIKAN, {"operator_naker": {"ajukan"}}),
    (True, None, {"operator_naker": {"ajukan"}}),
    # With the review on, a submitted period goes to the Kepala Unit first; the Kepala Dinas waits.
    (True, S.DIAJUKAN, {"kabid_naker": {"tinjau", "kembalikan"}}),
    (True, S.DITINJAU, {"kadis": {"setujui", "kembalikan"}}),
    (True, S.DISETUJUI, {"kadis": {"buka"}}),
    (True, S.DIKEMBALIKAN, {"operator_naker": {"ajukan"}}),
]

HALAMAN = {
    "kinerja": (Pengajuan.Jenis.KINERJA, "capaian:isian_triwulan", 2),
    "anggaran": (Pengajuan.Jenis.ANGGARAN, "anggaran:isian_bulan", 5),
}


def _kasus():
    return [
        pytest.param(
            halaman,
            tinjauan,
            status,
            harapan,
            id=f"{halaman}-{'tinjauan-' if tinjauan else ''}{status or 'baru'}",
        )
        for halaman in HALAMAN
        for tinjauan, status, harapan in KASUS
    ]


def _semua(elemen, nama):
    for anak in elemen.children:
        if isinstance(anak, Element):
            if anak.name == nama:
                yield anak
            yield from _semua(anak, nama)


def _teks(elemen):
    return " ".join("".join(a if isinstance(a, str) else _teks(a) for a in elemen.children).split())


def _tombol_alur(dokumen, url_halaman):
    """{transition: (button words, names of the form's text areas)} of the forms posting to the page's
    period (``url_halaman`` + the transition + "/")."""
    tombol = {}
    for form in _semua(dokumen, "form"):
        atribut = dict(form.attributes)
        tujuan = atribut.get("action", "")
        if not tujuan.startswith(url_halaman) or atribut.get("method", "").lower() != "post":
            continue
        aksi = tujuan.removeprefix(url_halaman).strip("/")
        kata = [_teks(b) for b in _semua(form, "button")]
        catatan = {dict(t.attributes).get("name") for t in _semua(form, "textarea")}
        tombol[aksi] = (kata, catatan)
    return tombol


@pytest.mark.parametrize(("halaman", "tinjauan", "status", "harapan"), _kasus())
def test_each_role_gets_the_buttons_of_what_it_may_do_now(
    perencanaan, client, settings, halaman, tinjauan, status, harapan
):
    settings.SAKIP_TINJAUAN_KEPALA_UNIT = tinjauan
    jenis, nama_url, periode = HALAMAN[halaman]
    unit = UnitKerja.objects.get(nama=UNIT)
    if status is not None:
        Pengajuan.objects.create(jenis=jenis, tahun=TAHUN, periode=periode, unit_kerja=unit, status=status)
    url = reverse(nama_url, args=[TAHUN, periode, unit.pk])

    didapat = {}
    for username in PERAN:
        client.force_login(Pengguna.objects.get(username=username))
        respons = client.get(url)
        assert respons.status_code == 200, username
        dokumen = parse_html(respons.content.decode())
        tombol = _tombol_alur(dokumen, url)
        for aksi, (kata, catatan) in tombol.items():
            assert kata == [TOMBOL.get(aksi)], (username, aksi, kata)
            assert ("catatan" in catatan) == (aksi in DENGAN_CATATAN), (username, aksi, catatan)
        # No workflow button is shown outside those forms either.
        tampil = {_teks(b) for b in _semua(dokumen, "button")} & set(TOMBOL.values())
        assert tampil == {TOMBOL[a] for a in tombol if a in TOMBOL}, (username, tampil)
        didapat[username] = set(tombol)

    assert didapat == {username: harapan.get(username, set()) for username in PERAN}


@pytest.mark.parametrize("halaman", HALAMAN)
def test_another_units_operator_gets_neither_the_page_nor_its_buttons(
    perencanaan, masuk_sebagai, operator_trans, halaman
):
    jenis, nama_url, periode = HALAMAN[halaman]
    unit = UnitKerja.objects.get(nama=UNIT)
    Pengajuan.objects.create(
        jenis=jenis, tahun=TAHUN, periode=periode, unit_kerja=unit, status=S.DIKEMBALIKAN
    )
    respons = masuk_sebagai(operator_trans).get(reverse(nama_url, args=[TAHUN, periode, unit.pk]))
    assert respons.status_code == 404
    html = respons.content.decode()
    assert not any(kata in html for kata in TOMBOL.values())
