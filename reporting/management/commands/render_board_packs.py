"""Render this term's board pack PDF of every board that has priorities reporting to it, where
its content changed since the stored one, so that downloads are served at once.

Run by cron (see README), e.g. every 15 minutes: `python manage.py render_board_packs`.
"""

import time

from django.core.management.base import BaseCommand

from governance.models import Board
from reporting.board_pack import stored_board_pack_pdf
from reporting.models import Term
from reporting.selectors import board_pack_areas


class Command(BaseCommand):
    help = "Render this term's board pack PDFs whose content changed since the stored ones."

    def handle(self, *args, **options):
        term = Term.objects.current()
        if term is None:
            self.stdout.write("No terms yet: nothing to render.")
            return
        for board in Board.objects.order_by("partnership", "name"):
            if not board_pack_areas(board=board):
                continue
            started = time.perf_counter()
            pdf, rendered = stored_board_pack_pdf(board=board, term=term)
            if rendered:
                seconds = time.perf_counter() - started
                self.stdout.write(
                    f"{board} ({term}): rendered {len(pdf) // 1024} KB in {seconds:.1f} s."
                )
            else:
                self.stdout.write(f"{board} ({term}): unchanged.")
