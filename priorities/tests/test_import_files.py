"""Files in within bounds: a workbook checked before openpyxl opens it and read a row at a time;
CSV files in the encodings and line endings Excel saves; a clear message for what cannot be
read, never a 500."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from priorities import import_files
from priorities.import_files import MAX_ROWS
from priorities.tests.factories import OrganisationFactory, PriorityAreaFactory
from priorities.tests.workbooks import understate_size, write_workbook

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 60
HEADER = "Title,Description,Owner,Lead organisation,Start date,Due date"


@pytest.fixture
def area(commissioner):
    OrganisationFactory(short_name="CWaC")
    return PriorityAreaFactory(lead_commissioners=[commissioner], title="SEND")


@pytest.fixture
def rows_read(monkeypatch) -> list[int]:
    """How many rows openpyxl has handed out of a sheet, and whether it opened a workbook."""
    read = [0]
    iter_rows = ReadOnlyWorksheet.iter_rows

    def counting(self, *args, **kwargs):
        for row in iter_rows(self, *args, **kwargs):
            read[0] += 1
            yield row

    monkeypatch.setattr(ReadOnlyWorksheet, "iter_rows", counting)
    return read


@pytest.fixture
def opened(monkeypatch) -> list[str]:
    """The workbooks openpyxl was asked to open."""
    calls: list[str] = []
    load_workbook = import_files.load_workbook

    def spy(file, **kwargs):
        calls.append(file.name)
        return load_workbook(file, **kwargs)

    monkeypatch.setattr(import_files, "load_workbook", spy)
    return calls


def _workbook(**kwargs) -> bytes:
    buffer = io.BytesIO()
    write_workbook(buffer, **kwargs)
    return buffer.getvalue()


def _upload(client, area, name: str, content: bytes):
    url = reverse("priorities:action_import", args=[area.pk])
    return client.post(url, {"file": SimpleUploadedFile(name, content)})


def _message(response) -> str:
    return " ".join(response.context["form"].errors["file"])


def test_reading_a_workbook_stops_after_the_row_limit(commissioner_client, area, rows_read, opened):
    """A workbook of 2,000,000 rows was read whole (68 s) before the 1,000-row limit was checked."""
    response = _upload(commissioner_client, area, "plan.xlsx", _workbook(rows=5000))
    assert response.status_code == 400
    assert _message(response) == (
        f"The file has more than {MAX_ROWS:,} actions; import at most {MAX_ROWS:,} at once."
    )
    assert opened == ["plan.xlsx"]
    assert rows_read == [1 + MAX_ROWS + 1]  # the header, the limit, and one row more


@pytest.mark.parametrize(
    ("workbook", "message"),
    [
        (
            {"rows": 2_000_000},
            "This Excel file unpacks to 49.6 MB; a workbook to import may unpack to at most "
            "6.0 MB.",
        ),
        (
            {"shared_strings": 300_000},
            "This Excel file's table of texts (shared strings) unpacks to 4.9 MB; at most "
            "4.0 MB can be imported.",
        ),
        (
            {"shared_strings": import_files.XLSX_MAX_SHARED_STRINGS + 1},
            "This Excel file holds more than 20,000 different texts;",
        ),
        (
            {"styles": import_files.XLSX_MAX_OTHER_ELEMENTS},
            "This Excel file holds too many styles, names or other settings to be imported;",
        ),
        ({"extra_members": 94}, "This Excel file holds 101 parts; a workbook to import may hold"),
        (
            {"rows": 60_000},
            "A sheet of this Excel file unpacks to 1.5 MB and does not state its size, as a "
            "sheet over 1.0 MB must:",
        ),
    ],
    ids=[
        "two-million-rows",
        "large-shared-strings",
        "many-shared-strings",
        "styles",
        "parts",
        "unsized-sheet",
    ],
)
def test_a_hostile_workbook_is_refused_before_it_is_opened(
    commissioner_client, area, rows_read, opened, workbook, message
):
    """An 827 KB workbook whose shared strings held 20 million entries took 114 s and 2 GB."""
    response = _upload(commissioner_client, area, "plan.xlsx", _workbook(**workbook))
    assert response.status_code == 400
    assert message in _message(response)
    assert (opened, rows_read) == ([], [0])


@pytest.mark.parametrize(
    ("content", "refused"),
    [(b"<x>" + b"<y/>" * import_files.XLSX_MAX_OTHER_ELEMENTS + b"</x>", True), (PNG, False)],
    ids=["xml-named-as-an-image", "an-image"],
)
def test_every_part_that_reads_as_xml_is_counted(commissioner_client, area, content, refused):
    """openpyxl finds parts by their relationships, whatever their names say."""
    buffer = io.BytesIO(_workbook(rows=3, dimension=True))
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("xl/media/image1.png", content)
    response = _upload(commissioner_client, area, "plan.xlsx", buffer.getvalue())
    assert ("too many styles, names or other settings" in _message(response)) is refused


def test_a_sheet_read_as_a_chartsheet_is_counted(commissioner_client, area, opened):
    """A relationship may make openpyxl read a worksheet's part as a chartsheet, whole."""
    source = zipfile.ZipFile(io.BytesIO(_workbook(rows=6000, dimension=True)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for member in source.infolist():
            content = source.read(member)
            if member.filename == "xl/_rels/workbook.xml.rels":
                content = content.replace(b"/worksheet", b"/chartsheet")
            archive.writestr(member, content)
    response = _upload(commissioner_client, area, "plan.xlsx", buffer.getvalue())
    assert "too many styles, names or other settings" in _message(response)
    assert opened == []


def test_a_zip_that_understates_its_size_is_refused(commissioner_client, area, rows_read):
    """A zip bomb declares a small size; nothing past that size is ever unpacked."""
    bomb = understate_size(_workbook(rows=200_000), "xl/worksheets/sheet1.xml", 2_000)
    response = _upload(commissioner_client, area, "plan.xlsx", bomb)
    assert response.status_code == 400
    assert _message(response) == "This is not a readable Excel (.xlsx) file."
    assert rows_read == [0]


def test_a_workbook_within_the_bounds_is_read(commissioner_client, area):
    """The bounds leave room for a workbook as the export writes it."""
    workbook = _workbook(
        rows=MAX_ROWS + 1,
        dimension=True,
        shared_strings=import_files.XLSX_MAX_SHARED_STRINGS,
        styles=import_files.XLSX_MAX_OTHER_ELEMENTS // 2,
    )
    response = _upload(commissioner_client, area, "plan.xlsx", workbook)
    # Read to the end: its one column is not a plan's.
    assert "The header row lacks these columns: Owner, Lead organisation" in _message(response)


def test_a_csv_cell_over_the_limit_names_its_row_and_column(commissioner_client, area):
    """A CSV cell over 131,072 characters answered 500 (field larger than field limit)."""
    content = f'{HEADER}\nA title,"{"x" * 140_000}",sam,CWaC,01/09/2026,01/10/2026\n'
    response = _upload(commissioner_client, area, "plan.csv", content.encode())
    assert response.status_code == 400
    assert _message(response) == (
        "Row 2, column B (Description): the cell holds 140,000 characters; a cell may hold "
        "at most 32,767."
    )


def test_a_csv_with_mac_line_endings_is_read(commissioner_client, commissioner, area):
    """Excel's "CSV (Macintosh)", whose lines end in CR alone, answered 500."""
    lines = [
        HEADER,
        f'First,"Two lines:\rthe second",{commissioner.username},CWaC,01/09/2026,01/10/2026',
        f"Second,,{commissioner.username},CWaC,01/09/2026,01/10/2026",
    ]
    response = _upload(commissioner_client, area, "plan.csv", "\r".join(lines).encode())
    assert response.status_code == 200
    commissioner_client.post(reverse("priorities:action_import", args=[area.pk]), {"confirm": "1"})
    assert dict(area.actions.values_list("title", "description")) == {
        "First": "Two lines:\nthe second",
        "Second": "",
    }


@pytest.mark.parametrize(
    ("encoding", "ending", "read_as"),
    [("cp1252", "\r\n", "Windows-1252"), ("mac_roman", "\r", "Mac Roman")],
)
def test_a_csv_saved_by_excel_in_a_legacy_encoding_is_read(
    commissioner_client, commissioner, area, encoding, ending, read_as
):
    """A CSV that Excel saved as Windows-1252 (or Mac Roman) was refused for not being UTF-8."""
    title = "Café “drop-in” – years 5–6"
    row = f"{title},,{commissioner.username},CWaC,01/09/2026,01/10/2026"
    response = _upload(
        commissioner_client, area, "plan.csv", ending.join([HEADER, row]).encode(encoding)
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert title in page
    assert f"The file is not UTF-8, so it was read as {read_as}" in page


def test_a_csv_in_utf_16_is_read_without_a_note(commissioner_client, commissioner, area):
    """Excel's "Unicode" text starts with a byte-order mark and reads as it is."""
    row = f"Café,,{commissioner.username},CWaC,01/09/2026,01/10/2026"
    content = "\r\n".join([HEADER, row]).encode("utf-16")
    response = _upload(commissioner_client, area, "plan.csv", content)
    assert response.status_code == 200
    assert response.context["preview"].note == ""
    assert response.context["preview"].rows[0].values["title"] == "Café"


def test_a_csv_in_no_encoding_it_can_read_says_so(commissioner_client, area):
    """Bytes that are neither UTF-8 nor Windows-1252 get a message, not a 500."""
    content = HEADER.encode() + b"\n\x81\x8d,,sam,CWaC,01/09/2026,01/10/2026\n"
    response = _upload(commissioner_client, area, "plan.csv", content)
    assert response.status_code == 400
    assert _message(response) == (
        "This CSV file is not UTF-8 text: save it as “CSV UTF-8” and try again."
    )


# Each entity is ten of the one before: the last expands to 10^8 "lol"s.
BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">'
    + b"".join(b'<!ENTITY lol%d "%s">' % (n, b"&lol%d;" % (n - 1) * 10) for n in range(1, 9))
    + b"]><x>&lol8;</x>"
)


def test_a_part_that_declares_entities_is_refused_unread(commissioner_client, area, opened):
    """An XML part could declare nested entities that expand to gigabytes (a "billion laughs")."""
    buffer = io.BytesIO(_workbook(rows=3, dimension=True))
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("xl/media/image1.png", BOMB)
    response = _upload(commissioner_client, area, "plan.xlsx", buffer.getvalue())
    assert response.status_code == 400
    assert "declares XML entities" in _message(response)
    assert opened == []
