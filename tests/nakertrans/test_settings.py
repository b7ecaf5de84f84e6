"""Settings come from the environment; production settings pass `check --deploy` silently."""

import os
import subprocess
import sys
from pathlib import Path

AKAR = Path(__file__).resolve().parents[2]
KUNCI = "uji-" + "k3y-p4nj4ng-acak-" * 4


def _manage(*argumen, **env):
    dibuang = {"DEBUG", "DATABASE_URL", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    lingkungan = {k: v for k, v in os.environ.items() if k not in dibuang}
    lingkungan.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *argumen], cwd=AKAR, env=lingkungan, capture_output=True, text=True
    )


def test_production_settings_pass_check_deploy_without_warnings():
    hasil = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY=KUNCI,
        ALLOWED_HOSTS="sakip.bungo.go.id",
    )
    assert hasil.returncode == 0, hasil.stderr
    assert "no issues" in hasil.stdout


def test_debug_off_without_secret_key_refuses_to_start():
    hasil = _manage("check", DEBUG="0")
    assert hasil.returncode != 0
    assert "SECRET_KEY wajib diisi" in hasil.stderr


def test_database_url_switches_to_postgresql_and_sqlite_is_the_default():
    kode = "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])"
    pg = _manage(
        "shell", "--no-imports", "-c", kode, DEBUG="1", DATABASE_URL="postgres://sakip@db.lokal:5432/sakip"
    )
    assert pg.stdout.strip() == "django.db.backends.postgresql", pg.stderr
    bawaan = _manage("shell", "--no-imports", "-c", kode, DEBUG="1")
    assert bawaan.stdout.strip() == "django.db.backends.sqlite3", bawaan.stderr


def test_locale_and_time_zone_are_indonesian(settings):
    assert settings.LANGUAGE_CODE == "id"
    assert settings.TIME_ZONE == "Asia/Jakarta"
