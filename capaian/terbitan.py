"""Writing, checking and publishing the LKjIP: each state change a function of the acting user.

Generating the PDF runs in the background (``mulai_pembuatan``); the page polls PembuatanLKjIP.
"""

import hashlib
import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django_tasks import task

from capaian.lkjip import html_lkjip
from capaian.models import PembuatanLKjIP, TanggapanPeringatan, TerbitanLKjIP
from capaian.pemeriksaan import periksa_lkjip
from nakertrans.access import id_opd, id_unit_lingkup, melihat_semua_unit
from nakertrans.format_id import format_tanggal
from nakertrans.latar import ANTRE, BERJALAN, antrekan, batas_diam, keadaan_tugas, tutup_tugas_mati
from nakertrans.models import Jabatan
from nakertrans.pdf import html_ke_pdf
from perjanjian.models import PerjanjianKinerja

log = logging.getLogger(__name__)
Status = PembuatanLKjIP.Status
PESAN_TERHENTI = (
    "Terhenti: proses pembuatan berhenti tanpa kabar (pekerja latar dimulai ulang atau mati). Buat lagi."
)


def _mati(pekerjaan, tugas):
    """Whether a job still marked queued or running died with its worker (a restart, a deploy, a
    killed process): its task fell silent or ended without finishing it (nakertrans.latar's heartbeat,
    also written while WeasyPrint renders). ``tugas`` is keadaan_tugas of the jobs' tasks. A job with no
    task row (an immediate backend, or made before the queue) is judged by its own last update."""
    if not pekerjaan.sedang_berjalan:
        return False
    keadaan = tugas.get(pekerjaan.id_tugas)
    if keadaan is None:
        return pekerjaan.diperbarui_pada < timezone.now() - batas_diam()
    return keadaan not in (ANTRE, BERJALAN)


SIMPAN_DRAF = 5  # finished drafts kept per year


def boleh_menyusun(user, instansi, tahun):
    """The Sekretariat (the unit that fills the Kepala Dinas's PK) writes the office's LKjIP; the Kepala
    Dinas too. Only within the user's own office (``opd_pengguna``)."""
    if not user.has_perm("capaian.susun_lkjip") or instansi is None or id_opd(user) != instansi.pk:
        return False
    if melihat_semua_unit(user):
        return True
    pk = (
        PerjanjianKinerja.objects.berlaku(tahun)
        .filter(jabatan__in=Jabatan.objects.kepala_dinas(instansi))
        .select_related("jabatan", "unit_pengisi")
        .first()
    )
    return pk is not None and pk.unit_isian.pk in id_unit_lingkup(user)


def wajib_menyusun(user, instansi, tahun):
    if not boleh_menyusun(user, instansi, tahun):
        raise PermissionDenied("Anda tidak berhak menyusun LKjIP.")


def boleh_menerbitkan(user, instansi):
    """The Kepala OPD publishes the LKjIP of their own office."""
    return user.has_perm("capaian.terbitkan_lkjip") and instansi is not None and id_opd(user) == instansi.pk


def boleh_membuat_draf(user, instansi, tahun):
    return boleh_menyusun(user, instansi, tahun) or boleh_menerbitkan(user, instansi)


def wajib_menerbitkan(user, instansi):
    if not boleh_menerbitkan(user, instansi):
        raise PermissionDenied("Hanya Kepala OPD yang menerbitkan LKjIP perangkat daerahnya.")


def tanggapi_peringatan(*, instansi, tahun, kode, catatan, user, semua=False):
    """The Kepala Dinas answers warnings of the check (``kode``, or with ``semua`` every one still open)
    with one note; the warning text is kept with it."""
    wajib_menerbitkan(user, instansi)
    catatan = (catatan or "").strip()
    if not catatan:
        raise ValidationError("Tulis catatan tanggapan: mengapa laporan tetap dapat diterbitkan.")
    kode = set(kode or [])
    if not kode and not semua:
        raise ValidationError("Pilih paling sedikit satu peringatan yang ditanggapi.")
    with transaction.atomic():
        terbuka = {t.kode: t for t in periksa_lkjip(instansi, tahun).belum_ditanggapi}
        if semua:
            kode = set(terbuka)
        if kode - set(terbuka):
            raise ValidationError(
                "Sebagian peringatan yang dipilih sudah tidak ada atau sudah ditanggapi; muat ulang halaman."
            )
        for k in sorted(kode):
            TanggapanPeringatan.objects.update_or_create(
                instansi=instansi,
                tahun=tahun,
                kode=k,
                defaults={
                    "pesan": terbuka[k].pesan,
                    "catatan": catatan,
                    "oleh": user,
                    "pada": timezone.now(),
                },
            )
    return len(kode)


def _salinan_tanggapan(hasil):
    baris = []
    for t in hasil.peringatan:
        tg = t.tanggapan
        tanggal = format_tanggal(timezone.localdate(tg.pada))
        baris.append(f"- {t.pesan}\n  Catatan: {tg.catatan} ({tg.oleh}, {tanggal})")
    return "\n".join(baris)


def nomor_berikut(instansi, tahun):
    terbit = TerbitanLKjIP.objects.filter(instansi=instansi, tahun=tahun)
    return (terbit.aggregate(n=Max("nomor"))["n"] or 0) + 1


def terbitkan_lkjip(*, instansi, tahun, nomor, isi, user):
    """Store ``isi`` as published version ``nomor``: refused while the check has errors or unanswered
    warnings, or when that number was published meanwhile."""
    wajib_menerbitkan(user, instansi)
    with transaction.atomic():
        hasil = periksa_lkjip(instansi, tahun)
        if not hasil.boleh_terbit:
            raise ValidationError(hasil.alasan_tidak_terbit())
        if nomor != nomor_berikut(instansi, tahun):
            raise ValidationError(
                f"Versi {nomor} LKjIP {tahun} sudah diterbitkan lebih dulu; terbitkan lagi bila perlu."
            )
        try:
            with transaction.atomic():
                return TerbitanLKjIP.objects.create(
                    instansi=instansi,
                    tahun=tahun,
                    nomor=nomor,
                    isi=isi,
                    sha256=hashlib.sha256(isi).hexdigest(),
                    ukuran=len(isi),
                    diterbitkan_oleh=user,
                    diterbitkan_pada=timezone.now(),
                    tanggapan=_salinan_tanggapan(hasil),
                )
        except IntegrityError:
            raise ValidationError(
                f"Versi {nomor} LKjIP {tahun} baru saja diterbitkan orang lain; muat ulang halaman."
            ) from None


def isi_terbitan(terbitan):
    """The stored bytes, after checking they are still the ones whose SHA-256 was shown at publishing."""
    isi = bytes(terbitan.isi)
    if hashlib.sha256(isi).hexdigest() != terbitan.sha256:
        log.error("Isi %s tidak cocok dengan SHA-256 tersimpan", terbitan)
        raise ValidationError(
            f"Berkas {terbitan} tidak cocok dengan sidik SHA-256-nya dan tidak dapat diunduh. Hubungi admin."
        )
    return isi


def mulai_pembuatan(*, instansi, tahun, jenis, user, nomor=None):
    """Start generating a draft, or published version ``nomor`` (the number the Kepala Dinas confirmed);
    a job of the same kind already running for the office's year is returned instead of starting a
    second one."""
    if jenis == PembuatanLKjIP.Jenis.TERBITAN:
        wajib_menerbitkan(user, instansi)
        hasil = periksa_lkjip(instansi, tahun)
        if not hasil.boleh_terbit:
            raise ValidationError(hasil.alasan_tidak_terbit())
        berikut = nomor_berikut(instansi, tahun)
        if nomor != berikut:
            raise ValidationError(
                f"Versi {berikut - 1} baru saja diterbitkan; muat ulang halaman sebelum menerbitkan lagi."
            )
    elif jenis == PembuatanLKjIP.Jenis.DRAF:
        if not boleh_membuat_draf(user, instansi, tahun):
            raise PermissionDenied("Anda tidak berhak menyusun LKjIP.")
    else:
        raise ValidationError("Jenis pembuatan tidak dikenal.")
    if not PerjanjianKinerja.objects.filter(instansi=instansi, tahun=tahun).exists():
        raise ValidationError(f"Tidak ada Perjanjian Kinerja tahun {tahun}; LKjIP tidak dapat disusun.")
    with transaction.atomic():
        syarat = {
            "instansi": instansi,
            "tahun": tahun,
            "jenis": jenis,
            "status__in": [Status.ANTRE, Status.BERJALAN],
        }
        aktif = list(PembuatanLKjIP.objects.select_for_update().filter(**syarat).defer("isi"))
        tugas = keadaan_tugas(p.id_tugas for p in aktif)
        mati = [p for p in aktif if _mati(p, tugas)]
        berjalan = next((p for p in aktif if p not in mati), None)
        if berjalan is not None:
            return pembuatan_ringan().get(pk=berjalan.pk)
        # Jobs whose worker died are closed as failed, so no page keeps waiting on them.
        for p in mati:
            tutup_tugas_mati(p.id_tugas, PESAN_TERHENTI)
        PembuatanLKjIP.objects.filter(pk__in=[p.pk for p in mati]).update(
            status=Status.GAGAL, tahap="Terhenti", pesan=PESAN_TERHENTI, selesai_pada=timezone.now()
        )
        pekerjaan = PembuatanLKjIP.objects.create(
            instansi=instansi,
            tahun=tahun,
            jenis=jenis,
            nomor=nomor if jenis == PembuatanLKjIP.Jenis.TERBITAN else None,
            diminta_oleh=user,
            tahap="Menunggu giliran",
        )
        lama = PembuatanLKjIP.objects.filter(
            instansi=instansi, tahun=tahun, jenis=PembuatanLKjIP.Jenis.DRAF
        ).exclude(status__in=[Status.ANTRE, Status.BERJALAN])
        for p in lama.order_by("-dibuat_pada")[SIMPAN_DRAF:]:
            p.delete()
        # In the job's transaction: the task row commits with it (an immediate backend runs it here).
        id_tugas = antrekan(buat_pdf_lkjip, pekerjaan.pk)
        PembuatanLKjIP.objects.filter(pk=pekerjaan.pk).update(id_tugas=id_tugas)
    return pembuatan_ringan().get(pk=pekerjaan.pk)


def pembuatan_ringan():
    """Jobs without their PDF bytes (nor their published version's): what the polling page needs."""
    return PembuatanLKjIP.objects.defer("isi", "terbitan__isi").select_related("terbitan")


def _tahap(pekerjaan, tahap, **lain):
    PembuatanLKjIP.objects.filter(pk=pekerjaan.pk).update(tahap=tahap, diperbarui_pada=timezone.now(), **lain)


def buat_pdf(pk):
    """The job itself: assemble, render, then keep the draft or publish the version."""
    pekerjaan = PembuatanLKjIP.objects.defer("isi").select_related("diminta_oleh", "instansi").get(pk=pk)
    _tahap(pekerjaan, "Mengumpulkan data", status=Status.BERJALAN, mulai_pada=timezone.now())
    terbit = pekerjaan.jenis == PembuatanLKjIP.Jenis.TERBITAN
    try:
        html = html_lkjip(
            pekerjaan.instansi,
            pekerjaan.tahun,
            draf=not terbit,
            terbitan=pekerjaan.nomor if terbit else None,
        )
        _tahap(pekerjaan, "Menata halaman dan menulis PDF")
        isi = html_ke_pdf(html)
        if terbit:
            _tahap(pekerjaan, "Memeriksa ulang dan menyimpan terbitan")
            with transaction.atomic():  # the version and the job's "done" are one fact
                terbitan = terbitkan_lkjip(
                    instansi=pekerjaan.instansi,
                    tahun=pekerjaan.tahun,
                    nomor=pekerjaan.nomor,
                    isi=isi,
                    user=pekerjaan.diminta_oleh,
                )
                _tahap(
                    pekerjaan,
                    "Selesai",
                    status=Status.SELESAI,
                    terbitan=terbitan,
                    selesai_pada=timezone.now(),
                )
        else:
            _tahap(pekerjaan, "Selesai", status=Status.SELESAI, isi=isi, selesai_pada=timezone.now())
    except (ValidationError, PermissionDenied) as galat:
        pesan = " ".join(getattr(galat, "messages", [str(galat)]))
        _tahap(pekerjaan, "Gagal", status=Status.GAGAL, pesan=pesan, selesai_pada=timezone.now())
    except Exception:
        log.exception("Pembuatan LKjIP %s gagal", pk)
        _tahap(
            pekerjaan,
            "Gagal",
            status=Status.GAGAL,
            pesan="Terjadi kesalahan saat membuat PDF dan sudah dicatat. Coba lagi atau hubungi admin.",
            selesai_pada=timezone.now(),
        )


@task(queue_name="pdf")
def buat_pdf_lkjip(pk):
    """buat_pdf as a task of the queue (nakertrans.latar), on the «pdf» queue: its workers, and with them
    how many PDFs are made at once, are counted apart from the mail's."""
    buat_pdf(pk)


def keadaan(pekerjaan):
    """Status for the page: a job whose worker died is reported as stopped; progress is estimated
    from the last finished job of the same year (WeasyPrint reports no progress of its own)."""
    if _mati(pekerjaan, keadaan_tugas([pekerjaan.id_tugas])):
        return {"status": "terhenti", "persen": 0}
    if not pekerjaan.sedang_berjalan:
        return {"status": pekerjaan.status, "persen": 100}
    sebelumnya = (
        PembuatanLKjIP.objects.filter(
            instansi=pekerjaan.instansi_id,
            tahun=pekerjaan.tahun,
            status=Status.SELESAI,
            mulai_pada__isnull=False,
        )
        .exclude(pk=pekerjaan.pk)
        .order_by("-selesai_pada")
        .values_list("mulai_pada", "selesai_pada")
        .first()
    )
    if pekerjaan.mulai_pada is None:
        return {"status": pekerjaan.status, "persen": 0}
    berjalan = (timezone.now() - pekerjaan.mulai_pada).total_seconds()
    lama = (sebelumnya[1] - sebelumnya[0]).total_seconds() if sebelumnya else 30.0
    return {"status": pekerjaan.status, "persen": max(5, min(95, round(berjalan / max(lama, 1) * 100)))}
