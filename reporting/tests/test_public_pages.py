"""The public "You said, we did" and priorities pages: published words only, no one's name or
group, no small count, the priorities as last reported, and a fixed number of queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.public import refresh_public_pages
from core.tests.factories import CommissionerFactory, PartnershipFactory, default_partnership
from participation.publication import Band, public_row
from participation.tests.factories import (
    ParticipationRecordFactory,
    StakeholderGroupFactory,
    YouSaidItemFactory,
)
from priorities.models import RAG, Framework
from priorities.tests.factories import (
    ActionFactory,
    FrameworkFactory,
    ObjectiveFactory,
    PriorityAreaFactory,
    ProgressUpdateFactory,
)
from reporting.models import Term
from reporting.public import selectors
from reporting.services import termly_report_submit
from reporting.tests.factories import TermlyReportFactory

pytestmark = [pytest.mark.django_db, pytest.mark.uses_cache]

# Everything a public row may carry; a new key must be added here on purpose.
ALLOWED_RECORD_KEYS = {
    "title",
    "month",
    "method",
    "you_said",
    "we_did",
    "decision_changed",
    "told_on",
    "taking_part",
    "bands",
    # The closed "you said" items, each with ALLOWED_ITEM_KEYS only.
    "items",
    # The words of quotes consented for public pages, never who gave them.
    "quotes",
}
ALLOWED_ITEM_KEYS = {"you_said", "outcome", "response", "month"}
ALLOWED_PRIORITY_KEYS = {"framework", "title", "aim", "objectives", "reported"}
ALLOWED_REPORTED_KEYS = {"term", "actions", "rag_mix"}


def _ysd(partnership=None) -> str:
    return reverse("public:you_said_we_did", args=[(partnership or default_partnership()).slug])


def _priorities(partnership=None) -> str:
    return reverse("public:priorities", args=[(partnership or default_partnership()).slug])


def _published(**kwargs):
    return ParticipationRecordFactory(published_at=timezone.now(), **kwargs)


@pytest.fixture
def area():
    return PriorityAreaFactory(title="Children in Care")


def test_only_published_records_reach_the_page(client, area):
    _published(priority_areas=[area], you_said="Advocates should visit before reviews.")
    ParticipationRecordFactory(priority_areas=[area], you_said="Still private words here.")
    page = client.get(_ysd()).content.decode()
    assert "Advocates should visit before reviews." in page
    assert "Still private words here." not in page
    assert "Children in Care" in page


def test_another_partnerships_published_record_is_not_on_this_page(client, area):
    _published(priority_areas=[area], you_said="Halton young people said this.")
    other = PartnershipFactory(short_name="West Cheshire")
    other_area = PriorityAreaFactory(framework=FrameworkFactory(partnership=other))
    _published(priority_areas=[other_area], partnership=other, you_said="Cheshire words.")
    page = client.get(_ysd()).content.decode()
    assert "Halton young people said this." in page
    assert "Cheshire words." not in page
    assert "Cheshire words." in client.get(_ysd(other)).content.decode()


def test_the_page_carries_no_name_group_author_or_sub_count(client, area):
    author = CommissionerFactory(first_name="Zebedee", last_name="Quartermaine")
    group = StakeholderGroupFactory(name="Riverside Youth Forum")
    _published(
        priority_areas=[area],
        groups=[group],
        created_by=author,
        published_by=author,
        age_11_15=20,
        age_16_17=0,
        children_in_care=19,
        decision_changed="yes",
        decision_description="The advocacy specification was rewritten.",
        feedback_method="A visit to the forum",
    )
    page = client.get(_ysd()).content.decode()
    for private in ("Quartermaine", "Riverside Youth Forum", "specification was rewritten"):
        assert private not in page
    assert "A visit to the forum" not in page
    assert not re.search(r"\b19\b", page)
    assert "20 people" in page


def test_every_field_each_public_page_carries_is_allowed(area, clock):
    YouSaidItemFactory(record=_published(priority_areas=[area]))
    ObjectiveFactory(priority_area=area)
    _, groups = selectors.you_said_we_did_page(default_partnership(), None)
    for row in groups[0]["rows"]:
        assert set(row) == ALLOWED_RECORD_KEYS
        assert all(isinstance(band, Band) for band in row["bands"])
        assert row["items"]
        assert all(set(item) == ALLOWED_ITEM_KEYS for item in row["items"])
    _submit_report_for(area)
    for row in selectors.public_priorities(default_partnership()):
        assert set(row) == ALLOWED_PRIORITY_KEYS
        assert set(row["reported"]) == ALLOWED_REPORTED_KEYS
        assert all(set(rag) == {"label", "count"} for rag in row["reported"]["rag_mix"])


def _row(**counts):
    return public_row(ParticipationRecordFactory.build(**counts), smallest_group=5)


def test_a_count_under_the_smallest_group_is_hidden():
    assert _row(age_11_15=4, age_16_17=0)["taking_part"] is None
    assert _row(age_11_15=5, age_16_17=0)["taking_part"] == 5
    assert _row(age_11_15=5, age_16_17=0)["bands"] == [Band("Aged 11 to 15", 5)]


def test_a_hidden_band_cannot_be_worked_out_from_the_total():
    # 12 shown in all, 8 aged 11 to 15: the 4 aged 16 to 17 would follow by subtraction.
    row = _row(age_11_15=8, age_16_17=4)
    assert row["taking_part"] == 12
    assert row["bands"] == [Band("Aged 11 to 15", None), Band("Aged 16 to 17", None)]
    # Two small bands hidden together make 4: the smallest shown band is hidden too.
    row = _row(age_11_15=0, age_16_17=2, age_18_25=2, adults=9, age_5_10=30)
    hidden = [band for band in row["bands"] if band.count is None]
    assert sum({"Aged 16 to 17": 2, "Aged 18 to 25": 2}.get(b.label, 9) for b in hidden) >= 5
    assert Band("Aged 5 to 10", 30) in row["bands"]


def test_the_partnerships_own_smallest_group_applies(client, area):
    partnership = default_partnership()
    partnership.smallest_public_group = 10
    partnership.save()
    _published(priority_areas=[area], age_11_15=6, age_16_17=3)
    page = client.get(_ysd()).content.decode()
    assert "Fewer than 10 people" in page


def test_the_page_is_paginated(client, area):
    for number in range(selectors.ENTRIES_PER_PAGE + 1):
        _published(priority_areas=[area], title=f"Panel number {number:02d}")
    first = client.get(_ysd()).content.decode()
    assert "Page 1 of 2" in first
    second = client.get(_ysd(), {"page": 2}).content.decode()
    assert "Page 2 of 2" in second


def test_an_empty_page_says_so(client):
    assert "Nothing has been published here yet" in client.get(_ysd()).content.decode()


def _submit_report_for(area, rag=RAG.GREEN):
    action = ActionFactory(priority_area=area)
    ProgressUpdateFactory(action=action, rag=rag)
    report = TermlyReportFactory(priority_area=area, term=Term.objects.current())
    return termly_report_submit(report=report, user=action.owner), action


def test_priorities_show_the_last_submitted_report_not_the_live_plan(client, area):
    ObjectiveFactory(priority_area=area, text="We will listen to children in care.")
    report, action = _submit_report_for(area, rag=RAG.GREEN)
    # After the report: the plan goes red live, and a draft of the next version says so.
    ProgressUpdateFactory(action=action, rag=RAG.RED)
    ActionFactory(priority_area=area)
    page = client.get(_priorities()).content.decode()
    assert f"As reported for {report.term}: 1 action in the plan." in page
    assert "Green: on track: 1" in page
    assert "Red: off track: 0" in page
    assert "We will listen to children in care." in page
    assert area.aim in page


def test_a_priority_with_no_submitted_report_says_so(client, area):
    TermlyReportFactory(priority_area=area, term=Term.objects.current())  # a draft only
    page = client.get(_priorities()).content.decode()
    assert "No termly report has been made on this priority yet" in page


def test_priorities_of_draft_and_archived_frameworks_are_left_out(client, area):
    for status in (Framework.Status.DRAFT, Framework.Status.ARCHIVED):
        PriorityAreaFactory(title=f"A {status} priority", framework=FrameworkFactory(status=status))
    page = client.get(_priorities()).content.decode()
    assert "Children in Care" in page
    assert "A draft priority" not in page and "A archived priority" not in page


def test_a_newly_published_record_appears_at_once(client, area, commissioner):
    record = ParticipationRecordFactory(priority_areas=[area], you_said="Just published words.")
    assert "Just published words." not in client.get(_ysd()).content.decode()
    record.published_at = timezone.now()
    record.save()
    assert "Just published words." in client.get(_ysd()).content.decode()


def _queries(client, url: str) -> int:
    """The queries of a rendering (the cached copy is forgotten first: it costs none)."""
    refresh_public_pages()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_you_said_we_did_page_costs_the_same_queries_at_ten_times_the_data(
    client, area, django_assert_max_num_queries
):
    _published(priority_areas=[area])
    once = _queries(client, _ysd())
    for _ in range(10):
        _published(priority_areas=[area, PriorityAreaFactory()], groups=[StakeholderGroupFactory()])
    refresh_public_pages()
    url = _ysd()
    with django_assert_max_num_queries(once):
        client.get(url)


def test_the_priorities_page_costs_the_same_queries_at_ten_times_the_data(
    client, area, django_assert_max_num_queries
):
    ObjectiveFactory(priority_area=area)
    _submit_report_for(area)
    once = _queries(client, _priorities())
    for _ in range(10):
        more = PriorityAreaFactory()
        ObjectiveFactory(priority_area=more)
        ObjectiveFactory(priority_area=more)
        _submit_report_for(more)
    refresh_public_pages()
    url = _priorities()
    with django_assert_max_num_queries(once):
        client.get(url)
