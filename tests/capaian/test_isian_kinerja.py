"""Quarterly realisasi entry, evidence, workflow and history for PK lines."""

import io
import zipfile
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from capaian.models import BuktiDukung, RealisasiTriwulan
from nakertrans.demo import KABID_TRANS, KEPALA_DINAS_JABATAN, PENGANTAR_KERJA, SEKRETARIS, dinas
from nakertrans.models import UnitKerja
from perjanjian.models import BarisPK

HTMX = {"HTTP_HX_REQUEST": "true"}


def _baris(jabatan, nomor=1):
    return BarisPK.objects.get(perjanjian__tahun=2024, perjanjian__jabatan__nama=jabatan, urutan=nomor)


def _simpan(client, baris, triwulan=1, **isian):
    data = {"realisasi": "", "kendala": "", "upaya": "", "versi": "0", **isian}
    return client.post(reverse("capaian:simpan_baris", args=[2024, triwulan, baris.pk]), data, **HTMX)


def test_operator_enters_a_quarter_inline(masuk_sebagai, operator_naker, perencanaan):
    baris = _baris(PENGANTAR_KERJA)
    respons = _simpan(
        masuk_sebagai(operator_naker), baris, realisasi="160", kendala="Lowongan sedikit", upaya="Job fair"
    )
    halaman = respons.content.decode()
    assert "Tersimpan." in halaman and halaman.lstrip().startswith("<tr")
    r = RealisasiTriwulan.objects.get(baris=baris, triwulan=1)
    assert (r.realisasi_angka, r.kendala, r.upaya) == (Decimal(160), "Lowongan sedikit", "Job fair")
    assert "98,77 %" in halaman  # 160 of the 162 planned for TW I (650 spread 162, 162, 163, 163)


@pytest.mark.parametrize(
    ("isian", "pesan"),
    [
        ({"realisasi": "seratus"}, "Realisasi harus berupa angka"),
        ({"realisasi": "-5"}, "Realisasi tidak boleh negatif"),
    ],
)
def test_bad_numbers_change_nothing(masuk_sebagai, operator_naker, perencanaan, isian, pesan):
    respons = _simpan(masuk_sebagai(operator_naker), _baris(PENGANTAR_KERJA), **isian)
    assert pesan in respons.content.decode()
    assert not RealisasiTriwulan.objects.exists()


def test_letter_outside_the_scale_is_refused(masuk_sebagai, operator_sekretariat_login, perencanaan):
    respons = _simpan(operator_sekretariat_login, _baris(SEKRETARIS), triwulan=4, realisasi="E")
    assert "Predikat harus salah satu dari AA, A, BB, B, CC, C, D." in respons.content.decode()
    assert (
        "Tersimpan."
        in _simpan(
            operator_sekretariat_login, _baris(SEKRETARIS), triwulan=4, realisasi="bb"
        ).content.decode()
    )
    assert RealisasiTriwulan.objects.get().realisasi_huruf == "BB"


@pytest.fixture
def operator_sekretariat_login(client, organisasi):
    from nakertrans.models import Pengguna

    client.force_login(Pengguna.objects.get(username="operator_sekretariat"))
    return client


def test_components_compute_the_value_as_typed_and_when_saved(operator_sekretariat_login, perencanaan):
    client = operator_sekretariat_login
    tpt = _baris(KEPALA_DINAS_JABATAN, 2)
    pratinjau = client.post(
        reverse("capaian:pratinjau_rumus", args=[tpt.pk]),
        {"komponen_jumlah_pengangguran": "7.060", "komponen_jumlah_angkatan_kerja": "131.065"},
        **HTMX,
    )
    assert "Nilai terhitung: <strong>5,39</strong>" in pratinjau.content.decode()
    nol = client.post(
        reverse("capaian:pratinjau_rumus", args=[tpt.pk]),
        {"komponen_jumlah_pengangguran": "7060", "komponen_jumlah_angkatan_kerja": "0"},
        **HTMX,
    )
    assert "pembagian dengan nol" in nol.content.decode()
    respons = _simpan(
        client,
        tpt,
        triwulan=4,
        komponen_jumlah_pengangguran="7.060",
        komponen_jumlah_angkatan_kerja="131.065",
    )
    assert "108,33 %" in respons.content.decode() and "Sangat Baik" in respons.content.decode()


def test_operator_of_transmigrasi_gets_nothing_of_ketenagakerjaan(masuk_sebagai, operator_trans, perencanaan):
    client = masuk_sebagai(operator_trans)
    naker = UnitKerja.objects.get(nama="Bidang Ketenagakerjaan")
    assert client.get(reverse("capaian:isian_triwulan", args=[2024, 1, naker.pk])).status_code == 404
    assert _simpan(client, _baris(PENGANTAR_KERJA), realisasi="1").status_code == 404
    respons = client.post(reverse("capaian:ubah_status", args=[2024, 1, naker.pk, "ajukan"]))
    assert respons.status_code == 404
    assert not RealisasiTriwulan.objects.exists()
    trans = UnitKerja.objects.get(nama="Bidang Transmigrasi")
    halaman = client.get(reverse("capaian:isian_triwulan", args=[2024, 1, trans.pk])).content.decode()
    assert "Persentase penyiapan kawasan transmigrasi" in halaman and PENGANTAR_KERJA not in halaman


def _pdf():
    return b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


def _docx():
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return keluaran.getvalue()


def test_evidence_is_checked_by_content_and_served_only_to_those_who_may_see_it(
    masuk_sebagai, operator_naker, operator_trans, kadis, perencanaan, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client = masuk_sebagai(operator_naker)
    baris = _baris(PENGANTAR_KERJA)
    palsu = _simpan(
        client, baris, realisasi="10", bukti=SimpleUploadedFile("laporan.pdf", b"MZ\x90\x00 bukan pdf")
    )
    assert "bukan PDF seperti namanya" in palsu.content.decode()
    assert not BuktiDukung.objects.exists() and not RealisasiTriwulan.objects.exists()
    settings.SAKIP_BATAS_BUKTI_MB = 0
    besar = _simpan(client, baris, realisasi="10", bukti=SimpleUploadedFile("laporan.pdf", _pdf()))
    assert "terlalu besar" in besar.content.decode()
    settings.SAKIP_BATAS_BUKTI_MB = 10
    for nama, isi in [("laporan.pdf", _pdf()), ("daftar hadir.docx", _docx())]:
        assert (
            "Tersimpan."
            in _simpan(
                client,
                baris,
                realisasi="10",
                bukti=SimpleUploadedFile(nama, isi),
                versi=str(
                    RealisasiTriwulan.objects.filter(baris=baris).first().versi
                    if RealisasiTriwulan.objects.exists()
                    else 0
                ),
            ).content.decode()
        )
    bukti = BuktiDukung.objects.get(nama_asli="laporan.pdf")
    assert "laporan" not in bukti.berkas.name and len(bukti.berkas.name) > 36
    assert b"".join(client.get(reverse("capaian:unduh_bukti", args=[bukti.pk])).streaming_content) == _pdf()
    assert masuk_sebagai(kadis).get(reverse("capaian:unduh_bukti", args=[bukti.pk])).status_code == 200
    assert (
        masuk_sebagai(operator_trans).get(reverse("capaian:unduh_bukti", args=[bukti.pk])).status_code == 404
    )


def _status(client, aksi, unit="Bidang Ketenagakerjaan", catatan="", triwulan=1):
    unit = UnitKerja.objects.get(nama=unit)
    url = reverse("capaian:ubah_status", args=[2024, triwulan, unit.pk, aksi])
    return client.post(url, {"catatan": catatan}, follow=True).content.decode()


def test_whole_cycle_and_locks(client, operator_naker, kadis, perencanaan):
    client.force_login(operator_naker)
    assert "Belum ada isian" in _status(client, "ajukan")
    _simpan(client, _baris(PENGANTAR_KERJA), realisasi="150")
    _status(client, "ajukan")
    client.force_login(kadis)
    assert "Catatan wajib" in _status(client, "kembalikan")
    _status(client, "kembalikan", catatan="Lampirkan daftar pencari kerja.")
    client.force_login(operator_naker)
    naker = UnitKerja.objects.get(nama="Bidang Ketenagakerjaan")
    halaman = client.get(reverse("capaian:isian_triwulan", args=[2024, 1, naker.pk])).content.decode()
    assert "Lampirkan daftar pencari kerja." in halaman and "Dikembalikan" in halaman
    _simpan(client, _baris(PENGANTAR_KERJA), realisasi="162", versi="1")
    _status(client, "ajukan")
    client.force_login(kadis)
    assert "disetujui dan dikunci" in _status(client, "setujui")
    assert "status pengajuan sekarang disetujui" in _status(client, "setujui")
    client.force_login(operator_naker)
    assert "terkunci" in _simpan(client, _baris(PENGANTAR_KERJA), realisasi="1", versi="2").content.decode()
    assert RealisasiTriwulan.objects.get().realisasi_angka == Decimal(162)


def test_concurrent_edits_raise_a_conflict_with_both_values(masuk_sebagai, operator_naker, perencanaan):
    client = masuk_sebagai(operator_naker)
    baris = _baris(PENGANTAR_KERJA)
    _simpan(client, baris, realisasi="100")
    respons = _simpan(client, baris, realisasi="120", versi="0")
    halaman = respons.content.decode()
    assert "sudah diubah orang lain" in halaman and "realisasi 100" in halaman and 'value="120"' in halaman
    assert RealisasiTriwulan.objects.get().realisasi_angka == Decimal(100)


def test_history_shows_old_and_new_values_to_kadis_and_inspektorat_only(
    masuk_sebagai, operator_naker, kadis, inspektorat, perencanaan
):
    client = masuk_sebagai(operator_naker)
    baris = _baris(PENGANTAR_KERJA)
    _simpan(client, baris, realisasi="100")
    _simpan(client, baris, realisasi="120", versi="1")
    assert client.get(reverse("capaian:riwayat_baris", args=[baris.pk])).status_code == 403
    for orang in (kadis, inspektorat):
        respons = masuk_sebagai(orang).get(reverse("capaian:riwayat_baris", args=[baris.pk]))
        perubahan = [(p.apa, p.lama, p.baru) for p in respons.context["perubahan"]]
        assert ("TW 1: realisasi", Decimal(100), Decimal(120)) in perubahan
        assert "operator_naker" in respons.content.decode()


def test_entry_page_query_count_does_not_grow_with_lines(masuk_sebagai, kadis, perencanaan):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = masuk_sebagai(kadis)

    def hitung(unit):
        with CaptureQueriesContext(connection) as q:
            respons = client.get(
                reverse("capaian:isian_triwulan", args=[2024, 1, UnitKerja.objects.get(nama=unit).pk])
            )
        return len(respons.context["baris"]), len(q)

    sedikit, banyak = hitung("UPTD Balai Latihan Kerja"), hitung("Bidang Ketenagakerjaan")
    assert banyak[0] > sedikit[0] and banyak[1] == sedikit[1]


def test_component_values_are_read_only_for_lines_computed_from_components(
    masuk_sebagai, kadis, realisasi_2024
):
    """Bidang Ketenagakerjaan's lines are typed figures: its page reads no component values; the
    Sekretariat fills the Kepala Dinas's TPT, computed from two components, and its page reads them in
    one query and shows the computed figure."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = masuk_sebagai(kadis)

    def baca(unit):
        with CaptureQueriesContext(connection) as q:
            respons = client.get(
                reverse("capaian:isian_triwulan", args=[2024, 4, UnitKerja.objects.get(nama=unit).pk])
            )
        nilai = [k for k in q.captured_queries if 'FROM "capaian_nilaikomponentriwulan"' in k["sql"]]
        return respons, len(nilai), len(q)

    naker, nilai_naker, kueri_naker = baca("Bidang Ketenagakerjaan")
    sekretariat, nilai_sekretariat, kueri_sekretariat = baca("Sekretariat")
    assert any(k["b"].indikator.rumus for k in sekretariat.context["baris"])
    assert not any(k["b"].indikator.rumus for k in naker.context["baris"])
    assert (nilai_naker, nilai_sekretariat) == (0, 1)
    assert kueri_sekretariat == kueri_naker + 1
    assert "108,33" in sekretariat.content.decode()  # TPT 2024 computed from its components


def test_kabid_trans_line_is_read_only_for_kadis(masuk_sebagai, kadis, perencanaan):
    assert _simpan(masuk_sebagai(kadis), _baris(KABID_TRANS), realisasi="1").status_code == 404


def test_revising_a_pk_keeps_its_realisasi_and_filling_unit(realisasi_2024, admin):
    from capaian.queries import capaian_tahun
    from perjanjian import services as pk_services
    from perjanjian.models import PerjanjianKinerja

    lama = PerjanjianKinerja.objects.get(tahun=2024, jabatan__nama=KEPALA_DINAS_JABATAN, status="final")
    baru = pk_services.revisi_pk(perjanjian=lama, user=admin, alasan="Pergantian Bupati")
    assert baru.unit_isian.nama == "Sekretariat"
    pk_services.finalkan_pk(perjanjian=baru, user=admin)
    utama = [c for c in capaian_tahun(dinas(), 2024) if c.baris.perjanjian.jabatan.tingkat_pk == 1]
    assert [c.realisasi for c in utama] == [Decimal("43.10"), Decimal("5.39")]
    assert all(c.baris.perjanjian_id == baru.pk for c in utama)


def test_oversized_numbers_are_refused_not_stored(masuk_sebagai, operator_naker, perencanaan):
    respons = _simpan(masuk_sebagai(operator_naker), _baris(PENGANTAR_KERJA), realisasi="100000000000000")
    assert "11 angka" in respons.content.decode()
    assert not RealisasiTriwulan.objects.exists()
    naker = UnitKerja.objects.get(nama="Bidang Ketenagakerjaan")
    assert (
        masuk_sebagai(operator_naker)
        .get(reverse("capaian:isian_triwulan", args=[2024, 1, naker.pk]))
        .status_code
        == 200
    )


def test_lines_of_a_draft_pk_cannot_be_entered(masuk_sebagai, operator_naker, admin, perencanaan):
    from perjanjian import services as pk_services
    from perjanjian.models import PerjanjianKinerja

    lama = PerjanjianKinerja.objects.get(tahun=2024, jabatan__nama=PENGANTAR_KERJA)
    draf = pk_services.revisi_pk(perjanjian=lama, user=admin, alasan="Koreksi")
    respons = _simpan(masuk_sebagai(operator_naker), draf.baris.get(), realisasi="1")
    assert respons.status_code == 404


def test_a_missing_evidence_file_is_a_404(masuk_sebagai, operator_naker, perencanaan, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client = masuk_sebagai(operator_naker)
    _simpan(client, _baris(PENGANTAR_KERJA), realisasi="10", bukti=SimpleUploadedFile("a.pdf", _pdf()))
    bukti = BuktiDukung.objects.get()
    bukti.berkas.storage.delete(bukti.berkas.name)
    assert client.get(reverse("capaian:unduh_bukti", args=[bukti.pk])).status_code == 404


def test_row_ids_are_never_printed_with_thousand_separators(masuk_sebagai, operator_naker, perencanaan):
    """htmx targets #baris-<pk>: a pk of 1234 printed as 1.234 would make the selector miss."""
    # Give the line a four-digit id, as PostgreSQL's sequences do after a few thousand rows.
    BarisPK.objects.filter(pk=_baris(PENGANTAR_KERJA).pk).update(id=4321)
    baris = BarisPK.objects.get(pk=4321)
    respons = _simpan(masuk_sebagai(operator_naker), baris, realisasi="1")
    halaman = respons.content.decode()
    assert f'id="baris-{baris.pk}"' in halaman and f'hx-target="#baris-{baris.pk}"' in halaman


def _terbesar_komponen():
    from capaian.models import NilaiKomponenTriwulan
    from capaian.queries import nilai_terbesar

    return nilai_terbesar(NilaiKomponenTriwulan._meta.get_field("nilai"))


def _teks(nilai):
    from nakertrans.format_id import format_angka

    return format_angka(nilai, -nilai.as_tuple().exponent)


def test_largest_component_saves_and_renders_one_digit_more_is_refused(
    operator_sekretariat_login, perencanaan
):
    """Components are checked against their field before anything is written (issue 10, point 13)."""
    from capaian.models import NilaiKomponenTriwulan

    client = operator_sekretariat_login
    tpt = _baris(KEPALA_DINAS_JABATAN, 2)
    terbesar = _terbesar_komponen()  # 99.999.999.999,9999: 15 digits, which every database keeps
    assert terbesar == Decimal("99999999999.9999")
    respons = _simpan(
        client,
        tpt,
        triwulan=4,
        komponen_jumlah_pengangguran="1.000.000.000.000",
        komponen_jumlah_angkatan_kerja="5",
    )
    halaman = respons.content.decode()
    assert (
        f"Nilai komponen «Jumlah pengangguran» terlalu besar: paling banyak 11 angka sebelum koma, "
        f"nilai terbesar {_teks(terbesar)}."
    ) in halaman
    assert not RealisasiTriwulan.objects.exists() and not NilaiKomponenTriwulan.objects.exists()
    lebih = _simpan(
        client, tpt, triwulan=4, komponen_jumlah_pengangguran="1,00001", komponen_jumlah_angkatan_kerja="5"
    )
    assert "paling banyak 4 angka di belakang koma" in lebih.content.decode()
    assert not RealisasiTriwulan.objects.exists()
    respons = _simpan(
        client,
        tpt,
        triwulan=4,
        komponen_jumlah_pengangguran=_teks(terbesar),
        komponen_jumlah_angkatan_kerja="5",
    )
    assert "Tersimpan." in respons.content.decode()
    assert NilaiKomponenTriwulan.objects.get(komponen__kode="jumlah_pengangguran").nilai == terbesar
    sekretariat = UnitKerja.objects.get(nama="Sekretariat")
    halaman = client.get(reverse("capaian:isian_triwulan", args=[2024, 4, sekretariat.pk])).content.decode()
    assert f'value="{_teks(terbesar).rstrip("0")}"' in halaman


def test_preview_checks_components_the_same_way(operator_sekretariat_login, perencanaan):
    tpt = _baris(KEPALA_DINAS_JABATAN, 2)
    url = reverse("capaian:pratinjau_rumus", args=[tpt.pk])
    terbesar = _terbesar_komponen()
    besar = operator_sekretariat_login.post(
        url,
        {"komponen_jumlah_pengangguran": "1.000.000.000.000", "komponen_jumlah_angkatan_kerja": "5"},
        **HTMX,
    )
    assert "paling banyak 11 angka sebelum koma" in besar.content.decode()
    pas = operator_sekretariat_login.post(
        url,
        {"komponen_jumlah_pengangguran": _teks(terbesar), "komponen_jumlah_angkatan_kerja": "100"},
        **HTMX,
    )
    assert "Nilai terhitung: <strong>" in pas.content.decode()


@pytest.mark.sqlite  # only SQLite can hold a value larger than its column; PostgreSQL refuses the write
def test_an_oversized_value_stored_earlier_breaks_no_page_and_can_be_corrected(
    operator_sekretariat_login, masuk_sebagai, inspektorat, kadis, perencanaan
):
    """SQLite stores a 19-digit component that the field cannot read back (decimal.InvalidOperation on
    every page listing the line, and on every later save). PostgreSQL refuses it when written."""
    from capaian.models import NilaiKomponenTriwulan

    tpt = _baris(KEPALA_DINAS_JABATAN, 2)
    r = RealisasiTriwulan.objects.create(baris=tpt, triwulan=4)
    for kode, nilai in [("jumlah_pengangguran", "1234567890123456789"), ("jumlah_angkatan_kerja", "131065")]:
        NilaiKomponenTriwulan.objects.create(
            realisasi=r, komponen=tpt.indikator.komponen.get(kode=kode), nilai=Decimal(nilai)
        )
    sekretariat = UnitKerja.objects.get(nama="Sekretariat")
    halaman_isian = reverse("capaian:isian_triwulan", args=[2024, 4, sekretariat.pk])
    client = operator_sekretariat_login
    halaman = client.get(halaman_isian).content.decode()
    assert "melebihi batas" in halaman and "1.234.567.890.123.456.789" in halaman
    assert masuk_sebagai(inspektorat).get(reverse("beranda")).status_code == 200
    assert masuk_sebagai(kadis).get(halaman_isian).status_code == 200
    client.force_login(_operator_sekretariat())  # the same test client was lent to the others
    respons = _simpan(
        client,
        tpt,
        triwulan=4,
        versi="0",
        komponen_jumlah_pengangguran="7.060",
        komponen_jumlah_angkatan_kerja="131.065",
    )
    assert "Tersimpan." in respons.content.decode() and "108,33 %" in respons.content.decode()
    assert NilaiKomponenTriwulan.objects.get(komponen__kode="jumlah_pengangguran").nilai == Decimal(7060)


def _operator_sekretariat():
    from nakertrans.models import Pengguna

    return Pengguna.objects.get(username="operator_sekretariat")


def test_each_quarter_shows_its_own_evidence_in_its_row(masuk_sebagai, operator_naker, perencanaan):
    baris = _baris(PENGANTAR_KERJA)
    client = masuk_sebagai(operator_naker)
    for triwulan, nama in [(1, "bukti-tw1.pdf"), (2, "bukti-tw2.pdf")]:
        respons = _simpan(client, baris, triwulan, realisasi="160", bukti=SimpleUploadedFile(nama, _pdf()))
        # The row the save swaps in lists the quarter's evidence.
        assert nama in respons.content.decode()
    unit = baris.perjanjian.unit_isian
    halaman = {
        tw: client.get(reverse("capaian:isian_triwulan", args=[2024, tw, unit.pk])).content.decode()
        for tw in (1, 2, 3)
    }
    baris_tw = {tw: h[h.index(f'id="baris-{baris.pk}"') :].split("</tr>")[0] for tw, h in halaman.items()}
    assert "bukti-tw1.pdf" in baris_tw[1] and "bukti-tw2.pdf" not in baris_tw[1]
    assert "bukti-tw2.pdf" in baris_tw[2] and "bukti-tw1.pdf" not in baris_tw[2]
    assert "bukti-tw" not in halaman[3]
    # The other rows of the page list none of it.
    lain = [b for b in halaman[1].split('<tr id="baris-')[1:] if not b.startswith(f'{baris.pk}"')]
    assert lain and not any("bukti-tw" in b.split("</tr>")[0] for b in lain)
