"""Search across everything in a real browser: a board member opens the navigation bar's
search box, types a word and sees the records of each kind that hold it, grouped, then all of
one kind; another partnership's record with the same word is never among them."""

import pytest
from playwright.sync_api import expect

from core import roles
from core.tests.factories import UserFactory, default_partnership_as
from e2e.browser import assert_accessible, sign_in
from priorities.tests.factories import ActionFactory
from reporting.search.engine import GROUP_SIZE
from reporting.tests.search_records import records_mentioning

pytestmark = pytest.mark.browser

PASSWORD = "a-long-enough-passphrase"
WORD = "Kaleidoscope"


def test_board_member_searches_from_the_navigation_bar(page, base_url):
    records_mentioning(WORD)
    for number in range(GROUP_SIZE + 1):
        ActionFactory(title=f"{WORD} short breaks, phase {number}")
    with default_partnership_as("West Cheshire"):
        ActionFactory(title=f"West Cheshire {WORD} review")
    UserFactory(username="bea", password=PASSWORD, role=roles.BOARD_MEMBER)
    sign_in(page, base_url, "bea", PASSWORD)

    navigation = page.get_by_role("navigation", name="Main")
    # Until the stylesheets apply, the closed menu's own "Search" button is on show as well:
    # the toggle is the one with the description, and the page has loaded when it is alone.
    page.wait_for_load_state("load")
    navigation.get_by_role("button", name="Search", description="Search across everything").click()
    box = navigation.get_by_role("searchbox", name="Search across everything")
    expect(box).to_be_focused()
    box.fill(WORD.lower())
    box.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Search across everything")
    actions = page.get_by_role("region", name="Actions")
    expect(actions.get_by_role("heading", level=2)).to_have_text(f"Actions {GROUP_SIZE + 2} found")
    expect(actions.get_by_role("listitem")).to_have_count(GROUP_SIZE)
    for heading in ("Priorities", "Commissioning activities", "Contracts", "Decisions"):
        expect(page.get_by_role("region", name=heading)).to_be_visible()
    expect(page.get_by_text("West Cheshire")).to_have_count(0)
    assert_accessible(page)

    actions.get_by_role("link", name=f"All {GROUP_SIZE + 2} actions").click()
    expect(page.get_by_role("heading", level=2)).to_have_text(f"Actions {GROUP_SIZE + 2} found")
    results = page.get_by_role("main").get_by_role("list").get_by_role("listitem")
    expect(results).to_have_count(GROUP_SIZE + 2)
    assert_accessible(page)


def test_a_search_that_finds_nothing_says_so(page, base_url):
    UserFactory(username="cam", password=PASSWORD, role=roles.COMMISSIONER)
    sign_in(page, base_url, "cam", PASSWORD)
    page.goto(f"{base_url}/search/")
    expect(page.get_by_text("Type a few words to find")).to_be_visible()

    box = page.get_by_role("main").get_by_role("searchbox", name="Search across everything")
    box.fill("lighthouse")
    box.press("Enter")

    expect(page.get_by_text("Nothing matches “lighthouse”.")).to_be_visible()
    assert_accessible(page)
