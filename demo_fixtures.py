"""The `demo` fixture: the whole demo (`manage.py load_demo`), loaded once per test session.

Loading the demo takes seconds and some thirty tests read it. So the first test that asks for
`demo` loads it inside a transaction that stays open; each demo test then runs in a savepoint
of that transaction (pytest-django's usual per-test atomic block, nested) and rolls back what
it changed. When the demo tests are done the transaction is rolled back, and the database is
again exactly what the migrations left (role groups, terms, voice questions): nothing was
committed to leak into a later test, or into the next run with `--reuse-db`.

Why not the alternatives: committing the demo once needs a flush afterwards, and a flush also
deletes what the migrations seeded; restoring a serialized snapshot (dumpdata, then loaddata in
each test) still costs each test about a quarter of a full load, measured here. A savepoint
costs next to nothing.

`pytest_collection_modifyitems` puts the tests in this order: those that expect an empty
database, then the demo tests together, then the transactional tests (pytest-django's order,
with the demo tests moved after the other non-transactional ones). A transactional test cannot
run inside the demo's transaction: for a transactional demo test the demo is committed instead,
and its teardown flushes it, as it flushes every transactional test's rows. If some other
plugin reorders the tests, results stay right and only get slower: a test that does not ask for
the demo never runs inside its transaction, and a demo test that finds it gone loads its own.
"""

import re
from dataclasses import dataclass
from io import StringIO

import pytest
from django.apps import apps as django_apps
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, transaction

from core.roles import sync_role_groups

EMPTY_DATABASE, SHARED_DEMO, COMMITTED_DEMO, TRANSACTIONAL, NO_DATABASE = range(5)


@dataclass(frozen=True)
class DemoData:
    """What the session's `load_demo` printed on its first run, into an empty database."""

    output: str

    def created(self, app_label: str) -> int:
        """How many rows that first run created for one app, as `load_demo` reported it."""
        found = re.search(rf"^Demo data for {app_label}: (\d+) new rows\.$", self.output, re.M)
        assert found, f"load_demo printed no count for {app_label}:\n{self.output}"
        return int(found[1])


def _load_demo() -> DemoData:
    # A transactional test before this one may have flushed the groups the migrations made.
    sync_role_groups(django_apps)
    out = StringIO()
    call_command("load_demo", stdout=out)
    return DemoData(out.getvalue())


class _SharedDemo:
    """The demo, held in an open transaction of the test database while the demo tests run."""

    def __init__(self, django_db_blocker) -> None:
        self._blocker = django_db_blocker
        self._atomic: transaction.Atomic | None = None
        self.data: DemoData | None = None
        self.is_committed = False

    @property
    def is_held(self) -> bool:
        return self._atomic is not None

    def hold(self) -> None:
        with self._blocker.unblock():
            self._atomic = transaction.atomic(using=DEFAULT_DB_ALIAS)
            self._atomic.__enter__()
            self.data = _load_demo()

    def release(self, *, commit: bool = False) -> None:
        """Roll the demo back, or commit it for a transactional test (which flushes it)."""
        if self._atomic is None:
            return
        with self._blocker.unblock():
            if not commit:
                transaction.set_rollback(True, using=DEFAULT_DB_ALIAS)
            self._atomic.__exit__(None, None, None)
        self._atomic = None
        self.is_committed = commit


_shared: _SharedDemo | None = None


def _django_db_options(
    transaction=False, reset_sequences=False, databases=None, serialized_rollback=False, **_
) -> tuple[bool, bool]:
    """The arguments of pytest.mark.django_db that make a test transactional."""
    return transaction, reset_sequences


def _is_transactional(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker is not None and any(_django_db_options(*marker.args, **marker.kwargs)):
        return True
    fixtures = set(getattr(item, "fixturenames", ()))
    return bool({"transactional_db", "live_server", "django_db_reset_sequences"} & fixtures)


def _uses_demo(item: pytest.Item) -> bool:
    return "demo" in getattr(item, "fixturenames", ())


def _group(item: pytest.Item) -> int:
    if _uses_demo(item):
        return COMMITTED_DEMO if _is_transactional(item) else SHARED_DEMO
    if _is_transactional(item):
        return TRANSACTIONAL
    uses_db = "db" in getattr(item, "fixturenames", ())
    if uses_db or item.get_closest_marker("django_db") is not None:
        return EMPTY_DATABASE
    return NO_DATABASE


@pytest.hookimpl(trylast=True)  # after pytest-django's own sort, which this one refines
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=_group)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    # Before the fixtures of a test that does not ask for the demo: it must not see it. (The
    # `demo` fixture commits it for a transactional test, so a skipped one commits nothing.)
    if _shared is not None and _shared.is_held and not _uses_demo(item):
        _shared.release()


@pytest.fixture(scope="session")
def _shared_demo(django_db_setup, django_db_blocker):
    """Session-scoped, so it opens its transaction before the first demo test's own."""
    global _shared
    _shared = _SharedDemo(django_db_blocker)
    _shared.hold()
    yield _shared
    _shared.release()  # before django_db_setup's teardown drops the test database
    _shared = None


@pytest.fixture
def demo(request, _shared_demo: _SharedDemo, db):
    """The whole demo, as `manage.py load_demo` leaves it; a test's changes roll back."""
    transactional = _is_transactional(request.node)
    if transactional and _shared_demo.is_held:
        _shared_demo.release(commit=True)
    if _shared_demo.is_held or (transactional and _shared_demo.is_committed):
        data = _shared_demo.data
    else:
        # Out of the usual order, the shared demo is gone (rolled back, or flushed by a
        # transactional test): load one for this test, in its own transaction or committed.
        data = _load_demo()
    yield data
    if transactional:
        _shared_demo.is_committed = False  # the test's teardown flushes the database
