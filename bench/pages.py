"""Server time and SQL queries of the main pages at `--scale` times the demo data.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/jcm_bench .venv/bin/python bench/pages.py

Migrates the DATABASE_URL database, loads the demo data and multiplies its main rows (actions
with a progress update each, activities, contracts, participation records, board memberships)
until there are `--scale` times as many; a second run reuses them. Then requests each page
`--runs` times in-process (Django's test client: no network, no static files), beside the
Django admin changelist of the same rows and a bare view that renders a string, and writes the
median and 95th percentile of the server time and the query count to bench/results/pages.md.
Never point it at a database that matters: it adds thousands of sample rows.
"""

import argparse
import os
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

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection, transaction
from django.http import HttpResponse
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import include, path

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


def bare(request):
    return HttpResponse("ok")


# The project's URLs plus the bare view, for this script only.
urlpatterns = [path("bench/bare/", bare), path("", include("config.urls"))]

# (label, product page, admin changelist of the same rows)
PAGES = [
    ("Action list", "/priorities/actions/", "/admin/priorities/action/"),
    ("Priority page", "priority", "/admin/priorities/priorityarea/"),
    ("Termly report, draft", "draft report", "/admin/reporting/termlyreport/"),
    ("Termly report, submitted", "submitted report", "/admin/reporting/termlyreport/"),
    ("Contracts register", "/commissioning/contracts/", "/admin/commissioning/contract/"),
    ("Cycle board", "/commissioning/", "/admin/commissioning/commissioningactivity/"),
    ("Participation log", "/participation/", "/admin/participation/participationrecord/"),
    ("Governance structure", "/governance/", "/admin/governance/board/"),
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


def measure(client: Client, url: str, runs: int) -> tuple[float, float, int, int]:
    client.get(url)  # warm caches and template loading
    times, queries = [], []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries.append(sum(1 for query in captured if not _is_transaction_control(query["sql"])))
    print(f"{url}: median {statistics.median(times):.0f} ms", file=sys.stderr, flush=True)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times), p95, min(queries), max(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    counts = multiply(args.scale)
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

    rows = []
    with override_settings(ROOT_URLCONF=__name__, ALLOWED_HOSTS=["testserver"]):
        bare_figures = measure(client, "/bench/bare/", args.runs)
        for label, page, admin_page in PAGES:
            url = product_url.get(page, page)
            rows.append(
                (label, measure(client, url, args.runs), measure(client, admin_page, args.runs))
            )

    db = connection.settings_dict
    lines = [
        "# Page benchmark",
        "",
        f"Database: {connection.vendor} `{db['NAME']}`; scale {args.scale}x the demo data; "
        f"{args.runs} runs a page, in-process (Django test client), as the administrator. "
        "Queries are SQL statements, not counting BEGIN, COMMIT and savepoints.",
        "",
        "Rows: " + ", ".join(f"{name} {count}" for name, count in counts.items()) + ".",
        "",
        "| page | median ms | p95 ms | queries | admin changelist median ms | p95 ms | queries |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, (med, p95, qmin, qmax), (amed, ap95, aqmin, aqmax) in rows:
        queries = str(qmin) if qmin == qmax else f"{qmin}-{qmax}"
        admin_queries = str(aqmin) if aqmin == aqmax else f"{aqmin}-{aqmax}"
        lines.append(
            f"| {label} | {med:.1f} | {p95:.1f} | {queries} | {amed:.1f} | {ap95:.1f} | "
            f"{admin_queries} |"
        )
    med, p95, qmin, _ = bare_figures
    lines.append(f"| Bare Django view | {med:.1f} | {p95:.1f} | {qmin} | | | |")
    out = ROOT / "bench" / "results" / "pages.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
