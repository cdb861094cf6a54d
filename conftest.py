"""Fixtures shared by every app's tests: a frozen clock, one user per role, and clients signed
in as them.

The clock is frozen for the whole session (time-machine, not ticking) at 10:00 in London on
one day: JCM_TEST_DATE (e.g. `JCM_TEST_DATE=2028-02-29`) or else today by the wall clock, so
`faketime` moves it too. Every test starts at that instant; the `clock` fixture moves it.
"""

import datetime as dt
import os
import zoneinfo

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from core.tests.caches import clear_cache
from core.tests.factories import (
    AdministratorFactory,
    BoardMemberFactory,
    CommissionerFactory,
    UserFactory,
)
from core.tests.sign_in import sign_in

LONDON = zoneinfo.ZoneInfo("Europe/London")
_CLOCK = pytest.StashKey[tuple[dt.datetime, time_machine.travel, time_machine.Traveller]]()


def frozen_instant() -> dt.datetime:
    """10:00 in London on JCM_TEST_DATE, or on the wall clock's today when it is unset."""
    chosen = os.environ.get("JCM_TEST_DATE")
    day = dt.date.fromisoformat(chosen) if chosen else dt.datetime.now(LONDON).date()
    return dt.datetime.combine(day, dt.time(10, 0), tzinfo=LONDON)


def pytest_configure(config):
    # Before collection, so that nothing computed at import could see the wall clock. A
    # timestamp rather than the London datetime: time-machine would set TZ to a zone's name.
    instant = frozen_instant()
    travel = time_machine.travel(instant.timestamp(), tick=False)
    config.stash[_CLOCK] = (instant, travel, travel.start())


def pytest_unconfigure(config):
    if _CLOCK in config.stash:
        _, travel, _ = config.stash[_CLOCK]
        travel.stop()


def pytest_report_header(config):
    instant, _, _ = config.stash[_CLOCK]
    return f"clock: frozen at {instant:%A %d %B %Y %H:%M %Z} (JCM_TEST_DATE to change)"


@pytest.fixture(autouse=True)
def clock(request) -> time_machine.Traveller:
    """The frozen clock, back at the session's instant for each test; `clock.shift(delta)` or
    `clock.move_to(instant)` moves it (time passes for the sign-in lockout, sessions, caches)."""
    instant, _, traveller = request.config.stash[_CLOCK]
    traveller.move_to(instant.timestamp())
    return traveller


@pytest.fixture
def today(clock) -> dt.date:
    """Today's date in London by the frozen clock."""
    return timezone.localdate()


@pytest.fixture(autouse=True)
def fresh_sign_in_attempts():
    """Failed sign-ins are counted in the cache (config/settings/test.py), and pages keep
    what they cached: start each test with an empty cache (this run's keys alone on Redis)."""
    clear_cache()
    yield
    clear_cache()


@pytest.fixture
def commissioner(db):
    return CommissionerFactory()


@pytest.fixture
def board_member(db):
    return BoardMemberFactory()


@pytest.fixture
def administrator(db):
    return AdministratorFactory()


@pytest.fixture
def user_without_role(db):
    return UserFactory()


def _signed_in(user) -> Client:
    """A client of its own, so a test can hold several users' sessions at once; an
    administrator's has entered their second factor."""
    return sign_in(Client(), user)


@pytest.fixture
def commissioner_client(commissioner):
    return _signed_in(commissioner)


@pytest.fixture
def board_member_client(board_member):
    return _signed_in(board_member)


@pytest.fixture
def administrator_client(administrator):
    return _signed_in(administrator)


# The `demo` fixture (the demo loaded once per session) and the test order it relies on.
pytest_plugins = ["demo_fixtures"]


@pytest.fixture
def run_jobs(db, monkeypatch):
    """Run the queued background jobs that are due, here, as `manage.py db_worker --batch` does;
    the names of the jobs run. Jobs deferred to later wait for `clock.shift`."""
    from django_tasks_db.management.commands import db_worker
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    # The worker closes connections between jobs, which would end the test's transaction.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run() -> list[str]:
        before = set(DBTaskResult.objects.finished().values_list("pk", flat=True))
        Worker(
            queue_names=["default"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="pytest",
            excluded_queue_names=[],
        ).run()
        done = DBTaskResult.objects.finished().exclude(pk__in=before)
        return sorted(result.task_name for result in done)

    return run
