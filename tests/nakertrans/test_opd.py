"""Every perangkat daerah its own organisation in one installation: rows scoped to their office,
constraints per office, /opd/<kode>/ addresses, and an office's users reaching nothing of another's."""

import re
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction

from anggaran.models import AnggaranSubKegiatan, Nomenklatur, RealisasiAnggaran
from capaian.models import TerbitanLKjIP
from nakertrans.berkas_tabel import baca_berkas
from nakertrans.demo import BIDANG_NAKER, dinas
from nakertrans.impor import impor
from nakertrans.models import Pengguna, UnitKerja
from nakertrans.peran import OPERATOR
from perjanjian.models import BarisPK, Indikator, PerjanjianKinerja, Renstra
from tests.opd_kedua import KODE

# -- rows and constraints ----------------------------------------------------------------------------


def test_rows_take_the_office_of_their_unit_or_post(opd_kedua):
    assert opd_kedua["pk"].instansi == opd_kedua["opd"]
    assert opd_kedua["dpa"].instansi == opd_kedua["opd"]
    # The Bupati's own PK belongs to the Pemerintah Daerah, no office.
    assert set(PerjanjianKinerja.objects.filter(tahun=2024).values_list("instansi__kode", flat=True)) == {
        "disnakertrans",
        KODE,
        None,
    }


def test_a_dpa_code_is_unique_within_an_office_and_year_not_across_the_kabupaten(opd_kedua):
    """The same code in two offices is two lines; a second line of it in one office is refused, by the
    form check in Indonesian and by the database."""
    dpa = opd_kedua["dpa"]
    kedua = AnggaranSubKegiatan(
        tahun=2024, sub_kegiatan=dpa.sub_kegiatan, unit_kerja=opd_kedua["bidang"], indikator="x", target=1,
        satuan="x", pagu_murni=1,
    )  # fmt: skip
    with pytest.raises(ValidationError) as galat:
        kedua.full_clean()
    assert "sudah ada di DPA perangkat daerah ini" in str(galat.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        kedua.save()


def test_an_indicator_name_is_unique_within_an_office(opd_kedua):
    with pytest.raises(IntegrityError), transaction.atomic():
        Indikator.objects.create(
            instansi=opd_kedua["opd"], nama=opd_kedua["indikator"].nama.upper(), satuan="x"
        )


def test_a_renstra_start_year_is_unique_within_an_office(opd_kedua):
    with pytest.raises(ValidationError) as galat:
        Renstra(
            instansi=opd_kedua["opd"], nama="Lagi", tahun_awal=2021, tahun_akhir=2026, visi="v"
        ).full_clean()
    assert "sudah memiliki Renstra" in str(galat.value)


# -- addresses ---------------------------------------------------------------------------------------


def test_an_offices_user_is_sent_from_the_old_address_to_the_same_page_of_their_office(client, opd_kedua):
    client.force_login(opd_kedua["operator"])
    respons = client.get("/anggaran/realisasi/2024/?periode=b6")
    assert respons.status_code == 302
    assert respons["Location"] == f"/opd/{KODE}/anggaran/realisasi/2024/?periode=b6"
    halaman = client.get(respons["Location"])
    assert halaman.status_code == 200
    # Every link of the page stays in the office.
    tautan = re.findall(r'href="(/[^"]*)"', halaman.content.decode())
    assert tautan and all(t.startswith((f"/opd/{KODE}/", "/static/")) for t in tautan), tautan


def test_another_offices_address_is_not_found_for_an_offices_user(client, opd_kedua):
    client.force_login(opd_kedua["operator"])
    assert client.get("/opd/disnakertrans/anggaran/realisasi/2024/").status_code == 404
    assert client.get("/opd/tidak-ada/").status_code == 404


def test_a_kabupaten_user_chooses_the_office_and_reads_it_at_its_address(client, opd_kedua, inspektorat):
    client.force_login(inspektorat)
    pilih = client.get("/anggaran/realisasi/2024/")
    assert pilih.status_code == 200
    isi = pilih.content.decode()
    assert "Pilih perangkat daerah" in isi
    assert f'href="/opd/{KODE}/anggaran/realisasi/2024/"' in isi
    assert 'href="/opd/disnakertrans/anggaran/realisasi/2024/"' in isi
    dinkes = client.get(f"/opd/{KODE}/anggaran/program-kegiatan/2024/").content.decode()
    dinas_ = client.get("/opd/disnakertrans/anggaran/program-kegiatan/2024/").content.decode()
    assert "1.000.000" in dinkes and "4.635.301.681" not in dinkes
    assert "4.635.301.681" in dinas_


def test_a_single_office_installation_has_no_prefix_and_no_choice(client, inspektorat, perencanaan):
    client.force_login(inspektorat)
    respons = client.get("/anggaran/program-kegiatan/2024/")
    assert respons.status_code == 200
    assert "Pilih perangkat daerah" not in respons.content.decode()
    assert "/opd/" not in respons.content.decode()


# -- reaching another office's objects ----------------------------------------------------------------


def _halaman_dinas(tahun=2024):
    """Addresses of the Dinas's own objects, by id, year and unit."""
    opd = dinas()
    unit = UnitKerja.objects.get(instansi=opd, nama=BIDANG_NAKER)
    pk = PerjanjianKinerja.objects.filter(instansi=opd, tahun=tahun).order_by("pk").first()
    baris = BarisPK.objects.filter(perjanjian=pk).first()
    jabatan = pk.jabatan
    return [
        f"/organisasi/unit/{unit.pk}/",
        f"/organisasi/jabatan/{jabatan.pk}/",
        f"/perjanjian/pk/{pk.pk}/",
        f"/perjanjian/pk/{pk.pk}/cetak.pdf",
        f"/capaian/isian/{tahun}/1/unit/{unit.pk}/",
        f"/capaian/baris/{baris.pk}/riwayat/",
        f"/anggaran/isian/{tahun}/1/unit/{unit.pk}/",
    ]


@pytest.mark.parametrize("nomor", range(7))
def test_an_offices_user_reaching_another_offices_object_by_id_is_not_found(client, opd_kedua, nomor):
    client.force_login(opd_kedua["kepala"])
    alamat = _halaman_dinas()[nomor]
    assert client.get(f"/opd/{KODE}{alamat}").status_code == 404, alamat


def test_an_offices_operator_cannot_enter_another_offices_month(client, opd_kedua):
    opd = dinas()
    unit = UnitKerja.objects.get(instansi=opd, nama=BIDANG_NAKER)
    dpa = AnggaranSubKegiatan.objects.filter(unit_kerja=unit, tahun=2024).first()
    sebelum = list(RealisasiAnggaran.objects.filter(anggaran=dpa).values_list("bulan", "keuangan"))
    client.force_login(opd_kedua["operator"])
    respons = client.post(
        f"/opd/{KODE}/anggaran/isian/2024/1/baris/{dpa.pk}/", {"keuangan": "5", "fisik": "1"}
    )
    assert respons.status_code == 404
    assert list(RealisasiAnggaran.objects.filter(anggaran=dpa).values_list("bulan", "keuangan")) == sebelum


def test_another_offices_published_lkjip_is_not_found(client, opd_kedua, kadis):
    from django.utils import timezone

    terbitan = TerbitanLKjIP.objects.create(
        instansi=dinas(), tahun=2024, nomor=1, isi=b"%PDF", sha256="0" * 64, ukuran=4,
        diterbitkan_oleh=kadis, diterbitkan_pada=timezone.now(),
    )  # fmt: skip
    client.force_login(opd_kedua["kepala"])
    assert client.get(f"/opd/{KODE}/capaian/lkjip/terbitan/{terbitan.pk}/berkas.pdf").status_code == 404


def test_an_offices_lists_show_only_its_own_rows(client, opd_kedua):
    client.force_login(opd_kedua["kepala"])
    daftar = client.get(f"/opd/{KODE}/perjanjian/2024/").content.decode()
    assert "Kepala Bidang Pelayanan" in daftar
    assert "Kepala Dinas Tenaga Kerja" not in daftar
    organisasi = client.get(f"/opd/{KODE}/organisasi/").content.decode()
    assert "Bidang Pelayanan" in organisasi and BIDANG_NAKER not in organisasi


def test_the_admin_of_an_office_lists_and_offers_only_its_own_rows(client, opd_kedua):
    client.force_login(opd_kedua["admin"])
    daftar = client.get("/admin/perjanjian/indikator/").content.decode()
    assert daftar.count("/change/") == Indikator.objects.filter(instansi=opd_kedua["opd"]).count() == 2
    dinas_indikator = Indikator.objects.filter(instansi=dinas()).first()
    assert client.get(f"/admin/perjanjian/indikator/{dinas_indikator.pk}/change/").status_code == 302
    formulir = client.get("/admin/perjanjian/perjanjiankinerja/add/").content.decode()
    assert "Kepala Bidang Pelayanan" in formulir and "Sekretaris" not in formulir
    unit_dinas = UnitKerja.objects.get(instansi=dinas(), nama=BIDANG_NAKER)
    formulir = client.get("/admin/nakertrans/pengguna/add/").content.decode()
    assert "Bidang Pelayanan" in formulir and unit_dinas.nama not in formulir


def test_a_users_units_belong_to_the_users_office(client, opd_kedua):
    client.force_login(opd_kedua["admin"])
    unit_dinas = UnitKerja.objects.get(instansi=dinas(), nama=BIDANG_NAKER)
    respons = client.post(
        "/admin/nakertrans/pengguna/add/",
        {
            "username": "operator_salah",
            "usable_password": "true",
            "password1": "Sandi-Baru-Dinas-2025",
            "password2": "Sandi-Baru-Dinas-2025",
            "instansi": opd_kedua["opd"].pk,
            "groups": [Group.objects.get(name=OPERATOR).pk],
            "unit_kerja": [unit_dinas.pk],
        },
    )
    assert respons.status_code == 200
    assert not Pengguna.objects.filter(username="operator_salah").exists()


# -- imports and commands -----------------------------------------------------------------------------


def test_an_import_finds_rows_within_the_importing_office_only(opd_kedua):
    """A month of the Dinas's sub kegiatan code imported by the other office goes to that office's own
    line of the code, never to the Dinas's."""
    dpa = opd_kedua["dpa"]
    isi = f"tahun,kode,bulan,keuangan\n2024,{dpa.sub_kegiatan.kode},1,1000\n".encode()
    dinas_sebelum = list(
        RealisasiAnggaran.objects.filter(anggaran__instansi=dinas()).values_list("pk", "keuangan")
    )
    hasil = impor("realisasi", baca_berkas(isi, "r.csv"), user=opd_kedua["admin"], dry_run=False)
    assert not hasil.ada_galat, hasil.semua_pesan()
    assert RealisasiAnggaran.objects.get(anggaran=dpa, bulan=1).keuangan == 1000
    assert list(
        RealisasiAnggaran.objects.filter(anggaran__instansi=dinas()).values_list("pk", "keuangan")
    ) == (dinas_sebelum)


def test_an_indicator_import_writes_the_importing_offices_own_indicator(opd_kedua):
    nama = opd_kedua["indikator"].nama
    isi = f'nama,satuan\n"{nama}",jiwa\n'.encode()
    hasil = impor("indikator", baca_berkas(isi, "i.csv"), user=opd_kedua["admin"], dry_run=False)
    assert not hasil.ada_galat, hasil.semua_pesan()
    assert Indikator.objects.get(instansi=opd_kedua["opd"], nama=nama).satuan == "jiwa"
    assert Indikator.objects.get(instansi=dinas(), nama=nama).satuan != "jiwa"


def test_commands_ask_for_the_office_when_there_are_several(opd_kedua):
    with pytest.raises(CommandError, match="--opd.*dinkes-uji, disnakertrans"):
        call_command("rekap_anggaran", "2024", stdout=StringIO())
    keluaran = StringIO()
    call_command("rekap_anggaran", "2024", "--opd", KODE, "--format", "csv", stdout=keluaran)
    assert "1000000" in keluaran.getvalue() and "4635301681" not in keluaran.getvalue()
    with pytest.raises(CommandError, match="tidak ada"):
        call_command("rekap_capaian", "2024", "--opd", "tidak-ada", stdout=StringIO())


def test_an_offices_kepala_hears_only_of_their_own_offices_submissions(opd_kedua, kadis):
    from nakertrans.models import Pengajuan
    from nakertrans.notifikasi import _penyetuju

    opd_kedua["kepala"].email = "kepala@dinkes.contoh.invalid"
    opd_kedua["kepala"].save()
    pengajuan = Pengajuan(jenis="anggaran", tahun=2024, periode=1, unit_kerja=opd_kedua["bidang"])
    penerima = {u.username for u in _penyetuju(pengajuan, ke_kepala_unit=False)}
    assert opd_kedua["kepala"].username in penerima and "kadis" not in penerima


def test_nomenklatur_codes_are_shared_by_the_kabupaten(opd_kedua):
    assert opd_kedua["dpa"].sub_kegiatan in Nomenklatur.objects.filter(anggaran__instansi=dinas())
