"""Every role's main pages on the loaded demo, at a phone's and two laptops' widths: nothing
scrolls sideways (a wide table scrolls in its own labelled region), the account menu stays in
sight, and every control shows the strong focus ring. Screenshots of each page at each width
are kept in test-artifacts/layout/ to look at."""

import io

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.urls import reverse
from playwright.sync_api import Page, expect

from core.demo_users import DEMO_USERS
from e2e.browser import assert_accessible, sign_in
from e2e.conftest import ARTIFACTS
from priorities.models import Action, Framework, PriorityArea
from reporting.models import Term, TermlyReport

pytestmark = pytest.mark.browser

WIDTHS = (390, 1280, 1366)
SCREENSHOTS = ARTIFACTS / "layout"


@pytest.fixture
def main_pages() -> dict[str, str]:
    """The demo, loaded into the live server's database; its main pages by name."""
    call_command("load_demo", stdout=io.StringIO())
    halton = Framework.objects.get(partnership__short_name="Halton")
    # Halton's, the partnership the demo users of both work in first. The priority with the
    # longest plan, whose table is the widest.
    priority = (
        PriorityArea.objects.filter(framework=halton)
        .annotate(actions_count=Count("actions"))
        .latest("actions_count")
    )
    term = Term.objects.current()
    report = TermlyReport.objects.filter(term=term, priority_area__framework=halton)
    report = report.order_by("pk").first()
    return {
        "home": reverse("home"),
        "framework": halton.get_absolute_url(),
        "priority": priority.get_absolute_url(),
        "action-list": reverse("priorities:action_list"),
        "contracts-register": reverse("commissioning:contract_list"),
        "report": report.get_absolute_url(),
        "board-pack": reverse("reporting:board_pack", args=[halton.owning_board_id, term.pk]),
    }


def _assert_fits(page: Page, name: str, role: str, width: int) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{role}-{width}-{name}.png"))
    scroll_width, inner_width = page.evaluate(
        "[document.documentElement.scrollWidth, window.innerWidth]"
    )
    assert scroll_width <= inner_width, (
        f"{name} scrolls sideways for the {role} at {width}px: {scroll_width}px wide"
    )
    # A table wider than the page scrolls in a region a keyboard can reach and a screen
    # reader names.
    for region in page.locator("div.table-responsive").all():
        assert region.get_attribute("tabindex") == "0"
        assert region.get_attribute("role") == "region"
        assert region.get_attribute("aria-label")


# The demo users of both partnerships: each role once (the others see the same pages).
BOTH_PARTNERSHIPS = [user for user in DEMO_USERS if len(user.partnerships) > 1]


@pytest.mark.parametrize("demo_user", BOTH_PARTNERSHIPS, ids=lambda user: user.username)
def test_main_pages_never_scroll_sideways(page, base_url, main_pages, demo_user):
    sign_in(
        page, base_url, demo_user.username, demo_user.password, totp_secret=demo_user.totp_secret
    )
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for name, path in main_pages.items():
            page.goto(f"{base_url}{path}")
            _assert_fits(page, name, demo_user.username, width)
            if width == WIDTHS[0]:
                assert_accessible(page)
        navigation = page.get_by_role("navigation", name="Main")
        if width >= 1200:
            # The account menu was cut off at the right edge of a 1366px screen.
            account = navigation.get_by_role("button", name="Demo ")
            box = account.bounding_box()
            assert box["x"] + box["width"] <= width, f"the account menu is cut off at {width}px"
        else:
            expect(navigation.get_by_role("button", name="Show or hide navigation")).to_be_visible()


def test_every_control_has_the_strong_focus_ring(page, base_url, main_pages):
    """Radio buttons and tick boxes showed Bootstrap's faint blue glow, not the yellow ring."""
    commissioner = next(user for user in DEMO_USERS if user.username == "commissioner")
    sign_in(page, base_url, commissioner.username, commissioner.password)
    # One of Halton's, where the demo commissioner of both partnerships works first.
    action = (
        Action.objects.filter(
            owner__username="commissioner",
            priority_area__framework__partnership__short_name="Halton",
        )
        .order_by("pk")
        .first()
    )
    page.goto(f"{base_url}{action.get_absolute_url()}")
    controls = {
        "radio button": page.get_by_label("Amber"),
        "text box": page.get_by_label("Percent complete"),
        "button": page.get_by_role("button", name="Log progress"),
        "link": page.get_by_role("link", name="Home", exact=True),
    }
    page.keyboard.press("Tab")  # a keyboard user: focus then shows as :focus-visible
    for kind, control in controls.items():
        control.focus()
        ring = control.evaluate(
            "element => { const style = getComputedStyle(element);"
            " return [document.activeElement === element, style.outlineStyle,"
            " style.outlineWidth, style.outlineColor]; }"
        )
        assert ring == [True, "solid", "3px", "rgb(255, 221, 0)"], f"{kind}: {ring}"
