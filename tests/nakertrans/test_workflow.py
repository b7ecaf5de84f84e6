"""The shared submit / review / approve / return / lock workflow."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from nakertrans import workflow
from nakertrans.models import Pengajuan, UnitKerja


@pytest.fixture
def pengajuan_trans(organisasi):
    return workflow.ambil_pengajuan(
        jenis=Pengajuan.Jenis.ANGGARAN,
        tahun=2024,
        periode=3,
        unit_kerja=UnitKerja.objects.get(nama="Bidang Transmigrasi"),
    )


def test_full_cycle_submit_return_resubmit_approve(pengajuan_trans, operator_trans, kadis):
    p = workflow.ajukan(pengajuan=pengajuan_trans, user=operator_trans, jumlah_isian=1)
    assert p.status == "diajukan" and not workflow.dapat_diubah(p)
    p = workflow.kembalikan(pengajuan=p, user=kadis, catatan="Bukti kuitansi Maret belum ada.")
    assert p.status == "dikembalikan" and p.catatan == "Bukti kuitansi Maret belum ada."
    assert workflow.dapat_diubah(p)
    p = workflow.ajukan(pengajuan=p, user=operator_trans, jumlah_isian=1)
    p = workflow.setujui(pengajuan=p, user=kadis)
    assert p.status == "disetujui"
    with pytest.raises(ValidationError, match="terkunci"):
        workflow.pastikan_dapat_diubah(p)
    langkah = [(r.dari_status, r.ke_status, r.oleh.username) for r in p.riwayat.all()]
    assert langkah == [
        ("draft", "diajukan", "operator_trans"),
        ("diajukan", "dikembalikan", "kadis"),
        ("dikembalikan", "diajukan", "operator_trans"),
        ("diajukan", "disetujui", "kadis"),
    ]


def test_empty_period_cannot_be_submitted(pengajuan_trans, operator_trans):
    with pytest.raises(ValidationError, match="Belum ada isian"):
        workflow.ajukan(pengajuan=pengajuan_trans, user=operator_trans, jumlah_isian=0)
    assert not Pengajuan.objects.exists()


def test_operator_of_another_unit_cannot_submit(pengajuan_trans, operator_naker):
    with pytest.raises(PermissionDenied):
        workflow.ajukan(pengajuan=pengajuan_trans, user=operator_naker, jumlah_isian=3)
    assert not Pengajuan.objects.exists()


def test_second_approval_is_refused_and_makes_no_second_transition(pengajuan_trans, operator_trans, kadis):
    diajukan = workflow.ajukan(pengajuan=pengajuan_trans, user=operator_trans, jumlah_isian=1)
    # Two Kepala Dinas sessions loaded the page while it was "diajukan".
    sesi_a = Pengajuan.objects.get(pk=diajukan.pk)
    sesi_b = Pengajuan.objects.get(pk=diajukan.pk)
    workflow.setujui(pengajuan=sesi_a, user=kadis)
    with pytest.raises(ValidationError, match="status pengajuan sekarang disetujui"):
        workflow.setujui(pengajuan=sesi_b, user=kadis)
    assert diajukan.riwayat.filter(ke_status="disetujui").count() == 1


def test_reading_a_period_writes_nothing(masuk_sebagai, inspektorat, organisasi):
    client = masuk_sebagai(inspektorat)
    unit = UnitKerja.objects.get(nama="Bidang Transmigrasi").pk
    assert client.get(f"/capaian/isian/2031/2/unit/{unit}/").status_code == 200
    assert (
        client.post(f"/anggaran/isian/2032/3/unit/{unit}/ajukan/").status_code == 302
    )  # refused, with a message
    assert client.get(f"/capaian/isian/99999/2/unit/{unit}/").status_code == 404
    assert not Pengajuan.objects.exists()


@pytest.mark.parametrize("username", ["admin", "operator_trans", "inspektorat", "kabid_naker"])
def test_only_the_kepala_dinas_approves(pengajuan_trans, operator_trans, username):
    from nakertrans.models import Pengguna

    workflow.ajukan(pengajuan=pengajuan_trans, user=operator_trans, jumlah_isian=1)
    with pytest.raises(PermissionDenied):
        workflow.setujui(pengajuan=pengajuan_trans, user=Pengguna.objects.get(username=username))


def test_return_needs_a_note(pengajuan_trans, operator_trans, kadis):
    workflow.ajukan(pengajuan=pengajuan_trans, user=operator_trans, jumlah_isian=1)
    with pytest.raises(ValidationError, match="Catatan wajib"):
        workflow.kembalikan(pengajuan=pengajuan_trans, user=kadis, catatan="  ")


def test_reopening_an_approved_period_needs_the_kepala_dinas_and_a_reason(
    pengajuan_trans, operator_trans, kadis
):
    workflow.ajukan(pengajuan=pengajuan_trans, user=operator_trans, jumlah_isian=1)
    p = workflow.setujui(pengajuan=pengajuan_trans, user=kadis)
    with pytest.raises(PermissionDenied):
        workflow.buka_kembali(pengajuan=p, user=operator_trans, alasan="salah ketik")
    with pytest.raises(ValidationError, match="Alasan"):
        workflow.buka_kembali(pengajuan=p, user=kadis, alasan="")
    p = workflow.buka_kembali(pengajuan=p, user=kadis, alasan="Koreksi SP2D bulan Maret")
    assert p.status == "dikembalikan"
    assert p.riwayat.last().catatan == "Koreksi SP2D bulan Maret"


def test_optional_first_review_by_the_kepala_unit(settings, organisasi, operator_naker, kabid_naker, kadis):
    settings.SAKIP_TINJAUAN_KEPALA_UNIT = True
    p = workflow.ambil_pengajuan(
        jenis=Pengajuan.Jenis.ANGGARAN,
        tahun=2024,
        periode=5,
        unit_kerja=UnitKerja.objects.get(nama="Bidang Ketenagakerjaan"),
    )
    p = workflow.ajukan(pengajuan=p, user=operator_naker, jumlah_isian=2)
    with pytest.raises(ValidationError):
        workflow.setujui(pengajuan=p, user=kadis)
    p = workflow.tinjau(pengajuan=p, user=kabid_naker)
    assert p.status == "ditinjau"
    assert workflow.setujui(pengajuan=p, user=kadis).status == "disetujui"


def test_without_the_setting_there_is_no_first_review(organisasi, operator_naker, kabid_naker):
    p = workflow.ambil_pengajuan(
        jenis=Pengajuan.Jenis.ANGGARAN,
        tahun=2024,
        periode=5,
        unit_kerja=UnitKerja.objects.get(nama="Bidang Ketenagakerjaan"),
    )
    workflow.ajukan(pengajuan=p, user=operator_naker, jumlah_isian=1)
    with pytest.raises(ValidationError, match="tidak diaktifkan"):
        workflow.tinjau(pengajuan=p, user=kabid_naker)


def test_a_domain_check_refuses_submission_and_changes_nothing(pengajuan_trans, operator_trans):
    def masalah():
        return ["2 baris belum lengkap."]

    with pytest.raises(ValidationError, match="Tidak dapat mengajukan: 2 baris belum lengkap. Lengkapi dulu"):
        workflow.ajukan(pengajuan=pengajuan_trans, user=operator_trans, jumlah_isian=3, periksa=masalah)
    assert not Pengajuan.objects.exists()  # the period's row made for the transition is rolled back
    p = workflow.ajukan(pengajuan=pengajuan_trans, user=operator_trans, jumlah_isian=3, periksa=lambda: [])
    assert p.status == "diajukan"


def test_a_domain_check_refuses_approval_of_a_period_submitted_without_it(
    pengajuan_trans, operator_trans, kadis
):
    p = workflow.ajukan(pengajuan=pengajuan_trans, user=operator_trans, jumlah_isian=1)
    with pytest.raises(
        ValidationError, match="Tidak dapat menyetujui: Ada isian rusak. Kembalikan ke unit kerja"
    ):
        workflow.setujui(pengajuan=p, user=kadis, periksa=lambda: ["Ada isian rusak."])
    assert p.status == "diajukan" and Pengajuan.objects.get().status == "diajukan"
    assert not p.riwayat.filter(ke_status="disetujui").exists()
    assert workflow.setujui(pengajuan=p, user=kadis, periksa=lambda: []).status == "disetujui"


def test_the_status_is_checked_before_the_content(pengajuan_trans, operator_trans, kadis):
    p = workflow.setujui(
        pengajuan=workflow.ajukan(pengajuan=pengajuan_trans, user=operator_trans, jumlah_isian=1), user=kadis
    )
    with pytest.raises(ValidationError, match="status pengajuan sekarang disetujui"):
        workflow.setujui(pengajuan=p, user=kadis, periksa=lambda: ["tidak dipanggil"])
