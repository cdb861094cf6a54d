"""A report's exceptions: the 50 most urgent listed, how many there are, and the action list
filtered to them; a draft's sections kept in the cache until what they read changes."""

import datetime
import re

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.templatetags.badges import rag_badge
from priorities import services as priorities_services
from priorities.models import Action
from priorities.tests.factories import ActionFactory, PriorityAreaFactory, ProgressUpdateFactory
from reporting import services
from reporting.assemble import EXCEPTIONS_SHOWN, assemble_report
from reporting.models import Term, TermlyReport
from reporting.tests.factories import TermlyReportFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

EXCEPTION_ROW = re.compile(r'<tr id="exception-(\d+)">')


@pytest.fixture
def area(commissioner):
    return PriorityAreaFactory(title="Children in Care", lead_commissioners=[commissioner])


@pytest.fixture
def draft(area):
    return TermlyReportFactory(priority_area=area, term=Term.objects.current())


def _exception(area, owner, title, *, rag="amber", due_in=90, status=Action.Status.IN_PROGRESS):
    """An action of the priority with an update of `rag` today, due `due_in` days from today."""
    today = timezone.localdate()
    action = ActionFactory(
        priority_area=area,
        owner=owner,
        title=title,
        status=status,
        start_date=today - datetime.timedelta(days=400),
        due_date=today + datetime.timedelta(days=due_in),
    )
    ProgressUpdateFactory(action=action, rag=rag, date=today, narrative=f"{title}: news.")
    return action


def _shown(page: str) -> list[int]:
    return [int(pk) for pk in EXCEPTION_ROW.findall(page)]


def test_the_page_lists_the_50_most_urgent_of_51_with_the_count_and_a_link_to_all_51(
    commissioner, commissioner_client, area, draft
):
    for number in range(51):
        _exception(area, commissioner, f"Action {number}", due_in=30 + number)
    _exception(area, commissioner, "On track", rag="green")

    page = commissioner_client.get(draft.get_absolute_url()).content.decode()

    assert len(_shown(page)) == EXCEPTIONS_SHOWN == 50
    assert "<strong>51 exceptions</strong>; the 50 most urgent are listed" in page
    link = re.search(r'<a href="(/priorities/actions/\?[^"]+)">See all the actions red', page)
    listed = commissioner_client.get(link.group(1).replace("&amp;", "&")).content.decode()
    assert "51 actions found." in listed
    assert "Action 0" in listed and "On track" not in listed


def test_exceptions_go_red_then_amber_the_overdue_first_then_by_due_date(
    commissioner, commissioner_client, area, draft
):
    late_amber = _exception(area, commissioner, "Late amber", due_in=-10)
    amber_soon = _exception(area, commissioner, "Amber soon", due_in=5)
    amber_later = _exception(area, commissioner, "Amber later", due_in=50)
    red_later = _exception(area, commissioner, "Red later", rag="red", due_in=60)
    red_soon = _exception(area, commissioner, "Red soon", rag="red", due_in=20)
    late_green = _exception(area, commissioner, "Late but green", rag="green", due_in=-30)
    # Red but complete: not overdue, so after the overdue red ones had there been any.
    red_done = _exception(
        area, commissioner, "Red, done", rag="red", due_in=-5, status=Action.Status.COMPLETE
    )
    urgency = [red_done, red_soon, red_later, late_amber, amber_soon, amber_later, late_green]

    content = assemble_report(area, draft.term)
    page = commissioner_client.get(draft.get_absolute_url()).content.decode()

    assert [row["id"] for row in content["actions"]["exceptions"]] == [a.pk for a in urgency]
    assert _shown(page) == [action.pk for action in urgency]
    assert "7 exceptions, the most urgent first." in page


def test_the_action_list_filter_reads_each_action_as_it_stood_on_the_day(
    commissioner, commissioner_client, area
):
    today = timezone.localdate()
    earlier = today - datetime.timedelta(days=40)
    red_since = _exception(area, commissioner, "Red only lately", rag="red")
    ProgressUpdateFactory(action=red_since, rag="green", date=earlier - datetime.timedelta(1))
    page = commissioner_client.get(
        "/priorities/actions/", {"priority_area": area.pk, "exceptions_on": today.isoformat()}
    ).content.decode()
    assert "1 action found." in page and "Red only lately" in page
    page = commissioner_client.get(
        "/priorities/actions/", {"priority_area": area.pk, "exceptions_on": earlier.isoformat()}
    ).content.decode()
    assert "0 actions found." in page


@pytest.mark.uses_cache
def test_a_drafts_actions_are_kept_until_an_action_changes(
    commissioner, commissioner_client, area, draft
):
    quiet = _exception(area, commissioner, "Green for now", rag="green")
    _exception(area, commissioner, "Amber already")
    url = draft.get_absolute_url()
    commissioner_client.get(url)

    with CaptureQueriesContext(connection) as queries:
        page = commissioner_client.get(url).content.decode()
    assert not any("priorities_progressupdate" in q["sql"] for q in queries), "kept"
    assert "Green for now" not in page

    priorities_services.progress_update_add(
        action=quiet, author=commissioner, rag="red", percent_complete=10, narrative="Stalled."
    )
    page = commissioner_client.get(url).content.decode()
    assert "Green for now" in page and "Stalled." in page

    quiet.refresh_from_db()
    priorities_services.action_update(
        action=quiet, data={"title": "Renamed action"}, expected_version=quiet.version
    )
    page = commissioner_client.get(url).content.decode()
    assert "Renamed action" in page and "Green for now" not in page


@pytest.mark.uses_cache
def test_an_owners_new_name_shows_on_a_kept_draft(commissioner, commissioner_client, area, draft):
    _exception(area, commissioner, "Amber action")
    commissioner_client.get(draft.get_absolute_url())
    commissioner.first_name, commissioner.last_name = "Renamed", "Owner"
    commissioner.save()
    page = commissioner_client.get(draft.get_absolute_url()).content.decode()
    assert "<td>Renamed Owner</td>" in page


def test_a_snapshot_kept_before_the_cap_lists_its_50_most_urgent_and_counts_them_all(
    commissioner, commissioner_client, area, draft
):
    """Snapshots submitted before the cap kept every exception, sorted by RAG then due date."""
    report = services.termly_report_submit(report=draft, user=commissioner)
    snapshot = report.snapshot
    snapshot["schema"] = 1
    due = timezone.localdate() + datetime.timedelta(days=10)
    snapshot["actions"]["exceptions"] = [
        {
            "id": 9000 + number,
            "title": f"Kept action {number}",
            "owner": "A. Commissioner",
            "due": (due + datetime.timedelta(days=number)).isoformat(),
            "status": "In progress",
            "rag": "red" if number >= 55 else "amber",
            "rag_label": "Red" if number >= 55 else "Amber",
            "overdue": False,
            "narrative": "As it was then.",
            "narrative_on": due.isoformat(),
        }
        for number in range(60)
    ]
    TermlyReport.objects.filter(pk=report.pk).update(snapshot=snapshot)

    page = commissioner_client.get(report.get_absolute_url()).content.decode()

    shown = _shown(page)
    assert len(shown) == 50 and "<strong>60 exceptions</strong>" in page
    assert shown[:5] == [9055, 9056, 9057, 9058, 9059], "the red ones first"
    assert "Kept action 45" not in page


def test_the_board_packs_full_plan_lists_every_exception(commissioner, area, draft):
    for number in range(52):
        _exception(area, commissioner, f"Action {number}")
    content = assemble_report(area, draft.term)
    html = render_to_string(
        "reporting/reports/_content.html", {"content": content, "h": 3, "every_exception": True}
    )
    assert len(_shown(html)) == 52 and "52 exceptions, the most urgent first." in html


@pytest.mark.parametrize(("rag", "label"), [("red", "Red"), ("amber", ""), ("", "")])
def test_the_rag_badge_tag_draws_what_the_partial_draws(rag, label):
    partial = render_to_string("_partials/_rag_badge.html", {"rag": rag, "label": label})
    assert rag_badge(rag, label) == partial.strip()


@pytest.mark.uses_cache
def test_a_page_keeps_only_its_most_urgent_exceptions_and_the_full_plan_still_gets_them_all(
    commissioner, commissioner_client, area, draft
):
    for number in range(52):
        _exception(area, commissioner, f"Action {number}", due_in=30 + number)
    # The page keeps its own, shorter copy of the section in the cache.
    commissioner_client.get(draft.get_absolute_url())

    with CaptureQueriesContext(connection) as queries:
        shown = assemble_report(area, draft.term, cached=True, exceptions_shown=EXCEPTIONS_SHOWN)
    assert not any("priorities_progressupdate" in q["sql"] for q in queries), "kept"
    titles = [row["title"] for row in shown["actions"]["exceptions"]]
    assert titles == [f"Action {number}" for number in range(50)]
    assert shown["actions"]["exception_count"] == 52

    full = assemble_report(area, draft.term, cached=True)
    assert len(full["actions"]["exceptions"]) == 52
    assert "exception_count" not in full["actions"]
    assert {row["owner"] for row in full["actions"]["exceptions"]} == {commissioner.get_full_name()}
