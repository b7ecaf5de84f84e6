"""A formula line whose components are missing or divide by zero is saved as unfinished, shows no
capaian, and its quarter is neither submitted nor approved (issue 10, point 12)."""

from decimal import Decimal

import pytest
from django.urls import reverse

from capaian.models import NilaiKomponenTriwulan
from capaian.queries import capaian_tahun
from nakertrans import workflow
from nakertrans.demo import KEPALA_DINAS_JABATAN, PENGANTAR_KERJA, dinas
from nakertrans.models import Pengajuan, Pengguna, UnitKerja
from perjanjian.models import BarisPK

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def operator(organisasi):
    return Pengguna.objects.get(username="operator_sekretariat")


@pytest.fixture
def tpt(perencanaan):
    """Tingkat pengangguran terbuka = jumlah_pengangguran / jumlah_angkatan_kerja x 100, target 5,88,
    entered by the Sekretariat."""
    return BarisPK.objects.get(
        perjanjian__tahun=2024, perjanjian__jabatan__nama=KEPALA_DINAS_JABATAN, urutan=2
    )


def _sekretariat():
    return UnitKerja.objects.get(nama="Sekretariat")


def _simpan(client, baris, triwulan, versi="0", **komponen):
    data = {"realisasi": "", "kendala": "", "upaya": "", "versi": versi}
    data.update({f"komponen_{k}": v for k, v in komponen.items()})
    respons = client.post(reverse("capaian:simpan_baris", args=[2024, triwulan, baris.pk]), data, **HTMX)
    assert respons.status_code == 200
    return respons.content.decode()


def _halaman(client, triwulan=4):
    url = reverse("capaian:isian_triwulan", args=[2024, triwulan, _sekretariat().pk])
    return client.get(url).content.decode()


def _aksi(client, aksi, triwulan=4, catatan=""):
    url = reverse("capaian:ubah_status", args=[2024, triwulan, _sekretariat().pk, aksi])
    return client.post(url, {"catatan": catatan}, follow=True).content.decode()


def _status(triwulan=4):
    p = Pengajuan.objects.filter(
        jenis="kinerja", tahun=2024, periode=triwulan, unit_kerja=_sekretariat()
    ).first()
    return p.status if p else None


def _tpt(triwulan=4):
    return next(
        c
        for c in capaian_tahun(dinas(), 2024, triwulan)
        if c.baris.indikator.nama == "Tingkat pengangguran terbuka"
    )


@pytest.fixture
def tw3_lengkap(masuk_sebagai, operator, tpt):
    """TW III complete (5,39: capaian 108,33 %), the figure an unfinished TW IV must not fall back on."""
    client = masuk_sebagai(operator)
    halaman = _simpan(client, tpt, 3, jumlah_pengangguran="7060", jumlah_angkatan_kerja="131065")
    assert "Tersimpan." in halaman and "108,33 %" in halaman
    return client


def test_missing_component_is_saved_as_unfinished_with_no_capaian(tw3_lengkap, tpt, masuk_sebagai, kadis):
    halaman = _simpan(tw3_lengkap, tpt, 4, jumlah_pengangguran="7060", jumlah_angkatan_kerja="")
    assert "Tersimpan sebagai belum lengkap: Komponen belum diisi: Jumlah angkatan kerja." in halaman
    assert "Tersimpan." not in halaman and "108,33" not in halaman and "Nilai terhitung" not in halaman
    assert "Belum dapat dihitung: isian TW IV belum lengkap." in halaman
    # The component typed is kept; the quarter gives no realisasi and no capaian anywhere.
    assert NilaiKomponenTriwulan.objects.filter(realisasi__triwulan=4).count() == 1
    c = _tpt()
    assert (c.realisasi, c.capaian, c.predikat) == (None, None, None)
    assert c.belum_lengkap == {4: "Komponen belum diisi: Jumlah angkatan kerja."}
    assert _tpt(3).capaian == Decimal("108.33")  # the quarter before is untouched
    halaman = _halaman(masuk_sebagai(kadis))
    assert "Belum lengkap: Komponen belum diisi: Jumlah angkatan kerja." in halaman
    assert "108,33" not in halaman and "1 baris triwulan IV belum lengkap" in halaman


def test_division_by_zero_is_unfinished_too(tw3_lengkap, tpt):
    halaman = _simpan(tw3_lengkap, tpt, 4, jumlah_pengangguran="7060", jumlah_angkatan_kerja="0")
    assert "Tersimpan sebagai belum lengkap: Belum dapat dihitung: pembagian dengan nol" in halaman
    assert "108,33" not in halaman and _tpt().capaian is None


def test_all_components_empty_is_no_realisasi_and_shows_no_older_capaian(tw3_lengkap, tpt):
    """Clearing every component takes the quarter back to «not filled in» (so a wrong start can be
    undone); the page does not show the TW III capaian next to the empty TW IV."""
    halaman = _simpan(tw3_lengkap, tpt, 4, jumlah_pengangguran="", jumlah_angkatan_kerja="")
    assert "Tersimpan." in halaman and "Belum ada realisasi TW IV." in halaman
    assert "108,33" not in halaman and not _tpt().belum_lengkap


def test_typed_line_shows_no_capaian_next_to_an_empty_quarter(masuk_sebagai, operator_naker, perencanaan):
    """The same rule on a typed line: TW I's capaian is not printed next to an empty TW II."""
    client = masuk_sebagai(operator_naker)
    baris = BarisPK.objects.get(perjanjian__tahun=2024, perjanjian__jabatan__nama=PENGANTAR_KERJA)
    url = reverse("capaian:simpan_baris", args=[2024, 1, baris.pk])
    client.post(url, {"realisasi": "160", "kendala": "", "upaya": "", "versi": "0"}, **HTMX)
    naker = UnitKerja.objects.get(nama="Bidang Ketenagakerjaan")
    tw2 = client.get(reverse("capaian:isian_triwulan", args=[2024, 2, naker.pk])).content.decode()
    assert "Belum ada realisasi TW II." in tw2 and "49,38 %" not in tw2  # 160 of 162 + 162


def test_unfinished_quarter_cannot_be_submitted_until_complete(tw3_lengkap, tpt):
    _simpan(tw3_lengkap, tpt, 4, jumlah_pengangguran="7060", jumlah_angkatan_kerja="")
    halaman = _aksi(tw3_lengkap, "ajukan")
    assert (
        "Tidak dapat mengajukan: 1 baris triwulan IV belum lengkap, realisasinya belum dapat dihitung: "
        "«Tingkat pengangguran terbuka» (Kepala Dinas Tenaga Kerja dan Transmigrasi): Komponen belum "
        "diisi: Jumlah angkatan kerja. Lengkapi dulu, lalu ajukan lagi."
    ) in halaman
    assert _status() is None  # no period row, no history
    _simpan(tw3_lengkap, tpt, 4, versi="1", jumlah_pengangguran="7060", jumlah_angkatan_kerja="131065")
    assert "diajukan untuk disetujui" in _aksi(tw3_lengkap, "ajukan")
    assert _status() == "diajukan"


def test_kepala_dinas_cannot_approve_an_unfinished_quarter_submitted_earlier(
    tw3_lengkap, tpt, operator, kadis, client
):
    _simpan(tw3_lengkap, tpt, 4, jumlah_pengangguran="7060", jumlah_angkatan_kerja="")
    # Submitted before the check existed: straight through the workflow, without the page's check.
    p = workflow.ambil_pengajuan(jenis="kinerja", tahun=2024, periode=4, unit_kerja=_sekretariat())
    workflow.ajukan(pengajuan=p, user=operator, jumlah_isian=1)
    client.force_login(kadis)
    halaman = _aksi(client, "setujui")
    assert "Tidak dapat menyetujui: 1 baris triwulan IV belum lengkap" in halaman
    assert "Kembalikan ke unit kerja dengan catatan agar dilengkapi." in halaman
    assert _status() == "diajukan"
    assert not Pengajuan.objects.get(periode=4).riwayat.filter(ke_status="disetujui").exists()
    assert "dikembalikan ke unit kerja" in _aksi(client, "kembalikan", catatan="Isi jumlah angkatan kerja.")
