"""The issue's "done when": a commissioner's daily loop, and a board member who only reads."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from priorities.exports import HEADERS
from priorities.models import Action
from priorities.tests.factories import ActionFactory, OrganisationFactory, PriorityAreaFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def test_commissioner_daily_loop_and_board_member_reads(commissioner, board_member, today):
    area = PriorityAreaFactory(title="Prevention", lead_commissioners=[commissioner])
    mine = ActionFactory(priority_area=area, owner=commissioner, title="Retain TAF advisors")
    organisation = OrganisationFactory(short_name="CWaC")

    client = Client()
    signed_in = client.post(
        reverse("login"),
        {"username": commissioner.username, "password": "correct-horse-battery-staple"},
    )
    assert signed_in.status_code == 302

    # Finds their actions.
    my_page = client.get(reverse("priorities:my_actions")).content.decode()
    assert "Retain TAF advisors" in my_page

    # Logs progress on one.
    client.post(
        reverse("priorities:progress_create", args=[mine.pk]),
        {
            "date": today.isoformat(),
            "rag": "green",
            "percent_complete": "50",
            "narrative": "Done half.",
        },
    )
    assert "Green · 50%" in client.get(mine.get_absolute_url()).content.decode()

    # Adds an action.
    client.post(
        reverse("priorities:action_create", args=[area.pk]),
        {
            "title": "Seek funding sources to increase TAF advisors",
            "owner": commissioner.pk,
            "lead_organisation": organisation.pk,
            "start_date": today.isoformat(),
            "due_date": (today + datetime.timedelta(days=90)).isoformat(),
            "status": "not_started",
            "stage": "plan",
        },
    )
    assert area.actions.count() == 2

    # Exports the plan to XLSX and opens it.
    exported = client.get(reverse("priorities:priority_area_export_xlsx", args=[area.pk]))
    sheet = load_workbook(io.BytesIO(exported.content)).active
    column = HEADERS.index("Title")
    titles = sorted(row[column] for row in sheet.iter_rows(min_row=2, values_only=True))
    assert titles == ["Retain TAF advisors", "Seek funding sources to increase TAF advisors"]

    # Changes one title in the file and imports it back: that action alone is saved.
    workbook = load_workbook(io.BytesIO(exported.content))
    titles_column = workbook.active[get_column_letter(column + 1)]
    renamed = next(cell for cell in titles_column if cell.value == "Retain TAF advisors")
    renamed.value = "Retain and train TAF advisors"
    edited = io.BytesIO()
    workbook.save(edited)
    url = reverse("priorities:action_import", args=[area.pk])
    preview = client.post(url, {"file": SimpleUploadedFile("plan.xlsx", edited.getvalue())})
    page = preview.content.decode()
    assert "0 new actions and 1 action to update" in page
    assert "Title: Retain TAF advisors" in page and "1 row unchanged" in page
    client.post(url, {"confirm": "1"})
    assert area.actions.count() == 2
    assert sorted(area.actions.values_list("title", "version")) == [
        ("Retain and train TAF advisors", 2),
        ("Seek funding sources to increase TAF advisors", 1),
    ]

    # A board member reads the priority and cannot change anything.
    board = Client()
    board.force_login(board_member)
    page = board.get(area.get_absolute_url()).content.decode()
    assert "Retain and train TAF advisors" in page and "Add an action" not in page
    before = list(Action.objects.order_by("pk").values())
    for refused in (
        board.post(reverse("priorities:action_update", args=[mine.pk]), {"title": "x"}),
        board.post(reverse("priorities:progress_create", args=[mine.pk]), {"rag": "red"}),
        board.post(reverse("priorities:action_create", args=[area.pk]), {"title": "x"}),
        board.post(url, {"confirm": "1"}),
    ):
        assert refused.status_code == 403
    assert list(Action.objects.order_by("pk").values()) == before
