"""The consistency check of a year's LKjIP: everything that would make the report wrong or incomplete.

A galat (error) blocks publishing; a peringatan (warning) may be published once the Kepala Dinas has
answered it with a note. Every finding has a stable ``kode`` (the note stays attached to it while the
problem persists) and, where one exists, a link to the page that fixes it. The check runs a fixed
number of queries whatever the number of units, lines or budget rows.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q
from django.urls import reverse

from anggaran import kode as nomenklatur
from anggaran.models import RealisasiAnggaran
from anggaran.queries import anggaran_dengan_realisasi, lewat_pagu, selisih_pagu_tertulis
from capaian.hitung import periksa_skala
from capaian.lkjip import tanggal_tanda_tangan
from capaian.models import PilihanSkalaOPD, RealisasiTriwulan, SkalaPredikat, TanggapanPeringatan
from capaian.queries import capaian_tahun
from capaian.renja import BELUM, evaluasi_renja
from nakertrans.access import id_unit_lingkup, melihat_semua_unit, unit_yang_boleh_diisi
from nakertrans.format_id import NAMA_BULAN, format_angka, format_rupiah, format_tanggal
from nakertrans.models import Jabatan, Pengajuan, pejabat_pada
from perjanjian.kaskade import temuan_opd as temuan_kaskade
from perjanjian.models import IKU, BarisPK, Indikator, PerjanjianKinerja, Renstra, unit_isian_dari

GALAT, PERINGATAN = "galat", "peringatan"


@dataclass
class Temuan:
    tingkat: str
    kode: str
    pesan: str
    tautan: str = ""
    label: str = ""
    tanggapan: TanggapanPeringatan | None = None
    # Who may follow the link (saring_tautan): the unit whose page it opens, the permission it needs,
    # whether it is an admin page (staff only), and whether it is the unit's entry page («Isi»).
    unit_id: int | None = None
    izin: str = ""
    admin: bool = False
    isi: bool = False


@dataclass
class HasilPemeriksaan:
    tahun: int
    temuan: list = field(default_factory=list)

    @property
    def galat(self):
        return [t for t in self.temuan if t.tingkat == GALAT]

    @property
    def peringatan(self):
        return [t for t in self.temuan if t.tingkat == PERINGATAN]

    @property
    def belum_ditanggapi(self):
        return [t for t in self.peringatan if t.tanggapan is None]

    @property
    def boleh_terbit(self):
        return not self.galat and not self.belum_ditanggapi

    def alasan_tidak_terbit(self):
        if self.galat:
            return (
                f"LKjIP {self.tahun} belum dapat diterbitkan: pemeriksaan menemukan {len(self.galat)} galat. "
                "Perbaiki dulu datanya."
            )
        if self.belum_ditanggapi:
            return (
                f"LKjIP {self.tahun} belum dapat diterbitkan: {len(self.belum_ditanggapi)} peringatan "
                "belum ditanggapi dengan catatan."
            )
        return ""


def _admin(izin):
    return {"izin": izin, "admin": True}


class _Pemeriksa:
    def __init__(self, instansi, tahun):
        self.instansi, self.tahun = instansi, tahun
        self.temuan = []

    def galat(self, kode, pesan, tautan="", label="Perbaiki", **akses):
        self.temuan.append(Temuan(GALAT, kode, pesan, tautan, label, **akses))

    def peringatan(self, kode, pesan, tautan="", label="Periksa", **akses):
        self.temuan.append(Temuan(PERINGATAN, kode, pesan, tautan, label, **akses))

    def jalankan(self):
        # The DPA lines with their realisasi, read once for the attachment, budget and totals checks.
        self.dpa = list(anggaran_dengan_realisasi(self.instansi, self.tahun))
        self.renstra()
        semua_pk = self.perjanjian()
        if semua_pk:
            self.baris_dan_realisasi(semua_pk)
            self.persetujuan_kinerja(semua_pk)
            self.lampiran(semua_pk)
        self.anggaran()
        self.skala()
        self.penanda_tangan()
        self.kaskade()
        return self.temuan

    def renstra(self):
        ada = Renstra.objects.filter(
            instansi=self.instansi, tahun_awal__lte=self.tahun, tahun_akhir__gte=self.tahun
        ).exists()
        if not ada:
            self.galat(
                "renstra",
                f"Tidak ada Rencana Strategis yang mencakup tahun {self.tahun}: BAB II tidak dapat disusun.",
                reverse("admin:perjanjian_renstra_changelist"),
                **_admin("perjanjian.view_renstra"),
            )
            return
        tanpa_target = IKU.objects.filter(
            renstra__instansi=self.instansi,
            renstra__tahun_awal__lte=self.tahun,
            renstra__tahun_akhir__gte=self.tahun,
        ).exclude(target_tahunan__tahun=self.tahun)
        for iku in tanpa_target.select_related("indikator"):
            self.peringatan(
                f"iku-target-{iku.pk}",
                f"IKU «{iku.indikator.nama}» tidak punya target tahun {self.tahun}; tabel antartahun "
                "mencetak tanda —.",
                reverse("admin:perjanjian_iku_change", args=[iku.pk]),
                "Isi target",
                **_admin("perjanjian.view_iku"),
            )

    def perjanjian(self):
        semua_pk = list(
            PerjanjianKinerja.objects.filter(instansi=self.instansi)
            .berlaku(self.tahun)
            .select_related("jabatan__unit_kerja", "unit_pengisi")
            .order_by("jabatan__tingkat_pk", "jabatan__urutan")
        )
        if not semua_pk:
            self.galat(
                "pk",
                f"Belum ada Perjanjian Kinerja tahun {self.tahun}.",
                reverse("perjanjian:daftar_tahun", args=[self.tahun]),
            )
            return []
        if not any(pk.jabatan.adalah_kepala_dinas for pk in semua_pk):
            self.galat(
                "pk-kepala-dinas",
                f"Perjanjian Kinerja Kepala Dinas dengan Bupati tahun {self.tahun} belum ada: capaian "
                "sasaran (BAB III) tidak dapat disusun.",
                reverse("perjanjian:daftar_tahun", args=[self.tahun]),
            )
        for pk in semua_pk:
            tautan = reverse("perjanjian:detail", args=[pk.pk])
            unit = pk.jabatan.unit_kerja_id
            if pk.status == PerjanjianKinerja.Status.DRAFT:
                self.galat(
                    f"pk-draf-{pk.pk}",
                    f"Perjanjian Kinerja {pk.jabatan.nama} masih draf (belum final dan ditandatangani).",
                    tautan,
                    unit_id=unit,
                )
            if pk.tanggal.year not in (self.tahun - 1, self.tahun):
                self.galat(
                    f"pk-tanggal-{pk.pk}",
                    f"Perjanjian Kinerja {pk.jabatan.nama} tahun {self.tahun} bertanggal "
                    f"{format_tanggal(pk.tanggal)}: tanggal itu milik tahun lain.",
                    tautan,
                    unit_id=unit,
                )
            if pk.status != PerjanjianKinerja.Status.DRAFT and pk.pihak_kesatu_id is None:
                self.peringatan(
                    f"pk-penanda-tangan-{pk.pk}",
                    f"Perjanjian Kinerja {pk.jabatan.nama} tidak mencatat pejabat PIHAK KESATU; lampiran "
                    "mencetak tanda —.",
                    tautan,
                    unit_id=unit,
                )
        return semua_pk

    def baris_dan_realisasi(self, semua_pk):
        per_pk = {pk.pk: pk for pk in semua_pk}
        for c in capaian_tahun(self.instansi, self.tahun):
            b = c.baris
            pk = per_pk[b.perjanjian_id]
            jabatan = pk.jabatan.nama
            if b.target is None or b.target == "":
                self.galat(
                    f"target-{b.pk}",
                    f"{jabatan}, baris {b.urutan} ({b.indikator.nama}): target tahun {self.tahun} belum "
                    "ditetapkan.",
                    reverse("perjanjian:detail", args=[pk.pk]),
                    "Isi target",
                    unit_id=pk.jabatan.unit_kerja_id,
                )
                continue
            if not c.per_triwulan:
                pesan = f"{jabatan}, baris {b.urutan} ({b.indikator.nama}): belum ada realisasi."
                if c.alasan and c.alasan != "Belum ada realisasi.":
                    pesan += f" {c.alasan}"
                tautan = reverse("capaian:isian_triwulan", args=[self.tahun, 4, pk.unit_isian.pk])
                akses = {"unit_id": pk.unit_isian.pk, "isi": True}
                if pk.jabatan.adalah_kepala_dinas:
                    pesan += " Capaian sasaran tidak dapat dihitung."
                    self.galat(f"realisasi-{b.pk}", pesan, tautan, "Isi", **akses)
                else:
                    self.peringatan(
                        f"realisasi-{b.pk}", pesan + " Capaiannya dicetak —.", tautan, "Isi", **akses
                    )
            elif c.belum_lengkap:
                # Components entered but not enough to compute the value: the year has no figure.
                tw, alasan = min(c.belum_lengkap.items())
                pesan = (
                    f"{jabatan}, baris {b.urutan} ({b.indikator.nama}): isian triwulan {tw} belum lengkap "
                    f"({alasan})."
                )
                tautan = reverse("capaian:isian_triwulan", args=[self.tahun, tw, pk.unit_isian.pk])
                akses = {"unit_id": pk.unit_isian.pk, "isi": True}
                if pk.jabatan.adalah_kepala_dinas:
                    self.galat(f"belum-lengkap-{b.pk}", pesan, tautan, "Isi", **akses)
                else:
                    self.peringatan(f"belum-lengkap-{b.pk}", pesan, tautan, "Isi", **akses)
        lain_tahun = (
            BarisPK.objects.filter(perjanjian__in=[pk.pk for pk in semua_pk])
            .filter(
                (Q(induk__isnull=False) & ~Q(induk__perjanjian__tahun=self.tahun))
                | (
                    Q(iku__isnull=False)
                    & ~Q(iku__renstra__tahun_awal__lte=self.tahun, iku__renstra__tahun_akhir__gte=self.tahun)
                )
            )
            .select_related("perjanjian__jabatan", "indikator")
        )
        for b in lain_tahun:
            self.galat(
                f"lain-tahun-{b.pk}",
                f"{b.perjanjian.jabatan.nama}, baris {b.urutan} ({b.indikator.nama}) mendukung baris PK atau "
                f"IKU dari tahun lain, bukan tahun {self.tahun}.",
                reverse("admin:perjanjian_barispk_change", args=[b.pk]),
                **_admin("perjanjian.view_barispk"),
            )

    def persetujuan_kinerja(self, semua_pk):
        """A quarter with realisasi that the Kepala Dinas has not approved is not yet the unit's figure."""
        unit_pk = {}
        for pk in semua_pk:
            unit_pk.setdefault(pk.unit_isian.pk, pk.unit_isian)
        terisi = set()
        realisasi = RealisasiTriwulan.objects.filter(baris__perjanjian__in=[pk.pk for pk in semua_pk])
        for r in (
            realisasi.filter(
                Q(realisasi_angka__isnull=False) | ~Q(realisasi_huruf="") | Q(komponen__isnull=False)
            )
            .annotate(unit_isian=unit_isian_dari("baris__perjanjian__"))
            .values_list("unit_isian", "triwulan")
            .distinct()
        ):
            terisi.add(r)
        # A unit that reports at all must close its year: TW IV approved, whether entered yet or not.
        terisi |= {(unit_id, 4) for unit_id, _ in terisi}
        for unit_id, triwulan, keadaan in self._belum_disetujui(Pengajuan.Jenis.KINERJA, terisi):
            unit = unit_pk.get(unit_id)
            nama = unit.nama if unit else f"unit {unit_id}"
            self.galat(
                f"kinerja-{unit_id}-{triwulan}",
                f"Realisasi kinerja TW {triwulan} {nama} masih {keadaan}, belum disetujui Kepala Dinas.",
                reverse("capaian:isian_triwulan", args=[self.tahun, triwulan, unit_id]),
                "Buka isian",
                unit_id=unit_id,
            )

    def _belum_disetujui(self, jenis, terisi):
        """(unit, periode, status text) of the given periods that the Kepala Dinas has not approved."""
        status = {
            (p.unit_kerja_id, p.periode): p
            for p in Pengajuan.objects.filter(
                unit_kerja__instansi=self.instansi, jenis=jenis, tahun=self.tahun
            )
        }
        for unit_id, periode in sorted(terisi):
            p = status.get((unit_id, periode))
            if p is None or p.status != Pengajuan.Status.DISETUJUI:
                yield unit_id, periode, (p or Pengajuan()).get_status_display().lower()

    def lampiran(self, semua_pk):
        """Program and kegiatan in a PK's attachment with no DPA line this year: budget of another year."""
        kode_tahun = set()
        for a in self.dpa:
            kegiatan = a.sub_kegiatan.induk
            kode_tahun |= {a.sub_kegiatan.kode, kegiatan.kode, kegiatan.induk.kode}
        melalui = PerjanjianKinerja.program_kegiatan.through.objects.filter(
            perjanjiankinerja__in=[pk.pk for pk in semua_pk]
        ).select_related("nomenklatur", "perjanjiankinerja__jabatan")
        for m in melalui:
            if m.nomenklatur.kode not in kode_tahun:
                pk = m.perjanjiankinerja
                self.peringatan(
                    f"lampiran-{pk.pk}-{m.nomenklatur.kode}",
                    f"Lampiran PK {pk.jabatan.nama} memuat {m.nomenklatur.kode} {m.nomenklatur.nama}, yang "
                    f"tidak ada dalam DPA {self.tahun}: anggarannya dicetak 0.",
                    reverse("perjanjian:detail", args=[pk.pk]),
                    unit_id=pk.jabatan.unit_kerja_id,
                )

    def anggaran(self):
        baris = self.dpa
        if not baris:
            self.galat(
                "dpa",
                f"Belum ada DPA tahun {self.tahun}: tabel program, kegiatan dan realisasi anggaran kosong.",
                reverse("impor"),
                "Impor DPA",
                izin="anggaran.add_anggaransubkegiatan",
            )
            return
        catatan = lewat_pagu([a for a in baris if a.realisasi_sd > a.pagu])
        for a in baris:
            if a.pk not in catatan:
                continue
            bulan, teks = catatan[a.pk]
            pesan = (
                f"Realisasi keuangan {a.sub_kegiatan.kode} {a.sub_kegiatan.nama} "
                f"{format_rupiah(a.realisasi_sd)} melebihi pagu {format_rupiah(a.pagu)} sejak "
                f"{NAMA_BULAN[bulan - 1]}"
            )
            tautan = reverse("anggaran:isian_bulan", args=[self.tahun, bulan, a.unit_kerja_id])
            akses = {"unit_id": a.unit_kerja_id}
            if teks:
                self.peringatan(
                    f"lebih-pagu-{a.pk}", f"{pesan}; catatan bulan itu: «{teks}».", tautan, **akses
                )
            else:
                pesan += ", tanpa catatan penjelasan pada bulan itu."
                self.galat(f"lebih-pagu-{a.pk}", pesan, tautan, **akses)
        terisi = set(
            RealisasiAnggaran.objects.filter(anggaran__instansi=self.instansi, anggaran__tahun=self.tahun)
            .filter(Q(keuangan__gt=0) | Q(fisik__gt=0))
            .values_list("anggaran__unit_kerja", "bulan")
            .distinct()
        )
        unit = {a.unit_kerja_id: a.unit_kerja for a in baris}
        # Every unit with a DPA line closes its year: December approved, whether entered yet or not.
        terisi |= {(unit_id, 12) for unit_id in unit}
        for unit_id, bulan, _ in self._belum_disetujui(Pengajuan.Jenis.ANGGARAN, terisi):
            self.galat(
                f"anggaran-{unit_id}-{bulan}",
                f"Realisasi anggaran {NAMA_BULAN[bulan - 1]} {self.tahun} {unit[unit_id].nama} belum "
                "disetujui Kepala Dinas.",
                reverse("anggaran:isian_bulan", args=[self.tahun, bulan, unit_id]),
                "Buka isian",
                unit_id=unit_id,
            )
        for s in selisih_pagu_tertulis(self.instansi, self.tahun, anggaran=baris):
            kolom = s.kolom.replace("_", " ")
            self.peringatan(
                f"tertulis-{s.nomenklatur.kode}-{s.kolom}",
                f"{s.nomenklatur.kode} {s.nomenklatur.nama}: {kolom} tertulis {format_rupiah(s.tertulis)}"
                f"{f' ({s.sumber})' if s.sumber else ''}, jumlah sub kegiatannya "
                f"{format_rupiah(s.dijumlah)}. Laporan mencetak jumlah hasil hitung.",
                reverse("anggaran:program_kegiatan_tahun", args=[self.tahun]),
            )
        self.renja()

    def renja(self):
        """The year's indicators of program, kegiatan and sub kegiatan: a target read by a choice (two
        numbers, a satuan twice, an English decimal point) for the planner to confirm, an indicator
        without this year's target, a Renstra end target behind this year's target, a sub kegiatan
        without any indicator, and quarters entered but not approved (the report prints them so)."""
        hasil = evaluasi_renja(self.instansi, self.tahun, 4)
        nomor = defaultdict(int)
        belum = {}
        for b in hasil.baris:
            ir, kode, nama = b.indikator_renja, b.kode, b.nomenklatur.nama
            if ir is None:
                if b.tingkat == nomenklatur.SUB_KEGIATAN:
                    self.peringatan(
                        f"renja-tanpa-indikator-{kode}",
                        f"Sub kegiatan {kode} {nama} di DPA {self.tahun} belum punya indikator keluaran; "
                        "kinerjanya tidak terukur di evaluasi Renja.",
                        reverse("admin:capaian_indikatorrenja_add"),
                        "Tambah indikator",
                        **_admin("capaian.add_indikatorrenja"),
                    )
                continue
            nomor[kode] += 1
            akhiran = "" if nomor[kode] == 1 else f"-{nomor[kode]}"
            tautan = {
                "tautan": reverse("admin:capaian_indikatorrenja_change", args=[ir.pk]),
                "label": "Periksa target",
                **_admin("capaian.view_indikatorrenja"),
            }
            indikator = f"«{ir.indikator}» {kode} {nama}"
            if b.target_pilihan:
                self.peringatan(
                    f"target-tertulis-{kode}{akhiran}",
                    f"Target {indikator} tertulis «{b.target_tertulis}»: {b.target_pilihan} "
                    "Periksa targetnya.",
                    **tautan,
                )
            if b.target_tahun in (None, ""):
                self.peringatan(
                    f"renja-tanpa-target-{kode}{akhiran}",
                    f"Indikator {indikator} belum punya target tahun {self.tahun}; realisasinya tidak dapat "
                    "diisi dan capaiannya tidak terhitung.",
                    **tautan,
                )
            elif _target_akhir_tertinggal(b):
                arah = "makin tinggi" if b.indikator.polaritas == Indikator.Polaritas.NAIK else "makin rendah"
                akhir, tahun_ini = (format_angka(v, b.desimal) for v in (b.target_renstra, b.target_tahun))
                self.peringatan(
                    f"renja-target-akhir-{kode}{akhiran}",
                    f"Target akhir Renstra indikator {indikator} ({akhir}) tertinggal dari target tahun "
                    f"{self.tahun} ({tahun_ini}), padahal {arah} makin baik.",
                    **tautan,
                )
            for tw in range(1, 5):
                if b.tw_terisi[tw - 1] and b.tw_keadaan[tw - 1] == BELUM:
                    belum.setdefault((b.unit_id, tw), b.unit)
        for (unit_id, tw), unit in sorted(belum.items()):
            self.peringatan(
                f"renja-{unit_id}-{tw}",
                f"Realisasi kinerja program/kegiatan TW {tw} {unit} belum disetujui Kepala Dinas; laporan "
                "mencetaknya «belum disetujui».",
                reverse("capaian:isian_renja", args=[self.tahun, tw, unit_id]),
                "Buka isian",
                unit_id=unit_id,
            )

    def skala(self):
        pilihan = PilihanSkalaOPD.objects.filter(instansi=self.instansi).select_related("skala").first()
        skala = (
            pilihan.skala
            if pilihan
            else SkalaPredikat.objects.filter(aktif=True).prefetch_related("pita").first()
        )
        if skala is None:
            self.peringatan(
                "skala-bawaan",
                "Belum ada skala predikat yang dipakai; laporan memakai skala bawaan (skala LKjIP 2024 "
                "dengan celahnya ditutup).",
                reverse("admin:capaian_skalapredikat_changelist"),
                "Atur skala",
                **_admin("capaian.view_skalapredikat"),
            )
            return
        masalah = periksa_skala(skala.sebagai_pita())
        if masalah:
            self.galat(
                "skala",
                f"Skala predikat «{skala.nama}» tidak sah: {' '.join(masalah)}",
                reverse("admin:capaian_skalapredikat_change", args=[skala.pk]),
                "Perbaiki skala",
                **_admin("capaian.view_skalapredikat"),
            )

    def kaskade(self):
        """The office's findings of the cascade check (perjanjian.kaskade), as warnings."""
        for jenis, daftar in temuan_kaskade(self.instansi, self.tahun):
            for t in daftar:
                p = jenis.perbaikan(t)
                self.peringatan(
                    f"kaskade-{jenis.kode}-{t.pk}",
                    jenis.pesan(t),
                    p.tautan,
                    p.label,
                    izin=p.izin,
                    admin=p.admin,
                )

    def penanda_tangan(self):
        tanggal = tanggal_tanda_tangan(self.tahun)
        kepala = Jabatan.objects.kepala_dinas(self.instansi).first()
        pejabat = pejabat_pada(kepala, tanggal) if kepala else None
        if pejabat is None:
            self.galat(
                "penanda-tangan",
                "Tidak ada Kepala Dinas (definitif, Plt atau Plh) yang menjabat pada "
                f"{format_tanggal(tanggal)}, tanggal penandatanganan LKjIP.",
                reverse("admin:nakertrans_penugasan_changelist"),
                "Catat penugasan",
                **_admin("nakertrans.view_penugasan"),
            )
        elif not pejabat.pegawai.nip:
            self.peringatan(
                "penanda-tangan-nip",
                f"{pejabat.pegawai} tidak mempunyai NIP; tanda tangan dicetak tanpa NIP.",
                reverse("admin:nakertrans_pegawai_change", args=[pejabat.pegawai_id]),
                **_admin("nakertrans.view_pegawai"),
            )


def _target_akhir_tertinggal(b):
    """Whether a number indicator's Renstra end target is behind this year's target by its polarity."""
    if b.huruf or b.target_renstra is None or b.target_tahun in (None, ""):
        return False
    if b.indikator.polaritas == Indikator.Polaritas.TURUN:
        return b.target_renstra > b.target_tahun
    return b.target_renstra < b.target_tahun


def periksa_lkjip(instansi, tahun):
    """Every finding of the year, errors first, with the notes already given on warnings."""
    temuan = _Pemeriksa(instansi, tahun).jalankan()
    tanggapan = {
        t.kode: t
        for t in TanggapanPeringatan.objects.filter(instansi=instansi, tahun=tahun).select_related(
            "oleh__pegawai"
        )
    }
    for t in temuan:
        tg = tanggapan.get(t.kode)
        # A note answers the warning as it read then; once the figures in it change, it is open again.
        if t.tingkat == PERINGATAN and tg is not None and tg.pesan == t.pesan:
            t.tanggapan = tg
    temuan.sort(key=lambda t: t.tingkat != GALAT)
    return HasilPemeriksaan(tahun, temuan)


def saring_tautan(hasil, user):
    """The findings as ``user`` may follow them. Everybody who may read the check sees every finding,
    but a link is kept only to a page the user may open: another unit's pages answer 404 to an operator
    of the Sekretariat, the admin pages are for staff with the permission. An «Isi» link to a unit the
    user only reads (the Kepala Dinas, the Inspektorat) reads «Lihat isian»."""
    terlihat = None if melihat_semua_unit(user) else id_unit_lingkup(user)
    diisi = set(unit_yang_boleh_diisi(user).values_list("pk", flat=True))
    for t in hasil.temuan:
        if not t.tautan:
            continue
        boleh = (
            (t.unit_id is None or terlihat is None or t.unit_id in terlihat)
            and (not t.izin or user.has_perm(t.izin))
            and (not t.admin or user.is_staff)
        )
        if not boleh:
            t.tautan = t.label = ""
        elif t.isi and t.unit_id not in diisi:
            t.label = "Lihat isian"
    return hasil
