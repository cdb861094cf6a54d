"""Attendance, quorum and declared interests: the rules, the pages and what they flag."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.tests.factories import CommissionerFactory
from core.tests.sign_in import sign_in
from governance.attendance import AttendanceConflict, AttendanceRow, attendance_record
from governance.attendance_models import Attendance
from governance.interests import declaration_create, interests_concerning
from governance.models import Meeting, Membership, QuorumShare
from governance.quorum import flag_decisions, meeting_quorum, prefetch_for_quorum, quorums_of
from governance.tests.factories import (
    AgendaItemFactory,
    AttendanceFactory,
    BoardFactory,
    DecisionFactory,
    DeclarationFactory,
    InterestFactory,
    MeetingFactory,
    MembershipFactory,
    OrganisationFactory,
    RecordingSeatFactory,
)

pytestmark = pytest.mark.django_db

PRESENT = Attendance.Status.PRESENT
APOLOGIES = Attendance.Status.APOLOGIES


def _board_with_members(count: int, **rule):
    board = BoardFactory(**rule)
    members = [MembershipFactory(board=board) for _ in range(count)]
    return board, members


def _quorum(meeting):
    """The meeting's quorum, as its attendance page works it out from every member; a list of
    meetings (quorums_of) counts the voting seats in SQL instead, and must agree."""
    fresh = Meeting.objects.get(pk=meeting.pk)  # nothing prefetched by an earlier call
    prefetch_for_quorum([fresh])
    quorum = meeting_quorum(fresh)
    assert quorums_of([Meeting.objects.get(pk=meeting.pk)]) == {meeting.pk: quorum}
    return quorum


def _attend(meeting, statuses):
    for membership, status in statuses:
        AttendanceFactory(meeting=meeting, membership=membership, status=status)


class TestQuorum:
    def test_exactly_quorate(self):
        board, members = _board_with_members(4, quorum_number=3)
        meeting = MeetingFactory(board=board)
        _attend(meeting, zip(members, [PRESENT, PRESENT, PRESENT, APOLOGIES], strict=True))
        quorum = _quorum(meeting)
        assert quorum.quorate is True
        assert quorum.explanation == "3 present (3 needed)."

    def test_one_short(self):
        board, members = _board_with_members(4, quorum_number=3)
        meeting = MeetingFactory(board=board)
        _attend(meeting, zip(members, [PRESENT, PRESENT, APOLOGIES, "absent"], strict=True))
        quorum = _quorum(meeting)
        assert quorum.quorate is False
        assert quorum.explanation == "2 of 3 needed present."

    def test_a_share_is_rounded_up(self):
        """A third of 10 voting members is 4: three present is one short."""
        board, members = _board_with_members(10, quorum_share=QuorumShare.THIRD)
        meeting = MeetingFactory(board=board)
        _attend(meeting, [(m, PRESENT) for m in members[:3]] + [(members[3], APOLOGIES)])
        assert _quorum(meeting).quorate is False
        AttendanceFactory(meeting=meeting, membership=members[4], status=PRESENT)
        assert _quorum(Meeting.objects.get(pk=meeting.pk)).quorate is True

    def test_a_required_organisation_missing(self):
        nhs = OrganisationFactory(name="NHS Halton CCG", short_name="NHS Halton CCG")
        board, members = _board_with_members(3, quorum_number=2)
        board.quorum_organisations.add(nhs)
        health = MembershipFactory(board=board, organisation=nhs)
        meeting = MeetingFactory(board=board)
        _attend(meeting, [(m, PRESENT) for m in members] + [(health, APOLOGIES)])
        quorum = _quorum(meeting)
        assert quorum.quorate is False
        assert quorum.explanation == "3 present (2 needed); NHS Halton CCG not present."

    def test_a_substitute_counts_for_their_member_and_their_organisation(self):
        nhs = OrganisationFactory(name="NHS Halton CCG", short_name="NHS Halton CCG")
        board, members = _board_with_members(1, quorum_number=2)
        board.quorum_organisations.add(nhs)
        health = MembershipFactory(board=board, organisation=nhs)
        meeting = MeetingFactory(board=board)
        AttendanceFactory(meeting=meeting, membership=members[0], status=PRESENT)
        AttendanceFactory(
            meeting=meeting,
            membership=health,
            status=Attendance.Status.SUBSTITUTE,
            substitute_name="Deputy Chief Nurse",
            substitute_organisation=nhs,
        )
        assert _quorum(meeting).quorate is True

    def test_remote_presence_counts(self):
        board, members = _board_with_members(2, quorum_number=2)
        meeting = MeetingFactory(board=board)
        _attend(meeting, zip(members, [PRESENT, Attendance.Status.REMOTE], strict=True))
        assert _quorum(meeting).quorate is True

    def test_only_voting_members_current_on_the_day_count(self):
        board, members = _board_with_members(2, quorum_share=QuorumShare.HALF)
        meeting = MeetingFactory(board=board)
        day = meeting.starts_at.date()
        clerk = MembershipFactory(board=board, role=Membership.Role.SECRETARY)
        left = MembershipFactory(board=board, end_date=day - dt.timedelta(days=1))
        MembershipFactory(board=board, start_date=day + dt.timedelta(days=1))
        _attend(meeting, [(clerk, PRESENT), (members[0], APOLOGIES)])
        quorum = _quorum(meeting)
        assert quorum.voting_members == 2
        assert left not in [a.membership for a in meeting.attendances.all()]
        assert (quorum.present, quorum.needed, quorum.quorate) == (0, 1, False)

    def test_a_list_counts_each_meeting_on_its_own_day(self):
        board, members = _board_with_members(3, quorum_number=2)
        earlier = MeetingFactory(board=board)
        later = MeetingFactory(board=board, starts_at=earlier.starts_at + dt.timedelta(days=60))
        # A seat that ended between the meetings, and one that began between them.
        members[2].end_date = earlier.starts_at.date() + dt.timedelta(days=1)
        members[2].save()
        joined = MembershipFactory(board=board, start_date=later.starts_at.date())
        _attend(earlier, [(members[0], PRESENT), (members[2], PRESENT)])
        _attend(later, [(members[0], PRESENT), (joined, PRESENT), (members[1], APOLOGIES)])

        quorums = quorums_of(Meeting.objects.filter(pk__in=[earlier.pk, later.pk]))

        assert quorums == {earlier.pk: _quorum(earlier), later.pk: _quorum(later)}
        assert (quorums[earlier.pk].voting_members, quorums[earlier.pk].present) == (3, 2)
        assert (quorums[later.pk].voting_members, quorums[later.pk].present) == (3, 2)
        assert quorums[later.pk].quorate is True

    def test_no_verdict_before_attendance_is_recorded_or_without_a_rule(self):
        board, members = _board_with_members(2)
        meeting = MeetingFactory(board=board)
        assert _quorum(meeting).quorate is None
        AttendanceFactory(meeting=meeting, membership=members[0])
        assert _quorum(meeting).quorate is None


class TestSubstitute:
    def test_comes_from_the_members_organisation(self):
        board, (member,) = _board_with_members(1)
        meeting = MeetingFactory(board=board)
        other = OrganisationFactory()
        attendance = Attendance(
            meeting=meeting,
            membership=member,
            status=Attendance.Status.SUBSTITUTE,
            substitute_name="Deputy Director",
            substitute_organisation=other,
        )
        with pytest.raises(ValidationError) as refused:
            attendance.full_clean()
        assert "member's own organisation" in str(refused.value)

    def test_is_named(self):
        board, (member,) = _board_with_members(1)
        attendance = Attendance(
            meeting=MeetingFactory(board=board),
            membership=member,
            status=Attendance.Status.SUBSTITUTE,
            substitute_organisation=member.organisation,
        )
        with pytest.raises(ValidationError) as refused:
            attendance.full_clean()
        assert refused.value.message_dict["substitute_name"] == ["Name the substitute."]


class TestRecordService:
    def test_a_stale_form_is_refused(self):
        board, (member,) = _board_with_members(1)
        meeting = MeetingFactory(board=board)
        attendance_record(meeting=meeting, rows=[AttendanceRow(member, PRESENT)])
        with pytest.raises(AttendanceConflict):
            attendance_record(meeting=meeting, rows=[AttendanceRow(member, APOLOGIES)])
        assert meeting.attendances.get().status == PRESENT
        attendance_record(
            meeting=meeting, rows=[AttendanceRow(member, APOLOGIES, expected_version=1)]
        )
        assert meeting.attendances.get().status == APOLOGIES


class TestFlags:
    def _decision_on_declared_item(self, *, left_room: bool, role=Membership.Role.MEMBER):
        item = AgendaItemFactory()
        member = MembershipFactory(board=item.meeting.board, role=role)
        declaration_create(
            agenda_item=item, membership=member, description="Trustee", left_room=left_room
        )
        decision = DecisionFactory(meeting=item.meeting, agenda_item=item)
        flag_decisions([decision])
        return decision, member

    def test_a_member_who_declared_and_stayed_flags_the_decision(self):
        decision, member = self._decision_on_declared_item(left_room=False)
        assert decision.flags == [f"{member.person_name} declared an interest and stayed"]

    def test_a_member_who_left_the_room_does_not(self):
        decision, _ = self._decision_on_declared_item(left_room=True)
        assert decision.flags == []

    def test_a_non_voting_officer_who_stayed_does_not(self):
        decision, _ = self._decision_on_declared_item(left_room=False, role=Membership.Role.OFFICER)
        assert decision.flags == []

    def test_an_inquorate_meeting_flags_its_decisions_in_the_log(self, board_member_client):
        board, members = _board_with_members(2, quorum_number=2)
        meeting = MeetingFactory(board=board)
        _attend(meeting, zip(members, [PRESENT, APOLOGIES], strict=True))
        DecisionFactory(meeting=meeting)
        page = board_member_client.get(reverse("governance:decision_log")).content.decode()
        assert "Flagged: Taken at an inquorate meeting" in page

    def test_a_declaration_must_be_of_the_members_own_register(self):
        item = AgendaItemFactory()
        member = MembershipFactory(board=item.meeting.board)
        someone_elses = InterestFactory(membership=MembershipFactory(board=item.meeting.board))
        with pytest.raises(ValidationError):
            declaration_create(agenda_item=item, membership=member, interest=someone_elses)


class TestPages:
    def test_meeting_page_says_why_it_was_not_quorate(self, board_member_client):
        nhs = OrganisationFactory(name="NHS Halton CCG", short_name="NHS Halton CCG")
        board, members = _board_with_members(3, quorum_number=4)
        board.quorum_organisations.add(nhs)
        meeting = MeetingFactory(board=board)
        _attend(meeting, [(m, PRESENT) for m in members])
        item = AgendaItemFactory(meeting=meeting)
        DeclarationFactory(agenda_item=item, left_room=True)
        page = board_member_client.get(meeting.get_absolute_url()).content.decode()
        assert "Not quorate" in page
        assert "3 of 4 needed present; NHS Halton CCG not present." in page
        assert "Left the room for this item." in page

    def test_secretary_records_attendance_with_a_substitute(self, client):
        secretary = CommissionerFactory()
        board, (member,) = _board_with_members(1, quorum_number=1)
        RecordingSeatFactory(board=board, user=secretary)
        meeting = MeetingFactory(board=board)
        sign_in(client, secretary)
        url = reverse("governance:attendance_record", args=[meeting.pk])
        page = client.get(url)
        rows = page.context["formset"].forms
        index = next(i for i, form in enumerate(rows) if form.membership == member)
        data = {"form-TOTAL_FORMS": len(rows), "form-INITIAL_FORMS": len(rows)}
        data[f"form-{index}-status"] = "substitute"
        data[f"form-{index}-substitute_name"] = "Deputy Director of Children's Services"
        data[f"form-{index}-substitute_organisation"] = member.organisation.pk
        response = client.post(url, data, follow=True)
        assert "Attendance recorded. Quorate: 1 present (1 needed)." in response.content.decode()
        assert meeting.attendances.get(membership=member).substitute_name.startswith("Deputy")

    def test_a_substitute_from_another_organisation_is_refused_beside_the_row(self, client):
        secretary = CommissionerFactory()
        board, (member,) = _board_with_members(1)
        RecordingSeatFactory(board=board, user=secretary)
        meeting = MeetingFactory(board=board)
        other = OrganisationFactory()
        sign_in(client, secretary)
        url = reverse("governance:attendance_record", args=[meeting.pk])
        rows = client.get(url).context["formset"].forms
        index = next(i for i, form in enumerate(rows) if form.membership == member)
        data = {"form-TOTAL_FORMS": len(rows), "form-INITIAL_FORMS": len(rows)}
        data[f"form-{index}-status"] = "substitute"
        data[f"form-{index}-substitute_name"] = "Someone"
        data[f"form-{index}-substitute_organisation"] = other.pk
        response = client.post(url, data)
        assert response.status_code == 200
        assert "member&#x27;s own organisation" in response.content.decode()
        assert not meeting.attendances.exists()

    def test_membership_page_shows_attendance_rate_and_interests(self, board_member_client):
        board, (member, other) = _board_with_members(2)
        for status in (PRESENT, APOLOGIES, Attendance.Status.REMOTE, "absent"):
            AttendanceFactory(meeting=MeetingFactory(board=board), membership=member, status=status)
        InterestFactory(membership=member, organisation_name="Halton Carers Centre")
        page = board_member_client.get(
            reverse("governance:membership_detail", args=[member.pk])
        ).content.decode()
        assert "Attended 2 of 4 meetings with attendance recorded (50%)" in page
        assert "Halton Carers Centre" in page

    def test_interests_concerning_a_provider_match_its_name(self, commissioner):
        interest = InterestFactory(organisation_name="halton carers centre")
        InterestFactory(organisation_name="Another Trust")
        assert list(interests_concerning(["Halton Carers Centre"], commissioner)) == [interest]


def _members_with_attendance(board, meeting, count: int) -> None:
    for _ in range(count):
        member = MembershipFactory(board=board, organisation=OrganisationFactory())
        AttendanceFactory(meeting=meeting, membership=member)
        InterestFactory(membership=member)
        DeclarationFactory(
            agenda_item=meeting.agenda_items.first(), membership=member, left_room=False
        )


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("page", ["meeting", "board", "attendance", "membership", "decisions"])
def test_page_query_counts_do_not_grow_with_the_members(page, client, django_assert_num_queries):
    secretary = CommissionerFactory()
    board = BoardFactory(quorum_share=QuorumShare.THIRD)
    seat = RecordingSeatFactory(board=board, user=secretary)
    meeting = MeetingFactory(board=board)
    item = AgendaItemFactory(meeting=meeting)
    DecisionFactory(meeting=meeting, agenda_item=item)
    url = {
        "meeting": meeting.get_absolute_url(),
        "board": board.get_absolute_url(),
        "attendance": reverse("governance:attendance_record", args=[meeting.pk]),
        "membership": reverse("governance:membership_detail", args=[seat.pk]),
        "decisions": reverse("governance:decision_log"),
    }[page]
    sign_in(client, secretary)
    _members_with_attendance(board, meeting, 1)
    client.get(url)  # a filter panel's options are cached from the first request
    first = _queries(client, url)
    _members_with_attendance(board, meeting, 10)
    for _ in range(3):
        MeetingFactory(board=board)
    with django_assert_num_queries(first):
        client.get(url)
