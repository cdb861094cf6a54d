"""iCalendar (RFC 5545) files: one calendar of events, served as `text/calendar`.

Meetings are timed events in UTC (no time-zone definitions to ship); dates such as an action's
due date are all-day events. Each event's UID is built from its record's kind and primary key,
so a calendar application updates the event it already has instead of adding a copy.
"""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event

PRODID = "-//Joint Commissioning Manager//Calendars//EN"
UID_DOMAIN = "joint-commissioning-manager"


def new_calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    return calendar


def event_uid(kind: str, *parts: object) -> str:
    """A UID that stays the same for a record: `meeting-12@joint-commissioning-manager`."""
    return "-".join([kind, *(str(part) for part in parts)]) + f"@{UID_DOMAIN}"


def new_event(
    *, uid: str, summary: str, url: str, description: str = "", sequence: int = 0
) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", timezone.now())
    event.add("summary", summary)
    event.add("url", url)
    if description:
        event.add("description", description)
    event.add("sequence", sequence)
    return event


def timed(event: Event, *, starts_at: datetime.datetime, duration: datetime.timedelta) -> Event:
    start = starts_at.astimezone(datetime.UTC)
    event.add("dtstart", start)
    event.add("dtend", start + duration)
    return event


def all_day(event: Event, day: datetime.date) -> Event:
    event.add("dtstart", day)
    event.add("dtend", day + datetime.timedelta(days=1))
    event.add("transp", "TRANSPARENT")  # a due date does not make anyone busy
    return event


def calendar_response(calendar: Calendar, *, filename: str, download: bool) -> HttpResponse:
    """The calendar as a response no shared cache keeps: it is someone's own diary."""
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = "private, no-store, max-age=0"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
