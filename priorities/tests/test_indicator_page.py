"""An indicator's page: what it measures, its trend against target and comparators, the story
behind its latest value, its values with their notes, and when its next value is due."""

import datetime
import html
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core import roles
from core.tests.factories import (
    CommissionerFactory,
    UserFactory,
    default_partnership_as,
    give_role,
)
from priorities.freshness import add_months, is_stale, next_value_due
from priorities.models import Comparator, Indicator
from priorities.tests.factories import (
    ComparatorFactory,
    ComparatorValueFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    PriorityAreaFactory,
)

pytestmark = pytest.mark.django_db

D = datetime.date


# Next value due and stale: a pure function of dates


@pytest.mark.parametrize(
    ("period_end", "frequency", "lag", "due"),
    [
        (D(2017, 8, 31), "annual", 90, D(2018, 11, 29)),
        (D(2024, 2, 29), "annual", 0, D(2025, 2, 28)),
        (D(2026, 1, 31), "monthly", 30, D(2026, 3, 30)),
        (D(2026, 4, 30), "monthly", 0, D(2026, 5, 31)),
        (D(2026, 3, 31), "quarterly", 45, D(2026, 8, 14)),
        (D(2025, 12, 31), "termly", 60, D(2026, 6, 29)),
        (D(2025, 11, 15), "quarterly", 0, D(2026, 2, 15)),
    ],
)
def test_the_next_value_is_due_one_period_and_the_lag_after_the_latest_period_ends(
    period_end, frequency, lag, due
):
    assert next_value_due(period_end, frequency, lag) == due


def test_nothing_is_due_without_a_value_or_from_an_irregular_source():
    assert next_value_due(None, "annual", 90) is None
    assert next_value_due(D(2017, 6, 30), "irregular", 90) is None


def test_months_added_keep_within_the_month_and_keep_a_month_end():
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert add_months(D(2026, 2, 28), 1) == D(2026, 3, 31)
    assert add_months(D(2026, 1, 15), 13) == D(2027, 2, 15)


@pytest.mark.dates
def test_a_value_is_stale_only_after_its_due_day(today):
    assert not is_stale(today + datetime.timedelta(days=1), today)
    assert not is_stale(today, today), "on the due day it is still on time"
    assert is_stale(today - datetime.timedelta(days=1), today)
    assert not is_stale(None, today), "nothing due, never stale"


@pytest.mark.dates
@pytest.mark.parametrize(("days_after_due", "stale"), [(0, False), (1, True)])
def test_an_indicator_is_stale_the_day_after_its_next_value_was_due(today, days_after_due, stale):
    # A quarterly figure of a quarter long past, its lag set so that it falls due on the day.
    due = today - datetime.timedelta(days=days_after_due)
    quarter_end = D(2000, 3, 31)
    lag = (due - D(2000, 6, 30)).days
    indicator = IndicatorFactory(publication_frequency="quarterly", publication_lag_days=lag)
    IndicatorValueFactory(indicator=indicator, period_label="Q4 1999/00", period_end=quarter_end)
    indicator = Indicator.objects.prefetch_related("values").get(pk=indicator.pk)
    assert indicator.next_value_due == due
    assert indicator.is_stale is stale


# The page


@pytest.fixture
def gld(commissioner):
    """Halton's good level of development at age 5, with England and the North West."""
    area = PriorityAreaFactory(title="0-5 Development", lead_commissioners=[commissioner])
    indicator = IndicatorFactory(
        priority_area=area,
        name="Good level of development at age 5",
        definition="Percentage of children achieving a good level of development at age 5.",
        target=Decimal("70"),
        source="Early Years Foundation Stage Profile, DfE",
        publication_frequency="annual",
        publication_lag_days=90,
    )
    IndicatorValueFactory(
        indicator=indicator, period_label="2013", period_end=D(2013, 8, 31), value=37, note=""
    )
    IndicatorValueFactory(
        indicator=indicator,
        period_label="2017",
        period_end=D(2017, 8, 31),
        value=61,
        note="Gap 10% (national 71%).",
        story_drivers="Children in families below the poverty line are 9 months behind.",
        story_partners="The One Halton Child Development Group.",
        story_what_works="Daily reading, regular bedtimes and library visits.",
    )
    partnership = area.framework.partnership
    england = ComparatorFactory(partnership=partnership, name="England", order=1)
    region = ComparatorFactory(
        partnership=partnership, kind=Comparator.Kind.REGION, name="North West", order=2
    )
    retired = ComparatorFactory(
        partnership=partnership, kind=Comparator.Kind.OTHER, name="Old family", is_active=False
    )
    for comparator, value in ((england, 71), (region, 69), (retired, 50)):
        ComparatorValueFactory(
            indicator=indicator,
            comparator=comparator,
            period_label="2017",
            period_end=D(2017, 8, 31),
            value=value,
        )
    ComparatorValueFactory(
        indicator=indicator,
        comparator=england,
        period_label="2016",
        period_end=D(2016, 8, 31),
        value=69,
    )
    return indicator


def _page(client, indicator) -> str:
    response = client.get(reverse("priorities:indicator_detail", args=[indicator.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_says_what_the_indicator_measures(board_member_client, gld):
    page = _page(board_member_client, gld)
    assert "<h1" in page and "Good level of development at age 5" in page
    assert "Percentage of children achieving a good level of development at age 5." in page
    assert '<dd class="col-sm-9">Percentage</dd>' in page
    assert "Higher is better" in page
    assert '<dd class="col-sm-9">70</dd>' in page
    assert "Early Years Foundation Stage Profile, DfE" in page
    assert "<strong>61</strong> (2017)" in page
    assert "Worse than target" in page and "Worse than England" in page
    assert "Worse than North West" in page


def test_the_chart_draws_own_values_and_each_comparator_in_use_with_its_alt_text(
    board_member_client, gld
):
    page = html.unescape(_page(board_member_client, gld))
    assert '<img class="chart-image" src="data:image/svg+xml;base64,' in page
    assert (
        'alt="Line chart: Good level of development at age 5. Good level of development at age '
        "5: 37 in 2013 to 61 in 2017. England: 69 in 2016 to 71 in 2017. North West: 69 in 2017 "
        'to 69 in 2017. Target 70 (Percentage)."'
    ) in page
    assert "Old family" not in page, "a comparator no longer in use is neither charted nor listed"


def _table(page: str) -> list[list[str]]:
    """The cells of the page's values table, row by row, header row first."""
    table = page.split('id="values"')[1].split("</table>")[0]
    return [
        [cell.strip() for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)
    ]


def test_the_values_table_holds_each_period_each_comparator_and_the_note(board_member_client, gld):
    assert _table(_page(board_member_client, gld)) == [
        ["Period", "Value", "England", "North West", "Note"],
        ["2013", "37", "–", "–", ""],
        ["2016", "–", "69", "–", ""],
        ["2017", "61", "71", "69", "Gap 10% (national 71%)."],
    ]


def test_a_comparator_naming_the_period_otherwise_shares_its_row(board_member_client):
    indicator = IndicatorFactory()
    IndicatorValueFactory(indicator=indicator, period_label="2017", period_end=D(2017, 8, 31))
    ComparatorValueFactory(
        indicator=indicator, period_label="2016/17", period_end=D(2017, 8, 31), value=71
    )
    assert _table(_page(board_member_client, indicator))[1:] == [["2017", "61", "71", ""]]


def test_the_story_behind_the_curve_of_the_latest_value_is_beside_the_chart(
    board_member_client, gld
):
    page = html.unescape(_page(board_member_client, gld))
    story = page.split('id="story"')[1].split('id="values"')[0]
    assert "For the latest value, 2017." in story
    assert "<dt>What is driving it</dt><dd>Children in families below the poverty line" in story
    assert "<dt>Partners with a role</dt><dd>The One Halton Child Development Group.</dd>" in story
    assert (
        "<dt>What works</dt><dd>Daily reading, regular bedtimes and library visits.</dd>" in story
    )
    assert "<dt>Note on this value</dt><dd>Gap 10% (national 71%).</dd>" in story


@pytest.mark.dates
def test_freshness_says_when_the_next_value_is_due_and_flags_it_stale(board_member_client, gld):
    page = _page(board_member_client, gld)
    assert "Annual, about 90 days after the period ends" in page
    # 31 August 2017 + a year + 90 days; long past by any clock the suite runs at.
    assert "29 November 2018" in page
    assert '<span class="badge stale-badge">Stale' in page


@pytest.mark.dates
def test_a_fresh_indicator_has_no_stale_badge(board_member_client, today):
    indicator = IndicatorFactory(publication_frequency="monthly", publication_lag_days=30)
    IndicatorValueFactory(indicator=indicator, period_label="Last month", period_end=today)
    page = _page(board_member_client, indicator)
    assert "stale-badge" not in page
    due = add_months(today, 1) + datetime.timedelta(days=30)
    assert f'Next value due</dt>\n    <dd class="col-sm-9">{due.day} {due:%B %Y}' in page


def test_an_indicator_with_no_values_says_so(board_member_client):
    indicator = IndicatorFactory(name="Care leavers in education")
    page = _page(board_member_client, indicator)
    assert "No values yet, so there is nothing to chart." in page
    assert "No value yet" in page and "When the first value is recorded" in page
    assert "chart-image" not in page


def test_only_the_lead_is_offered_to_record_a_value(board_member_client, commissioner_client, gld):
    record = reverse("priorities:indicator_value_create", args=[gld.pk])
    assert record in _page(commissioner_client, gld)
    assert record not in _page(board_member_client, gld)


def test_another_partnerships_indicator_answers_404(board_member_client):
    with default_partnership_as("West Cheshire"):
        theirs = IndicatorFactory()
    url = reverse("priorities:indicator_detail", args=[theirs.pk])
    assert board_member_client.get(url).status_code == 404


def test_the_page_runs_the_same_queries_at_ten_times_the_values_and_comparators(
    board_member_client, django_assert_max_num_queries
):
    indicator = IndicatorFactory()
    partnership = indicator.priority_area.framework.partnership
    url = reverse("priorities:indicator_detail", args=[indicator.pk])

    def grow(times: int, start: int) -> None:
        for n in range(start, start + times):
            IndicatorValueFactory(indicator=indicator, period_label=str(1900 + n), note="A note")
            comparator = ComparatorFactory(partnership=partnership, name=f"Comparator {n}")
            ComparatorValueFactory(
                indicator=indicator,
                comparator=comparator,
                period_label=str(1900 + n),
                period_end=D(1900 + n, 8, 31),
            )

    grow(1, 0)
    board_member_client.get(url)  # the session and the user, read once
    with CaptureQueriesContext(connection) as once:
        assert board_member_client.get(url).status_code == 200
    grow(9, 1)
    with django_assert_max_num_queries(len(once)):
        page = board_member_client.get(url).content.decode()
    assert "Comparator 9" in page and "1909" in page


# The priority page links each indicator and flags a stale one


@pytest.mark.dates
def test_the_priority_page_links_each_indicator_and_flags_the_stale(board_member_client, today):
    area = PriorityAreaFactory()
    stale = IndicatorFactory(priority_area=area, name="Children in care placements out of borough")
    IndicatorValueFactory(indicator=stale, period_label="2017", period_end=D(2017, 6, 30))
    fresh = IndicatorFactory(
        priority_area=area,
        name="Children in care placements within the borough",
        publication_frequency="irregular",
    )
    IndicatorValueFactory(indicator=fresh, period_label="2017", period_end=D(2017, 6, 30))
    page = board_member_client.get(area.get_absolute_url()).content.decode()
    link = r'<a href="{}">{}</a>\s*'
    assert re.search(
        link.format(stale.get_absolute_url(), stale.name) + '<span class="badge stale', page
    )
    assert re.search(link.format(fresh.get_absolute_url(), fresh.name) + "<br>", page)
    assert page.count('class="badge stale-badge"') == 1


# Recording the story, setting the freshness


def _value_post(**overrides) -> dict:
    return {
        "period_label": "2018",
        "period_end": "2018-08-31",
        "value": "64",
        "comparator": "",
        "comparator_value": "",
        "note": "Provisional.",
        "story_drivers": "More children reach the expected level in communication.",
        "story_partners": "Health visitors and the children's centres.",
        "story_what_works": "Home learning environment programmes.",
    } | overrides


def test_the_lead_records_a_value_with_the_story_behind_it(commissioner_client, gld):
    url = reverse("priorities:indicator_value_create", args=[gld.pk])
    form = commissioner_client.get(url).content.decode()
    assert "What is driving it" in form and "Partners with a role" in form
    assert "What works" in form and "Note on this value" in form
    assert commissioner_client.post(url, _value_post()).status_code == 302
    value = gld.values.get(period_label="2018")
    assert (value.story_drivers, value.story_partners, value.story_what_works, value.note) == (
        "More children reach the expected level in communication.",
        "Health visitors and the children's centres.",
        "Home learning environment programmes.",
        "Provisional.",
    )
    story = _page(commissioner_client, gld).split('id="story"')[1]
    assert "For the latest value, 2018." in story and "Health visitors" in story


@pytest.mark.parametrize("field", ["story_drivers", "story_partners", "story_what_works"])
def test_a_story_naming_a_child_is_refused_at_the_field_and_nothing_is_saved(
    commissioner_client, gld, field
):
    url = reverse("priorities:indicator_value_create", args=[gld.pk])
    response = commissioner_client.post(url, _value_post(**{field: "Ask jo.bloggs@example.org"}))
    assert response.status_code == 200
    assert "This looks like an email address" in response.content.decode()
    assert not gld.values.filter(period_label="2018").exists()


def test_the_lead_sets_how_often_an_indicator_is_published(commissioner_client, gld):
    data = {
        "name": gld.name,
        "definition": gld.definition,
        "unit": gld.unit,
        "polarity": gld.polarity,
        "target": "70",
        "source": gld.source,
        "publication_frequency": "termly",
        "publication_lag_days": "45",
        "order": "1",
        "version": gld.version,
    }
    url = reverse("priorities:indicator_update", args=[gld.pk])
    assert "How often it is published" in commissioner_client.get(url).content.decode()
    assert commissioner_client.post(url, data).status_code == 302
    gld.refresh_from_db()
    assert (gld.publication_frequency, gld.publication_lag_days) == ("termly", 45)
    refused = commissioner_client.post(
        url, data | {"publication_frequency": "weekly", "version": gld.version}
    )
    assert "Select a valid choice" in refused.content.decode()


def test_a_commissioner_not_leading_the_priority_reads_but_is_not_offered_edits(client, gld):
    client.force_login(CommissionerFactory())
    page = _page(client, gld)
    assert "Good level of development at age 5" in page
    assert reverse("priorities:indicator_update", args=[gld.pk]) not in page


@pytest.mark.dates
def test_next_value_due_is_derived_from_the_latest_value(gld):
    indicator = Indicator.objects.prefetch_related("values").get(pk=gld.pk)
    assert indicator.next_value_due == D(2018, 11, 29)
    assert indicator.is_stale is (timezone.localdate() > D(2018, 11, 29))


# The demo


@pytest.mark.dates
def test_the_demo_tells_the_seeds_story_and_has_a_stale_and_a_fresh_indicator(demo, client):
    gld = Indicator.objects.prefetch_related("values").get(
        name="Good level of development at age 5"
    )
    children_in_care = Indicator.objects.prefetch_related("values").get(
        name="Number of Children in Care (CiC)"
    )
    assert (gld.publication_frequency, gld.is_stale) == ("annual", True)
    assert (children_in_care.publication_frequency, children_in_care.is_stale) == (
        "irregular",
        False,
    )
    assert "gap 10% (national 71%)" in gld.latest_value.story_drivers
    reader = give_role(UserFactory(), roles.BOARD_MEMBER, gld.priority_area.framework.partnership)
    client.force_login(reader)
    story = _page(client, gld).split('id="story"')[1].split('id="values"')[0]
    assert "One Halton Child Development Group" in story
    assert "daily reading, regular bedtimes and library visits" in story
