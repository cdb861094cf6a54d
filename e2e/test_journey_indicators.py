"""A board member opens a priority, then one of its indicators: the trend chart with its text
alternative, the values table and the story behind the curve, on a desktop and on a phone."""

import datetime
import os
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from core import roles
from core.tests.factories import UserFactory
from e2e.browser import assert_accessible, sign_in
from e2e.conftest import ARTIFACTS
from priorities.models import Comparator
from priorities.tests.factories import (
    ComparatorFactory,
    ComparatorValueFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    PriorityAreaFactory,
)

pytestmark = pytest.mark.browser

PASSWORD = "a-long-enough-passphrase"
WIDTHS = (390, 1366)


@pytest.fixture
def gld():
    area = PriorityAreaFactory(title="0-5 Development")
    indicator = IndicatorFactory(
        priority_area=area,
        name="Good level of development at age 5",
        target=Decimal("70"),
        publication_frequency="annual",
    )
    IndicatorValueFactory(
        indicator=indicator, period_label="2013", period_end=datetime.date(2013, 8, 31), value=37
    )
    IndicatorValueFactory(
        indicator=indicator,
        period_label="2017",
        period_end=datetime.date(2017, 8, 31),
        value=61,
        note="Gap 10% (national 71%).",
        story_drivers="Children in families below the poverty line are 9 months behind.",
        story_partners="The One Halton Child Development Group.",
        story_what_works="Daily reading, regular bedtimes and library visits.",
    )
    partnership = area.framework.partnership
    england = ComparatorFactory(partnership=partnership, kind=Comparator.Kind.ENGLAND)
    for label, value in (("2013", 52), ("2017", 71)):
        ComparatorValueFactory(
            indicator=indicator,
            comparator=england,
            period_label=label,
            period_end=datetime.date(int(label), 8, 31),
            value=value,
        )
    return indicator


def _screenshot(page, width: int) -> None:
    """With E2E_SCREENSHOTS=1, keep a full-page picture to look at (test-artifacts/)."""
    if os.environ.get("E2E_SCREENSHOTS") == "1":
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"indicator-{width}.png"), full_page=True)


def test_a_board_member_reads_an_indicators_trend_values_and_story(page, base_url, gld):
    UserFactory(username="bea", password=PASSWORD, role=roles.BOARD_MEMBER)
    sign_in(page, base_url, "bea", PASSWORD)
    page.goto(f"{base_url}{gld.priority_area.get_absolute_url()}")
    expect(page.get_by_text("Stale").first).to_be_visible()
    page.get_by_role("link", name="Good level of development at age 5").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Good level of development at age 5"
    )
    chart = page.get_by_role("img", name="Line chart: Good level of development at age 5.")
    expect(chart).to_be_visible()
    alt = chart.get_attribute("alt")
    assert "England: 52 in 2013 to 71 in 2017." in alt and "Target 70" in alt

    table = page.get_by_role("table", name="Values of Good level of development at age 5")
    expect(table.get_by_role("row", name="2017")).to_contain_text("61")
    expect(table.get_by_role("row", name="2017")).to_contain_text("71")
    expect(table.get_by_role("row", name="2017")).to_contain_text("Gap 10% (national 71%).")
    expect(table.get_by_role("row", name="2013")).to_contain_text("52")

    story = page.locator(".indicator-story")
    expect(story).to_contain_text("What is driving it")
    expect(story).to_contain_text("The One Halton Child Development Group.")
    expect(story).to_contain_text("Daily reading, regular bedtimes and library visits.")
    expect(page.get_by_text("Next value due")).to_be_visible()

    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        expect(chart).to_be_visible()
        scroll_width, inner_width = page.evaluate(
            "[document.documentElement.scrollWidth, window.innerWidth]"
        )
        assert scroll_width <= inner_width, f"the page scrolls sideways at {width}px"
        assert_accessible(page)
        _screenshot(page, width)
