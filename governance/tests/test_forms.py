"""The governance forms explain bad input beside the field and save nothing."""

import datetime as dt

import pytest
from django.utils import timezone

from governance.forms import (
    AgendaItemForm,
    BoardForm,
    DecisionEditForm,
    MeetingEditForm,
    MeetingForm,
    MembershipForm,
)
from governance.models import AgendaItem, Board, Membership
from governance.tests.factories import (
    BoardFactory,
    DecisionFactory,
    MeetingFactory,
    MembershipFactory,
    OrganisationFactory,
    SubGroupFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def _board_data(board: Board, reports_to: Board | None) -> dict:
    return {
        "name": board.name,
        "partnership": board.partnership_id,
        "kind": board.kind,
        "reports_to": reports_to.pk if reports_to else "",
        "purpose": board.purpose,
        "meeting_frequency": board.meeting_frequency,
        "is_active": "on",
    }


class TestBoardForm:
    def test_refuses_a_body_reporting_to_itself(self):
        board = BoardFactory()
        form = BoardForm(data=_board_data(board, board), instance=board)
        assert not form.is_valid()
        assert form.errors["reports_to"] == ["A body cannot report to itself."]
        board.refresh_from_db()
        assert board.reports_to is None

    def test_refuses_a_body_reporting_to_its_descendant(self):
        top = BoardFactory(name="Children's Trust Executive")
        sub = SubGroupFactory(name="Emotional Health and Wellbeing Partnership", reports_to=top)
        access = SubGroupFactory(name="Access Sub-group", reports_to=sub)
        form = BoardForm(data=_board_data(top, access), instance=top)
        assert not form.is_valid()
        assert "Access Sub-group already reports" in form.errors["reports_to"][0]
        top.refresh_from_db()
        assert top.reports_to is None

    def test_accepts_a_new_body_under_an_existing_one(self):
        top = BoardFactory()
        new = Board(name="SEND Review", kind=Board.Kind.SUB_GROUP, partnership=top.partnership)
        form = BoardForm(data=_board_data(new, top))
        assert form.is_valid(), form.errors
        assert form.save().reports_to == top


class TestMembershipForm:
    def _data(self, board, organisation, **overrides) -> dict:
        return {
            "board": board.pk,
            "person_name": "Director of Public Health",
            "role": Membership.Role.MEMBER,
            "organisation": organisation.pk,
            "start_date": "2026-04-01",
            "end_date": "",
            **overrides,
        }

    def test_refuses_an_end_before_the_start(self):
        form = MembershipForm(
            data=self._data(BoardFactory(), OrganisationFactory(), end_date="2026-03-31")
        )
        assert not form.is_valid()
        assert "The end date cannot be before the start date." in str(form.errors)
        assert not Membership.objects.exists()

    def test_refuses_a_duplicate_open_membership(self):
        existing = MembershipFactory(person_name="Director of Public Health")
        form = MembershipForm(data=self._data(existing.board, existing.organisation))
        assert not form.is_valid()
        assert "already sits on this board during these dates" in str(form.errors)
        assert Membership.objects.count() == 1

    def test_refuses_a_date_in_a_wrong_format(self):
        form = MembershipForm(
            data=self._data(BoardFactory(), OrganisationFactory(), start_date="31/31/2026")
        )
        assert not form.is_valid()
        assert form.errors["start_date"] == ["Enter a valid date."]

    def test_accepts_a_british_date(self):
        form = MembershipForm(
            data=self._data(BoardFactory(), OrganisationFactory(), start_date="01/04/2026")
        )
        assert form.is_valid(), form.errors
        assert form.cleaned_data["start_date"] == dt.date(2026, 4, 1)


class TestMeetingForms:
    def test_refuses_a_date_and_time_in_a_wrong_format(self):
        form = MeetingForm(data={"starts_at": "next Tuesday", "status": "planned"})
        assert not form.is_valid()
        assert form.errors["starts_at"] == ["Enter a valid date/time."]

    def test_reads_the_browsers_date_and_time_in_london_time(self):
        form = MeetingForm(data={"starts_at": "2027-07-01T14:00", "status": "planned"})
        assert form.is_valid(), form.errors
        starts_at = form.cleaned_data["starts_at"]
        assert timezone.localtime(starts_at).hour == 14
        assert starts_at.utcoffset() is not None

    def test_accepts_a_typed_british_date_and_time(self):
        form = MeetingForm(data={"starts_at": "14/03/2027 14:00", "status": "planned"})
        assert form.is_valid(), form.errors
        local = timezone.localtime(form.cleaned_data["starts_at"])
        assert (local.day, local.month, local.hour) == (14, 3, 14)

    def test_edit_form_carries_the_version_hidden(self):
        meeting = MeetingFactory()
        form = MeetingEditForm(instance=meeting)
        html = form.as_p()
        assert 'type="hidden" name="version" value="1"' in html
        assert hasattr(form, "helper")


class TestAgendaItemForm:
    def test_number_is_optional_when_adding(self):
        form = AgendaItemForm(
            data={"title": "Termly review: SEND"}, instance=AgendaItem(meeting=MeetingFactory())
        )
        assert form.is_valid(), form.errors
        assert form.cleaned_data["order"] is None

    def test_refuses_number_zero_and_a_bad_link(self):
        form = AgendaItemForm(data={"order": "0", "title": "SEND", "paper_url": "not a link"})
        assert not form.is_valid()
        assert form.errors["order"] == ["Number agenda items from 1."]
        assert form.errors["paper_url"] == ["Enter a valid URL."]


class TestDecisionEditForm:
    def test_model_data_lists_the_decision_fields_without_the_version(self):
        decision = DecisionFactory()
        form = DecisionEditForm(
            data={
                "text": decision.text,
                "owner": "Head of SEN Service",
                "due_date": "",
                "status": "done",
                "version": "1",
            },
            instance=decision,
        )
        assert form.is_valid(), form.errors
        assert form.model_data() == {
            "text": decision.text,
            "agenda_item": None,
            "owner": "Head of SEN Service",
            "due_date": None,
            "status": "done",
        }

    def test_refuses_a_due_date_in_a_wrong_format(self):
        decision = DecisionFactory()
        data = {"text": "x", "owner": "y", "due_date": "2027-13-45", "status": "open"}
        form = DecisionEditForm(data={**data, "version": "1"}, instance=decision)
        assert not form.is_valid()
        assert form.errors["due_date"] == ["Due date must be a real date"]
