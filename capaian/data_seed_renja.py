"""Seed data of the Renja's kinerja, transcribed from the LKjIP 2024 of Dinas Tenaga Kerja dan
Transmigrasi Kabupaten Bungo (``shared/seed/lkjip-2024-nakertrans-bungo.md``).

``TABEL_3_12`` -- "Tabel 3.12 Capaian Kinerja Kasubag dan Kasi": the output of each sub kegiatan, one
tuple per printed row in printed order: (sub kegiatan code as in Tabel 30, row number as printed, target
as printed, realisasi as printed, last column as printed). The table prints 36 rows numbered up to 33
(numbers 8, 23, 24 and 25 twice, 26 and 27 never, the last row none). Its last column, headed «%», is
the budget serapan of the sub kegiatan (2.090.800 / 2.285.000 = 91,50 % for the first row), not the
capaian of the output: row 1 reached 1 of 2 documents.

``REALISASI_OUTCOME`` -- the kegiatan and program outcomes whose realisasi the seed prints. Tabel 3.11
prints a realisasi for most of them, but those figures are the budget serapan of the matching program or
kegiatan in Tabel 30 (95.23 = 2.07.01.2.02, 97.82 = 2.07.04 ...; perjanjian/data_seed.py, REALISASI_2024);
only the Nilai SAKIP (BB) is a result. The other outcomes stay unfilled in the demo.
"""

TABEL_3_12 = [
    ("2.07.01.2.01.0001", "1", "2 Dokumen", "1 Dokumen", "91.50"),
    ("2.07.01.2.01.0002", "2", "1 Dokumen", "2 Dokumen", "0.00"),
    ("2.07.01.2.01.0003", "3", "1 Dokumen", "1 Dokumen", "96.75"),
    ("2.07.01.2.01.0004", "4", "1 Dokumen", "1 Dokumen", "92.92"),
    ("2.07.01.2.01.0005", "5", "1 Dokumen", "1 Dokumen", "0.00"),
    ("2.07.01.2.01.0006", "6", "2 Laporan", "2 Laporan", "98.34"),
    ("2.07.01.2.02.0001", "7", "14 Orang/bulan", "14 Orang/bulan", "95.23"),
    ("2.07.01.2.02.0005", "8", "1 Laporan", "1 Laporan", "99.29"),
    ("2.07.01.2.02.0007", "9", "4 Laporan", "4 Laporan", "88.02"),
    ("2.07.01.2.03.0002", "8", "3 Dokumen", "3 Unit", "87.62"),
    ("2.07.01.2.05.0002", "10", "136 Paket", "136 Paket", "98.18"),
    ("2.07.01.2.05.0009", "11", "15 Orang", "15 Orang", "96.59"),
    ("2.07.01.2.06.0001", "12", "13 Paket", "13 Paket", "99.00"),
    ("2.07.01.2.06.0002", "13", "18 Paket", "18 Paket", "99.97"),
    ("2.07.01.2.06.0004", "14", "50 Paket", "50 Paket", "88.39"),
    ("2.07.01.2.06.0005", "15", "12 Paket", "12 Paket", "99.95"),
    ("2.07.01.2.06.0006", "16", "40 Dokumen", "40 Dokumen", "87.00"),
    ("2.07.01.2.06.0007", "17", "1 Paket", "1 Paket", "77.84"),
    ("2.07.01.2.06.0008", "18", "1 Laporan", "1 Laporan", "98.78"),
    ("2.07.01.2.06.0009", "19", "1 Laporan", "1 Laporan", "96.02"),
    ("2.07.01.2.08.0001", "20", "1 Laporan", "1 Laporan", "80"),
    ("2.07.01.2.08.0002", "21", "1 Laporan", "1 Laporan", "86,6"),
    ("2.07.01.2.08.0004", "22", "1 Laporan", "1 Laporan", "100"),
    ("2.07.01.2.09.0002", "23", "3 Unit", "3 Unit", "99,34"),
    ("2.07.01.2.09.0006", "24", "40 Unit", "40 Unit", "100.00"),
    ("2.07.01.2.09.0009", "25", "3Unit", "3Unit", "85.90"),
    ("2.07.03.2.01.0001", "23", "640 Orang", "640 Orang", "100"),
    ("2.07.03.2.02.0001", "24", "10 LKPS", "10 LKPS", "57.19"),
    ("2.07.04.2.01.0002", "25", "650 Orang", "650 Orang", "97.82"),
    ("2.07.05.2.01.0003", "28", "1 Laporan", "1 Laporan", "99.19"),
    ("2.07.05.2.02.0001", "29", "55 Perkara", "55 Perkara", "98.79"),
    ("2.07.05.2.02.0002", "30", "40 Perkara", "40 Perkara", "0.00"),
    (
        "2.07.05.2.02.0003",
        "31",
        "10 Asosiasi dan Serikat Pekerja",
        "10 Asosiasi dan Serikat Pekerja",
        "60.58",
    ),
    ("3.32.03.2.01.0003", "32", "1000 Kepala Keluarga", "1000 Kepala Keluarga", "85.75"),
    ("3.32.04.2.01.0001", "33", "40 Kepala Keluarga", "40 Kepala Keluarga", "89.99"),
    ("3.32.04.2.01.0002", "", "6 Satuan Permukiman", "6 Satuan Permukiman", "95.54"),
]

SERAPAN_LAIN = {"2.07.01.2.08.0001", "2.07.01.2.08.0002", "2.07.01.2.08.0004"}

# (code, realisasi as printed in Tabel 3.11)
REALISASI_OUTCOME = [("2.07.01.2.01", "BB")]
