import datetime

import pytest
from django.urls import reverse

from nakertrans.demo import KEPALA_DINAS_JABATAN, SEKRETARIS
from nakertrans.models import Jabatan, Pegawai, Penugasan, UnitKerja, pejabat_pada


def _form_pegawai(**isi):
    data = {
        "nama": "Pegawai Uji",
        "gelar_depan": "",
        "gelar_belakang": "",
        "golongan": "III.a",
        "penugasan-TOTAL_FORMS": "0",
        "penugasan-INITIAL_FORMS": "0",
        "penugasan-MIN_NUM_FORMS": "0",
        "penugasan-MAX_NUM_FORMS": "1000",
    }
    data.update(isi)
    return data


def test_admin_accepts_nip_typed_with_spaces_and_stores_digits(masuk_sebagai, admin):
    client = masuk_sebagai(admin)
    respons = client.post(reverse("admin:nakertrans_pegawai_add"), _form_pegawai(nip="19900101 201501 2 001"))
    assert respons.status_code == 302
    assert Pegawai.objects.get(nama="Pegawai Uji").nip == "199001012015012001"


def test_invalid_nip_gets_indonesian_message_and_saves_nothing(masuk_sebagai, admin):
    client = masuk_sebagai(admin)
    jumlah = Pegawai.objects.count()
    respons = client.post(reverse("admin:nakertrans_pegawai_add"), _form_pegawai(nip="19900231 201501 2 001"))
    assert respons.status_code == 200
    assert "tanggal lahir yang benar" in respons.content.decode()
    assert Pegawai.objects.count() == jumlah


def test_duplicate_nip_gets_indonesian_message_and_saves_nothing(masuk_sebagai, admin):
    client = masuk_sebagai(admin)
    jumlah = Pegawai.objects.count()
    respons = client.post(reverse("admin:nakertrans_pegawai_add"), _form_pegawai(nip="19700914 199203 1 003"))
    assert respons.status_code == 200
    assert "NIP ini sudah terdaftar" in respons.content.decode()
    assert Pegawai.objects.count() == jumlah


def test_asn_without_nip_is_refused(masuk_sebagai, admin):
    respons = masuk_sebagai(admin).post(reverse("admin:nakertrans_pegawai_add"), _form_pegawai(nip=""))
    assert "NIP wajib diisi" in respons.content.decode()
    assert not Pegawai.objects.filter(nama="Pegawai Uji").exists()


def test_overlapping_definitif_assignment_is_refused(masuk_sebagai, admin):
    jabatan = Jabatan.objects.get(nama=SEKRETARIS)
    pegawai = Pegawai.objects.create(nama="Calon Sekretaris", nip="198001012005011001")
    jumlah = Penugasan.objects.count()
    respons = masuk_sebagai(admin).post(
        reverse("admin:nakertrans_penugasan_add"),
        {
            "pegawai": pegawai.pk,
            "jabatan": jabatan.pk,
            "jenis": "definitif",
            "mulai": "01-06-2024",
            "selesai": "",
        },
    )
    assert respons.status_code == 200
    assert "tidak boleh bertumpuk" in respons.content.decode()
    assert Penugasan.objects.count() == jumlah


def test_two_overlapping_rows_added_in_one_form_are_refused(masuk_sebagai, admin):
    jabatan = Jabatan.objects.create(
        nama="Jabatan Baru", unit_kerja=UnitKerja.objects.get(nama="Sekretariat"), jenis="struktural"
    )
    a = Pegawai.objects.create(nama="A", nip="198001012005011001")
    b = Pegawai.objects.create(nama="B", nip="198101012005011002")
    data = {
        "nama": jabatan.nama, "unit_kerja": jabatan.unit_kerja_id, "jenis": "struktural", "urutan": 0,
        "penugasan-TOTAL_FORMS": "2", "penugasan-INITIAL_FORMS": "0",
        "penugasan-MIN_NUM_FORMS": "0", "penugasan-MAX_NUM_FORMS": "1000",
        "penugasan-0-pegawai": a.pk, "penugasan-0-jenis": "definitif", "penugasan-0-mulai": "01-01-2024",
        "penugasan-1-pegawai": b.pk, "penugasan-1-jenis": "definitif", "penugasan-1-mulai": "01-03-2024",
    }  # fmt: skip
    respons = masuk_sebagai(admin).post(reverse("admin:nakertrans_jabatan_change", args=[jabatan.pk]), data)
    assert respons.status_code == 200
    assert "bertumpuk" in respons.content.decode()
    assert not Penugasan.objects.filter(jabatan=jabatan).exists()


def test_plt_may_act_beside_a_vacancy_and_is_found_by_date():
    # Built without the demo: a post held definitif until March, then by a Plt.
    from nakertrans.models import Instansi, PemerintahDaerah

    instansi = Instansi.objects.create(
        nama="Dinas Uji", pemerintah_daerah=PemerintahDaerah.objects.create(nama="Uji")
    )
    unit = UnitKerja.objects.create(instansi=instansi, nama="Bidang Uji", jenis="bidang")
    jabatan = Jabatan.objects.create(nama="Kepala Bidang Uji", unit_kerja=unit, jenis="struktural")
    lama = Pegawai.objects.create(nama="Lama", nip="197001012000011001")
    plt = Pegawai.objects.create(nama="Pelaksana", nip="197501012000011002")
    Penugasan.objects.create(jabatan=jabatan, pegawai=lama, mulai=datetime.date(2020, 1, 1),
                             selesai=datetime.date(2024, 3, 31))  # fmt: skip
    Penugasan.objects.create(jabatan=jabatan, pegawai=plt, jenis="plt", mulai=datetime.date(2024, 4, 1))
    assert pejabat_pada(jabatan, datetime.date(2024, 3, 31)).pegawai == lama
    pada_juni = pejabat_pada(jabatan, datetime.date(2024, 6, 1))
    assert pada_juni.pegawai == plt
    assert pada_juni.sebutan_jabatan == "Plt. Kepala Bidang Uji"
    assert pejabat_pada(jabatan, datetime.date(2019, 12, 31)) is None


pytestmark = pytest.mark.django_db


def test_kepala_dinas_is_zamroni_and_his_pihak_kedua_is_the_bupati(organisasi):
    kepala = Jabatan.objects.get(nama=KEPALA_DINAS_JABATAN)
    penugasan = pejabat_pada(kepala, datetime.date(2024, 1, 2))
    assert penugasan.pegawai.nama_lengkap == "ZAMRONI, S.Ag."
    assert penugasan.pegawai.nip_tampil == "19700914 199203 1 003"
    assert penugasan.pegawai.get_golongan_display() == "Pembina Tk.I (IV.b)"
    assert kepala.atasan.jenis == Jabatan.Jenis.KEPALA_DAERAH
    assert pejabat_pada(kepala.atasan, datetime.date(2024, 1, 2)) is not None


def test_who_held_a_post_on_a_date_is_one_query(organisasi, django_assert_num_queries):
    kepala = Jabatan.objects.get(nama=KEPALA_DINAS_JABATAN)
    with django_assert_num_queries(1):
        assert pejabat_pada(kepala, datetime.date(2024, 1, 2)).pegawai.nama == "ZAMRONI"


def test_deleting_a_unit_with_positions_is_refused_and_changes_nothing(masuk_sebagai, admin):
    unit = UnitKerja.objects.get(nama="Bidang Transmigrasi")
    client = masuk_sebagai(admin)
    respons = client.post(reverse("admin:nakertrans_unitkerja_delete", args=[unit.pk]), {"post": "yes"})
    assert respons.status_code == 200
    assert "Tidak dapat menghapus unit kerja" in respons.content.decode()
    assert UnitKerja.objects.filter(pk=unit.pk).exists()
    assert unit.jabatan.count() == 3


def test_example_officials_are_marked_as_examples(organisasi):
    contoh = Pegawai.objects.filter(data_contoh=True)
    assert contoh.count() == 12
    assert all(p.nama_lengkap.endswith("[contoh]") for p in contoh)
    assert not Pegawai.objects.get(nip="197009141992031003").data_contoh
