"""Publishing a meeting's papers: versioned and kept in the history, and the board's current
members with an account are told once."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from core.models import Kind, Notification
from core.tests.factories import BoardMemberFactory, CommissionerFactory
from governance.tests.factories import MeetingFactory, MembershipFactory, RecordingSeatFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    return MeetingFactory()


def test_publishing_tells_current_members_with_an_account_once(
    meeting, administrator_client, today, django_capture_on_commit_callbacks, run_jobs
):
    commissioner_client = administrator_client  # who publishes holds no seat to be told in
    member = BoardMemberFactory(username="member")
    MembershipFactory(board=meeting.board, user=member)
    MembershipFactory(board=meeting.board, user=None)  # no account: nobody to tell
    MembershipFactory(
        board=meeting.board,
        user=BoardMemberFactory(username="former"),
        start_date=today - datetime.timedelta(days=400),
        end_date=today - datetime.timedelta(days=1),
    )
    MembershipFactory(user=BoardMemberFactory(username="other-board"))
    url = reverse("governance:meeting_publish_papers", args=[meeting.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = commissioner_client.post(url, {"version": meeting.version}, follow=True)
    assert "Papers published. The board&#x27;s members have been told." in response.content.decode()
    assert "Published on" in response.content.decode()
    notification = Notification.objects.get(kind=Kind.PAPERS_PUBLISHED)
    assert notification.recipient == member
    assert notification.url == meeting.get_absolute_url()
    run_jobs()
    assert [email.to for email in mail.outbox] == [["member@example.org"]]

    meeting.refresh_from_db()
    assert meeting.papers_published_at is not None and meeting.version == 2
    again = commissioner_client.post(url, {"version": meeting.version}, follow=True)
    assert "The papers were already published on" in again.content.decode()
    assert Notification.objects.count() == 1
    history = commissioner_client.get(reverse("governance:meeting_history", args=[meeting.pk]))
    assert "Papers published" in history.content.decode()


def test_a_stale_page_does_not_publish(meeting, commissioner_client, commissioner):
    RecordingSeatFactory(board=meeting.board, user=commissioner)
    url = reverse("governance:meeting_publish_papers", args=[meeting.pk])
    response = commissioner_client.post(url, {"version": meeting.version + 5}, follow=True)
    assert "Not published: someone changed this meeting" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.papers_published_at is None


def test_board_members_see_no_publish_button_and_cannot_publish(meeting, board_member_client):
    page = board_member_client.get(meeting.get_absolute_url()).content.decode()
    assert "Publish papers" not in page and "Not published yet" in page
    url = reverse("governance:meeting_publish_papers", args=[meeting.pk])
    assert board_member_client.post(url, {"version": meeting.version}).status_code == 403
    meeting.refresh_from_db()
    assert meeting.papers_published_at is None


def test_the_boards_recorders_see_the_publish_button(meeting, client):
    secretary = CommissionerFactory()
    RecordingSeatFactory(board=meeting.board, user=secretary)
    client.force_login(secretary)
    assert "Publish papers" in client.get(meeting.get_absolute_url()).content.decode()


def test_a_commissioner_without_a_recording_seat_cannot_publish(meeting, client):
    """Any commissioner, even one with no seat on the board, could publish its papers."""
    client.force_login(CommissionerFactory())
    assert "Publish papers" not in client.get(meeting.get_absolute_url()).content.decode()
    url = reverse("governance:meeting_publish_papers", args=[meeting.pk])
    assert client.post(url, {"version": meeting.version}).status_code == 403
    meeting.refresh_from_db()
    assert meeting.papers_published_at is None
