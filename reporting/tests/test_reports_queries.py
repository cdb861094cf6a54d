"""The report page and the home dashboards run the same number of queries as data grows.

Each test renders once over one unit of data, counts the queries, grows the data tenfold and
expects exactly that count again.
"""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from commissioning.tests.factories import ActivityFactory, ContractFactory
from governance.tests.factories import DecisionFactory, MeetingFactory
from participation.tests.factories import ParticipationRecordFactory
from priorities.tests.factories import (
    ActionFactory,
    ComparatorFactory,
    ComparatorValueFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    PriorityAreaFactory,
    ProgressUpdateFactory,
)
from reporting import services
from reporting.models import Term
from reporting.tests.factories import ReportCommentFactory, TermlyReportFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def _grow(area, owner, units: int) -> None:
    """Per unit: two actions (one overdue) with updates, an indicator with values, a decision,
    a commissioning activity with a contract ending soon, and a participation record."""
    today = timezone.localdate()
    for unit in range(units):
        activity = ActivityFactory(priority_area=area)
        ContractFactory(activity=activity, end_date=today + datetime.timedelta(days=30))
        ParticipationRecordFactory(
            priority_areas=[area],
            date=today,  # within the current term on its first day too
            we_did="Changed the venue.",
            lundy_influence="yes",
            lundy_influence_evidence="The venue changed; the group was told at its meeting.",
        )
        for overdue, rag in ((True, "red"), (False, "amber")):
            action = ActionFactory(priority_area=area, owner=owner, overdue=overdue)
            ProgressUpdateFactory(action=action, rag="green", date=today - datetime.timedelta(300))
            ProgressUpdateFactory(action=action, rag=rag, date=today)
        indicator = IndicatorFactory(priority_area=area)
        region = ComparatorFactory(
            partnership=area.framework.partnership, kind="region", name="North West", order=2
        )
        for year in (2022, 2023, 2024):
            value = IndicatorValueFactory(
                indicator=indicator, period_end=datetime.date(year, 8, 31), england=71
            )
            ComparatorValueFactory(
                indicator=indicator, comparator=region, period_label=value.period_label, value=69
            )
        DecisionFactory(
            meeting=MeetingFactory(
                board=area.lead_board,
                # Apart by the unit: under the frozen clock "now" is one instant for them all.
                starts_at=timezone.now() - datetime.timedelta(days=units, hours=unit),
            ),
            concerns=area,
        )


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


# A priority, framework, term, board, meeting or agenda item loaded on its own, as Django does
# when a foreign key was not joined (the signed-in user is always loaded so).
ONE_ROW_BY_ID = re.compile(
    r'FROM "((?:priorities|governance)_\w+)" WHERE "\1"\."id" = \d+ LIMIT 21'
)


@pytest.fixture
def area(commissioner):
    return PriorityAreaFactory(lead_commissioners=[commissioner])


@pytest.mark.parametrize("submit", [False, True], ids=["draft", "submitted"])
def test_the_report_page_is_constant(commissioner, commissioner_client, area, submit):
    report = TermlyReportFactory(priority_area=area, term=Term.objects.current())
    _grow(area, commissioner, 1)
    if submit:
        report = services.termly_report_submit(report=report, user=commissioner)
        ReportCommentFactory(report=report)
    url = report.get_absolute_url()
    first = _count(commissioner_client, url)

    _grow(area, commissioner, 9)
    if submit:
        for _ in range(9):
            ReportCommentFactory(report=report, answer="Answered.", answered_by=commissioner)
    with CaptureQueriesContext(connection) as queries:
        page = commissioner_client.get(url).content.decode()
    assert len(queries) == first
    # The report is read with only the relations its page shows joined: none is then loaded
    # one row at a time (reporting/selectors.py, report_for_page).
    assert [q["sql"] for q in queries if ONE_ROW_BY_ID.search(q["sql"])] == []
    if not submit:
        assert page.count('class="report-indicator"') == 10, "the draft shows live data"
        assert "10 of 10 records: the participants" in page


def test_the_board_member_dashboard_is_constant(board_member, board_member_client, commissioner):
    term = Term.objects.current()

    def grow(units):
        for _ in range(units):
            report = TermlyReportFactory(term=term)
            services.termly_report_submit(report=report, user=commissioner)
            ReportCommentFactory(report=report, author=board_member)

    grow(1)
    board_member_client.get(reverse("home"))  # the charts' terms are cached from the first page
    first = _count(board_member_client, reverse("home"))
    grow(9)
    assert _count(board_member_client, reverse("home")) == first


def test_the_commissioner_dashboard_is_constant(commissioner, commissioner_client):
    term = Term.objects.current()

    def grow(units):
        today = timezone.localdate()
        for _ in range(units):
            area = PriorityAreaFactory(lead_commissioners=[commissioner])
            TermlyReportFactory(priority_area=area, term=term)
            PriorityAreaFactory(lead_commissioners=[commissioner])
            ActionFactory(owner=commissioner, overdue=True)
            ParticipationRecordFactory(
                priority_areas=[area], date=today - datetime.timedelta(days=60)
            )

    grow(1)
    commissioner_client.get(reverse("home"))  # the charts' terms are cached from the first page
    first = _count(commissioner_client, reverse("home"))
    grow(9)
    with CaptureQueriesContext(connection) as queries:
        page = commissioner_client.get(reverse("home")).content.decode()
    assert len(queries) == first
    to_write = page[page.index("Reports to write this term") :]
    assert to_write.count("Not started") == 10 and "Your overdue actions" in page
    assert page.count('class="row g-2 py-2 border-top"') == 20, "every priority they lead"
    assert page.count("took place") == 10, "feedback owed on each record"
