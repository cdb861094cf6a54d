"""Services save valid records, refuse invalid ones whole, and never overwrite a newer edit."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.edit_conflicts import EditConflict
from governance import services
from governance.models import AgendaItem, Decision, Meeting
from governance.tests.factories import (
    AgendaItemFactory,
    BoardFactory,
    DecisionFactory,
    MeetingFactory,
    OrganisationFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

NOON = timezone.make_aware(dt.datetime(2027, 2, 3, 12, 0))


class TestMeetings:
    def test_create_saves_a_planned_meeting(self):
        board = BoardFactory()
        meeting = services.meeting_create(board=board, starts_at=NOON, location="Runcorn")
        assert Meeting.objects.get() == meeting
        assert (meeting.status, meeting.version) == (Meeting.Status.PLANNED, 1)

    def test_create_refuses_a_second_meeting_at_the_same_time(self):
        board = BoardFactory()
        services.meeting_create(board=board, starts_at=NOON)
        with pytest.raises(ValidationError, match="already has a meeting at that date and time"):
            services.meeting_create(board=board, starts_at=NOON)
        assert Meeting.objects.count() == 1

    def test_update_saves_and_bumps_the_version(self):
        meeting = MeetingFactory(status=Meeting.Status.PLANNED)
        services.meeting_update(
            meeting=meeting, expected_version=1, status=Meeting.Status.HELD, minutes="Agreed."
        )
        meeting.refresh_from_db()
        assert (meeting.status, meeting.minutes, meeting.version) == ("held", "Agreed.", 2)

    def test_update_refuses_a_stale_version_with_the_meeting_as_it_is_now(self):
        meeting = MeetingFactory(location="Municipal Building, Widnes")
        services.meeting_update(meeting=meeting, expected_version=1, location="Runcorn Library")
        with pytest.raises(EditConflict) as error:
            services.meeting_update(meeting=meeting, expected_version=1, location="Online")
        assert error.value.messages == [
            "Someone else saved this meeting while you were editing it."
        ]
        assert (error.value.current.location, error.value.current.version) == (
            "Runcorn Library",
            2,
        )
        meeting.refresh_from_db()
        assert meeting.location == "Runcorn Library"

    def test_update_refuses_a_clash_and_keeps_the_old_values(self):
        board = BoardFactory()
        MeetingFactory(board=board, starts_at=NOON)
        other = MeetingFactory(board=board)
        with pytest.raises(ValidationError):
            services.meeting_update(meeting=other, expected_version=1, starts_at=NOON)
        other.refresh_from_db()
        assert other.starts_at != NOON
        assert other.version == 1


class TestAgendaItems:
    def test_create_numbers_the_item_after_the_last_one(self):
        meeting = MeetingFactory()
        AgendaItemFactory(meeting=meeting, order=3)
        item = services.agenda_item_create(meeting=meeting, title="Any other business")
        assert item.order == 4

    def test_create_refuses_a_number_already_taken(self):
        existing = AgendaItemFactory(order=1)
        with pytest.raises(ValidationError, match="already has this number"):
            services.agenda_item_create(meeting=existing.meeting, title="SEND", order=1)
        assert AgendaItem.objects.count() == 1

    def test_update_changes_the_item(self):
        item = AgendaItemFactory(title="Draft")
        services.agenda_item_update(item=item, title="Joint Commissioning Strategy", order=2)
        item.refresh_from_db()
        assert (item.title, item.order) == ("Joint Commissioning Strategy", 2)


class TestDecisions:
    def test_create_records_an_open_decision_with_what_it_concerns(self):
        meeting = MeetingFactory()
        organisation = OrganisationFactory()
        decision = services.decision_create(
            meeting=meeting,
            text="Fund the Access sub-group's pilot.",
            owner_note="CAMHS Commissioning Lead",
            concerns=organisation,
        )
        decision = Decision.objects.get(pk=decision.pk)
        assert decision.status == Decision.Status.OPEN
        assert decision.concerns == organisation

    def test_create_refuses_a_decision_without_an_owner(self):
        with pytest.raises(ValidationError) as error:
            services.decision_create(meeting=MeetingFactory(), text="Do it.")
        assert "owner_user" in error.value.error_dict
        assert not Decision.objects.exists()

    def test_update_refuses_a_stale_version_with_the_decision_as_it_is_now(self):
        decision = DecisionFactory(due_date=dt.date(2027, 1, 31))
        services.decision_update(
            decision=decision,
            expected_version=1,
            status=Decision.Status.DONE,
            due_date=dt.date(2027, 1, 31),
        )
        with pytest.raises(EditConflict) as error:
            services.decision_update(
                decision=decision,
                expected_version=1,
                status=Decision.Status.SUPERSEDED,
                due_date=dt.date(2027, 3, 1),
            )
        assert error.value.current.status == Decision.Status.DONE
        decision.refresh_from_db()
        assert (decision.status, decision.due_date, decision.version) == (
            Decision.Status.DONE,
            dt.date(2027, 1, 31),
            2,
        )
