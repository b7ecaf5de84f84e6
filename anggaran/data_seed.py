"""Seed data transcribed from the LKjIP 2024 report of Dinas Tenaga Kerja dan Transmigrasi
Kabupaten Bungo (``shared/seed/lkjip-2024-nakertrans-bungo.md``).

* ``TABEL_30`` -- "Tabel 30. Realisasi Anggaran Dinas Nakertrans Tahun 2024": one tuple per
  program, kegiatan and sub kegiatan row, in printed order (the final JUMLAH row is given
  separately as ``JUMLAH_PAGU_30`` / ``JUMLAH_REALISASI_30``).
* ``TABEL_14`` -- "Tabel 14. Program dan Kegiatan Dinas Nakertrans Tahun 2024" (pagu murni):
  one tuple per urusan, bidang urusan, program, kegiatan and sub kegiatan row, in printed order.

Codes and texts are kept exactly as printed in the seed (typos, odd spacing such as
``"2.07.01.2.01.00 01"`` and ``"2.07.01.2.09..0006"`` included); only whitespace is normalised
to single spaces, and cell text that the page breaks split over two table fragments is
joined with a single space. Money amounts are whole rupiah as ``int`` (the printed ``.00``
decimals are all zero). The printed sums are NOT corrected here: parent rows may disagree
with the sum of their sub kegiatan (e.g. Tabel 14 kegiatan 2.07.01.2.06).
"""

TABEL_30 = [
    # (kode_tercetak, uraian, indikator, target_tercetak, pagu, realisasi_keuangan)
    (
        "2.07.01",
        "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
        "Persentase Pemenuhan Operasional Kantor",
        "100%",
        4250945003,
        3977513009,
    ),
    (
        "2.07.01.2.01",
        "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
        "Nilai Akuntabilitas Kinerja OPD (SAKIP)",
        "75.50 BB",
        32598000,
        26587000,
    ),
    (
        "2.07.01.2.01.00 01",
        "Penyusunan Dokumen Perencanaan Perangkat Daerah",
        "Jumlah Dokumen Perencanaan Perangkat Daerah",
        "2 Dokumen",
        2285000,
        2090800,
    ),
    (
        "2.07.01.2.01.00 02",
        "Koordinasi dan Penyusunan Dokumen RKA-SKPD",
        "Jumlah Dokumen RKA-SKPD dan Laporan Hasil Koordinasi Penyusunan Dokumen RKA-SKPD",
        "1 Dokumen",
        2597000,
        0,
    ),
    (
        "2.07.01.2.01.00 03",
        "Koordinasi dan Penyusunan Dokumen Perubahan RKA-SKPD",
        (
            "Jumlah Dokumen Perubahan RKA-SKPD dan Laporan Hasil Koordinasi Penyusunan Dokumen Perubahan "
            "RKA-SKPD"
        ),
        "1 Dokumen",
        2417000,
        2338500,
    ),
    (
        "2.07.01.2.01.00 04",
        "Koordinasi dan Penyusunan DPA-SKPD",
        "Jumlah Dokumen DPA-SKPD dan Laporan Hasil Koordinasi Penyusunan Dokumen DPA-SKPD",
        "1 Dokumen",
        2895000,
        2690000,
    ),
    (
        "2.07.01.2.01.00 05",
        "Koordinasi dan Penyusunan Perubahan DPA-SKPD",
        (
            "Jumlah Dokumen Perubahan DPA-SKPD dan Laporan Hasil Koordinasi Penyusunan Dokumen Perubahan "
            "DPA-SKPD"
        ),
        "1 Dokumen",
        2607000,
        0,
    ),
    (
        "2.07.01.2.01.0006",
        "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD",
        (
            "Jumlah Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD dan Laporan Hasil "
            "Koordinasi Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD"
        ),
        "2 Laporan",
        19797000,
        19467700,
    ),
    (
        "2.07.01.2.02",
        "Administrasi Keuangan Perangkat Daerah",
        "Persentase Terwujudnya Pengelolaan Keuangan sesuai dengan SOP",
        "100%",
        3470949353,
        3305361654,
    ),
    (
        "2.07.01.2.02.0001",
        "Penyediaan Gaji dan Tunjangan ASN",
        "Jumlah Orang yang Menerima Gaji dan Tunjangan ASN",
        "14 Orang/bulan",
        3465392353,
        3300144254,
    ),
    (
        "2.07.01.2.02.0005",
        "Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD",
        (
            "Jumlah Laporan Keuangan Akhir Tahun SKPD dan Laporan Hasil Koordinasi Penyusunan Laporan "
            "Keuangan Akhir Tahun SKPD"
        ),
        "1 Laporan",
        2893000,
        2872600,
    ),
    (
        "2.07.01.2.02.0007",
        "Koordinasi dan Penyusunan Laporan Keuangan Bulanan/ Triwulanan/ Semesteran SKPD",
        (
            "Jumlah Laporan Keuangan Bulanan/ Triwulanan/ Semesteran SKPD dan Laporan Koordinasi Penyusunan "
            "Laporan Keuangan Bulanan/Triwulanan/Semesteran SKPD"
        ),
        "4 Laporan",
        2664000,
        2344800,
    ),
    (
        "2.07.01.2.03",
        "Administrasi Barang Milik Daerah pada Perangkat Daerah",
        "Terwujudnya laporan pengelolaan barang milik daerah sesuai SOP",
        "3 Unit",
        16486400,
        14445851,
    ),
    (
        "2.07.01.2.03.0002",
        "Pengamanan Barang Milik Daerah SKPD",
        "Jumlah Dokumen Pengamanan Barang Milik Daerah SKPD",
        "3 Dokumen",
        16486400,
        14445851,
    ),
    (
        "2.07.01.2.05",
        "Administrasi Kepegawaian Perangkat Daerah",
        "Persentase Peningkatan SDM",
        "100%",
        38131000,
        37181000,
    ),
    (
        "2.07.01.2.05.0002",
        "Pengadaan Pakaian Dinas beserta Atribut Kelengkapannya",
        "Jumlah Paket Pakaian Dinas beserta Atribut Kelengkapan",
        "136 Paket",
        22000000,
        21600000,
    ),
    (
        "2.07.01.2.05.00 09",
        "Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi",
        "Jumlah Pegawai Berdasarkan Tugas dan Fungsi yang Mengikuti Pendidikan dan Pelatihan",
        "15 Orang",
        16131000,
        15581000,
    ),
    (
        "2.07.01.2.06",
        "Administrasi Umum Perangkat Daerah",
        "Persentase cakupan layanan Administrasi Perkantoran",
        "100%",
        228806650,
        213978528,
    ),
    (
        "2.07.01.2.06.00 01",
        "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor",
        "Jumlah Paket Komponen Instalasi Listrik/Penerangan Bangunan Kantor yang Disediakan",
        "13 Paket",
        5690500,
        5633500,
    ),
    (
        "2.07.01.2.06.00 02",
        "Penyediaan Peralatan dan Perlengkapan Kantor",
        "Jumlah Paket Peralatan dan Perlengkapan Kantor yang Disediakan",
        "18 Paket",
        17985000,
        17980000,
    ),
    (
        "2.07.01.2.06.00 04",
        "Penyediaan Bahan Logistik Kantor",
        "Jumlah Paket Bahan Logistik Kantor yang Disediakan",
        "50 Paket",
        13086000,
        11567000,
    ),
    (
        "2.07.01.2.06.00 05",
        "Penyediaan Barang Cetak dan Penggandaan",
        "Jumlah Paket Barang Cetak dan Penggandaan yang Disediakan",
        "12 Paket",
        4209900,
        4207900,
    ),
    (
        "2.07.01.2.06.00 06",
        "Penyediaan Bahan Bacaan dan Peraturan Perundang-undangan",
        "Jumlah Dokumen Bahan Bacaan dan Peraturan Perundang-Undangan yang Disediakan",
        "40 Dokumen",
        7529000,
        6550000,
    ),
    (
        "2.07.01.2.06.00 07",
        "Penyediaan Bahan/Material",
        "Jumlah Paket Bahan/Material yang Disediakan",
        "1 Paket",
        29326250,
        22826250,
    ),
    (
        "2.07.01.2.06.00 08",
        "Fasilitasi Kunjungan Tamu",
        "Jumlah Laporan Fasilitasi Kunjungan Tamu",
        "1 Laporan",
        8859000,
        8750500,
    ),
    (
        "2.07.01.2.06.00 09",
        "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD",
        "Jumlah Laporan Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD",
        "1 Laporan",
        142121000,
        136463378,
    ),
    (
        "2.07.01.2.08",
        "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
        "Persentase cakupan layanan perkantoran",
        "100%",
        372661200,
        290422796,
    ),
    (
        "2.07.01.2.08.00 01",
        "Penyediaan Jasa Surat Menyurat",
        "Jumlah Laporan Penyediaan Jasa Surat Menyurat",
        "1 Laporan",
        880000,
        600000,
    ),
    (
        "2.07.01.2.08.00 02",
        "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik",
        "Jumlah Laporan Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik yang Disediakan",
        "1 Laporan",
        107814800,
        101195196,
    ),
    (
        "2.07.01.2.08.00 04",
        "Penyediaan Jasa Pelayanan Umum Kantor",
        "Jumlah Laporan Penyediaan Jasa Pelayanan Umum Kantor yang Disediakan",
        "1 Laporan",
        263966400,
        188627600,
    ),
    (
        "2.07.01.2.09",
        "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
        "Persentase Terpeliharanya kendaraan dinas dengan baik",
        "100%",
        91312400,
        89536180,
    ),
    (
        "2.07.01.2.09.00 02",
        (
            "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak dan Perizinan Kendaraan Dinas "
            "Operasional atau Lapangan"
        ),
        (
            "Jumlah Kendaraan Dinas Operasional atau Lapangan yang Dipelihara dan dibayarkan Pajak dan "
            "Perizinannya"
        ),
        "3 Unit",
        73320000,
        72838280,
    ),
    (
        "2.07.01.2.09.00 06",
        "Pemeliharaan Peralatan dan Mesin Lainnya",
        "Jumlah Peralatan dan Mesin Lainnya yang Dipelihara",
        "40 Unit",
        8810000,
        8810000,
    ),
    (
        "2.07.01.2.09.00 09",
        "Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya",
        "Jumlah Gedung Kantor dan Bangunan Lainnya yang Dipelihara/Direhabilitasi",
        "3 Unit",
        9182400,
        7887900,
    ),
    (
        "2.07.03",
        "PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA",
        "Persentase Pencari Kerja Sesuai dengan Kebutuhan",
        "41,24 %",
        229364668,
        224066629,
    ),
    (
        "2.07.03.2.01",
        "Pelaksanaan Pelatihan berdasarkan Unit Kompetensi",
        "Jumlah Tenaga Kerja yang Mendapat Pelatihan berbasis Kompetensi",
        "640 Orang",
        216998668,
        216994652,
    ),
    (
        "2.07.03.2.01.00 01",
        (
            "Proses Pelaksanaan Pendidikan dan Pelatihan Keterampilan bagi Pencari Kerja berdasarkan "
            "Klaster Kompetensi"
        ),
        "Jumlah Tenaga Kerja yang Mendapat Pelatihan Berbasis Kompetensi pada Tahun n",
        "640 Orang",
        216998668,
        216994652,
    ),
    (
        "2.07.03.2.02",
        "Pembinaan Lembaga Pelatihan Kerja Swasta",
        "Terbinanya LKPS yang berkompeten",
        "100%",
        12366000,
        7071977,
    ),
    (
        "2.07.03.2.02.00 01",
        "Pembinaan Lembaga Pelatihan Kerja Swasta",
        "Jumlah Lembaga Pelatihan Kerja Swasta yang Dibina",
        "10 Lembaga",
        12366000,
        7071977,
    ),
    (
        "2.07.04",
        "PROGRAM PENEMPATAN TENAGA KERJA",
        "Persentase Pencari Kerja yang Terdaftar yang Ditempatkan",
        "90,53 %",
        70836700,
        69293700,
    ),
    (
        "2.07.04.2.01",
        "Pelayanan antar Kerja di Daerah Kabupaten/Kota",
        "Terwujudnya Penempatan Tenaga Kerja Dalam Negeri",
        "100%",
        70836700,
        69293700,
    ),
    (
        "2.07.04.2.01.00 02",
        "Pelayanan antar Kerja",
        "Jumlah Tenaga Kerja yang Ditempatkan Melalui Layanan AKAD dan AKL",
        "650 Orang",
        70836700,
        69293700,
    ),
    (
        "2.07.05",
        "PROGRAM HUBUNGAN INDUSTRIAL",
        "Persentase Kasus yang Diselesaikan dengan Perjanjian Bersama (PB)",
        "95%",
        16999760,
        13355708,
    ),
    (
        "2.07.05.2.01",
        (
            "Pengesahan Peraturan Perusahaan dan Pendaftaran Perjanjian Kerja Bersama untuk Perusahaan yang "
            "Hanya Beroperasi dalam 1 (Satu) Daerah Kabupaten/Kota"
        ),
        "Tersedianya data sarana hubungan industrial dan jaminan sosial Tenaga Kerja",
        "6 Perusahaan",
        5298880,
        5255708,
    ),
    (
        "2.07.05.2.01.0003",
        (
            "Penyelenggaraan Pendataan dan Informasi Sarana Hubungan Industrial dan Jaminan Sosial Tenaga "
            "Kerja serta Pengupahan"
        ),
        (
            "Jumlah Data dan Informasi Sarana HI (PP/PKB, Struktur Skala Upah, dan LKS Bipartit) dan "
            "Pekerja yang Terdaftar sebagai Peserta Jamsostek serta Pengupahan"
        ),
        "1 Laporan",
        5298880,
        5255708,
    ),
    (
        "2.07.05.2.02",
        (
            "Pencegahan dan Penyelesaian Perselisihan Hubungan Industrial, Mogok Kerja dan Penutupan "
            "Perusahaan di Daerah Kabupaten/Kota"
        ),
        "Terwujudnya hubungan industrial yang harmonis antara pekerja dan pengusaha",
        "100%",
        11700880,
        8100000,
    ),
    (
        "2.07.05.2.02.0001",
        (
            "Pencegahan Perselisihan Hubungan Industrial, Mogok Kerja, dan Penutupan Perusahaan yang "
            "Berakibat/Berdampak pada Kepentingan di 1 (Satu) Daerah Kabupaten/Kota"
        ),
        "Jumlah Perselisihan yang Dicegah",
        "55 Perkara",
        4950000,
        4890000,
    ),
    (
        "2.07.05.2.02.0002",
        (
            "Penyelesaian Perselisihan Hubungan Industrial, Mogok Kerja, dan Penutupan Perusahaan yang "
            "Berakibat/Berdampak pada Kepentingan di 1"
        ),
        "Jumlah Perkaras yang terselesaikan",
        "40 Perkara",
        1452000,
        0,
    ),
    (
        "2.07.05.2.02.0003",
        (
            "Penyelenggaraan Verifikasi dan Rekapitulasi Keanggotaan pada Organisasi Pengusaha, Federasi "
            "dan Konfederasi Serikat Pekerja/Serikat Buruh serta Non Afiliasi"
        ),
        "Jumlah Asosiasi Pengusaha dan Serikat Pekerja yang Diverifikasi",
        "10 Asosiasi dan Serikat Pekerja",
        5298880,
        3210000,
    ),
    (
        "3.32.03",
        "PROGRAM PEMBANGUNAN KAWASAN TRANSMIGRASI",
        "Persentase Tanah di Kawasan Transmigrasi yang Bersertifikat",
        "7,94% %",
        26999950,
        23153300,
    ),
    (
        "3.32.03.2.01",
        "Penataan Persebaran Penduduk yang Berasal dari 1 (Satu) Daerah Kabupaten/Kota",
        "Terlaksananya Penempatan Masyarakat kawasan transmigrasi",
        "1000 KK/Orang",
        26999950,
        23153300,
    ),
    (
        "3.32.03.2.01.003",
        "Pelaksanaan Penataan Penduduk Setempat Sekitar Lokasi Kawasan Transmigrasi",
        (
            "Jumlah Verifikasi Penduduk yang Memiliki Tanah dan Rumah di Kawasan Transmigrasi yang "
            "Berpotensi untuk Menjadi Transmigran Penduduk Setempat (TPS)"
        ),
        "1000 Kepala Keluarga",
        26999950,
        23153300,
    ),
    (
        "3.32.04",
        "PROGRAM PENGEMBANGAN KAWASAN TRANSMIGRASI",
        (
            "Persentase jumlah Sarana dan prasarana yang Dikelola dengan baik Persentase Satuan Permukiman "
            "yang dibangun"
        ),
        "70 % 61,50 %",
        40155600,
        37249300,
    ),
    (
        "3.32.04.2.01",
        "Pengembangan Satuan Permukiman pada Tahap Kemandirian",
        "Terwujudnya pengembangan SDM kemandirian satuan permukiman transmigrasi",
        "1.05 Indeks",
        40155600,
        37249300,
    ),
    (
        "3.32.04.2.01.001",
        "Penguatan SDM dalam rangka Kemandirian Satuan Permukiman",
        "Jumlah Kepala Keluarga Transmigran yang Dibina",
        "40 Kepala Keluarga",
        20079800,
        18069200,
    ),
    (
        "3.32.04.2.01.002",
        "Penguatan Infrastruktur Sosial, Ekonomi dan Kelembagaan dalam rangka Kemandirian Satuan Permukiman",
        (
            "Jumlah Satuan Permukiman yang Dikembangkan dalam rangka Penguatan Infrastruktur Sosial, "
            "Ekonomi dan Kelembagaan"
        ),
        "6 Satuan Permukiman",
        20075800,
        19180100,
    ),
]

# Printed JUMLAH row of Tabel 30.
JUMLAH_PAGU_30 = 4635301681
JUMLAH_REALISASI_30 = 4344631646

TABEL_14 = [
    # (kode_tercetak, uraian, target_tercetak, anggaran_tercetak or None)
    ("2", "URUSAN PEMERINTAHAN WAJIB YANG TIDAK BERKAITAN DENGAN PELAYANAN DASAR", "100%", None),
    ("2.07", "URUSAN PEMERINTAHAN BIDANG KETENAGAKERJAAN", "100%", None),
    ("2.07.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", "100%", None),
    ("2.07.01.2.01", "Perencanaan, Penganggaran dan Evaluasi Kinerja Perangkat Daerah", "100%", 32598000),
    ("2.07.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah", "2 Dokumen", 2285000),
    ("2.07.01.2.01.0002", "Koordinasi dan Penyusunan Dokumen RKA-SKPD", "1 Dokumen", 2597000),
    ("2.07.01.2.01.0003", "Koordinasi dan Penyusunan Dokumen Perubahan RKA-SKPD", "1 Dokumen", 2417000),
    ("2.07.01.2.01.0004", "Koordinasi dan Penyusunan DPA-SKPD", "1 Dokumen", 2895000),
    ("2.07.01.2.01.0005", "Koordinasi dan Penyusunan Perubahan DPA-SKPD", "1 Dokumen", 2607000),
    (
        "2.07.01.2.01.0006",
        "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD",
        "2 Laporan",
        19797000,
    ),
    ("2.07.01.2.02", "Administrasi Keuangan Perangkat Daerah", "100%", 3836194401),
    ("2.07.01.2.02.0001", "Penyusunan Gaji dan Tunjangan ASN", "14 Bulan", 3830637401),
    (
        "2.07.01.2.02.0005",
        "Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD",
        "1 Laporan",
        2893000,
    ),
    (
        "2.07.01.2.02.0007",
        "Koordinasi dan Penyusunan Laporan Keuangan Bulanan/Triwulan/Semesteran SKPD",
        "4 Laporan",
        2664000,
    ),
    ("2.07.01.2.03", "Administrasi Barang Milik Daerah pada Perangkat Daerah", "3 unit", 16486300),
    ("2.07.01.2.03.0002", "Pengamanan Barang Milik Daerah SKPD", "3 Unit", 16486300),
    ("2.07.01.2.05", "Administrasi Kepegawaian Perangkat Daerah", "100%", 29180000),
    ("2.07.01.2.05.0002", "Pengadaan Pakaian Dinas beserta Atribut Kelengkapannya", "136 Paket", 12500000),
    (
        "2.07.01.2.05.0009",
        "Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi",
        "15 Orang",
        16680000,
    ),
    ("2.07.01.2.06", "Administrasi Umum Perangkat Daerah", "100%", 185040090),
    (
        "2.07.01.2.06.0001",
        "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor",
        "13 Paket",
        5690500,
    ),
    ("2.07.01.2.06.0002", "Penyediaan Peralatan dan Perlengkapan Kantor", "18 Paket", 17985000),
    ("2.07.01.2.06.0004", "Penyediaan Bahan Logistik Kantor", "50 Paket", 13086000),
    ("2.07.01.2.06.0005", "Penyediaan Barang Cetakan dan Penggandaan", "12 Paket", 4209900),
    ("2.07.01.2.06.0006", "Penedia Bahan Bacaan dan Peraturan Perundang-undangan", "40 Dokumen", 7529000),
    ("2.07.01.2.06.0007", "Penyediaan Bahan/Material", "1 Paket", 29326250),
    ("2.07.01.2.06.0008", "Fasilitasi Kunjungan Tamu", "1 Laporan", 8859000),
    ("2.07.01.2.06.0009", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", "1 Laporan", 142121000),
    ("2.07.01.2.08", "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", "100%", 333376636),
    ("2.07.01.2.08.0001", "Penyediaan Jasa Surat Menyurat", "400 Surat", 880000),
    ("2.07.01.2.08.0002", "Penyediaan Jasa Komunikasi, Sumber Daya Air, dan Listrik", "12 Bulan", 107814800),
    ("2.07.01.2.08.0004", "Penyediaan Jasa Pelayanan Umum Kantor", "3 Kantor", 263966400),
    # 2.07.01.2.09 and its three sub kegiatan: the printed Target cell repeats the amount
    # (e.g. "91,312,400.00 | 91,312,400.00") by mistake, so target_tercetak is left "".
    ("2.07.01.2.09", "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah", "", 91312400),
    (
        "2.07.01.2.09.0002",
        (
            "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak, dan Perizinan Kendaraan Dinas "
            "Operasional atau Lapangan"
        ),
        "",
        73320000,
    ),
    ("2.07.01.2.09..0006", "Pemeliharaan Peralatan dan Mesin Lainnya", "", 8810000),
    ("2.07.01.2.09.0009", "Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya", "", 9182400),
    ("2.07.03", "PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA", "41,24 %", 229364668),
    ("2.07.03.2.01", "Pelaksanaan Pelatihan Berdasarkan Unit Kompetensi", "640 Orang", 216998668),
    (
        "2.07.03.2.01.0001",
        (
            "Proses Pelaksanaan Pendidikan dan Pelatihan Keterampilan Bagi Pencari Kerja Berdasarkan "
            "Klaster Kompetensi"
        ),
        "640 Orang",
        216998668,
    ),
    ("2.07.03.2.02", "Pembinaan Lembaga Pelatihan Kerja Swasta", "100%", 12366000),
    ("2.07.03.2.02.0001", "Pembinaan Lembaga Pelatihan Kerja Swasta", "10 Lembaga", 12366000),
    ("2.07.04", "PROGRAM PENEMPATAN TENAGA KERJA", "90,53 %", 70836700),
    ("2.07.04.2.01", "Pelayanan Antarkerja di Daerah Kabupaten/Kota", "100%", 70836700),
    ("2.07.04.2.01.0002", "Pelayanan antar kerja", "650 Orang", 70836700),
    ("2.07.05", "BIDANG HUBUNGAN INDUSTRIAL", "88%", None),
    (
        "2.07.05.2.01",
        (
            "Pengesahan Peraturan Perusahaan dan Pendaftaran Perjanjian Kerja Bersama untuk Perusahaan yang "
            "hanyabBeroperasi dalam 1(satu) Daerah Kabupaten/Kota"
        ),
        "6 Perusahaan",
        27800000,
    ),
    (
        "2.07.05.2.01.0003",
        (
            "Penyelenggaraan Pendataan dan informasi Saran Hubungan Industri dan Jaminan Sosial Tenaga "
            "Kerja serta Pengupahan"
        ),
        "6 Perusahaan",
        27800000,
    ),
    # Name printed over two page fragments: the code-less row (with target and 10.000.000)
    # plus the "2.07.05.2.02 | Kabupaten/Kota" row on the next page; merged into one row.
    (
        "2.07.05.2.02",
        (
            "Pencegahan dan Penyelesaian Perselisih Hubungan Industri ,mogok kerja dan Penutupan Perusahaan "
            "di Daerah Kabupaten/Kota"
        ),
        "40 Perusahaan",
        10000000,
    ),
    (
        "2.07.05.2.02.0001",
        (
            "Pencegahan Perselisihan Hubungan Industri, Mogok Kerja, dan Penutupan Perusahaan yang "
            "Berakibat/Berdampak pada Kepentingan di 1(satu) Daerah Kabupaten /Kota"
        ),
        "40 Perusahaan",
        10000000,
    ),
    (
        "2.07.05.2.02.0002",
        (
            "Penyelesaian Perselisihan Hubungan Industri, Mogok Kerja, dan Penutupan Perusahaan yang "
            "Berakibat/Berdampak pada kepentingan di 1(satu) Daerah kabupaten/kota"
        ),
        "40 kasus",
        10000000,
    ),
    (
        "2.07.05.2.02.0003",
        (
            "Penyelenggaraan Verifikasi dan Rekapitulasi Keanggotaan pada Organisasi Pengusaha, Federasi "
            "dan Konfederasi Serikat Pekerja/Serikat Buruh serta NonAfiliasi"
        ),
        "10 Asosiasi dan Serikat Pekerja",
        5298880,
    ),
    ("3.32.03", "PROGRAM PEMBANGUNAN KAWASAN TRANSMIGRASI", "7,94% %", 26999950),
    (
        "3.32.03.2.01",
        "Penataan Persebaran Penduduk yang Berasal dari 1(satu) Daerah Kabupaten/Kota",
        "1000 KK/Orang",
        26999950,
    ),
    (
        "3.32.03.2.01.0003",
        "Pelaksanaan Penataan Penduduk Setempat Sekitar Lokasi Kawasan Transmigrasi",
        "1000 Kepala Keluarga",
        26999950,
    ),
    ("3.32.04", "PROGRAM PENGEMBANGAN KAWASAN TRANSMIGRASI", "70 % 61,50 %", 40155600),
    ("3.32.04.2.01", "Pengembangan Satuan Permukiman pada tahap Kemandirian", "1.05 Indeks", 40155600),
    (
        "3.32.04.2.01.0001",
        "Penguatan SDM dalam Rangka Kemandirian Satuan Pemukiman",
        "40 Kepala Keluarga",
        20079800,
    ),
    (
        "3.32.04.2.01.0002",
        "Penguatan Infrastruktur Sosial, Ekonomi dan Kelembagaan dalam rangka Kemandirian Satuan Pemukiman",
        "6 Satuan Permukiman",
        20075800,
    ),
]
