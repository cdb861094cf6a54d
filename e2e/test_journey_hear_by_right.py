"""A commissioner opens the Hear by Right self-assessment, scores this year's standards with a
participation record as evidence, and sees this year against last, in a real browser."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from core.academic_years import academic_year_dates, academic_year_label, academic_year_of
from core.tests.factories import CommissionerFactory
from e2e.browser import assert_accessible, assert_accessible_at_widths, open_from_menu, sign_in
from participation.models import HearByRightAssessment, HearByRightLevel, Standard
from participation.tests.factories import HearByRightAssessmentFactory, ParticipationRecordFactory
from priorities.tests.factories import FrameworkFactory, PriorityAreaFactory

pytestmark = pytest.mark.browser

PASSWORD = "a-long-enough-passphrase"
EVIDENCE = "The Children in Care Council helped to write the participation strategy."


def test_commissioner_scores_a_standard_and_sees_this_year_against_last(page, base_url):
    sam = CommissionerFactory(username="sam", password=PASSWORD)
    area = PriorityAreaFactory(
        framework=FrameworkFactory(), title="Children in Care", lead_commissioners=[sam]
    )
    year = academic_year_of(timezone.localdate())
    HearByRightAssessmentFactory(year=year - 1, scored=True)  # every standard at emerging
    start, _ = academic_year_dates(year)
    ParticipationRecordFactory(
        title="Children in Care Council strategy session",
        priority_areas=[area],
        date=max(start, timezone.localdate()),
    )
    sign_in(page, base_url, "sam", PASSWORD)

    open_from_menu(page, "Participation", "Participation log")
    page.get_by_role("link", name="Hear by Right self-assessment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Hear by Right self-assessment {academic_year_label(year)}"
    )
    expect(page.get_by_role("status")).to_contain_text("has not been started")
    assert_accessible_at_widths(page)

    page.get_by_role("link", name="Start this year's self-assessment").click()
    for standard in Standard:
        level = "Established" if standard == Standard.STRATEGY else "Emerging"
        page.get_by_role("group", name=f"{standard.label}: level").get_by_label(level).check()
    page.get_by_label("Strategy: evidence").fill(EVIDENCE)
    page.get_by_role("group", name="Strategy: participation records as evidence").get_by_label(
        "Children in Care Council strategy session"
    ).check()
    assert_accessible(page)
    page.get_by_role("button", name="Save the self-assessment").click()

    expect(page.get_by_role("alert")).to_contain_text("saved")
    strategy = page.get_by_role("row", name="Strategy")
    expect(strategy).to_contain_text("Emerging")
    expect(strategy).to_contain_text("Established")
    expect(strategy).to_contain_text("Up")
    expect(strategy).to_contain_text(EVIDENCE)
    expect(strategy).to_contain_text("Children in Care Council strategy session")
    expect(page.get_by_role("row", name="Structures")).to_contain_text("Same")
    assert_accessible_at_widths(page)
    saved = HearByRightAssessment.objects.get(year=year).scores.get(standard=Standard.STRATEGY)
    assert (saved.level, saved.evidence) == (HearByRightLevel.ESTABLISHED, EVIDENCE)
