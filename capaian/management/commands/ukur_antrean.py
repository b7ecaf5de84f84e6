"""Benchmark of the pages while LKjIP drafts are made in the background: N drafts (one per office) are
queued at once and `db_worker` processes run them, and the pages of ukur_halaman are measured with the
workers running and with the workers paused (SIGSTOP), interleaved, on the same gunicorn, so that the
ratio of the p95s is that of the jobs alone. The memory of gunicorn's web workers is read before, during
and after: the PDFs are made in the workers of the queue, not in them.
"""

import asyncio
import contextlib
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils.crypto import get_random_string

from capaian.management.commands.ukur_halaman import (
    Gunicorn,
    buat_sesi,
    daftar_halaman,
    permintaan_http,
    ukur_sel,
    url_basis_data,
)
from capaian.models import PembuatanLKjIP
from capaian.terbitan import mulai_pembuatan
from nakertrans.format_id import format_angka
from nakertrans.models import Instansi, Pengguna
from nakertrans.peran import KEPALA_OPD

KLIEN = 5
# The pdf worker's CPU quota in the README's systemd unit (CPUQuota=50%, CPUQuotaPeriodSec=10ms): half
# a core, given in short slices, so that no page waits behind a long burst of the worker.
KUOTA_CPU = 50
PERIODE_KUOTA_MS = 10


def buat_cgroup_kuota(persen, periode_ms):
    """A cpu cgroup limited to ``persen`` % of one core, as systemd's CPUQuota= makes for the unit
    (cgroup v2's cpu.max, or v1's cfs quota); the workers are put in it. Returns the file to write a
    process id into."""
    v2 = Path("/sys/fs/cgroup")
    v1 = Path("/sys/fs/cgroup/cpu")
    periode = periode_ms * 1000
    kuota = periode * persen // 100
    pengendali = v2 / "cgroup.controllers"
    try:
        if pengendali.exists() and "cpu" in pengendali.read_text().split():
            folder = v2 / "ukur_antrean"
            folder.mkdir(exist_ok=True)
            (folder / "cpu.max").write_text(f"{kuota} {periode}")
        else:
            folder = v1 / "ukur_antrean"
            folder.mkdir(exist_ok=True)
            (folder / "cpu.cfs_period_us").write_text(str(periode))
            (folder / "cpu.cfs_quota_us").write_text(str(kuota))
    except OSError as galat:
        raise CommandError(
            f"Kuota CPU pekerja latar tidak dapat dipasang ({galat}); jalankan sebagai root, atau ukur "
            "tanpa kuota dengan --kuota-cpu 0."
        ) from galat
    return folder / "cgroup.procs"


def _rss_mib(pid):
    """Resident memory of a process in MiB (Linux /proc)."""
    for baris in Path(f"/proc/{pid}/status").read_text().splitlines():
        if baris.startswith("VmRSS:"):
            return int(baris.split()[1]) / 1024
    return 0.0


def _anak(pid):
    """The child processes of ``pid`` (gunicorn's workers)."""
    anak = []
    for folder in Path("/proc").iterdir():
        if folder.name.isdigit():
            try:
                stat = (folder / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                anak.append(int(folder.name))
    return sorted(anak)


class Command(BaseCommand):
    help = (
        "Mengukur halaman selagi N draf LKjIP dibuat di latar (satu per perangkat daerah, sekaligus), "
        "bergantian dengan pekerja latar dihentikan sementara; mencetak p95 keduanya dan memori pekerja web."
    )

    def add_arguments(self, parser):
        parser.add_argument("--draf", type=int, default=40, help="jumlah draf yang diantrekan (bawaan: 40)")
        parser.add_argument("--pekerja", type=int, default=1, help="proses db_worker antrean pdf (bawaan: 1)")
        parser.add_argument("--tahun", type=int, default=2024)
        parser.add_argument("--durasi", type=float, default=2.0, help="detik per halaman per putaran")
        parser.add_argument("--putaran", type=int, default=3)
        parser.add_argument("--nice", type=int, default=19, help="prioritas CPU pekerja latar (bawaan: 19)")
        parser.add_argument(
            "--tanpa-idle", action="store_false", dest="idle", help="pekerja latar tanpa SCHED_IDLE"
        )
        parser.add_argument(
            "--kuota-cpu",
            type=int,
            default=KUOTA_CPU,
            help=f"batas CPU pekerja latar dalam persen satu inti, seperti CPUQuota= systemd di README "
            f"(bawaan: {KUOTA_CPU}; 0 = tanpa batas; perlu hak menulis cgroup, mis. root)",
        )
        parser.add_argument(
            "--periode-kuota-ms",
            type=int,
            default=PERIODE_KUOTA_MS,
            help=f"periode kuota CPU (milidetik), seperti CPUQuotaPeriodSec= (bawaan: {PERIODE_KUOTA_MS})",
        )

    def handle(
        self, *args, draf, pekerja, tahun, durasi, putaran, nice, idle, kuota_cpu, periode_kuota_ms, **options
    ):
        self.nice, self.idle = nice, idle
        if draf < 1 or pekerja < 1 or durasi <= 0 or putaran < 1:
            raise CommandError("--draf, --pekerja dan --putaran paling sedikit 1, --durasi lebih dari 0.")
        if not 0 <= kuota_cpu <= 100 * (os.cpu_count() or 1):
            raise CommandError("--kuota-cpu di antara 0 dan 100 x jumlah inti.")
        if not 1 <= periode_kuota_ms <= 1000:
            raise CommandError("--periode-kuota-ms di antara 1 dan 1000.")
        self.cgroup = buat_cgroup_kuota(kuota_cpu, periode_kuota_ms) if kuota_cpu else None
        self.kuota = f", CPUQuota {kuota_cpu} % per {periode_kuota_ms} ms" if kuota_cpu else ""
        halaman = daftar_halaman(tahun)[:5]  # the floor page and the office's four pages
        sesi = {h.username: buat_sesi(h.username) for h in halaman}
        try:
            with tempfile.TemporaryDirectory(prefix="ukur_antrean_") as folder, Gunicorn(folder) as server:
                lantai = halaman[0]
                server.tunggu_siap(lantai.path, sesi[lantai.username].session_key)
                self._ukur(server, halaman, sesi, draf, pekerja, tahun, durasi, putaran, folder)
        finally:
            for s in sesi.values():
                s.delete()

    def _antrekan(self, draf, tahun):
        """The ids of the jobs queued: one draft per office, for as many offices as asked."""
        pk = []
        for opd in Instansi.objects.order_by("pk"):
            kepala = Pengguna.objects.filter(instansi=opd, groups__name=KEPALA_OPD).order_by("pk").first()
            if kepala is None:
                continue
            pk.append(mulai_pembuatan(instansi=opd, tahun=tahun, jenis="draf", user=kepala).pk)
            if len(pk) == draf:
                break
        return pk

    def _pekerja(self, jumlah, folder):
        env = {
            **os.environ,
            "DEBUG": "0",
            "DJANGO_SETTINGS_MODULE": "nakertrans.settings",
            "SECRET_KEY": settings.SECRET_KEY,
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": url_basis_data(connection.vendor, connection.settings_dict),
            "STATIC_ROOT": str(Path(folder) / "static"),
        }
        perintah = [
            sys.executable,
            "manage.py",
            "db_worker",
            "--queue-name",
            "pdf",
            "--no-reload",
            "--verbosity",
            "0",
        ]

        # At the lowest CPU priority, as the README's systemd unit runs them (CPUSchedulingPolicy=idle,
        # Nice=19): they run only when no web request wants the CPU.
        def rendah():
            if self.cgroup is not None:
                self.cgroup.write_text(str(os.getpid()))
            os.nice(self.nice)
            if self.idle:
                os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))

        return [
            subprocess.Popen(perintah, cwd=settings.BASE_DIR, env=env, preexec_fn=rendah)
            for _ in range(jumlah)
        ]

    def _ukur(self, server, halaman, sesi, draf, jumlah_pekerja, tahun, durasi, putaran, folder):
        alamat = ("127.0.0.1", server.port)
        host = urlsplit(f"http://127.0.0.1:{server.port}").netloc
        csrf = get_random_string(32)
        permintaan = {
            h.nama: permintaan_http(host, h.path, sesi[h.username].session_key, csrf) for h in halaman
        }
        web = _anak(server.proses.pid)

        async def sel(h):
            return await ukur_sel(alamat, permintaan[h.nama], KLIEN, durasi)

        async def pemanasan():
            for h in halaman:
                await ukur_sel(alamat, permintaan[h.nama], KLIEN, min(durasi, 1.0))

        asyncio.run(pemanasan())
        memori = {"sebelum": [_rss_mib(p) for p in web]}
        pk = self._antrekan(draf, tahun)
        n = len(pk)
        pekerjaan = PembuatanLKjIP.objects.filter(pk__in=pk)
        pekerja = self._pekerja(jumlah_pekerja, folder)
        mulai = time.monotonic()
        self.stdout.write(
            f"# {n} draf LKjIP diantrekan, {jumlah_pekerja} db_worker (nice {self.nice}"
            f"{', SCHED_IDLE' if self.idle else ''}{self.kuota}), {KLIEN} klien"
        )
        p95 = {(h.nama, fase): [] for h in halaman for fase in ("tanpa", "dengan")}
        try:
            for putaran_ke in range(1, putaran + 1):
                for fase in ("tanpa", "dengan"):
                    isyarat = signal.SIGSTOP if fase == "tanpa" else signal.SIGCONT
                    for p in pekerja:
                        os.kill(p.pid, isyarat)
                    for h in halaman:
                        _, waktu, _ = asyncio.run(sel(h))
                        p95[(h.nama, fase)].append(waktu[max(0, round(0.95 * len(waktu) + 0.5) - 1)])
                    if fase == "dengan":
                        memori.setdefault("selama", []).append(max(_rss_mib(p) for p in web))
                selesai = pekerjaan.filter(status__in=["selesai", "gagal"]).count()
                self.stdout.write(f"# putaran {putaran_ke}: {selesai} dari {n} draf selesai")
            for p in pekerja:
                os.kill(p.pid, signal.SIGCONT)
            batas = time.monotonic() + 900
            while pekerjaan.filter(status__in=["antre", "berjalan"]).exists():
                if time.monotonic() > batas:
                    raise CommandError("Draf belum selesai setelah 15 menit.")
                time.sleep(1)
            lama = time.monotonic() - mulai
        finally:
            for p in pekerja:
                os.kill(p.pid, signal.SIGCONT)
                p.terminate()
            for p in pekerja:
                p.wait(timeout=300)
            if self.cgroup is not None:
                with contextlib.suppress(OSError):
                    self.cgroup.parent.rmdir()  # empty once its workers are gone
        asyncio.run(pemanasan())
        memori["sesudah"] = [_rss_mib(p) for p in web]
        gagal = pekerjaan.filter(status="gagal").count()
        self.stdout.write(
            f"# {n} draf selesai, {gagal} gagal, dalam {format_angka(lama, 0)} detik "
            "(termasuk selang pekerja dihentikan)"
        )
        # Each round's pair (paused, then running) gives one ratio; the median of those is the figure.
        for h in halaman:
            tanpa, dengan = p95[(h.nama, "tanpa")], p95[(h.nama, "dengan")]
            rasio = statistics.median(b / a for a, b in zip(tanpa, dengan, strict=True))
            self.stdout.write(
                f"halaman={h.nama} klien={KLIEN} p95_tanpa_ms={statistics.median(tanpa) * 1000:.0f} "
                f"p95_dengan_ms={statistics.median(dengan) * 1000:.0f} rasio_median={rasio:.2f}"
            )
        terbesar = {saat: format_angka(max(mib), 1) for saat, mib in memori.items()}
        self.stdout.write(
            f"memori_web_mib sebelum={terbesar['sebelum']} selama={terbesar['selama']} "
            f"sesudah={terbesar['sesudah']}"
        )
