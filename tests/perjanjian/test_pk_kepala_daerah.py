"""The Bupati's own Perjanjian Kinerja (PK Kepala Daerah): the sasaran and IKU daerah of the RPJMD with
the year's targets, drawn up by the kabupaten, signed by the Bupati alone, read and printed by all."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from nakertrans.models import Pengguna
from nakertrans.peran import ADMIN_OPD
from perjanjian import services
from perjanjian.models import RPJMD, PerjanjianKinerja, TargetIKUDaerah
from tests.pdf_teks import teks_pdf

TANGGAL = datetime.date(2023, 1, 6)


@pytest.fixture
def admin_kabupaten(perencanaan):
    """An administrator of no office (the Bagian Organisasi, until its own role exists)."""
    pengguna = Pengguna.objects.create_user("admin_kab", password="x", is_staff=True)
    pengguna.groups.add(Group.objects.get(name=ADMIN_OPD))
    return pengguna


def _rpjmd():
    return RPJMD.objects.get()


def test_the_kabupaten_draws_up_the_pk_from_the_rpjmds_targets_and_the_bupati_signs_it_alone(admin_kabupaten):
    pk = services.susun_pk_kepala_daerah(rpjmd=_rpjmd(), tahun=2023, tanggal=TANGGAL, user=admin_kabupaten)
    assert pk.status == "draft" and pk.instansi is None and pk.tempat == "Muara Bungo"
    harapan = [
        (t.iku.sasaran.teks, t.iku.indikator_id, t.target_angka)
        for t in TargetIKUDaerah.objects.filter(tahun=2023).order_by("iku__urutan")
    ]
    assert [(b.sasaran, b.indikator_id, b.target_angka) for b in pk.baris.order_by("urutan")] == harapan
    services.finalkan_pk(perjanjian=pk, user=admin_kabupaten)
    pk.refresh_from_db()
    assert pk.status == "final"
    assert pk.pihak_kesatu.jabatan.nama == "Bupati Bungo" and pk.pihak_kedua is None


@pytest.mark.parametrize(
    "tahun, pesan",
    [
        (2027, "Tahun 2027 di luar masa RPJMD Kabupaten Bungo 2021-2026."),
        (2024, "PK Kepala Daerah tahun 2024 sudah ada"),
    ],
)
def test_a_year_outside_the_rpjmd_or_already_agreed_is_refused(admin_kabupaten, tahun, pesan):
    sebelum = PerjanjianKinerja.objects.count()
    with pytest.raises(ValidationError, match=pesan):
        services.susun_pk_kepala_daerah(
            rpjmd=_rpjmd(), tahun=tahun, tanggal=datetime.date(tahun, 1, 2), user=admin_kabupaten
        )
    assert PerjanjianKinerja.objects.count() == sebelum


def test_an_iku_daerah_without_the_years_target_is_named_and_nothing_is_made(admin_kabupaten):
    TargetIKUDaerah.objects.filter(tahun=2023, iku__urutan=2).delete()
    sebelum = PerjanjianKinerja.objects.count()
    with pytest.raises(ValidationError, match="IKU daerah tanpa target tahun 2023: Tingkat pengangguran"):
        services.susun_pk_kepala_daerah(rpjmd=_rpjmd(), tahun=2023, tanggal=TANGGAL, user=admin_kabupaten)
    assert PerjanjianKinerja.objects.count() == sebelum


def test_an_offices_administrator_does_not_manage_the_bupatis_pk(admin, perencanaan):
    with pytest.raises(PermissionDenied, match="admin tingkat kabupaten"):
        services.susun_pk_kepala_daerah(rpjmd=_rpjmd(), tahun=2023, tanggal=TANGGAL, user=admin)
    pk = PerjanjianKinerja.objects.get(tahun=2024, jabatan__jenis="kepala_daerah")
    with pytest.raises(PermissionDenied):
        services.revisi_pk(perjanjian=pk, user=admin, alasan="Coba")


def test_every_user_reads_the_bupatis_pk_and_its_document(masuk_sebagai, operator_trans, perencanaan):
    client = masuk_sebagai(operator_trans)
    halaman = client.get(reverse("perjanjian:kepala_daerah")).content.decode()
    assert "Perjanjian Kinerja Kepala Daerah 2024" in halaman
    assert "Tingkat pengangguran terbuka" in halaman
    assert "Finalkan" not in halaman and "Buat revisi" not in halaman
    respons = client.get(reverse("perjanjian:cetak_kepala_daerah", args=[2024]))
    assert respons.status_code == 200
    teks = teks_pdf(respons.content)
    for potongan in ["PERJANJIAN KINERJA TAHUN 2024", "PEMERINTAH KABUPATEN BUNGO", "Ahmad Fauzi", "RPJMD"]:
        assert potongan in teks, potongan
    assert "PIHAK KEDUA" not in teks


def test_a_year_without_the_bupatis_pk_is_said_so(masuk_sebagai, operator_trans, perencanaan):
    client = masuk_sebagai(operator_trans)
    assert (
        "Belum ada PK Kepala Daerah tahun 2022."
        in client.get(reverse("perjanjian:kepala_daerah_tahun", args=[2022])).content.decode()
    )
    assert client.get(reverse("perjanjian:cetak_kepala_daerah", args=[2022])).status_code == 404


def test_the_kabupaten_administrator_finalises_from_the_page(client, admin_kabupaten):
    pk = services.susun_pk_kepala_daerah(rpjmd=_rpjmd(), tahun=2023, tanggal=TANGGAL, user=admin_kabupaten)
    client.force_login(admin_kabupaten)
    halaman = client.get(reverse("perjanjian:kepala_daerah_tahun", args=[2023])).content.decode()
    assert "Finalkan" in halaman
    respons = client.post(reverse("perjanjian:finalkan", args=[pk.pk]))
    assert respons["Location"] == reverse("perjanjian:kepala_daerah_tahun", args=[2023])
    pk.refresh_from_db()
    assert pk.status == "final" and pk.baris.count() == 2
    assert (
        pk.baris.get(urutan=1).target_angka
        == TargetIKUDaerah.objects.get(tahun=2023, iku__urutan=1).target_angka
    )
    assert isinstance(pk.baris.get(urutan=1).target_angka, Decimal)
