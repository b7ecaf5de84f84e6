"""The seed's organisation (LKjIP 2024, BAB I and BAB II) as demo data. Safe to run repeatedly."""

import datetime

from django.contrib.auth.models import Group
from django.utils import timezone

from nakertrans.models import (
    JENIS_JABATAN_DAERAH,
    Instansi,
    Jabatan,
    Pegawai,
    PemerintahDaerah,
    Pengguna,
    Penugasan,
    UnitKerja,
)
from nakertrans.peran import (
    ADMIN_KABUPATEN,
    ADMIN_OPD,
    BAPPEDA,
    INSPEKTORAT,
    KEPALA_OPD,
    KEPALA_UNIT,
    OPERATOR,
    PIMPINAN,
)
from nakertrans.periode import akhir_periode
from nakertrans.simpan import simpan_bila_berubah

DINAS = "Dinas Tenaga Kerja dan Transmigrasi"
KODE_DINAS = "disnakertrans"
SEKRETARIAT = "Sekretariat"
SUBBAG_UMUM = "Subbagian Umum dan Kepegawaian"
BIDANG_NAKER = "Bidang Ketenagakerjaan"
BIDANG_TRANS = "Bidang Transmigrasi"
UPTD_BLK = "UPTD Balai Latihan Kerja"
KJF = "Kelompok Jabatan Fungsional"

# (nama, singkatan, jenis, induk)
UNIT = [
    (DINAS, "Disnakertrans", UnitKerja.Jenis.DINAS, None),
    (SEKRETARIAT, "Sekretariat", UnitKerja.Jenis.SEKRETARIAT, DINAS),
    (SUBBAG_UMUM, "Subbag Umpeg", UnitKerja.Jenis.SUBBAGIAN, SEKRETARIAT),
    (BIDANG_NAKER, "Bidang Naker", UnitKerja.Jenis.BIDANG, DINAS),
    (BIDANG_TRANS, "Bidang Trans", UnitKerja.Jenis.BIDANG, DINAS),
    (UPTD_BLK, "UPTD BLK", UnitKerja.Jenis.UPTD, DINAS),
    (KJF, "KJF", UnitKerja.Jenis.FUNGSIONAL, DINAS),
]

BUPATI = "Bupati Bungo"
KEPALA_DINAS_JABATAN = "Kepala Dinas Tenaga Kerja dan Transmigrasi"
SEKRETARIS = "Sekretaris"
KABID_NAKER = "Kepala Bidang Ketenagakerjaan"
KABID_TRANS = "Kepala Bidang Transmigrasi"
KEPALA_UPTD = "Kepala UPTD Balai Latihan Kerja"
KASUBBAG_UMUM = "Kepala Subbagian Umum dan Kepegawaian"
PERENCANA = "Perencana Ahli Muda"
PENGANTAR_KERJA = "Pengantar Kerja Ahli Muda"
SUBKOOR_PELATIHAN = "Sub Koordinator Pelatihan dan Produktivitas"
MEDIATOR = "Mediator Hubungan Industrial Ahli Muda"
SUBKOOR_KAWASAN = "Sub Koordinator Penyediaan Kawasan dan Pembangunan Permukiman Transmigrasi"
SUBKOOR_PROMOSI = "Sub Koordinator Promosi, Sosial, Ekonomi"

S, F = Jabatan.Jenis.STRUKTURAL, Jabatan.Jenis.FUNGSIONAL
T1, T2, T3 = Jabatan.TingkatPK

# (nama, unit, atasan, jenis, tingkat PK, memimpin unit, pegawai)
# Pegawai: (nama, gelar depan, gelar belakang, golongan, NIP, contoh). Only the Kepala Dinas is named
# in the seed; every other official is an example, marked as such, with a well-formed NIP.
JABATAN = [
    (BUPATI, None, None, Jabatan.Jenis.KEPALA_DAERAH, None, False,
     ("Ahmad Fauzi", "H.", "S.H.", "", None, True)),
    (KEPALA_DINAS_JABATAN, DINAS, BUPATI, S, T1, True,
     ("ZAMRONI", "", "S.Ag.", "IV.b", "197009141992031003", False)),
    (SEKRETARIS, SEKRETARIAT, KEPALA_DINAS_JABATAN, S, T2, True,
     ("Hendra Saputra", "", "S.E., M.M.", "IV.a", "197505122000031002", True)),
    (KABID_NAKER, BIDANG_NAKER, KEPALA_DINAS_JABATAN, S, T2, True,
     ("Rina Marlina", "", "S.Sos.", "IV.a", "197803212003122004", True)),
    (KABID_TRANS, BIDANG_TRANS, KEPALA_DINAS_JABATAN, S, T2, True,
     ("Syafrudin", "", "S.P.", "IV.a", "197611082002121005", True)),
    (KEPALA_UPTD, UPTD_BLK, KEPALA_DINAS_JABATAN, S, T2, True,
     ("Dedi Kurniawan", "", "S.T.", "III.d", "198002142005011006", True)),
    (KASUBBAG_UMUM, SUBBAG_UMUM, SEKRETARIS, S, T3, True,
     ("Yuliani", "", "S.AP.", "III.d", "198207072008012007", True)),
    (PERENCANA, SEKRETARIAT, SEKRETARIS, F, T3, False,
     ("Fitri Handayani", "", "S.E.", "III.c", "198505152010012008", True)),
    (PENGANTAR_KERJA, BIDANG_NAKER, KABID_NAKER, F, T3, False,
     ("Agus Salim", "", "S.H.", "III.c", "198309232009031009", True)),
    (SUBKOOR_PELATIHAN, BIDANG_NAKER, KABID_NAKER, F, T3, False,
     ("Nurhayati", "", "S.Pd.", "III.d", "198104172006042010", True)),
    (MEDIATOR, BIDANG_NAKER, KABID_NAKER, F, T3, False,
     ("Rudi Hartono", "", "S.H.", "III.c", "198612012011011011", True)),
    (SUBKOOR_KAWASAN, BIDANG_TRANS, KABID_TRANS, F, T3, False,
     ("Joko Prasetyo", "", "S.T.", "III.d", "197909302005011012", True)),
    (SUBKOOR_PROMOSI, BIDANG_TRANS, KABID_TRANS, F, T3, False,
     ("Sri Wahyuni", "", "S.Sos.", "III.c", "198411112010012013", True)),
]  # fmt: skip

MULAI_MENJABAT = datetime.date(2022, 1, 3)

# (username, role group, unit scope, pegawai's post, may use the data administration pages)
PENGGUNA = [
    ("admin", ADMIN_OPD, [], PERENCANA, True),
    ("operator_naker", OPERATOR, [BIDANG_NAKER], None, False),
    ("operator_trans", OPERATOR, [BIDANG_TRANS], None, False),
    ("operator_sekretariat", OPERATOR, [SEKRETARIAT], None, False),
    ("operator_blk", OPERATOR, [UPTD_BLK], None, False),
    ("kabid_naker", KEPALA_UNIT, [BIDANG_NAKER], KABID_NAKER, False),
    ("kadis", KEPALA_OPD, [], KEPALA_DINAS_JABATAN, False),
]

# Logins of the kabupaten (no office of their own): (username, role group, pegawai's post, admin pages)
PENGGUNA_KABUPATEN = [
    ("admin_kabupaten", ADMIN_KABUPATEN, None, True),
    ("bappeda", BAPPEDA, None, True),
    ("inspektorat", INSPEKTORAT, None, True),
    ("bupati", PIMPINAN, BUPATI, False),
]

PASSWORD_BAWAAN = "sakip2024"
# Example addresses under a reserved domain: mail to them can never reach anyone.
DOMAIN_CONTOH = "@sakip.contoh.invalid"


def muat_organisasi(*, password=PASSWORD_BAWAAN, stdout=None):
    pemda = simpan_bila_berubah(
        PemerintahDaerah,
        {"jenis": PemerintahDaerah.Jenis.KABUPATEN, "nama": "Bungo"},
        ibu_kota="Muara Bungo",
    )
    # The previous version's Dinas, migrated, has the code the migration gave it: it is the same office.
    lama = Instansi.objects.filter(nama=DINAS).exclude(kode=KODE_DINAS).first()
    if lama is not None and not Instansi.objects.filter(kode=KODE_DINAS).exists():
        lama.kode = KODE_DINAS
        lama.save(update_fields=["kode"])
    instansi = simpan_bila_berubah(
        Instansi,
        {"kode": KODE_DINAS},
        nama=DINAS,
        pemerintah_daerah=pemda,
        alamat="Jl. Damar No. 831 Kel. Pasir Putih Kec. Rimbo Tengah",
        telepon="(0747) 21013",
        kode_pos="37214",
        kota="Muara Bungo",
    )
    unit = {}
    for urutan, (nama, singkatan, jenis, induk) in enumerate(UNIT):
        unit[nama] = simpan_bila_berubah(
            UnitKerja,
            {"instansi": instansi, "nama": nama},
            singkatan=singkatan,
            jenis=jenis,
            induk=unit.get(induk),
            urutan=urutan,
        )
    jabatan = {}
    for urutan, (nama, nama_unit, atasan, jenis, tingkat, kepala, data_pegawai) in enumerate(JABATAN):
        # A post is known by its name within its unit (every office has a «Sekretaris»), the Bupati's
        # within the kabupaten.
        tempat = (
            {"pemerintah_daerah": pemda, "unit_kerja": None}
            if jenis in JENIS_JABATAN_DAERAH
            else {"unit_kerja": unit[nama_unit], "pemerintah_daerah": None}
        )
        jabatan[nama] = simpan_bila_berubah(
            Jabatan,
            {"nama": nama, **tempat},
            atasan=jabatan.get(atasan),
            jenis=jenis,
            tingkat_pk=tingkat,
            kepala_unit=kepala,
            urutan=urutan,
        )
        nama_pegawai, depan, belakang, golongan, nip, contoh = data_pegawai
        nilai = {
            "nama": nama_pegawai,
            "gelar_depan": depan,
            "gelar_belakang": belakang,
            "golongan": golongan,
            "pejabat_negara": nip is None,
            "data_contoh": contoh,
        }
        kunci = {"nip": nip} if nip else {"nip": None, "nama": nilai.pop("nama")}
        pegawai = simpan_bila_berubah(Pegawai, kunci, **nilai)
        simpan_bila_berubah(
            Penugasan,
            {"jabatan": jabatan[nama], "pegawai": pegawai, "mulai": MULAI_MENJABAT},
            jenis=Penugasan.Jenis.DEFINITIF,
        )
    grup = {g.name: g for g in Group.objects.all()}

    def pegawai(nama_jabatan):
        return jabatan[nama_jabatan].penugasan.get(mulai=MULAI_MENJABAT).pegawai if nama_jabatan else None

    for username, nama_grup, lingkup, nama_jabatan, staf in PENGGUNA:
        simpan_pengguna(
            username,
            grup[nama_grup],
            instansi=instansi,
            unit=[unit[nama] for nama in lingkup],
            pegawai=pegawai(nama_jabatan),
            password=password,
            is_staff=staf,
        )
    for username, nama_grup, nama_jabatan, staf in PENGGUNA_KABUPATEN:
        simpan_pengguna(
            username,
            grup[nama_grup],
            instansi=None,
            unit=[],
            pegawai=pegawai(nama_jabatan),
            password=password,
            is_staff=staf,
        )
    if stdout is not None:
        stdout.write(
            f"Organisasi: {len(unit)} unit kerja, {len(jabatan)} jabatan, "
            f"{len(PENGGUNA) + len(PENGGUNA_KABUPATEN)} pengguna."
        )


def simpan_pengguna(username, grup, *, instansi, unit, pegawai, password, is_staff=False):
    """A demo login with exactly this role, office, units and password (written only where it differs)."""
    pengguna = simpan_bila_berubah(
        Pengguna,
        {"username": username},
        instansi=instansi,
        pegawai=pegawai,
        is_staff=is_staff,
        is_active=True,
        email=f"{username}{DOMAIN_CONTOH}",
    )
    if not pengguna.check_password(password):
        pengguna.set_password(password)
        pengguna.save(update_fields=["password"])
    pengguna.groups.set([grup])
    pengguna.unit_kerja.set(unit)
    return pengguna


def waktu_demo(tanggal):
    """09.00 of a date in the installation's time zone: when a demo transition happened."""
    return timezone.make_aware(datetime.datetime.combine(tanggal, datetime.time(9)))


def dinas():
    """The demo's Dinas Tenaga Kerja dan Transmigrasi."""
    return Instansi.objects.get(kode=KODE_DINAS)


def tandai_disetujui(jenis, tahun, daftar_periode, unit):
    """Demo periods of a unit as submitted by its operator and approved by the Kepala Dinas."""
    from nakertrans.access import id_unit_lingkup
    from nakertrans.models import Pengajuan, RiwayatPengajuan
    from nakertrans.peran import OPERATOR

    Status = Pengajuan.Status
    kadis = Pengguna.objects.get(username="kadis")
    pengisi = next(
        o
        for o in Pengguna.objects.filter(groups__name=OPERATOR).order_by("username")
        if unit.pk in id_unit_lingkup(o)
    )
    for periode in daftar_periode:
        # Submitted five days after the period's end and approved two days later: on time.
        diajukan = waktu_demo(akhir_periode(jenis, tahun, periode) + datetime.timedelta(days=5))
        pengajuan = simpan_bila_berubah(
            Pengajuan,
            {"jenis": jenis, "tahun": tahun, "periode": periode, "unit_kerja": unit},
            status=Pengajuan.Status.DISETUJUI,
            diajukan_pertama=diajukan,
        )
        if not pengajuan.riwayat.exists():
            langkah = [
                (Status.DRAFT, Status.DIAJUKAN, pengisi, diajukan),
                (Status.DIAJUKAN, Status.DISETUJUI, kadis, diajukan + datetime.timedelta(days=2)),
            ]
            for dari, ke, oleh, waktu in langkah:
                baru = RiwayatPengajuan.objects.create(
                    pengajuan=pengajuan, dari_status=dari, ke_status=ke, oleh=oleh
                )
                RiwayatPengajuan.objects.filter(pk=baru.pk).update(waktu=waktu)  # waktu is auto_now_add
