"""Actions in from XLSX or CSV: a preview, then all rows saved or none."""

import csv
import datetime
import html
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from core.tests.factories import BoardMemberFactory, CommissionerFactory
from priorities import services
from priorities.imports import Change
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
    page = html.unescape(preview.content.decode())  # as a person reads it: "O'Connor"
    assert preview.status_code == 200
    assert "The file can be imported: 2 new actions and 0 actions to update." in page
    assert "Owner: " + commissioner.get_full_name() in page
    assert "Start date: 1 September 2026" in page
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
        4: [
            "Owner: Unknown owner “nobody-by-this-name”: nobody active has this name, email "
            "address or username."
        ],
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
def test_export_imports_back_as_unchanged(commissioner_client, commissioner, area, fmt):
    """Titles the export guards against formulas ("'=...") come back as they were."""
    ActionFactory(
        priority_area=area,
        owner=commissioner,
        title="=Existing action",
        description="Two lines,\r\nas a browser posts them.",
    )
    exported = commissioner_client.get(
        reverse(f"priorities:priority_area_export_{fmt}", args=[area.pk])
    )
    preview = _upload(
        commissioner_client, area, SimpleUploadedFile(f"plan.{fmt}", exported.content)
    )
    assert preview.status_code == 200, preview.context["preview"].rows[0].errors
    page = preview.content.decode()
    assert "Nothing to import: every row matches the plan as it is." in page
    assert "1 row unchanged" in page
    assert "Updates action" not in page and 'name="confirm"' not in page
    action = area.actions.get()
    assert (action.title, action.version) == ("=Existing action", 1)


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
    header = ["Reference", "Version", "Title", "Owner", "Lead organisation", "Start date"]
    row = [action.pk, 1, "Twice", commissioner.username, "CWaC", "01/09/2026"]
    upload = SimpleUploadedFile(
        "plan.csv", "\n".join(",".join(map(str, r)) for r in (header, row, row)).encode()
    )
    response = _upload(commissioner_client, area, upload)
    errors = {r.number: r.errors for r in response.context["preview"].rows if r.errors}
    assert errors == {
        3: [f"Reference: action {action.pk} is already updated by row 2; keep one row per action."]
    }


PLAN_HEADER = ["Reference", "Version", "Title", "Owner", "Lead organisation", "Start date"]


def _csv_of(header: list[str], rows: list[list]) -> SimpleUploadedFile:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return SimpleUploadedFile("plan.csv", buffer.getvalue().encode("utf-8"))


def test_an_update_changes_only_the_columns_in_the_file(commissioner_client, commissioner, area):
    """A CSV without Status, Stage, Objective and Description columns reset all four."""
    objective = area.objectives.get()
    action = ActionFactory(
        priority_area=area,
        owner=commissioner,
        objective=objective,
        description="Work with schools on the graduated approach.",
        status=Action.Status.COMPLETE,
        stage="review",
        start_date=datetime.date(2026, 9, 1),
        due_date=datetime.date(2027, 3, 31),
    )
    header = [*PLAN_HEADER, "Due date"]
    row = [action.pk, 1, "Renamed", commissioner.username, action.lead_organisation.short_name]
    upload = _csv_of(header, [[*row, "01/09/2026", "31/03/2027"]])
    preview = _upload(commissioner_client, area, upload)
    assert preview.context["preview"].rows[0].changes == [
        Change(column="Title", old=action.title, new="Renamed")
    ]
    _confirm(commissioner_client, area)
    action.refresh_from_db()
    assert action.title == "Renamed"
    assert (action.status, action.stage, action.objective, action.description) == (
        Action.Status.COMPLETE,
        "review",
        objective,
        "Work with schools on the graduated approach.",
    )


def test_a_file_of_references_may_leave_out_the_columns_a_new_action_needs(
    commissioner_client, commissioner, area
):
    """A row with a Reference needs only the columns it changes; a new row says what it lacks."""
    action = ActionFactory(priority_area=area, owner=commissioner, status="not_started")
    upload = _csv_of(["Reference", "Version", "Status"], [[action.pk, 1, "Complete"], ["", 1, ""]])
    response = _upload(commissioner_client, area, upload)
    errors = {row.number: row.errors for row in response.context["preview"].rows if row.errors}
    assert errors == {
        3: [
            "Reference: a row without one adds a new action, which needs the columns Title, "
            "Owner, Lead organisation, Start date, Due date; the file lacks them."
        ]
    }
    response = _upload(
        commissioner_client,
        area,
        _csv_of(["Reference", "Version", "Status"], [[action.pk, 1, "Complete"]]),
    )
    assert "Status: Not started" in response.content.decode()
    _confirm(commissioner_client, area)
    action.refresh_from_db()
    assert action.status == Action.Status.COMPLETE


@pytest.mark.parametrize(
    ("header", "cells"),
    [(PLAN_HEADER[:1] + PLAN_HEADER[2:], []), (PLAN_HEADER, [""])],
    ids=["no-version-column", "blank-version"],
)
def test_an_update_without_its_version_is_refused(
    commissioner_client, commissioner, area, header, cells
):
    """A row updating an action without a Version overwrote whatever the action held."""
    action = ActionFactory(priority_area=area, owner=commissioner, title="Before")
    row = [action.pk, *cells, "From a hand-made file", commissioner.username]
    row += [action.lead_organisation.short_name, "01/09/2026"]
    response = _upload(commissioner_client, area, _csv_of(header, [row]))
    assert response.status_code == 400
    assert response.context["preview"].rows[0].errors == [
        f"Version: Give the version of action {action.pk} (the Version column of the plan's "
        "export), so that an edit made since the export is not overwritten."
    ]
    _confirm(commissioner_client, area)
    action.refresh_from_db()
    assert (action.title, action.version) == ("Before", 1)


def test_only_the_rows_that_differ_are_saved(commissioner_client, commissioner, area):
    """Changing one cell saved every row: each version bumped, each given an empty history."""
    colleague = CommissionerFactory(first_name="Priya", last_name="Shah")
    actions = [
        ActionFactory(
            priority_area=area,
            owner=commissioner,
            start_date=datetime.date(2026, 9, 1),
            due_date=datetime.date(2027, 3, 31),
        )
        for _ in range(13)
    ]
    exported = commissioner_client.get(
        reverse("priorities:priority_area_export_xlsx", args=[area.pk])
    ).content
    workbook = load_workbook(io.BytesIO(exported))
    sheet = workbook.active
    columns = {cell.value: cell.column for cell in sheet[1]}
    changed = actions[4]
    line = next(r for r in range(2, 15) if sheet.cell(r, columns["Reference"]).value == changed.pk)
    sheet.cell(line, columns["Due date"]).value = datetime.date(2026, 12, 1)
    sheet.cell(line, columns["Owner"]).value = "Priya Shah"
    edited = io.BytesIO()
    workbook.save(edited)

    preview = _upload(commissioner_client, area, SimpleUploadedFile("plan.xlsx", edited.getvalue()))
    page = preview.content.decode()
    assert "0 new actions and 1 action to update" in page
    assert "12 rows unchanged" in page
    assert page.count("Updates action") == 1
    assert f"Updates action {changed.pk}" in page
    assert [
        (c.column, c.old, c.new) for c in preview.context["preview"].rows[line - 2].changes
    ] == [
        ("Owner", commissioner.get_full_name(), "Priya Shah"),
        ("Due date", "31 March 2027", "1 December 2026"),
    ]
    assert "Import 1 row" in page

    response = _confirm(commissioner_client, area)
    assert response.status_code == 302
    changed.refresh_from_db()
    assert (changed.owner, changed.due_date, changed.version) == (
        colleague,
        datetime.date(2026, 12, 1),
        2,
    )
    assert changed.history.count() == 2
    others = Action.objects.exclude(pk=changed.pk)
    assert set(others.values_list("version", flat=True)) == {1}
    assert all(action.history.count() == 1 for action in others)


def test_owner_is_found_by_full_name_or_email(commissioner_client, commissioner, area):
    """The Owner column took only a username, which people do not know of each other."""
    by_name = CommissionerFactory(first_name="Priya", last_name="Shah")
    by_email = CommissionerFactory(email="Jo.Bloggs@halton.gov.uk")
    rows = [
        ["By name", "", "  priya   SHAH ", "CWaC", "01/09/2026", "01/10/2026", ""],
        ["By email", "", "jo.bloggs@HALTON.gov.uk", "CWaC", "01/09/2026", "01/10/2026", ""],
    ]
    preview = _upload(commissioner_client, area, _csv(rows))
    assert preview.status_code == 200
    _confirm(commissioner_client, area)
    owners = dict(area.actions.values_list("title", "owner"))
    assert owners == {"By name": by_name.pk, "By email": by_email.pk}


def test_owner_that_names_several_people_or_nobody_active_is_refused(
    commissioner_client, commissioner, area
):
    """An owner's name must pick one active person, or the row says why not."""
    CommissionerFactory(first_name="Sam", last_name="Jones")
    CommissionerFactory(first_name="Sam", last_name="Jones")
    CommissionerFactory(first_name="Left", last_name="Long Ago", is_active=False)
    rows = [
        ["Twice", "", "Sam Jones", "CWaC", "01/09/2026", "01/10/2026", ""],
        ["Gone", "", "Left Long Ago", "CWaC", "01/09/2026", "01/10/2026", ""],
    ]
    response = _upload(commissioner_client, area, _csv(rows))
    errors = {row.number: row.errors for row in response.context["preview"].rows}
    assert errors == {
        2: [
            "Owner: Several people are called “Sam Jones”: write the username of the one you "
            "mean, as the export does."
        ],
        3: [
            "Owner: Unknown owner “Left Long Ago”: nobody active has this name, email address "
            "or username."
        ],
    }
    assert not Action.objects.exists()


def test_an_unchanged_action_keeps_an_owner_who_has_left(commissioner_client, commissioner, area):
    """Re-importing an export must not fail on an action whose owner is no longer active."""
    former = CommissionerFactory(is_active=False)
    action = ActionFactory(priority_area=area, owner=former)
    exported = commissioner_client.get(
        reverse("priorities:priority_area_export_csv", args=[area.pk])
    ).content
    response = _upload(commissioner_client, area, SimpleUploadedFile("plan.csv", exported))
    assert response.status_code == 200
    assert response.context["preview"].unchanged_count == 1
    action.refresh_from_db()
    assert action.version == 1


def test_instructions_name_the_owner_in_peoples_words(commissioner_client, area):
    """The page asked for "Owner (a username)"."""
    page = commissioner_client.get(reverse("priorities:action_import", args=[area.pk]))
    text = page.content.decode()
    assert "<strong>Owner</strong>: full name or email" in text
    assert "a username" not in text


def test_a_row_from_a_stale_export_that_changes_nothing_is_left_alone(
    commissioner_client, commissioner, area
):
    """A stale Version refuses a row only where saving it would overwrite something."""
    action = ActionFactory(priority_area=area, owner=commissioner, status="in_progress")
    services.action_update(action=action, data={"status": "complete"}, expected_version=1)
    upload = _csv_of(["Reference", "Version", "Title"], [[action.pk, 1, action.title]])
    response = _upload(commissioner_client, area, upload)
    assert response.status_code == 200
    assert "1 row unchanged" in response.content.decode()
    action.refresh_from_db()
    assert (action.status, action.version) == ("complete", 2)


def test_the_preview_asks_the_same_queries_for_ten_times_the_rows(
    commissioner_client, commissioner, area
):
    """Each owner, organisation and objective is looked up once, however many rows name it."""
    actions = [ActionFactory(priority_area=area, owner=commissioner) for _ in range(20)]

    def preview_queries(count: int) -> int:
        rows = [
            [a.pk, 1, f"Renamed {a.pk}", commissioner.get_full_name(), "CWaC", "01/09/2026"]
            for a in actions[:count]
        ]
        with CaptureQueriesContext(connection) as queries:
            response = _upload(commissioner_client, area, _csv_of(PLAN_HEADER, rows))
        assert response.context["preview"].update_count == count
        return len(queries)

    assert preview_queries(20) == preview_queries(2)


def test_a_reference_to_another_prioritys_action_is_refused(
    commissioner_client, commissioner, area
):
    """A Reference must name an action of this priority; huge or odd ones are refused, not 500."""
    elsewhere = ActionFactory(owner=commissioner)
    rows = [
        [r, 1, "Moved here", commissioner.username, "CWaC", "01/09/2026"]
        for r in (elsewhere.pk, "9" * 30, "²")
    ]
    response = _upload(commissioner_client, area, _csv_of(PLAN_HEADER, rows))
    assert response.status_code == 400
    errors = [row.errors for row in response.context["preview"].rows]
    assert errors == [
        [f"Reference: {ref} is not an action of this priority: leave it empty to add a new action."]
        for ref in (elsewhere.pk, "9" * 30, "²")
    ]
    elsewhere.refresh_from_db()
    assert elsewhere.title != "Moved here"
