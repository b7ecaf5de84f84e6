"""A kabupaten of many offices over several years, for benchmarks only (never on a real installation).

On an empty, migrated database: the demo's Dinas as muat_demo loads it (its organisation, the 2024
DPA, Renstra, PKs and approved realisasi, the Bupati's RPJMD and PK), copied to every year asked for,
and then, as a whole, to as many more offices as asked for ("Dinas Contoh 02 [contoh]" ... with the
code contoh-02 ...). Every office is of the demo's size; the copies are written with bulk inserts
(no history rows), the offices' logins are operator_naker_<kode>, kadis_<kode>, admin_<kode>.
"""

import re
import time

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import models, transaction

from anggaran.models import AnggaranSubKegiatan, IndikatorProgramKegiatan, PaguTertulis, RealisasiAnggaran
from capaian.models import NilaiKomponenTriwulan, RealisasiTriwulan
from nakertrans.models import (
    Instansi,
    Jabatan,
    Pegawai,
    Pengajuan,
    Pengguna,
    Penugasan,
    RiwayatPengajuan,
    UnitKerja,
)
from nakertrans.roles import pasang_peran
from perjanjian.models import (
    IKU,
    BarisPK,
    Indikator,
    KomponenIndikator,
    Misi,
    PerjanjianKinerja,
    Renstra,
    SasaranRenstra,
    TargetIKU,
    Tujuan,
)

SUMBER = 2024  # the demo's year, copied to the others


def _rentang_tahun(teks):
    cocok = re.fullmatch(r"(\d{4})-(\d{4})", teks or "")
    if not cocok or int(cocok[1]) > int(cocok[2]) or not 2000 <= int(cocok[1]) <= int(cocok[2]) <= 2100:
        raise CommandError(
            "--tahun harus berbentuk TTTT-TTTT dengan tahun awal tidak lebih dari tahun akhir, "
            "misalnya 2021-2025."
        )
    return list(range(int(cocok[1]), int(cocok[2]) + 1))


def _geser(nilai, tahun):
    """A date or time of the demo year moved to ``tahun`` (29 February to the 28th)."""
    if nilai is None:
        return None
    selisih = tahun - SUMBER
    try:
        return nilai.replace(year=nilai.year + selisih)
    except ValueError:
        return nilai.replace(year=nilai.year + selisih, day=28)


class Penyalin:
    """Copies of rows with their foreign keys redirected to the copies already made (``peta``: per
    model, old pk -> new pk); fields named in ``ubah`` are set, dates of the demo year moved to
    ``geser_ke``."""

    def __init__(self):
        self.peta = {}

    def salin(self, model, baris, *, geser_ke=None, **ubah):
        baris = list(baris)
        baru = []
        for lama in baris:
            obj = model()
            for f in model._meta.concrete_fields:
                if f.primary_key:
                    continue
                nilai = getattr(lama, f.attname)
                if f.is_relation and nilai is not None:
                    nilai = self.peta.get(f.related_model, {}).get(nilai, nilai)
                elif geser_ke is not None and isinstance(f, models.DateField) and nilai is not None:
                    nilai = _geser(nilai, geser_ke)
                setattr(obj, f.attname, nilai)
            for nama, nilai in ubah.items():
                setattr(obj, nama, nilai(lama) if callable(nilai) else nilai)
            baru.append(obj)
        model.objects.bulk_create(baru, batch_size=500)
        self.peta.setdefault(model, {}).update({a.pk: b.pk for a, b in zip(baris, baru, strict=True)})
        return baru

    def salin_m2m(self, model, nama, baris):
        """The many-to-many rows of ``nama`` of ``baris`` (already copied), redirected."""
        bidang = model._meta.get_field(nama)
        through = bidang.remote_field.through
        sumber, sasaran = bidang.m2m_field_name(), bidang.m2m_reverse_field_name()
        peta_sasaran = self.peta.get(bidang.related_model, {})
        through.objects.bulk_create(
            [
                through(
                    **{
                        f"{sumber}_id": self.peta[model][getattr(r, f"{sumber}_id")],
                        f"{sasaran}_id": peta_sasaran.get(
                            getattr(r, f"{sasaran}_id"), getattr(r, f"{sasaran}_id")
                        ),
                    }
                )
                for r in through.objects.filter(**{f"{sumber}__in": [b.pk for b in baris]})
            ],
            batch_size=500,
        )


def _data_tahun(opd):
    """The Dinas's rows of the demo year, in the order they must be copied."""
    pk = list(PerjanjianKinerja.objects.filter(instansi=opd, tahun=SUMBER))
    baris = list(BarisPK.objects.filter(perjanjian__in=pk).order_by("perjanjian__jabatan__tingkat_pk", "pk"))
    realisasi = list(RealisasiTriwulan.objects.filter(baris__in=baris))
    dpa = list(AnggaranSubKegiatan.objects.filter(instansi=opd, tahun=SUMBER))
    return {
        "pk": pk,
        "baris": baris,
        "realisasi": realisasi,
        "komponen": list(NilaiKomponenTriwulan.objects.filter(realisasi__in=realisasi)),
        "dpa": dpa,
        "realisasi_anggaran": list(RealisasiAnggaran.objects.filter(anggaran__in=dpa)),
        "indikator_program": list(IndikatorProgramKegiatan.objects.filter(instansi=opd, tahun=SUMBER)),
        "pagu_tertulis": list(PaguTertulis.objects.filter(instansi=opd, tahun=SUMBER)),
        "pengajuan": list(Pengajuan.objects.filter(unit_kerja__instansi=opd, tahun=SUMBER)),
        "riwayat": list(
            RiwayatPengajuan.objects.filter(pengajuan__unit_kerja__instansi=opd, pengajuan__tahun=SUMBER)
        ),
    }


def _salin_tahun(p, data, opd, tahun, *, baris_atas):
    """One year of an office: its PKs (lines under the Bupati's only in the demo year, when the
    Bupati's PK exists), realisasi, DPA, budget realisasi and approvals, from the demo's year."""
    p.salin(PerjanjianKinerja, data["pk"], geser_ke=tahun, instansi_id=opd.pk, tahun=tahun)
    p.salin_m2m(PerjanjianKinerja, "program_kegiatan", data["pk"])
    # Lines in post order, so that a line's induk within the office is copied before it.
    sendiri = {b.pk for b in data["baris"]}

    def induk(lama):
        if lama.induk_id in sendiri:
            return p.peta[BarisPK][lama.induk_id]
        return lama.induk_id if baris_atas else None  # the Bupati's line, or none

    for b in data["baris"]:
        p.salin(BarisPK, [b], induk_id=induk)
    p.salin(RealisasiTriwulan, data["realisasi"])
    p.salin(NilaiKomponenTriwulan, data["komponen"])
    p.salin(AnggaranSubKegiatan, data["dpa"], geser_ke=tahun, instansi_id=opd.pk, tahun=tahun)
    p.salin(RealisasiAnggaran, data["realisasi_anggaran"])
    p.salin(IndikatorProgramKegiatan, data["indikator_program"], instansi_id=opd.pk, tahun=tahun)
    p.salin(PaguTertulis, data["pagu_tertulis"], instansi_id=opd.pk, tahun=tahun)
    p.salin(Pengajuan, data["pengajuan"], geser_ke=tahun, tahun=tahun)
    p.salin(RiwayatPengajuan, data["riwayat"], geser_ke=tahun)


class Command(BaseCommand):
    help = (
        "Mengisi basis data KOSONG dengan kabupaten contoh berukuran demo untuk pengukuran kinerja: "
        "Dinas demo dan perangkat daerah salinannya, masing-masing dengan data beberapa tahun. Jangan "
        "dijalankan pada instalasi sungguhan."
    )

    def add_arguments(self, parser):
        parser.add_argument("--opd", type=int, default=40, help="jumlah perangkat daerah (bawaan: 40)")
        parser.add_argument("--tahun", default="2021-2025", help="rentang tahun, misalnya 2021-2025")
        parser.add_argument("--password", default="sakip2024", help="kata sandi semua akun contoh")

    def handle(self, *args, opd, tahun, password, **options):
        daftar_tahun = _rentang_tahun(tahun)
        if not 1 <= opd <= 500:
            raise CommandError("--opd harus antara 1 dan 500.")
        if SUMBER not in daftar_tahun:
            raise CommandError(f"Rentang tahun harus memuat {SUMBER}, tahun data demo yang disalin.")
        if Instansi.objects.exists():
            raise CommandError(
                "Basis data tidak kosong (sudah ada perangkat daerah). buat_kabupaten_contoh hanya mengisi "
                "basis data kosong yang sudah dimigrasi, khusus untuk pengukuran."
            )
        mulai = time.monotonic()
        with transaction.atomic():
            dinas = self._muat_demo(password)
            data = _data_tahun(dinas)
            p = Penyalin()
            for th in daftar_tahun:
                if th != SUMBER:
                    _salin_tahun(p, data, dinas, th, baris_atas=False)
            sandi = make_password(password)
            for nomor in range(2, opd + 1):
                self._salin_opd(dinas, data, nomor, daftar_tahun, sandi)
                if nomor % 10 == 0:
                    self.stdout.write(f"# {nomor} perangkat daerah ({time.monotonic() - mulai:.0f} detik)")
        self.stdout.write(
            self.style.SUCCESS(
                f"{Instansi.objects.count()} perangkat daerah x {len(daftar_tahun)} tahun: "
                f"{PerjanjianKinerja.objects.count()} PK, {BarisPK.objects.count()} baris PK, "
                f"{RealisasiTriwulan.objects.count()} realisasi triwulan, "
                f"{AnggaranSubKegiatan.objects.count()} baris DPA, "
                f"{RealisasiAnggaran.objects.count()} realisasi anggaran, "
                f"{Pengajuan.objects.count()} pengajuan ({time.monotonic() - mulai:.0f} detik)."
            )
        )

    def _muat_demo(self, password):
        from anggaran.demo import muat_anggaran, setujui_semua_bulan
        from capaian.demo import muat_realisasi, muat_skala
        from nakertrans.demo import dinas, muat_organisasi
        from perjanjian.demo import muat_perencanaan

        pasang_peran()
        muat_organisasi(password=password)
        muat_anggaran()
        setujui_semua_bulan()
        muat_perencanaan()
        muat_skala()
        muat_realisasi()
        return dinas()

    def _salin_opd(self, dinas, data, nomor, daftar_tahun, sandi):
        p = Penyalin()
        kode = f"contoh-{nomor:02d}"
        nama = f"Dinas Contoh {nomor:02d} [contoh]"
        [opd] = p.salin(Instansi, [dinas], kode=kode, nama=nama)
        opd = Instansi.objects.get(pk=opd.pk)
        unit = list(UnitKerja.objects.filter(instansi=dinas).order_by("induk_id", "pk"))
        # A unit's parent is copied before it (the tree's roots first).
        sisa = unit
        while sisa:
            siap = [u for u in sisa if u.induk_id is None or u.induk_id in p.peta.get(UnitKerja, {})]
            p.salin(UnitKerja, siap, instansi_id=opd.pk, nama=lambda u: u.nama if u.induk_id else nama)
            sisa = [u for u in sisa if u not in siap]
        jabatan = list(Jabatan.objects.filter(unit_kerja__instansi=dinas).order_by("tingkat_pk", "pk"))
        for j in jabatan:  # a post's superior is copied before it; the Bupati stays the Bupati
            p.salin(Jabatan, [j])
        penugasan = list(Penugasan.objects.filter(jabatan__in=jabatan))
        pegawai = list(Pegawai.objects.filter(pk__in=[t.pegawai_id for t in penugasan]).order_by("pk"))
        urutan = {g.pk: i for i, g in enumerate(pegawai)}
        # Invented NIPs, unique per office and employee: the birth date and year of the original.
        p.salin(
            Pegawai,
            pegawai,
            nip=lambda g: f"{g.nip[:12]}{nomor:03d}{urutan[g.pk]:03d}" if g.nip else None,
            nama=lambda g: f"{g.nama} {nomor:02d}",
        )
        p.salin(Penugasan, penugasan)
        pengguna = list(Pengguna.objects.filter(instansi=dinas))
        p.salin(
            Pengguna,
            pengguna,
            instansi_id=opd.pk,
            username=lambda u: f"{u.username}_{kode}",
            email=lambda u: f"{u.username}_{kode}@sakip.contoh.invalid",
            password=sandi,
            last_login=None,
        )
        p.salin_m2m(Pengguna, "groups", pengguna)
        p.salin_m2m(Pengguna, "unit_kerja", pengguna)
        indikator = list(Indikator.objects.filter(instansi=dinas))
        p.salin(Indikator, indikator, instansi_id=opd.pk)
        p.salin(KomponenIndikator, KomponenIndikator.objects.filter(indikator__in=indikator))
        renstra = list(Renstra.objects.filter(instansi=dinas))
        p.salin(Renstra, renstra, instansi_id=opd.pk)
        for model in (Misi, Tujuan, SasaranRenstra):
            p.salin(model, model.objects.filter(renstra__in=renstra))
        iku = list(IKU.objects.filter(renstra__in=renstra))
        p.salin(IKU, iku)
        p.salin(TargetIKU, TargetIKU.objects.filter(iku__in=iku))
        for th in daftar_tahun:
            _salin_tahun(p, data, opd, th, baris_atas=th == SUMBER)
        return opd
