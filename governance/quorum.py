"""Whether a meeting was quorate, and the flags that carry it (and declared interests) onto its
decisions. Every function reads through prefetches, so a page's query count is fixed here."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, OuterRef, Prefetch, Q, Subquery, prefetch_related_objects
from django.db.models.functions import TruncDate
from django.utils import timezone

from governance.attendance_models import VOTING_ROLES, Attendance, Declaration, is_voting
from governance.models import Board, Decision, Meeting, Membership

INQUORATE_FLAG = "Taken at an inquorate meeting"


def meeting_date(meeting: Meeting) -> date:
    return timezone.localtime(meeting.starts_at).date()


def is_current_on(membership: Membership, day: date) -> bool:
    return membership.start_date <= day and (
        membership.end_date is None or membership.end_date >= day
    )


def members_on(meeting: Meeting) -> list[Membership]:
    """The board's members whose seats were current on the meeting's date, by organisation."""
    day = meeting_date(meeting)
    members = [m for m in meeting.board.memberships.all() if is_current_on(m, day)]
    return sorted(members, key=lambda m: (m.organisation.name, m.person_name, m.pk))


def quorum_rule_text(board: Board) -> str:
    """The board's rule as its page states it."""
    if board.quorum_number:
        rule = f"{board.quorum_number} voting member{'s' if board.quorum_number != 1 else ''}"
    elif board.quorum_share:
        rule = f"{board.get_quorum_share_display().lower()} of the voting members, rounded up"
    else:
        return ""
    organisations = [o.name for o in board.quorum_organisations.all()]
    if organisations:
        rule += ", including " + " and ".join(organisations)
    return rule


def members_needed(board: Board, voting_members: int) -> int | None:
    """How many voting members make the quorum; None if the board has no rule."""
    if board.quorum_number:
        return board.quorum_number
    if board.quorum_share:
        numerator, denominator = (int(part) for part in board.quorum_share.split("/"))
        return max(1, -(-voting_members * numerator // denominator))  # rounded up
    return None


@dataclass
class Quorum:
    """The quorum of one meeting: how many voting seats were filled against how many needed."""

    rule: str
    recorded: bool  # someone recorded the meeting's attendance
    voting_members: int
    present: int
    needed: int | None
    missing_organisations: list[str] = field(default_factory=list)

    @property
    def quorate(self) -> bool | None:
        """True or False once attendance is recorded against a rule; None otherwise."""
        if not self.recorded or self.needed is None:
            return None
        return self.present >= self.needed and not self.missing_organisations

    @property
    def explanation(self) -> str:
        """Why, e.g. "3 of 4 needed present; NHS Halton CCG not present", "5 present (4 needed)"."""
        if self.needed is None:
            return f"{self.present} of {self.voting_members} voting members present."
        if self.present < self.needed:
            parts = [f"{self.present} of {self.needed} needed present"]
        else:
            parts = [f"{self.present} present ({self.needed} needed)"]
        parts += [f"{name} not present" for name in self.missing_organisations]
        return "; ".join(parts) + "."


def prefetch_for_quorum(meetings: Iterable[Meeting]) -> None:
    """What meeting_quorum reads, for every meeting at once (through what the caller
    prefetched already: a lookup done before is not done again)."""
    prefetch_related_objects(
        list(meetings),
        "board__quorum_organisations",
        "board__memberships__organisation",
        "attendances",
    )


def meeting_quorum(meeting: Meeting) -> Quorum:
    """The meeting's quorum by its board's rule: only voting seats current on its date count;
    a seat counts as present when its member came (in the room or remotely) or sent a
    substitute."""
    voting = [m for m in members_on(meeting) if is_voting(m)]
    attendances = list(meeting.attendances.all())
    present_ids = {a.membership_id for a in attendances if a.counts_present}
    present = [m for m in voting if m.pk in present_ids]
    return _quorum(meeting, len(voting), recorded=bool(attendances), present=present)


def _quorum(meeting: Meeting, voting_members: int, *, recorded: bool, present) -> Quorum:
    """The quorum of a meeting with `voting_members` voting seats, `present` those filled."""
    present_organisations = {m.organisation_id for m in present}
    return Quorum(
        rule=quorum_rule_text(meeting.board),
        recorded=recorded,
        voting_members=voting_members,
        present=len(present),
        needed=members_needed(meeting.board, voting_members),
        missing_organisations=[
            o.name
            for o in meeting.board.quorum_organisations.all()
            if o.pk not in present_organisations
        ],
    )


def quorums_of(meetings: Iterable[Meeting]) -> dict[int, Quorum]:
    """meeting_quorum of each meeting (by id), with the voting seats counted in SQL and only the
    attendances loaded: for a page of many meetings, whose boards may have thousands of past and
    present members. Three queries, however many meetings (their boards already loaded)."""
    meetings = list(meetings)
    day = TruncDate("starts_at", tzinfo=timezone.get_current_timezone())
    voting_seats = (
        Membership.objects.filter(
            board=OuterRef("board_id"), role__in=VOTING_ROLES, start_date__lte=OuterRef("day")
        )
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=OuterRef("day")))
        .order_by()
        .values("board")
        # COUNT(*), read from the index membership_seats alone: no column outside it.
        .annotate(seats=Count("*"))
        .values("seats")
    )
    seats = dict(
        Meeting.objects.filter(pk__in=[meeting.pk for meeting in meetings])
        .annotate(day=day)
        .annotate(seats=Subquery(voting_seats))
        .values_list("pk", "seats")
    )
    attendances = Attendance.objects.select_related("membership")
    prefetch_related_objects(
        meetings,
        "board__quorum_organisations",
        Prefetch("attendances", queryset=attendances, to_attr="quorum_attendances"),
    )
    quorums = {}
    for meeting in meetings:
        on = meeting_date(meeting)
        present = {
            a.membership_id: a.membership
            for a in meeting.quorum_attendances
            if a.counts_present
            and a.membership.board_id == meeting.board_id
            and is_voting(a.membership)
            and is_current_on(a.membership, on)
        }
        quorums[meeting.pk] = _quorum(
            meeting,
            seats.get(meeting.pk) or 0,
            recorded=bool(meeting.quorum_attendances),
            present=list(present.values()),
        )
    return quorums


def interest_flags(decision: Decision) -> list[str]:
    """One flag per voting member who declared an interest on the decision's item and stayed."""
    if decision.agenda_item is None:
        return []
    return [
        f"{declaration.membership.person_name} declared an interest and stayed"
        for declaration in decision.agenda_item.declarations.all()
        if declaration.flags_decisions
    ]


def flag_decisions(decisions: Iterable[Decision], quorums: dict[int, Quorum] | None = None) -> None:
    """Set `flags` on each decision: an inquorate meeting, interests declared by members who
    stayed. `quorums` (by meeting id) saves working them out again where the page has them."""
    decisions = list(decisions)
    if quorums is None:
        meetings = {decision.meeting_id: decision.meeting for decision in decisions}
        quorums = quorums_of(meetings.values())
    prefetch_related_objects(
        decisions,
        Prefetch(
            "agenda_item__declarations",
            queryset=Declaration.objects.select_related("membership"),
        ),
    )
    for decision in decisions:
        quorum = quorums.get(decision.meeting_id)
        inquorate = quorum is not None and quorum.quorate is False
        decision.flags = ([INQUORATE_FLAG] if inquorate else []) + interest_flags(decision)
