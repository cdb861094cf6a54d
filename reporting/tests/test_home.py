"""The home page's dashboards: a commissioner's priorities first, and a board member's reports
to review with what changed since their last visit."""

import datetime
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from priorities.tests.factories import ActionFactory, PriorityAreaFactory
from reporting import services
from reporting.models import Term
from reporting.tests.factories import ReportCommentFactory, TermlyReportFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

PASSWORD = "correct-horse-battery-staple"


def _submitted(area, commissioner, term=None):
    report = TermlyReportFactory(priority_area=area, term=term or Term.objects.current())
    return services.termly_report_submit(report=report, user=commissioner)


def _signed_in_through_the_form(user) -> Client:
    client = Client()
    response = client.post(
        reverse("login"), {"username": user.username, "password": PASSWORD}, follow=True
    )
    assert response.context["user"] == user
    return client


def test_a_commissioners_home_puts_the_priorities_they_lead_first(
    commissioner, commissioner_client
):
    """A commissioner's home page had no "priorities I lead"."""
    term = Term.objects.current()
    following = Term.objects.filter(start_date__gt=term.end_date).order_by("start_date").first()
    reported = PriorityAreaFactory(title="Children in Care", lead_commissioners=[commissioner])
    ActionFactory(priority_area=reported, latest_rag="red", overdue=True)
    ActionFactory(priority_area=reported, latest_rag="red")
    ActionFactory(priority_area=reported, latest_rag="green")
    ActionFactory(priority_area=reported, latest_rag="")
    _submitted(reported, commissioner)
    unreported = PriorityAreaFactory(title="0-5 Development", lead_commissioners=[commissioner])
    PriorityAreaFactory(title="Someone else's priority")

    response = commissioner_client.get(reverse("home"))
    page = response.content.decode()
    assert page.index("Priorities you lead") < page.index("Your overdue actions")
    mine = re.sub(r"\s+", " ", page[page.index("Priorities you lead") : page.index("Your overdue")])
    assert "Someone else" not in mine
    rows = {
        row["priority_area"].title: row for row in response.context["dashboard"]["my_priorities"]
    }
    area = rows["Children in Care"]["priority_area"]
    counts = (area.red_count, area.amber_count, area.green_count, area.unrated_count)
    assert counts == (2, 0, 1, 1)
    # The RAG mix is a chart now; its table says the counts, a column for those with none.
    assert '<th scope="col">None</th>' in mine
    assert (
        '<tr><th scope="row">Children in Care</th><td>2</td><td>0</td><td>1</td><td>1</td>'
        "<td>4</td></tr>"
    ) in mine
    assert "1 overdue" in mine and "No action overdue" in mine
    assert f"{following}, by {following.end_date:%-d %B %Y}" in mine, "this term's is submitted"
    assert f"{term}: submitted" in mine
    assert rows["0-5 Development"]["due_term"] == term
    assert f"{term}, by {term.end_date:%-d %B %Y}" in mine
    assert "Not started" in mine
    assert unreported.get_absolute_url() in mine


def test_a_board_members_home_says_what_changed_since_their_last_visit(
    commissioner, board_member, clock
):
    """A board member's home said "Awaiting your challenge" and nothing of what had changed."""
    # A week into the term, so the days the test lets pass stay in it, whatever today is.
    start = Term.objects.current().start_date + datetime.timedelta(days=7)
    clock.move_to(
        datetime.datetime.combine(start, datetime.time(10), tzinfo=timezone.get_current_timezone())
    )
    read = _submitted(PriorityAreaFactory(title="0-5 Development"), commissioner)
    challenged = _submitted(PriorityAreaFactory(title="Children in Care"), commissioner)
    later = PriorityAreaFactory(title="SEND")
    clock.shift(datetime.timedelta(hours=1))

    first = _signed_in_through_the_form(board_member).get(reverse("home")).content.decode()
    assert "To review this term" in first and "Awaiting your challenge" not in first
    assert "New since" not in first and "Updated since" not in first, "a first visit has no last"
    comment = ReportCommentFactory(report=challenged, author=board_member)

    clock.shift(datetime.timedelta(days=2))
    services.report_comment_answer(comment=comment, author=commissioner, answer="By March.")
    _submitted(later, commissioner)
    clock.shift(datetime.timedelta(days=1))

    client = _signed_in_through_the_form(board_member)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("home"))
    to_review = {
        r.priority_area.title: r.since_last_visit
        for r in response.context["dashboard"]["to_review"]
    }
    assert to_review == {"0-5 Development": "", "Children in Care": "updated", "SEND": "new"}
    page = response.content.decode()
    assert page.count("New since your last visit") == 2, "in both lists"
    assert page.count("Updated since your last visit") == 2

    for _ in range(5):
        _submitted(PriorityAreaFactory(), commissioner)
        ReportCommentFactory(report=read, author=commissioner)
    with CaptureQueriesContext(connection) as more:
        client.get(reverse("home"))
    assert len(more) == len(queries)
