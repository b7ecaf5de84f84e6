"""Import of DPA lines and monthly realisasi: preview, all or nothing, stated totals checked."""

import io
from decimal import Decimal

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from anggaran.data_seed import TABEL_14
from anggaran.models import AnggaranSubKegiatan, Nomenklatur, PaguTertulis, RealisasiAnggaran

URL = reverse("impor")


def _xlsx(judul, baris):
    data = tablib.Dataset(headers=judul)
    for b in baris:
        data.append(b)
    return data.export("xlsx")


def _csv(teks):
    return teks.encode("utf-8")


def _unggah(client, jenis, isi, nama="data.xlsx"):
    return client.post(URL, {"jenis": jenis, "berkas": SimpleUploadedFile(nama, isi)})


def _tabel_14():
    return _xlsx(["Tahun", "Kode", "Uraian", "Pagu Murni"], [[2024, k, u, a] for k, u, _, a in TABEL_14])


def _isi_tabel(model):
    return list(model.objects.order_by("pk").values())


def test_seed_tabel_14_preview_reports_every_stated_total_that_does_not_add_up(
    masuk_sebagai, admin, anggaran_2024
):
    sebelum = _isi_tabel(AnggaranSubKegiatan)
    tertulis_sebelum = _isi_tabel(PaguTertulis)
    respons = _unggah(masuk_sebagai(admin), "dpa", _tabel_14(), "tabel14.xlsx")
    halaman = respons.content.decode()
    hasil = respons.context["hasil"]
    assert not hasil.ada_galat
    assert [(s.kode, s.tertulis, s.dijumlah) for s in hasil.selisih] == [
        ("2.07.01.2.06", Decimal(185040090), Decimal(228806650)),
        ("2.07.01.2.08", Decimal(333376636), Decimal(372661200)),
        ("2.07.05.2.02", Decimal(10000000), Decimal(25298880)),
    ]
    assert "pagu murni tertulis 185.040.090, jumlah sub kegiatannya 228.806.650" in halaman
    assert hasil.jumlah == {"update": 36, "skip": 22}
    assert "36 baris diperbarui, 22 baris total tertulis" in halaman
    assert _isi_tabel(AnggaranSubKegiatan) == sebelum  # a preview saves nothing
    assert _isi_tabel(PaguTertulis) == tertulis_sebelum
    assert "Impor sekarang" in halaman


def test_confirmed_import_saves_and_keeps_computed_totals(masuk_sebagai, admin, anggaran_2024):
    client = masuk_sebagai(admin)
    perubahan = _xlsx(
        ["tahun", "kode", "pagu_perubahan"],
        [[2024, "2.07.01.2.06.00 01", "6.000.000"], [2024, "2.07.01.2.06", 1]],
    )
    pratinjau = _unggah(client, "dpa", perubahan)
    token = pratinjau.context["token"]
    respons = client.post(
        reverse("impor_simpan"),
        {"token": token, "jenis": "dpa", "nama_berkas": "x.xlsx"},
        follow=True,
    )
    assert (
        "Impor data.xlsx selesai: 1 baris diperbarui, 1 baris total tertulis "
        "(diperiksa; dicatat hanya untuk pemeriksaan LKjIP)." in respons.content.decode()
    )
    assert _anggaran("2.07.01.2.06.0001").pagu_perubahan == Decimal(6000000)
    assert not Nomenklatur.objects.filter(kode="2.07.01.2.06", anggaran__isnull=False).exists()
    # the stated 1 of the kegiatan row was reported, and kept only as a stated total for the LKjIP check
    assert "tertulis 1, jumlah sub kegiatannya 6.000.000" in respons.content.decode()
    tertulis = PaguTertulis.objects.get(tahun=2024, nomenklatur__kode="2.07.01.2.06")
    assert tertulis.pagu_perubahan == 1 and tertulis.pagu_murni == 185040090  # the seed's, kept


def _anggaran(kode):
    return AnggaranSubKegiatan.objects.get(sub_kegiatan__kode=kode)


@pytest.mark.parametrize(
    ("baris", "pesan"),
    [
        ([[2024, "2.07.01.2.06.0001", "lima juta"]], "Baris 2: Kolom pagu murni: «lima juta» bukan angka"),
        ([[2024, "2.07.01.2.06.0001", "-5.000"]], "Baris 2: kolom pagu_murni: Nilai tidak boleh negatif."),
        ([[2024, "2.07.01.2", 1000]], "jumlah bagian harus 1, 2, 3, 5 atau 6"),
        (
            [[2024, "9.99.01.2.01.0001", 1000]],
            "Kode «9.99.01.2.01.0001» tidak dikenal: induknya (9.99.01.2.01)",
        ),
        (
            [[2024, "2.07.01.2.06.0001", 1000], [2024, "2.07.01.2.06.00 01", 2000]],
            "Baris 3: Baris ganda: 2.07.01.2.06.0001 tahun 2024 sudah ada di baris 2.",
        ),
        (
            [[2024, "2.07.01.2.06.0001", 1000], ["dua ribu", "2.07.01.2.06.0002", 1000]],
            "Tahun «dua ribu» tidak sah",
        ),
    ],
)
def test_bad_dpa_rows_are_reported_by_row_and_nothing_is_saved(
    masuk_sebagai, admin, anggaran_2024, baris, pesan
):
    sebelum = _isi_tabel(AnggaranSubKegiatan), Nomenklatur.objects.count()
    respons = _unggah(masuk_sebagai(admin), "dpa", _xlsx(["tahun", "kode", "pagu_murni"], baris))
    assert pesan in respons.content.decode()
    assert "token" not in respons.context
    assert (_isi_tabel(AnggaranSubKegiatan), Nomenklatur.objects.count()) == sebelum


def test_one_bad_row_keeps_the_good_rows_out_too(masuk_sebagai, admin, anggaran_2024):
    from nakertrans.impor import baca_berkas, impor

    berkas = _xlsx(
        ["tahun", "kode", "pagu_murni"], [[2024, "2.07.01.2.06.0001", 1], [2024, "2.07.01.2.06.0002", -1]]
    )
    hasil = impor("dpa", baca_berkas(berkas, "x.xlsx"), user=admin, dry_run=False)
    assert hasil.ada_galat
    assert _anggaran("2.07.01.2.06.0001").pagu_murni == Decimal(5690500)


@pytest.mark.parametrize(
    ("isi", "nama", "pesan"),
    [
        (b"", "kosong.xlsx", "kosong"),
        (b"PK\x03\x04 ini bukan xlsx", "rusak.xlsx", "Berkas .xlsx tidak dapat dibuka"),
        (
            _csv("foo,bar\n1,2\n"),
            "salah.csv",
            "Kolom wajib tidak ada: tahun, kode. Kolom tidak dikenal: foo, bar.",
        ),
        (_csv("tahun,kode\n"), "tanpa-baris.csv", "Berkas tidak berisi baris data."),
        (b"tahun,kode\n2024,2.07.01.2.06.0001\n", "data.pdf", "Jenis berkas harus .xlsx atau .csv."),
    ],
)
def test_empty_corrupt_or_wrongly_headed_files_get_a_message(
    masuk_sebagai, admin, anggaran_2024, isi, nama, pesan
):
    respons = _unggah(masuk_sebagai(admin), "dpa", isi, nama)
    assert respons.status_code == 200
    assert pesan in respons.content.decode()


def test_new_year_dpa_from_csv_with_every_column(masuk_sebagai, admin, anggaran_2024):
    csv = _csv(
        "tahun,kode,uraian,unit_kerja,indikator,target,satuan,sumber_dana,pagu_murni,pagu_perubahan\n"
        "2025,2.07.04.2.01.0002,,Bidang Ketenagakerjaan,Jumlah Tenaga Kerja yang Ditempatkan,"
        '700,Orang,DAU,"75.000.000",\n'
    )
    respons = _unggah(masuk_sebagai(admin), "dpa", csv, "dpa2025.csv")
    client = masuk_sebagai(admin)
    client.post(reverse("impor_simpan"), {"token": respons.context["token"], "jenis": "dpa"})
    baru = AnggaranSubKegiatan.objects.get(tahun=2025)
    assert (baru.pagu, baru.target, baru.unit_kerja.nama) == (
        Decimal(75000000),
        Decimal(700),
        "Bidang Ketenagakerjaan",
    )


def test_new_dpa_line_without_its_unit_is_refused(masuk_sebagai, admin, anggaran_2024):
    respons = _unggah(
        masuk_sebagai(admin), "dpa", _csv("tahun,kode,pagu_murni\n2025,2.07.04.2.01.0002,1000\n"), "a.csv"
    )
    assert "Baris 2: kolom unit_kerja:" in respons.content.decode()
    assert not AnggaranSubKegiatan.objects.filter(tahun=2025).exists()


def _realisasi(client, baris, judul=("tahun", "kode", "bulan", "keuangan", "fisik", "unit_kerja", "catatan")):
    return _unggah(client, "realisasi", _xlsx(list(judul), baris))


def test_realisasi_import_updates_the_month_and_keeps_history(masuk_sebagai, admin, anggaran_2024):
    client = masuk_sebagai(admin)
    pratinjau = _realisasi(
        client, [[2024, "3.32.04.2.01.001", 3, "1.000.000", "12,5", "Bidang Transmigrasi", ""]]
    )
    assert not pratinjau.context["hasil"].ada_galat
    client.post(reverse("impor_simpan"), {"token": pratinjau.context["token"], "jenis": "realisasi"})
    r = RealisasiAnggaran.objects.get(anggaran=_anggaran("3.32.04.2.01.0001"), bulan=3)
    assert (r.keuangan, r.fisik) == (Decimal(1000000), Decimal("12.5"))
    assert r.history.first().history_user == admin


@pytest.mark.parametrize(
    ("baris", "pesan"),
    [
        (
            [[2024, "3.32.04.2.01.0001", 3, 1000, 1, "Bidang Ketenagakerjaan", ""]],
            "tanggung jawab Bidang Transmigrasi",
        ),
        ([[2024, "3.32.04.2.01.0001", 13, 1000, 1, "", ""]], "Bulan «13» tidak sah"),
        ([[2024, "3.32.04.2.01.0001", 3, "banyak", 1, "", ""]], "bukan angka"),
        ([[2024, "3.32.04.2.01.0001", 3, -1, 1, "", ""]], "Nilai tidak boleh negatif"),
        ([[2030, "3.32.04.2.01.0001", 3, 1, 1, "", ""]], "tidak ada dalam DPA tahun 2030"),
        ([[2024, "3.32.04.2.01.0001", 3, 99_000_000, 1, "", ""]], "melampaui pagu Rp 20.079.800"),
    ],
)
def test_bad_realisasi_rows_save_nothing(masuk_sebagai, admin, anggaran_2024, baris, pesan):
    sebelum = _isi_tabel(RealisasiAnggaran)
    respons = _realisasi(masuk_sebagai(admin), baris)
    assert pesan in respons.content.decode()
    assert _isi_tabel(RealisasiAnggaran) == sebelum


def test_realisasi_of_an_approved_month_cannot_be_imported(masuk_sebagai, admin, anggaran_2024):
    from anggaran.demo import setujui_semua_bulan

    setujui_semua_bulan()
    respons = _realisasi(masuk_sebagai(admin), [[2024, "3.32.04.2.01.0001", 3, 1000, 1, "", ""]])
    assert "sudah disetujui dan terkunci" in respons.content.decode()


@pytest.mark.parametrize("username", ["operator_naker", "kadis", "inspektorat", "kabid_naker"])
def test_only_admin_imports(organisasi, client, username):
    from nakertrans.models import Pengguna

    client.force_login(Pengguna.objects.get(username=username))
    assert client.get(URL).status_code == 403
    assert client.get(reverse("templat_impor", args=["dpa"])).status_code == 403
    assert client.post(reverse("impor_simpan"), {"jenis": "dpa", "token": "x"}).status_code == 403


def test_inspektorat_cannot_import_through_the_data_administration_pages(masuk_sebagai, inspektorat):
    client = masuk_sebagai(inspektorat)
    assert client.get(reverse("admin:anggaran_anggaransubkegiatan_changelist")).status_code == 200
    assert client.get(reverse("admin:anggaran_anggaransubkegiatan_import")).status_code == 403
    assert client.get(URL).status_code == 403


def test_templates_carry_the_expected_columns(masuk_sebagai, admin):
    client = masuk_sebagai(admin)
    for jenis, kolom in [
        ("dpa", ["tahun", "kode", "uraian", "unit_kerja", "indikator", "target", "satuan", "sumber_dana",
                 "pagu_murni", "pagu_perubahan"]),
        ("realisasi", ["tahun", "kode", "unit_kerja", "bulan", "keuangan", "fisik", "catatan"]),
    ]:  # fmt: skip
        respons = client.get(reverse("templat_impor", args=[jenis]))
        lembar = load_workbook(io.BytesIO(respons.content)).active
        assert [sel.value for sel in lembar[1]] == kolom


def test_a_forged_token_is_refused(masuk_sebagai, admin):
    respons = masuk_sebagai(admin).post(
        reverse("impor_simpan"), {"jenis": "dpa", "token": "../../settings.py"}, follow=True
    )
    assert "Pratinjau tidak dikenal atau sudah kedaluwarsa" in respons.content.decode()


def test_admin_import_button_opens_the_same_import_page(masuk_sebagai, admin, anggaran_2024):
    client = masuk_sebagai(admin)
    respons = client.get(reverse("admin:anggaran_anggaransubkegiatan_import"))
    assert respons.status_code == 302 and respons.url == f"{URL}?jenis=dpa"
    halaman = client.get(respons.url)
    assert halaman.context["form"]["jenis"].value() == "dpa"
    # Posting a file to the admin's own import view does not import it by another path.
    sebelum = _isi_tabel(AnggaranSubKegiatan)
    client.post(
        reverse("admin:anggaran_anggaransubkegiatan_import"),
        {"format": "0", "resource": "0", "import_file": SimpleUploadedFile("t14.xlsx", _tabel_14())},
    )
    assert _isi_tabel(AnggaranSubKegiatan) == sebelum


def test_blank_fisik_takes_its_default_on_a_new_month(masuk_sebagai, admin, anggaran_2024):
    client = masuk_sebagai(admin)
    anggaran = _anggaran("3.32.04.2.01.0001")
    RealisasiAnggaran.objects.filter(anggaran=anggaran, bulan=3).delete()
    pratinjau = _realisasi(client, [[2024, "3.32.04.2.01.0001", 3, "1.000.000", "", "", ""]])
    assert not pratinjau.context["hasil"].ada_galat, pratinjau.context["hasil"].semua_pesan()
    client.post(reverse("impor_simpan"), {"token": pratinjau.context["token"], "jenis": "realisasi"})
    r = RealisasiAnggaran.objects.get(anggaran=anggaran, bulan=3)
    assert (r.keuangan, r.fisik) == (Decimal(1000000), RealisasiAnggaran._meta.get_field("fisik").default)


def test_the_admins_second_import_step_leads_to_the_same_page_and_saves_nothing(
    masuk_sebagai, admin, anggaran_2024
):
    sebelum = _isi_tabel(AnggaranSubKegiatan)
    respons = masuk_sebagai(admin).post(
        reverse("admin:anggaran_anggaransubkegiatan_process_import"),
        {"import_file_name": "x.csv", "original_file_name": "x.csv", "format": "1"},
    )
    assert respons.status_code == 302 and respons.url == f"{URL}?jenis=dpa"
    assert _isi_tabel(AnggaranSubKegiatan) == sebelum


def test_the_dpa_import_carries_the_indicators_and_their_written_targets(admin, anggaran_2024):
    from capaian.models import IndikatorRenja, TargetRenja
    from nakertrans.impor import baca_berkas, impor

    judul = ["tahun", "kode", "unit_kerja", "indikator", "target", "pagu_murni"]
    baris = [
        [2024, "3.32.03", "", "Persentase Tanah Bersertifikat", "7,94% %", 26999950],
        [2024, "3.32.03.2.01.0003", "Bidang Transmigrasi", "Jumlah Verifikasi", "1.000 Kepala Keluarga", 1],
        [2024, "2.07.01.2.01.0001", "Sekretariat", "Jumlah Dokumen Perencanaan", "2 Dokumen", 2285000],
    ]  # fmt: skip
    pratinjau = impor("dpa", baca_berkas(_xlsx(judul, baris), "x.xlsx"), user=admin, dry_run=True)
    assert not pratinjau.ada_galat, pratinjau.semua_pesan()
    # The readings made by a choice are warnings the importer acknowledges before importing.
    peringatan = " ".join(p for _, _, p in pratinjau.peringatan)
    assert "«7,94% %» dibaca 7,94 %: satuan «%» tertulis dua kali." in peringatan
    assert "«1.000 Kepala Keluarga» dibaca 1.000 Kepala Keluarga" in peringatan
    assert not IndikatorRenja.objects.exists()  # a preview saves nothing
    hasil = impor("dpa", baca_berkas(_xlsx(judul, baris), "x.xlsx"), user=admin, dry_run=False)
    assert not hasil.ada_galat
    dokumen = _anggaran("2.07.01.2.01.0001")
    assert (dokumen.target, dokumen.satuan) == (Decimal(2), "Dokumen")
    target = {
        t.indikator_renja.nomenklatur.kode: t
        for t in TargetRenja.objects.select_related(
            "indikator_renja__nomenklatur", "indikator_renja__indikator"
        )
    }
    assert (target["2.07.01.2.01.0001"].target_angka, target["2.07.01.2.01.0001"].tertulis) == (
        2,
        "2 Dokumen",
    )
    assert target["2.07.01.2.01.0001"].indikator_renja.indikator.satuan == "Dokumen"
    assert target["3.32.03.2.01.0003"].target_angka == 1000
    program = target["3.32.03"]
    assert (program.target_angka, program.indikator_renja.indikator.satuan) == (Decimal("7.94"), "%")
    assert "satuan «%» tertulis dua kali" in program.pilihan
    assert program.indikator_renja.unit_kerja.nama == "Bidang Transmigrasi"  # the unit of its sub kegiatan


def test_a_sub_kegiatan_target_that_is_not_a_number_refuses_the_sheet(admin, anggaran_2024):
    from capaian.models import IndikatorRenja
    from nakertrans.impor import baca_berkas, impor

    judul = ["tahun", "kode", "indikator", "target", "satuan", "pagu_murni"]
    baris = [
        [2024, "2.07.01.2.01.0001", "Dokumen", "dua dokumen", "", 2285000],
        [2024, "2.07.01.2.01.0002", "Dokumen RKA", "1 Laporan", "Dokumen", 2597000],
    ]
    hasil = impor("dpa", baca_berkas(_xlsx(judul, baris), "x.xlsx"), user=admin, dry_run=False)
    pesan = " ".join(hasil.semua_pesan())
    assert "Target sub kegiatan «dua dokumen» bukan angka." in pesan
    assert "Satuan «Dokumen» tidak sama dengan satuan pada target «1 Laporan»." in pesan
    assert not IndikatorRenja.objects.exists() and _anggaran("2.07.01.2.01.0001").target == 2


def test_a_dpa_imported_again_keeps_what_the_planner_set_and_reads_persen_as_percent(admin, anggaran_2024):
    from capaian.models import IndikatorRenja, TargetRenja
    from nakertrans.impor import baca_berkas, impor
    from nakertrans.models import UnitKerja

    judul = ["tahun", "kode", "unit_kerja", "indikator", "target", "satuan", "pagu_murni"]
    baris = [
        [
            2024,
            "2.07.04.2.01.0002",
            "Bidang Ketenagakerjaan",
            "Persentase tertempatkan",
            "90,53 %",
            "Persen",
            1,
        ]
    ]
    for _ in range(2):
        hasil = impor("dpa", baca_berkas(_xlsx(judul, baris), "x.xlsx"), user=admin, dry_run=False)
        assert not hasil.ada_galat, hasil.semua_pesan()
        ir = IndikatorRenja.objects.get(nomenklatur__kode="2.07.04.2.01.0002")
        if _ == 0:
            assert (ir.indikator.jenis_nilai, ir.indikator.aturan_tahunan) == ("persen", "terakhir")
            ir.urutan = 3
            ir.unit_kerja = UnitKerja.objects.get(nama="Sekretariat")
            ir.save()
            TargetRenja.objects.filter(indikator_renja=ir).update(target_angka=Decimal(91))
    assert (ir.urutan, ir.unit_kerja.nama) == (3, "Sekretariat")
    assert TargetRenja.objects.get(indikator_renja=ir).target_angka == 91
