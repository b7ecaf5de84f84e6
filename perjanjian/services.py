"""State changes of Perjanjian Kinerja: finalise and revise, each in one transaction."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from nakertrans.models import pejabat_pada
from perjanjian.models import BarisPK, PerjanjianKinerja
from perjanjian.signals import revisi_difinalkan

Status = PerjanjianKinerja.Status


def _wajib_admin(user):
    if not user.has_perm("perjanjian.change_perjanjiankinerja"):
        raise PermissionDenied("Hanya Admin (perencana) yang mengelola Perjanjian Kinerja.")


def penandatangan_pada(jabatan, tanggal):
    """(PIHAK KESATU, PIHAK KEDUA) Penugasan on the signing date, or ValidationError naming the gap."""
    kesatu = pejabat_pada(jabatan, tanggal)
    if kesatu is None:
        raise ValidationError(f"Tidak ada pejabat {jabatan} pada tanggal {tanggal:%d-%m-%Y}.")
    if jabatan.atasan_id is None:
        raise ValidationError(f"Jabatan {jabatan} tidak memiliki atasan sebagai PIHAK KEDUA.")
    kedua = pejabat_pada(jabatan.atasan, tanggal)
    if kedua is None:
        raise ValidationError(
            f"Tidak ada pejabat {jabatan.atasan} (PIHAK KEDUA) pada tanggal {tanggal:%d-%m-%Y}."
        )
    return kesatu, kedua


@transaction.atomic
def finalkan_pk(*, perjanjian, user):
    """Draft -> final: the signatories of the signing date are fixed, the old version (if any) is replaced."""
    _wajib_admin(user)
    perjanjian = (
        PerjanjianKinerja.objects.select_for_update(of=("self",))
        .select_related("jabatan__atasan")
        .get(pk=perjanjian.pk)
    )
    if perjanjian.status != Status.DRAFT:
        raise ValidationError("Hanya PK berstatus draf yang dapat difinalkan.")
    baris = list(perjanjian.baris.select_related("indikator"))
    if not baris:
        raise ValidationError("PK belum memiliki baris sasaran dan indikator.")
    tanpa_target = [str(b.urutan) for b in baris if b.target in (None, "")]
    if tanpa_target:
        raise ValidationError(f"Baris {', '.join(tanpa_target)} belum memiliki target.")
    for b in baris:
        b.full_clean()
    perjanjian.pihak_kesatu, perjanjian.pihak_kedua = penandatangan_pada(
        perjanjian.jabatan, perjanjian.tanggal
    )
    lama = perjanjian.revisi_dari
    if lama is not None:
        _alihkan_turunan(lama, perjanjian)
        salinan = {(b.urutan, b.indikator_id): b for b in baris}
        pasangan = {
            b: salinan[(b.urutan, b.indikator_id)]
            for b in lama.baris.all()
            if (b.urutan, b.indikator_id) in salinan
        }
        revisi_difinalkan.send(sender=PerjanjianKinerja, lama=lama, baru=perjanjian, pasangan=pasangan)
        lama.status = Status.DIGANTI
        lama._history_user = user
        lama.save(update_fields=["status"])
    perjanjian.status = Status.FINAL
    perjanjian._history_user = user
    perjanjian.save(update_fields=["status", "pihak_kesatu", "pihak_kedua"])
    return perjanjian


def _alihkan_turunan(lama, baru):
    """Lower PK lines that supported a line of the old version now support its copy."""
    salinan = {b.urutan: b for b in baru.baris.all()}
    for baris_lama in lama.baris.prefetch_related("turunan"):
        pengganti = salinan.get(baris_lama.urutan)
        if pengganti is not None:
            baris_lama.turunan.update(induk=pengganti)


@transaction.atomic
def revisi_pk(*, perjanjian, user, alasan):
    """A final PK is never edited: a revision copies it into a new draft version; the old stays readable."""
    _wajib_admin(user)
    alasan = (alasan or "").strip()
    if not alasan:
        raise ValidationError(
            "Alasan revisi wajib diisi (misalnya pergantian pejabat, program atau anggaran)."
        )
    # The row lock makes a second «Buat revisi» sent at the same time wait for the first and then see
    # its draft; the status is read again under the lock, not taken from the caller's copy.
    perjanjian = PerjanjianKinerja.objects.select_for_update(of=("self",)).get(pk=perjanjian.pk)
    if perjanjian.status != Status.FINAL:
        raise ValidationError("Hanya PK final yang direvisi; draf dapat diubah langsung.")
    if PerjanjianKinerja.objects.filter(
        tahun=perjanjian.tahun, jabatan_id=perjanjian.jabatan_id, status=Status.DRAFT
    ).exists():
        raise ValidationError("Sudah ada draf revisi PK ini.")
    try:
        with transaction.atomic():
            baru = PerjanjianKinerja.objects.create(
                tahun=perjanjian.tahun,
                jabatan_id=perjanjian.jabatan_id,
                versi=perjanjian.versi + 1,
                tempat=perjanjian.tempat,
                tanggal=perjanjian.tanggal,
                unit_pengisi_id=perjanjian.unit_pengisi_id,
                revisi_dari=perjanjian,
                alasan_revisi=alasan,
            )
    except IntegrityError:
        # One draft per post and year, one revision per version (database constraints): a
        # concurrent revision that the lock did not serialise (SQLite) is refused, not a 500.
        raise ValidationError("Sudah ada draf revisi PK ini.") from None
    baru.program_kegiatan.set(perjanjian.program_kegiatan.all())
    BarisPK.objects.bulk_create(
        BarisPK(
            perjanjian=baru,
            urutan=b.urutan,
            sasaran=b.sasaran,
            indikator_id=b.indikator_id,
            satuan=b.satuan,
            target_angka=b.target_angka,
            target_huruf=b.target_huruf,
            rencana_tw1=b.rencana_tw1,
            rencana_tw2=b.rencana_tw2,
            rencana_tw3=b.rencana_tw3,
            rencana_tw4=b.rencana_tw4,
            induk_id=b.induk_id,
            iku_id=b.iku_id,
        )
        for b in perjanjian.baris.all()
    )
    return baru
