"""Demo attendance, quorum rules and interests (governance/demo/attendance.yaml), over whatever
meetings the demo has; a second run adds nothing."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from core.seed_files import read_seed
from governance.attendance_models import Attendance, Declaration, Interest, is_voting
from governance.models import Board, Meeting, Membership, Organisation
from governance.quorum import members_on


def _status(member_index: int, meeting_index: int) -> str:
    """A steady pattern: most present, some remotely, some apologies, the odd absence."""
    turn = (member_index * 3 + meeting_index) % 11
    if turn in (0, 6):
        return Attendance.Status.APOLOGIES
    if turn == 3:
        return Attendance.Status.REMOTE
    if turn == 9:
        return Attendance.Status.ABSENT
    return Attendance.Status.PRESENT


def _set_quorum_rules(rules: list[dict]) -> None:
    for rule in rules:
        board = Board.objects.filter(name=rule["board"]).first()
        if board is None or board.quorum_number or board.quorum_share:
            continue
        board.quorum_number = rule.get("number")
        board.quorum_share = rule.get("share", "")
        board.save(update_fields=["quorum_number", "quorum_share"])
        board.quorum_organisations.set(
            Organisation.objects.filter(short_name__in=rule["organisations"])
        )


def _record_past_meetings(seed: dict) -> int:
    substitutes = {(row["board"], row["person"]): row["substitute"] for row in seed["substitutes"]}
    inquorate_boards = {row["board"] for row in seed["inquorate"]}
    created = 0
    past = (
        Meeting.objects.filter(starts_at__lt=timezone.now())
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("board")
        .prefetch_related(
            "board__memberships__organisation", "board__quorum_organisations", "attendances"
        )
        .order_by("board", "starts_at")
    )
    meetings_by_board: dict[int, list[Meeting]] = {}
    for meeting in past:
        meetings_by_board.setdefault(meeting.board_id, []).append(meeting)
    for meetings in meetings_by_board.values():
        for index, meeting in enumerate(meetings):
            if meeting.attendances.all():
                continue
            board = meeting.board.name
            inquorate = index == 0 and board in inquorate_boards and len(meetings) > 1
            latest = index == len(meetings) - 1
            required = {o.pk for o in meeting.board.quorum_organisations.all()}
            for member_index, member in enumerate(members_on(meeting)):
                status = _status(member_index, index)
                # The one inquorate meeting is chosen: the required organisations and the chair
                # (so a small board is not left without a quorum by the pattern) come.
                required_or_chair = (
                    member.organisation_id in required or member.role == Membership.Role.CHAIR
                )
                if required_or_chair and status != Attendance.Status.REMOTE:
                    status = Attendance.Status.PRESENT
                values = {}
                if inquorate:
                    status = (
                        Attendance.Status.PRESENT
                        if member.role == Membership.Role.CHAIR or not is_voting(member)
                        else Attendance.Status.APOLOGIES
                    )
                elif latest and (board, member.person_name) in substitutes:
                    status = Attendance.Status.SUBSTITUTE
                    values = {
                        "substitute_name": substitutes[(board, member.person_name)],
                        "substitute_organisation": member.organisation,
                    }
                attendance = Attendance(meeting=meeting, membership=member, status=status, **values)
                attendance.full_clean()
                attendance.save()
                created += 1
    return created


def _open_seat(board: str, person: str) -> Membership | None:
    return Membership.objects.filter(
        board__name=board, person_name=person, end_date__isnull=True
    ).first()


def _add_interests(rows: list[dict]) -> int:
    created = 0
    for row in rows:
        seat = _open_seat(row["board"], row["person"])
        if seat is None:
            continue
        _, new = Interest.objects.get_or_create(
            membership=seat,
            description=row["description"],
            defaults={
                "organisation_name": row["organisation_name"],
                "from_date": timezone.localdate() + timedelta(days=row["from_in_days"]),
            },
        )
        created += new
    return created


def _add_declarations(rows: list[dict]) -> int:
    created = 0
    for row in rows:
        seat = _open_seat(row["board"], row["person"])
        meeting = (
            Meeting.objects.filter(board__name=row["board"], starts_at__lt=timezone.now())
            .exclude(status=Meeting.Status.CANCELLED)
            .filter(agenda_items__isnull=False)
            .order_by("-starts_at")
            .first()
        )
        if seat is None or meeting is None:
            continue
        item = meeting.agenda_items.order_by("order").first()
        interest = seat.interests.filter(description=row["interest"]).first()
        _, new = Declaration.objects.get_or_create(
            agenda_item=item,
            membership=seat,
            defaults={"interest": interest, "left_room": row["left_room"]},
        )
        created += new
    return created


@transaction.atomic
def load() -> int:
    """Quorum rules, attendance of past meetings, interests and declarations; rows added."""
    seed = read_seed("governance", "attendance")
    _set_quorum_rules(seed["quorum_rules"])
    created = _record_past_meetings(seed)
    created += _add_interests(seed["interests"])
    created += _add_declarations(seed["declarations"])
    return created
