"""Separation of duties: the Admin manages operators' accounts but cannot make anybody a Kepala Dinas or
learn an official's password; a superuser can, and the audit log the Inspektorat reads shows it."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from nakertrans import roles
from nakertrans.demo import dinas
from nakertrans.models import CatatanAudit, Pengajuan, Pengguna, UnitKerja
from tests.conftest import PASSWORD

SANDI_BARU = "Sandi-Baru-Dinas-2025"
PESAN_KADIS = "Peran Kepala OPD hanya dapat diberikan atau dicabut oleh superuser."


@pytest.fixture
def superuser(organisasi):
    # A superuser of the Dinas: the Dinas's administrator reaches the account and is refused.
    return Pengguna.objects.create_superuser(
        "super", "super@sakip.contoh.invalid", PASSWORD, instansi=dinas()
    )


def _grup(nama):
    return Group.objects.get(name=nama)


def _nama_grup(pengguna):
    return sorted(pengguna.groups.values_list("name", flat=True))


def _isian_ubah(pengguna, **ubah):
    """What the change form posts back for the account as it is, with ``ubah`` applied."""
    data = {
        "username": pengguna.username,
        "first_name": pengguna.first_name,
        "last_name": pengguna.last_name,
        "email": pengguna.email,
        "groups": [g.pk for g in pengguna.groups.all()],
        "unit_kerja": [u.pk for u in pengguna.unit_kerja.all()],
        "instansi": pengguna.instansi_id or "",
        "pegawai": pengguna.pegawai_id or "",
        "date_joined_0": "01-01-2024",
        "date_joined_1": "00.00",
    }
    for bendera in ["is_active", "is_staff", "is_superuser"]:
        if getattr(pengguna, bendera):
            data[bendera] = "on"
    data.update(ubah)
    return data


def _ubah(pengguna):
    return reverse("admin:nakertrans_pengguna_change", args=[pengguna.pk])


def _sandi(pengguna):
    return reverse("admin:auth_user_password_change", args=[pengguna.pk])


def _isian_sandi(sandi=SANDI_BARU):
    return {"password1": sandi, "password2": sandi, "usable_password": "true"}


def _isian_baru(username, grup, unit=()):
    return {
        "username": username,
        "usable_password": "true",
        "password1": SANDI_BARU,
        "password2": SANDI_BARU,
        "groups": [g.pk for g in grup],
        "unit_kerja": [u.pk for u in unit],
        "instansi": dinas().pk,
    }


# --- The Admin is refused -------------------------------------------------------------------------


def test_admin_cannot_grant_kepala_dinas_in_change_form(masuk_sebagai, admin, operator_naker):
    client = masuk_sebagai(admin)
    grup = [_grup("Operator").pk, _grup("Kepala OPD").pk]
    respons = client.post(_ubah(operator_naker), _isian_ubah(operator_naker, groups=grup))
    assert respons.status_code == 200
    assert PESAN_KADIS in respons.content.decode()
    operator_naker.refresh_from_db()
    assert _nama_grup(operator_naker) == ["Operator"]
    assert not operator_naker.has_perm("nakertrans.setujui_pengajuan")
    assert not CatatanAudit.objects.exists()


def test_admin_cannot_make_another_admin(masuk_sebagai, admin, operator_naker):
    client = masuk_sebagai(admin)
    grup = [_grup("Operator").pk, _grup("Admin OPD").pk]
    respons = client.post(_ubah(operator_naker), _isian_ubah(operator_naker, groups=grup))
    assert "Peran Admin OPD hanya dapat diberikan atau dicabut oleh superuser." in respons.content.decode()
    assert _nama_grup(operator_naker) == ["Operator"]


def test_admin_cannot_remove_kepala_dinas_or_deactivate_the_kadis(masuk_sebagai, admin, kadis):
    client = masuk_sebagai(admin)
    respons = client.post(_ubah(kadis), _isian_ubah(kadis, groups=[]))
    assert PESAN_KADIS in respons.content.decode()
    data = _isian_ubah(kadis)
    del data["is_active"]
    assert client.post(_ubah(kadis), data).status_code == 302
    kadis.refresh_from_db()
    assert _nama_grup(kadis) == ["Kepala OPD"]
    assert kadis.is_active


def test_admin_cannot_grant_kepala_dinas_in_add_form(masuk_sebagai, admin):
    client = masuk_sebagai(admin)
    respons = client.post(
        reverse("admin:nakertrans_pengguna_add"), _isian_baru("kadis_kedua", [_grup("Kepala OPD")])
    )
    assert respons.status_code == 200
    assert PESAN_KADIS in respons.content.decode()
    assert not Pengguna.objects.filter(username="kadis_kedua").exists()


def test_admin_cannot_grant_kepala_dinas_through_the_group_admin(masuk_sebagai, admin):
    client = masuk_sebagai(admin)
    kadis_grup, operator_grup = _grup("Kepala OPD"), _grup("Operator")
    setujui = Permission.objects.get(codename="setujui_pengajuan")
    izin_operator = set(operator_grup.permissions.all())
    url = reverse("admin:auth_group_change", args=[operator_grup.pk])
    halaman = client.get(url)
    assert halaman.status_code == 200  # read-only: the Admin sees the roles and their members
    assert 'name="permissions"' not in halaman.content.decode()
    assert "operator_naker" in halaman.content.decode()
    respons = client.post(url, {"name": "Operator", "permissions": [p.pk for p in izin_operator | {setujui}]})
    assert respons.status_code == 403
    assert set(operator_grup.permissions.all()) == izin_operator
    tambah = client.post(reverse("admin:auth_group_add"), {"name": "Wakil", "permissions": [setujui.pk]})
    assert tambah.status_code == 403
    assert not Group.objects.filter(name="Wakil").exists()
    hapus = client.post(reverse("admin:auth_group_delete", args=[kadis_grup.pk]), {"post": "yes"})
    assert hapus.status_code == 403
    assert Group.objects.filter(name="Kepala OPD").exists()
    assert not CatatanAudit.objects.exists()


def test_admin_cannot_set_the_kadis_password(masuk_sebagai, admin, kadis):
    client = masuk_sebagai(admin)
    halaman = client.get(_ubah(kadis)).content.decode()
    assert "../password/" not in halaman
    assert "hanya dapat diganti oleh superuser" in halaman
    assert client.get(_sandi(kadis)).status_code == 403
    assert client.post(_sandi(kadis), _isian_sandi()).status_code == 403
    kadis.refresh_from_db()
    assert kadis.check_password(PASSWORD)
    assert not CatatanAudit.objects.exists()


def test_admin_cannot_set_another_admins_or_a_superusers_password(masuk_sebagai, admin, superuser):
    admin_lain = Pengguna.objects.create_user(
        "admin_kedua", password=PASSWORD, is_staff=True, instansi=dinas()
    )
    admin_lain.groups.add(_grup("Admin OPD"))
    client = masuk_sebagai(admin)
    for pejabat in [admin_lain, superuser]:
        assert client.post(_sandi(pejabat), _isian_sandi()).status_code == 403
        pejabat.refresh_from_db()
        assert pejabat.check_password(PASSWORD)
    # A superuser's account is read-only for the Admin altogether.
    respons = client.post(_ubah(superuser), _isian_ubah(superuser, email="diubah@contoh.invalid"))
    assert respons.status_code == 403
    superuser.refresh_from_db()
    assert superuser.email == "super@sakip.contoh.invalid"


def test_kepala_unit_is_reserved_only_while_the_review_is_on(settings, masuk_sebagai, admin, operator_naker):
    client = masuk_sebagai(admin)
    grup = [_grup("Operator").pk, _grup("Kepala Unit").pk]
    settings.SAKIP_TINJAUAN_KEPALA_UNIT = True
    respons = client.post(_ubah(operator_naker), _isian_ubah(operator_naker, groups=grup))
    assert "Peran Kepala Unit hanya dapat diberikan atau dicabut oleh superuser." in respons.content.decode()
    assert _nama_grup(operator_naker) == ["Operator"]
    settings.SAKIP_TINJAUAN_KEPALA_UNIT = False
    assert client.post(_ubah(operator_naker), _isian_ubah(operator_naker, groups=grup)).status_code == 302
    assert _nama_grup(operator_naker) == ["Kepala Unit", "Operator"]
    # Without the review it is no approving role, yet the grant is on record for when it is switched on.
    assert CatatanAudit.objects.get().peran == "Kepala Unit"


def test_admin_cannot_bulk_delete_the_kadis(masuk_sebagai, admin, kadis):
    lama = Pengguna.objects.create_user("operator_lama", password=PASSWORD, instansi=dinas())
    client = masuk_sebagai(admin)
    url = reverse("admin:nakertrans_pengguna_changelist")
    respons = client.post(
        url, {"action": "delete_selected", "_selected_action": [kadis.pk, lama.pk], "post": "yes"}
    )
    assert respons.status_code == 403
    assert Pengguna.objects.filter(pk__in=[kadis.pk, lama.pk]).count() == 2
    assert (
        client.post(reverse("admin:nakertrans_pengguna_delete", args=[kadis.pk]), {"post": "yes"}).status_code
        == 403
    )
    # An operator's account may go.
    respons = client.post(url, {"action": "delete_selected", "_selected_action": [lama.pk], "post": "yes"})
    assert respons.status_code == 302
    assert not Pengguna.objects.filter(pk=lama.pk).exists()


def test_role_service_refuses_the_admin_whatever_the_path(admin, operator_naker):
    with pytest.raises(PermissionDenied, match="superuser"):
        roles.atur_peran(pelaku=admin, pengguna=operator_naker, grup=[_grup("Kepala OPD")])
    with pytest.raises(PermissionDenied):
        roles.atur_izin_grup(pelaku=admin, grup=_grup("Operator"), izin=[])
    assert _nama_grup(operator_naker) == ["Operator"]
    assert not CatatanAudit.objects.exists()


# --- What the Admin still does --------------------------------------------------------------------


def test_admin_creates_an_operator_with_role_scope_and_password(masuk_sebagai, admin):
    naker = UnitKerja.objects.get(nama="Bidang Ketenagakerjaan")
    client = masuk_sebagai(admin)
    respons = client.post(
        reverse("admin:nakertrans_pengguna_add"), _isian_baru("operator_baru", [_grup("Operator")], [naker])
    )
    assert respons.status_code == 302
    baru = Pengguna.objects.get(username="operator_baru")
    assert _nama_grup(baru) == ["Operator"]
    assert list(baru.unit_kerja.all()) == [naker]
    assert baru.check_password(SANDI_BARU)
    assert not CatatanAudit.objects.exists()  # operators come and go: not an authority change


def test_admin_sets_an_operators_password_and_deactivates_them(masuk_sebagai, admin, operator_naker):
    client = masuk_sebagai(admin)
    assert "../password/" in client.get(_ubah(operator_naker)).content.decode()
    assert client.post(_sandi(operator_naker), _isian_sandi()).status_code == 302
    data = _isian_ubah(operator_naker)
    del data["is_active"]
    assert client.post(_ubah(operator_naker), data).status_code == 302
    operator_naker.refresh_from_db()
    assert operator_naker.check_password(SANDI_BARU)
    assert not operator_naker.is_active


def test_the_kadis_changes_his_own_password_on_the_normal_page(masuk_sebagai, kadis):
    client = masuk_sebagai(kadis)
    data = {"old_password": PASSWORD, "new_password1": SANDI_BARU, "new_password2": SANDI_BARU}
    assert client.post(reverse("password_change"), data).status_code == 302
    kadis.refresh_from_db()
    assert kadis.check_password(SANDI_BARU)


# --- A superuser may, and it is on record ---------------------------------------------------------


def test_superuser_grants_and_removes_kepala_dinas_on_record(masuk_sebagai, superuser, operator_naker):
    client = masuk_sebagai(superuser)
    grup = [_grup("Operator").pk, _grup("Kepala OPD").pk]
    assert client.post(_ubah(operator_naker), _isian_ubah(operator_naker, groups=grup)).status_code == 302
    assert operator_naker.has_perm("nakertrans.setujui_pengajuan")
    catatan = CatatanAudit.objects.get()
    assert (catatan.pelaku, catatan.sasaran, catatan.tindakan, catatan.peran) == (
        superuser,
        operator_naker,
        CatatanAudit.Tindakan.BERI_PERAN,
        "Kepala OPD",
    )
    assert catatan.waktu is not None
    grup = [_grup("Operator").pk]
    assert client.post(_ubah(operator_naker), _isian_ubah(operator_naker, groups=grup)).status_code == 302
    assert _nama_grup(operator_naker) == ["Operator"]
    assert CatatanAudit.objects.order_by("pk").last().tindakan == CatatanAudit.Tindakan.CABUT_PERAN


def test_superuser_creates_a_kepala_dinas_account_on_record(masuk_sebagai, superuser):
    client = masuk_sebagai(superuser)
    respons = client.post(
        reverse("admin:nakertrans_pengguna_add"), _isian_baru("plt_kadis", [_grup("Kepala OPD")])
    )
    assert respons.status_code == 302
    baru = Pengguna.objects.get(username="plt_kadis")
    assert _nama_grup(baru) == ["Kepala OPD"]
    catatan = CatatanAudit.objects.get()
    assert (catatan.sasaran, catatan.tindakan, catatan.peran) == (baru, "beri_peran", "Kepala OPD")


def test_superuser_sets_the_kadis_password_on_record(masuk_sebagai, superuser, kadis):
    client = masuk_sebagai(superuser)
    assert client.post(_sandi(kadis), _isian_sandi()).status_code == 302
    kadis.refresh_from_db()
    assert kadis.check_password(SANDI_BARU)
    catatan = CatatanAudit.objects.get()
    assert (catatan.pelaku, catatan.sasaran, catatan.tindakan) == (
        superuser,
        kadis,
        CatatanAudit.Tindakan.GANTI_KATA_SANDI,
    )


def test_superuser_status_and_single_permissions_are_on_record(masuk_sebagai, superuser, operator_naker):
    client = masuk_sebagai(superuser)
    setujui = Permission.objects.get(codename="setujui_pengajuan")
    data = _isian_ubah(operator_naker, user_permissions=[setujui.pk], is_superuser="on")
    assert client.post(_ubah(operator_naker), data).status_code == 302
    catatan = {c.tindakan: c.rincian for c in CatatanAudit.objects.filter(sasaran=operator_naker)}
    assert catatan == {
        "ubah_superuser": "status superuser diberikan",
        "ubah_izin_pengguna": "ditambahkan: nakertrans.setujui_pengajuan",
    }


def test_superuser_changes_a_groups_permissions_on_record(masuk_sebagai, superuser):
    client = masuk_sebagai(superuser)
    operator_grup = _grup("Operator")
    setujui = Permission.objects.get(codename="setujui_pengajuan")
    izin = [p.pk for p in operator_grup.permissions.all()] + [setujui.pk]
    url = reverse("admin:auth_group_change", args=[operator_grup.pk])
    assert client.post(url, {"name": "Operator", "permissions": izin}).status_code == 302
    catatan = CatatanAudit.objects.get()
    assert (catatan.pelaku, catatan.tindakan, catatan.peran, catatan.sasaran) == (
        superuser,
        "ubah_grup",
        "Operator",
        None,
    )
    assert catatan.rincian == "ditambahkan: nakertrans.setujui_pengajuan"
    # The five roles keep their names and are never deleted, also by a superuser.
    hapus = client.post(reverse("admin:auth_group_delete", args=[operator_grup.pk]), {"post": "yes"})
    assert hapus.status_code == 403
    assert Group.objects.filter(name="Operator").exists()


def test_superuser_makes_renames_and_deletes_a_group_on_record(masuk_sebagai, superuser, operator_naker):
    setujui = Permission.objects.get(codename="setujui_pengajuan")
    client = masuk_sebagai(superuser)
    tambah = client.post(reverse("admin:auth_group_add"), {"name": "Wakil", "permissions": [setujui.pk]})
    assert tambah.status_code == 302
    wakil = Group.objects.get(name="Wakil")
    operator_naker.groups.add(wakil)
    url = reverse("admin:auth_group_change", args=[wakil.pk])
    assert client.post(url, {"name": "Wakil Kadis", "permissions": [setujui.pk]}).status_code == 302
    assert (
        client.post(reverse("admin:auth_group_delete", args=[wakil.pk]), {"post": "yes"}).status_code == 302
    )
    assert not Group.objects.filter(pk=wakil.pk).exists()
    assert [(c.tindakan, c.peran, c.rincian) for c in CatatanAudit.objects.order_by("pk")] == [
        ("ubah_grup", "Wakil", "grup baru; ditambahkan: nakertrans.setujui_pengajuan"),
        ("ubah_grup", "Wakil Kadis", "nama sebelumnya: Wakil"),
        ("hapus_grup", "Wakil Kadis", "anggota: operator_naker; izin: nakertrans.setujui_pengajuan"),
    ]


def test_a_group_a_superuser_made_is_granted_by_a_superuser_only(masuk_sebagai, admin, operator_naker):
    Group.objects.create(name="Wakil").permissions.add(Permission.objects.get(codename="setujui_pengajuan"))
    client = masuk_sebagai(admin)
    grup = [_grup("Operator").pk, _grup("Wakil").pk]
    respons = client.post(_ubah(operator_naker), _isian_ubah(operator_naker, groups=grup))
    assert "Peran Wakil hanya dapat diberikan atau dicabut oleh superuser." in respons.content.decode()
    assert _nama_grup(operator_naker) == ["Operator"]


# --- The audit log: read by the Inspektorat, changed by nobody ---------------------------------------


@pytest.fixture
def catatan(superuser, kadis):
    roles.atur_peran(pelaku=superuser, pengguna=kadis, grup=[])
    return CatatanAudit.objects.get()


def test_inspektorat_reads_the_log_and_cannot_change_it(masuk_sebagai, inspektorat, catatan):
    client = masuk_sebagai(inspektorat)
    daftar = client.get(reverse("admin:nakertrans_catatanaudit_changelist"))
    assert daftar.status_code == 200
    halaman = daftar.content.decode()
    assert "Mencabut peran" in halaman and "kadis" in halaman and "super" in halaman
    assert 'name="action"' not in halaman  # no bulk actions
    ubah = reverse("admin:nakertrans_catatanaudit_change", args=[catatan.pk])
    assert client.get(ubah).status_code == 200
    assert 'name="_save"' not in client.get(ubah).content.decode()
    assert client.post(ubah, {"peran": "Operator"}).status_code == 403
    hapus = reverse("admin:nakertrans_catatanaudit_delete", args=[catatan.pk])
    assert client.post(hapus, {"post": "yes"}).status_code == 403
    assert client.get(reverse("admin:nakertrans_catatanaudit_add")).status_code == 403
    catatan.refresh_from_db()
    assert catatan.peran == "Kepala OPD"


def test_not_even_a_superuser_changes_or_deletes_the_log(masuk_sebagai, superuser, catatan):
    client = masuk_sebagai(superuser)
    assert client.get(reverse("admin:nakertrans_catatanaudit_changelist")).status_code == 200
    ubah = reverse("admin:nakertrans_catatanaudit_change", args=[catatan.pk])
    assert client.post(ubah, {"peran": "Operator"}).status_code == 403
    hapus = reverse("admin:nakertrans_catatanaudit_delete", args=[catatan.pk])
    assert client.post(hapus, {"post": "yes"}).status_code == 403
    with pytest.raises(ValidationError):
        catatan.save()
    with pytest.raises(ValidationError):
        catatan.delete()
    with pytest.raises(ValidationError):
        CatatanAudit.objects.update(peran="Operator")
    with pytest.raises(ValidationError):
        CatatanAudit.objects.all().delete()
    assert CatatanAudit.objects.get().peran == "Kepala OPD"


def test_the_admin_does_not_read_the_log_of_its_own_acts(masuk_sebagai, admin, catatan):
    client = masuk_sebagai(admin)
    assert client.get(reverse("admin:nakertrans_catatanaudit_changelist")).status_code == 403
    assert "catatanaudit" not in client.get(reverse("admin:index")).content.decode()


def test_an_account_on_record_is_deactivated_not_deleted(masuk_sebagai, superuser, kadis, catatan):
    # kadis no longer holds a role, but the log points at the account.
    client = masuk_sebagai(superuser)
    respons = client.post(reverse("admin:nakertrans_pengguna_delete", args=[kadis.pk]), {"post": "yes"})
    assert respons.status_code == 200  # Django's page listing the protected rows
    assert Pengguna.objects.filter(pk=kadis.pk).exists()


# --- Years in the admin are not localised -----------------------------------------------------------


@pytest.mark.parametrize("username", ["admin", "inspektorat"])
def test_pengajuan_admin_prints_the_year_as_2024(client, organisasi, username):
    pengajuan = Pengajuan.objects.create(
        jenis="anggaran", tahun=2024, periode=3, unit_kerja=UnitKerja.objects.get(nama="Bidang Transmigrasi")
    )
    client.force_login(Pengguna.objects.get(username=username))
    daftar = client.get(reverse("admin:nakertrans_pengajuan_changelist")).content.decode()
    assert ">2024<" in daftar
    halaman = client.get(reverse("admin:nakertrans_pengajuan_change", args=[pengajuan.pk])).content.decode()
    assert '<div class="readonly">2024</div>' in halaman
    assert "2.024" not in daftar + halaman


def test_the_admin_reads_login_lockouts_but_cannot_lift_them(masuk_sebagai, admin):
    from axes.models import AccessAttempt

    AccessAttempt.objects.create(
        username="kadis", ip_address="127.0.0.1", user_agent="uji", failures_since_start=5
    )
    client = masuk_sebagai(admin)
    assert client.get("/admin/axes/accessattempt/").status_code == 200
    assert admin.has_perm("axes.view_accessattempt") and not admin.has_perm("axes.delete_accessattempt")
    pk = AccessAttempt.objects.get().pk
    client.post(f"/admin/axes/accessattempt/{pk}/delete/", {"post": "yes"})
    assert AccessAttempt.objects.filter(pk=pk).exists()
