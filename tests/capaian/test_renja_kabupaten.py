"""Bappeda's list of every office's Evaluasi Renja form of a triwulan: status, rata-rata capaian and
serapan per office, a combined xlsx; its queries do not grow with the offices."""

import io
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from capaian import services_renja
from nakertrans.models import Pengajuan, Pengguna
from tests.opd_kedua import buat_opd

URL = reverse("kabupaten:renja_triwulan", args=[2024, 4])


def _teks(respons):
    assert respons.status_code == 200, respons.status_code
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", respons.content.decode()))


def test_every_office_with_its_status_capaian_and_serapan(client, kantor):
    client.force_login(Pengguna.objects.get(username="bappeda"))
    teks = _teks(client.get(URL))
    # The Dinas: five units approved, notes not yet written; serapan of Tabel 30.
    assert "Dinas Tenaga Kerja dan Transmigrasi 5 dari 5 catatan belum disetujui" in teks
    assert "93,73 % Sangat Tinggi" in teks
    # The test office: its one unit approved; the mean of 100, 90 and (the letter has no %) = 95.
    assert (
        "Dinas Uji Renja 1 dari 1 catatan belum disetujui 95,00 % Sangat Tinggi 30,00 % Sangat Rendah" in teks
    )
    Pengajuan.objects.filter(jenis="renja", tahun=2024, periode=4, unit_kerja=kantor["bidang"]).update(
        status="diajukan"
    )
    teks = _teks(client.get(URL))
    assert "Dinas Uji Renja 0 dari 1 belum lengkap" in teks


def test_the_combined_xlsx_has_a_summary_and_a_sheet_per_office(client, kantor):
    kadis = Pengguna.objects.get(username="kadis")
    services_renja.simpan_catatan(
        user=kadis, instansi=kadis.instansi, tahun=2024, triwulan=4, isi={"faktor_pendorong": "Uji"}
    )
    services_renja.setujui_catatan(user=kadis, instansi=kadis.instansi, tahun=2024, triwulan=4)
    client.force_login(Pengguna.objects.get(username="bappeda"))
    buku = load_workbook(io.BytesIO(client.get(reverse("kabupaten:renja_xlsx", args=[2024, 4])).content))
    assert buku.sheetnames[0] == "Ringkasan"
    assert {"disnakertrans", "uji-renja"} <= set(buku.sheetnames)
    ringkasan = {r[1]: r for r in buku["Ringkasan"].iter_rows(min_row=2, values_only=True)}
    assert ringkasan["disnakertrans"][4] == "lengkap"
    assert ringkasan["disnakertrans"][7] == 93.73
    assert ringkasan["uji-renja"][5] == 95


def test_the_list_does_not_grow_with_the_offices(client, kantor):
    client.force_login(Pengguna.objects.get(username="bappeda"))
    with CaptureQueriesContext(connection) as sedikit:
        assert client.get(URL).status_code == 200
    for i in range(3):
        buat_opd(f"uji-{i}", f"Dinas Uji {i}")
    with CaptureQueriesContext(connection) as banyak:
        assert client.get(URL).status_code == 200
    assert len(banyak) == len(sedikit)


def test_only_the_kabupaten_roles_read_it(client, renja_2024):
    for username in ("kadis", "operator_naker", "admin"):
        client.force_login(Pengguna.objects.get(username=username))
        assert client.get(URL).status_code == 403


def test_a_unit_counts_as_approved_only_with_every_quarter_up_to_the_triwulan(client, kantor):
    Pengajuan.objects.filter(jenis="renja", tahun=2024, periode=2, unit_kerja=kantor["bidang"]).update(
        status="dikembalikan"
    )
    client.force_login(Pengguna.objects.get(username="bappeda"))
    assert "Dinas Uji Renja 0 dari 1 belum lengkap" in _teks(client.get(URL))
