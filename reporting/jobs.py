"""The background jobs of the product, run by `manage.py db_worker` (README, "Background jobs").

Each is idempotent and tried again when it fails (core.jobs.retried_task): enqueued by the
reports' services (board packs), by the schedule (reporting/schedule.py) and by downloads
(board and meeting packs).
"""

import datetime
import logging

from django.core.management import call_command
from django.utils import timezone

from core.jobs import later, retried_task
from governance.models import Board, Meeting
from reporting.board_pack import LayOut, ask_for_board_packs, lay_out_board_pack
from reporting.meeting_pack import lay_out_meeting_pack
from reporting.models import Term
from reporting.selectors import board_pack_areas

logger = logging.getLogger(__name__)

# A pack another worker is laying out is tried again this much later.
BUSY_RETRY = datetime.timedelta(minutes=1)
# Board packs are laid out for meetings in the next this many days.
MEETING_HORIZON_DAYS = 7


@retried_task(max_attempts=3, backoff=datetime.timedelta(minutes=2))
def render_board_pack(board_id: int, term_id: int, with_plan: bool = False) -> str:
    """Lay out the PDF of a board's pack for a term (with the full plan as an appendix, or
    not), unless the kept one is of its content."""
    board = Board.objects.filter(pk=board_id).first()
    term = Term.objects.filter(pk=term_id).first()
    if board is None or term is None:
        return "gone"  # deleted since it was enqueued: nothing to lay out
    outcome = lay_out_board_pack(board=board, term=term, with_plan=with_plan)
    if outcome is LayOut.BUSY:
        # Another worker is laying out this pack, perhaps of older content: come back later.
        if with_plan:
            later(render_board_pack, BUSY_RETRY).enqueue(board_id, term_id, with_plan=True)
        else:
            later(render_board_pack, BUSY_RETRY).enqueue(board_id, term_id)
    logger.info("Board pack %s (%s): %s.", board, term, outcome)
    return str(outcome)


@retried_task(max_attempts=3, backoff=datetime.timedelta(minutes=2))
def render_meeting_pack(meeting_id: int) -> str:
    """Lay out the PDF of a meeting's pack, unless the kept one is of its content."""
    meeting = Meeting.objects.filter(pk=meeting_id).first()
    if meeting is None:
        return "gone"  # deleted since it was enqueued: nothing to lay out
    outcome = lay_out_meeting_pack(meeting=meeting)
    logger.info("Meeting pack %s: %s.", meeting, outcome)
    return str(outcome)


@retried_task(max_attempts=3, backoff=datetime.timedelta(minutes=10))
def send_reminders() -> str:
    """The daily reminders (`manage.py send_reminders`, which sends each reminder once a day)."""
    call_command("send_reminders")
    return "sent"


@retried_task(max_attempts=3, backoff=datetime.timedelta(minutes=10))
def send_digests() -> str:
    """The weekly digests (`manage.py send_digests`, which emails each notification once)."""
    call_command("send_digests")
    return "sent"


@retried_task(max_attempts=3, backoff=datetime.timedelta(minutes=5))
def render_board_packs_before_meetings(days: int = MEETING_HORIZON_DAYS) -> list[int]:
    """Ask for the current term's pack of each board meeting in the next `days` days, so that
    the board's download finds it laid out."""
    term = Term.objects.current()
    if term is None:
        return []
    now = timezone.now()
    board_ids = sorted(
        set(
            Meeting.objects.filter(
                starts_at__gte=now,
                starts_at__lt=now + datetime.timedelta(days=days),
            )
            .exclude(status=Meeting.Status.CANCELLED)
            .values_list("board_id", flat=True)
        )
    )
    boards = [
        board for board in Board.objects.filter(pk__in=board_ids) if board_pack_areas(board=board)
    ]
    ask_for_board_packs(board_ids=[board.pk for board in boards], term=term)
    return [board.pk for board in boards]
