"""Lay out this term's board pack PDF of every board that has priorities reporting to it, where
its content changed since the kept one, so that downloads are served at once.

The same work as the worker's `render_board_pack` job, done here and now:
`python manage.py render_board_packs` (`--enqueue` leaves it to the workers instead).
"""

import time

from django.core.management.base import BaseCommand

from governance.models import Board
from reporting.board_pack import LayOut, ask_for_board_packs, lay_out_board_pack
from reporting.models import Term
from reporting.selectors import board_pack_areas


class Command(BaseCommand):
    help = "Lay out this term's board pack PDFs whose content changed since the kept ones."

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue", action="store_true", help="Enqueue a job per board for the workers."
        )

    def handle(self, *args, enqueue: bool, **options):
        term = Term.objects.current()
        if term is None:
            self.stdout.write("No terms yet: nothing to render.")
            return
        boards = [
            board
            for board in Board.objects.order_by("partnership__name", "name")
            if board_pack_areas(board=board)
        ]
        if enqueue:
            ask_for_board_packs(board_ids=[board.pk for board in boards], term=term)
            self.stdout.write(f"Enqueued {len(boards)} board packs ({term}).")
            return
        for board in boards:
            started = time.perf_counter()
            outcome = lay_out_board_pack(board=board, term=term)
            if outcome is LayOut.RENDERED:
                seconds = time.perf_counter() - started
                self.stdout.write(f"{board} ({term}): rendered in {seconds:.1f} s.")
            elif outcome is LayOut.BUSY:
                self.stdout.write(f"{board} ({term}): being laid out by a worker.")
            else:
                self.stdout.write(f"{board} ({term}): unchanged.")
