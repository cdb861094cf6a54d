"""Benchmark (not a test): time the board pack PDF for 12 priorities at 10x demo-sized data.

    DATABASE_URL=... .venv/bin/python bench/board_pack.py [--repeat 5]

Works on whatever database DATABASE_URL names (SQLite by default), after `manage.py migrate`.
It adds, once, a board "Benchmark Children's Trust Board" with a framework of 12 priorities,
each with ten times a demo priority's data: 120 actions with 260 progress updates, 20
indicators with 4 values each, 20 decisions; and a submitted report for the current term.
Then it lays the pack's PDF out `--repeat` times each: with no part kept (every priority laid
out), with one priority changed (its part laid out, the others kept), and unchanged (the kept
PDF served), and prints the medians.
"""

import argparse
import datetime
import io
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

import django

django.setup()

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from core.models import Partnership
from governance.models import Board, Decision, Meeting, Organisation
from priorities.models import (
    Action,
    Comparator,
    ComparatorValue,
    Framework,
    Indicator,
    IndicatorValue,
    PriorityArea,
    ProgressUpdate,
)
from priorities.services import action_sync_latest_progress
from reporting import services
from reporting.board_pack import board_pack_source, lay_out_board_pack
from reporting.models import BoardPackPart, BoardPackPdf, Term
from reporting.terms import seed_terms

BOARD = "Benchmark Children's Trust Board"
PRIORITIES, ACTIONS, UPDATES_PER_ACTION, INDICATORS, VALUES, DECISIONS = 12, 120, 2, 20, 4, 20
RAGS = ("green", "amber", "red", "green")


@transaction.atomic
def build() -> tuple[Board, Term]:
    seed_terms(Term)
    term = Term.objects.current()
    partnership, _ = Partnership.objects.get_or_create(
        name="Benchmark Children's Trust", defaults={"short_name": "Benchmark", "slug": "benchmark"}
    )
    board, created = Board.objects.get_or_create(
        name=BOARD, defaults={"partnership": partnership, "kind": Board.Kind.BOARD}
    )
    if not created:
        return board, term
    user, _ = get_user_model().objects.get_or_create(username="benchmark-commissioner")
    organisation, _ = Organisation.objects.get_or_create(
        short_name="Bench", defaults={"name": "Benchmark Council", "kind": "council"}
    )
    framework = Framework.objects.create(
        title="Benchmark Framework", partnership=partnership, period="2026-29", owning_board=board
    )
    england, _ = Comparator.objects.get_or_create(
        partnership=framework.partnership, name="England", defaults={"kind": "england"}
    )
    today = timezone.localdate()
    meeting = Meeting.objects.create(board=board, starts_at=timezone.now())
    for number in range(PRIORITIES):
        area = PriorityArea.objects.create(
            framework=framework,
            title=f"Priority {number + 1}",
            aim="To improve outcomes.",
            order=number,
        )
        area.lead_commissioners.add(user)
        actions = Action.objects.bulk_create(
            Action(
                priority_area=area,
                title=f"Action {n + 1} of priority {number + 1}",
                owner=user,
                lead_organisation=organisation,
                start_date=today - datetime.timedelta(days=400),
                due_date=today + datetime.timedelta(days=(n % 9 - 3) * 30),
                status="in_progress",
            )
            for n in range(ACTIONS)
        )
        ProgressUpdate.objects.bulk_create(
            ProgressUpdate(
                action=action,
                author=user,
                date=today - datetime.timedelta(days=120 * u),
                rag=RAGS[(n + u) % 4],
                percent_complete=30 + 10 * u,
                narrative="Progress as planned with partners; the next step is agreed." * 2,
            )
            for n, action in enumerate(actions)
            for u in range(UPDATES_PER_ACTION + (1 if n < 20 else 0))
        )
        for action in actions:
            action_sync_latest_progress(action=action)
        for i in range(INDICATORS):
            indicator = Indicator.objects.create(
                priority_area=area,
                name=f"Indicator {i + 1}",
                unit="percentage",
                polarity="higher",
                target=70,
                order=i,
            )
            IndicatorValue.objects.bulk_create(
                IndicatorValue(
                    indicator=indicator,
                    period_label=str(2020 + y),
                    period_end=datetime.date(2020 + y, 8, 31),
                    value=55 + y * 3 - i % 3,
                )
                for y in range(VALUES)
            )
            ComparatorValue.objects.bulk_create(
                ComparatorValue(
                    indicator=indicator,
                    comparator=england,
                    period_label=str(2020 + y),
                    period_end=datetime.date(2020 + y, 8, 31),
                    value=71,
                )
                for y in range(VALUES)
            )
        Decision.objects.bulk_create(
            Decision(meeting=meeting, text=f"Decision {d + 1}", owner_note="Chair", concerns=area)
            for d in range(DECISIONS)
        )
        report = services.termly_report_start(priority_area=area, term=term)
        services.termly_report_save_words(
            report=report,
            data={
                "overall_rag": "amber",
                "highlights": "Highlights.",
                "risks_and_issues": "Risks.",
            },
            expected_version=report.version,
        )
        services.termly_report_submit(report=report, user=user)
    return board, term


def board_pack_pdf(*, board, term) -> bytes:
    """Lay the pack out as the worker's job does, if changed, and the kept PDF's bytes."""
    lay_out_board_pack(board=board, term=term)
    return bytes(BoardPackPdf.objects.get(board=board, term=term).pdf)


def timed(label: str, repeat: int, before, *, board, term) -> None:
    """Lay the pack out `repeat` times, each after `before()`, and print the medians of the
    time taken and of this process's CPU time (which another session's load on the machine
    does not lengthen)."""
    timings, cpu, size = [], [], 0
    for _ in range(repeat):
        before()
        started, started_cpu = time.perf_counter(), time.process_time()
        size = len(board_pack_pdf(board=board, term=term))
        timings.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    print(
        f"{label}: median {statistics.median(timings):.2f} s over {repeat} runs "
        f"(min {min(timings):.2f} s, max {max(timings):.2f} s; CPU "
        f"{statistics.median(cpu):.2f} s), {size / 1024:.0f} KiB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    started = time.perf_counter()
    board, term = build()
    print(f"Data ready in {time.perf_counter() - started:.1f} s")
    board_pack_pdf(board=board, term=term)  # warm up: imports, fonts, the charts drawn
    pack = BoardPackPdf.objects.filter(board=board, term=term)
    parts = [part.sha256 for part in board_pack_source(board=board, term=term).parts]

    def nothing_kept() -> None:
        pack.delete()
        BoardPackPart.objects.filter(html_sha256__in=parts).delete()

    def one_priority_changed() -> None:
        # As when one priority's report changed: its part is laid out, the others are kept.
        pack.delete()
        BoardPackPart.objects.filter(html_sha256=parts[0]).delete()

    timed(
        f"{PRIORITIES} priorities, laid out from nothing",
        args.repeat,
        nothing_kept,
        board=board,
        term=term,
    )
    timed("One priority changed", args.repeat, one_priority_changed, board=board, term=term)
    timed(
        "Unchanged since kept (the pack's HTML is still built, to compare)",
        args.repeat,
        lambda: None,
        board=board,
        term=term,
    )
    from pypdf import PdfReader

    pages = len(PdfReader(io.BytesIO(bytes(pack.get().pdf))).pages)
    print(
        f"The pack has {pages} pages; load average {os.getloadavg()[0]:.1f} "
        f"on {os.cpu_count()} CPUs."
    )


if __name__ == "__main__":
    main()
