"""Actions in from XLSX or CSV: a preview, then all rows saved or none."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from core.tests.factories import BoardMemberFactory
from priorities import services
from priorities.models import Action
from priorities.tests.factories import (
    ActionFactory,
    ObjectiveFactory,
    OrganisationFactory,
    PriorityAreaFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

HEADER = ["Title", "Objective", "Owner", "Lead organisation", "Start date", "Due date", "Status"]


@pytest.fixture
def area(commissioner):
    area = PriorityAreaFactory(lead_commissioners=[commissioner], title="SEND")
    ObjectiveFactory(priority_area=area, text="Improve inclusion in mainstream schools")
    OrganisationFactory(short_name="CWaC")
    return area


def _xlsx(rows: list[list]) -> SimpleUploadedFile:
    workbook = Workbook()
    workbook.active.append(HEADER)
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("plan.xlsx", buffer.getvalue())


def _csv(rows: list[list]) -> SimpleUploadedFile:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    writer.writerows(rows)
    return SimpleUploadedFile("plan.csv", buffer.getvalue().encode("utf-8"))


def _good_rows(commissioner) -> list[list]:
    return [
        [
            "Renew and refresh the guidance on SEN support",
            "Improve inclusion in mainstream schools",
            commissioner.username,
            "CWaC",
            "01/09/2026",
            "31/03/2027",
            "Not started",
        ],
        [
            "Further develop personal budgets",
            "",
            commissioner.username,
            "cwac",
            "2026-09-01",
            "2027-07-31",
            "in_progress",
        ],
    ]


def _upload(client, area, upload):
    return client.post(reverse("priorities:action_import", args=[area.pk]), {"file": upload})


def _confirm(client, area):
    return client.post(reverse("priorities:action_import", args=[area.pk]), {"confirm": "1"})


@pytest.mark.parametrize("make_file", [_xlsx, _csv], ids=["xlsx", "csv"])
def test_valid_file_previews_then_saves_every_row(
    commissioner_client, commissioner, area, make_file
):
    preview = _upload(commissioner_client, area, make_file(_good_rows(commissioner)))
    page = preview.content.decode()
    assert preview.status_code == 200
    assert "All 2 rows can be imported" in page
    assert not Action.objects.exists()  # nothing saved before the confirmation

    response = _confirm(commissioner_client, area)
    assert response["Location"] == area.get_absolute_url()
    saved = {a.title: a for a in area.actions.all()}
    assert set(saved) == {
        "Renew and refresh the guidance on SEN support",
        "Further develop personal budgets",
    }
    guidance = saved["Renew and refresh the guidance on SEN support"]
    assert guidance.objective.text == "Improve inclusion in mainstream schools"
    assert guidance.due_date.isoformat() == "2027-03-31"
    assert saved["Further develop personal budgets"].status == Action.Status.IN_PROGRESS


def test_bad_rows_are_named_with_their_reasons_and_nothing_is_saved(
    commissioner_client, commissioner, area
):
    rows = _good_rows(commissioner) + [
        ["Mystery owner", "", "nobody-by-this-name", "CWaC", "01/09/2026", "01/10/2026", ""],
        ["Back to front", "", commissioner.username, "CWaC", "01/09/2026", "01/08/2026", ""],
    ]
    response = _upload(commissioner_client, area, _xlsx(rows))
    page = response.content.decode()
    assert response.status_code == 400
    assert "2 rows cannot be imported, so nothing will be saved" in page
    preview = response.context["preview"]
    bad = {row.number: row.errors for row in preview.rows if row.errors}
    assert bad == {
        4: ["Owner: Unknown owner “nobody-by-this-name”: no user has this username."],
        5: [
            "Due date: The due date (1 August 2026) cannot be before the start date "
            "(1 September 2026)."
        ],
    }
    assert "Unknown owner “nobody-by-this-name”" in page
    assert "Import 4 rows" not in page  # no confirm button
    # Confirming anyway saves nothing.
    _confirm(commissioner_client, area)
    assert not Action.objects.exists()


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_export_imports_back_unchanged_as_updates(commissioner_client, commissioner, area, fmt):
    """Titles the export guards against formulas ("'=...") come back as they were."""
    ActionFactory(priority_area=area, owner=commissioner, title="=Existing action")
    exported = commissioner_client.get(
        reverse(f"priorities:priority_area_export_{fmt}", args=[area.pk])
    )
    preview = _upload(
        commissioner_client, area, SimpleUploadedFile(f"plan.{fmt}", exported.content)
    )
    assert preview.status_code == 200, preview.context["preview"].rows[0].errors
    assert "Updates action" in preview.content.decode()
    _confirm(commissioner_client, area)
    action = area.actions.get()
    assert (action.title, action.version) == ("=Existing action", 2)


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("plan.txt", b"hello"), "Choose an .xlsx or .csv file."),
        (SimpleUploadedFile("plan.xlsx", b"not a zip"), "This is not a readable Excel"),
        (SimpleUploadedFile("plan.csv", b"Title,Owner\nx,y\n"), "lacks these columns"),
        (SimpleUploadedFile("plan.csv", b""), "The submitted file is empty."),
    ],
)
def test_unreadable_files_get_a_clear_message(commissioner_client, area, upload, message):
    response = _upload(commissioner_client, area, upload)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_board_member_cannot_import(board_member_client, commissioner, area):
    url = reverse("priorities:action_import", args=[area.pk])
    assert board_member_client.get(url).status_code == 403
    response = board_member_client.post(url, {"file": _csv(_good_rows(commissioner))})
    assert response.status_code == 403
    assert not Action.objects.exists()


def test_commissioner_not_leading_cannot_import(commissioner_client, commissioner):
    other = PriorityAreaFactory()
    url = reverse("priorities:action_import", args=[other.pk])
    assert commissioner_client.get(url).status_code == 403


def test_administrator_imports_anywhere(administrator_client, commissioner, area):
    _upload(administrator_client, area, _csv(_good_rows(commissioner)))
    _confirm(administrator_client, area)
    assert area.actions.count() == 2


def test_row_from_a_stale_export_is_refused(commissioner_client, commissioner, area):
    """Importing an old export must not silently undo an edit made since."""
    action = ActionFactory(priority_area=area, owner=commissioner, title="Before")
    exported = commissioner_client.get(
        reverse("priorities:priority_area_export_xlsx", args=[area.pk])
    ).content
    services.action_update(action=action, data={"title": "Edited since"}, expected_version=1)

    response = _upload(commissioner_client, area, SimpleUploadedFile("plan.xlsx", exported))
    assert response.status_code == 400
    errors = response.context["preview"].rows[0].errors
    assert errors == [
        f"Version: Action {action.pk} was changed by someone else after this file was exported "
        "(it is now at version 2, the file has 1): export the plan again and redo your "
        "changes there."
    ]
    action.refresh_from_db()
    assert action.title == "Edited since"


def test_owner_without_a_commissioning_role_is_refused(commissioner_client, commissioner, area):
    outsider = BoardMemberFactory(username="board-chair")
    rows = [["Something", "", outsider.username, "CWaC", "01/09/2026", "01/10/2026", ""]]
    response = _upload(commissioner_client, area, _csv(rows))
    assert (
        "“board-chair” is neither a commissioner nor an administrator, so cannot own actions."
        in response.content.decode()
    )


def test_two_rows_for_one_action_are_refused(commissioner_client, commissioner, area):
    action = ActionFactory(priority_area=area, owner=commissioner)
    header = ["Reference", "Title", "Owner", "Lead organisation", "Start date", "Due date"]
    row = [action.pk, "Twice", commissioner.username, "CWaC", "01/09/2026", "01/10/2026"]
    upload = SimpleUploadedFile(
        "plan.csv", "\n".join(",".join(map(str, r)) for r in (header, row, row)).encode()
    )
    response = _upload(commissioner_client, area, upload)
    errors = {r.number: r.errors for r in response.context["preview"].rows if r.errors}
    assert errors == {
        3: [f"Reference: action {action.pk} is already updated by row 2; keep one row per action."]
    }
