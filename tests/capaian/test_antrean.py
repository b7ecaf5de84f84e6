"""The LKjIP's PDF is a task of the database queue run by `manage.py db_worker`: a worker killed while
it renders leaves a job that is shown as stopped within a minute, its task row is closed as failed,
and a new draft made by another worker succeeds."""

import os
import signal
import subprocess
import sys
import time

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django_tasks_db.models import DBTaskResult

from capaian.management.commands.ukur_halaman import url_basis_data
from capaian.models import PembuatanLKjIP
from capaian.terbitan import keadaan, mulai_pembuatan, pembuatan_ringan
from nakertrans.demo import dinas
from nakertrans.models import Pengguna

DIAM = 3  # seconds without a heartbeat after which a job is dead (production: 60)


def _pekerja():
    env = {
        **os.environ,
        "DEBUG": "1",
        "DJANGO_SETTINGS_MODULE": "nakertrans.settings",
        "DATABASE_URL": url_basis_data(connection.vendor, connection.settings_dict),
        "SAKIP_DETAK_DETIK": "1",
        "SAKIP_BATAS_DIAM_DETIK": str(DIAM),
    }
    perintah = [
        sys.executable, "manage.py", "db_worker", "--queue-name", "*", "--interval", "0.2",
        "--no-startup-delay", "--no-reload", "--verbosity", "0",
    ]  # fmt: skip
    return subprocess.Popen(perintah, cwd=django_settings.BASE_DIR, env=env, start_new_session=True)


def _tunggu(syarat, batas, pesan):
    akhir = time.monotonic() + batas
    while time.monotonic() < akhir:
        hasil = syarat()
        if hasil:
            return hasil
        time.sleep(0.05)
    pytest.fail(pesan)


def _status(pk):
    return PembuatanLKjIP.objects.values_list("status", flat=True).get(pk=pk)


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_while_it_renders_leaves_a_stopped_job_and_a_new_draft_succeeds(
    realisasi_2024, antrean_db, settings
):
    settings.SAKIP_BATAS_DIAM_DETIK = DIAM
    kadis = Pengguna.objects.get(username="kadis")
    pekerja = _pekerja()
    try:
        pertama = mulai_pembuatan(instansi=dinas(), tahun=2024, jenis="draf", user=kadis)
        _tunggu(lambda: _status(pertama.pk) == "berjalan", 60, "pekerja tidak mengambil tugas")
        os.killpg(pekerja.pid, signal.SIGKILL)  # the worker and nothing else: no clean shutdown
        pekerja.wait(timeout=10)
        mati = time.monotonic()
        assert _status(pertama.pk) == "berjalan"
        assert DBTaskResult.objects.get(pk=pertama.id_tugas).status == "RUNNING"
        # The page that polls the job says it stopped, within a minute.
        _tunggu(
            lambda: keadaan(pembuatan_ringan().get(pk=pertama.pk))["status"] == "terhenti",
            60,
            "pekerjaan yang pekerjanya mati tidak dilaporkan terhenti",
        )
        assert time.monotonic() - mati < 60

        pekerja = _pekerja()
        kedua = mulai_pembuatan(instansi=dinas(), tahun=2024, jenis="draf", user=kadis)
        assert kedua.pk != pertama.pk
        # The dead job and its task row are closed as failed.
        assert _status(pertama.pk) == "gagal"
        assert DBTaskResult.objects.get(pk=pertama.id_tugas).status == "FAILED"
        _tunggu(lambda: _status(kedua.pk) in ("selesai", "gagal"), 180, "draf kedua tidak selesai")
        kedua = PembuatanLKjIP.objects.get(pk=kedua.pk)
        assert kedua.status == "selesai" and bytes(kedua.isi).startswith(b"%PDF")
        assert DBTaskResult.objects.get(pk=kedua.id_tugas).status == "SUCCESSFUL"
    finally:
        if pekerja.poll() is None:
            os.killpg(pekerja.pid, signal.SIGTERM)
            pekerja.wait(timeout=30)
