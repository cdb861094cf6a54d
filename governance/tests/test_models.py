"""The governance models refuse bad data: cycles, dates, overlaps and duplicates."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from governance.models import Board, Decision, Membership
from governance.tests.factories import (
    AgendaItemFactory,
    BoardFactory,
    DecisionFactory,
    MeetingFactory,
    MembershipFactory,
    SubGroupFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def _messages(error: ValidationError) -> str:
    return " ".join(error.value.messages)


class TestBoard:
    def test_a_body_cannot_report_to_itself(self):
        board = BoardFactory(name="Halton Children's Trust Board")
        board.reports_to = board
        with pytest.raises(ValidationError) as error:
            board.full_clean()
        assert "A body cannot report to itself." in _messages(error)

    def test_a_body_cannot_report_to_one_of_its_descendants(self):
        top = BoardFactory(name="Halton Children's Trust Board")
        middle = SubGroupFactory(name="SEND Strategic Group", reports_to=top)
        bottom = SubGroupFactory(name="EHC Plans Audit Group", reports_to=middle)
        top.reports_to = bottom
        with pytest.raises(ValidationError) as error:
            top.full_clean()
        assert "EHC Plans Audit Group already reports" in _messages(error)
        assert "to Halton Children's Trust Board" in _messages(error)

    def test_the_database_refuses_a_body_reporting_to_itself(self):
        board = BoardFactory()
        with pytest.raises(IntegrityError), transaction.atomic():
            Board.objects.filter(pk=board.pk).update(reports_to=board)

    def test_moving_a_body_under_a_sibling_branch_is_allowed(self):
        top = BoardFactory()
        left = SubGroupFactory(reports_to=top)
        right = SubGroupFactory(reports_to=top)
        left.reports_to = right
        left.full_clean()

    def test_descendant_ids_walks_any_depth(self):
        top = BoardFactory()
        child = SubGroupFactory(reports_to=top)
        grandchild = SubGroupFactory(reports_to=child)
        assert top.descendant_ids() == {child.pk, grandchild.pk}

    def test_board_links_to_its_page(self):
        board = BoardFactory()
        assert board.get_absolute_url() == f"/governance/boards/{board.pk}/"


class TestMembership:
    def test_end_before_start_is_refused_by_clean(self, today):
        membership = MembershipFactory.build(
            board=BoardFactory(),
            organisation=MembershipFactory().organisation,
            start_date=today,
            end_date=today - dt.timedelta(days=1),
        )
        with pytest.raises(ValidationError) as error:
            membership.full_clean()
        assert "The end date cannot be before the start date." in _messages(error)

    def test_end_before_start_is_refused_by_the_database(self):
        membership = MembershipFactory()
        with pytest.raises(IntegrityError), transaction.atomic():
            Membership.objects.filter(pk=membership.pk).update(
                end_date=membership.start_date - dt.timedelta(days=1)
            )

    def test_overlapping_membership_of_the_same_person_is_refused(self, today):
        first = MembershipFactory(
            person_name="Director of Public Health",
            start_date=today - dt.timedelta(days=100),
            end_date=today - dt.timedelta(days=10),
        )
        overlapping = Membership(
            board=first.board,
            person_name="director of public health",
            organisation=first.organisation,
            start_date=today - dt.timedelta(days=20),
        )
        with pytest.raises(ValidationError) as error:
            overlapping.full_clean()
        assert "already sits on this board during these dates" in _messages(error)

    def test_a_later_membership_after_the_first_ended_is_allowed(self, today):
        first = MembershipFactory(
            start_date=today - dt.timedelta(days=100), end_date=today - dt.timedelta(days=10)
        )
        Membership(
            board=first.board,
            person_name=first.person_name,
            organisation=first.organisation,
            start_date=today - dt.timedelta(days=9),
        ).full_clean()

    def test_the_database_refuses_two_open_memberships(self, today):
        first = MembershipFactory()
        with pytest.raises(IntegrityError), transaction.atomic():
            Membership.objects.bulk_create(
                [
                    Membership(
                        board=first.board,
                        person_name=first.person_name,
                        organisation=first.organisation,
                        start_date=today,
                    )
                ]
            )

    def test_is_current(self, today):
        assert MembershipFactory().is_current
        ended = MembershipFactory(
            start_date=today - dt.timedelta(days=30), end_date=today - dt.timedelta(days=1)
        )
        assert not ended.is_current


class TestMeeting:
    def test_two_meetings_of_a_board_at_the_same_time_are_refused(self):
        meeting = MeetingFactory()
        twin = MeetingFactory.build(board=meeting.board, starts_at=meeting.starts_at)
        with pytest.raises(ValidationError) as error:
            twin.full_clean()
        assert "already has a meeting at that date and time" in _messages(error)

    def test_reads_as_board_and_british_date(self):
        meeting = MeetingFactory(
            board=BoardFactory(name="SEND Strategic Group"),
            starts_at=timezone.make_aware(dt.datetime(2027, 3, 4, 10, 0)),
        )
        assert str(meeting) == "SEND Strategic Group – 4 March 2027"
        assert meeting.get_absolute_url() == f"/governance/meetings/{meeting.pk}/"

    def test_agenda_numbers_are_unique_per_meeting(self):
        item = AgendaItemFactory(order=1)
        twin = AgendaItemFactory.build(meeting=item.meeting, order=1)
        with pytest.raises(ValidationError) as error:
            twin.full_clean()
        assert "Another item of this agenda already has this number." in _messages(error)


class TestDecision:
    def test_overdue_means_open_and_past_its_due_date(self, today):
        late = DecisionFactory(due_date=today - dt.timedelta(days=1))
        DecisionFactory(due_date=today - dt.timedelta(days=1), status=Decision.Status.DONE)
        DecisionFactory(due_date=today)
        DecisionFactory(due_date=None)
        assert list(Decision.objects.overdue()) == [late]
        assert late.is_overdue

    def test_long_text_is_shortened_in_its_name(self):
        decision = DecisionFactory(text="Commission " + "a very long service " * 10)
        assert len(str(decision)) == 80
        assert str(decision).endswith("...")

    def test_links_to_its_row_on_the_meeting_page(self):
        decision = DecisionFactory()
        assert decision.get_absolute_url() == (
            f"/governance/meetings/{decision.meeting.pk}/#decision-{decision.pk}"
        )
