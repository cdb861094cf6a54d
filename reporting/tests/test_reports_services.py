"""Report services: submission freezes the report; corrections are new versions; the workflow."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from core.edit_conflicts import EditConflict
from governance.models import Decision
from governance.tests.factories import AgendaItemFactory, BoardFactory, MeetingFactory
from priorities import services as priorities_services
from priorities.models import Action
from priorities.tests.factories import ActionFactory, PriorityAreaFactory
from reporting import selectors, services
from reporting.models import Term, TermlyReport
from reporting.tests.factories import ReportCommentFactory, TermlyReportFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


@pytest.fixture
def report(commissioner):
    area = PriorityAreaFactory(title="Children in Care", lead_commissioners=[commissioner])
    return TermlyReportFactory(priority_area=area, term=Term.objects.current())


@pytest.fixture
def action(report):
    action = ActionFactory(priority_area=report.priority_area, title="Scale up Edge of Care")
    priorities_services.progress_update_add(
        action=action, author=action.owner, rag="amber", percent_complete=40, narrative="Slipping."
    )
    return action


def test_submitting_freezes_what_the_report_shows_with_the_words(report, action, commissioner):
    submitted = services.termly_report_submit(report=report, user=commissioner)
    assert submitted.status == TermlyReport.Status.SUBMITTED
    assert submitted.submitted_by == commissioner and submitted.submitted_at
    snapshot = TermlyReport.objects.get(pk=report.pk).snapshot
    assert snapshot["actions"]["exceptions"][0]["title"] == "Scale up Edge of Care"
    assert snapshot["words"]["overall_rag"] == "amber"
    assert snapshot["words"]["highlights"].startswith("Edge of Care Team recruited")


def test_editing_an_action_after_submission_does_not_change_the_submitted_report(
    report, action, commissioner
):
    services.termly_report_submit(report=report, user=commissioner)
    before = selectors.report_content(TermlyReport.objects.get(pk=report.pk))

    priorities_services.action_update(
        action=action,
        data={"title": "Renamed after the board read it", "status": Action.Status.COMPLETE},
        expected_version=action.version,
    )
    priorities_services.progress_update_add(
        action=action, author=action.owner, rag="green", percent_complete=100, narrative="Done."
    )
    ActionFactory(priority_area=report.priority_area, title="Added afterwards")

    after = selectors.report_content(TermlyReport.objects.get(pk=report.pk))
    assert after == before
    assert after["actions"]["exceptions"][0]["title"] == "Scale up Edge of Care"
    assert after["actions"]["total"] == 1


def test_a_draft_shows_live_data(report, action):
    ActionFactory(priority_area=report.priority_area, title="Added later")
    assert selectors.report_content(report)["actions"]["total"] == 2


def test_a_report_needs_an_overall_rag_to_be_submitted(report, commissioner):
    report.overall_rag = ""
    report.save()
    with pytest.raises(ValidationError, match="overall RAG"):
        services.termly_report_submit(report=report, user=commissioner)
    assert TermlyReport.objects.get(pk=report.pk).is_draft


def test_a_submitted_report_cannot_be_submitted_or_its_words_saved_again(report, commissioner):
    services.termly_report_submit(report=report, user=commissioner)
    with pytest.raises(ValidationError, match="cannot be marked submitted"):
        services.termly_report_submit(report=report, user=commissioner)
    with pytest.raises(ValidationError, match="new version"):
        services.termly_report_save_words(
            report=report, data={"highlights": "Changed"}, expected_version=1
        )


def test_saving_words_bumps_the_version_and_refuses_a_stale_save(report):
    saved = services.termly_report_save_words(
        report=report, data={"highlights": "First save"}, expected_version=1
    )
    assert saved.version == 2
    with pytest.raises(EditConflict) as conflict:
        services.termly_report_save_words(
            report=report, data={"highlights": "Stale save"}, expected_version=1
        )
    assert conflict.value.current.highlights == "First save"
    assert TermlyReport.objects.get(pk=report.pk).highlights == "First save"


def test_a_new_version_is_a_draft_with_the_same_words(report, commissioner):
    services.termly_report_submit(report=report, user=commissioner)
    draft = services.report_new_version(report=report)
    assert (draft.edition, draft.status) == (2, TermlyReport.Status.DRAFT)
    assert draft.highlights == report.highlights and draft.overall_rag == "amber"
    assert draft.snapshot is None
    with pytest.raises(ValidationError, match="newer draft"):
        services.report_new_version(report=report)
    with pytest.raises(ValidationError, match="still a draft"):
        services.report_new_version(report=draft)


def test_one_report_per_priority_term_and_version(report):
    with pytest.raises(IntegrityError):
        TermlyReport.objects.create(priority_area=report.priority_area, term=report.term)


def test_presented_at_a_meeting_of_the_priority_board_with_a_decision_then_noted(
    report, commissioner
):
    services.termly_report_submit(report=report, user=commissioner)
    item = AgendaItemFactory(meeting=MeetingFactory(board=report.priority_area.lead_board))
    presented = services.termly_report_mark_presented(
        report=report,
        agenda_item=item,
        decision_text="Bring a placements plan to the next meeting.",
        decision_owner="Head of Children in Care",
    )
    assert (presented.status, presented.agenda_item, presented.meeting) == (
        "presented",
        item,
        item.meeting,
    )
    decision = Decision.objects.get()
    assert decision.concerns == presented
    assert [d.text for d in selectors.decisions_on(presented)] == [decision.text]
    noted = services.termly_report_mark_noted(report=presented)
    assert noted.status == "noted" and noted.noted_at


def test_presenting_refuses_a_meeting_of_another_board_and_a_draft(report, commissioner):
    elsewhere = AgendaItemFactory(meeting=MeetingFactory(board=BoardFactory()))
    own = AgendaItemFactory(meeting=MeetingFactory(board=report.priority_area.lead_board))
    with pytest.raises(ValidationError, match="cannot be marked presented"):
        services.termly_report_mark_presented(report=report, agenda_item=own)
    services.termly_report_submit(report=report, user=commissioner)
    with pytest.raises(ValidationError, match="board this priority reports to"):
        services.termly_report_mark_presented(report=report, agenda_item=elsewhere)


def test_challenges_only_on_submitted_reports_and_answers(report, commissioner, board_member):
    with pytest.raises(ValidationError, match="draft cannot be challenged"):
        services.report_comment_add(report=report, author=board_member, text="Why?")
    services.termly_report_submit(report=report, user=commissioner)
    report.refresh_from_db()
    comment = services.report_comment_add(
        report=report, author=board_member, text="Why is this late?", about="Scale up"
    )
    answered = services.report_comment_answer(
        comment=comment, author=commissioner, answer="Recruitment is paused until April."
    )
    assert answered.answered_by == commissioner and answered.answered_at


def test_start_refuses_a_second_first_version(report):
    with pytest.raises(ValidationError):
        services.termly_report_start(priority_area=report.priority_area, term=report.term)


def test_report_comment_factory_makes_a_challenge():
    assert ReportCommentFactory().author.groups.filter(name="Board member").exists()


def test_assembled_on_a_given_day(report):
    content = selectors.report_content(report, today=datetime.date(2026, 10, 1))
    assert content["as_of"] == "2026-10-01"
