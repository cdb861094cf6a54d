"""A commissioner publishes a participation record (preview, then publish); a visitor who never
signs in reads it on the partnership's public page on a phone-sized screen."""

import os
import re

import pytest
from playwright.sync_api import expect

from core.tests.factories import CommissionerFactory, default_partnership
from e2e.browser import PAGE_OPTIONS, assert_accessible, sign_in, watch_console_for_csp_violations
from e2e.conftest import ARTIFACTS
from participation.tests.factories import ParticipationRecordFactory, StakeholderGroupFactory
from priorities.tests.factories import ObjectiveFactory, PriorityAreaFactory

pytestmark = pytest.mark.browser

PASSWORD = "a-long-enough-passphrase"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}


def _screenshot(page, name: str) -> None:
    """With E2E_SCREENSHOTS=1, keep a full-page picture to look at (test-artifacts/)."""
    if os.environ.get("E2E_SCREENSHOTS") == "1":
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"public-{name}.png"), full_page=True)


def test_a_published_record_is_read_on_the_public_page_on_a_phone(page, base_url, browser):
    sam = CommissionerFactory(username="sam", password=PASSWORD)
    area = PriorityAreaFactory(title="Children in Care", lead_commissioners=[sam])
    ObjectiveFactory(priority_area=area, text="We will listen to children in care.")
    record = ParticipationRecordFactory(
        title="What makes a good advocate?",
        priority_areas=[area],
        groups=[StakeholderGroupFactory(name="Children in Care Council")],
        age_11_15=7,
        age_16_17=4,
        children_in_care=11,
        you_said="Meet us before the review, not on the day.",
        we_did="Advocates now meet you a week before every review.",
    )
    sign_in(page, base_url, "sam", PASSWORD)
    page.goto(f"{base_url}{record.get_absolute_url()}")
    expect(page.get_by_text("Not published")).to_be_visible()
    page.get_by_role("link", name="Preview for the public page").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Preview for the public page")
    expect(page.get_by_text("Children in Care Council", exact=False)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_role("alert")).to_contain_text("is published")
    expect(page.get_by_text(re.compile(r"^Published on \d"))).to_be_visible()

    slug = default_partnership().slug
    for name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        context = browser.new_context(**{**PAGE_OPTIONS, "viewport": viewport})
        visitor = context.new_page()
        watch_console_for_csp_violations(visitor)
        visitor.goto(f"{base_url}/open/{slug}/")
        visitor.get_by_role("link", name="You said, we did").first.click()
        expect(visitor.get_by_role("heading", level=1)).to_have_text("You said, we did")
        expect(visitor.get_by_text("Advocates now meet you a week before")).to_be_visible()
        expect(visitor.get_by_text("Children in Care Council")).to_have_count(0)
        expect(visitor.get_by_text("11 people")).to_be_visible()
        # Nothing runs off the side of a phone's screen.
        assert visitor.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        assert_accessible(visitor)
        _screenshot(visitor, f"you-said-we-did-{name}")
        visitor.get_by_role("link", name="Priorities").click()
        expect(visitor.get_by_role("heading", level=1)).to_have_text("Our priorities")
        expect(visitor.get_by_text("We will listen to children in care.")).to_be_visible()
        assert visitor.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        assert_accessible(visitor)
        _screenshot(visitor, f"priorities-{name}")
        context.close()
