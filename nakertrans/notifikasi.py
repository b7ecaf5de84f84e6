"""Email notifications of the workflow: submitted -> the approver; returned or approved -> the operators."""

from django.db.models import Q

from nakertrans.latar import antrekan
from nakertrans.models import Pengajuan, Pengguna, UnitKerja
from nakertrans.peran import KEPALA_UNIT, OPERATOR
from nakertrans.tugas import kirim_surel

Status = Pengajuan.Status

JUDUL_PERIODE = {"anggaran": "bulan", "kinerja": "triwulan", "renja": "triwulan"}


def _pengguna_berlingkup(nama_grup, unit_id):
    """Active users of a group whose scope (their units and the units below) covers the unit; the unit
    tree and the users' units are read once, not per user."""
    calon = Pengguna.objects.filter(groups__name=nama_grup, is_active=True).exclude(email="")
    calon = list(calon.prefetch_related("unit_kerja"))
    induk = dict(
        UnitKerja.objects.filter(instansi__unit_kerja=unit_id).values_list("pk", "induk_id")
    )  # the units of the unit's office
    leluhur, sekarang = set(), unit_id
    while sekarang is not None and sekarang not in leluhur:
        leluhur.add(sekarang)
        sekarang = induk.get(sekarang)
    return [u for u in calon if any(uk.pk in leluhur for uk in u.unit_kerja.all())]


def operator_unit(unit):
    """Active operators whose scope covers the unit."""
    return _pengguna_berlingkup(OPERATOR, unit.pk)


def _penyetuju(pengajuan, ke_kepala_unit):
    if ke_kepala_unit:
        return _pengguna_berlingkup(KEPALA_UNIT, pengajuan.unit_kerja_id)
    izin = Q(groups__permissions__codename="setujui_pengajuan") | Q(
        user_permissions__codename="setujui_pengajuan"
    )
    # The approvers of the unit's own office; a superuser of none hears of every office.
    opd = Q(instansi__unit_kerja=pengajuan.unit_kerja_id) | Q(is_superuser=True, instansi=None)
    return list(
        Pengguna.objects.filter(izin | Q(is_superuser=True), opd, is_active=True).exclude(email="").distinct()
    )


def _uraian(pengajuan):
    return (
        f"realisasi {pengajuan.jenis} {pengajuan.unit_kerja} {JUDUL_PERIODE[pengajuan.jenis]} "
        f"{pengajuan.periode} tahun {pengajuan.tahun}"
    )


def pesan_perubahan(pengajuan, *, ke_kepala_unit=False):
    """(subject, body, recipients) for the state the Pengajuan is now in; None when nobody is told.
    ``ke_kepala_unit``: the submission waits for the Kepala Unit's review (the workflow decides)."""
    uraian = _uraian(pengajuan)
    if pengajuan.status in (Status.DIAJUKAN, Status.DITINJAU):
        penerima = _penyetuju(pengajuan, ke_kepala_unit)
        judul = f"[SAKIP] Menunggu persetujuan: {uraian}"
        isi = f"Yth. Bapak/Ibu,\n\n{uraian.capitalize()} telah diajukan dan menunggu persetujuan Anda.\n"
    elif pengajuan.status == Status.DIKEMBALIKAN:
        penerima = operator_unit(pengajuan.unit_kerja)
        judul = f"[SAKIP] Dikembalikan: {uraian}"
        isi = f"Yth. Operator,\n\n{uraian.capitalize()} dikembalikan dengan catatan:\n\n{pengajuan.catatan}\n"
    elif pengajuan.status == Status.DISETUJUI:
        penerima = operator_unit(pengajuan.unit_kerja)
        judul = f"[SAKIP] Disetujui: {uraian}"
        isi = f"Yth. Operator,\n\n{uraian.capitalize()} telah disetujui dan dikunci.\n"
    else:
        return None
    if not penerima:
        return None
    return judul, isi + "\nPesan ini dikirim otomatis oleh aplikasi SAKIP.", [u.email for u in penerima]


def kirim_perubahan(pengajuan, *, ke_kepala_unit=False):
    """Mail the people the new state concerns, as a task of the queue (called by the workflow once each
    transition commits)."""
    pesan = pesan_perubahan(pengajuan, ke_kepala_unit=ke_kepala_unit)
    if pesan:
        antrekan(kirim_surel, [pesan])
