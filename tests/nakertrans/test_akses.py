"""What each role may and may not reach. Another unit's objects are a 404, never a glimpse."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from nakertrans.access import get_unit_kerja_for_user, unit_yang_boleh_diisi
from nakertrans.demo import PENGANTAR_KERJA
from nakertrans.models import Jabatan, Pegawai, UnitKerja
from nakertrans.roles import INSPEKTORAT
from tests.conftest import BERANDA


@pytest.mark.parametrize(("username", "judul"), BERANDA.items())
def test_each_role_gets_its_own_home_page(organisasi, client, username, judul):
    from nakertrans.models import Pengguna

    client.force_login(Pengguna.objects.get(username=username))
    respons = client.get(reverse("beranda"))
    assert respons.status_code == 200
    assert f"<h1>{judul}</h1>" in respons.content.decode()


def test_anonymous_visitor_is_sent_to_login(client, organisasi):
    for url in [reverse("beranda"), reverse("organisasi")]:
        respons = client.get(url)
        assert respons.status_code == 302
        assert respons.url.startswith(reverse("masuk"))


def _unit(nama):
    return UnitKerja.objects.get(nama=nama)


def _halaman_unit(client, unit):
    """The unit page as its reader gets it; asserts it is that unit's page, listing its posts (each
    with its holder) and no post of another unit."""
    respons = client.get(reverse("unit_detail", args=[unit.pk]))
    assert respons.status_code == 200
    halaman = respons.content.decode()
    assert f"<h1>{unit.nama}</h1>" in halaman
    jabatan = Jabatan.objects.filter(unit_kerja=unit).prefetch_related("penugasan__pegawai")
    for j in jabatan:
        assert f">{j.nama}</a>" in halaman, j.nama
        for penugasan in j.penugasan.all():
            assert penugasan.pegawai.nama_lengkap in halaman, penugasan.pegawai
    for j in Jabatan.objects.exclude(unit_kerja=unit).exclude(unit_kerja__isnull=True):
        assert f">{j.nama}</a>" not in halaman, j.nama
    if not jabatan:
        assert "Belum ada jabatan di unit ini." in halaman
    return halaman


def test_operator_trans_gets_nothing_of_bidang_ketenagakerjaan(masuk_sebagai, operator_trans):
    client = masuk_sebagai(operator_trans)
    naker = _unit("Bidang Ketenagakerjaan")
    assert client.get(reverse("unit_detail", args=[naker.pk])).status_code == 404
    pengantar = Jabatan.objects.get(nama=PENGANTAR_KERJA)
    assert client.get(reverse("jabatan_detail", args=[pengantar.pk])).status_code == 404
    for url in [reverse("beranda"), reverse("organisasi")]:
        halaman = client.get(url).content.decode()
        assert "Bidang Transmigrasi" in halaman
        assert "Bidang Ketenagakerjaan" not in halaman
        assert PENGANTAR_KERJA not in halaman
    halaman = _halaman_unit(client, _unit("Bidang Transmigrasi"))
    assert "Kepala Bidang Transmigrasi" in halaman


def test_operator_may_enter_data_only_for_own_unit(operator_trans, operator_naker):
    assert list(unit_yang_boleh_diisi(operator_trans)) == [_unit("Bidang Transmigrasi")]
    from django.http import Http404

    naker = _unit("Bidang Ketenagakerjaan")
    with pytest.raises(Http404):
        get_unit_kerja_for_user(operator_trans, naker.pk, untuk_isi=True)
    assert get_unit_kerja_for_user(operator_naker, naker.pk, untuk_isi=True) == naker


def test_operator_of_sekretariat_reaches_its_subbagian(organisasi):
    from nakertrans.models import Pengguna

    operator = Pengguna.objects.get(username="operator_sekretariat")
    assert {u.nama for u in unit_yang_boleh_diisi(operator)} == {
        "Sekretariat",
        "Subbagian Umum dan Kepegawaian",
    }


def test_kepala_unit_sees_own_bidang_but_enters_nothing(masuk_sebagai, kabid_naker):
    client = masuk_sebagai(kabid_naker)
    halaman = _halaman_unit(client, _unit("Bidang Ketenagakerjaan"))
    assert PENGANTAR_KERJA in halaman
    assert client.get(reverse("unit_detail", args=[_unit("Bidang Transmigrasi").pk])).status_code == 404
    assert not unit_yang_boleh_diisi(kabid_naker).exists()


@pytest.mark.parametrize("username", ["kadis", "inspektorat", "admin"])
def test_office_wide_roles_see_every_unit(organisasi, client, username):
    from nakertrans.models import Pengguna

    client.force_login(Pengguna.objects.get(username=username))
    unit = list(UnitKerja.objects.all())
    assert len(unit) == 7
    for u in unit:
        _halaman_unit(client, u)


@pytest.mark.parametrize("username", ["operator_naker", "kabid_naker", "kadis"])
def test_roles_without_data_administration_are_kept_out_of_admin(organisasi, client, username):
    from nakertrans.models import Pengguna

    client.force_login(Pengguna.objects.get(username=username))
    respons = client.get(reverse("admin:nakertrans_pegawai_changelist"))
    assert respons.status_code == 302
    assert "/admin/login/" in respons.url


def test_inspektorat_reads_admin_but_writes_nothing(masuk_sebagai, inspektorat):
    client = masuk_sebagai(inspektorat)
    daftar = client.get(reverse("admin:nakertrans_pegawai_changelist"))
    assert daftar.status_code == 200
    pegawai = Pegawai.objects.get(nip="197009141992031003")
    assert "ZAMRONI" in daftar.content.decode()
    assert f'href="{reverse("admin:nakertrans_pegawai_add")}"' not in daftar.content.decode()
    jumlah_pegawai = Pegawai.objects.count()
    assert client.get(reverse("admin:nakertrans_pegawai_add")).status_code == 403
    tambah = client.post(
        reverse("admin:nakertrans_pegawai_add"), {"nama": "BARU", "nip": "198001012005011001"}
    )
    assert tambah.status_code == 403
    assert Pegawai.objects.count() == jumlah_pegawai
    respons = client.post(reverse("admin:nakertrans_pegawai_change", args=[pegawai.pk]), {"nama": "DIUBAH"})
    assert respons.status_code == 403
    pegawai.refresh_from_db()
    assert pegawai.nama == "ZAMRONI"
    uptd = _unit("UPTD Balai Latihan Kerja")
    hapus = client.post(reverse("admin:nakertrans_unitkerja_delete", args=[uptd.pk]), {"post": "yes"})
    assert hapus.status_code == 403
    assert UnitKerja.objects.filter(pk=uptd.pk).exists()


def test_inspektorat_role_holds_only_read_permissions(organisasi):
    izin = Group.objects.get(name=INSPEKTORAT).permissions.values_list("codename", flat=True)
    assert izin
    tulis = [kode for kode in izin if kode.split("_")[0] in {"add", "change", "delete"}]
    assert tulis == []


def test_menu_follows_role(masuk_sebagai, operator_trans, admin):
    halaman = masuk_sebagai(operator_trans).get(reverse("beranda")).content.decode()
    assert "Administrasi Data" not in halaman
    halaman = masuk_sebagai(admin).get(reverse("beranda")).content.decode()
    assert "Administrasi Data" in halaman


def test_organisation_page_query_count_does_not_grow_with_positions(masuk_sebagai, kadis):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = masuk_sebagai(kadis)
    with CaptureQueriesContext(connection) as sebelum:
        client.get(reverse("organisasi"))
    unit = _unit("Bidang Transmigrasi")
    for i in range(20):
        jabatan = Jabatan.objects.create(nama=f"Staf {i}", unit_kerja=unit, jenis="fungsional")
        pegawai = Pegawai.objects.create(nama=f"Staf {i}", nip=f"1990010120150110{i + 10:02d}")
        jabatan.penugasan.create(pegawai=pegawai, mulai="2022-01-01")
    with CaptureQueriesContext(connection) as sesudah:
        halaman = client.get(reverse("organisasi")).content.decode()
    assert "Staf 19" in halaman
    assert len(sesudah) == len(sebelum)


def test_admin_cannot_give_itself_another_role_or_superuser(masuk_sebagai, admin, kadis):
    from django.contrib.auth.models import Group

    client = masuk_sebagai(admin)
    url = reverse("admin:nakertrans_pengguna_change", args=[admin.pk])
    halaman = client.get(url).content.decode()
    assert 'name="groups"' not in halaman and 'name="is_superuser"' not in halaman
    data = {
        "username": "admin",
        "groups": [Group.objects.get(name="Kepala OPD").pk],
        "is_superuser": "on",
        "is_staff": "on",
        "is_active": "on",
        "date_joined_0": "01-01-2024",
        "date_joined_1": "00.00",
    }
    client.post(url, data)
    admin.refresh_from_db()
    assert not admin.is_superuser
    assert list(admin.groups.values_list("name", flat=True)) == ["Admin OPD"]
    assert not admin.has_perm("nakertrans.setujui_pengajuan")
    # assigning a role to somebody else stays possible, for a new official
    halaman_lain = client.get(reverse("admin:nakertrans_pengguna_change", args=[kadis.pk])).content.decode()
    assert 'name="groups"' in halaman_lain and 'name="is_superuser"' not in halaman_lain
