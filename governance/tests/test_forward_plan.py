"""The forward plan: the 28 days' notice rule, private entries, its page and its forms."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.tests.factories import PartnershipFactory
from governance import services
from governance.forward_plan import services as plan_services
from governance.forward_plan.models import ForwardPlanEntry
from governance.tests.factories import (
    BoardFactory,
    ForwardPlanEntryFactory,
    MeetingFactory,
    RecordingSeatFactory,
)

pytestmark = pytest.mark.django_db


def _meeting_in(days: int, **kwargs):
    starts_at = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)
    return MeetingFactory(starts_at=starts_at + dt.timedelta(days=days), status="planned", **kwargs)


class TestNoticeRule:
    @pytest.mark.parametrize(
        ("days", "short"), [(27, True), (28, False), (29, False)], ids=["27", "28", "29"]
    )
    def test_an_entry_published_less_than_28_days_ahead_is_short_notice(self, today, days, short):
        meeting = _meeting_in(days)
        entry = ForwardPlanEntryFactory(
            board=meeting.board, expected_meeting=meeting, expected_month=None, published_on=today
        )
        assert entry.notice_days == days
        assert entry.short_notice is short

    def test_an_entry_for_a_month_counts_to_the_months_first_day(self, today):
        first_of_next_month = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
        entry = ForwardPlanEntryFactory(
            expected_month=first_of_next_month + dt.timedelta(days=10),
            published_on=first_of_next_month - dt.timedelta(days=27),
        )
        assert entry.expected_on == first_of_next_month
        assert entry.short_notice

    def test_the_page_marks_short_notice_entries_only(self, board_member_client, today):
        meeting = _meeting_in(20)
        ForwardPlanEntryFactory(
            board=meeting.board,
            title="Approve the termly review",
            expected_meeting=meeting,
            expected_month=None,
            published_on=today,
        )
        ForwardPlanEntryFactory(
            board=meeting.board,
            title="Recommission Short Breaks",
            expected_month=today + dt.timedelta(days=120),
            published_on=today,
        )
        page = board_member_client.get(reverse("governance:forward_plan")).content.decode()
        assert "Approve the termly review" in page and "Recommission Short Breaks" in page
        assert page.count("Less than 28 days' notice") == 1


class TestRules:
    def test_a_private_entry_needs_a_reason(self, today, commissioner):
        board = BoardFactory()
        with pytest.raises(ValidationError) as error:
            plan_services.forward_plan_entry_create(
                board=board,
                title="Award the 0-19 Healthy Child Programme contract",
                expected_month=today + dt.timedelta(days=60),
                lead=commissioner,
                access=ForwardPlanEntry.Access.PRIVATE,
                private_reason="  ",
            )
        assert "private_reason" in error.value.error_dict
        entry = plan_services.forward_plan_entry_create(
            board=board,
            title="Award the 0-19 Healthy Child Programme contract",
            expected_month=today + dt.timedelta(days=60),
            lead=commissioner,
            access=ForwardPlanEntry.Access.PRIVATE,
            private_reason="The report holds the bidders' prices.",
        )
        assert entry.get_access_display() == "Private"

    def test_an_entry_needs_a_meeting_or_a_month_and_a_meeting_of_its_board(self, commissioner):
        with pytest.raises(ValidationError) as error:
            plan_services.forward_plan_entry_create(
                board=BoardFactory(), title="Decide", lead=commissioner
            )
        assert "expected_meeting" in error.value.error_dict
        with pytest.raises(ValidationError) as error:
            plan_services.forward_plan_entry_create(
                board=BoardFactory(),
                title="Decide",
                lead=commissioner,
                expected_meeting=_meeting_in(40),
            )
        assert error.value.error_dict["expected_meeting"][0].messages == [
            "Choose a meeting of this board."
        ]


class TestPages:
    @pytest.fixture
    def board(self, commissioner):
        board = BoardFactory(name="Halton Children's Trust Board")
        RecordingSeatFactory(board=board, user=commissioner)
        return board

    def test_the_secretary_adds_a_private_entry_only_with_a_reason(
        self, commissioner_client, commissioner, board, today
    ):
        meeting = _meeting_in(40, board=board)
        url = reverse("governance:forward_plan_entry_create", args=[board.pk])
        data = {
            "title": "Award the 0-19 Healthy Child Programme contract",
            "expected_meeting": meeting.pk,
            "lead": commissioner.pk,
            "access": "private",
            "private_reason": "",
            "published_on": today.isoformat(),
        }
        refused = commissioner_client.post(url, data)
        assert refused.status_code == 200
        assert "Say why the decision is taken in private." in refused.content.decode()
        assert not ForwardPlanEntry.objects.exists()

        saved = commissioner_client.post(
            url, data | {"private_reason": "The report holds the bidders' prices."}, follow=True
        )
        assert "Entry added to the forward plan." in saved.content.decode()
        entry = ForwardPlanEntry.objects.get()
        assert (entry.board, entry.expected_meeting, entry.lead) == (board, meeting, commissioner)
        assert entry.history.count() == 1

    def test_the_plan_filters_by_board_and_links_the_decision_taken(
        self, board_member_client, board, today
    ):
        meeting = MeetingFactory(board=board)
        decision = services.decision_create(
            meeting=meeting,
            text="Recommission Short Breaks.",
            owner_note="Head of Commissioning",
            forward_plan_entry=ForwardPlanEntryFactory(
                board=board, title="Recommission Short Breaks", expected_meeting=meeting
            ),
        )
        ForwardPlanEntryFactory(title="Another board's entry")
        url = reverse("governance:forward_plan")
        page = board_member_client.get(url, {"board": board.pk}).content.decode()
        assert "Recommission Short Breaks" in page
        assert "Another board&#x27;s entry" not in page
        assert decision.get_absolute_url() in page
        assert "add to the plan" not in page.lower()  # board members read it only

    def test_an_empty_plan_says_so(self, board_member_client):
        page = board_member_client.get(reverse("governance:forward_plan")).content.decode()
        assert "No key decisions in the forward plan" in page

    def test_an_entry_of_another_partnership_is_not_found(self, commissioner_client):
        other = ForwardPlanEntryFactory(
            board=BoardFactory(partnership=PartnershipFactory(short_name="West Cheshire"))
        )
        url = reverse("governance:forward_plan_entry_update", args=[other.pk])
        assert commissioner_client.get(url).status_code == 404


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_forward_plan_query_count_does_not_grow(
    commissioner_client, commissioner, django_assert_num_queries, today
):
    def grow(count: int) -> None:
        for _ in range(count):
            board = BoardFactory()
            RecordingSeatFactory(board=board, user=commissioner)
            meeting = _meeting_in(30, board=board)
            ForwardPlanEntryFactory(board=board, expected_meeting=meeting, expected_month=None)
            ForwardPlanEntryFactory(
                board=board,
                decision=services.decision_create(
                    meeting=meeting, text="Taken.", owner_user=commissioner
                ),
            )

    url = reverse("governance:forward_plan")
    grow(1)
    first = _queries(commissioner_client, url)
    grow(10)
    with django_assert_num_queries(first):
        response = commissioner_client.get(url)
    assert response.content.decode().count('id="entry-') == 22
