"""Writes of the termly reports: the commissioner's words, the workflow, versions, challenges."""

import datetime
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from core.edit_conflicts import EditConflict, locked_for_edit, save_edit
from core.models import Kind
from core.notifications.emails import announce
from governance import services as governance_services
from governance.models import AgendaItem
from priorities.models import PriorityArea
from reporting.assemble import WORD_FIELDS, assemble_report, words_of
from reporting.board_pack import ask_for_board_packs
from reporting.models import CalendarFeed, ReportComment, Term, TermlyReport
from reporting.models.calendar import new_token

Status = TermlyReport.Status
# The workflow, readable at a glance: each status and the one it may move to.
ALLOWED_MOVES = {
    Status.DRAFT: Status.SUBMITTED,
    Status.SUBMITTED: Status.PRESENTED,
    Status.PRESENTED: Status.NOTED,
}


def _move(report: TermlyReport, to: str) -> None:
    if ALLOWED_MOVES.get(report.status) != to:
        raise ValidationError(
            f"A {report.get_status_display().lower()} report cannot be marked "
            f"{Status(to).label.lower()}.",
            code="invalid_move",
        )
    report.status = to


def _locked(report: TermlyReport) -> TermlyReport:
    return TermlyReport.objects.select_for_update().get(pk=report.pk)


@transaction.atomic
def termly_report_start(*, priority_area: PriorityArea, term: Term) -> TermlyReport:
    """Start the first draft of a priority's report for a term."""
    report = TermlyReport(priority_area=priority_area, term=term, edition=1)
    report.full_clean()
    report.save()
    return report


@transaction.atomic
def termly_report_save_words(
    *, report: TermlyReport, data: dict[str, Any], expected_version: int
) -> TermlyReport:
    """Save the commissioner's words on a draft, refusing (EditConflict) a save based on a
    stale read."""
    current = _locked(report)
    # A submitted report is said so first: saving again would not help.
    if not current.is_draft:
        raise ValidationError("This report has been submitted: start a new version to correct it.")
    if current.version != expected_version:
        raise EditConflict(current, noun="report")
    unknown = set(data) - set(WORD_FIELDS)
    if unknown:
        raise TypeError(f"Not the commissioner's words: {sorted(unknown)}")
    return save_edit(current, data, also_update=["updated_at"])


@transaction.atomic
def termly_report_submit(
    *, report: TermlyReport, user: AbstractBaseUser, today: datetime.date | None = None
) -> TermlyReport:
    """Freeze a draft: store what it shows now, with the commissioner's words, and submit it."""
    current = _locked(report)
    if not current.overall_rag:
        raise ValidationError("Give the report an overall RAG before submitting it.")
    _move(current, Status.SUBMITTED)
    area = PriorityArea.objects.select_related("framework").get(pk=current.priority_area_id)
    snapshot = assemble_report(area, current.term, today=today)
    snapshot["words"] = words_of(current)
    current.snapshot = snapshot
    current.submitted_at = timezone.now()
    current.submitted_by = user
    current.full_clean()
    current.save(update_fields=["status", "snapshot", "submitted_at", "submitted_by", "updated_at"])
    _ask_for_affected_packs(current)
    return current


@transaction.atomic
def report_new_version(*, report: TermlyReport) -> TermlyReport:
    """Start a corrected version of a submitted report: a new draft with the same words."""
    report = _locked(report)
    if report.is_draft:
        raise ValidationError("This report is still a draft: edit it instead.")
    siblings = TermlyReport.objects.select_for_update().filter(
        priority_area_id=report.priority_area_id, term_id=report.term_id
    )
    if siblings.filter(status=Status.DRAFT).exists():
        raise ValidationError("A newer draft of this report already exists.")
    latest = siblings.aggregate(latest=Max("edition"))["latest"]
    draft = TermlyReport(
        priority_area_id=report.priority_area_id,
        term_id=report.term_id,
        edition=latest + 1,
        **{field: getattr(report, field) for field in WORD_FIELDS},
    )
    draft.full_clean()
    draft.save()
    _ask_for_affected_packs(draft)
    return draft


def presentable_boards(report: TermlyReport) -> set[int]:
    """Ids of the boards a report goes to: its framework's owning board and its lead board."""
    area = report.priority_area
    return {area.framework.owning_board_id} | ({area.lead_board_id} - {None})


def _ask_for_affected_packs(report: TermlyReport) -> None:
    """The packs that show this report are laid out again by the worker, once this commits."""
    ask_for_board_packs(board_ids=presentable_boards(report), term=report.term)


@transaction.atomic
def termly_report_mark_presented(
    *,
    report: TermlyReport,
    agenda_item: AgendaItem,
    decision_text: str = "",
    decision_owner: str = "",
) -> TermlyReport:
    """Record the meeting and agenda item where a submitted report was presented, and any
    decision taken on it there."""
    current = _locked(report)
    if agenda_item.meeting.board_id not in presentable_boards(report):
        raise ValidationError("Choose a meeting of the board this priority reports to.")
    _move(current, Status.PRESENTED)
    current.meeting = agenda_item.meeting
    current.agenda_item = agenda_item
    current.full_clean()
    current.save(update_fields=["status", "meeting", "agenda_item", "updated_at"])
    if decision_text:
        governance_services.decision_create(
            meeting=agenda_item.meeting,
            text=decision_text,
            owner=decision_owner,
            concerns=current,
        )
    _ask_for_affected_packs(current)
    return current


# A report not yet presented may be put on an agenda; once presented, it stays where it was.
ATTACHABLE_STATUSES = (Status.DRAFT, Status.SUBMITTED)


def attachable_reports(agenda_item: AgendaItem):
    """The reports that may go on this agenda item: those of the priorities reporting to the
    meeting's board (owning its framework, or leading it), not yet presented, newest term first."""
    board_id = agenda_item.meeting.board_id
    return (
        TermlyReport.objects.filter(status__in=ATTACHABLE_STATUSES)
        .filter(
            Q(priority_area__framework__owning_board_id=board_id)
            | Q(priority_area__lead_board_id=board_id)
        )
        .select_related("priority_area", "term")
        .order_by("-term__start_date", "priority_area__order", "-edition")
    )


@transaction.atomic
def termly_report_attach(*, report: TermlyReport, agenda_item: AgendaItem) -> TermlyReport:
    """Put a report not yet presented on a meeting's agenda, as the paper of an item: the
    meeting pack then includes it."""
    current = _locked(report)
    if current.status not in ATTACHABLE_STATUSES:
        raise ValidationError(
            {"report": "This report has been presented already: it stays on that meeting's agenda."}
        )
    if agenda_item.meeting.board_id not in presentable_boards(current):
        raise ValidationError({"report": "Choose a report of a priority this board receives."})
    current.meeting = agenda_item.meeting
    current.agenda_item = agenda_item
    current.save(update_fields=["meeting", "agenda_item", "updated_at"])
    return current


@transaction.atomic
def termly_report_mark_noted(*, report: TermlyReport) -> TermlyReport:
    """Record that the board noted a presented report."""
    current = _locked(report)
    _move(current, Status.NOTED)
    current.noted_at = timezone.now()
    current.save(update_fields=["status", "noted_at", "updated_at"])
    _ask_for_affected_packs(current)
    return current


@transaction.atomic
def report_comment_add(
    *,
    report: TermlyReport,
    author: AbstractBaseUser,
    text: str,
    about: str = "",
    subject: str = "",
) -> ReportComment:
    """Challenge a submitted report, or the part of it `about` names and `subject` anchors."""
    if report.is_draft:
        raise ValidationError("A draft cannot be challenged: wait until it is submitted.")
    comment = ReportComment(report=report, author=author, text=text, about=about, subject=subject)
    comment.full_clean()
    comment.save()
    _announce(
        comment,
        recipients=report.priority_area.lead_commissioners.exclude(pk=author.pk),
        kind=Kind.CHALLENGE,
        message=f"{_name(author)} challenged the report {report}: “{comment}”",
    )
    return comment


def _name(user: AbstractBaseUser) -> str:
    return user.get_full_name() or user.get_username()


def _announce(comment: ReportComment, **event) -> None:
    """Tell of a challenge or its answer, linking to the challenge on the report's page."""
    announce(
        key=f"comment:{comment.pk}",
        about=comment,
        url=f"{comment.report.get_absolute_url()}#challenge-{comment.pk}",
        **event,
    )


class ChallengeAnswerConflict(EditConflict):
    """Someone answered the challenge since this answer began; `current` is it as it is now."""

    def __init__(self, current: ReportComment):
        super().__init__(current, noun="challenge")


@transaction.atomic
def report_comment_answer(
    *,
    comment: ReportComment,
    author: AbstractBaseUser,
    answer: str,
    expected_version: int | None = None,
) -> ReportComment:
    """Answer a challenge, or change its answer: the page shows the latest, the challenge's
    history keeps every earlier one. Refused (ChallengeAnswerConflict) if the challenge was
    answered since `expected_version` was read; None answers it as it is now (the demo)."""
    current = locked_for_edit(
        ReportComment,
        pk=comment.pk,
        expected_version=expected_version,
        conflict=ChallengeAnswerConflict,
    )
    save_edit(current, {"answer": answer, "answered_by": author, "answered_at": timezone.now()})
    # One notification per challenge: a later answer replaces the first on the page, unannounced.
    if current.author_id != author.pk:
        _announce(
            current,
            recipients=[current.author],
            kind=Kind.ANSWER,
            message=f"{_name(author)} answered your challenge on {current.report}: “{current}”",
        )
    return current


# Calendar feeds


@transaction.atomic
def calendar_feed_for(*, user: AbstractBaseUser) -> CalendarFeed:
    """The user's calendar feed, made with a new secret address the first time it is asked for."""
    feed, _ = CalendarFeed.objects.get_or_create(user=user)
    return feed


@transaction.atomic
def calendar_feed_reset(*, user: AbstractBaseUser) -> CalendarFeed:
    """Give the user's feed a new secret address; the old one answers 404 from now on."""
    feed = calendar_feed_for(user=user)
    feed.token = new_token()
    feed.full_clean()
    feed.save(update_fields=["token", "reset_at"])
    return feed
