from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from anggaran.models import AnggaranSubKegiatan, RealisasiAnggaran

URL = "/anggaran/realisasi/2024/"


def test_kepala_dinas_sees_the_whole_tabel_30_with_seed_totals(masuk_sebagai, kadis, anggaran_2024):
    respons = masuk_sebagai(kadis).get(URL)
    halaman = respons.content.decode()
    assert len(respons.context["baris"]) == 56
    assert "4.635.301.681" in halaman and "4.344.631.646" in halaman and "93,73" in halaman
    assert "Anggaran" in halaman  # the menu entry


def test_operator_trans_sees_only_transmigrasi_sub_kegiatan(masuk_sebagai, operator_trans, anggaran_2024):
    respons = masuk_sebagai(operator_trans).get(URL)
    kode = {b.nomenklatur.kode for b in respons.context["baris"]}
    assert kode and all(k.startswith("3.32") for k in kode)
    assert "2.07.04" not in respons.content.decode()
    assert respons.context["total"].pagu == 26999950 + 40155600


def test_triwulan_ii_counts_january_to_june(masuk_sebagai, kadis, anggaran_2024):
    respons = masuk_sebagai(kadis).get(URL, {"periode": "t2"})
    sampai_juni = sum(r.keuangan for r in RealisasiAnggaran.objects.filter(bulan__lte=6))
    assert respons.context["total"].realisasi == sampai_juni
    assert "Juni 2024" in respons.content.decode()


def test_nonsense_period_falls_back_to_the_whole_year(masuk_sebagai, kadis, anggaran_2024):
    respons = masuk_sebagai(kadis).get(URL, {"periode": "t9"})
    assert respons.status_code == 200
    assert respons.context["total"].realisasi == 4344631646


def test_anonymous_is_sent_to_login(client, anggaran_2024):
    assert client.get(URL).status_code == 302


def test_page_query_count_does_not_grow_with_sub_kegiatan(masuk_sebagai, kadis, anggaran_2024):
    client = masuk_sebagai(kadis)
    with CaptureQueriesContext(connection) as penuh:
        client.get(URL)
    dihapus = AnggaranSubKegiatan.objects.filter(sub_kegiatan__kode__startswith="2.07.01.")
    RealisasiAnggaran.objects.filter(anggaran__in=dihapus).delete()
    dihapus.delete()
    with CaptureQueriesContext(connection) as sedikit:
        respons = client.get(URL)
    assert len(respons.context["baris"]) < 56
    assert len(penuh) == len(sedikit)


def test_reverse_names_resolve():
    assert reverse("anggaran:realisasi_tahun", args=[2024]) == URL


def test_tabel_14_page_query_count_does_not_grow_with_sub_kegiatan(masuk_sebagai, kadis, anggaran_2024):
    client = masuk_sebagai(kadis)
    with CaptureQueriesContext(connection) as penuh:
        client.get("/anggaran/program-kegiatan/2024/")
    dihapus = AnggaranSubKegiatan.objects.filter(sub_kegiatan__kode__startswith="2.07.01.")
    RealisasiAnggaran.objects.filter(anggaran__in=dihapus).delete()
    dihapus.delete()
    with CaptureQueriesContext(connection) as sedikit:
        respons = client.get("/anggaran/program-kegiatan/2024/")
    assert len(respons.context["baris"]) < 56
    assert len(penuh) == len(sedikit)
