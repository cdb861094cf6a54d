"""The dashboards' charts: each priority's RAG mix and the overdue trend on the home page, the
priorities by term on the framework page, and a priority's RAG mix over the terms and its
indicators off track on its page; each with its text alternative and table."""

import datetime
import html
import itertools
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.cache_versions import version
from core.tests.sign_in import sign_in
from governance.tests.factories import BoardFactory, MembershipFactory
from priorities import services as priorities_services
from priorities.models import Action
from priorities.tests.factories import (
    ActionFactory,
    FrameworkFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    PriorityAreaFactory,
)
from reporting import services
from reporting.dashboards import last_terms, term_label
from reporting.models import Term
from reporting.terms import TERMS_VERSION, add_missing_terms
from reporting.tests.factories import TermlyReportFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def _page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return html.unescape(re.sub(r"\s+", " ", response.content.decode()))


def _row(*cells) -> str:
    """A row of a chart's table as the page shows it."""
    head, *rest = cells
    return f'<tr><th scope="row">{head}</th>' + "".join(f"<td>{c}</td>" for c in rest) + "</tr>"


def _alts(page: str) -> list[str]:
    return re.findall(
        r'<img class="chart-image" src="data:image/svg\+xml;base64,[^"]+" alt="([^"]+)"', page
    )


def _actions(area, **counts):
    for rag, count in counts.items():
        for _ in range(count):
            ActionFactory(priority_area=area, latest_rag="" if rag == "none" else rag)


def _complete(action, *, on: datetime.date) -> None:
    """Complete the action by a progress update dated `on`, as a commissioner does."""
    priorities_services.progress_update_add(
        action=action,
        author=action.owner,
        rag="green",
        percent_complete=100,
        narrative="Done.",
        date=on,
        status=Action.Status.COMPLETE,
        expected_version=action.version,
    )


def _submitted(area, term, commissioner, rag="amber"):
    report = TermlyReportFactory(priority_area=area, term=term, overall_rag=rag)
    return services.termly_report_submit(report=report, user=commissioner)


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


# The terms the charts look back over -----------------------------------------------------------


@pytest.mark.uses_cache
def test_the_last_terms_are_read_once_until_a_term_changes(today, django_assert_num_queries):
    terms = last_terms(today)
    with django_assert_num_queries(0):
        assert last_terms(today) == terms

    # An administrator corrects the current term's start in Django admin: read afresh.
    current = terms[-1]
    current.start_date -= datetime.timedelta(days=3)
    current.save()
    assert last_terms(today)[-1].start_date == current.start_date


@pytest.mark.uses_cache
def test_terms_added_in_bulk_move_the_terms_version(today):
    """add_missing_terms inserts without post_save, so it bumps the version itself: a later
    year's terms, once made, are read afresh by whatever cached the terms."""
    last_terms(today)
    latest = Term.objects.order_by("-academic_year").first().academic_year
    before = version(TERMS_VERSION)

    add_missing_terms(Term, latest)  # nothing missing: nothing made, nothing read again
    assert version(TERMS_VERSION) == before

    add_missing_terms(Term, latest + 1)
    assert Term.objects.filter(academic_year=latest + 1).count() == 3
    assert version(TERMS_VERSION) > before


# The home page --------------------------------------------------------------------------------


def test_a_commissioners_home_draws_the_rag_mix_of_each_priority_they_lead(
    commissioner, commissioner_client
):
    """The home page said "4 red / 3 amber / 8 green / 4 none" in words alone."""
    early_help = PriorityAreaFactory(title="Early help", lead_commissioners=[commissioner])
    _actions(early_help, red=4, amber=3, green=8, none=4)
    PriorityAreaFactory(title="Someone else's priority")

    page = _page(commissioner_client, reverse("home"))

    assert "The priorities you lead at a glance" in page
    assert "Show the figures as a table" in page
    assert _row("Early help", 4, 3, 8, 4, 19) in page
    assert "Someone else's priority" not in page
    assert any("Early help: 4 red, 3 amber, 8 green, 4 none." in alt for alt in _alts(page))
    assert "Red</span> 4" not in page, "the chart says the counts now, not the list"


def test_the_overdue_trend_counts_actions_overdue_at_each_terms_end(
    commissioner, commissioner_client, today
):
    """Overdue at a term's end: due before it and not completed by then; this term, today."""
    area = PriorityAreaFactory(title="Early help", lead_commissioners=[commissioner])
    terms = last_terms(today)
    previous, current = terms[-2], terms[-1]
    long_ago = terms[0].start_date
    due_last_term = previous.end_date - datetime.timedelta(days=5)
    # Overdue since last term and still open: overdue at both ends.
    ActionFactory(priority_area=area, start_date=long_ago, due_date=due_last_term)
    # Overdue at last term's end, completed today: overdue then, not now.
    late = ActionFactory(priority_area=area, start_date=long_ago, due_date=due_last_term)
    _complete(late, on=today)
    # Completed before it was due: never overdue.
    on_time = ActionFactory(priority_area=area, start_date=long_ago, due_date=due_last_term)
    _complete(on_time, on=due_last_term - datetime.timedelta(days=1))
    # Due later this term: not overdue yet.
    ActionFactory(priority_area=area, due_date=current.end_date)

    page = _page(commissioner_client, reverse("home"))

    assert "Overdue actions by term" in page
    assert _row(term_label(previous), 2) in page
    assert _row(f"{term_label(current)} (to today)", 1) in page
    assert _row(term_label(terms[0]), 0) in page
    trend = next(alt for alt in _alts(page) if alt.startswith("Line chart: Actions overdue"))
    assert f"to 1 in {term_label(current)} (to today)" in trend


def test_a_board_members_home_draws_the_priorities_of_the_boards_they_sit_on(
    board_member, board_member_client
):
    board = BoardFactory(name="Children's Trust Board")
    MembershipFactory(board=board, user=board_member)
    ours = PriorityAreaFactory(title="Early help", framework=FrameworkFactory(owning_board=board))
    _actions(ours, red=1, green=2)
    PriorityAreaFactory(title="Another board's priority")

    page = _page(board_member_client, reverse("home"))

    assert "The priorities you oversee at a glance" in page
    assert _row("Early help", 1, 0, 2, 0, 3) in page
    assert "Another board's priority" not in page


def test_a_board_member_on_no_board_sees_every_priority_of_the_partnership(
    board_member_client,
):
    PriorityAreaFactory(title="Early help")
    PriorityAreaFactory(title="Children in Care")

    page = _page(board_member_client, reverse("home"))

    assert _row("Early help", 0, 0, 0, 0, 0) in page
    assert _row("Children in Care", 0, 0, 0, 0, 0) in page


def test_an_administrators_home_draws_as_a_board_members(administrator_client):
    area = PriorityAreaFactory(title="Early help")
    _actions(area, amber=2)

    page = _page(administrator_client, reverse("home"))

    assert _row("Early help", 0, 2, 0, 0, 2) in page


def test_the_home_charts_take_the_same_queries_at_ten_times_the_data(
    commissioner, commissioner_client, board_member_client, today
):
    last_terms(today)  # the first request of a new year creates its terms, once

    def grow(units):
        for _ in range(units):
            area = PriorityAreaFactory(lead_commissioners=[commissioner])
            _actions(area, red=1, amber=1, green=1, none=1)
            ActionFactory(priority_area=area, overdue=True)

    grow(1)
    first = _count(commissioner_client, reverse("home"))
    board_first = _count(board_member_client, reverse("home"))
    grow(9)
    assert _count(commissioner_client, reverse("home")) == first
    assert _count(board_member_client, reverse("home")) == board_first


# The framework page ---------------------------------------------------------------------------


def test_the_framework_page_draws_each_prioritys_overall_rag_by_term(commissioner, client, today):
    framework = FrameworkFactory()
    terms = last_terms(today)
    reported = PriorityAreaFactory(framework=framework, title="Early help", order=1)
    _submitted(reported, terms[-2], commissioner, rag="red")
    _submitted(reported, terms[-1], commissioner, rag="amber")
    corrected = services.report_new_version(report=_submitted(reported, terms[-3], commissioner))
    corrected.overall_rag = "green"
    corrected.save()
    services.termly_report_submit(report=corrected, user=commissioner)
    PriorityAreaFactory(framework=framework, title="Children in Care", order=2)
    sign_in(client, commissioner)

    page = _page(client, framework.get_absolute_url())

    assert "Priorities by term" in page
    assert _row("Early help", "None", "None", "None", "Green", "Red", "Amber") in page
    assert _row("Children in Care", *["None"] * 6) in page, "no report: no RAG"
    header = "".join(f'<th scope="col">{term_label(term)}</th>' for term in terms)
    assert header in page
    heat = next(alt for alt in _alts(page) if alt.startswith("Heat map"))
    assert f"Early help: {term_label(terms[0])} None" in heat
    assert f"{term_label(terms[-1])} Amber." in heat


def test_a_draft_report_is_not_on_the_heat_map(commissioner, client, today):
    """Only submitted reports; with none in the six terms the page says so."""
    framework = FrameworkFactory()
    area = PriorityAreaFactory(framework=framework, title="Early help")
    TermlyReportFactory(priority_area=area, term=Term.objects.current(today), overall_rag="red")
    sign_in(client, commissioner)

    page = _page(client, framework.get_absolute_url())

    assert "No reports yet for these terms" in page
    assert not any(alt.startswith("Heat map") for alt in _alts(page))


def test_the_framework_page_takes_the_same_queries_at_ten_times_the_data(
    commissioner, client, today
):
    framework = FrameworkFactory()
    term = Term.objects.current(today)

    def grow(units):
        for _ in range(units):
            area = PriorityAreaFactory(framework=framework)
            _actions(area, red=1, green=1)
            _submitted(area, term, commissioner)

    grow(1)
    sign_in(client, commissioner)
    client.get(framework.get_absolute_url())  # the charts' terms are cached from the first page
    first = _count(client, framework.get_absolute_url())
    grow(9)
    assert _count(client, framework.get_absolute_url()) == first


# The priority page ----------------------------------------------------------------------------


def test_the_priority_page_draws_its_rag_mix_over_the_terms(commissioner, client, today):
    area = PriorityAreaFactory(title="Early help")
    terms = last_terms(today)
    TermlyReportFactory(
        priority_area=area,
        term=terms[-2],
        status="submitted",
        snapshot={"actions": {"by_rag": {"red": 2, "amber": 1, "green": 5, "none": 3}}},
    )
    _actions(area, red=1, amber=2, green=6, none=1)
    sign_in(client, commissioner)

    page = _page(client, area.get_absolute_url())

    assert "Actions by RAG over the terms" in page
    assert _row(term_label(terms[-2]), 2, 1, 5, 3, 11) in page
    assert _row(f"{term_label(terms[-1])} (now)", 1, 2, 6, 1, 10) in page
    assert _row(f"{term_label(terms[0])} (no report)", 0, 0, 0, 0, 0) in page
    bars = next(alt for alt in _alts(page) if alt.startswith("Stacked bar chart"))
    assert f"{term_label(terms[-1])} (now): 1 red, 2 amber, 6 green, 1 none." in bars
    assert "No reports yet for these terms" not in page


def test_a_priority_without_reports_draws_the_plan_now(commissioner, client):
    area = PriorityAreaFactory(title="Early help")
    _actions(area, green=2)
    sign_in(client, commissioner)

    page = _page(client, area.get_absolute_url())

    assert "No reports yet for these terms" in page
    assert _row(f"{term_label(Term.objects.current())} (now)", 0, 0, 2, 0, 2) in page


def test_the_priority_page_lists_its_indicators_off_track_with_a_sparkline(commissioner, client):
    area = PriorityAreaFactory()
    behind = IndicatorFactory(
        priority_area=area, name="Good level of development", target=Decimal("70")
    )
    IndicatorValueFactory(indicator=behind, period_label="2016", value=Decimal("58"))
    IndicatorValueFactory(indicator=behind, period_label="2017", value=Decimal("61"))
    lower = IndicatorFactory(
        priority_area=area,
        name="Children in care per 10,000",
        polarity="lower",
        target=Decimal("100"),
    )
    IndicatorValueFactory(indicator=lower, period_label="2017", value=Decimal("144"))
    on_track = IndicatorFactory(priority_area=area, name="Take-up of funded places")
    IndicatorValueFactory(indicator=on_track, period_label="2017", value=Decimal("75"))
    sign_in(client, commissioner)

    page = _page(client, area.get_absolute_url())

    off_track = page[page.index("Indicators off track") :]
    off_track = off_track[: off_track.index("</ul>")]
    assert (
        "<strong>Good level of development</strong>: 61 (2017) against a target of 70" in off_track
    )
    assert "<strong>Children in care per 10,000</strong>: 144 (2017)" in off_track
    assert "lower is better" in off_track
    assert "Take-up of funded places" not in off_track
    assert "Trend of Good level of development: 58 in 2016 to 61 in 2017." in _alts(page)
    assert _row("2016", 58) in off_track and _row("2017", 61) in off_track


def test_no_indicator_off_track_says_so(commissioner, client):
    area = PriorityAreaFactory()
    on_track = IndicatorFactory(priority_area=area, target=Decimal("70"))
    IndicatorValueFactory(indicator=on_track, value=Decimal("75"))
    sign_in(client, commissioner)

    assert "No indicator is worse than its target, or without one than its comparator." in (
        _page(client, area.get_absolute_url())
    )


def test_indicators_with_neither_target_nor_comparator_are_not_called_on_track(
    commissioner, client
):
    area = PriorityAreaFactory()
    untargeted = IndicatorFactory(priority_area=area, target=None)
    IndicatorValueFactory(indicator=untargeted, value=Decimal("75"))
    sign_in(client, commissioner)

    page = _page(client, area.get_absolute_url())

    assert "No indicator has a value and a target or comparator's figure to judge" in page
    assert "No indicator is worse than its target" not in page


def test_without_a_target_an_indicator_worse_than_its_comparator_is_off_track(commissioner, client):
    """The board pack's rule: the seeds give figures against England, not targets."""
    area = PriorityAreaFactory()
    gld = IndicatorFactory(priority_area=area, name="Good level of development", target=None)
    IndicatorValueFactory(indicator=gld, period_label="2017", value=Decimal("61"), england=71)
    injuries = IndicatorFactory(
        priority_area=area, name="Injury admissions", target=None, polarity="lower"
    )
    IndicatorValueFactory(
        indicator=injuries, period_label="2017", value=Decimal("120"), england=130
    )
    sign_in(client, commissioner)

    page = _page(client, area.get_absolute_url())

    off_track = page[page.index("Indicators off track") :]
    off_track = off_track[: off_track.index("</ul>")]
    assert "<strong>Good level of development</strong>: 61 (2017) against England's 71" in (
        off_track
    )
    assert "Injury admissions" not in off_track


def test_the_priority_page_takes_the_same_queries_at_ten_times_the_data(
    commissioner, client, today
):
    area = PriorityAreaFactory()
    terms = last_terms(today)
    editions = itertools.count(1)

    def grow(units):
        for _ in range(units):
            _actions(area, red=1, green=1)
            indicator = IndicatorFactory(priority_area=area, target=Decimal("70"))
            IndicatorValueFactory(indicator=indicator, value=Decimal("61"))
            IndicatorValueFactory(indicator=indicator, value=Decimal("60"))
            TermlyReportFactory(
                priority_area=area,
                term=terms[-2],
                edition=next(editions),
                status="submitted",
                snapshot={"actions": {"by_rag": {"red": 1, "amber": 0, "green": 1, "none": 0}}},
            )

    grow(1)
    sign_in(client, commissioner)
    first = _count(client, area.get_absolute_url())
    grow(9)
    assert _count(client, area.get_absolute_url()) == first
