"""Email notifications of the workflow: submitted -> the approver; returned or approved -> the operators."""

from django.conf import settings
from django.core.mail import send_mass_mail

from nakertrans.access import id_unit_lingkup
from nakertrans.models import Pengguna
from nakertrans.roles import KEPALA_UNIT, OPERATOR

JUDUL_PERIODE = {"anggaran": "bulan", "kinerja": "triwulan"}


def operator_unit(unit):
    """Active operators whose scope covers the unit."""
    return [
        u
        for u in Pengguna.objects.filter(groups__name=OPERATOR, is_active=True).exclude(email="")
        if unit.pk in id_unit_lingkup(u)
    ]


def _penyetuju(pengajuan):
    from nakertrans.workflow import tinjauan_kepala_unit_aktif

    if tinjauan_kepala_unit_aktif() and pengajuan.status == "diajukan":
        return [
            u
            for u in Pengguna.objects.filter(groups__name=KEPALA_UNIT, is_active=True).exclude(email="")
            if pengajuan.unit_kerja_id in id_unit_lingkup(u)
        ]
    return [
        u
        for u in Pengguna.objects.filter(is_active=True).exclude(email="")
        if u.has_perm("nakertrans.setujui_pengajuan")
    ]


def _uraian(pengajuan):
    return (
        f"realisasi {pengajuan.jenis} {pengajuan.unit_kerja} {JUDUL_PERIODE[pengajuan.jenis]} "
        f"{pengajuan.periode} tahun {pengajuan.tahun}"
    )


def pesan_perubahan(pengajuan):
    """(subject, body, recipients) for the state the Pengajuan is now in; None when nobody is told."""
    uraian = _uraian(pengajuan)
    if pengajuan.status in ("diajukan", "ditinjau"):
        penerima = _penyetuju(pengajuan)
        judul = f"[SAKIP] Menunggu persetujuan: {uraian}"
        isi = f"Yth. Bapak/Ibu,\n\n{uraian.capitalize()} telah diajukan dan menunggu persetujuan Anda.\n"
    elif pengajuan.status == "dikembalikan":
        penerima = operator_unit(pengajuan.unit_kerja)
        judul = f"[SAKIP] Dikembalikan: {uraian}"
        isi = f"Yth. Operator,\n\n{uraian.capitalize()} dikembalikan dengan catatan:\n\n{pengajuan.catatan}\n"
    elif pengajuan.status == "disetujui":
        penerima = operator_unit(pengajuan.unit_kerja)
        judul = f"[SAKIP] Disetujui: {uraian}"
        isi = f"Yth. Operator,\n\n{uraian.capitalize()} telah disetujui dan dikunci.\n"
    else:
        return None
    if not penerima:
        return None
    return judul, isi + "\nPesan ini dikirim otomatis oleh aplikasi SAKIP.", [u.email for u in penerima]


def kirim_perubahan(pengajuan):
    pesan = pesan_perubahan(pengajuan)
    if pesan:
        judul, isi, penerima = pesan
        send_mass_mail([(judul, isi, settings.DEFAULT_FROM_EMAIL, penerima)], fail_silently=True)
