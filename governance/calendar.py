"""A meeting as an iCalendar event: the meeting page's download and everyone's calendar feed."""

import datetime

from icalendar import Event

from core.calendars import event_uid, new_event, timed
from governance.models import Meeting

# Meetings record when they start, not when they end: calendars show them as two hours long.
MEETING_LENGTH = datetime.timedelta(hours=2)


def meeting_event(meeting: Meeting, *, url: str) -> Event:
    """A timed event; a cancelled meeting stays in the calendar marked CANCELLED, so the
    calendar a person subscribed to shows it called off instead of silently dropping it."""
    cancelled = meeting.status == Meeting.Status.CANCELLED
    summary = f"{meeting.board.name} meeting"
    event = new_event(
        uid=event_uid("meeting", meeting.pk),
        summary=f"Cancelled: {summary}" if cancelled else summary,
        url=url,
        description=f"Meeting of {meeting.board.name}. Agenda, minutes and decisions: {url}",
        sequence=meeting.version,
    )
    timed(event, starts_at=meeting.starts_at, duration=MEETING_LENGTH)
    if meeting.location:
        event.add("location", meeting.location)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return event
