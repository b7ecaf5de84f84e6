"""Two more perangkat daerah of Kabupaten Bungo beside the Dinas, as example data marked [contoh]: a
dinas and a kecamatan, each with a small organisation, its logins, a Renstra, a 2024 PK whose top line
supports a sasaran daerah of the RPJMD, and a DPA line. The seed describes only the Dinas: every name,
figure and person here is an example. Safe to run repeatedly (nakertrans.demo.simpan_bila_berubah).
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import Group

from anggaran.models import AnggaranSubKegiatan, Nomenklatur
from nakertrans.demo import MULAI_MENJABAT, simpan_bila_berubah, simpan_pengguna
from nakertrans.models import Instansi, Jabatan, Pegawai, PemerintahDaerah, Penugasan, UnitKerja
from nakertrans.peran import KEPALA_OPD, OPERATOR
from perjanjian.models import IKU, BarisPK, Indikator, PerjanjianKinerja, Renstra, SasaranRenstra, TargetIKU
from perjanjian.services import penandatangan_pada

TAHUN = 2024
TANGGAL_PK = datetime.date(2024, 1, 2)


@dataclass(frozen=True)
class OPDContoh:
    kode: str
    nama: str
    jenis_unit: str
    kepala: str
    bidang: str
    kepala_bidang: str
    indikator: str
    satuan: str
    target: str
    # (kode, nama) from the urusan down to the sub kegiatan of its DPA line (Permendagri 90/2019)
    nomenklatur: tuple
    pagu: str


OPD_CONTOH = [
    OPDContoh(
        kode="dinkes",
        nama="Dinas Kesehatan [contoh]",
        jenis_unit=UnitKerja.Jenis.DINAS,
        kepala="Kepala Dinas Kesehatan",
        bidang="Bidang Pelayanan Kesehatan",
        kepala_bidang="Kepala Bidang Pelayanan Kesehatan",
        indikator="Persentase penduduk yang mendapat pelayanan kesehatan sesuai standar",
        satuan="persen",
        target="95",
        nomenklatur=(
            ("1", "URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR"),
            ("1.02", "URUSAN PEMERINTAHAN BIDANG KESEHATAN"),
            ("1.02.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"),
            ("1.02.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"),
            ("1.02.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah"),
        ),
        pagu="85000000",
    ),
    OPDContoh(
        kode="rimbotengah",
        nama="Kecamatan Rimbo Tengah [contoh]",
        jenis_unit=UnitKerja.Jenis.DINAS,
        kepala="Camat Rimbo Tengah",
        bidang="Seksi Pemerintahan",
        kepala_bidang="Kepala Seksi Pemerintahan",
        indikator="Persentase desa/kelurahan yang tertib administrasi pemerintahan",
        satuan="persen",
        target="80",
        nomenklatur=(
            ("7", "UNSUR KEWILAYAHAN"),
            ("7.01", "KECAMATAN"),
            ("7.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"),
            ("7.01.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"),
            ("7.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah"),
        ),
        pagu="40000000",
    ),
]


def _pegawai(nama, nip):
    return simpan_bila_berubah(Pegawai, {"nip": nip}, nama=nama, golongan="IV.a", data_contoh=True)


def muat_opd_contoh(*, password):
    """The example offices; returns their logins as (username, role) for the command's list."""
    pemda = PemerintahDaerah.objects.get(jenis=PemerintahDaerah.Jenis.KABUPATEN, nama="Bungo")
    bupati = Jabatan.objects.kepala_daerah(pemda).get()
    baris_bupati = BarisPK.objects.filter(
        perjanjian__jabatan=bupati, perjanjian__tahun=TAHUN, perjanjian__status=PerjanjianKinerja.Status.FINAL
    ).order_by("urutan")
    atas = baris_bupati.first()  # the examples' top lines support the RPJMD's first sasaran daerah
    grup = {g.name: g for g in Group.objects.filter(name__in=[OPERATOR, KEPALA_OPD])}
    akun = []
    for nomor, c in enumerate(OPD_CONTOH, start=1):
        opd = simpan_bila_berubah(
            Instansi, {"kode": c.kode}, nama=c.nama, pemerintah_daerah=pemda, kota=pemda.ibu_kota
        )
        induk = simpan_bila_berubah(
            UnitKerja, {"instansi": opd, "nama": c.nama}, jenis=c.jenis_unit, singkatan=c.kode
        )
        bidang = simpan_bila_berubah(
            UnitKerja,
            {"instansi": opd, "nama": c.bidang},
            jenis=UnitKerja.Jenis.BIDANG,
            induk=induk,
            urutan=1,
        )
        kepala = simpan_bila_berubah(
            Jabatan,
            {"nama": c.kepala, "unit_kerja": induk, "pemerintah_daerah": None},
            atasan=bupati,
            jenis=Jabatan.Jenis.STRUKTURAL,
            tingkat_pk=Jabatan.TingkatPK.BUPATI_KEPALA_DINAS,
            kepala_unit=True,
        )
        kabid = simpan_bila_berubah(
            Jabatan,
            {"nama": c.kepala_bidang, "unit_kerja": bidang, "pemerintah_daerah": None},
            atasan=kepala,
            jenis=Jabatan.Jenis.STRUKTURAL,
            tingkat_pk=Jabatan.TingkatPK.KEPALA_DINAS_ESELON_III,
            kepala_unit=True,
        )
        # Example NIPs, well-formed: born 1975/1980, appointed 2000/2005, numbers 9n1 and 9n2.
        orang = {
            kepala: _pegawai(f"Pejabat Kepala {nomor}", f"19750101200001{1:01d}9{nomor}1"),
            kabid: _pegawai(f"Pejabat Bidang {nomor}", f"19800101200501{2:01d}9{nomor}2"),
        }
        for jabatan, pegawai in orang.items():
            simpan_bila_berubah(
                Penugasan,
                {"jabatan": jabatan, "pegawai": pegawai, "mulai": MULAI_MENJABAT},
                jenis=Penugasan.Jenis.DEFINITIF,
            )
        for username, nama_grup, unit, pegawai in [
            (f"operator_{c.kode}", OPERATOR, [bidang, induk], None),
            (f"kepala_{c.kode}", KEPALA_OPD, [], orang[kepala]),
        ]:
            simpan_pengguna(
                username, grup[nama_grup], instansi=opd, unit=unit, pegawai=pegawai, password=password
            )
            akun.append((username, nama_grup))

        renstra = simpan_bila_berubah(
            Renstra,
            {"instansi": opd, "nama": "Renstra 2021-2026 [contoh]"},
            tahun_awal=2021,
            tahun_akhir=2026,
            visi=f"Visi {c.nama}",
        )
        sasaran = simpan_bila_berubah(
            SasaranRenstra,
            {"renstra": renstra, "urutan": 1},
            teks=f"Sasaran {c.nama}",
            sasaran_rpjmd=atas.iku_daerah.sasaran if atas else None,
        )
        indikator = simpan_bila_berubah(
            Indikator,
            {"instansi": opd, "nama": c.indikator},
            satuan=c.satuan,
            jenis_nilai=Indikator.JenisNilai.PERSEN,
            aturan_tahunan=Indikator.AturanTahunan.TERAKHIR,
            desimal=2,
        )
        iku = simpan_bila_berubah(
            IKU, {"renstra": renstra, "urutan": 1}, indikator=indikator, sasaran=sasaran
        )
        simpan_bila_berubah(TargetIKU, {"iku": iku, "tahun": TAHUN}, target_angka=Decimal(c.target))
        induk_baris = atas
        for jabatan in (kepala, kabid):  # the bidang's line supports the head's
            kesatu, kedua = penandatangan_pada(jabatan, TANGGAL_PK)
            pk = simpan_bila_berubah(
                PerjanjianKinerja,
                {"tahun": TAHUN, "jabatan": jabatan, "versi": 1},
                status=PerjanjianKinerja.Status.FINAL,
                tempat=pemda.ibu_kota,
                tanggal=TANGGAL_PK,
                pihak_kesatu=kesatu,
                pihak_kedua=kedua,
            )
            target = Decimal(c.target)
            induk_baris = simpan_bila_berubah(
                BarisPK,
                {"perjanjian": pk, "urutan": 1},
                sasaran=sasaran.teks,
                indikator=indikator,
                target_angka=target,
                rencana_tw1=target,
                rencana_tw2=target,
                rencana_tw3=target,
                rencana_tw4=target,
                iku=iku if jabatan == kepala else None,
                induk=induk_baris,
            )

        node = None
        for kode, nama in c.nomenklatur:
            node = simpan_bila_berubah(Nomenklatur, {"kode": kode}, nama=nama)
        simpan_bila_berubah(
            AnggaranSubKegiatan,
            {"instansi": opd, "tahun": TAHUN, "sub_kegiatan": node},
            unit_kerja=bidang,
            indikator="Dokumen perencanaan perangkat daerah [contoh]",
            target=Decimal(2),
            satuan="dokumen",
            pagu_murni=Decimal(c.pagu),
        )
    return akun
