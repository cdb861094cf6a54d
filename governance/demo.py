"""Load the governance demo data (governance/demo/*.yaml); a second run adds nothing."""

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from core.demo_partnerships import demo_partnership
from core.seed_files import read_partnership_rows, read_seed
from governance import demo_attendance, demo_forward_plan, demo_meetings
from governance.models import AgendaItem, Board, Decision, Meeting, Membership, Organisation


def seed_organisations() -> list[dict]:
    """The organisations of governance/demo/organisations.yaml, in order."""
    return read_seed("governance", "organisations")["organisations"]


def _days(offset: int | None):
    return None if offset is None else timezone.localdate() + timedelta(days=offset)


def _meeting_time(days_from_today: int, hh_mm: str) -> datetime:
    """Day offset plus "HH:MM", as an aware time in the site's zone (Europe/London)."""
    clock = time.fromisoformat(hh_mm)
    return timezone.make_aware(datetime.combine(_days(days_from_today), clock))


def _loaded_on_an_earlier_day(same_record, **todays_key) -> bool:
    """Offsets move with the load date: a row loaded on another day is found by other keys.

    Without this, `make run` on a later day would add a second open membership (refused by
    the database) and a second copy of every meeting.
    """
    return same_record.exclude(**todays_key).exists()


@transaction.atomic
def organisation_from_seeds(short_name: str) -> tuple[Organisation, bool]:
    """The organisation with this short name, created from the seeds' list if missing (or as
    "other" when the seeds do not list it): other apps' demo data may load before ours."""
    known = next((o for o in seed_organisations() if o["short_name"] == short_name), None)
    defaults = (
        {"name": known["name"], "kind": known["kind"]}
        if known
        else {"name": short_name, "kind": Organisation.Kind.OTHER}
    )
    organisation, created = Organisation.objects.get_or_create(
        short_name=short_name, defaults=defaults
    )
    if created and known:
        organisation.partnerships.add(*(demo_partnership(name) for name in known["partnerships"]))
    return organisation, created


def _decision_owner(board: Board, text: str) -> dict:
    """The owner the seeds name by job title: the member of the board with that title, as a
    person if they have an account, else their organisation; kept as text when not a member."""
    member = board.memberships.filter(person_name=text).select_related("organisation").first()
    if member is None:
        return {"owner_note": text}
    if member.user_id:
        return {"owner_user": member.user}
    return {"owner_organisation": member.organisation}


def load() -> int:
    """Create what is missing, matched by natural keys; return how many rows were added."""
    created = 0

    organisations = {}
    for row in seed_organisations():
        organisation, new = Organisation.objects.get_or_create(
            short_name=row["short_name"], defaults={"name": row["name"], "kind": row["kind"]}
        )
        organisation.partnerships.add(*(demo_partnership(name) for name in row["partnerships"]))
        organisations[row["short_name"]] = organisation
        created += new

    boards = {}
    new_boards = set()
    for row in read_partnership_rows("governance", "boards"):  # parents come before their children
        defaults = {key: row[key] for key in ("kind", "purpose")}
        defaults["partnership"] = demo_partnership(row["partnership"])
        defaults["meeting_frequency"] = row["meeting_frequency"]
        defaults["reports_to"] = boards[row["reports_to"]] if row["reports_to"] else None
        board, new = Board.objects.get_or_create(name=row["name"], defaults=defaults)
        boards[row["name"]] = board
        created += new
        if new:
            new_boards.add(board.pk)

    users = {
        user.username: user
        for user in get_user_model().objects.filter(
            username__in={
                row["user"]
                for row in read_partnership_rows("governance", "memberships")
                if row.get("user")
            }
        )
    }
    for row in read_partnership_rows("governance", "memberships"):
        if _loaded_on_an_earlier_day(
            Membership.objects.filter(board=boards[row["board"]], person_name=row["person"]),
            start_date=_days(row["start_in_days"]),
        ):
            continue
        _, new = Membership.objects.get_or_create(
            board=boards[row["board"]],
            person_name=row["person"],
            start_date=_days(row["start_in_days"]),
            defaults={
                "role": row["role"],
                "organisation": organisations[row["organisation"]],
                "end_date": _days(row["end_in_days"]),
                # A demo user (core/demo_users.py, loaded first) named by username, if any.
                "user": users.get(row.get("user")),
            },
        )
        created += new

    for row in read_partnership_rows("governance", "meetings"):
        starts_at = _meeting_time(row["starts_in_days"], row["time"])
        earlier = Meeting.objects.filter(
            board=boards[row["board"]],
            agenda_items__order=1,
            agenda_items__title=row["agenda"][0]["title"],
        )
        if _loaded_on_an_earlier_day(earlier, starts_at=starts_at):
            continue
        meeting, new = Meeting.objects.get_or_create(
            board=boards[row["board"]],
            starts_at=starts_at,
            defaults={
                "location": row["location"],
                "status": row["status"],
                "minutes": row["minutes"],
            },
        )
        created += new
        for order, item in enumerate(row["agenda"], start=1):
            _, new = AgendaItem.objects.get_or_create(
                meeting=meeting,
                order=order,
                defaults={
                    "title": item["title"],
                    "presenter": item["presenter"],
                    "paper_url": item["paper_url"],
                },
            )
            created += new
        for decision in row["decisions"]:
            _, new = Decision.objects.get_or_create(
                meeting=meeting,
                text=decision["text"],
                defaults={
                    **_decision_owner(meeting.board, decision["owner"]),
                    "due_date": _days(decision["due_in_days"]),
                    "status": decision["status"],
                },
            )
            created += new
    # The rest of each board's year, around the meetings written out above, then its
    # attendance and forward plan.
    created += demo_meetings.load(new_boards)
    created += demo_attendance.load()
    return created + demo_forward_plan.load()
