"""The entry rows and the workflow's note go through Django forms: every text field refuses a NUL
character and an over-long value with a clear Indonesian message, saves nothing, and never answers with
a server error (no middleware refuses NUL before the views any more)."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from anggaran.models import AnggaranSubKegiatan, RealisasiAnggaran
from capaian import services
from capaian.models import BuktiDukung, RealisasiTriwulan
from nakertrans.demo import PENGANTAR_KERJA, dinas
from nakertrans.models import Pengajuan, Pengguna, RiwayatPengajuan, UnitKerja
from perjanjian.models import BarisPK

HTMX = {"HTTP_HX_REQUEST": "true"}
NUL = "karakter NUL (biasanya terbawa saat menempel dari berkas biner)"


def _baris_pk():
    return BarisPK.objects.get(perjanjian__tahun=2024, perjanjian__jabatan__nama=PENGANTAR_KERJA, urutan=1)


def _simpan_kinerja(client, **isian):
    data = {"realisasi": "160", "kendala": "", "upaya": "", "versi": "0", **isian}
    url = reverse("capaian:simpan_baris", args=[2024, 1, _baris_pk().pk])
    return client.post(url, data, **HTMX)


@pytest.mark.parametrize(
    ("bidang", "nilai", "pesan"),
    [
        ("realisasi", "16\x000", f"Realisasi berisi 1 {NUL}"),
        ("kendala", "Lowongan\x00 sedikit", f"Kendala berisi 1 {NUL}"),
        ("upaya", "Job\x00fa\x00ir", f"Upaya berisi 2 {NUL}"),
        ("kendala", "x" * 4001, "Kendala terlalu panjang: 4.001 karakter, paling banyak 4.000."),
        ("realisasi", "1" * 51, "Realisasi terlalu panjang: 51 karakter, paling banyak 50."),
        ("versi", "dua", "Versi: "),
    ],
)
def test_a_bad_kinerja_field_gets_its_message_and_saves_nothing(
    masuk_sebagai, operator_naker, perencanaan, bidang, nilai, pesan
):
    respons = _simpan_kinerja(masuk_sebagai(operator_naker), **{bidang: nilai})
    assert respons.status_code == 200
    halaman = respons.content.decode()
    assert pesan in halaman
    assert "\x00" not in halaman  # what was typed comes back without the character
    assert not RealisasiTriwulan.objects.filter(baris=_baris_pk()).exists()


def test_a_nul_in_a_component_is_refused_by_the_row_and_by_the_preview(masuk_sebagai, perencanaan):
    baris = BarisPK.objects.filter(
        perjanjian__instansi=dinas(), perjanjian__tahun=2024, indikator__komponen__isnull=False
    ).first()
    pengisi = Pengguna.objects.get(username="operator_sekretariat")
    assert baris.perjanjian.unit_isian in pengisi.unit_kerja.all()
    client = masuk_sebagai(pengisi)
    kode = baris.indikator.komponen.first().kode
    url = reverse("capaian:pratinjau_rumus", args=[baris.pk])
    assert NUL in client.post(url, {f"komponen_{kode}": "12\x003"}, **HTMX).content.decode()
    url = reverse("capaian:simpan_baris", args=[2024, 1, baris.pk])
    respons = client.post(url, {f"komponen_{kode}": "12\x003", "versi": "0"}, **HTMX)
    assert NUL in respons.content.decode()
    assert not RealisasiTriwulan.objects.filter(baris=baris).exists()


def test_values_and_evidence_are_saved_together_by_the_service(operator_naker, perencanaan):
    bukan_pdf = SimpleUploadedFile("bukti.pdf", b"bukan pdf sama sekali")
    with pytest.raises(ValidationError, match="bukan"):
        services.simpan_realisasi_kinerja(
            user=operator_naker, baris=_baris_pk(), triwulan=1, realisasi="160", bukti=bukan_pdf
        )
    assert not RealisasiTriwulan.objects.filter(baris=_baris_pk()).exists()
    assert not BuktiDukung.objects.exists()


@pytest.fixture
def anggaran_kosong(perencanaan):
    RealisasiAnggaran.objects.all().delete()
    return AnggaranSubKegiatan.objects.get(tahun=2024, sub_kegiatan__kode="3.32.04.2.01.0001")


@pytest.mark.parametrize(
    ("bidang", "nilai", "pesan"),
    [
        ("keuangan", "1.500\x00.000", f"Realisasi keuangan berisi 1 {NUL}"),
        ("fisik", "10\x00", f"Realisasi fisik berisi 1 {NUL}"),
        ("catatan", "SP2D\x00", f"Catatan berisi 1 {NUL}"),
        ("catatan", "x" * 4001, "Catatan terlalu panjang: 4.001 karakter, paling banyak 4.000."),
        ("keuangan", "satu juta", "Realisasi keuangan harus berupa angka rupiah, misalnya 1.250.000."),
        ("fisik", "banyak", "Realisasi fisik harus berupa angka persen, misalnya 45,5."),
    ],
)
def test_a_bad_anggaran_field_gets_its_message_and_saves_nothing(
    masuk_sebagai, operator_trans, anggaran_kosong, bidang, nilai, pesan
):
    data = {"keuangan": "1.500.000", "fisik": "10", "catatan": "", "versi": "0", bidang: nilai}
    url = reverse("anggaran:simpan_baris", args=[2024, 3, anggaran_kosong.pk])
    respons = masuk_sebagai(operator_trans).post(url, data, **HTMX)
    assert respons.status_code == 200
    halaman = respons.content.decode()
    assert pesan in halaman and "\x00" not in halaman
    assert not RealisasiAnggaran.objects.exists()


def test_a_nul_in_the_return_note_changes_no_status(masuk_sebagai, kadis, perencanaan):
    unit = UnitKerja.objects.get(nama="Bidang Transmigrasi")
    p = Pengajuan.objects.create(jenis="kinerja", tahun=2024, periode=1, unit_kerja=unit, status="diajukan")
    url = reverse("capaian:ubah_status", args=[2024, 1, unit.pk, "kembalikan"])
    respons = masuk_sebagai(kadis).post(url, {"catatan": "Bukti\x00 kurang"}, follow=True)
    assert respons.status_code == 200
    assert f"Catatan berisi 1 {NUL}" in respons.content.decode()
    p.refresh_from_db()
    assert p.status == "diajukan" and not RiwayatPengajuan.objects.filter(pengajuan=p).exists()
