"""Benchmark of the pages people wait on: requests per second and latency under concurrent clients.

Against a gunicorn started here with the production settings (3 sync workers, DEBUG off, the cached
template loader, whitenoise's manifest storage) on the configured database, or against a running
server given by --url. The pages are measured interleaved (every page at every concurrency in each
round, the rounds repeated) so that a slower moment of the machine falls on all pages alike; each
figure is the median over the rounds. Query counts are measured in this process with Django's test
client, logged in with the same sessions.
"""

import asyncio
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils.crypto import get_random_string

from nakertrans.auth import BackendModel
from nakertrans.demo import BIDANG_NAKER
from nakertrans.format_id import format_angka, format_angka_tepat
from nakertrans.models import Instansi, Pengguna, UnitKerja

KLIEN = (1, 5, 20)
PEKERJA = 3
# The demo's operator of Bidang Ketenagakerjaan, the unit with the most PK lines and sub kegiatan, and
# the Kepala Dinas; the entry pages are the year's last quarter and month (cumulative figures).
OPERATOR = "operator_naker"
KEPALA_DINAS = "kadis"
BAPPEDA = "bappeda"
TRIWULAN, BULAN = 4, 12
SIAP = "pekerja ukur_halaman siap: %s"


@dataclass
class Halaman:
    nama: str
    username: str
    path: str
    kueri: int = 0
    # Per concurrency: one (rps, p50 s, p95 s) per round.
    hasil: dict = field(default_factory=dict)


class GagalUkur(Exception):
    pass


def daftar_halaman(tahun):
    """The measured pages in the order of each round, the floor page first."""
    operator = Pengguna.objects.filter(username=OPERATOR).first()
    kadis = Pengguna.objects.filter(username=KEPALA_DINAS).first()
    unit = UnitKerja.objects.filter(nama=BIDANG_NAKER, instansi=getattr(operator, "instansi", None)).first()
    if operator is None or kadis is None or unit is None:
        raise CommandError(
            f"Data demo belum dimuat: pengguna «{OPERATOR}», «{KEPALA_DINAS}» atau unit «{BIDANG_NAKER}» "
            "tidak ada. Jalankan «python manage.py muat_demo» lebih dulu."
        )
    from perjanjian.models import PerjanjianKinerja

    if not PerjanjianKinerja.objects.filter(tahun=tahun).exists():
        raise CommandError(
            f"Tidak ada Perjanjian Kinerja tahun {tahun}; jalankan «python manage.py muat_demo» lebih dulu "
            "atau pilih tahun lain dengan --tahun."
        )
    # With several offices an office's pages live under /opd/<kode>/ (nakertrans.opd); the unprefixed
    # address would only answer with a redirect there.
    awalan = f"/opd/{unit.instansi.kode}" if Instansi.objects.exclude(pk=unit.instansi_id).exists() else ""
    return [
        Halaman("lantai", OPERATOR, awalan + reverse("halaman_dasar")),
        Halaman(
            "isian_kinerja",
            OPERATOR,
            awalan + reverse("capaian:isian_triwulan", args=[tahun, TRIWULAN, unit.pk]),
        ),
        Halaman(
            "isian_anggaran", OPERATOR, awalan + reverse("anggaran:isian_bulan", args=[tahun, BULAN, unit.pk])
        ),
        Halaman("beranda_kepala_dinas", KEPALA_DINAS, awalan + reverse("beranda")),
        Halaman("lkjip", KEPALA_DINAS, awalan + reverse("capaian:lkjip", args=[tahun])),
    ] + [
        # The kabupaten's pages across every office, as Bappeda reads them (where the demo has Bappeda).
        Halaman(f"kabupaten_{nama}", BAPPEDA, reverse(f"kabupaten:{nama}", args=[tahun]))
        for nama in ("ringkasan_tahun", "pengisian", "iku_daerah", "kaskade")
        if Pengguna.objects.filter(username=BAPPEDA).exists()
    ]


def buat_sesi(username):
    """A logged-in session for the user, written as django.contrib.auth.login writes one, without a
    password and without the login signals (no last_login change, no Axes access log)."""
    pengguna = Pengguna.objects.get(username=username)
    sesi = import_module(settings.SESSION_ENGINE).SessionStore()
    sesi[SESSION_KEY] = pengguna._meta.pk.value_to_string(pengguna)
    sesi[BACKEND_SESSION_KEY] = f"{BackendModel.__module__}.{BackendModel.__qualname__}"
    sesi[HASH_SESSION_KEY] = pengguna.get_session_auth_hash()
    sesi.save()
    return sesi


def hitung_kueri(halaman, sesi):
    """Each page's queries for one request, after one request that fills the process's caches."""
    klien = Client()
    for username, s in sesi.items():
        klien.cookies[settings.SESSION_COOKIE_NAME] = s.session_key
        for h in halaman:
            if h.username != username:
                continue
            # secure: what the proxy's X-Forwarded-Proto tells a production server.
            with override_settings(ALLOWED_HOSTS=["testserver"]):
                klien.get(h.path, secure=True)
                with CaptureQueriesContext(connection) as kueri:
                    respons = klien.get(h.path, secure=True)
                h.kueri = len(kueri.captured_queries)
            if respons.status_code != 200:
                raise CommandError(f"Halaman {h.nama} ({h.path}) menjawab {respons.status_code}, bukan 200.")


def persentil(urut, p):
    """Nearest-rank percentile of sorted values."""
    return urut[max(0, min(len(urut) - 1, round(p / 100 * len(urut) + 0.5) - 1))]


async def _baca_respons(reader):
    """Status and whether the server closes the connection, after reading the whole response."""
    kepala = await reader.readuntil(b"\r\n\r\n")
    baris = kepala.decode("latin-1").split("\r\n")
    versi, status = baris[0].split(" ", 2)[:2]
    header = {}
    for b in baris[1:]:
        if ":" in b:
            nama, isi = b.split(":", 1)
            header[nama.strip().lower()] = isi.strip().lower()
    tutup = header.get("connection") == "close" or versi == "HTTP/1.0"
    if "content-length" in header:
        await reader.readexactly(int(header["content-length"]))
    elif header.get("transfer-encoding") == "chunked":
        while True:
            ukuran = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(ukuran + 2)
            if ukuran == 0:
                break
    else:
        await reader.read()
        tutup = True
    return int(status), tutup


async def _klien(alamat, permintaan, batas, waktu):
    """One client: requests back to back until ``batas``, on one kept-alive connection while the server
    keeps it (gunicorn's sync workers close it after each response: then a new one, as the proxy opens)."""
    reader = writer = None
    try:
        while time.perf_counter() < batas:
            awal = time.perf_counter()
            dipakai_lagi = writer is not None
            if writer is None:
                reader, writer = await asyncio.open_connection(*alamat)
            try:
                writer.write(permintaan)
                status, tutup = await _baca_respons(reader)
            except (asyncio.IncompleteReadError, ConnectionError):
                if not dipakai_lagi:
                    raise
                # The server closed a kept-alive connection between two requests: ask again on a new one.
                writer.close()
                awal = time.perf_counter()
                reader, writer = await asyncio.open_connection(*alamat)
                writer.write(permintaan)
                status, tutup = await _baca_respons(reader)
            waktu.append(time.perf_counter() - awal)
            if status != 200:
                raise GagalUkur(status)
            if tutup:
                writer.close()
                writer = None
    finally:
        if writer is not None:
            writer.close()


async def ukur_sel(alamat, permintaan, jumlah_klien, durasi):
    """(requests per second, sorted latencies in s, CPU s of this process) of ``jumlah_klien`` clients
    asking for one page for ``durasi`` seconds; requests under way at the end are waited for."""
    waktu = []
    cpu, awal = time.process_time(), time.perf_counter()
    batas = awal + durasi
    await asyncio.gather(*(_klien(alamat, permintaan, batas, waktu) for _ in range(jumlah_klien)))
    lama = time.perf_counter() - awal
    return len(waktu) / lama, sorted(waktu), time.process_time() - cpu


def permintaan_http(host, path, sesi_key, csrf):
    # X-Forwarded-Proto as the TLS proxy in front of production sends it (SECURE_PROXY_SSL_HEADER);
    # the CSRF cookie as a browser sends back the one it was given.
    return (
        f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: ukur_halaman\r\nAccept: text/html\r\n"
        f"X-Forwarded-Proto: https\r\n"
        f"Cookie: {settings.SESSION_COOKIE_NAME}={sesi_key}; {settings.CSRF_COOKIE_NAME}={csrf}\r\n\r\n"
    ).encode("latin-1")


async def ukur_semua(alamat, host, halaman, sesi, klien, durasi, putaran, tulis):
    csrf = get_random_string(32)
    permintaan = {h.nama: permintaan_http(host, h.path, sesi[h.username].session_key, csrf) for h in halaman}
    beban = []  # per measured cell: (this process's CPU s per request, share of one core)
    # Every worker renders every page a few times before anything counts (template cache, connections).
    for h in halaman:
        await ukur_sel(alamat, permintaan[h.nama], 2 * PEKERJA, min(durasi, 1.0))
    for n in range(1, putaran + 1):
        for k in klien:
            for h in halaman:
                try:
                    rps, waktu, cpu = await ukur_sel(alamat, permintaan[h.nama], k, durasi)
                except GagalUkur as galat:
                    raise CommandError(
                        f"Halaman {h.nama} ({h.path}) menjawab {galat.args[0]}, bukan 200. Server harus "
                        "memakai basis data dan SECRET_KEY yang sama dengan perintah ini."
                    ) from None
                h.hasil.setdefault(k, []).append((rps, persentil(waktu, 50), persentil(waktu, 95)))
                beban.append((cpu / max(len(waktu), 1), cpu / durasi))
        tulis(f"# putaran {n} dari {putaran} selesai")
    return beban


def url_basis_data(vendor, db):
    """DATABASE_URL of a connection's settings: gunicorn uses the database this process uses (the test
    database under the tests)."""
    if vendor == "sqlite":
        nama = str(db["NAME"])
        if nama == ":memory:" or nama.startswith("file:"):
            raise CommandError("Basis data SQLite di memori tidak dapat dipakai server lain; gunakan --url.")
        return f"sqlite:///{Path(nama).resolve()}"
    if vendor == "postgresql":
        akun = quote(db["USER"] or "", safe="")
        if db["PASSWORD"]:
            akun += ":" + quote(db["PASSWORD"], safe="")
        # A socket directory as host is percent-encoded (postgres://%2Fvar%2Frun%2Fpostgresql/nama).
        alamat = quote(db["HOST"] or "localhost", safe="") + f":{db['PORT'] or 5432}"
        opsi = {k: v for k, v in (db.get("OPTIONS") or {}).items() if isinstance(v, str | int)}
        return f"postgres://{akun}@{alamat}/{quote(db['NAME'], safe='')}" + (
            f"?{urlencode(opsi)}" if opsi else ""
        )
    raise CommandError(f"Basis data {vendor} tidak didukung; gunakan --url.")


class Gunicorn:
    """gunicorn on a free loopback port with the production settings, stopped on leaving the block."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.proses = self.soket = self.log = self.sigterm = None

    def __enter__(self):
        try:
            self._mulai()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def _mulai(self):
        static = self.folder / "static"
        # The manifest gunicorn's whitenoise storage reads; collected without whitenoise's gzip and
        # brotli copies (9 s here, and only static files, which this benchmark does not ask for, use them).
        with override_settings(
            STATIC_ROOT=static,
            STORAGES={
                **settings.STORAGES,
                "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
            },
        ):
            call_command("collectstatic", interactive=False, verbosity=0)
        lain = {"GUNICORN_CMD_ARGS", "DJANGO_SETTINGS_MODULE"}
        env = {k: v for k, v in os.environ.items() if k not in lain}
        env.update(
            DEBUG="0",
            DJANGO_SETTINGS_MODULE="nakertrans.settings",
            # The same key as this process: it signs the sessions created here.
            SECRET_KEY=settings.SECRET_KEY,
            DATABASE_URL=url_basis_data(connection.vendor, connection.settings_dict),
            ALLOWED_HOSTS="127.0.0.1",
            STATIC_ROOT=str(static),
            MEDIA_ROOT=str(settings.MEDIA_ROOT),
        )
        # Each worker says when it has loaded the application, so that measuring starts with all three.
        konfigurasi = self.folder / "gunicorn_ukur.py"
        konfigurasi.write_text(
            f"def post_worker_init(worker):\n    worker.log.info({SIAP!r}, worker.pid)\n", encoding="utf-8"
        )
        # A listening socket made here and handed over: the port is free and taken at once.
        self.soket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.soket.bind(("127.0.0.1", 0))
        self.soket.listen(2048)
        self.port = self.soket.getsockname()[1]
        perintah = [
            sys.executable, "-m", "gunicorn", "nakertrans.wsgi", "--config", str(konfigurasi),
            "--workers", str(PEKERJA), "--bind", f"fd://{self.soket.fileno()}",
            "--timeout", "120", "--graceful-timeout", "5", "--error-logfile", "-",
        ]  # fmt: skip
        import gunicorn

        if gunicorn.version_info >= (25, 1):
            perintah.append("--no-control-socket")  # its default path is shared by every gunicorn
        # A SIGTERM to this command stops it as Ctrl-C does, through __exit__, so gunicorn goes too.
        if threading.current_thread() is threading.main_thread():
            self.sigterm = signal.signal(signal.SIGTERM, _berhenti)
        self.log_path = self.folder / "gunicorn.log"
        self.log = open(self.log_path, "wb")  # noqa: SIM115 (closed in __exit__)
        self.proses = subprocess.Popen(
            perintah,
            cwd=settings.BASE_DIR,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            pass_fds=[self.soket.fileno()],
            start_new_session=True,  # Ctrl-C reaches this command, which then stops gunicorn itself
        )

    def tunggu_siap(self, path, sesi_key, batas=60):
        """Wait until every worker has loaded the application and the floor page answers 200."""
        akhir = time.monotonic() + batas
        permintaan = permintaan_http(f"127.0.0.1:{self.port}", path, sesi_key, get_random_string(32))
        while time.monotonic() < akhir:
            if self.proses.poll() is not None:
                raise CommandError(f"gunicorn berhenti (kode {self.proses.returncode}):\n{self.ekor_log()}")
            if self.ekor_log(baris=None).count(SIAP.split("%")[0]) >= PEKERJA:
                status = asyncio.run(_satu_permintaan(("127.0.0.1", self.port), permintaan))
                if status == 200:
                    return
                raise CommandError(f"Halaman dasar menjawab {status}, bukan 200:\n{self.ekor_log()}")
            time.sleep(0.1)
        raise CommandError(f"gunicorn belum siap setelah {batas} detik:\n{self.ekor_log()}")

    def ekor_log(self, baris=40):
        self.log.flush()
        isi = self.log_path.read_text(errors="replace")
        return isi if baris is None else "\n".join(isi.splitlines()[-baris:])

    def __exit__(self, *exc):
        if self.proses is not None and self.proses.poll() is None:
            self.proses.send_signal(signal.SIGTERM)
            try:
                self.proses.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proses.pid, signal.SIGKILL)
                self.proses.wait()
        for berkas in (self.soket, self.log):
            if berkas is not None:
                berkas.close()
        if self.sigterm is not None:
            signal.signal(signal.SIGTERM, self.sigterm)


def _berhenti(signum, frame):
    raise KeyboardInterrupt


async def _satu_permintaan(alamat, permintaan):
    reader, writer = await asyncio.wait_for(asyncio.open_connection(*alamat), 5)
    try:
        writer.write(permintaan)
        status, _ = await asyncio.wait_for(_baca_respons(reader), 30)
        return status
    finally:
        writer.close()


def _klien_valid(teks):
    try:
        nilai = tuple(int(k) for k in teks.split(","))
    except ValueError:
        nilai = ()
    if not nilai or min(nilai) < 1:
        raise CommandError(
            f"--klien «{teks}» harus berupa bilangan bulat positif dipisah koma, misalnya 1,5,20."
        )
    return nilai


class Command(BaseCommand):
    help = (
        "Mengukur permintaan per detik dan waktu tanggap (p50/p95) halaman dasar, Isian Kinerja, Isian "
        "Anggaran, beranda Kepala Dinas dan LKjIP dengan 1, 5 dan 20 klien bersamaan, bergantian, pada "
        "data demo; menjalankan gunicorn sendiri (3 pekerja, DEBUG mati) kecuali diberi --url."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--url",
            help="server yang sudah berjalan (http://127.0.0.1:PORT), dengan basis data dan SECRET_KEY "
            "yang sama dengan perintah ini",
        )
        parser.add_argument("--tahun", type=int, default=2024, help="tahun data demo (bawaan: 2024)")
        parser.add_argument(
            "--durasi", type=float, default=2.0, help="detik per halaman per putaran (bawaan: 2)"
        )
        parser.add_argument(
            "--putaran", type=int, default=3, help="jumlah putaran; angka akhir adalah mediannya"
        )
        parser.add_argument("--klien", default=",".join(map(str, KLIEN)), help="jumlah klien bersamaan")

    def handle(self, *args, url, tahun, durasi, putaran, klien, **options):
        klien = _klien_valid(klien)
        if durasi <= 0 or putaran < 1:
            raise CommandError("--durasi harus lebih dari 0 dan --putaran paling sedikit 1.")
        halaman = daftar_halaman(tahun)
        sesi = {h.username: None for h in halaman}
        try:
            for username in sesi:
                sesi[username] = buat_sesi(username)
            hitung_kueri(halaman, sesi)
            for h in halaman:
                self.stdout.write(f"# {h.nama}: {h.path} sebagai {h.username}, {h.kueri} kueri")
            if url:
                self._ukur_di(url, halaman, sesi, klien, durasi, putaran)
            else:
                with (
                    tempfile.TemporaryDirectory(prefix="ukur_halaman_") as folder,
                    Gunicorn(folder) as server,
                ):
                    lantai = halaman[0]
                    server.tunggu_siap(lantai.path, sesi[lantai.username].session_key)
                    self.stdout.write(
                        f"# gunicorn {PEKERJA} pekerja sync, DEBUG mati, 127.0.0.1:{server.port}, "
                        f"basis data {connection.vendor}"
                    )
                    self._ukur_di(f"http://127.0.0.1:{server.port}", halaman, sesi, klien, durasi, putaran)
        except KeyboardInterrupt:
            # Ctrl-C or SIGTERM: gunicorn has been stopped on the way out; the sessions go below.
            raise CommandError("Pengukuran dihentikan; gunicorn berhenti, sesi pengukuran dihapus.") from None
        finally:
            for s in sesi.values():
                if s is not None:
                    s.delete()
        self._tulis_hasil(halaman, klien)

    def _ukur_di(self, url, halaman, sesi, klien, durasi, putaran):
        bagian = urlsplit(url)
        if bagian.scheme != "http" or not bagian.hostname:
            raise CommandError(f"--url «{url}» harus berbentuk http://HOST:PORT.")
        alamat = (bagian.hostname, bagian.port or 80)
        self.stdout.write(
            f"# {putaran} putaran x {len(klien)} tingkat klien x {len(halaman)} halaman, "
            f"{format_angka_tepat(durasi, 2)} detik per sel, bergantian"
        )
        self._tulis_beban_mesin("sebelum")
        beban = asyncio.run(
            ukur_semua(alamat, bagian.netloc, halaman, sesi, klien, durasi, putaran, self.stdout.write)
        )
        self._tulis_beban_mesin("sesudah")
        # How much of one core the load generator itself used: near 100 % it, not the server, would limit.
        per_permintaan = statistics.median(b[0] for b in beban) * 1000
        terbesar = max(b[1] for b in beban) * 100
        self.stdout.write(
            f"# pembangkit beban: {format_angka(per_permintaan, 2)} ms CPU per permintaan, "
            f"paling banyak {format_angka(terbesar, 0)} % satu inti"
        )

    def _tulis_beban_mesin(self, saat):
        # Other work on the machine slows every page alike; the ratios hold better than the rps.
        satu, lima, _ = os.getloadavg()
        self.stdout.write(
            f"# beban mesin {saat} pengukuran: {format_angka(satu, 2)} (1 menit), {format_angka(lima, 2)} "
            f"(5 menit), {os.cpu_count()} inti"
        )

    def _tulis_hasil(self, halaman, klien):
        lantai = halaman[0]
        for k in klien:
            rps_lantai = statistics.median(r[0] for r in lantai.hasil[k])
            for h in halaman:
                rps = statistics.median(r[0] for r in h.hasil[k])
                p50 = statistics.median(r[1] for r in h.hasil[k]) * 1000
                p95 = statistics.median(r[2] for r in h.hasil[k]) * 1000
                self.stdout.write(
                    f"halaman={h.nama} klien={k} rps={rps:.1f} p50_ms={p50:.0f} p95_ms={p95:.0f} "
                    f"rasio={rps / rps_lantai:.2f} kueri={h.kueri}"
                )
