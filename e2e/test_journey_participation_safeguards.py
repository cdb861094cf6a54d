"""A commissioner types a child's name and date of birth into a participation record, or into
one of its quotes, is stopped with the reason beside the field, rewrites it and saves, in a real
browser; then records the Lundy model's evidence and closes the feedback loop."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from core.tests.factories import CommissionerFactory
from e2e.browser import (
    assert_accessible,
    assert_accessible_at_widths,
    fill_date,
    open_from_menu,
    sign_in,
)
from participation.models import ParticipationRecord, PersonalDataConfirmation
from participation.tests.factories import StakeholderGroupFactory
from priorities.tests.factories import FrameworkFactory, PriorityAreaFactory

pytestmark = pytest.mark.browser

PASSWORD = "a-long-enough-passphrase"
IDENTITY = "Jamie Smith, DOB 14/03/2015, said the bus to the youth club is always late."
REWRITTEN = "A young person said the bus to the youth club is always late."


def _log_participation(page, title: str, *, you_said: str) -> None:
    """Open "Log participation" from the log and fill in a consultation of the Children in
    Care Council that informed the plan stage."""
    open_from_menu(page, "Participation", "Participation log")
    page.get_by_role("link", name="Log participation").click()
    page.get_by_label("Title").fill(title)
    page.get_by_label("Method").select_option(label="Consultation")
    page.get_by_label("Consult", exact=True).check()
    page.get_by_label("Cycle stage it informed").select_option(label="Plan")
    page.get_by_label("Children in Care (Halton)").check()
    page.get_by_label("Children in Care Council").check()
    page.get_by_label("Aged 11 to 15").fill("5")
    page.get_by_label("What we heard (you said)").fill(you_said)


@pytest.fixture
def sam(page, base_url):
    """Sam, lead commissioner of Children in Care, signed in; the Children in Care Council is
    a group that takes part."""
    user = CommissionerFactory(
        username="sam", password=PASSWORD, first_name="Sam", last_name="Reid"
    )
    PriorityAreaFactory(
        framework=FrameworkFactory(), title="Children in Care", lead_commissioners=[user]
    )
    StakeholderGroupFactory(name="Children in Care Council")
    sign_in(page, base_url, "sam", PASSWORD)
    return user


def test_commissioner_is_stopped_by_a_childs_identity_and_rewrites_it(page, sam):

    _log_participation(page, "Getting to the youth club", you_said=IDENTITY)
    page.get_by_role("button", name="Save record").click()

    expect(page.get_by_role("alert", name="There is a problem")).to_contain_text("you said")
    beside = page.locator("#div_id_you_said")
    expect(beside).to_contain_text("This looks like a date of birth ('DOB 14/03/2015')")
    expect(beside).to_contain_text("Remove anything that could identify a child.")
    # What was typed is kept, and the confirmation is offered now that something was found.
    expect(page.get_by_label("What we heard (you said)")).to_have_value(IDENTITY)
    expect(page.get_by_label("I have checked: this is not about a child")).not_to_be_checked()
    assert not ParticipationRecord.objects.exists()
    assert_accessible_at_widths(page, beside)

    page.get_by_label("What we heard (you said)").fill(REWRITTEN)
    page.get_by_role("button", name="Save record").click()

    expect(page.get_by_role("alert")).to_contain_text("saved")
    expect(page.get_by_role("heading", level=1)).to_have_text("Getting to the youth club")
    expect(page.get_by_text(REWRITTEN)).to_be_visible()
    assert_accessible(page)
    assert ParticipationRecord.objects.get().you_said == REWRITTEN
    assert not PersonalDataConfirmation.objects.exists()


CHILD_QUOTE = "Jamie, born 14/03/2015, said: I never know who my advocate will be."
QUOTE = "I never know who my advocate will be until I walk into the room."
ITEM = "Meet your advocate before the review, not on the day."
CHANGED = "Advocates now meet each young person a week before every review."
SAVED = "Participation record “What makes a good advocate?” saved."
LUNDY = {
    "Space": "At the council's own evening meeting, in its usual room, with transport paid.",
    "Voice": "Members wrote their views on cards first; an advocate helped those who wanted it.",
    "Audience": "The Head of Service for Children in Care heard it at the meeting.",
    "Influence": "The advocacy contract changed; the council was told at its next meeting.",
}


def test_commissioner_rewrites_a_quote_records_lundy_and_closes_the_loop(page, sam):
    today = timezone.localdate()

    _log_participation(page, "What makes a good advocate?", you_said=REWRITTEN)
    item = page.locator("#you-said-item-1")
    item.get_by_label("You said").fill(ITEM)
    item.get_by_label("Still deciding").check()
    item.get_by_label("What changed, the reason").fill("Whether advocates can meet earlier.")
    fill_date(item, "By when", today + datetime.timedelta(days=30))
    quote = page.locator("#quote-1")
    quote.get_by_label("Quote").fill(CHILD_QUOTE)
    quote.get_by_label("Consent given by (group)").select_option(label="Children in Care Council")
    quote.get_by_label("Reports to boards").check()
    fill_date(quote, "Consent until", today + datetime.timedelta(days=365))
    for element, evidence in LUNDY.items():
        page.get_by_role("group", name=element, exact=True).get_by_label("Yes").check()
        page.get_by_label(f"Evidence of {element}").fill(evidence)
    page.get_by_role("button", name="Save record").click()

    # Stopped: the reason beside the quote, and listed above the form.
    expect(page.get_by_role("alert").filter(has_text="correct the quotes")).to_contain_text(
        "Quote 1, quote"
    )
    beside = page.locator("#div_id_quotes-0-text")
    expect(beside).to_contain_text("a date of birth")
    expect(beside).to_contain_text("a person's name ('Jamie')")
    expect(beside).to_contain_text("Remove anything that could identify a child.")
    expect(quote.get_by_label("Quote")).to_have_value(CHILD_QUOTE)
    expect(page.get_by_label("Evidence of Influence")).to_have_value(LUNDY["Influence"])
    assert not ParticipationRecord.objects.exists()
    assert_accessible_at_widths(page, beside)

    quote.get_by_label("Quote").fill(QUOTE)
    page.get_by_role("button", name="Save record").click()

    expect(page.get_by_role("alert")).to_have_text(SAVED)
    expect(page.get_by_role("heading", level=1)).to_have_text("What makes a good advocate?")
    expect(page.locator(".participation-quote")).to_contain_text(QUOTE)
    badges = page.get_by_role("list", name="Lundy model")
    for element in LUNDY:
        expect(badges).to_contain_text(f"{element}: Yes")
    expect(page.get_by_text(ITEM)).to_be_visible()
    assert_accessible_at_widths(page)

    # The loop closes: the item ends as "we did", with what changed.
    page.get_by_role("link", name="Edit record").click()
    item = page.locator("#you-said-item-1")
    item.get_by_label("We did", exact=True).check()
    item.get_by_label("What changed, the reason").fill(CHANGED)
    fill_date(item, "By when", today)
    page.get_by_role("button", name="Save changes").click()

    expect(page.get_by_role("alert")).to_have_text(SAVED)
    expect(page.get_by_text(CHANGED)).to_be_visible()
    assert_accessible_at_widths(page)
    record = ParticipationRecord.objects.get()
    closed = record.you_said_items.get()
    assert (closed.outcome, closed.response) == ("we_did", CHANGED)
    assert record.quotes.get().text == QUOTE
    assert record.lundy_influence == "yes"
    assert not PersonalDataConfirmation.objects.exists()
