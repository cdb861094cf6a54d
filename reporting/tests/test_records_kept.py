"""Challenges keep every answer, and a submitted report and its challenges stay as they were:
on the site, in the admin and at the model."""

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.test import Client
from django.urls import reverse

from core.tests.factories import AdministratorFactory, CommissionerFactory
from core.tests.sign_in import sign_in
from priorities.tests.factories import PriorityAreaFactory
from reporting import services
from reporting.models import ReportComment, Term, TermlyReport
from reporting.tests.factories import ReportCommentFactory, TermlyReportFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


@pytest.fixture
def lead():
    return CommissionerFactory(first_name="Sam", last_name="Lead")


@pytest.fixture
def submitted(lead):
    area = PriorityAreaFactory(title="Children in Care", lead_commissioners=[lead])
    report = TermlyReportFactory(priority_area=area, term=Term.objects.current())
    return services.termly_report_submit(report=report, user=lead)


@pytest.fixture
def comment(submitted):
    return ReportCommentFactory(report=submitted, text="Why is the placement target missed?")


def _client(user) -> Client:
    client = Client()
    sign_in(client, user)  # with the second factor an administrator needs
    return client


def _answer(client, comment, answer, version):
    return client.post(
        reverse("reporting:report_answer", args=[comment.pk]),
        {"answer": answer, "version": version},
    )


# Answers and their history


def test_a_second_answer_keeps_the_first_in_the_history(lead, comment):
    """Answering a challenge twice left only the second answer anywhere."""
    first = services.report_comment_answer(
        comment=comment, author=lead, answer="Two carers left.", expected_version=1
    )
    services.report_comment_answer(
        comment=first, author=lead, answer="Two carers left; recruiting now.", expected_version=2
    )
    assert list(comment.history.order_by("history_id").values_list("answer", flat=True)) == [
        "",
        "Two carers left.",
        "Two carers left; recruiting now.",
    ]
    page = _client(lead).get(reverse("reporting:challenge_history", args=[comment.pk]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Two carers left." in text and "Two carers left; recruiting now." in text


def test_an_answer_from_a_stale_page_is_refused_and_kept(lead, comment):
    """Two leads answering at once: the later answer silently replaced the earlier one."""
    other_lead = CommissionerFactory(first_name="Alex", last_name="Other")
    comment.report.priority_area.lead_commissioners.add(other_lead)
    assert _answer(_client(other_lead), comment, "Agency staff cover it.", 1).status_code == 302
    response = _answer(_client(lead), comment, "Two carers left.", 1)
    page = response.content.decode()
    assert response.status_code == 409
    assert "Not saved: someone else saved this challenge" in page
    assert "Agency staff cover it." in page  # what is there now
    assert "Alex Other" in page
    assert ">Two carers left.</textarea>" in page  # what the lead typed, kept
    assert 'name="version" value="2"' in page
    assert ReportComment.objects.get().answer == "Agency staff cover it."
    # Sending it again, from the page as it came back, knowingly replaces it.
    assert _answer(_client(lead), comment, "Two carers left.", 2).status_code == 302
    comment.refresh_from_db()
    assert (comment.answer, comment.version) == ("Two carers left.", 3)


def test_an_answer_without_a_version_is_refused(lead, comment):
    assert _answer(_client(lead), comment, "No version", "").status_code == 409
    assert ReportComment.objects.get().answer == ""


def test_the_report_page_offers_to_change_an_answer_and_links_its_history(lead, comment):
    services.report_comment_answer(comment=comment, author=lead, answer="Two carers left.")
    page = _client(lead).get(comment.report.get_absolute_url()).content.decode()
    assert "Change the answer" in page
    assert reverse("reporting:challenge_history", args=[comment.pk]) in page


# A submitted report is frozen


def test_a_submitted_report_cannot_be_relabelled_or_reworded(submitted):
    """A frozen report's priority, term and words could be changed outside its services."""
    submitted.refresh_from_db()
    for field, value in [
        ("priority_area", PriorityAreaFactory()),
        ("term", Term.objects.exclude(pk=submitted.term_id).first()),
        ("highlights", "Rewritten after the board read it"),
    ]:
        report = TermlyReport.objects.get(pk=submitted.pk)
        setattr(report, field, value)
        with pytest.raises(ValidationError, match="start a new version|Start a new version"):
            report.save()
    stored = TermlyReport.objects.get(pk=submitted.pk)
    assert (stored.priority_area_id, stored.term_id) == (
        submitted.priority_area_id,
        submitted.term_id,
    )
    assert stored.highlights == submitted.highlights


def test_a_submitted_report_still_moves_on_through_its_workflow(submitted):
    report = TermlyReport.objects.get(pk=submitted.pk)
    report.status = TermlyReport.Status.PRESENTED
    report.save(update_fields=["status"])
    assert TermlyReport.objects.get(pk=submitted.pk).status == "presented"


def test_a_submitted_report_and_its_challenges_cannot_be_deleted(submitted, comment):
    """A submitted report and its challenges could be deleted, losing what the board read."""
    with pytest.raises(ProtectedError), transaction.atomic():
        comment.delete()
    with pytest.raises(ProtectedError), transaction.atomic():
        TermlyReport.objects.filter(pk=submitted.pk).delete()
    assert TermlyReport.objects.filter(pk=submitted.pk).exists()
    assert ReportComment.objects.filter(pk=comment.pk).exists()


def test_a_challenge_says_what_it_said(comment):
    comment.text = "A gentler challenge"
    with pytest.raises(ValidationError):
        comment.save()


def test_a_draft_can_still_be_deleted(lead):
    draft = TermlyReportFactory(priority_area=PriorityAreaFactory(lead_commissioners=[lead]))
    draft.delete()
    assert not TermlyReport.objects.filter(pk=draft.pk).exists()


# In the admin


@pytest.fixture
def admin_client():
    return _client(AdministratorFactory())


def test_the_admin_shows_a_submitted_report_read_only(admin_client, submitted, comment):
    """In the admin a submitted report's priority, term and words could be changed."""
    url = reverse("admin:reporting_termlyreport_change", args=[submitted.pk])
    page = admin_client.get(url).content.decode()
    assert 'name="priority_area"' not in page
    assert 'name="term"' not in page
    assert 'name="highlights"' not in page
    assert 'name="comments-0-text"' not in page
    response = admin_client.post(url, {"highlights": "Rewritten", "term": submitted.term_id})
    assert response.status_code == 403
    assert TermlyReport.objects.get(pk=submitted.pk).highlights == submitted.highlights


def test_the_admin_offers_no_deletion_of_a_submitted_report_or_its_challenges(
    admin_client, submitted, comment
):
    """In the admin a submitted report and its challenges could be deleted."""
    report_delete = reverse("admin:reporting_termlyreport_delete", args=[submitted.pk])
    comment_delete = reverse("admin:reporting_reportcomment_delete", args=[comment.pk])
    assert admin_client.post(report_delete, {"post": "yes"}).status_code == 403
    assert admin_client.post(comment_delete, {"post": "yes"}).status_code == 403
    assert TermlyReport.objects.filter(pk=submitted.pk).exists()
    assert ReportComment.objects.filter(pk=comment.pk).exists()


def test_the_admin_bulk_delete_says_why_a_submitted_report_stays(admin_client, submitted):
    """The list's bulk delete of a submitted report failed with a ProtectedError."""
    response = admin_client.post(
        reverse("admin:reporting_termlyreport_changelist"),
        {"action": "delete_selected", "_selected_action": [submitted.pk], "post": "yes"},
    )
    assert "a correction is a new version, not a deletion" in response.content.decode()
    assert TermlyReport.objects.filter(pk=submitted.pk).exists()


def test_the_admin_still_edits_a_draft(admin_client, lead):
    draft = TermlyReportFactory(priority_area=PriorityAreaFactory(lead_commissioners=[lead]))
    page = admin_client.get(
        reverse("admin:reporting_termlyreport_change", args=[draft.pk])
    ).content.decode()
    assert 'name="highlights"' in page
