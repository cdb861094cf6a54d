"""A person's calendar feed: the meetings of the boards they sit on, the termly report deadlines
of the priorities they lead and the due dates of the open actions they own.

Read in a fixed number of queries whatever the number of events (`feed_calendar`).
"""

import datetime
from collections.abc import Callable
from urllib.parse import urlencode

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from core.calendars import all_day, event_uid, new_calendar, new_event
from governance.calendar import meeting_event
from governance.models import Meeting
from priorities.models import Action, PriorityArea
from reporting.models import Term, TermlyReport

# How far back the feed reaches: calendar applications keep what they saw before.
PAST = datetime.timedelta(days=365)
# How far ahead report deadlines go (meetings and actions: as far as they are planned).
AHEAD = datetime.timedelta(days=365)


def report_deadline(term: Term) -> datetime.date:
    """A term's report is due by the last day of the term, for the board's next meeting."""
    return term.end_date


def current_meetings_of(user, *, since: datetime.datetime):
    """Meetings since `since` of the boards where `user` has a current membership."""
    today = timezone.localdate()
    current = Q(board__memberships__user=user, board__memberships__start_date__lte=today) & (
        Q(board__memberships__end_date__isnull=True) | Q(board__memberships__end_date__gte=today)
    )
    return (
        Meeting.objects.filter(current, starts_at__gte=since)
        .select_related("board")
        .distinct()
        .order_by("starts_at", "pk")
    )


def feed_calendar(user, *, absolute: Callable[[str], str]) -> Calendar:
    """The user's calendar; `absolute` turns a path into the full address of the record."""
    now = timezone.now()
    today = timezone.localdate()
    calendar = new_calendar("Joint Commissioning Manager")
    for meeting in current_meetings_of(user, since=now - PAST):
        calendar.add_component(meeting_event(meeting, url=absolute(meeting.get_absolute_url())))
    for event in _report_deadline_events(user, today=today, absolute=absolute):
        calendar.add_component(event)
    actions = (
        Action.objects.open()
        .filter(owner=user, due_date__gte=today - PAST)
        .select_related("priority_area")
        .order_by("due_date", "pk")
    )
    for action in actions:
        event = new_event(
            uid=event_uid("action", action.pk),
            summary=f"Action due: {action.title}",
            url=absolute(action.get_absolute_url()),
            description=f"{action.priority_area}: {action.get_status_display()}.",
            sequence=action.version,
        )
        calendar.add_component(all_day(event, action.due_date))
    return calendar


def _report_deadline_events(user, *, today: datetime.date, absolute: Callable[[str], str]):
    Term.objects.current(today)  # adds this academic year's terms if they are missing
    terms = list(
        Term.objects.filter(end_date__gte=today - PAST, end_date__lte=today + AHEAD).order_by(
            "start_date"
        )
    )
    areas = list(
        PriorityArea.objects.filter(lead_commissioners=user)
        .select_related("framework")
        .order_by("framework__title", "order", "pk")
    )
    if not terms or not areas:
        return
    latest: dict[tuple[int, int], TermlyReport] = {}
    reports = TermlyReport.objects.filter(priority_area__in=areas, term__in=terms).order_by(
        "edition"
    )
    for report in reports.only("pk", "priority_area_id", "term_id", "status", "edition"):
        latest[(report.priority_area_id, report.term_id)] = report
    for term in terms:
        for area in areas:
            report = latest.get((area.pk, term.pk))
            if report is not None:
                url = report.get_absolute_url()
                state = f"The report is {report.get_status_display().lower()}."
            else:
                query = urlencode({"term": term.pk, "framework": area.framework_id})
                url = f"{reverse('reporting:report_list')}?{query}"
                state = "The report is not started."
            submitted = report is not None and not report.is_draft
            summary = f"Termly report due: {area.title} ({term})"
            event = new_event(
                uid=event_uid("report-deadline", area.pk, term.pk),
                summary=f"{summary}, submitted" if submitted else summary,
                url=absolute(url),
                description=f"{area.framework}: {area.title}. {state}",
            )
            yield all_day(event, report_deadline(term))
