"""Planning data of the LKjIP 2024 of the Dinas Tenaga Kerja dan Transmigrasi, Kabupaten Bungo.

Transcribed by hand from ``seed/lkjip-2024-nakertrans-bungo.md``: BAB II (Renstra: visi, misi,
tujuan, sasaran; Tabel 1 IKU; the twelve Perjanjian Kinerja 2024) and BAB III (realisasi 2024 and the
component history of the two Kepala Dinas indicators, Tabel 3.2 to 3.13).

Texts are as printed: typos, odd capitals and spaces before punctuation are kept; only whitespace is
normalised (runs collapsed, ends trimmed), list numbering inside a cell is dropped and a stray leading
"." is removed. Numbers are strings in plain dot-decimal form ("5.88", "43.10", "640"; the seed's
thousands dots and decimal commas are converted) so that the app can turn them into Decimal; there
are no floats. Where the seed is wrong or ambiguous the data follows what is printed and the
judgement is written in a ``catatan`` or in a comment. Pure Python: no Django imports.
"""

# BAB II A.I: the office's visi "mengacu kepada visi kabupaten Bungo"; BAB III names the RPJMD Kabupaten
# Bungo 2021-2026. The seed prints no misi or tujuan of the RPJMD.
RPJMD = {"tahun_awal": 2021, "tahun_akhir": 2026, "visi": "Bungo yang Mandiri, Aman dan Sejahtera"}

VISI = "Terwujudnya Tenaga Kerja dan Masyarakat Transmigrasi yang Berkualitas, Maju dan Sejahtera"

MISI = [
    "Mewujudkan tenaga kerja terampil produktif dan mendorong perluasan kesempatan kerja serta "
    "kuantitas tenaga kerja",
    "Mewujudkan hubungan industrial yang selaras, serasi dan seimbang dan meningkatkan perlindungan "
    "tenaga kerja.",
    "Mewujudkan Mobilitas penduduk yang terarah, memfasilitasi perpindahan dan meningkatkan "
    "kesejahteraan masyarakat Transmigrasi .",
    "Meningkatkan SDM tata kelola Oganisasi Pemerintahan Daerah dan Pengembangan sistem informasi "
    "Ketenagakerjaan dan Ketransmigrasian.",
]

TUJUAN = [
    "Mewujudkan Keterampilan dan Produktivitas Tenaga Kerja serta memperluas kesempatan kerja.",
    "Mewujudkan hubungan industrial yang harmonis .",
    "Mewujudkan Pengembangan Masyarakat dan Kawasan Transmigrasi dalam rangka meningkatkan taraf "
    "hidup, satatus sosial, berbudaya dan berakhlak .",
    # The seed prints the 2nd tujuan again as the 4th (a copy error; misi 4 about the organisation has
    # no tujuan of its own). Kept as printed.
    "Mewujudkan hubungan industrial yang harmonis .",
]

# BAB II A.IV. The seed's heading sentence says "Adapun Tujuan ..." (copy error) above this list.
SASARAN_RENSTRA = [
    "Meningkatnya Kuantitas dan Kualitas Tenaga kerja serta memperluas kesempatan Bekerja.",
    "Meningkatnya Hubungan Industrial yang harmonis antara pekerja dan perusahaan.",
    # Printed ".Terwujudnya ...": the leading "." is removed.
    "Terwujudnya Pengembangan Kawasan Transmigrasi yang Terpadu dan mandiri .",
    "Meningkatnya Kinerja dan Akuntabilitas Dinas Nakertrans.",
]

# Tabel 1 of BAB II B. Its column numbers are printed 1, 2, 3, 4, 5, 7 (no 6).
IKU = [
    {
        "sasaran": "Mengembangkan kawasan Transmigrasi",
        # The PK (Tabel.1) calls it "Persentase pengembangan kawasan transmigrasi", Tabel 3.13 calls it
        # "Indek Pembangunan Kawasan Transmigrasi" with satuan "Angka".
        "indikator": "Persentase Pembagunan Kawasan Transmigrasi",
        "alasan": "Memenuhi target RPJMD",
        # "X 100" is printed, but E1, E2 and E3 are already percentages (BAB III computes
        # (E1 + E2 + E3) / 3 without a further x 100).
        "formulasi": "(Penyiapan kawasan (E1) ditambah Pengembangan usaha (E2) ditambah pembangunan dan "
        "pengembangan sarpras (E3))/3 X 100",
        "keterangan": "Kawasan yang terdapat di wilayah transmigrasi",
    },
    {
        "sasaran": "Menurunnya TPT",
        "indikator": "Tingkat pengangguran terbuka",
        "alasan": "Memenuhi target RPJMD",
        "formulasi": "Tingkat pengangguran terbuka sama dengan jumlah pengangguran dibagi jumlah angkatan "
        "kerja X 100%",
        # "pencari kerja" here, while the formula uses jumlah pengangguran.
        "keterangan": "Jumlah perbandingan antara pencari kerja dengan jumlah angkatan kerja",
    },
]

# BAB II C. The 12 Perjanjian Kinerja 2024, in printed order (Tabel .9 is printed before Tabel .8),
# 24 lines in all. "tabel" is the seed's own label: two tables are both labelled 3 (Tabel.3 and
# Tabel .3). No PK table has an empty sasaran cell, so no line inherits a sasaran.
PK_2024 = [
    {
        "jabatan": "Kepala Dinas Tenaga Kerja dan Transmigrasi",
        "tabel": "Tabel.1",
        "baris": [
            {
                "sasaran": "Mengembangkan Kawasan Transmigrasi",
                "indikator": "Persentase pengembangan kawasan transmigrasi",
                "target": "72",
                "satuan": "persen",
                "catatan": "Composite index (E1 + E2 + E3) / 3 of Tabel 3.4 components; Tabel 3.13 names it "
                "Indek Pembangunan Kawasan Transmigrasi, satuan Angka.",
            },
            {
                "sasaran": "Menurunkan Tingkat Pengangguran Terbuka",
                "indikator": "Tingkat pengangguran terbuka",
                "target": "5.88",
                "satuan": "persen",
                "catatan": "Printed 5,88%. Lower is better: capaian (2T - R) / T.",
            },
        ],
    },
    {
        "jabatan": "Sekretaris",
        # Headed "PERJANJIAN KINERJA TAHUN 2023": a typo, it is the 2024 PK (BAB II C, 2024 list).
        "tabel": "Tabel .2",
        "baris": [
            {
                "sasaran": "Terwujudnya Administrasi perkantoran",
                "indikator": "Nilai Akuntabilitas kinerja OPD (Sakip)",
                "target": "BB",
                "satuan": "huruf",
                "catatan": "Printed target '71 BB': recorded as the SAKIP predikat BB; the score 71 is the "
                "nilai behind it (BB = 70,01-80). Tabel 30 prints '75.50 BB' for kegiatan "
                "2.07.01.2.01 with the same indicator.",
            },
        ],
    },
    {
        "jabatan": "Kepala Bidang Transmigrasi",
        "tabel": "Tabel.3",
        "baris": [
            {
                "sasaran": "Pengembangan wilayah Transmigrasi",
                "indikator": "Persentase penyiapan kawasan transmigrasi yang bersertifikat",
                "target": "76.81",
                "satuan": "persen",
                "catatan": "Printed 76,81%. Tabel 3.11 no 11 prints target 7,49 and Tabel 30 prints "
                "7,94% for the same indicator (program 3.32.03).",
            },
            {
                "sasaran": "Terlaksananya Pengembangan wilayah transmigrasi",
                "indikator": "Persentase pengembangan sarana dan prasarana ekonomi, sosial dan budaya",
                "target": "57.25",
                "satuan": "persen",
                "catatan": "Printed 57,25%. Tabel 3.11 no 12 and Tabel 30 (program 3.32.04) print "
                "'70 % 61,50 %' for two merged indicators instead.",
            },
        ],
    },
    {
        "jabatan": "Kepala Bidang Ketenagakerjaan",
        # Labelled "Tabel .3" again (duplicate number) and headed "BIDANG TENGA KERJA".
        "tabel": "Tabel .3",
        "baris": [
            {
                "sasaran": "Meningkatnya Kualitas dan produktivitas Tenagakerja",
                "indikator": "Persentase Tenaga Kerja berkompentensi",
                "target": "36.08",
                "satuan": "persen",
                "catatan": "Printed 36,08 %. Program 2.07.03 in Tabel 14/30 has a different indicator "
                "(Persentase Pencari Kerja Sesuai dengan Kebutuhan) and target 41,24 %.",
            },
            {
                "sasaran": "Meningkatnya Peningkatan Kesempatan Kerja",
                "indikator": "Persentase Pencari Kerja yang di tempatkan dan dimagangkan",
                "target": "90.53",
                "satuan": "persen",
                "catatan": None,
            },
            {
                # Same sasaran as the line above, printed again: kept as printed although the
                # indicator is about industrial cases rather than kesempatan kerja.
                "sasaran": "Meningkatnya Peningkatan Kesempatan Kerja",
                "indikator": "Persentase terselesaikan kasus Ketenagakerjaan",
                "target": "93.00",
                "satuan": "persen",
                "catatan": "Sasaran printed as on the line above (likely a copy error; kept). Program "
                "2.07.05 in Tabel 30 targets 95%.",
            },
        ],
    },
    {
        "jabatan": "Kepala UPTD Balai Latihan Kerja",
        "tabel": "Tabel .4",
        "baris": [
            {
                "sasaran": "Terdidiknya dan terlatihnya Tenaga kerja yang berkompentensi",
                "indikator": "Jumlah Tenaga Kerja yang dilatih",
                "target": "640",
                "satuan": "orang",
                "catatan": None,
            },
        ],
    },
    {
        "jabatan": "Kepala Subbagian Umum dan Kepegawaian",
        "tabel": "Tabel .5",
        "baris": [
            {
                "sasaran": "Terlaksananya Administrasi Kepegawaian",
                "indikator": "jumlah Administrasi Kepegawaian yang Terlaksana",
                "target": "12",
                "satuan": "dokumen",
                "catatan": None,
            },
            {
                "sasaran": "Terselenggaranya Administrasi Umum Perangkat Daerah",
                "indikator": "jumlah Administrasi Umum Perangkat Daerah yang Terlaksana",
                "target": "25",
                "satuan": "sarana",
                "catatan": None,
            },
            {
                "sasaran": "Terpenuhinya Jasa Penunjang Urusan Pemerintah Daerah",
                "indikator": "jumlah jasa penunjang yang yang terpenuhi",
                "target": "15",
                "satuan": "jenis dokumen",
                "catatan": None,
            },
        ],
    },
    {
        "jabatan": "Perencana Ahli Muda",
        "tabel": "Tabel .6",
        "baris": [
            {
                "sasaran": "Tersedianya Dokumen Perencanaan, Penganggaran, dan Evaluasi Kinerja",
                "indikator": "Jumlah Dokumen Perencanaan, Penganggaran dan Evaluasi Kinerja",
                "target": "7",
                "satuan": "dokumen",
                "catatan": None,
            },
            {
                "sasaran": "Tersedianya Administrasi Keuangan Perangkat Daerah",
                "indikator": "Jumlah ASN yang mendapatkan gaji dan tunjangan",
                "target": "29",
                "satuan": "orang",
                "catatan": None,
            },
            {
                "sasaran": "Tersedianya Administrasi Barang Milik Daerah",
                "indikator": "Jumlah laporan pengelolaan barang milik daerah",
                "target": None,
                "satuan": "laporan",
                "catatan": "The seed prints no target and no satuan on this line; satuan 'laporan' is "
                "inferred from the indicator wording. The target must be entered before a capaian can "
                "be computed (kegiatan 2.07.01.2.03 in Tabel 14/30 targets 3 Unit / 3 Dokumen).",
            },
            {
                "sasaran": "Terpeliharanya BMD Penunjang Urusan Pemerintah Daerah",
                "indikator": "jumlah BMD yang dapat dimanfaatkan",
                "target": "2",
                "satuan": "unit",
                "catatan": None,
            },
        ],
    },
    {
        "jabatan": "Pengantar Kerja Ahli Muda",
        "tabel": "Tabel .7",
        "baris": [
            {
                "sasaran": "Terlaksananya Pelayanan Antar Kerja di kabupaten Bungo",
                "indikator": "Jumlah Pelayanan Antar Kerja di Kabupaten Bungo",
                "target": "650",
                "satuan": "orang",
                "catatan": "Printed '1. Jumlah ...' and '650 ORANG': the in-cell numbering is dropped.",
            },
        ],
    },
    {
        "jabatan": "Sub Koordinator Pelatihan dan Produktivitas",
        # Headed "PERJANJIAN KINERJA 2022": a typo, it is the 2024 PK. Printed before Tabel .8.
        "tabel": "Tabel .9",
        "baris": [
            {
                "sasaran": "Meningkatnya Jumlah LPKS yang memiliki Standar Kompetensi Kerja Nasional "
                "Indonesia (SKKNI)",
                "indikator": "Jumlah LPKS",
                "target": "10",
                "satuan": "LPKS",
                "catatan": None,
            },
        ],
    },
    {
        "jabatan": "Mediator Hubungan Industrial Ahli Muda",
        # Headed "MEDIATAOR AHLI MUDA".
        "tabel": "Tabel .8",
        "baris": [
            {
                "sasaran": "Terfasilitasinya perselisihan Kasus Ketenagakerjaan",
                "indikator": "Jumlah Sarana Hubungan Industrial dan Jaminan Sosial Tenaga Kerja yang terdata",
                "target": "1",
                "satuan": "laporan",
                "catatan": None,
            },
            {
                "sasaran": "Terbentuknya dan terlaksananya perpanjangan lembaga keja Bipatit",
                "indikator": "Jumlah perusahaan yang di deteksi",
                "target": "55",
                "satuan": "perkara",
                "catatan": "Indicator counts perusahaan but the printed target is in perkara; Tabel 30 "
                "(sub kegiatan 2.07.05.2.02.0001, Jumlah Perselisihan yang Dicegah) also has 55 Perkara.",
            },
            {
                "sasaran": "Mengurangi Perselisihan HI Ketenagakerjaan",
                "indikator": "Jumlah Kasus ketenagakerjaan yang diselesaikan",
                "target": "40",
                "satuan": "perkara",
                "catatan": None,
            },
            {
                "sasaran": "Mengurangi Kasus Ketenagakerjana secara dini",
                "indikator": "Jumlah Serikat Pekerja/Serikat buruh yang diverifikasi",
                "target": "10",
                "satuan": "asosiasi dan serikat pekerja",
                "catatan": "Printed '10 Asosiasi dan serikat pekerj' (cut off); unit completed from "
                "Tabel 3.12 no 31.",
            },
        ],
    },
    {
        "jabatan": "Sub Koordinator Penyediaan Kawasan dan Pembangunan Permukiman Transmigrasi",
        "tabel": "Tabel .10",
        "baris": [
            {
                "sasaran": "Terwujudnya,pengembangan sarana dan prasarana pemukiman kawasan Transmigrasi",
                "indikator": "Jumlah sarana dan prasarana kawasan yang tersedia dan di kelola dgn baik di "
                "satuan pemukiman Transmigrasi",
                "target": "6",
                "satuan": "satuan permukiman",
                "catatan": "Printed '6 Satuan Pemukiman'; unit spelled as in Tabel 14/30 (Satuan "
                "Permukiman).",
            },
        ],
    },
    {
        "jabatan": "Sub Koordinator Promosi, Sosial, Ekonomi",
        "tabel": "Tabel .11",
        "baris": [
            {
                "sasaran": "Terwujudnya satuan permukiman transmigrasi yang dibina",
                "indikator": "Jumlah satuan permukiman transmigrasi yang di bina dan mengikuti pelatihan "
                "ekonomi",
                "target": "40",
                "satuan": "kepala keluarga",
                "catatan": "Printed '1. Jumlah ...': numbering dropped. The indicator counts satuan "
                "permukiman but the target is 40 Kepala Keluarga (as sub kegiatan 3.32.04.2.01.0001); "
                "the printed unit is kept.",
            },
        ],
    },
]

# Tabel 3.11's "Realisasi" column for its percentage rows is NOT a performance figure: every value is
# the budget serapan of the matching program/kegiatan in Tabel 30 (95.23 = 2.07.01.2.02,
# 87.62 = 2.07.01.2.03, 97.51 = 2.07.01.2.05, 93.52 = 2.07.01.2.06, 77.93 = 2.07.01.2.08,
# 98.05 = 2.07.01.2.09, 97.82 = 2.07.04, 78.56 = 2.07.05, 85.75 = 3.32.03, 92.76 = 3.32.04).
# Those values are therefore not used as realisasi (same reason as Tabel 3.12's "%" column).
REALISASI_2024 = [
    {
        "jabatan": "Kepala Dinas Tenaga Kerja dan Transmigrasi",
        "indikator": "Persentase pengembangan kawasan transmigrasi",
        "realisasi": None,
        "sumber": "dihitung dari komponen",
        "catatan": "From KOMPONEN 2024 (Tabel 3.4): (24.26 + 5.04 + 100) / 3 = 43.10; the seed printed "
        "43.08 after rounding E2 to 5.",
    },
    {
        "jabatan": "Kepala Dinas Tenaga Kerja dan Transmigrasi",
        "indikator": "Tingkat pengangguran terbuka",
        "realisasi": None,
        "sumber": "dihitung dari komponen",
        "catatan": "From KOMPONEN 2024 (Tabel 3.6): 7060 / 131065 x 100 = 5.3866, recorded 5.39.",
    },
    {
        "jabatan": "Sekretaris",
        "indikator": "Nilai Akuntabilitas kinerja OPD (Sakip)",
        "realisasi": "BB",
        "sumber": "Tabel 3.11 no 1",
        "catatan": "Same indicator (Nilai Akuntabilitas Kinerja (SAKIP)), satuan Huruf, target BB, "
        "realisasi BB. No numeric SAKIP score is printed for 2024.",
    },
    {
        "jabatan": "Kepala Bidang Transmigrasi",
        "indikator": "Persentase penyiapan kawasan transmigrasi yang bersertifikat",
        "realisasi": None,
        "sumber": "Tabel 3.11 no 11",
        "catatan": "Tabel 3.11 no 11 (Persentase Tanah di Kawasan Transmigrasi yang bersertifikat) prints "
        "target 7,49 and realisasi 85.75, but 85.75 is the serapan of program 3.32.03 in Tabel 30 "
        "(and of Tabel 3.12 no 32), and the target differs from the PK's 76,81. No performance "
        "realisasi is printed.",
    },
    {
        "jabatan": "Kepala Bidang Transmigrasi",
        "indikator": "Persentase pengembangan sarana dan prasarana ekonomi, sosial dan budaya",
        "realisasi": None,
        "sumber": "Tabel 3.11 no 12",
        "catatan": "Tabel 3.11 no 12 merges two indicators (targets '70 % 61,50 %', not 57,25) and prints "
        "92.76, which is the serapan of program 3.32.04 in Tabel 30 (mean of Tabel 3.12's 89.99 and "
        "95.54). No performance realisasi is printed.",
    },
    {
        "jabatan": "Kepala Bidang Ketenagakerjaan",
        "indikator": "Persentase Tenaga Kerja berkompentensi",
        "realisasi": None,
        "sumber": "Tabel 3.11 no 8",
        "catatan": "The nearest row, Tabel 3.11 no 8 (Persentase Pencari Kerja Sesuai dengan Kebutuhan), is "
        "a different indicator and its target and realisasi cells are missing (garbled row); Tabel 30 "
        "gives that program 41,24 % and serapan 97.69 only. Nothing corresponds.",
    },
    {
        "jabatan": "Kepala Bidang Ketenagakerjaan",
        "indikator": "Persentase Pencari Kerja yang di tempatkan dan dimagangkan",
        "realisasi": None,
        "sumber": "Tabel 3.11 no 9",
        "catatan": "Tabel 3.11 no 9 (same indicator, target 90,53) prints 97.82, but 97.82 is the serapan "
        "of program 2.07.04 in Tabel 30 (and Tabel 3.12 no 25's '%'). No performance realisasi is "
        "printed.",
    },
    {
        "jabatan": "Kepala Bidang Ketenagakerjaan",
        "indikator": "Persentase terselesaikan kasus Ketenagakerjaan",
        "realisasi": None,
        "sumber": "Tabel 3.11 no 10",
        "catatan": "Tabel 3.11 no 10 (kasus diselesaikan dengan PB, target 93,00) prints 78.56, but 78.56 "
        "is the serapan of program 2.07.05 in Tabel 30. No performance realisasi is printed (Tabel "
        "3.12 no 30 gives 40 of 40 perkara for the Mediator, a count, not this percentage).",
    },
    {
        "jabatan": "Kepala UPTD Balai Latihan Kerja",
        "indikator": "Jumlah Tenaga Kerja yang dilatih",
        "realisasi": "640",
        "sumber": "Tabel 3.12 no 23",
        "catatan": "Second row numbered 23 (sasaran 7): Jumlah Tenaga Kerja yang Mendapat Pelatihan "
        "Berbasis Kompetensi, 640 Orang of 640 Orang.",
    },
    {
        "jabatan": "Kepala Subbagian Umum dan Kepegawaian",
        "indikator": "jumlah Administrasi Kepegawaian yang Terlaksana",
        "realisasi": None,
        "sumber": None,
        "catatan": "No row in BAB III counts dokumen of administrasi kepegawaian: Tabel 3.12 sasaran 4 "
        "has 136 Paket pakaian dinas (no 10) and 15 Orang diklat (no 11), not 12 Dokumen.",
    },
    {
        "jabatan": "Kepala Subbagian Umum dan Kepegawaian",
        "indikator": "jumlah Administrasi Umum Perangkat Daerah yang Terlaksana",
        "realisasi": None,
        "sumber": None,
        "catatan": "No row in BAB III counts sarana: Tabel 3.12 nos 12-19 (kegiatan 2.07.01.2.06) are "
        "paket, dokumen and laporan of separate sub kegiatan; none totals 25 Sarana.",
    },
    {
        "jabatan": "Kepala Subbagian Umum dan Kepegawaian",
        "indikator": "jumlah jasa penunjang yang yang terpenuhi",
        "realisasi": None,
        "sumber": None,
        "catatan": "No row in BAB III counts jenis dokumen: Tabel 3.12 nos 20-22 (kegiatan 2.07.01.2.08) "
        "are three rows of 1 Laporan each, not 15 Jenis Dokumen.",
    },
    {
        "jabatan": "Perencana Ahli Muda",
        "indikator": "Jumlah Dokumen Perencanaan, Penganggaran dan Evaluasi Kinerja",
        "realisasi": None,
        "sumber": None,
        "catatan": "Tabel 3.12 nos 1-6 (kegiatan 2.07.01.2.01) are six sub kegiatan outputs: targets 6 "
        "Dokumen + 2 Laporan, realisasi 1+2+1+1+1 Dokumen + 2 Laporan; neither adds to the PK's 7 "
        "dokumen, so no single figure corresponds (no 1 prints 1 of 2 Dokumen, no 2 prints 2 of 1).",
    },
    {
        "jabatan": "Perencana Ahli Muda",
        "indikator": "Jumlah ASN yang mendapatkan gaji dan tunjangan",
        "realisasi": None,
        "sumber": "Tabel 3.12 no 7",
        "catatan": "Tabel 3.12 no 7 (Jumlah Orang yang Menerima Gaji dan Tunjangan ASN) prints 14 "
        "Orang/bulan of 14 Orang/bulan; Tabel 14 gives the same output as '14 Bulan' (months of "
        "payroll), not 29 ASN. Not comparable with the PK's 29 orang, so not recorded.",
    },
    {
        "jabatan": "Perencana Ahli Muda",
        "indikator": "Jumlah laporan pengelolaan barang milik daerah",
        "realisasi": "3",
        "sumber": "Tabel 3.12 no 8",
        "catatan": "Second row numbered 8 (sasaran 3 'Terwujudnya laporan pengelolaan barang milik daerah "
        "sesuai SOP', kegiatan 2.07.01.2.03): target 3 Dokumen, realisasi printed '3 Unit' (unit "
        "mismatch kept as 3). The PK line has no target, so no capaian.",
    },
    {
        "jabatan": "Perencana Ahli Muda",
        "indikator": "jumlah BMD yang dapat dimanfaatkan",
        "realisasi": None,
        "sumber": None,
        "catatan": "Tabel 3.12 nos 23-25 (sasaran 6, pemeliharaan BMD) are 3 Unit kendaraan, 40 Unit "
        "peralatan and 3 Unit gedung; none matches 2 unit of BMD dimanfaatkan.",
    },
    {
        "jabatan": "Pengantar Kerja Ahli Muda",
        "indikator": "Jumlah Pelayanan Antar Kerja di Kabupaten Bungo",
        "realisasi": "650",
        "sumber": "Tabel 3.12 no 25",
        "catatan": "Second row numbered 25 (sasaran 9): same indicator, 650 Orang of 650 Orang.",
    },
    {
        "jabatan": "Sub Koordinator Pelatihan dan Produktivitas",
        "indikator": "Jumlah LPKS",
        "realisasi": "10",
        "sumber": "Tabel 3.12 no 24",
        "catatan": "Second row numbered 24 (sasaran 8): jumlah LPKS yang di bina, '10 LKPS' of '10 LKPS' "
        "(typo for LPKS).",
    },
    {
        "jabatan": "Mediator Hubungan Industrial Ahli Muda",
        "indikator": "Jumlah Sarana Hubungan Industrial dan Jaminan Sosial Tenaga Kerja yang terdata",
        "realisasi": "1",
        "sumber": "Tabel 3.12 no 28",
        "catatan": "Same output (data dan informasi sarana HI dan Jamsostek): 1 Laporan of 1 Laporan.",
    },
    {
        "jabatan": "Mediator Hubungan Industrial Ahli Muda",
        "indikator": "Jumlah perusahaan yang di deteksi",
        "realisasi": "55",
        "sumber": "Tabel 3.12 no 29",
        "catatan": "Same output, differently worded (Jumlah Perselisihan yang Dicegah, sub kegiatan "
        "2.07.05.2.02.0001): 55 Perkara of 55 Perkara.",
    },
    {
        "jabatan": "Mediator Hubungan Industrial Ahli Muda",
        "indikator": "Jumlah Kasus ketenagakerjaan yang diselesaikan",
        "realisasi": "40",
        "sumber": "Tabel 3.12 no 30",
        "catatan": "Jumlah Perkara Perselisihan yang Terselesaikan: 40 Perkara of 40 Perkara, although its "
        "budget serapan is 0.00 (nothing spent, Tabel 30).",
    },
    {
        "jabatan": "Mediator Hubungan Industrial Ahli Muda",
        "indikator": "Jumlah Serikat Pekerja/Serikat buruh yang diverifikasi",
        "realisasi": "10",
        "sumber": "Tabel 3.12 no 31",
        "catatan": "Jumlah Asosiasi Pengusaha dan Serikat Pekerja yang Diverifikasi: 10 of 10.",
    },
    {
        "jabatan": "Sub Koordinator Penyediaan Kawasan dan Pembangunan Permukiman Transmigrasi",
        "indikator": "Jumlah sarana dan prasarana kawasan yang tersedia dan di kelola dgn baik di satuan "
        "pemukiman Transmigrasi",
        "realisasi": "6",
        "sumber": "Tabel 3.12 sasaran 14, unnumbered row after no 33",
        "catatan": "Same output (sub kegiatan 3.32.04.2.01.0002, Jumlah Satuan Permukiman yang "
        "Dikembangkan ... Penguatan Infrastruktur Sosial, Ekonomi dan Kelembagaan): 6 of 6 Satuan "
        "Permukiman. The row has no number in the seed.",
    },
    {
        "jabatan": "Sub Koordinator Promosi, Sosial, Ekonomi",
        "indikator": "Jumlah satuan permukiman transmigrasi yang di bina dan mengikuti pelatihan ekonomi",
        "realisasi": "40",
        "sumber": "Tabel 3.12 no 33",
        "catatan": "Same output in the PK's unit (Jumlah Kepala Keluarga Transmigran yang Dibina, sub "
        "kegiatan 3.32.04.2.01.0001): 40 of 40 Kepala Keluarga.",
    },
]

# Components of the two Kepala Dinas indicators, as printed. Tabel 3.4 (2021-2024) and Tabel 3.6
# (2022-2024); thousands dots removed ("131.065" is 131065). Tabel 3.4 and 3.6 print no unit for the
# counts: the "satuan" of those entries is ours.
#
# Inconsistencies noted (the values below are still as printed):
# - Tabel 3.4 2023: sarpras 0 of 4 gives E3 = 0, so the 2023 index is (24.26 + 5.00 + 0) / 3 = 9.75,
#   not the 25 printed in Tabel 3.3 and 3.13. 2022 gives 43.10 (printed 43), 2021 gives 43.13
#   (no realisasi printed), 2024 gives 43.10 (printed 43.08, E2 rounded to 5 first).
# - Tabel 3.4 jumlah usaha goes 120, 121, 120, 121 while jumlah KK stays 2399 from 2022.
# - Tabel 3.6 2022: 8093 / 249523 x 100 = 3.24, matching Tabel 3.5's 2022 realisasi; 2023:
#   6568 / 122968 x 100 = 5.34, matching; 2024: 7060 / 131065 x 100 = 5.39, matching.
# - Tabel 3.6 bekerja + pengangguran = angkatan kerja holds only in 2024 (124005 + 7060 = 131065);
#   2022: 182068 + 8093 = 190161, not 249523; 2023: 116000 + 6568 = 122568, not 122968.
# - Tabel 3.6 rows are numbered 1, 2, 4; its introducing sentence says "Tahun 2023 s.d. 2024".
# - BAB IV uses the 2022 figures with labels swapped (angkatan kerja 8,093; pengangguran 249.532,
#   itself a transposition of 249.523) and prints 8,093 / 249.532 x 100 = 3.08 (it is 3.24).
KOMPONEN = {
    "luas_dibangun": {
        "label": "Luas pengembangan kawasan yang dibangun",
        "satuan": "Ha",
        "nilai": {2021: "1682", 2022: "1682", 2023: "1682", 2024: "1682"},
    },
    "luas_pencadangan": {
        "label": "Luas pencadangan",
        "satuan": "Ha",
        "nilai": {2021: "6934", 2022: "6934", 2023: "6934", 2024: "6934"},
    },
    "jumlah_usaha": {
        "label": "Jumlah usaha transmigrasi",
        "satuan": "usaha",
        "nilai": {2021: "120", 2022: "121", 2023: "120", 2024: "121"},
    },
    "jumlah_kk": {
        "label": "Jumlah KK di transmigrasi",
        "satuan": "KK",
        "nilai": {2021: "2333", 2022: "2399", 2023: "2399", 2024: "2399"},
    },
    "sarpras_dibangun": {
        "label": "Jumlah pembangunan sarana dan prasarana",
        "satuan": "unit",
        "nilai": {2021: "1", 2022: "1", 2023: "0", 2024: "1"},
    },
    "sarpras_seharusnya": {
        "label": "Jumlah sarana dan prasarana yang seharusnya",
        "satuan": "unit",
        "nilai": {2021: "1", 2022: "1", 2023: "4", 2024: "1"},
    },
    "jumlah_bekerja": {
        "label": "Jumlah bekerja",
        "satuan": "orang",
        "nilai": {2022: "182068", 2023: "116000", 2024: "124005"},
    },
    "jumlah_angkatan_kerja": {
        "label": "Jumlah angkatan kerja",
        "satuan": "orang",
        "nilai": {2022: "249523", 2023: "122968", 2024: "131065"},
    },
    "jumlah_pengangguran": {
        "label": "Jumlah pengangguran",
        "satuan": "orang",
        "nilai": {2022: "8093", 2023: "6568", 2024: "7060"},
    },
}

TARGET_KEPALA_DINAS = {
    # Tabel 3.13 (2023: 64; 2024: 72, as Tabel.1 and Tabel 3.2/3.3). BAB III B.1's text calls 64 the
    # 2023 result ("Penurunan tahun 2023 sebesar 64 ... pengurangan sebanyak 21 %"): it is the target.
    "indeks_kawasan": {2023: "64", 2024: "72"},
    # Tabel 3.13 prints 2023 target 5,89 (so does its analysis b); the text after Tabel 3.5 once says
    # 5,90. 2024: 5,88 (Tabel.1, 3.2, 3.5, 3.13).
    "tpt": {2023: "5.89", 2024: "5.88"},
}

# As printed, for comparison only; the app recomputes realisasi from KOMPONEN.
# - indeks_kawasan: 2022 "43" and 2023 "25" from Tabel 3.3 (2023 also Tabel 3.13); 2024 "43.08" from
#   Tabel 3.2, 3.3 and 3.13. Tabel 3.3 is titled "2021 s/d 2024" but has no 2021 column. Tabel 3.2
#   and 3.3 print the capaian as 43,08 % (= the realisasi; 43.08 / 72 would be 59.83 %). Analysis a
#   of Tabel 3.13 says the 2024 value "masih sama" as 2023 although 25 became 43.08.
# - tpt: 2022 "3.24" and 2023 "5.34" from Tabel 3.5 (2023 also Tabel 3.13); 2024 "5.39" from Tabel
#   3.2, 3.5, 3.13 and the formula under Tabel 3.6. Analysis b of Tabel 3.13 once says 5,37. The
#   printed capaian 91 % (Tabel 3.2, 3.5) is the naive ratio (5.39 / 5.88 = 91.67, truncated);
#   lower is better, so it is (2 x 5.88 - 5.39) / 5.88 = 108.33 %. The text gives 2023 capaian as 90.
REALISASI_TERCETAK_KEPALA_DINAS = {
    "indeks_kawasan": {2022: "43", 2023: "25", 2024: "43.08"},
    "tpt": {2022: "3.24", 2023: "5.34", 2024: "5.39"},
}
