"""The demo termly reports, loaded on top of the demo priorities."""

import pytest

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
