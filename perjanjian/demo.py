"""The seed's planning data as demo data: Renstra 2021-2026, IKU, and the twelve PKs of 2024.

Safe to run repeatedly. Cascade links, quarterly rencana aksi and the indicators' settings are
choices made here where the seed is silent; each is written down below.
"""

import datetime
from decimal import Decimal

from anggaran.models import Nomenklatur
from nakertrans.demo import (
    KABID_NAKER,
    KABID_TRANS,
    KASUBBAG_UMUM,
    KEPALA_DINAS_JABATAN,
    KEPALA_UPTD,
    MEDIATOR,
    PENGANTAR_KERJA,
    PERENCANA,
    SEKRETARIAT,
    SEKRETARIS,
    SUBKOOR_KAWASAN,
    SUBKOOR_PELATIHAN,
    SUBKOOR_PROMOSI,
    dinas,
    simpan_bila_berubah,
)
from nakertrans.models import Jabatan, PemerintahDaerah, UnitKerja
from perjanjian import data_seed as seed
from perjanjian.models import (
    IKU,
    RPJMD,
    BarisPK,
    IKUDaerah,
    Indikator,
    KomponenIndikator,
    Misi,
    NilaiKomponenTahunan,
    PerjanjianKinerja,
    Renstra,
    SasaranRenstra,
    SasaranRPJMD,
    TargetIKU,
    TargetIKUDaerah,
    Tujuan,
)
from perjanjian.services import penandatangan_pada

TAHUN = 2024
TANGGAL_PK = datetime.date(2024, 1, 2)  # the seed prints no date; PKs are signed in early January

RUMUS_INDEKS_KAWASAN = """e1 = luas_dibangun / luas_pencadangan * 100
e2 = jumlah_usaha / jumlah_kk * 100
e3 = sarpras_dibangun / sarpras_seharusnya * 100
indeks = (e1 + e2 + e3) / 3"""
RUMUS_TPT = "tpt = jumlah_pengangguran / jumlah_angkatan_kerja * 100"

# The two IKU (Tabel 1) and the Kepala Dinas's PK lines measure them. Both are rates: a year's
# realisasi is the last filled quarter. TPT is lower-is-better, scored (2T - R) / T.
INDIKATOR_KEPALA_DINAS = [
    {
        "nama": "Persentase pengembangan kawasan transmigrasi",
        "satuan": "persen",
        "polaritas": Indikator.Polaritas.NAIK,
        "rumus": RUMUS_INDEKS_KAWASAN,
        "komponen": ["luas_dibangun", "luas_pencadangan", "jumlah_usaha", "jumlah_kk", "sarpras_dibangun",
                     "sarpras_seharusnya"],
        "target": "indeks_kawasan",
        "sasaran_renstra": 3,
        "sumber_komponen": "LKjIP 2024, Tabel 3.4",
    },
    {
        "nama": "Tingkat pengangguran terbuka",
        "satuan": "persen",
        "polaritas": Indikator.Polaritas.TURUN,
        "rumus": RUMUS_TPT,
        "komponen": ["jumlah_pengangguran", "jumlah_angkatan_kerja"],
        "target": "tpt",
        "sasaran_renstra": 1,
        "sumber_komponen": "LKjIP 2024, Tabel 3.6",
    },
]  # fmt: skip

# Which higher PK line each line supports: (post, line no) -> (post, line no). The seed draws no
# pohon kinerja; these follow the subject of each indicator.
CASCADE = {
    (KABID_TRANS, 1): (KEPALA_DINAS_JABATAN, 1),
    (KABID_TRANS, 2): (KEPALA_DINAS_JABATAN, 1),
    (KABID_NAKER, 1): (KEPALA_DINAS_JABATAN, 2),
    (KABID_NAKER, 2): (KEPALA_DINAS_JABATAN, 2),
    (KABID_NAKER, 3): (KEPALA_DINAS_JABATAN, 2),
    (KEPALA_UPTD, 1): (KEPALA_DINAS_JABATAN, 2),
    (KASUBBAG_UMUM, 1): (SEKRETARIS, 1),
    (KASUBBAG_UMUM, 2): (SEKRETARIS, 1),
    (KASUBBAG_UMUM, 3): (SEKRETARIS, 1),
    (PERENCANA, 1): (SEKRETARIS, 1),
    (PERENCANA, 2): (SEKRETARIS, 1),
    (PERENCANA, 3): (SEKRETARIS, 1),
    (PERENCANA, 4): (SEKRETARIS, 1),
    (PENGANTAR_KERJA, 1): (KABID_NAKER, 2),
    (SUBKOOR_PELATIHAN, 1): (KABID_NAKER, 1),
    (MEDIATOR, 1): (KABID_NAKER, 3),
    (MEDIATOR, 2): (KABID_NAKER, 3),
    (MEDIATOR, 3): (KABID_NAKER, 3),
    (MEDIATOR, 4): (KABID_NAKER, 3),
    (SUBKOOR_KAWASAN, 1): (KABID_TRANS, 2),
    (SUBKOOR_PROMOSI, 1): (KABID_TRANS, 2),
}

# The programs, kegiatan or sub kegiatan each PK's attachment lists (from Tabel 14 / Tabel 30).
PROGRAM_KEGIATAN = {
    KEPALA_DINAS_JABATAN: ["2.07.01", "2.07.03", "2.07.04", "2.07.05", "3.32.03", "3.32.04"],
    SEKRETARIS: ["2.07.01"],
    KABID_TRANS: ["3.32.03", "3.32.04"],
    KABID_NAKER: ["2.07.03.2.02", "2.07.04", "2.07.05"],
    KEPALA_UPTD: ["2.07.03.2.01"],
    KASUBBAG_UMUM: ["2.07.01.2.03", "2.07.01.2.05", "2.07.01.2.06", "2.07.01.2.08", "2.07.01.2.09"],
    PERENCANA: ["2.07.01.2.01", "2.07.01.2.02"],
    PENGANTAR_KERJA: ["2.07.04.2.01"],
    SUBKOOR_PELATIHAN: ["2.07.03.2.02"],
    MEDIATOR: ["2.07.05.2.01", "2.07.05.2.02"],
    SUBKOOR_KAWASAN: ["3.32.04.2.01.0002"],
    SUBKOOR_PROMOSI: ["3.32.04.2.01.0001"],
}

# A headcount of salaried staff is a stock, not a sum of quarters.
INDIKATOR_STOK = {"Jumlah ASN yang mendapatkan gaji dan tunjangan"}


def _pengaturan(baris):
    """Value kind, yearly rule and decimals of a line's indicator, from its unit."""
    if baris["satuan"] == "huruf":
        return Indikator.JenisNilai.PREDIKAT, Indikator.AturanTahunan.TERAKHIR, 0
    if baris["satuan"] == "persen":
        return Indikator.JenisNilai.PERSEN, Indikator.AturanTahunan.TERAKHIR, 2
    if baris["indikator"] in INDIKATOR_STOK:
        return Indikator.JenisNilai.ANGKA, Indikator.AturanTahunan.TERAKHIR, 0
    return Indikator.JenisNilai.ANGKA, Indikator.AturanTahunan.JUMLAH, 0


def rencana_aksi(indikator, target):
    """Quarterly targets: a sum spread evenly (remainder to the later quarters), a rate held all year."""
    if target is None or indikator.jenis_nilai == Indikator.JenisNilai.PREDIKAT:
        return [None] * 4
    if indikator.aturan_tahunan == Indikator.AturanTahunan.JUMLAH:
        dasar, sisa = divmod(int(target), 4)
        return [Decimal(dasar + (1 if tw >= 4 - sisa else 0)) for tw in range(4)]
    return [target] * 4


def muat_renstra():
    opd = dinas()
    renstra = simpan_bila_berubah(
        Renstra,
        {"instansi": opd, "nama": "Renstra 2021-2026"},
        tahun_awal=2021,
        tahun_akhir=2026,
        visi=seed.VISI,
    )
    for model, daftar in [(Misi, seed.MISI), (Tujuan, seed.TUJUAN), (SasaranRenstra, seed.SASARAN_RENSTRA)]:
        for urutan, teks in enumerate(daftar, start=1):
            simpan_bila_berubah(model, {"renstra": renstra, "urutan": urutan}, teks=teks)
    iku = []
    for urutan, (baris_iku, data) in enumerate(zip(seed.IKU, INDIKATOR_KEPALA_DINAS, strict=True), start=1):
        indikator = simpan_bila_berubah(
            Indikator,
            {"instansi": opd, "nama": data["nama"]},
            satuan=data["satuan"],
            jenis_nilai=Indikator.JenisNilai.PERSEN,
            polaritas=data["polaritas"],
            aturan_tahunan=Indikator.AturanTahunan.TERAKHIR,
            desimal=2,
            rumus=data["rumus"],
        )
        for nomor, kode in enumerate(data["komponen"], start=1):
            info = seed.KOMPONEN[kode]
            komponen = simpan_bila_berubah(
                KomponenIndikator,
                {"indikator": indikator, "kode": kode},
                label=info["label"],
                satuan=info["satuan"],
                urutan=nomor,
            )
            for tahun, nilai in info["nilai"].items():
                simpan_bila_berubah(
                    NilaiKomponenTahunan,
                    {"komponen": komponen, "tahun": tahun},
                    nilai=Decimal(nilai),
                    sumber="LKjIP 2024, Tabel 3.4"
                    if kode in RUMUS_INDEKS_KAWASAN
                    else "LKjIP 2024, Tabel 3.6",
                )
        iku_baru = simpan_bila_berubah(
            IKU,
            {"renstra": renstra, "urutan": urutan},
            indikator=indikator,
            sasaran=SasaranRenstra.objects.get(renstra=renstra, urutan=data["sasaran_renstra"]),
            uraian_sasaran=baris_iku["sasaran"],
            alasan=baris_iku["alasan"],
            formulasi=baris_iku["formulasi"],
            keterangan=baris_iku["keterangan"],
        )
        for tahun, target in seed.TARGET_KEPALA_DINAS[data["target"]].items():
            simpan_bila_berubah(TargetIKU, {"iku": iku_baru, "tahun": tahun}, target_angka=Decimal(target))
        iku.append(iku_baru)
    muat_rpjmd(iku)
    return iku


def muat_rpjmd(iku):
    """The RPJMD of Kabupaten Bungo as far as the seed names it: its period and visi, and as sasaran
    daerah and IKU daerah the two lines of the PK between the Bupati and the Kepala Dinas, whose IKU
    table says of both "Memenuhi target RPJMD" (the Dinas's IKU take the RPJMD's indicator and targets).
    The Renstra sasaran of each IKU supports that sasaran daerah."""
    pemda = PemerintahDaerah.objects.get(jenis=PemerintahDaerah.Jenis.KABUPATEN, nama="Bungo")
    rpjmd = simpan_bila_berubah(
        RPJMD,
        {"pemerintah_daerah": pemda, "tahun_awal": seed.RPJMD["tahun_awal"]},
        tahun_akhir=seed.RPJMD["tahun_akhir"],
        visi=seed.RPJMD["visi"],
    )
    for urutan, iku_opd in enumerate(iku, start=1):
        sasaran = simpan_bila_berubah(
            SasaranRPJMD, {"rpjmd": rpjmd, "urutan": urutan}, teks=iku_opd.uraian_sasaran
        )
        iku_daerah = simpan_bila_berubah(
            IKUDaerah,
            {"rpjmd": rpjmd, "urutan": urutan},
            sasaran=sasaran,
            indikator=iku_opd.indikator,
            formulasi=iku_opd.formulasi,
        )
        for target in iku_opd.target_tahunan.all():
            simpan_bila_berubah(
                TargetIKUDaerah, {"iku": iku_daerah, "tahun": target.tahun}, target_angka=target.target_angka
            )
        simpan_bila_berubah(SasaranRenstra, {"pk": iku_opd.sasaran_id}, sasaran_rpjmd=sasaran)
    return rpjmd


def muat_perjanjian_kinerja(iku):
    opd = dinas()
    jabatan = {j.nama: j for j in Jabatan.objects.filter(unit_kerja__instansi=opd)}
    nomenklatur = {n.kode: n for n in Nomenklatur.objects.all()}
    baris_pk = {}
    for data in seed.PK_2024:
        pos = jabatan[data["jabatan"]]
        kesatu, kedua = penandatangan_pada(pos, TANGGAL_PK)
        pk = simpan_bila_berubah(
            PerjanjianKinerja,
            {"tahun": TAHUN, "jabatan": pos, "versi": 1},
            status=PerjanjianKinerja.Status.FINAL,
            tempat="Muara Bungo",
            tanggal=TANGGAL_PK,
            pihak_kesatu=kesatu,
            pihak_kedua=kedua,
        )
        pk.program_kegiatan.set([nomenklatur[kode] for kode in PROGRAM_KEGIATAN[pos.nama]])
        if pos.nama == KEPALA_DINAS_JABATAN and pk.unit_pengisi_id is None:
            # The office-level indicators are compiled and entered by the Sekretariat.
            pk.unit_pengisi = UnitKerja.objects.get(instansi=opd, nama=SEKRETARIAT)
            pk.save(update_fields=["unit_pengisi"])
        for nomor, baris in enumerate(data["baris"], start=1):
            if pos.nama == KEPALA_DINAS_JABATAN:
                indikator, iku_baris = iku[nomor - 1].indikator, iku[nomor - 1]
            else:
                jenis, aturan, desimal = _pengaturan(baris)
                indikator = simpan_bila_berubah(
                    Indikator,
                    {"instansi": opd, "nama": baris["indikator"]},
                    satuan=baris["satuan"],
                    jenis_nilai=jenis,
                    aturan_tahunan=aturan,
                    desimal=desimal,
                )
                iku_baris = None
            target = baris["target"]
            huruf = target if target and not target[0].isdigit() else ""
            angka = Decimal(target) if target and not huruf else None
            tw = rencana_aksi(indikator, angka)
            induk = CASCADE.get((pos.nama, nomor))
            # The Kepala Dinas's lines support the Bupati's own PK (muat_pk_kepala_daerah).
            atas = {} if pos.nama == KEPALA_DINAS_JABATAN else {"induk": baris_pk[induk] if induk else None}
            baris_pk[(pos.nama, nomor)] = simpan_bila_berubah(
                BarisPK,
                {"perjanjian": pk, "urutan": nomor},
                sasaran=baris["sasaran"],
                indikator=indikator,
                satuan=baris["satuan"],
                target_angka=angka,
                target_huruf=huruf,
                rencana_tw1=tw[0],
                rencana_tw2=tw[1],
                rencana_tw3=tw[2],
                rencana_tw4=tw[3],
                iku=iku_baris,
                **atas,
            )
    return baris_pk


def muat_pk_kepala_daerah(baris_pk):
    """The Bupati's own PK of 2024 (PK Kepala Daerah): the RPJMD's sasaran and IKU daerah with their
    2024 targets, signed by the Bupati on the date of the Dinas's PKs; the Kepala Dinas's lines support
    its lines (the seed's first PK is the Bupati's with the Kepala Dinas)."""
    pemda = PemerintahDaerah.objects.get(jenis=PemerintahDaerah.Jenis.KABUPATEN, nama="Bungo")
    bupati = Jabatan.objects.kepala_daerah(pemda).get()
    rpjmd = RPJMD.objects.get(pemerintah_daerah=pemda, tahun_awal=seed.RPJMD["tahun_awal"])
    kesatu, _ = penandatangan_pada(bupati, TANGGAL_PK)
    pk = simpan_bila_berubah(
        PerjanjianKinerja,
        {"tahun": TAHUN, "jabatan": bupati, "versi": 1},
        status=PerjanjianKinerja.Status.FINAL,
        tempat=pemda.ibu_kota,
        tanggal=TANGGAL_PK,
        pihak_kesatu=kesatu,
    )
    for iku in IKUDaerah.objects.filter(rpjmd=rpjmd).select_related("sasaran", "indikator"):
        target = iku.target_tahunan.get(tahun=TAHUN)
        baris = simpan_bila_berubah(
            BarisPK,
            {"perjanjian": pk, "urutan": iku.urutan},
            sasaran=iku.sasaran.teks,
            indikator=iku.indikator,
            target_angka=target.target_angka,
            target_huruf=target.target_huruf,
            iku_daerah=iku,
        )
        simpan_bila_berubah(BarisPK, {"pk": baris_pk[(KEPALA_DINAS_JABATAN, iku.urutan)].pk}, induk=baris)
    return pk


def muat_perencanaan():
    baris_pk = muat_perjanjian_kinerja(muat_renstra())
    muat_pk_kepala_daerah(baris_pk)
    return baris_pk
