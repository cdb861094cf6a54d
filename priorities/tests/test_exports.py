"""Action plans out to XLSX and CSV."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from priorities.exports import HEADERS
from priorities.tests.factories import ActionFactory, ObjectiveFactory, PriorityAreaFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


@pytest.fixture
def plan():
    area = PriorityAreaFactory(title="Emotional Health and Wellbeing")
    objective = ObjectiveFactory(priority_area=area, text="Promote resilience")
    ActionFactory(
        priority_area=area,
        objective=objective,
        title="Commission a drama group to tour around schools",
        start_date=datetime.date(2026, 1, 5),
        due_date=datetime.date(2026, 7, 17),
    )
    ActionFactory(priority_area=area, title='=HYPERLINK("http://evil")')
    ActionFactory(title="Another priority's action")
    return area


def test_priority_plan_exports_to_xlsx_that_openpyxl_opens(board_member_client, plan):
    response = board_member_client.get(
        reverse("priorities:priority_area_export_xlsx", args=[plan.pk])
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert (
        'filename="action-plan-emotional-health-and-wellbeing-' in response["Content-Disposition"]
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS
    assert len(rows) == 3
    drama = dict(zip(HEADERS, rows[1], strict=True))
    assert drama["Title"] == "Commission a drama group to tour around schools"
    assert drama["Objective"] == "Promote resilience"
    assert drama["Due date"] == datetime.datetime(2026, 7, 17)
    assert drama["RAG"] is None  # no update yet: an empty cell
    # A cell that would run as a formula is written as text.
    assert rows[2][HEADERS.index("Title")] == '\'=HYPERLINK("http://evil")'


def test_priority_plan_exports_to_csv_with_british_dates(board_member_client, plan):
    response = board_member_client.get(
        reverse("priorities:priority_area_export_csv", args=[plan.pk])
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row["Title"] for row in rows][0] == "Commission a drama group to tour around schools"
    assert rows[0]["Start date"] == "05/01/2026"
    assert len(rows) == 2


def test_filtered_list_exports_only_matching_actions(board_member_client, plan):
    response = board_member_client.get(
        reverse("priorities:action_list_export_xlsx"), {"q": "drama"}
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    titles = [row[HEADERS.index("Title")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert titles == ["Commission a drama group to tour around schools"]

    csv_response = board_member_client.get(
        reverse("priorities:action_list_export_csv"), {"priority_area": plan.pk}
    )
    rows = list(csv.DictReader(io.StringIO(csv_response.content.decode("utf-8-sig"))))
    assert len(rows) == 2
