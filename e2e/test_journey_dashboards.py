"""The dashboards' charts on the loaded demo: a commissioner reads each priority's RAG mix and
the overdue trend at home, the priorities by term on the framework page and the RAG mix over the
terms on a priority's page; each chart an image with alt text whose figures open as a table.
At a phone's width nothing scrolls sideways; axe finds nothing on any of the pages. Screenshots
are kept in test-artifacts/dashboards/ to look at."""

import io

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from core.demo_users import DEMO_USERS
from e2e.browser import assert_accessible, sign_in
from e2e.conftest import ARTIFACTS
from priorities.models import Framework

pytestmark = pytest.mark.browser

SCREENSHOTS = ARTIFACTS / "dashboards"


def _look(page: Page, name: str) -> None:
    """Keep a screenshot; the page fits its width; axe finds no violation."""
    width = page.viewport_size["width"]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)
    scroll_width, inner_width = page.evaluate(
        "[document.documentElement.scrollWidth, window.innerWidth]"
    )
    assert scroll_width <= inner_width, f"{name} scrolls sideways at {width}px"
    assert_accessible(page)


def _open_the_figures(page: Page, alt_starts: str):
    """The chart whose alt text starts so, with its table of figures opened."""
    figure = page.locator("div.chart").filter(has=page.locator(f'img[alt^="{alt_starts}"]'))
    expect(figure).to_have_count(1)
    figure.get_by_text("Show the figures as a table").click()
    return figure.get_by_role("table")


@pytest.mark.parametrize("width", (390, 1366))
def test_a_commissioner_reads_the_charts_of_home_framework_and_priority(page, base_url, width):
    call_command("load_demo", stdout=io.StringIO())
    halton = Framework.objects.get(partnership__short_name="Halton")
    commissioner = next(user for user in DEMO_USERS if user.username == "commissioner")
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, base_url, commissioner.username, commissioner.password)

    expect(page.get_by_role("heading", name="The priorities you lead at a glance")).to_be_visible()
    bars = _open_the_figures(page, "Stacked bar chart: Actions of each priority")
    expect(bars.get_by_role("columnheader", name="Red")).to_be_visible()
    expect(bars.get_by_role("rowheader", name="Children in Care")).to_be_visible()
    trend = _open_the_figures(page, "Line chart: Actions overdue at the end of each term")
    expect(trend.get_by_role("row")).to_have_count(7)  # the header and six terms
    expect(trend.get_by_role("rowheader").last).to_contain_text("(to today)")
    _look(page, "home")

    page.goto(f"{base_url}{halton.get_absolute_url()}")
    expect(page.get_by_role("heading", name="Priorities by term")).to_be_visible()
    heat = _open_the_figures(page, "Heat map: Overall RAG")
    expect(heat.get_by_role("rowheader", name="Children in Care")).to_be_visible()
    _look(page, "framework")

    page.get_by_role("link", name="1. 0-5 Development").click()
    expect(page.get_by_role("heading", name="Actions by RAG over the terms")).to_be_visible()
    terms = _open_the_figures(page, "Stacked bar chart: Actions of 0-5 Development")
    expect(terms.get_by_role("rowheader").last).to_contain_text("(now)")
    expect(page.get_by_role("heading", name="Indicators off track")).to_be_visible()
    _look(page, "priority")
