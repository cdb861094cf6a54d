"""Each person's calendar feed and its page; the meeting page's .ics."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from core.tests.factories import BoardMemberFactory, CommissionerFactory
from governance.models import Meeting
from governance.tests.factories import BoardFactory, MeetingFactory, MembershipFactory
from priorities.models import Action
from priorities.tests.factories import ActionFactory, PriorityAreaFactory
from reporting.models import CalendarFeed, Term
from reporting.services import calendar_feed_for, termly_report_submit
from reporting.tests.factories import TermlyReportFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def _feed(client, user) -> Calendar:
    response = client.get(calendar_feed_for(user=user).get_absolute_url())
    assert response.status_code == 200
    return Calendar.from_ical(response.content)


def _events(calendar: Calendar) -> dict[str, dict]:
    return {
        str(event["uid"]): {
            "summary": str(event["summary"]),
            "start": event.decoded("dtstart"),
            "url": str(event["url"]),
            "status": str(event.get("status", "")),
        }
        for event in calendar.walk("VEVENT")
    }


def _upcoming_meeting(board, *, days: int, **kwargs) -> Meeting:
    starts_at = timezone.localtime().replace(hour=14, minute=0, second=0, microsecond=0)
    return MeetingFactory(
        board=board,
        starts_at=starts_at + datetime.timedelta(days=days),
        status=Meeting.Status.PLANNED,
        **kwargs,
    )


@pytest.fixture
def lead(today):
    """A commissioner who sits on one board, leads one priority and owns actions."""
    user = CommissionerFactory(username="lead")
    board = BoardFactory(name="Halton Children's Trust Board")
    MembershipFactory(board=board, user=user, person_name="Lead Commissioner")
    user.test_board = board
    user.test_area = PriorityAreaFactory(title="Children in Care", lead_commissioners=[user])
    return user


def test_feed_holds_the_meetings_deadlines_and_actions_of_its_owner(client, lead, today):
    board = lead.test_board
    meeting = _upcoming_meeting(board, days=14, location="Municipal Building, Widnes")
    action = ActionFactory(owner=lead, title="Scale-up the Edge of Care Team")
    ActionFactory(owner=lead, title="Done already", status=Action.Status.COMPLETE)
    term = Term.objects.current(today)

    events = _events(_feed(client, lead))

    meeting_event = events[f"meeting-{meeting.pk}@joint-commissioning-manager"]
    assert meeting_event["summary"] == "Halton Children's Trust Board meeting"
    assert meeting_event["start"] == meeting.starts_at
    assert meeting_event["url"] == f"http://testserver{meeting.get_absolute_url()}"
    action_event = events[f"action-{action.pk}@joint-commissioning-manager"]
    assert action_event["summary"] == "Action due: Scale-up the Edge of Care Team"
    assert action_event["start"] == action.due_date  # an all-day event: a date, not a time
    deadline = events[f"report-deadline-{lead.test_area.pk}-{term.pk}@joint-commissioning-manager"]
    assert deadline["summary"] == f"Termly report due: Children in Care ({term})"
    assert deadline["start"] == term.end_date
    assert not any("Done already" in event["summary"] for event in events.values())


def test_feed_holds_none_of_other_peoples_dates(client, lead):
    other = CommissionerFactory()
    other_board = BoardFactory(name="West Cheshire Children's Trust Executive")
    MembershipFactory(board=other_board, user=other)
    theirs = _upcoming_meeting(other_board, days=7)
    their_action = ActionFactory(owner=other, priority_area=lead.test_area)
    PriorityAreaFactory(title="SEND", lead_commissioners=[other])

    events = _events(_feed(client, lead))

    assert f"meeting-{theirs.pk}@joint-commissioning-manager" not in events
    assert f"action-{their_action.pk}@joint-commissioning-manager" not in events
    assert not any("SEND" in event["summary"] for event in events.values())
    assert any("Children in Care" in event["summary"] for event in events.values())


def test_a_past_membership_brings_no_meetings(client, today):
    user = BoardMemberFactory()
    board = BoardFactory()
    MembershipFactory(
        board=board,
        user=user,
        start_date=today - datetime.timedelta(days=400),
        end_date=today - datetime.timedelta(days=1),
    )
    _upcoming_meeting(board, days=7)

    assert _events(_feed(client, user)) == {}


def test_a_cancelled_meeting_stays_marked_cancelled(client, lead):
    meeting = _upcoming_meeting(lead.test_board, days=7)
    meeting.status = Meeting.Status.CANCELLED
    meeting.save()

    event = _events(_feed(client, lead))[f"meeting-{meeting.pk}@joint-commissioning-manager"]

    assert event["status"] == "CANCELLED"
    assert event["summary"] == "Cancelled: Halton Children's Trust Board meeting"


def test_a_submitted_reports_deadline_says_so_and_links_to_the_report(client, lead, today):
    term = Term.objects.current(today)
    report = termly_report_submit(
        report=TermlyReportFactory(priority_area=lead.test_area, term=term), user=lead
    )

    uid = f"report-deadline-{lead.test_area.pk}-{term.pk}@joint-commissioning-manager"
    event = _events(_feed(client, lead))[uid]

    assert event["summary"].endswith(", submitted")
    assert event["url"] == f"http://testserver{report.get_absolute_url()}"


def test_uids_stay_the_same_from_one_fetch_to_the_next(client, lead):
    _upcoming_meeting(lead.test_board, days=7)
    ActionFactory(owner=lead)

    assert set(_events(_feed(client, lead))) == set(_events(_feed(client, lead)))


def test_feed_is_a_calendar_no_shared_cache_keeps(client, lead):
    response = client.get(calendar_feed_for(user=lead).get_absolute_url())

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert not response.cookies  # nothing about a session in a feed that needs none


def test_wrong_token_answers_404(client, lead):
    calendar_feed_for(user=lead)

    response = client.get(reverse("reporting:calendar_feed", args=["not-the-token"]))

    assert response.status_code == 404


def test_reset_makes_the_old_address_404_and_the_new_one_work(client, lead):
    old_url = calendar_feed_for(user=lead).get_absolute_url()
    client.force_login(lead)

    response = client.post(reverse("reporting:calendar_reset"), follow=True)

    new_url = CalendarFeed.objects.get(user=lead).get_absolute_url()
    assert new_url != old_url
    assert "The old address no longer works" in response.content.decode()
    assert f"http://testserver{new_url}" in response.content.decode()
    client.logout()
    assert client.get(old_url).status_code == 404
    assert client.get(new_url).status_code == 200


def test_an_inactive_account_feed_answers_404(client, lead):
    url = calendar_feed_for(user=lead).get_absolute_url()
    lead.is_active = False
    lead.save()

    assert client.get(url).status_code == 404


def test_calendar_page_shows_the_users_own_address(client, lead):
    client.force_login(lead)

    response = client.get(reverse("reporting:calendar"))

    feed = CalendarFeed.objects.get(user=lead)
    assert f"http://testserver{feed.get_absolute_url()}" in response.content.decode()
    assert "Reset my calendar's address" in response.content.decode()


def test_token_is_long_and_random():
    first, second = CalendarFeed(), CalendarFeed()
    assert len(first.token) >= 43 and first.token != second.token


def _add_dates(lead, count: int) -> None:
    for n in range(count):
        board = BoardFactory()
        MembershipFactory(board=board, user=lead)
        _upcoming_meeting(board, days=n + 1)
        ActionFactory(owner=lead)
        PriorityAreaFactory(lead_commissioners=[lead])


def test_feed_reads_in_a_fixed_number_of_queries(
    client, lead, django_assert_max_num_queries, django_assert_num_queries
):
    _add_dates(lead, 1)
    url = calendar_feed_for(user=lead).get_absolute_url()
    client.get(url)  # the current term's year is created once, if missing
    # The feed, the roles, meetings, two of terms, priorities, reports, actions; a savepoint.
    with django_assert_max_num_queries(10) as captured:
        small = client.get(url)
    _add_dates(lead, 10)
    with django_assert_num_queries(len(captured)):
        large = client.get(url)
    assert len(Calendar.from_ical(large.content).walk("VEVENT")) > len(
        Calendar.from_ical(small.content).walk("VEVENT")
    )


def test_meeting_ics_is_one_event_for_the_meeting(client):
    meeting = _upcoming_meeting(BoardFactory(name="SEND Strategic Group"), days=3)
    client.force_login(BoardMemberFactory())

    response = client.get(reverse("governance:meeting_ics", args=[meeting.pk]))

    assert response["Content-Type"].startswith("text/calendar")
    assert response["Content-Disposition"].startswith("attachment;")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert len(events) == 1
    assert str(events[0]["summary"]) == "SEND Strategic Group meeting"
    assert events[0].decoded("dtstart") == meeting.starts_at
    assert str(events[0]["location"]) == meeting.location


def test_meeting_page_offers_its_ics(client):
    meeting = MeetingFactory()
    client.force_login(BoardMemberFactory())

    response = client.get(meeting.get_absolute_url())

    assert reverse("governance:meeting_ics", args=[meeting.pk]) in response.content.decode()


def test_the_demo_users_calendars_hold_their_boards_meetings_and_their_dates(demo, client):
    users = get_user_model().objects.filter(username__in=["board", "commissioner"])
    summaries = {
        user.username: [event["summary"] for event in _events(_feed(client, user)).values()]
        for user in users
    }
    assert "Halton Children's Trust Board meeting" in summaries["board"]
    assert "Halton Children's Trust Board meeting" in summaries["commissioner"]
    assert any(summary.startswith("Action due: ") for summary in summaries["commissioner"])
    assert any(summary.startswith("Termly report due: ") for summary in summaries["commissioner"])
