"""Server time and SQL queries of the main pages at `--scale` times the demo data, beside
their floor, Django admin's changelist of the same rows and a bare view.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/jcm_bench .venv/bin/python bench/pages.py

Migrates the DATABASE_URL database, loads the demo data and multiplies its main rows (actions
with a progress update each, activities, contracts, participation records, board memberships)
until there are `--scale` times as many; a second run reuses them. Then, `--runs` rounds, each
measuring in a new random order every page (in-process, Django's test client: no network, no
static files), its admin changelist, its floor, the bare view that renders a string and the
layout only (the navigation, breadcrumbs, messages and footer every page shares, around a
heading: config/urls_bench.py).

A page's floor is what it must cost at least: a psycopg2 query, on a connection of its own, of
exactly the rows and columns the page shows (for a paged list: the first page's rows, the total
count and the filter panel's options), rendered in a minimal Jinja2 table. Each is a small
function named beside its page in PAGES. Writes the minimum, median and 95th percentile, the
query counts and the ratios of the minimums (page / floor, page / bare view) to
bench/results/pages.md and stdout. Never point it at a database that matters: it adds
thousands of sample rows.
"""

import argparse
import gc
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

import django

django.setup()

import jinja2
import psycopg2
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from commissioning.models import CommissioningActivity, Contract, Provider, Service
from commissioning.tests.factories import ActivityFactory, ContractFactory
from core.tests.sign_in import sign_in
from governance.models import Board, Membership, Organisation
from governance.tests.factories import MembershipFactory
from participation.models import ParticipationRecord, StakeholderGroup
from participation.tests.factories import ParticipationRecordFactory
from priorities.models import Action, PriorityArea
from priorities.tests.factories import ActionFactory, ProgressUpdateFactory
from reporting.models import TermlyReport

# A page's floor: the SQL of exactly what it shows, each statement one round trip. `ids` holds
# the priority area and reports the product pages open.
FIRST_PAGE = 25


def action_list_floor(cur, ids):
    cur.execute(
        "SELECT a.id, a.title, a.due_date, a.status, a.latest_rag, a.latest_percent, "
        "u.first_name || ' ' || u.last_name, p.title, o.name FROM priorities_action a "
        "JOIN auth_user u ON u.id = a.owner_id JOIN priorities_priorityarea p "
        "ON p.id = a.priority_area_id LEFT JOIN governance_organisation o "
        "ON o.id = a.lead_organisation_id ORDER BY a.due_date, a.id LIMIT %s",
        [FIRST_PAGE],
    )
    rows = cur.fetchall()
    cur.execute("SELECT count(*) FROM priorities_action")
    count = cur.fetchone()[0]
    options = _options(
        cur,
        "SELECT id, title FROM priorities_priorityarea ORDER BY title",
        "SELECT id, name FROM governance_organisation ORDER BY name",
        "SELECT DISTINCT u.id, u.first_name || ' ' || u.last_name FROM auth_user u "
        "JOIN priorities_action a ON a.owner_id = u.id ORDER BY 2",
    )
    return rows, count, options


def priority_page_floor(cur, ids):
    cur.execute("SELECT id, title, aim FROM priorities_priorityarea WHERE id = %s", [ids["area"]])
    area = cur.fetchall()
    cur.execute(
        "SELECT id, title, due_date, status, latest_rag, latest_percent FROM priorities_action "
        "WHERE priority_area_id = %s ORDER BY due_date, id LIMIT %s",
        [ids["area"], FIRST_PAGE],
    )
    rows = cur.fetchall()
    cur.execute("SELECT count(*) FROM priorities_action WHERE priority_area_id = %s", [ids["area"]])
    count = cur.fetchone()[0]
    cur.execute(
        "SELECT i.id, i.name, i.unit, i.target, v.period_label, v.value "
        "FROM priorities_indicator i LEFT JOIN LATERAL (SELECT * FROM "
        "priorities_indicatorvalue WHERE indicator_id = i.id ORDER BY period_end DESC LIMIT 1) v "
        "ON true WHERE i.priority_area_id = %s ORDER BY i.order",
        [ids["area"]],
    )
    return area + rows, count, [cur.fetchall()]


def draft_report_floor(cur, ids):
    # Exceptions (red, amber or overdue), the 50 most urgent, their count, and the indicators.
    where = (
        "WHERE priority_area_id = %s AND status NOT IN ('done', 'cancelled') "
        "AND (latest_rag IN ('red', 'amber') OR due_date < now()::date)"
    )
    cur.execute(
        f"SELECT id, title, due_date, latest_rag, latest_percent FROM priorities_action {where} "
        "ORDER BY latest_rag DESC, due_date, id LIMIT 50",
        [ids["draft_area"]],
    )
    rows = cur.fetchall()
    cur.execute(f"SELECT count(*) FROM priorities_action {where}", [ids["draft_area"]])
    count = cur.fetchone()[0]
    cur.execute(
        "SELECT id, edition, status, overall_rag, highlights, risks_and_issues, asks_of_board "
        "FROM priorities_termlyreport WHERE id = %s",
        [ids["draft"]],
    )
    return cur.fetchall() + rows, count, []


def submitted_report_floor(cur, ids):
    # A submitted report shows its snapshot.
    cur.execute(
        "SELECT id, edition, status, overall_rag, submitted_at, snapshot::text "
        "FROM priorities_termlyreport WHERE id = %s",
        [ids["submitted"]],
    )
    return cur.fetchall(), 1, []


def contracts_register_floor(cur, ids):
    cur.execute(
        "SELECT c.id, c.reference, c.title, p.name, s.name, o.name, c.annual_value, "
        "c.start_date, c.end_date, c.status FROM commissioning_contract c "
        "JOIN commissioning_provider p ON p.id = c.provider_id "
        "LEFT JOIN commissioning_service s ON s.id = c.service_id "
        "LEFT JOIN governance_organisation o ON o.id = c.lead_organisation_id "
        "ORDER BY c.end_date, c.id LIMIT %s",
        [FIRST_PAGE],
    )
    rows = cur.fetchall()
    cur.execute("SELECT count(*) FROM commissioning_contract")
    count = cur.fetchone()[0]
    options = _options(
        cur,
        "SELECT id, name FROM commissioning_provider ORDER BY name",
        "SELECT id, name FROM commissioning_service ORDER BY name",
        "SELECT id, name FROM governance_organisation ORDER BY name",
    )
    return rows, count, options


def cycle_board_floor(cur, ids):
    cur.execute(
        "SELECT a.id, a.title, a.stage, a.cycle_number, a.stage_entered_at, "
        "u.first_name || ' ' || u.last_name, p.title FROM commissioning_commissioningactivity a "
        "JOIN auth_user u ON u.id = a.lead_commissioner_id LEFT JOIN priorities_priorityarea p "
        "ON p.id = a.priority_area_id ORDER BY a.stage, a.title, a.id LIMIT %s",
        [FIRST_PAGE],
    )
    rows = cur.fetchall()
    cur.execute("SELECT stage, count(*) FROM commissioning_commissioningactivity GROUP BY stage")
    stages = cur.fetchall()
    options = _options(
        cur,
        "SELECT id, title FROM priorities_priorityarea ORDER BY title",
        "SELECT DISTINCT u.id, u.first_name || ' ' || u.last_name FROM auth_user u "
        "JOIN commissioning_commissioningactivity a ON a.lead_commissioner_id = u.id ORDER BY 2",
    )
    return rows, sum(n for _, n in stages), [stages, *options]


def participation_log_floor(cur, ids):
    cur.execute(
        "SELECT id, title, date, method, level, stage, you_said, we_did "
        "FROM participation_participationrecord ORDER BY date DESC, id DESC LIMIT %s",
        [FIRST_PAGE],
    )
    rows = cur.fetchall()
    cur.execute("SELECT count(*) FROM participation_participationrecord")
    count = cur.fetchone()[0]
    options = _options(
        cur,
        "SELECT id, name FROM participation_stakeholdergroup ORDER BY name",
        "SELECT id, title FROM priorities_priorityarea ORDER BY title",
    )
    return rows, count, options


def governance_structure_floor(cur, ids):
    cur.execute(
        "SELECT b.id, b.name, b.kind, b.meeting_frequency, b.reports_to_id, "
        "count(m.id) FILTER (WHERE m.end_date IS NULL OR m.end_date >= now()::date) "
        "FROM governance_board b LEFT JOIN governance_membership m ON m.board_id = b.id "
        "WHERE b.is_active GROUP BY b.id ORDER BY b.name"
    )
    rows = cur.fetchall()
    return rows, len(rows), []


def decisions_log_floor(cur, ids):
    # The newest 25 decisions with their meeting, board and owner, each flagged when its meeting
    # was inquorate: the voting seats current on the meeting's day and those present, counted.
    cur.execute(
        "SELECT d.id, d.text, b.name, mt.starts_at, u.first_name || ' ' || u.last_name, "
        "d.due_date, d.status, b.quorum_number, b.quorum_share, (SELECT count(*) FROM "
        "governance_membership m WHERE m.board_id = b.id AND m.role IN ('chair', 'vice_chair', "
        "'member') AND m.start_date <= mt.starts_at::date AND (m.end_date IS NULL OR "
        "m.end_date >= mt.starts_at::date)), (SELECT count(*) FROM governance_attendance a "
        "WHERE a.meeting_id = mt.id AND a.status IN ('present', 'remote', 'substitute')) "
        "FROM governance_decision d JOIN governance_meeting mt ON mt.id = d.meeting_id "
        "JOIN governance_board b ON b.id = mt.board_id LEFT JOIN auth_user u "
        "ON u.id = d.owner_user_id ORDER BY mt.starts_at DESC, d.id LIMIT %s",
        [FIRST_PAGE],
    )
    rows = cur.fetchall()
    cur.execute("SELECT count(*) FROM governance_decision")
    count = cur.fetchone()[0]
    return rows, count, _options(cur, "SELECT id, name FROM governance_board ORDER BY name")


def _options(cur, *queries):
    tables = []
    for sql in queries:
        cur.execute(sql)
        tables.append(cur.fetchall())
    return tables


FLOOR_TEMPLATE = jinja2.Environment(autoescape=True).from_string(
    "<!doctype html><title>floor</title><main>"
    "{% for options in option_lists %}<select>{% for option in options %}"
    '<option value="{{ option[0] }}">{{ option[1:] | join(" ") }}</option>'
    "{% endfor %}</select>{% endfor %}"
    "<p>{{ count }} rows</p><table><tbody>{% for row in rows %}<tr>"
    "{% for cell in row %}<td>{{ cell }}</td>{% endfor %}</tr>{% endfor %}</tbody></table></main>"
)

# (label, product page, admin changelist of the same rows, the page's floor)
PAGES = [
    ("Action list", "/priorities/actions/", "/admin/priorities/action/", action_list_floor),
    ("Priority page", "priority", "/admin/priorities/priorityarea/", priority_page_floor),
    (
        "Termly report, draft",
        "draft report",
        "/admin/reporting/termlyreport/",
        draft_report_floor,
    ),
    (
        "Termly report, submitted",
        "submitted report",
        "/admin/reporting/termlyreport/",
        submitted_report_floor,
    ),
    (
        "Contracts register",
        "/commissioning/contracts/",
        "/admin/commissioning/contract/",
        contracts_register_floor,
    ),
    (
        "Cycle board",
        "/commissioning/",
        "/admin/commissioning/commissioningactivity/",
        cycle_board_floor,
    ),
    (
        "Participation log",
        "/participation/",
        "/admin/participation/participationrecord/",
        participation_log_floor,
    ),
    (
        "Governance structure",
        "/governance/",
        "/admin/governance/board/",
        governance_structure_floor,
    ),
    (
        "Decisions log",
        "/governance/decisions/",
        "/admin/governance/decision/",
        decisions_log_floor,
    ),
]


def multiply(scale: int) -> dict[str, int]:
    """Add sample rows until each main model has `scale` times its demo count (once: a
    database that already has the benchmark's contracts is used as it is)."""
    users = list(get_user_model().objects.filter(groups__name="Commissioner"))
    areas = list(PriorityArea.objects.all())
    boards = list(Board.objects.all())
    # Reuse the demo's organisations, providers, services and groups, as a real partnership
    # would: the factories' defaults would add a new one for every row.
    organisations = list(Organisation.objects.all())
    providers = list(Provider.objects.all())
    services = list(Service.objects.all())
    groups = list(StakeholderGroup.objects.all())

    def pick(rows, i):
        return rows[i % len(rows)]

    plan = [
        (Action, lambda i: _action(pick(areas, i), pick(users, i), pick(organisations, i))),
        (
            CommissioningActivity,
            lambda i: ActivityFactory(
                priority_area=pick(areas, i),
                lead_commissioner=pick(users, i),
                commissioning_organisations=[pick(organisations, i)],
            ),
        ),
        (
            Contract,
            lambda i: ContractFactory(
                reference=f"BENCH-{i:06d}",
                provider=pick(providers, i),
                service=pick(services, i),
                lead_organisation=pick(organisations, i),
            ),
        ),
        (
            ParticipationRecord,
            lambda i: ParticipationRecordFactory(
                priority_areas=[pick(areas, i)],
                created_by=pick(users, i),
                groups=[pick(groups, i)],
            ),
        ),
        (
            Membership,
            lambda i: MembershipFactory(board=pick(boards, i), organisation=pick(organisations, i)),
        ),
    ]
    already_built = Contract.objects.filter(reference__startswith="BENCH-").exists()
    for model, make in plan:
        if already_built:
            break
        demo = model.objects.count() or 1
        with transaction.atomic():
            for i in range(demo, demo * scale):
                make(i)
    return {model._meta.verbose_name_plural: model.objects.count() for model, _ in plan}


def _action(area, owner, organisation):
    action = ActionFactory(priority_area=area, owner=owner, lead_organisation=organisation)
    ProgressUpdateFactory(action=action, author=owner)
    return action


TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE SAVEPOINT")


def _is_transaction_control(sql: str) -> bool:
    return sql.upper().startswith(TRANSACTION_CONTROL)


class Timings:
    """One measured thing's server times (ms) and statement counts over the rounds."""

    def __init__(self) -> None:
        self.times: list[float] = []
        self.queries: list[int] = []

    def add(self, ms: float, queries: int) -> None:
        self.times.append(ms)
        self.queries.append(queries)

    @property
    def min(self) -> float:
        return min(self.times)

    def cells(self) -> str:
        ordered = sorted(self.times)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        low, high = min(self.queries), max(self.queries)
        queries = str(low) if low == high else f"{low}-{high}"
        return f"{self.min:.1f} | {statistics.median(ordered):.1f} | {p95:.1f} | {queries}"


def request_once(client: Client, url: str, timings: Timings) -> None:
    with CaptureQueriesContext(connection) as captured:
        start = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - start) * 1000
    assert response.status_code == 200, (url, response.status_code)
    timings.add(elapsed, sum(1 for q in captured if not _is_transaction_control(q["sql"])))


class CountingCursor(psycopg2.extensions.cursor):
    """A cursor that counts the statements it runs."""

    statements = 0

    def execute(self, sql, params=None):
        self.statements += 1
        return super().execute(sql, params)


def floor_once(raw, floor, ids: dict, timings: Timings) -> None:
    start = time.perf_counter()
    with raw.cursor(cursor_factory=CountingCursor) as cur:
        rows, count, option_lists = floor(cur, ids)
        statements = cur.statements
    FLOOR_TEMPLATE.render(rows=rows, count=count, option_lists=option_lists)
    raw.rollback()
    timings.add((time.perf_counter() - start) * 1000, statements)


def raw_connection():
    db = connection.settings_dict
    return psycopg2.connect(
        dbname=db["NAME"],
        user=db["USER"],
        password=db["PASSWORD"],
        host=db["HOST"],
        port=db["PORT"] or 5432,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument(
        "--only",
        default="",
        help="measure only the pages whose label contains this (e.g. 'Action list')",
    )
    args = parser.parse_args()
    pages = [page for page in PAGES if args.only.lower() in page[0].lower()]
    assert connection.vendor == "postgresql", "the floor is measured with psycopg2"

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    counts = multiply(args.scale)
    # Fresh statistics for the planner, and the visibility map an index-only scan reads:
    # autovacuum may not yet have seen the rows just added, and a plan made for the demo's few
    # rows is not what a real partnership's server runs.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    admin = get_user_model().objects.get(username="administrator")
    client = Client()
    sign_in(client, admin)
    # A draft report is assembled live from its priority's plan; a submitted one is a snapshot.
    draft = TermlyReport.objects.filter(status=TermlyReport.Status.DRAFT).order_by("pk").first()
    submitted = TermlyReport.objects.exclude(pk=draft.pk).order_by("pk").first()
    product_url = {
        "priority": draft.priority_area.get_absolute_url(),
        "draft report": draft.get_absolute_url(),
        "submitted report": submitted.get_absolute_url(),
    }
    ids = {
        "area": draft.priority_area_id,
        "draft_area": draft.priority_area_id,
        "draft": draft.pk,
        "submitted": submitted.pk,
    }
    raw = raw_connection()

    bare_timings, layout_timings = Timings(), Timings()
    figures = {label: (Timings(), Timings(), Timings()) for label, *_ in pages}
    # As the app server's process does once loaded (config/wsgi.py).
    gc.freeze()
    with override_settings(ROOT_URLCONF="config.urls_bench", ALLOWED_HOSTS=["testserver"]):
        # Once each first: caches and template loading warm, not measured.
        steps = [
            lambda: request_once(client, "/bench/bare/", bare_timings),
            lambda: request_once(client, "/bench/layout/", layout_timings),
        ]
        for label, page, admin_page, floor in pages:
            page_timings, admin_timings, floor_timings = figures[label]
            url = product_url.get(page, page)
            steps += [
                lambda url=url, t=page_timings: request_once(client, url, t),
                lambda url=admin_page, t=admin_timings: request_once(client, url, t),
                lambda floor=floor, t=floor_timings: floor_once(raw, floor, ids, t),
            ]
        for step in steps:
            step()
        for every in [
            bare_timings,
            layout_timings,
            *(t for triple in figures.values() for t in triple),
        ]:
            every.times.clear()
            every.queries.clear()
        for round_number in range(args.runs):
            random.shuffle(steps)
            for step in steps:
                step()
            print(f"round {round_number + 1} of {args.runs}", file=sys.stderr, flush=True)
    raw.close()

    db = connection.settings_dict
    lines = [
        "# Page benchmark",
        "",
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}. Database: {connection.vendor} "
        f"`{db['NAME']}`; scale {args.scale}x the demo data; {args.runs} rounds, each every page, "
        "its admin changelist, its floor, the bare view and the layout only once in a new "
        "random order, "
        "in-process (Django test client), as the administrator. Times in ms (min, median, "
        "p95); queries are SQL statements, not counting BEGIN, COMMIT and savepoints. The "
        "floor: psycopg2 fetching exactly what the page shows, rendered by a minimal Jinja2 "
        "table (bench/pages.py). Ratios are of the minimums.",
        "",
        "Rows: " + ", ".join(f"{name} {count}" for name, count in counts.items()) + ".",
        "",
        "| page | min | median | p95 | queries | floor min | median | p95 | queries "
        "| admin min | median | p95 | queries | page / floor | page / admin | page / bare |",
        "| --- |" + " ---: |" * 15,
    ]
    bare_min = bare_timings.min
    for label, (page_timings, admin_timings, floor_timings) in figures.items():
        lines.append(
            f"| {label} | {page_timings.cells()} | {floor_timings.cells()} | "
            f"{admin_timings.cells()} | {page_timings.min / floor_timings.min:.1f}x | "
            f"{page_timings.min / admin_timings.min:.2f}x | {page_timings.min / bare_min:.1f}x |"
        )
    lines.append(f"| Bare Django view | {bare_timings.cells()} |" + " |" * 11)
    lines.append(
        f"| Layout only | {layout_timings.cells()} |"
        + " |" * 10
        + f" {layout_timings.min / bare_min:.1f}x |"
    )
    out = ROOT / "bench" / "results" / "pages.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
