"""Boards and their members kept on the product's pages: administrators keep boards; the
board's clerk (a commissioner in its Secretary or clerk seat) and administrators keep its
members; every role reads their history."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.tests.factories import AdministratorFactory, CommissionerFactory, PartnershipFactory
from core.tests.sign_in import sign_in
from governance.models import Board, Membership
from governance.tests.factories import (
    AgendaItemFactory,
    BoardFactory,
    DecisionFactory,
    MeetingFactory,
    MembershipFactory,
    OrganisationFactory,
    SubGroupFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

Role = Membership.Role


def _client(user) -> Client:
    return sign_in(Client(), user)


def _board_post(**changes) -> dict:
    data = {
        "name": "SEND Strategic Group",
        "kind": Board.Kind.STRATEGIC_GROUP,
        "reports_to": "",
        "purpose": "Leads the SEND priority.",
        "meeting_frequency": "Bi-monthly",
        "is_active": "on",
    }
    return {**data, **changes}


def _edit_post(client, url: str, **changes) -> dict:
    """What the edit page would post: its initial values, version and snapshot, changed."""
    form = client.get(url).context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue
        data[name] = "on" if value is True else value
    return {**data, **changes}


@pytest.fixture
def clerk():
    return CommissionerFactory()


@pytest.fixture
def board(clerk):
    board = BoardFactory(name="Halton Children's Trust Board")
    MembershipFactory(board=board, user=clerk, role=Role.SECRETARY, person_name="Clerk")
    return board


# Boards: administrators only


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("governance:board_create"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_commissioner_and_even_the_clerk_may_not_add_or_edit_boards(board, clerk):
    client = _client(clerk)
    for url in (
        reverse("governance:board_create"),
        reverse("governance:board_update", args=[board.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 403
        assert "You cannot open this page" in response.content.decode()
    assert (
        "Add a board or group" not in client.get(reverse("governance:structure")).content.decode()
    )


def test_an_administrator_adds_a_board_under_another(board, administrator_client):
    response = administrator_client.post(
        reverse("governance:board_create"), _board_post(reports_to=board.pk)
    )
    added = Board.objects.get(name="SEND Strategic Group")
    assert response["Location"] == added.get_absolute_url()
    assert added.reports_to == board and added.partnership == board.partnership
    page = administrator_client.get(added.get_absolute_url()).content.decode()
    assert "Board saved" in page
    assert "Edit the board" in page


def test_a_board_cannot_report_to_a_body_below_it(board, administrator_client):
    child = SubGroupFactory(reports_to=board, name="SEND Review")
    grandchild = SubGroupFactory(reports_to=child, name="EHC Plans Audit Group")
    url = reverse("governance:board_update", args=[board.pk])
    response = administrator_client.post(
        url, _edit_post(administrator_client, url, reports_to=grandchild.pk)
    )
    assert response.status_code == 200
    errors = response.context["form"].errors["reports_to"]
    assert errors == [
        "EHC Plans Audit Group already reports, directly or through other bodies, to "
        "Halton Children's Trust Board: choose a body above it instead."
    ]
    board.refresh_from_db()
    assert board.reports_to is None


def test_a_board_cannot_report_to_itself_nor_to_another_partnerships(board, administrator_client):
    elsewhere = BoardFactory(partnership=PartnershipFactory(short_name="West Cheshire"))
    url = reverse("governance:board_update", args=[board.pk])
    form = administrator_client.get(url).context["form"]
    choices = set(form.fields["reports_to"].queryset)
    assert board not in choices and elsewhere not in choices
    response = administrator_client.post(
        url, _edit_post(administrator_client, url, reports_to=board.pk)
    )
    assert "reports_to" in response.context["form"].errors


def test_editing_a_board_from_a_stale_page_is_refused_with_what_changed(
    board, administrator_client
):
    url = reverse("governance:board_update", args=[board.pk])
    stale = _edit_post(administrator_client, url, meeting_frequency="Monthly")
    Board.objects.filter(pk=board.pk).update(version=board.version + 1, purpose="Changed")
    response = administrator_client.post(url, stale)
    assert response.status_code == 409
    assert ("Purpose or terms of reference", "Changed") in response.context["conflict_changes"]


# Members: the clerk and administrators


def test_a_chair_who_is_not_the_clerk_may_not_keep_members(board):
    chair = CommissionerFactory()
    MembershipFactory(board=board, user=chair, role=Role.CHAIR)
    response = _client(chair).get(reverse("governance:membership_create", args=[board.pk]))
    assert response.status_code == 403


def test_the_clerk_adds_a_member_by_account_and_the_name_follows_it(board, clerk):
    person = CommissionerFactory(first_name="Director of", last_name="Public Health")
    organisation = OrganisationFactory(name="Halton Borough Council", short_name="HBC")
    client = _client(clerk)
    page = client.get(board.get_absolute_url()).content.decode()
    assert "Add a member" in page
    response = client.post(
        reverse("governance:membership_create", args=[board.pk]),
        {
            "person_name": "",
            "user": person.pk,
            "role": Role.MEMBER,
            "organisation": organisation.pk,
            "start_date": "2026-09-01",
        },
    )
    membership = board.memberships.get(user=person)
    assert response.status_code == 302
    assert membership.person_name == "Director of Public Health"
    assert "Member added." in client.get(response["Location"]).content.decode()


def test_a_member_needs_a_name_or_an_account(board, clerk):
    response = _client(clerk).post(
        reverse("governance:membership_create", args=[board.pk]),
        {
            "person_name": "",
            "user": "",
            "role": Role.MEMBER,
            "organisation": OrganisationFactory().pk,
            "start_date": "2026-09-01",
        },
    )
    assert response.context["form"].errors["person_name"] == [
        "Enter the person's name or job title, or choose their account."
    ]


def test_ending_a_membership_moves_it_to_past_members(board, clerk, today):
    member = MembershipFactory(board=board, person_name="Head of Early Help")
    client = _client(clerk)
    url = reverse("governance:membership_end", args=[member.pk])
    yesterday = today - dt.timedelta(days=1)
    response = client.post(url, _edit_post(client, url, end_date=yesterday.isoformat()))
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.end_date == yesterday
    page = client.get(board.get_absolute_url())
    assert member in page.context["past_members"]
    assert "Membership of Head of Early Help ended on" in page.content.decode()


def test_a_membership_cannot_end_before_it_started(board, clerk):
    member = MembershipFactory(board=board)
    client = _client(clerk)
    url = reverse("governance:membership_end", args=[member.pk])
    before = member.start_date - dt.timedelta(days=1)
    response = client.post(url, _edit_post(client, url, end_date=before.isoformat()))
    assert response.status_code == 200
    assert "end it on that day or later" in response.context["form"].errors["end_date"][0]


def test_the_clerk_changes_a_members_seat(board, clerk):
    member = MembershipFactory(board=board, role=Role.MEMBER)
    client = _client(clerk)
    url = reverse("governance:membership_update", args=[member.pk])
    response = client.post(url, _edit_post(client, url, role=Role.VICE_CHAIR))
    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.role, member.version) == (Role.VICE_CHAIR, 2)


# History


def test_history_pages_show_who_changed_what(board, clerk, board_member_client):
    member = MembershipFactory(board=board, role=Role.MEMBER)
    client = _client(clerk)
    url = reverse("governance:membership_update", args=[member.pk])
    client.post(url, _edit_post(client, url, role=Role.VICE_CHAIR))
    response = board_member_client.get(reverse("governance:membership_history", args=[member.pk]))
    changes = response.context["history_rows"][0].changes
    assert [(c.label, c.old, c.new) for c in changes] == [("Role", "Member", "Vice-chair")]
    assert clerk.get_full_name() in response.content.decode().replace("&#x27;", "'")
    admin = AdministratorFactory()
    url = reverse("governance:board_update", args=[board.pk])
    admin_client = _client(admin)
    admin_client.post(url, _edit_post(admin_client, url, meeting_frequency="Termly"))
    rows = board_member_client.get(reverse("governance:board_history", args=[board.pk])).context[
        "history_rows"
    ]
    assert ("Meeting frequency", "Quarterly", "Termly") in [
        (c.label, c.old, c.new) for c in rows[0].changes
    ]


def test_agenda_items_and_decisions_keep_their_history(board, clerk, board_member_client):
    meeting = MeetingFactory(board=board)
    item = AgendaItemFactory(meeting=meeting, title="SEND termly report")
    decision = DecisionFactory(meeting=meeting)
    client = _client(clerk)
    url = reverse("governance:agenda_item_update", args=[item.pk])
    client.post(url, _edit_post(client, url, title="SEND termly report and short breaks"))
    rows = board_member_client.get(
        reverse("governance:agenda_item_history", args=[item.pk])
    ).context["history_rows"]
    assert [(c.label, c.old, c.new) for c in rows[0].changes] == [
        ("Title", "SEND termly report", "SEND termly report and short breaks")
    ]
    meeting_page = board_member_client.get(meeting.get_absolute_url()).content.decode()
    assert reverse("governance:agenda_item_history", args=[item.pk]) in meeting_page
    assert reverse("governance:decision_history", args=[decision.pk]) in meeting_page
    board_page = board_member_client.get(board.get_absolute_url()).content.decode()
    assert reverse("governance:board_history", args=[board.pk]) in board_page
    history = board_member_client.get(reverse("governance:decision_history", args=[decision.pk]))
    assert [row.what for row in history.context["history_rows"]] == ["Created"]


# Query counts


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_the_board_page_with_edit_links_costs_the_same_at_ten_times_the_members(
    board, clerk, django_assert_max_num_queries
):
    client = _client(clerk)

    def grow(count: int) -> None:
        for _ in range(count):
            MembershipFactory(board=board)
            MembershipFactory(board=board, end_date=board.memberships.first().start_date)
            MeetingFactory(board=board)

    grow(2)
    first = _count(client, board.get_absolute_url())
    grow(18)
    with django_assert_max_num_queries(first):
        page = client.get(board.get_absolute_url()).content.decode()
    assert page.count("End<span") == 21  # every current member, the clerk included


def test_the_meeting_page_costs_the_same_at_ten_times_the_agenda(
    board, clerk, django_assert_max_num_queries
):
    meeting = MeetingFactory(board=board)
    client = _client(clerk)

    def grow(count: int) -> None:
        for _ in range(count):
            DecisionFactory(meeting=meeting)
            AgendaItemFactory(meeting=meeting)

    grow(2)
    first = _count(client, meeting.get_absolute_url())
    grow(18)
    with django_assert_max_num_queries(first):
        page = client.get(meeting.get_absolute_url()).content.decode()
    assert page.count("Attach a report<span") == 20
