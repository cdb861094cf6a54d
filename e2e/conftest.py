"""Browser journeys: Playwright driving Debian's Chromium against pytest-django's live server.

Without /usr/bin/chromium the journeys are skipped with the reason; with E2E_REQUIRE_BROWSER=1
(set by .ci/run) a missing browser fails them instead. On failure a screenshot and the page's
HTML are saved under test-artifacts/.
"""

import os
import re
from pathlib import Path

import pytest
from django.apps import apps as django_apps

from core.roles import sync_role_groups
from e2e.browser import PAGE_OPTIONS, watch_console_for_csp_violations

CHROMIUM = Path(os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _browser_is_required() -> bool:
    return os.environ.get("E2E_REQUIRE_BROWSER") == "1"


def pytest_collection_modifyitems(config, items):
    # When the browser is required, its absence fails each journey in the `browser` fixture.
    if CHROMIUM.exists() or _browser_is_required():
        return
    skip = pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(skip)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


@pytest.fixture(scope="session")
def allow_orm_beside_playwright():
    """Playwright's sync API keeps an event loop in the test's thread; the ORM calls that the
    journeys make for their set-up are still synchronous and safe."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture(scope="session")
def browser(allow_orm_beside_playwright):
    if not CHROMIUM.exists():
        pytest.fail(f"E2E_REQUIRE_BROWSER=1 but Chromium is missing at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(request, browser, live_server):
    context = browser.new_context(**PAGE_OPTIONS)
    page = context.new_page()
    page.set_default_timeout(10_000)
    watch_console_for_csp_violations(page)
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        stem = re.sub(r"[^\w.-]+", "_", request.node.nodeid)
        page.screenshot(path=str(ARTIFACTS / f"{stem}.png"), full_page=True)
        (ARTIFACTS / f"{stem}.html").write_text(page.content(), encoding="utf-8")
    context.close()


@pytest.fixture(autouse=True)
def role_groups(transactional_db):
    """The live server's database is flushed between tests; put the role groups back."""
    sync_role_groups(django_apps)


@pytest.fixture
def base_url(live_server) -> str:
    return live_server.url
