"""The Isian Kinerja page (capaian:status_isian): units x triwulan, the status of each quarter, and the
quarters waiting for the Kepala Dinas, each as the person reading the page gets it."""

import datetime

from django.test.html import Element, parse_html
from django.urls import reverse
from django.utils import timezone

from nakertrans.models import Jabatan, Pengajuan, Pengguna, UnitKerja
from perjanjian.models import PerjanjianKinerja

TAHUN = 2024
SEKRETARIAT = "Sekretariat"
SUBBAG = "Subbagian Umum dan Kepegawaian"
NAKER = "Bidang Ketenagakerjaan"
TRANS = "Bidang Transmigrasi"
BLK = "UPTD Balai Latihan Kerja"
SEMUA_UNIT = [SEKRETARIAT, SUBBAG, NAKER, TRANS, BLK]
KOSONG = "Tidak ada unit kerja dengan Perjanjian Kinerja final tahun ini yang dapat Anda lihat."


def _semua(elemen, nama, kelas=None):
    """Every element named ``nama`` (with the class ``kelas``) below ``elemen``, in document order."""
    for anak in elemen.children:
        if isinstance(anak, Element):
            if anak.name == nama and (
                kelas is None or kelas in dict(anak.attributes).get("class", "").split()
            ):
                yield anak
            yield from _semua(anak, nama, kelas)


def _teks(elemen):
    return " ".join("".join(a if isinstance(a, str) else _teks(a) for a in elemen.children).split())


def _halaman(client, tahun=TAHUN):
    respons = client.get(reverse("capaian:status_isian", args=[tahun]))
    assert respons.status_code == 200
    return parse_html(respons.content.decode())


def _matriks(dokumen):
    """{unit name: [(text, link) per quarter]} in the order of the rows, and the header row."""
    [tabel] = _semua(dokumen, "table", "matriks")
    [kepala] = _semua(tabel, "thead")
    judul = [_teks(th) for th in _semua(kepala, "th")]
    [badan] = _semua(tabel, "tbody")
    baris = {}
    for tr in _semua(badan, "tr"):
        th = list(_semua(tr, "th"))
        if not th:  # the row saying there is nothing to show
            continue
        sel = []
        for td in _semua(tr, "td"):
            [a] = _semua(td, "a")
            sel.append((_teks(a), dict(a.attributes)["href"]))
        baris[_teks(th[0])] = sel
    return judul, baris


def _menunggu(dokumen):
    """[(text, link)] of the «Menunggu persetujuan» card, None when the page has no such card."""
    for kartu in _semua(dokumen, "section", "kartu"):
        if any(_teks(h2) == "Menunggu persetujuan" for h2 in _semua(kartu, "h2")):
            return [(_teks(a), dict(a.attributes)["href"]) for a in _semua(kartu, "a")]
    return None


def _unit(nama):
    return UnitKerja.objects.get(nama=nama)


def _url_isian(triwulan, nama_unit):
    return reverse("capaian:isian_triwulan", args=[TAHUN, triwulan, _unit(nama_unit).pk])


def _atur_status(nama_unit, triwulan, status):
    """The stored state of a unit's quarter (None: no row, as before anybody moved it)."""
    kunci = {
        "jenis": Pengajuan.Jenis.KINERJA,
        "tahun": TAHUN,
        "periode": triwulan,
        "unit_kerja": _unit(nama_unit),
    }
    if status is None:
        Pengajuan.objects.filter(**kunci).delete()
    else:
        Pengajuan.objects.update_or_create(**kunci, defaults={"status": status})


# Each demo login and the rows it gets, in the units' order. The Dinas itself has no row: the Kepala
# Dinas's PK is filled in by the Sekretariat, whose scope also holds its subbagian.
BARIS_PER_PERAN = {
    "kadis": SEMUA_UNIT,
    "inspektorat": SEMUA_UNIT,
    "admin": SEMUA_UNIT,
    "operator_naker": [NAKER],
    "operator_trans": [TRANS],
    "operator_blk": [BLK],
    "operator_sekretariat": [SEKRETARIAT, SUBBAG],
    "kabid_naker": [NAKER],
}


def test_each_role_sees_the_rows_of_the_units_it_may_read_and_no_other(realisasi_2024, client):
    terlihat, bocor = {}, {}
    for username, unit in BARIS_PER_PERAN.items():
        client.force_login(Pengguna.objects.get(username=username))
        dokumen = _halaman(client)
        judul, baris = _matriks(dokumen)
        assert judul == ["Unit kerja", "Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"]
        assert [_teks(h1) for h1 in _semua(dokumen, "h1")] == ["Isian realisasi kinerja 2024"]
        terlihat[username] = list(baris)
        bocor[username] = [nama for nama in SEMUA_UNIT if nama not in unit and nama in str(dokumen)]
    assert terlihat == BARIS_PER_PERAN
    assert bocor == {username: [] for username in BARIS_PER_PERAN}


def test_each_quarter_shows_its_own_status_and_leads_to_its_entry_page(realisasi_2024, masuk_sebagai, kadis):
    # The demo approved every quarter of the units with realisasi; Subbag has a PK and no entries.
    _atur_status(NAKER, 2, Pengajuan.Status.DIAJUKAN)
    _atur_status(NAKER, 3, Pengajuan.Status.DIKEMBALIKAN)
    _atur_status(NAKER, 4, None)
    _atur_status(TRANS, 4, Pengajuan.Status.DRAFT)
    _, baris = _matriks(_halaman(masuk_sebagai(kadis)))
    assert baris[NAKER] == [
        ("Disetujui", _url_isian(1, NAKER)),
        ("Diajukan", _url_isian(2, NAKER)),
        ("Dikembalikan", _url_isian(3, NAKER)),
        ("Draf", _url_isian(4, NAKER)),
    ]
    assert [teks for teks, _ in baris[TRANS]] == ["Disetujui", "Disetujui", "Disetujui", "Draf"]
    assert baris[SUBBAG] == [("Draf", _url_isian(tw, SUBBAG)) for tw in range(1, 5)]
    # Reading the page stored nothing for the quarters nobody has moved.
    assert not Pengajuan.objects.filter(jenis="kinerja", unit_kerja=_unit(SUBBAG)).exists()


def test_a_quarter_reviewed_by_the_kepala_unit_says_so(realisasi_2024, masuk_sebagai, kadis, settings):
    settings.SAKIP_TINJAUAN_KEPALA_UNIT = True
    _atur_status(NAKER, 2, Pengajuan.Status.DITINJAU)
    _, baris = _matriks(_halaman(masuk_sebagai(kadis)))
    assert [teks for teks, _ in baris[NAKER]] == [
        "Disetujui",
        "Ditinjau kepala unit",
        "Disetujui",
        "Disetujui",
    ]


def test_the_waiting_list_holds_the_submitted_quarters_and_leads_to_them(
    realisasi_2024, masuk_sebagai, kadis
):
    assert _menunggu(_halaman(masuk_sebagai(kadis))) is None  # everything approved: no card
    _atur_status(NAKER, 2, Pengajuan.Status.DIAJUKAN)
    _atur_status(TRANS, 3, Pengajuan.Status.DIAJUKAN)
    _atur_status(BLK, 1, Pengajuan.Status.DIKEMBALIKAN)  # back with the unit: not waiting
    menunggu = _menunggu(_halaman(masuk_sebagai(kadis)))
    assert sorted(menunggu) == sorted(
        [
            (f"{NAKER} · triwulan 2", _url_isian(2, NAKER)),
            (f"{TRANS} · triwulan 3", _url_isian(3, TRANS)),
        ]
    )


def test_with_the_kepala_unit_review_the_kepala_dinas_waits_for_reviewed_quarters_only(
    realisasi_2024, masuk_sebagai, kadis, settings
):
    settings.SAKIP_TINJAUAN_KEPALA_UNIT = True
    _atur_status(NAKER, 2, Pengajuan.Status.DIAJUKAN)  # still with the Kepala Unit
    _atur_status(TRANS, 3, Pengajuan.Status.DITINJAU)
    assert _menunggu(_halaman(masuk_sebagai(kadis))) == [(f"{TRANS} · triwulan 3", _url_isian(3, TRANS))]


def test_the_waiting_list_names_only_units_the_reader_may_see(realisasi_2024, masuk_sebagai, operator_trans):
    _atur_status(NAKER, 2, Pengajuan.Status.DIAJUKAN)
    _atur_status(TRANS, 3, Pengajuan.Status.DIAJUKAN)
    dokumen = _halaman(masuk_sebagai(operator_trans))
    assert _menunggu(dokumen) == [(f"{TRANS} · triwulan 3", _url_isian(3, TRANS))]
    assert NAKER not in str(dokumen)


def test_a_unit_with_only_a_draft_pk_has_no_row(perencanaan, masuk_sebagai, kadis):
    PerjanjianKinerja.objects.filter(tahun=TAHUN, jabatan__unit_kerja__nama=BLK).update(status="draft")
    _, baris = _matriks(_halaman(masuk_sebagai(kadis)))
    assert list(baris) == [SEKRETARIAT, SUBBAG, NAKER, TRANS]


def test_anonymous_visitor_is_sent_to_login(realisasi_2024, client):
    for url in [reverse("capaian:status_isian_kini"), reverse("capaian:status_isian", args=[TAHUN])]:
        respons = client.get(url)
        assert respons.status_code == 302
        assert respons.url.startswith(reverse("masuk"))


def test_a_login_without_role_or_unit_sees_no_unit_and_no_status(realisasi_2024, client):
    _atur_status(NAKER, 2, Pengajuan.Status.DIAJUKAN)
    tanpa_peran = Pengguna.objects.create_user(username="tanpa_peran", password="sandi-uji-2024")
    client.force_login(tanpa_peran)
    dokumen = _halaman(client)
    _, baris = _matriks(dokumen)
    assert baris == {}
    assert KOSONG in _teks(dokumen)
    assert _menunggu(dokumen) is None
    halaman = str(dokumen)
    assert not any(nama in halaman for nama in SEMUA_UNIT)
    assert "Disetujui" not in halaman and "Diajukan" not in halaman


def test_a_year_outside_2000_2100_is_not_a_page(perencanaan, masuk_sebagai, kadis):
    client = masuk_sebagai(kadis)
    for tahun in [1999, 2101, 0, 9999]:
        assert client.get(reverse("capaian:status_isian", args=[tahun])).status_code == 404, tahun


def test_a_year_without_final_pk_says_there_is_nothing(perencanaan, masuk_sebagai, kadis):
    client = masuk_sebagai(kadis)
    for tahun in [2000, 2023, 2025, 2100]:
        dokumen = _halaman(client, tahun)
        assert _matriks(dokumen)[1] == {}, tahun
        assert KOSONG in _teks(dokumen)
        assert [_teks(h1) for h1 in _semua(dokumen, "h1")] == [f"Isian realisasi kinerja {tahun}"]


def test_the_menu_page_is_the_newest_year_with_pk_within_2000_2100(perencanaan, masuk_sebagai, kadis):
    kepala = Jabatan.objects.get(tingkat_pk=1)
    PerjanjianKinerja.objects.create(tahun=2150, jabatan=kepala, tanggal=datetime.date(2024, 1, 2))
    respons = masuk_sebagai(kadis).get(reverse("capaian:status_isian_kini"))
    assert respons.status_code == 200
    dokumen = parse_html(respons.content.decode())
    assert [_teks(h1) for h1 in _semua(dokumen, "h1")] == ["Isian realisasi kinerja 2024"]
    assert list(_matriks(dokumen)[1]) == SEMUA_UNIT


def test_without_any_pk_the_menu_page_is_this_year(organisasi, masuk_sebagai, kadis):
    respons = masuk_sebagai(kadis).get(reverse("capaian:status_isian_kini"))
    dokumen = parse_html(respons.content.decode())
    tahun_ini = timezone.localdate().year
    assert [_teks(h1) for h1 in _semua(dokumen, "h1")] == [f"Isian realisasi kinerja {tahun_ini}"]
    assert KOSONG in _teks(dokumen)
