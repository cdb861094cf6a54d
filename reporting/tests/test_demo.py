"""The demo termly reports, loaded on top of the demo priorities."""

import pytest
from django.urls import reverse

from core.models import Kind, Notification
from reporting import demo as reports_demo
from reporting.models import ReportComment, Term, TermlyReport

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(demo):
    """The session's shared demo (demo_fixtures.py)."""
    return demo


@pytest.mark.dates
def test_demo_reports_are_submitted_last_term_with_a_draft_this_term(loaded):
    current = Term.objects.current()
    submitted = TermlyReport.objects.filter(term=current.previous(), status="submitted")
    assert submitted.count() == 3
    assert all(report.is_sample and report.snapshot for report in submitted)
    assert TermlyReport.objects.filter(term=current, status="draft").count() == 1
    comment = ReportComment.objects.get()
    assert comment.author.username == "board" and comment.answer


def test_loading_the_reports_twice_changes_nothing(loaded):
    before = TermlyReport.objects.count()
    assert reports_demo.load() == 0
    assert TermlyReport.objects.count() == before


@pytest.mark.dates
def test_the_demo_commissioner_and_board_member_have_notifications(loaded, client):
    board = Notification.objects.filter(recipient__username="board")
    assert set(board.values_list("kind", flat=True)) >= {Kind.ANSWER, Kind.PAPERS_PUBLISHED}
    commissioner = Notification.objects.filter(recipient__username="commissioner")
    assert commissioner.filter(kind=Kind.CHALLENGE).exists()
    client.force_login(commissioner.first().recipient)
    page = client.get(reverse("notifications:list")).content.decode()
    assert 'id="nav-unread-count"' in page
    assert "Demo Board Member challenged the report" in page
