from django.urls import reverse

from nakertrans.models import UnitKerja


def test_kepala_dinas_home_shows_matrix_waiting_and_capaian_with_chart(masuk_sebagai, kadis, realisasi_2024):
    from nakertrans.models import Pengajuan

    Pengajuan.objects.create(
        jenis="anggaran",
        tahun=2024,
        periode=3,
        unit_kerja=UnitKerja.objects.get(nama="Bidang Transmigrasi"),
        status="diajukan",
    )
    respons = masuk_sebagai(kadis).get(reverse("beranda"))
    halaman = respons.content.decode()
    assert "Status isian realisasi kinerja 2024" in halaman
    assert "Anggaran Bidang Transmigrasi · bulan 3 2024" in halaman
    # The chart of each main indicator: its bars labelled, a value axis up to a round number (72 -> 80).
    assert "<svg" in halaman and "Capaian 59,86 % Cukup" in halaman and ">43,10</text>" in halaman
    assert ">72,00</text>" in halaman and ">80</text>" in halaman
    assert "108,33 %" in halaman and "Sangat Baik" in halaman


def test_operator_home_lists_tasks_and_returned_items(masuk_sebagai, operator_naker, perencanaan):
    from nakertrans import workflow

    naker = UnitKerja.objects.get(nama="Bidang Ketenagakerjaan")
    p = workflow.ambil_pengajuan(jenis="kinerja", tahun=2024, periode=1, unit_kerja=naker)
    p.status, p.catatan = "dikembalikan", "Bukti belum lengkap"
    p.save()
    halaman = masuk_sebagai(operator_naker).get(reverse("beranda")).content.decode()
    assert "Dikembalikan untuk diperbaiki" in halaman and "Bukti belum lengkap" in halaman
    assert "Bidang Ketenagakerjaan · triwulan IV" in halaman


def test_inspektorat_home_shows_capaian_read_only(masuk_sebagai, inspektorat, realisasi_2024):
    halaman = masuk_sebagai(inspektorat).get(reverse("beranda")).content.decode()
    assert "Capaian kinerja 2024" in halaman and "59,86 %" in halaman
    assert 'name="realisasi"' not in halaman


def test_kadis_home_query_count_is_constant(masuk_sebagai, kadis, realisasi_2024):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from perjanjian.models import BarisPK, PerjanjianKinerja

    client = masuk_sebagai(kadis)
    with CaptureQueriesContext(connection) as awal:
        client.get(reverse("beranda"))
    pk = PerjanjianKinerja.objects.get(tahun=2024, jabatan__nama="Kepala Bidang Transmigrasi")
    for i in range(4):
        BarisPK.objects.create(
            perjanjian=pk, urutan=10 + i, sasaran="x", indikator=pk.baris.first().indikator, target_angka=1
        )
    with CaptureQueriesContext(connection) as akhir:
        client.get(reverse("beranda"))
    assert len(akhir) == len(awal)
