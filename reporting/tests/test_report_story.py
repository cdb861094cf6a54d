"""A report's indicator section tells the story behind the latest value's curve."""

import datetime

import pytest
from django.urls import reverse

from priorities.tests.factories import IndicatorFactory, IndicatorValueFactory, PriorityAreaFactory
from reporting import services
from reporting.assemble import assemble_report
from reporting.models import Term
from reporting.tests.factories import TermlyReportFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

D = datetime.date


@pytest.fixture
def autumn():
    return Term.objects.get(academic_year=2025, season="autumn")


def test_the_assembled_indicator_carries_its_latest_values_story_and_note(autumn):
    area = PriorityAreaFactory(title="0-5 Development")
    gld = IndicatorFactory(priority_area=area, name="Good level of development at age 5")
    IndicatorValueFactory(
        indicator=gld, period_label="2023", period_end=D(2023, 8, 31), story_drivers="Older story"
    )
    IndicatorValueFactory(
        indicator=gld,
        period_label="2024",
        period_end=D(2024, 8, 31),
        note="Provisional figure.",
        story_drivers="Language delay among children in poverty.",
        story_partners="The One Halton Child Development Group.",
        story_what_works="Daily reading and library visits.",
    )
    IndicatorFactory(priority_area=area, name="Care leavers in education")

    rows = {
        row["name"]: row
        for row in assemble_report(area, autumn, today=D(2025, 12, 15))["indicators"]
    }

    story = {key: rows[gld.name][key] for key in ("story_drivers", "story_partners")}
    assert story == {
        "story_drivers": "Language delay among children in poverty.",
        "story_partners": "The One Halton Child Development Group.",
    }
    assert rows[gld.name]["story_what_works"] == "Daily reading and library visits."
    assert rows[gld.name]["note"] == "Provisional figure."
    no_values = rows["Care leavers in education"]
    assert [no_values[key] for key in ("story_drivers", "story_partners", "note")] == ["", "", ""]


def test_the_report_page_shows_the_story_and_links_the_indicators_page(
    board_member_client, commissioner
):
    area = PriorityAreaFactory(title="0-5 Development", lead_commissioners=[commissioner])
    gld = IndicatorFactory(priority_area=area, name="Good level of development at age 5")
    term = Term.objects.current()
    IndicatorValueFactory(
        indicator=gld,
        period_label="2017",
        period_end=min(D(2017, 8, 31), term.end_date),
        story_what_works="Daily reading and library visits.",
        note="Gap 10% (national 71%).",
    )
    report = services.termly_report_submit(
        report=TermlyReportFactory(priority_area=area, term=term), user=commissioner
    )
    page = board_member_client.get(
        reverse("reporting:report_detail", args=[report.pk])
    ).content.decode()
    assert "The story behind the curve (2017)" in page
    assert '<dt class="col-sm-4">What works</dt><dd class="col-sm-8">Daily reading' in page
    assert '<dt class="col-sm-4">Note on this value</dt><dd class="col-sm-8">Gap 10%' in page
    assert "What is driving it" not in page, "a question left unanswered is not shown"
    assert f'<a href="{gld.get_absolute_url()}">Good level of development at age 5</a>' in page
