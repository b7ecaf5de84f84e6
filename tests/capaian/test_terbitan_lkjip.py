"""Generating the LKjIP in the background, publishing immutable versions, and the Inspektorat's downloads."""

import datetime
import hashlib
import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils import timezone

from capaian.models import PembuatanLKjIP, TerbitanLKjIP
from capaian.narasi import simpan_narasi
from capaian.terbitan import buat_pdf, nomor_berikut, terbitkan_lkjip
from nakertrans.demo import dinas
from tests.pdf_teks import teks_pdf

URL = "/capaian/lkjip/2024/"


def _terbitkan(client, nomor=None):
    nomor = nomor or nomor_berikut(dinas(), 2024)
    return client.post(f"{URL}buat/", {"jenis": "terbitan", "nomor": nomor}, HTTP_HX_REQUEST="true")


def test_publishing_is_refused_while_the_check_has_errors(realisasi_2024, kadis, masuk_sebagai):
    client = masuk_sebagai(kadis)
    halaman = client.get(URL).content.decode()
    assert "belum dapat diterbitkan" in halaman and "disabled" in halaman
    respons = _terbitkan(client)
    assert re.search(r"belum dapat diterbitkan: pemeriksaan menemukan \d+ galat", respons.content.decode())
    assert not TerbitanLKjIP.objects.exists() and not PembuatanLKjIP.objects.exists()
    with pytest.raises(ValidationError, match="galat"):
        terbitkan_lkjip(instansi=dinas(), tahun=2024, nomor=1, isi=b"%PDF-", user=kadis)
    assert not TerbitanLKjIP.objects.exists()


def test_publishing_is_refused_while_a_warning_is_unanswered(siap_terbit, kadis):
    from capaian.models import TanggapanPeringatan

    TanggapanPeringatan.objects.filter(kode__startswith="tertulis-").delete()
    with pytest.raises(ValidationError, match="3 peringatan belum ditanggapi"):
        terbitkan_lkjip(instansi=dinas(), tahun=2024, nomor=1, isi=b"%PDF-", user=kadis)


def test_kepala_dinas_publishes_and_the_inspektorat_downloads_the_identical_file(
    siap_terbit, kadis, inspektorat, client
):
    client.force_login(kadis)
    respons = _terbitkan(client)
    terbitan = TerbitanLKjIP.objects.get()
    isi = bytes(terbitan.isi)
    assert terbitan.nomor == 1 and terbitan.diterbitkan_oleh == kadis
    assert terbitan.sha256 == hashlib.sha256(isi).hexdigest() and terbitan.ukuran == len(isi)
    assert terbitan.sha256 in respons.content.decode()
    assert "Diketahui; dijelaskan dalam BAB III." in terbitan.tanggapan  # the answered warnings, as published
    teks = teks_pdf(isi)
    assert "Versi terbitan 1" in teks and "DRAF" not in teks
    assert "108,33 %" in teks and "19700914 199203 1 003" in teks

    client.force_login(inspektorat)
    halaman = client.get(URL).content.decode()
    sha_di_halaman = re.search(r'<code class="sha">([0-9a-f]{64})</code>', halaman).group(1)
    assert "Buat draf PDF" not in halaman and "Terbitkan" not in halaman
    unduhan = client.get(f"/capaian/lkjip/terbitan/{terbitan.pk}/berkas.pdf")
    assert unduhan["Content-Disposition"] == 'attachment; filename="LKjIP-disnakertrans-2024-versi-1.pdf"'
    assert unduhan.content == isi
    assert hashlib.sha256(unduhan.content).hexdigest() == sha_di_halaman


def test_a_second_publication_is_version_two_and_the_first_stays_as_it_was(siap_terbit, kadis, client):
    client.force_login(kadis)
    _terbitkan(client)
    pertama = TerbitanLKjIP.objects.get(nomor=1)
    _terbitkan(client)
    assert list(TerbitanLKjIP.objects.order_by("nomor").values_list("nomor", flat=True)) == [1, 2]
    assert TerbitanLKjIP.objects.get(nomor=1).sha256 == pertama.sha256
    with pytest.raises(ValidationError, match="sudah diterbitkan"):
        terbitkan_lkjip(instansi=dinas(), tahun=2024, nomor=2, isi=b"%PDF-", user=kadis)
    # a page still showing «Terbitkan versi 2» does not publish a version 3 the Kepala Dinas never saw
    respons = _terbitkan(client, nomor=2)
    assert "baru saja diterbitkan" in respons.content.decode()
    assert TerbitanLKjIP.objects.count() == 2


def test_a_published_version_cannot_be_changed_or_deleted(siap_terbit, kadis, admin, client):
    terbitan = terbitkan_lkjip(instansi=dinas(), tahun=2024, nomor=1, isi=b"%PDF-1.7 uji", user=kadis)
    terbitan.isi = b"lain"
    with pytest.raises(ValidationError, match="tidak dapat diubah"):
        terbitan.save()
    with pytest.raises(ValidationError, match="tidak dapat dihapus"):
        terbitan.delete()
    client.force_login(admin)
    ubah = client.post(f"/admin/capaian/terbitanlkjip/{terbitan.pk}/change/", {"tahun": 2025})
    hapus = client.post(f"/admin/capaian/terbitanlkjip/{terbitan.pk}/delete/", {"post": "yes"})
    assert ubah.status_code == 403 and hapus.status_code == 403
    assert bytes(TerbitanLKjIP.objects.get().isi) == b"%PDF-1.7 uji"


def test_a_stored_file_that_no_longer_matches_its_sha256_is_not_served(
    siap_terbit, kadis, inspektorat, client
):
    terbitan = terbitkan_lkjip(instansi=dinas(), tahun=2024, nomor=1, isi=b"%PDF-1.7 uji", user=kadis)
    _ubah_langsung(terbitan.pk, b"%PDF-1.7 diubah")
    client.force_login(inspektorat)
    respons = client.get(f"/capaian/lkjip/terbitan/{terbitan.pk}/berkas.pdf", follow=True)
    assert respons.headers["Content-Type"].startswith("text/html")
    assert "tidak cocok dengan sidik SHA-256" in respons.content.decode()


@pytest.mark.parametrize("persona", ["operator_naker", "inspektorat", "admin"])
def test_only_the_kepala_dinas_publishes(siap_terbit, persona, request, client):
    client.force_login(request.getfixturevalue(persona))
    respons = client.post(f"{URL}buat/", {"jenis": "terbitan"})
    assert respons.status_code == 403
    assert not TerbitanLKjIP.objects.exists()


@pytest.mark.parametrize("persona", ["operator_naker", "inspektorat"])
def test_drafts_are_for_those_who_write_the_report(realisasi_2024, persona, request, client):
    client.force_login(request.getfixturevalue(persona))
    assert client.post(f"{URL}buat/", {"jenis": "draf"}).status_code == 403
    assert not PembuatanLKjIP.objects.exists()


def test_a_draft_is_made_in_the_background_and_the_page_polls_it(realisasi_2024, kadis, client, antrean_db):
    from django_tasks_db.models import DBTaskResult

    client.force_login(kadis)
    respons = client.post(f"{URL}buat/", {"jenis": "draf"}, HTTP_HX_REQUEST="true").content.decode()
    pekerjaan = PembuatanLKjIP.objects.get()
    # The request only queued the job: no PDF was made while the worker held the request.
    assert pekerjaan.status == "antre" and pekerjaan.isi is None
    assert 'hx-trigger="every 1s"' in respons and "Menunggu giliran" in respons
    # A second click while it runs joins the same job.
    client.post(f"{URL}buat/", {"jenis": "draf"}, HTTP_HX_REQUEST="true")
    assert PembuatanLKjIP.objects.count() == 1
    # One task in the queue's «pdf» queue, waiting for a worker.
    [tugas] = DBTaskResult.objects.all()
    assert (tugas.queue_name, tugas.status, tugas.args_kwargs["args"]) == ("pdf", "READY", [pekerjaan.pk])
    assert PembuatanLKjIP.objects.get().id_tugas == str(tugas.pk)

    buat_pdf(pekerjaan.pk)  # what the worker runs
    status = client.get(f"/capaian/lkjip/pembuatan/{pekerjaan.pk}/").content.decode()
    assert "every 1s" not in status and "Pratinjau draf" in status
    pratinjau = client.get(f"/capaian/lkjip/pembuatan/{pekerjaan.pk}/berkas.pdf")
    assert pratinjau["Content-Disposition"].startswith("inline;")
    assert pratinjau.content.startswith(b"%PDF") and "DRAF" in teks_pdf(pratinjau.content)
    unduh = client.get(f"/capaian/lkjip/pembuatan/{pekerjaan.pk}/berkas.pdf?unduh=1")
    assert unduh["Content-Disposition"].startswith("attachment;")


def test_progress_is_estimated_from_the_last_run_and_a_silent_job_is_reported_stopped(
    realisasi_2024, kadis, client, antrean_db
):
    sekarang = timezone.now()
    PembuatanLKjIP.objects.create(
        instansi=dinas(),
        tahun=2024,
        jenis="draf",
        status="selesai",
        diminta_oleh=kadis,
        mulai_pada=sekarang - datetime.timedelta(seconds=100),
        selesai_pada=sekarang - datetime.timedelta(seconds=80),
    )
    berjalan = PembuatanLKjIP.objects.create(
        instansi=dinas(),
        tahun=2024, jenis="draf", status="berjalan", tahap="Menata halaman", diminta_oleh=kadis,
        mulai_pada=sekarang - datetime.timedelta(seconds=10),
    )  # fmt: skip
    client.force_login(kadis)
    status = client.get(f"/capaian/lkjip/pembuatan/{berjalan.pk}/").content.decode()
    persen = int(re.search(r'<progress max="100" value="(\d+)"', status).group(1))
    assert 45 <= persen <= 60 and "Menata halaman" in status  # 10 s of a run that last took 20 s
    PembuatanLKjIP.objects.filter(pk=berjalan.pk).update(
        diperbarui_pada=sekarang - datetime.timedelta(hours=1)
    )
    status = client.get(f"/capaian/lkjip/pembuatan/{berjalan.pk}/").content.decode()
    assert "terhenti" in status and "every 1s" not in status
    # and a new request starts a new job instead of waiting on the dead one
    client.post(f"{URL}buat/", {"jenis": "draf"})
    assert PembuatanLKjIP.objects.filter(status="antre").count() == 1


def test_a_failing_render_ends_the_job_with_a_message_not_a_500(realisasi_2024, kadis, client, monkeypatch):
    client.force_login(kadis)
    client.post(f"{URL}buat/", {"jenis": "draf"})
    pekerjaan = PembuatanLKjIP.objects.get()

    def rusak(html):
        raise RuntimeError("fon hilang")

    monkeypatch.setattr("capaian.terbitan.html_ke_pdf", rusak)
    buat_pdf(pekerjaan.pk)
    status = client.get(f"/capaian/lkjip/pembuatan/{pekerjaan.pk}/")
    assert status.status_code == 200
    assert "gagal" in status.content.decode() and "sudah dicatat" in status.content.decode()
    assert client.get(f"/capaian/lkjip/pembuatan/{pekerjaan.pk}/berkas.pdf").status_code == 404


def test_cetak_lkjip_writes_a_published_version_byte_for_byte(siap_terbit, kadis, tmp_path):
    terbitan = terbitkan_lkjip(
        instansi=dinas(), tahun=2024, nomor=1, isi=b"%PDF-1.7 terbitan uji", user=kadis
    )
    berkas = tmp_path / "terbitan.pdf"
    keluaran = io.StringIO()
    call_command("cetak_lkjip", "2024", str(berkas), "--terbitan", "1", stdout=keluaran)
    assert berkas.read_bytes() == b"%PDF-1.7 terbitan uji"
    assert terbitan.sha256 in keluaran.getvalue()
    with pytest.raises(CommandError, match="Tidak ada terbitan versi 2"):
        call_command("cetak_lkjip", "2024", str(berkas), "--terbitan", "2", stdout=io.StringIO())


def test_lkjip_page_is_closed_to_roles_without_it(realisasi_2024, client):
    from nakertrans.models import Pengguna

    pengguna = Pengguna.objects.create_user("tanpa_peran", password="x")
    client.force_login(pengguna)
    assert client.get(URL).status_code == 403
    assert client.get("/capaian/lkjip/").status_code == 403


def test_lkjip_page_query_count_does_not_grow_with_rows(siap_terbit, kadis, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from capaian.models import RealisasiTriwulan
    from perjanjian.models import BarisPK, PerjanjianKinerja

    client.force_login(kadis)
    terbitkan_lkjip(instansi=dinas(), tahun=2024, nomor=1, isi=b"%PDF-1.7 satu", user=kadis)
    with CaptureQueriesContext(connection) as awal:
        assert client.get(URL).status_code == 200
    pk = PerjanjianKinerja.objects.get(tahun=2024, jabatan__nama="Kepala Bidang Transmigrasi", status="final")
    indikator, induk = pk.baris.first().indikator, pk.baris.first().induk
    for n in range(10, 25):
        b = BarisPK.objects.create(
            perjanjian=pk, urutan=n, sasaran="Uji", indikator=indikator, target_angka=1, induk=induk
        )
        RealisasiTriwulan.objects.create(baris=b, triwulan=1, realisasi_angka=1)
    terbitkan_lkjip(instansi=dinas(), tahun=2024, nomor=2, isi=b"%PDF-1.7 dua", user=kadis)
    for bagian in ("kata_pengantar", "penutup"):
        simpan_narasi(
            instansi=dinas(), tahun=2024, bagian=bagian, indikator=None, teks="Teks.", versi=None, user=kadis
        )
    with CaptureQueriesContext(connection) as sesudah:
        assert client.get(URL).status_code == 200
    assert len(sesudah) == len(awal)


def _ubah_langsung(pk, isi):
    """Change a stored file behind the application's back, as a tampering database user would."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as kursor:
            # a superuser can switch triggers off for the session: the served bytes are checked anyway
            kursor.execute("SET session_replication_role = replica")
            kursor.execute("UPDATE capaian_terbitanlkjip SET isi = %s WHERE id = %s", [isi, pk])
            kursor.execute("SET session_replication_role = DEFAULT")
    else:
        with connection.cursor() as kursor:
            kursor.execute("UPDATE capaian_terbitanlkjip SET isi = %s WHERE id = %s", [isi, pk])


def test_bulk_and_raw_changes_to_a_published_version_are_refused(siap_terbit, kadis):
    from django.db import DatabaseError, connection, transaction

    terbitan = terbitkan_lkjip(instansi=dinas(), tahun=2024, nomor=1, isi=b"%PDF-1.7 uji", user=kadis)
    with pytest.raises(ValidationError, match="tidak dapat diubah"):
        TerbitanLKjIP.objects.filter(pk=terbitan.pk).update(isi=b"lain")
    with pytest.raises(ValidationError, match="tidak dapat dihapus"):
        TerbitanLKjIP.objects.all().delete()
    if connection.vendor == "postgresql":
        # the production database refuses even SQL typed by hand (SQLite, the developer's, has no trigger)
        for sql, parameter in [
            ("UPDATE capaian_terbitanlkjip SET isi = %s WHERE id = %s", [b"lain", terbitan.pk]),
            ("DELETE FROM capaian_terbitanlkjip WHERE id = %s", [terbitan.pk]),
        ]:
            with pytest.raises(DatabaseError, match="tidak dapat diubah atau dihapus"), transaction.atomic():
                with connection.cursor() as kursor:
                    kursor.execute(sql, parameter)
    assert bytes(TerbitanLKjIP.objects.get().isi) == b"%PDF-1.7 uji"


def test_draft_file_name_carries_the_local_time_the_page_shows(kadis, client):
    pekerjaan = PembuatanLKjIP.objects.create(
        instansi=dinas(), tahun=2024, jenis="draf", status="selesai", isi=b"%PDF-1.7 draf", diminta_oleh=kadis
    )
    # 18.24 UTC on 31 January is 01.24 WIB on 1 February, as the page prints it
    PembuatanLKjIP.objects.filter(pk=pekerjaan.pk).update(
        dibuat_pada=datetime.datetime(2025, 1, 31, 18, 24, tzinfo=datetime.UTC)
    )
    client.force_login(kadis)
    assert "1 Februari 2025 01.24" in client.get(f"/capaian/lkjip/pembuatan/{pekerjaan.pk}/").content.decode()
    respons = client.get(f"/capaian/lkjip/pembuatan/{pekerjaan.pk}/berkas.pdf?unduh=1")
    assert (
        respons["Content-Disposition"]
        == 'attachment; filename="LKjIP-disnakertrans-2024-DRAF-20250201-0124.pdf"'
    )


def test_published_sizes_read_as_kilobytes(kadis, inspektorat, client):
    isi = b"%PDF-1.7 " + b"x" * (130_807 - 9)
    TerbitanLKjIP.objects.create(
        instansi=dinas(),
        tahun=2024,
        nomor=1,
        isi=isi,
        sha256=hashlib.sha256(isi).hexdigest(),
        ukuran=len(isi),
        diterbitkan_oleh=kadis,
        diterbitkan_pada=timezone.now(),
    )
    client.force_login(inspektorat)
    halaman = client.get(URL).content.decode()
    assert '<td class="angka">127,7 KB</td>' in halaman and "130.807" not in halaman


def _pekerjaan_berjalan(kadis, diam_detik):
    pekerjaan = PembuatanLKjIP.objects.create(
        instansi=dinas(),
        tahun=2024,
        jenis="draf",
        status="berjalan",
        tahap="Menata halaman dan menulis PDF",
        diminta_oleh=kadis,
        mulai_pada=timezone.now() - datetime.timedelta(minutes=5),
    )
    PembuatanLKjIP.objects.filter(pk=pekerjaan.pk).update(
        diperbarui_pada=timezone.now() - datetime.timedelta(seconds=diam_detik)
    )
    return pekerjaan


def test_a_job_whose_heartbeat_stopped_a_minute_ago_is_stopped_and_replaced(
    realisasi_2024, kadis, client, antrean_db
):
    mati = _pekerjaan_berjalan(kadis, diam_detik=90)
    client.force_login(kadis)
    status = client.get(f"/capaian/lkjip/pembuatan/{mati.pk}/").content.decode()
    assert "terhenti" in status and "every 1s" not in status and "Menata halaman" not in status
    respons = client.post(f"{URL}buat/", {"jenis": "draf"}, HTTP_HX_REQUEST="true").content.decode()
    baru = PembuatanLKjIP.objects.exclude(pk=mati.pk).get()
    assert baru.status == "antre" and f"pembuatan-{baru.pk}" in respons
    mati.refresh_from_db()
    assert mati.status == "gagal" and "Terhenti" in mati.pesan and mati.selesai_pada is not None


def test_a_job_with_a_recent_heartbeat_is_still_running_and_joined(realisasi_2024, kadis, client):
    hidup = _pekerjaan_berjalan(kadis, diam_detik=30)
    client.force_login(kadis)
    status = client.get(f"/capaian/lkjip/pembuatan/{hidup.pk}/").content.decode()
    assert "every 1s" in status and "Menata halaman" in status
    client.post(f"{URL}buat/", {"jenis": "draf"})
    assert list(PembuatanLKjIP.objects.values_list("pk", "status")) == [(hidup.pk, "berjalan")]


def test_a_job_waiting_in_the_queue_is_not_taken_for_dead(realisasi_2024, kadis, client, antrean_db):
    """Forty offices drafting at once: a job waits minutes for a worker, silent, and is still alive."""
    client.force_login(kadis)
    client.post(f"{URL}buat/", {"jenis": "draf"})
    menunggu = PembuatanLKjIP.objects.get()
    PembuatanLKjIP.objects.filter(pk=menunggu.pk).update(
        diperbarui_pada=timezone.now() - datetime.timedelta(minutes=10)
    )
    status = client.get(f"/capaian/lkjip/pembuatan/{menunggu.pk}/").content.decode()
    assert "terhenti" not in status and "every 1s" in status
    client.post(f"{URL}buat/", {"jenis": "draf"})
    assert list(PembuatanLKjIP.objects.values_list("pk", "status")) == [(menunggu.pk, "antre")]


def test_a_job_whose_task_fell_silent_is_stopped_and_replaced(realisasi_2024, kadis, client, antrean_db):
    from django_tasks_db.models import DBTaskResult

    from tests.antrean import tugas_berjalan

    client.force_login(kadis)
    client.post(f"{URL}buat/", {"jenis": "draf"})
    mati = PembuatanLKjIP.objects.get()
    tugas_berjalan(mati.id_tugas, detak_detik_lalu=61)
    PembuatanLKjIP.objects.filter(pk=mati.pk).update(status="berjalan", diperbarui_pada=timezone.now())
    status = client.get(f"/capaian/lkjip/pembuatan/{mati.pk}/").content.decode()
    assert "terhenti" in status and "every 1s" not in status
    client.post(f"{URL}buat/", {"jenis": "draf"})
    mati.refresh_from_db()
    assert mati.status == "gagal" and "Terhenti" in mati.pesan
    assert DBTaskResult.objects.get(pk=mati.id_tugas).status == "FAILED"
    assert PembuatanLKjIP.objects.exclude(pk=mati.pk).get().status == "antre"
