"""The LKjIP consistency check: what makes the report wrong is an error, what is merely worth a note a
warning; every finding links to where it is fixed."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from anggaran.demo import setujui_semua_bulan
from anggaran.models import AnggaranSubKegiatan, RealisasiAnggaran
from capaian.models import PitaPredikat, RealisasiTriwulan, SkalaPredikat, TanggapanPeringatan
from capaian.pemeriksaan import periksa_lkjip
from nakertrans.demo import dinas
from nakertrans.models import Pengajuan, Penugasan
from perjanjian.models import BarisPK, PerjanjianKinerja


def _kode(temuan):
    return {t.kode for t in temuan}


@pytest.fixture
def tahun_2024(renja_2024):
    setujui_semua_bulan()


def test_demo_year_has_one_error_the_line_without_target(tahun_2024):
    hasil = periksa_lkjip(dinas(), 2024)
    assert len(hasil.galat) == 1
    galat = hasil.galat[0]
    assert (
        "Perencana Ahli Muda, baris 3" in galat.pesan and "target tahun 2024 belum ditetapkan" in galat.pesan
    )
    pk = PerjanjianKinerja.objects.get(tahun=2024, jabatan__nama="Perencana Ahli Muda", status="final")
    assert galat.tautan == f"/perjanjian/pk/{pk.pk}/"
    assert not hasil.boleh_terbit
    assert "1 galat" in hasil.alasan_tidak_terbit()


def test_lines_below_the_kepala_dinas_without_realisasi_are_warnings(tahun_2024):
    hasil = periksa_lkjip(dinas(), 2024)
    kosong = [t for t in hasil.peringatan if t.kode.startswith("realisasi-")]
    assert len(kosong) == 11  # the seed gives 12 lines no realisasi; the twelfth, without target, is an error
    assert all(t.tautan.startswith("/capaian/isian/2024/4/unit/") for t in kosong)


def test_a_kepala_dinas_line_without_realisasi_is_an_error(tahun_2024):
    baris = BarisPK.objects.get(perjanjian__tahun=2024, perjanjian__jabatan__tingkat_pk=1, urutan=1)
    RealisasiTriwulan.objects.filter(baris=baris).delete()
    assert f"realisasi-{baris.pk}" in _kode(periksa_lkjip(dinas(), 2024).galat)


def test_stated_totals_of_the_seed_that_do_not_add_up_are_warnings(tahun_2024):
    pesan = {
        t.kode: t.pesan for t in periksa_lkjip(dinas(), 2024).peringatan if t.kode.startswith("tertulis-")
    }
    assert set(pesan) == {
        "tertulis-2.07.01.2.06-pagu_murni",
        "tertulis-2.07.01.2.08-pagu_murni",
        "tertulis-2.07.05.2.02-pagu_murni",
    }
    assert "Rp 185.040.090" in pesan["tertulis-2.07.01.2.06-pagu_murni"]
    assert "Rp 228.806.650" in pesan["tertulis-2.07.01.2.06-pagu_murni"]


def test_budget_months_not_approved_are_errors(realisasi_2024):
    galat = _kode(periksa_lkjip(dinas(), 2024).galat)
    assert any(k.startswith("anggaran-") for k in galat)
    setujui_semua_bulan()
    assert not any(k.startswith("anggaran-") for k in _kode(periksa_lkjip(dinas(), 2024).galat))


def test_a_quarter_with_realisasi_not_yet_approved_is_an_error(tahun_2024):
    p = Pengajuan.objects.filter(jenis="kinerja", tahun=2024, periode=2, status="disetujui").first()
    Pengajuan.objects.filter(pk=p.pk).update(status="diajukan")
    hasil = periksa_lkjip(dinas(), 2024)
    temuan = next(t for t in hasil.galat if t.kode == f"kinerja-{p.unit_kerja_id}-2")
    assert "masih diajukan" in temuan.pesan
    assert temuan.tautan == f"/capaian/isian/2024/2/unit/{p.unit_kerja_id}/"


def test_realisasi_above_pagu_needs_a_note_in_the_month_that_passed_the_pagu(tahun_2024):
    a = AnggaranSubKegiatan.objects.filter(tahun=2024).order_by("sub_kegiatan__kode").first()
    desember = RealisasiAnggaran.objects.get(anggaran=a, bulan=12)
    RealisasiAnggaran.objects.filter(pk=desember.pk).update(keuangan=a.pagu + Decimal(1))
    galat = next(t for t in periksa_lkjip(dinas(), 2024).galat if t.kode == f"lebih-pagu-{a.pk}")
    assert "sejak Desember" in galat.pesan
    assert galat.tautan == f"/capaian/isian/2024/12/unit/{a.unit_kerja_id}/".replace("capaian", "anggaran")
    # a note in another month does not explain December's overrun
    RealisasiAnggaran.objects.filter(anggaran=a, bulan=1).update(catatan="Honor Januari dibayar.")
    assert f"lebih-pagu-{a.pk}" in _kode(periksa_lkjip(dinas(), 2024).galat)
    RealisasiAnggaran.objects.filter(pk=desember.pk).update(catatan="Tambahan gaji dikonfirmasi BPKAD.")
    hasil = periksa_lkjip(dinas(), 2024)
    peringatan = next(t for t in hasil.peringatan if t.kode == f"lebih-pagu-{a.pk}")
    assert "Tambahan gaji dikonfirmasi BPKAD." in peringatan.pesan
    assert f"lebih-pagu-{a.pk}" not in _kode(hasil.galat)


def test_a_unit_that_reports_must_have_its_fourth_quarter_approved(tahun_2024):
    p = Pengajuan.objects.filter(jenis="kinerja", tahun=2024, periode=4, status="disetujui").first()
    RealisasiTriwulan.objects.filter(triwulan__gte=2).filter(
        baris__perjanjian__jabatan__unit_kerja=p.unit_kerja, baris__perjanjian__unit_pengisi=None
    ).delete()
    Pengajuan.objects.filter(jenis="kinerja", unit_kerja=p.unit_kerja, periode__gte=2).delete()
    temuan = next(t for t in periksa_lkjip(dinas(), 2024).galat if t.kode == f"kinerja-{p.unit_kerja_id}-4")
    assert "TW 4" in temuan.pesan and "masih draf" in temuan.pesan


def test_every_unit_with_a_budget_must_have_december_approved(tahun_2024):
    p = Pengajuan.objects.filter(jenis="anggaran", tahun=2024, periode=12).first()
    RealisasiAnggaran.objects.filter(anggaran__unit_kerja=p.unit_kerja, bulan=12).delete()
    Pengajuan.objects.filter(pk=p.pk).delete()
    assert f"anggaran-{p.unit_kerja_id}-12" in _kode(periksa_lkjip(dinas(), 2024).galat)


def test_a_scale_with_a_gap_is_an_error(tahun_2024):
    skala = SkalaPredikat.objects.get(aktif=True)
    pita = PitaPredikat.objects.filter(skala=skala).order_by("bawah")[1]
    PitaPredikat.objects.filter(pk=pita.pk).update(bawah=pita.bawah + 1)
    temuan = next(t for t in periksa_lkjip(dinas(), 2024).galat if t.kode == "skala")
    assert temuan.tautan == f"/admin/capaian/skalapredikat/{skala.pk}/change/"


def test_no_kepala_dinas_on_the_signing_date_is_an_error(tahun_2024):
    Penugasan.objects.filter(jabatan__tingkat_pk=1).update(selesai=datetime.date(2024, 12, 31))
    assert "penanda-tangan" in _kode(periksa_lkjip(dinas(), 2024).galat)


def test_data_of_another_year_is_an_error(tahun_2024):
    pk = PerjanjianKinerja.objects.get(tahun=2024, jabatan__nama="Kepala Bidang Transmigrasi", status="final")
    PerjanjianKinerja.objects.filter(pk=pk.pk).update(tanggal=datetime.date(2022, 1, 3))
    lama = PerjanjianKinerja.objects.create(tahun=2023, jabatan=pk.jabatan, tanggal=datetime.date(2023, 1, 2))
    induk = BarisPK.objects.create(perjanjian=lama, sasaran="Lama", indikator=pk.baris.first().indikator)
    baris = BarisPK.objects.filter(perjanjian__tahun=2024, perjanjian__jabatan__tingkat_pk=3).first()
    BarisPK.objects.filter(pk=baris.pk).update(induk=induk)
    galat = _kode(periksa_lkjip(dinas(), 2024).galat)
    assert f"pk-tanggal-{pk.pk}" in galat
    assert f"lain-tahun-{baris.pk}" in galat


def test_a_year_without_agreements_or_budget_says_so(organisasi):
    galat = _kode(periksa_lkjip(dinas(), 2030).galat)
    assert {"renstra", "pk", "dpa"} <= galat


def test_check_query_count_does_not_grow_with_rows(tahun_2024):
    with CaptureQueriesContext(connection) as awal:
        periksa_lkjip(dinas(), 2024)
    pk = PerjanjianKinerja.objects.get(tahun=2024, jabatan__nama="Kepala Bidang Transmigrasi", status="final")
    indikator = pk.baris.first().indikator
    for n in range(10, 30):
        b = BarisPK.objects.create(
            perjanjian=pk, urutan=n, sasaran="Uji", indikator=indikator, target_angka=1
        )
        RealisasiTriwulan.objects.create(baris=b, triwulan=1, realisasi_angka=1)
    with CaptureQueriesContext(connection) as sesudah:
        periksa_lkjip(dinas(), 2024)
    assert len(sesudah) == len(awal)


def test_kepala_dinas_answers_warnings_with_a_note(tahun_2024, kadis, masuk_sebagai):
    client = masuk_sebagai(kadis)
    kode = [t.kode for t in periksa_lkjip(dinas(), 2024).peringatan][:2]
    tanpa_catatan = client.post("/capaian/lkjip/2024/pemeriksaan/", {"kode": kode, "catatan": " "})
    assert "Tulis catatan tanggapan" in tanpa_catatan.content.decode()
    assert not TanggapanPeringatan.objects.exists()
    respons = client.post(
        "/capaian/lkjip/2024/pemeriksaan/", {"kode": kode, "catatan": "Target diisi pada revisi PK."}
    )
    assert respons.status_code == 302
    hasil = periksa_lkjip(dinas(), 2024)
    dijawab = [t for t in hasil.peringatan if t.tanggapan]
    assert {t.kode for t in dijawab} == set(kode)
    assert dijawab[0].tanggapan.catatan == "Target diisi pada revisi PK."
    assert "Target diisi pada revisi PK." in client.get("/capaian/lkjip/2024/pemeriksaan/").content.decode()


def test_all_unanswered_warnings_can_be_answered_at_once(tahun_2024, kadis, masuk_sebagai):
    masuk_sebagai(kadis).post("/capaian/lkjip/2024/pemeriksaan/", {"semua": "1", "catatan": "Sudah dibahas."})
    hasil = periksa_lkjip(dinas(), 2024)
    # 14 of the data, 3 of the cascade check (two Renstra sasaran without a sasaran daerah, the
    # Sekretaris's line without a higher line), 5 written targets read by a choice (the line of two
    # indicators of 3.32.04 is two).
    assert len(hasil.peringatan) == 22 and not hasil.belum_ditanggapi
    assert sum(t.kode.startswith("kaskade-") for t in hasil.peringatan) == 3
    assert hasil.galat  # answering warnings does not clear errors


def test_a_note_no_longer_answers_a_warning_whose_figures_changed(tahun_2024, kadis):
    from capaian.terbitan import tanggapi_peringatan

    kode = "tertulis-2.07.01.2.06-pagu_murni"
    tanggapi_peringatan(instansi=dinas(), tahun=2024, kode=[kode], catatan="Salah ketik di DPA.", user=kadis)
    assert kode not in _kode(periksa_lkjip(dinas(), 2024).belum_ditanggapi)
    with pytest.raises(ValidationError, match="sudah ditanggapi"):
        tanggapi_peringatan(instansi=dinas(), tahun=2024, kode=[kode], catatan="Ditimpa.", user=kadis)
    a = AnggaranSubKegiatan.objects.get(tahun=2024, sub_kegiatan__kode="2.07.01.2.06.0001")
    AnggaranSubKegiatan.objects.filter(pk=a.pk).update(pagu_murni=a.pagu_murni + 1000)
    assert kode in _kode(periksa_lkjip(dinas(), 2024).belum_ditanggapi)
    tanggapi_peringatan(instansi=dinas(), tahun=2024, kode=[kode], catatan="Dicek ulang.", user=kadis)
    assert TanggapanPeringatan.objects.get(kode=kode).catatan == "Dicek ulang."


def test_an_unknown_warning_cannot_be_answered(tahun_2024, kadis, masuk_sebagai):
    respons = masuk_sebagai(kadis).post(
        "/capaian/lkjip/2024/pemeriksaan/", {"kode": ["bukan-peringatan"], "catatan": "x"}
    )
    assert "sudah tidak ada" in respons.content.decode()
    assert not TanggapanPeringatan.objects.exists()


@pytest.mark.parametrize("persona", ["inspektorat", "operator_naker"])
def test_only_the_kepala_dinas_answers_warnings(tahun_2024, persona, masuk_sebagai, request):
    pengguna = request.getfixturevalue(persona)
    kode = [t.kode for t in periksa_lkjip(dinas(), 2024).peringatan][:1]
    respons = masuk_sebagai(pengguna).post(
        "/capaian/lkjip/2024/pemeriksaan/", {"kode": kode, "catatan": "Tidak berhak."}
    )
    assert respons.status_code == 403
    assert not TanggapanPeringatan.objects.exists()


@pytest.mark.parametrize("persona", ["operator_naker", "kabid_naker"])
def test_other_units_do_not_see_the_check(tahun_2024, persona, masuk_sebagai, request):
    assert (
        masuk_sebagai(request.getfixturevalue(persona)).get("/capaian/lkjip/2024/pemeriksaan/").status_code
        == 403
    )


def test_inspektorat_reads_the_check(tahun_2024, inspektorat, masuk_sebagai):
    halaman = masuk_sebagai(inspektorat).get("/capaian/lkjip/2024/pemeriksaan/").content.decode()
    assert "Perencana Ahli Muda, baris 3" in halaman
    assert 'name="kode"' not in halaman


def _tautan_temuan(halaman):
    """(href, label) of every link in the two findings tables."""
    tabel = re.findall(r'<table class="tabel" id="daftar-(?:galat|peringatan)">(.*?)</table>', halaman, re.S)
    return re.findall(r'<a href="([^"]+)">([^<]+)</a>', "".join(tabel))


def _ikuti(client, tautan):
    return {href: client.get(href).status_code for href, _ in tautan}


def test_the_sekretariat_operator_gets_links_only_to_its_own_units(tahun_2024, masuk_sebagai):
    from nakertrans.models import Pengguna, UnitKerja

    client = masuk_sebagai(Pengguna.objects.get(username="operator_sekretariat"))
    halaman = client.get("/capaian/lkjip/2024/pemeriksaan/").content.decode()
    # every finding is listed, those of other units too ...
    assert "Kepala Bidang Transmigrasi, baris 1" in halaman and "Kepala Bidang Ketenagakerjaan" in halaman
    tautan = _tautan_temuan(halaman)
    # ... but only the Sekretariat's (and its Subbagian's) entry pages are linked, to be filled
    unit_isian = {int(h.split("/")[-2]) for h, _ in tautan if h.startswith("/capaian/isian/")}
    sendiri = set(
        UnitKerja.objects.filter(nama__in=["Sekretariat", "Subbagian Umum dan Kepegawaian"]).values_list(
            "pk", flat=True
        )
    )
    assert unit_isian == sendiri
    assert {label for h, label in tautan if h.startswith("/capaian/isian/")} == {"Isi"}
    assert set(_ikuti(client, tautan).values()) == {200}


def test_readers_of_every_unit_get_view_links_and_no_admin_pages_without_staff(
    tahun_2024, kadis, masuk_sebagai
):
    SkalaPredikat.objects.update(aktif=False)  # a warning whose fix is on an admin page
    client = masuk_sebagai(kadis)
    halaman = client.get("/capaian/lkjip/2024/pemeriksaan/").content.decode()
    assert "Belum ada skala predikat yang dipakai" in halaman
    tautan = _tautan_temuan(halaman)
    assert not [h for h, _ in tautan if h.startswith("/admin/")]
    isian = [label for h, label in tautan if h.startswith("/capaian/isian/")]
    assert len(isian) == 11 and set(isian) == {"Lihat isian"}  # the Kepala Dinas reads, does not fill
    assert set(_ikuti(client, tautan).values()) == {200}


def test_staff_with_the_permission_keep_the_admin_links(tahun_2024, inspektorat, masuk_sebagai):
    SkalaPredikat.objects.update(aktif=False)
    client = masuk_sebagai(inspektorat)
    tautan = _tautan_temuan(client.get("/capaian/lkjip/2024/pemeriksaan/").content.decode())
    assert ("/admin/capaian/skalapredikat/", "Atur skala") in tautan
    assert set(_ikuti(client, tautan).values()) == {200}


def test_an_incomplete_formula_quarter_of_the_kepala_dinas_is_an_error(tahun_2024):
    from capaian.models import NilaiKomponenTriwulan

    tpt = BarisPK.objects.get(
        perjanjian__tahun=2024,
        perjanjian__status="final",
        perjanjian__jabatan__tingkat_pk=1,
        indikator__nama__iexact="Tingkat pengangguran terbuka",
    )
    r = RealisasiTriwulan.objects.get(baris=tpt, triwulan=4)
    NilaiKomponenTriwulan.objects.filter(realisasi=r).first().delete()  # one component left: no value
    temuan = [t for t in periksa_lkjip(dinas(), 2024).galat if t.kode == f"belum-lengkap-{tpt.pk}"]
    assert len(temuan) == 1 and "isian triwulan 4 belum lengkap" in temuan[0].pesan


def test_the_written_targets_that_read_as_numbers_only_by_a_choice_are_listed(tahun_2024):
    hasil = periksa_lkjip(dinas(), 2024)
    tertulis = {t.kode: t.pesan for t in hasil.peringatan if t.kode.startswith("target-tertulis-")}
    assert sorted(tertulis) == [
        "target-tertulis-2.07.01.2.01",
        "target-tertulis-3.32.03",
        "target-tertulis-3.32.04",
        "target-tertulis-3.32.04-2",
        "target-tertulis-3.32.04.2.01",
    ]
    assert (
        "tertulis «7,94% %»: dibaca 7,94 %: satuan «%» tertulis dua kali."
        in tertulis["target-tertulis-3.32.03"]
    )
    assert "dua indikator dalam satu baris" in tertulis["target-tertulis-3.32.04"]
    assert "target 61,50 %" in tertulis["target-tertulis-3.32.04-2"]
    assert (
        "dibaca 1,05 Indeks: titik pada «1.05» dibaca sebagai tanda desimal"
        in tertulis["target-tertulis-3.32.04.2.01"]
    )
    assert "nilai 75,50 berpredikat BB" in tertulis["target-tertulis-2.07.01.2.01"]
