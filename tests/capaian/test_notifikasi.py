import io

from django.core import mail
from django.core.management import call_command

from nakertrans import workflow
from nakertrans.models import UnitKerja


def _pengajuan(unit="Bidang Ketenagakerjaan", periode=1):
    return workflow.ambil_pengajuan(
        jenis="kinerja", tahun=2024, periode=periode, unit_kerja=UnitKerja.objects.get(nama=unit)
    )


def test_submit_mails_the_approver_and_return_or_approve_mails_the_operators(
    perencanaan, operator_naker, kadis, django_capture_on_commit_callbacks
):
    p = _pengajuan()
    with django_capture_on_commit_callbacks(execute=True):
        p = workflow.ajukan(pengajuan=p, user=operator_naker, jumlah_isian=1)
    assert [m.to for m in mail.outbox] == [["kadis@sakip.contoh.invalid"]]
    assert (
        "Menunggu persetujuan: realisasi kinerja Bidang Ketenagakerjaan triwulan 1" in mail.outbox[0].subject
    )
    with django_capture_on_commit_callbacks(execute=True):
        workflow.kembalikan(pengajuan=p, user=kadis, catatan="Lengkapi bukti")
    assert (
        mail.outbox[1].to == ["operator_naker@sakip.contoh.invalid"]
        and "Lengkapi bukti" in mail.outbox[1].body
    )
    with django_capture_on_commit_callbacks(execute=True):
        p = workflow.ajukan(pengajuan=p, user=operator_naker, jumlah_isian=1)
        workflow.setujui(pengajuan=p, user=kadis)
    assert "Disetujui" in mail.outbox[-1].subject and mail.outbox[-1].to == [
        "operator_naker@sakip.contoh.invalid"
    ]


def test_no_mail_for_a_refused_transition(perencanaan, operator_naker, django_capture_on_commit_callbacks):
    import pytest
    from django.core.exceptions import ValidationError

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        workflow.ajukan(pengajuan=_pengajuan(), user=operator_naker, jumlah_isian=0)
    assert mail.outbox == []


def test_reminder_goes_to_units_that_missed_the_deadline(realisasi_2024, settings):
    settings.SAKIP_BATAS_HARI_ISIAN = 10
    keluaran = io.StringIO()
    call_command("kirim_pengingat", "--tanggal", "2024-04-11", stdout=keluaran)
    # 2024 TW I is due 10 April; the demo approved it everywhere but at the Subbagian, which has no operator
    # of its own (the Sekretariat's operator covers it).
    assert "Subbagian Umum dan Kepegawaian: triwulan I 2024 (batas 10 April 2024)" in keluaran.getvalue()
    assert [m.to for m in mail.outbox] == [["operator_sekretariat@sakip.contoh.invalid"]]
    mail.outbox.clear()
    call_command("kirim_pengingat", "--tanggal", "2024-04-10", stdout=io.StringIO())
    assert mail.outbox == []
