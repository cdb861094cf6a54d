"""Settings come from the environment, and production settings are safe."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

PROJECT_ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "DEBUG": "False",
    "SECRET_KEY": "k3Pz9-production-like-secret-key-for-the-deploy-check-xq7Ld0mNa2vR",
    "ALLOWED_HOSTS": "jcm.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://jcm.example.org",
    "DATABASE_URL": "postgres://jcm:secret@db.example.org:5432/jcm",
    "EMAIL_URL": "smtp+tls://mailer:pw@smtp.example.org:587",
}


def _run(code: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    """Run Python in a fresh process, so settings are read from exactly this environment."""
    inherited = set(PRODUCTION_ENV) | {"DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {key: value for key, value in os.environ.items() if key not in inherited}
    # An isolated working directory holds no .env, so nothing but `env` is read.
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, **env, "PYTHONPATH": str(PROJECT_ROOT)},
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


READ_SETTINGS = """
import json, django
from django.conf import settings
django.setup()
db = settings.DATABASES["default"]
print(json.dumps({
    "DEBUG": settings.DEBUG,
    "ALLOWED_HOSTS": settings.ALLOWED_HOSTS,
    "CSRF_TRUSTED_ORIGINS": settings.CSRF_TRUSTED_ORIGINS,
    "ENGINE": db["ENGINE"], "HOST": db["HOST"], "NAME": db["NAME"], "OPTIONS": db["OPTIONS"],
    "CONN_MAX_AGE": db["CONN_MAX_AGE"], "CONN_HEALTH_CHECKS": db["CONN_HEALTH_CHECKS"],
    "EMAIL_BACKEND": settings.EMAIL_BACKEND, "EMAIL_HOST": settings.EMAIL_HOST,
    "SESSION_COOKIE_SECURE": settings.SESSION_COOKIE_SECURE,
    "SECURE_HSTS_SECONDS": settings.SECURE_HSTS_SECONDS,
    "SECURE_SSL_REDIRECT": settings.SECURE_SSL_REDIRECT,
    "TIME_ZONE": settings.TIME_ZONE, "LANGUAGE_CODE": settings.LANGUAGE_CODE,
}))
"""


@pytest.fixture(autouse=True)
def no_dotenv():
    """A developer's own .env must not leak into these tests."""
    dotenv = PROJECT_ROOT / ".env"
    if dotenv.exists():
        pytest.skip("a local .env file would mix into the environment under test")


def test_production_settings_are_read_from_the_environment():
    result = _run(READ_SETTINGS, PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["DEBUG"] is False
    assert values["ALLOWED_HOSTS"] == ["jcm.example.org"]
    assert values["CSRF_TRUSTED_ORIGINS"] == ["https://jcm.example.org"]
    assert values["ENGINE"] == "django.db.backends.postgresql"
    assert (values["HOST"], values["NAME"]) == ("db.example.org", "jcm")
    assert values["OPTIONS"] == {"options": "-c join_collapse_limit=4"}
    assert values["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert values["EMAIL_HOST"] == "smtp.example.org"
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 31536000
    assert (values["TIME_ZONE"], values["LANGUAGE_CODE"]) == ("Europe/London", "en-gb")


def test_local_defaults_to_debug_on_embedded_sqlite():
    env = {"DJANGO_SETTINGS_MODULE": "config.settings.local"}
    result = _run(READ_SETTINGS, env)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["DEBUG"] is True
    assert values["ENGINE"] == "django.db.backends.sqlite3"
    assert values["NAME"].endswith("db.sqlite3")
    assert values["SESSION_COOKIE_SECURE"] is False


def test_production_refuses_to_start_without_a_secret_key():
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "SECRET_KEY"}
    result = _run(READ_SETTINGS, env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_deploy_check_has_no_warnings_in_a_production_like_environment():
    code = "from django.core.management import execute_from_command_line; "
    code += (
        "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])"
    )
    result = _run(code, PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_idle_session_length_comes_from_the_environment():
    code = "import django; from django.conf import settings; django.setup(); "
    code += (
        "print(settings.SESSION_COOKIE_AGE, settings.SESSION_RENEW_SECONDS, "
        "settings.SESSION_SAVE_EVERY_REQUEST)"
    )
    result = _run(code, {**PRODUCTION_ENV, "SESSION_IDLE_MINUTES": "45"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["2700", "60", "False"]


def test_the_production_settings_have_no_bench_view():
    code = "import django; from django.conf import settings; django.setup(); "
    code += "from django.urls import Resolver404, resolve\n"
    code += "try:\n    resolve('/bench/bare/')\nexcept Resolver404:\n    print('absent')"
    result = _run(code, PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["absent"]


def test_postgresql_plans_joins_in_groups_of_four_beside_the_options_the_url_gives():
    env = PRODUCTION_ENV | {
        "DATABASE_URL": "postgres://jcm:secret@db.example.org:5432/jcm?sslmode=require"
        "&options=-c%20statement_timeout%3D30000"
    }
    result = _run(READ_SETTINGS, env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["OPTIONS"] == {
        "sslmode": "require",
        "options": "-c statement_timeout=30000 -c join_collapse_limit=4",
    }


def test_each_process_keeps_its_database_connection_for_a_minute_unless_the_url_says():
    values = json.loads(_run(READ_SETTINGS, PRODUCTION_ENV).stdout)
    assert (values["CONN_MAX_AGE"], values["CONN_HEALTH_CHECKS"]) == (60, True)

    env = PRODUCTION_ENV | {"DATABASE_URL": PRODUCTION_ENV["DATABASE_URL"] + "?conn_max_age=0"}
    result = _run(READ_SETTINGS, env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["CONN_MAX_AGE"] == 0


@pytest.mark.django_db
def test_the_connection_plans_joins_in_groups_of_four():
    if connection.vendor != "postgresql":
        pytest.skip("a setting of PostgreSQL's planner")
    with connection.cursor() as cursor:
        cursor.execute("SHOW join_collapse_limit")
        assert cursor.fetchone() == ("4",)


WRITE_WHILE_ANOTHER_WRITES = """
import threading, time, django
django.setup()
from django.db import connection, transaction

with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE IF NOT EXISTS note (text TEXT)")
started = threading.Event()

def worker():  # a task saving a board pack: its transaction holds the write lock a while
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO note VALUES ('board pack')")
        started.set()
        time.sleep(1)
    connection.close()

thread = threading.Thread(target=worker)
thread.start()
started.wait()
with transaction.atomic():  # a request signing in: it reads, then writes
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM note")
        cursor.execute("INSERT INTO note VALUES ('session')")
thread.join()
with connection.cursor() as cursor:
    cursor.execute("SELECT text FROM note ORDER BY rowid")
    print(",".join(row[0] for row in cursor.fetchall()))
"""


def test_on_sqlite_a_request_waits_for_the_workers_write_instead_of_failing(tmp_path):
    """Signing in during `make run` failed with "database is locked" while the worker wrote."""
    env = {
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'embedded.sqlite3'}",
    }
    settings_read = _run(READ_SETTINGS, env)
    assert settings_read.returncode == 0, settings_read.stderr
    assert json.loads(settings_read.stdout)["OPTIONS"] == {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

    result = _run(WRITE_WHILE_ANOTHER_WRITES, env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "board pack,session"
