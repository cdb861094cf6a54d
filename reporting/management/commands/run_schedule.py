"""Enqueue the jobs of the schedule (reporting/schedule.py) that are due and not yet enqueued in
their period. Run by cron every few minutes (README), or with `--loop` beside the worker by
`make run`: `python manage.py run_schedule`.
"""

import time

from django.core.management.base import BaseCommand

from reporting.schedule import SCHEDULE, run_schedule


class Command(BaseCommand):
    help = "Enqueue the scheduled jobs that are due, each at most once per period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--loop",
            action="store_true",
            help="Keep running, every --every seconds, instead of once (for `make run`).",
        )
        parser.add_argument("--every", type=int, default=60, help="Seconds between runs.")

    def handle(self, *args, loop: bool, every: int, **options):
        while True:
            enqueued = run_schedule()
            for name in enqueued:
                self.stdout.write(f"Enqueued {name}.")
            if options["verbosity"] > 1 and not enqueued:
                self.stdout.write(f"Nothing due of {len(SCHEDULE)} scheduled jobs.")
            if not loop:
                return
            time.sleep(every)
