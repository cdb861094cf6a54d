"""Helpers for the browser journeys: signing in through the UI and checking accessibility."""

import datetime
import json
from base64 import b32decode
from pathlib import Path
from urllib.parse import urlsplit

from django_otp.oath import TOTP
from playwright.sync_api import Locator, Page, expect

from e2e.html_pages import keep_html

AXE_SOURCE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
# WCAG 2.0, 2.1 and 2.2, levels A and AA.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]

# Reduced motion: Bootstrap then draws buttons without transitions, so axe never measures a
# colour half-way through a hover's fade.
PAGE_OPTIONS = {
    "viewport": {"width": 1280, "height": 900},
    "locale": "en-GB",
    "reduced_motion": "reduce",
}


def totp_code(secret: str) -> str:
    """The code an authenticator app with this base32 secret shows now (the frozen clock's)."""
    return f"{TOTP(b32decode(secret.replace(' ', ''))).token():06d}"


def sign_in(page: Page, base_url: str, username: str, password: str, totp_secret: str = "") -> None:
    """Sign in with the keyboard, as a person would; with `totp_secret` (an administrator's
    app), then enter the code the app would show."""
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_label("Password").press("Enter")
    if totp_secret:
        expect(page.get_by_role("heading", level=1)).to_contain_text("Enter your code")
        page.get_by_label("Code").fill(totp_code(totp_secret))
        page.get_by_label("Code").press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome")
    wait_for_scripts(page)


def wait_for_scripts(page: Page) -> None:
    """Wait for the page's load event: a heading shows before the scripts at the foot of the
    page have run, and a menu clicked before Bootstrap's has does not open (nor is the page
    styled yet for axe)."""
    page.wait_for_load_state("load")


def watch_console_for_csp_violations(page: Page) -> None:
    """Keep the Content Security Policy errors the browser reports, for assert_accessible; with
    E2E_HTML_DIR set, keep each HTML page too, for the Nu HTML Checker (e2e/html_pages.py)."""
    keep_html(page)
    page.csp_violations = []
    page.on(
        "console",
        lambda message: (
            page.csp_violations.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )


def assert_no_csp_violations(page: Page) -> None:
    """Fail if the page's Content Security Policy blocked anything (an inline script or style)."""
    assert not page.csp_violations, page.csp_violations


def assert_accessible(page: Page) -> None:
    """Fail on any axe-core violation of WCAG 2.0, 2.1 or 2.2 A and AA rules on this page,
    and on anything its Content Security Policy blocked."""
    assert_no_csp_violations(page)
    # A heading can be visible before the stylesheets have arrived: axe must see the page as
    # styled, or it measures the browser's default colours against the navbar's.
    wait_for_scripts(page)
    page.evaluate("document.fonts.ready.then(() => true)")
    # Evaluated through the DevTools protocol, so the page's CSP does not block it.
    page.evaluate(AXE_SOURCE)
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    violations = [
        {
            "rule": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "targets": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in results["violations"]
    ]
    assert not violations, f"{page.url}:\n{json.dumps(violations, indent=2)}"


# A phone's width and a laptop's.
WIDTHS = (390, 1280)


def assert_accessible_at_widths(page: Page, visible: Locator | None = None) -> None:
    """`assert_accessible` at each of WIDTHS, `visible` (an error beside its field) still
    shown at each; then back to the default width."""
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        if visible is not None:
            expect(visible).to_be_visible()
        assert_accessible(page)
    page.set_viewport_size(PAGE_OPTIONS["viewport"])


def open_from_menu(page: Page, menu: str, item: str) -> None:
    """Open a page from the main navigation's menus, as a person would."""
    wait_for_scripts(page)
    navigation = page.get_by_role("navigation", name="Main")
    navigation.get_by_role("button", name=menu, exact=True).click()
    link = navigation.get_by_role("link", name=item, exact=True)
    path = urlsplit(link.get_attribute("href")).path
    link.click()
    # The click returns as the page starts to change: what a test looks for next must be
    # found on the new page, not on the old one with its menu still open.
    page.wait_for_url(lambda url: urlsplit(url).path == path)


def fill_date(page: Page, legend: str, day: datetime.date) -> None:
    """Type a date into the day, month and year boxes of the fieldset named `legend`."""
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))
