"""The test suite: `make test`. DATABASE_URL still chooses SQLite or PostgreSQL."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-not-secret")

from config.settings.base import *  # noqa: E402, F403

# CACHES come from CACHE_URL as in production (local memory when it is unset). A shared cache
# (`.ci/run` runs the cache tests against Redis) gets a key prefix of its own for each test
# run, so that two runs at once never read each other's keys and conftest.py's clearing
# removes this run's keys alone.
if env("CACHE_URL", default=""):  # noqa: F405
    # Kept in the environment, so that a task worker the tests start shares it. Each of
    # pytest-xdist's workers inherits its controller's environment, so the worker's name is
    # part of the prefix: one worker's clearing never removes another's keys.
    os.environ.setdefault("JCM_TEST_CACHE_PREFIX", f"test-{os.getpid()}-{os.urandom(4).hex()}")
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    CACHES["default"]["KEY_PREFIX"] = f"{os.environ['JCM_TEST_CACHE_PREFIX']}{worker}"  # noqa: F405

# Tests speak plain HTTP to the test client and need no collected static files.
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SITE_URL = "https://jcm.example.org"
# Serve static files straight from the app folders, as `runserver` does.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Sign-in attempts are counted in the local-memory cache, which conftest.py clears before
# each test, so one test's failed sign-ins never lock out another's.
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
# Local memory is per process, which django-axes warns about; tests run in one process.
SILENCED_SYSTEM_CHECKS = ["axes.W001"]
# Jobs are queued in the database as in production (config/settings/base.py), so no request ever
# runs one; a test runs them with the `run_jobs` fixture, or starts a real `db_worker` process.
# That process must see the test database, so on SQLite it is a file, not one in memory: one
# per test run (named by its process), so two runs in one checkout never share it.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(BASE_DIR / f"test-db-{os.getpid()}.sqlite3")  # noqa: F405
    }
