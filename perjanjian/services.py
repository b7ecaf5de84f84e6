"""State changes of Perjanjian Kinerja: finalise and revise, each in one transaction."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from nakertrans.models import Jabatan, pejabat_pada
from perjanjian.models import BarisPK, PerjanjianKinerja
from perjanjian.signals import revisi_difinalkan

Status = PerjanjianKinerja.Status


def boleh_mengelola(user, perjanjian):
    """An office's PKs are managed by that office's administrator; the Kepala Daerah's PK by the
    kabupaten's (a user of no office); a superuser manages both."""
    if user.is_superuser:
        return True
    return user.has_perm("perjanjian.change_perjanjiankinerja") and user.instansi_id == perjanjian.instansi_id


def _wajib_admin(user, perjanjian):
    if not boleh_mengelola(user, perjanjian):
        if perjanjian.instansi_id is None:
            raise PermissionDenied("PK Kepala Daerah dikelola admin tingkat kabupaten.")
        raise PermissionDenied(
            "Hanya Admin (perencana) perangkat daerah ini yang mengelola Perjanjian Kinerja."
        )


def penandatangan_pada(jabatan, tanggal):
    """(PIHAK KESATU, PIHAK KEDUA) Penugasan on the signing date, or ValidationError naming the gap.
    The Kepala Daerah signs their own PK alone: no PIHAK KEDUA."""
    kesatu = pejabat_pada(jabatan, tanggal)
    if kesatu is None:
        raise ValidationError(f"Tidak ada pejabat {jabatan} pada tanggal {tanggal:%d-%m-%Y}.")
    if jabatan.jenis == Jabatan.Jenis.KEPALA_DAERAH:
        return kesatu, None
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
    _wajib_admin(user, perjanjian)
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
    _wajib_admin(user, perjanjian)
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
            iku_daerah_id=b.iku_daerah_id,
        )
        for b in perjanjian.baris.all()
    )
    return baru


@transaction.atomic
def susun_pk_kepala_daerah(*, rpjmd, tahun, tanggal, user):
    """The draft PK of the Kepala Daerah for ``tahun``: one line per IKU daerah of the RPJMD, with its
    sasaran daerah and the year's target. Refused when the year is outside the RPJMD, the Pemerintah
    Daerah has no Kepala Daerah post, an IKU daerah has no target for the year, or a PK of the year
    exists already (a final one is revised, a draft is edited)."""
    from perjanjian.models import IKUDaerah

    pemda = rpjmd.pemerintah_daerah
    jabatan = Jabatan.objects.kepala_daerah(pemda).first()
    if jabatan is None:
        raise ValidationError(f"{pemda} belum mempunyai jabatan Kepala Daerah.")
    baru = PerjanjianKinerja(tahun=tahun, jabatan=jabatan, tanggal=tanggal, tempat=pemda.ibu_kota or "-")
    _wajib_admin(user, baru)
    if not rpjmd.memuat(tahun):
        raise ValidationError(f"Tahun {tahun} di luar masa {rpjmd}.")
    if tanggal.year not in (tahun - 1, tahun):
        raise ValidationError(f"Tanggal PK {tanggal:%d-%m-%Y} bukan di tahun {tahun} atau sebelumnya.")
    if PerjanjianKinerja.objects.filter(tahun=tahun, jabatan=jabatan).exclude(status=Status.DIGANTI).exists():
        raise ValidationError(f"PK Kepala Daerah tahun {tahun} sudah ada; ubah drafnya atau revisi PK final.")
    iku = list(
        IKUDaerah.objects.filter(rpjmd=rpjmd)
        .select_related("sasaran", "indikator")
        .prefetch_related("target_tahunan")
        .order_by("urutan")
    )
    if not iku:
        raise ValidationError(f"{rpjmd} belum mempunyai IKU daerah.")
    target = {i.pk: next((t for t in i.target_tahunan.all() if t.tahun == tahun), None) for i in iku}
    tanpa = [i.indikator.nama for i in iku if target[i.pk] is None]
    if tanpa:
        raise ValidationError(f"IKU daerah tanpa target tahun {tahun}: {'; '.join(tanpa)}.")
    baru.save()
    BarisPK.objects.bulk_create(
        BarisPK(
            perjanjian=baru,
            urutan=nomor,
            sasaran=i.sasaran.teks,
            indikator=i.indikator,
            target_angka=target[i.pk].target_angka,
            target_huruf=target[i.pk].target_huruf,
            iku_daerah=i,
        )
        for nomor, i in enumerate(iku, start=1)
    )
    return baru
