"""A real worker process (`manage.py db_worker`) lays out a board pack, and the download then
serves it: the web process and the worker share only the database, as in production."""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from reporting.models import BoardPackPdf

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.dates]

# The worker runs at the suite's frozen instant (ticking on from it), so the pack it lays out
# has the cover date of the page the test then downloads, whatever day the suite runs.
WORKER_AT_FROZEN_INSTANT = """
import sys, time_machine
time_machine.travel(float(sys.argv[1]), tick=True).start()
from django.core.management import execute_from_command_line
execute_from_command_line(["manage.py", *sys.argv[2:]])
"""


def _database_url() -> str:
    """The test database, as DATABASE_URL names it for the worker."""
    name = connection.settings_dict["NAME"]
    if connection.vendor == "sqlite":
        assert Path(name).is_absolute(), "the worker needs the test database in a file"
        return f"sqlite:///{name}"
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path=f"/{name}"))


def test_a_worker_process_lays_out_the_pack_then_the_download_serves_it(
    board_member_client, pack, weasyprint, clock
):
    board, term = pack
    url = reverse("reporting:board_pack_pdf", args=[board.pk, term.pk])
    waiting = board_member_client.get(url)
    assert "The PDF of this board pack is being laid out" in waiting.content.decode()
    assert DBTaskResult.objects.ready().filter(task_path__endswith="render_board_pack").exists()

    worker = subprocess.run(
        [
            sys.executable,
            "-c",
            WORKER_AT_FROZEN_INSTANT,
            str(timezone.now().timestamp()),
            "db_worker",
            "--batch",
            "--no-reload",
            "--no-startup-delay",
            "--worker-id",
            "test-worker",
        ],
        cwd=settings.BASE_DIR,
        env=os.environ
        | {"DJANGO_SETTINGS_MODULE": "config.settings.test", "DATABASE_URL": _database_url()},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert worker.returncode == 0, worker.stderr

    ran = DBTaskResult.objects.filter(task_path__endswith="render_board_pack")
    assert {result.status for result in ran} == {"SUCCESSFUL"}
    assert all(result.worker_ids == ["test-worker"] for result in ran)
    assert BoardPackPdf.objects.filter(board=board, term=term).exists()
    download = board_member_client.get(url)
    assert download["Content-Type"] == "application/pdf"
    assert download.content.startswith(b"%PDF")


@pytest.mark.uses_cache
def test_a_chart_is_the_same_svg_each_time_it_is_drawn():
    """Regression: random chart ids made the pack's HTML, and so its hash, differ between the
    worker that laid it out and the web server, which then never served it."""
    from core.tests.caches import clear_cache
    from reporting.charts import indicator_trend

    indicator = {
        "series": [
            {"period": "2023", "value": "12.5", "comparator_value": None},
            {"period": "2024", "value": "11.0", "comparator_value": None},
        ],
        "target": None,
    }
    first = indicator_trend(indicator).uri
    clear_cache()
    assert indicator_trend(indicator).uri == first
