"""Spreadsheets in: the rows of an uploaded XLSX or CSV file, read within fixed bounds.

An upload is at most 2 MB, but a small XLSX can unpack to gigabytes or to millions of rows,
and openpyxl reads some parts whole when it opens a workbook. So before openpyxl sees a
workbook its zip is checked (members, unpacked sizes, the number of shared strings and of the
elements openpyxl parses into objects), and every file is read a row at a time, stopping at
the row limit. Every refusal says why, in words a person can act on.
"""

import codecs
import contextlib
import csv
import datetime
import io
import posixpath
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from xml.parsers import expat

from defusedxml import DefusedXmlException, ElementTree
from django.core.files.uploadedfile import UploadedFile
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.xml.constants import ARC_CONTENT_TYPES, SHARED_STRINGS, WORKSHEET_TYPE

MAX_ROWS = 1000  # rows of data, after the header
MAX_SHEET_ROWS = 10_000  # rows of the sheet read, blank ones included
MAX_COLUMNS = 100
MAX_CELL_CHARS = 32_767  # as in Excel
MAX_UPLOAD_BYTES = 2 * 1024 * 1024

XLSX_MAX_MEMBERS = 100
XLSX_MAX_UNPACKED_BYTES = 6 * 1024 * 1024
XLSX_MAX_SHARED_STRINGS_BYTES = 4 * 1024 * 1024
# openpyxl turns each shared string, style and the like into an object as it opens the
# workbook (some 20 to 50 microseconds each), so their number bounds the time it takes.
XLSX_MAX_SHARED_STRINGS = 20_000
XLSX_MAX_OTHER_ELEMENTS = 10_000
# openpyxl reads a sheet that does not state its dimension whole when it opens the workbook
# (some 0.4 s a megabyte); Excel, LibreOffice and openpyxl always state it.
XLSX_MAX_UNSIZED_SHEET_BYTES = 1024 * 1024

_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_SHARED_STRING_TAG = f"{_MAIN_NS} si"
_RELATIONSHIP_TAG = "http://schemas.openxmlformats.org/package/2006/relationships Relationship"
_CONTENT_TYPES_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"


class ImportFileError(Exception):
    """The file cannot be read as a table; the message says why."""


@dataclass
class Sheet:
    """The non-blank rows of a file as text, each with its row number in the file; the first
    is the header row."""

    rows: list[tuple[int, list[str]]]
    note: str = ""  # how the file was read, where a person should check it (its encoding)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    # Line breaks inside a cell as "\n", however the file's program wrote them.
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


# XLSX


class _Stop(Exception):
    """Raised by a scan's handler: it has seen enough."""


UNREADABLE_XML = (
    KeyError,
    ElementTree.ParseError,
    DefusedXmlException,
    zipfile.BadZipFile,
    OSError,
)


def _refuse_entities(*args) -> None:
    raise ImportFileError("This is not a readable Excel (.xlsx) file: it declares XML entities.")


def _scan(archive: zipfile.ZipFile, name: str, start: Callable[[str, Any], None]) -> None:
    """Parse a part with expat, calling `start(tag, attributes)` on each element ("namespace
    name" tags) until it raises _Stop; nothing is kept."""
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = start
    # Excel never declares entities: one that does may be an entity bomb (as defusedxml refuses).
    parser.EntityDeclHandler = _refuse_entities
    parser.UnparsedEntityDeclHandler = _refuse_entities
    parser.ExternalEntityRefHandler = _refuse_entities
    try:
        with archive.open(name) as part:
            parser.ParseFile(part)
    except _Stop:
        pass
    except (expat.ExpatError, zipfile.BadZipFile, OSError, EOFError) as error:
        raise ImportFileError("This is not a readable Excel (.xlsx) file.") from error


def _count_elements(archive: zipfile.ZipFile, name: str, *, tag: str | None, limit: int) -> int:
    """How many elements (or only `tag` elements) the part holds, stopping past `limit`."""
    count = 0

    def start(element_tag: str, _attributes: Any) -> None:
        nonlocal count
        if tag is None or element_tag == tag:
            count += 1
            if count > limit:
                raise _Stop

    _scan(archive, name, start)
    return count


def _states_dimension(archive: zipfile.ZipFile, name: str) -> bool:
    """Whether the worksheet states its dimension before its rows, where openpyxl looks."""
    first = ""

    def start(element_tag: str, _attributes: Any) -> None:
        nonlocal first
        if element_tag in (f"{_MAIN_NS} dimension", f"{_MAIN_NS} sheetData"):
            first = element_tag
            raise _Stop

    _scan(archive, name, start)
    return first == f"{_MAIN_NS} dimension"


def _is_xml(archive: zipfile.ZipFile, name: str) -> bool:
    """Whether a part reads as XML, whatever its name: openpyxl finds parts by relationships,
    not by extension. Images and other binary parts never start so."""
    try:
        with archive.open(name) as part:
            start = part.read(64).lstrip(b" \t\r\n")
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise ImportFileError("This is not a readable Excel (.xlsx) file.") from error
    return start.startswith(
        (b"<", b"\x00<", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    )


def _reached_as_other_than_a_worksheet(archive: zipfile.ZipFile, names: Iterable[str]) -> set[str]:
    """The parts that some relationship targets with a type other than worksheet, their paths
    resolved as openpyxl resolves them."""
    targets: set[str] = set()
    for name in names:
        if not name.endswith(".rels"):
            continue
        parent = posixpath.split(posixpath.dirname(name))[0]

        def start(tag: str, attributes: dict[str, str], parent: str = parent) -> None:
            if tag != _RELATIONSHIP_TAG or attributes.get("TargetMode") == "External":
                return
            if attributes.get("Type", "").endswith("/worksheet"):
                return
            target = attributes.get("Target", "")
            if target.startswith("/"):
                targets.add(target[1:])
            else:
                targets.add(posixpath.normpath(posixpath.join(parent, target)))

        _scan(archive, name, start)
    return targets


def _content_types(archive: zipfile.ZipFile) -> dict[str, set[str]]:
    """Each part named in [Content_Types].xml (without its leading "/") and its types."""
    try:
        root = ElementTree.fromstring(archive.read(ARC_CONTENT_TYPES))
    except UNREADABLE_XML as error:
        raise ImportFileError("This is not a readable Excel (.xlsx) file.") from error
    types: dict[str, set[str]] = {}
    for override in root.iter(f"{_CONTENT_TYPES_NS}Override"):
        name = override.get("PartName", "").lstrip("/")
        types.setdefault(name, set()).add(override.get("ContentType", ""))
    return types


_TOO_MANY_SETTINGS = (
    "This Excel file holds too many styles, names or other settings to be imported; copy the "
    "action plan's sheet into a new workbook and import that."
)


def _check_sizes(members: list[zipfile.ZipInfo]) -> None:
    if len(members) > XLSX_MAX_MEMBERS:
        raise ImportFileError(
            f"This Excel file holds {len(members):,} parts; a workbook to import may hold at "
            f"most {XLSX_MAX_MEMBERS}. Copy the action plan's sheet into a new workbook and "
            "import that."
        )
    # zipfile never unpacks a member beyond the size its directory declares (it fails the CRC
    # check instead), so the declared sizes bound what openpyxl can be made to read.
    unpacked = sum(member.file_size for member in members)
    if unpacked > XLSX_MAX_UNPACKED_BYTES:
        raise ImportFileError(
            f"This Excel file unpacks to {_megabytes(unpacked)}; a workbook to import may "
            f"unpack to at most {_megabytes(XLSX_MAX_UNPACKED_BYTES)}. Copy the action plan's "
            "sheet into a new workbook, or save it as CSV, and import that."
        )


def _check_shared_strings(archive: zipfile.ZipFile, name: str, size: int) -> None:
    if size > XLSX_MAX_SHARED_STRINGS_BYTES:
        raise ImportFileError(
            f"This Excel file's table of texts (shared strings) unpacks to {_megabytes(size)}; "
            f"at most {_megabytes(XLSX_MAX_SHARED_STRINGS_BYTES)} can be imported."
        )
    strings = _count_elements(archive, name, tag=_SHARED_STRING_TAG, limit=XLSX_MAX_SHARED_STRINGS)
    if strings > XLSX_MAX_SHARED_STRINGS:
        raise ImportFileError(
            f"This Excel file holds more than {XLSX_MAX_SHARED_STRINGS:,} different texts; copy "
            "the action plan's sheet into a new workbook and import that."
        )


def _check_worksheet(archive: zipfile.ZipFile, name: str, size: int) -> None:
    if size > XLSX_MAX_UNSIZED_SHEET_BYTES and not _states_dimension(archive, name):
        raise ImportFileError(
            f"A sheet of this Excel file unpacks to {_megabytes(size)} and does not state its "
            f"size, as a sheet over {_megabytes(XLSX_MAX_UNSIZED_SHEET_BYTES)} must: open it in "
            "Excel and save it again, or save it as CSV, and import that."
        )


def check_xlsx(file: Any) -> None:
    """Refuse, before openpyxl opens it, a workbook that would take too long or too much
    memory to open: not a zip, too many parts, too large unpacked, too many shared strings
    or other elements, a large sheet that does not state its size. Reads the zip's directory
    and scans parts with expat, stopping at each bound; keeps nothing."""
    try:
        archive = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise ImportFileError("This is not a readable Excel (.xlsx) file.") from error
    with archive:
        members = archive.infolist()
        _check_sizes(members)
        sizes = {member.filename: member.file_size for member in members}
        # Worksheets are read a row at a time; every other part openpyxl reads whole, into
        # objects, so their elements share one budget. The list of parts comes first.
        budget = XLSX_MAX_OTHER_ELEMENTS
        if ARC_CONTENT_TYPES in sizes:
            budget -= _count_elements(archive, ARC_CONTENT_TYPES, tag=None, limit=budget)
        if budget < 0:
            raise ImportFileError(_TOO_MANY_SETTINGS)
        types = _content_types(archive)
        shared = {name for name, kinds in types.items() if SHARED_STRINGS in kinds}
        for name in shared:
            _check_shared_strings(archive, name, sizes.get(name, 0))
        sheets = {
            name
            for name in sizes
            if types.get(name) == {WORKSHEET_TYPE} and name.startswith("xl/worksheets/")
        }
        for name in sizes.keys() - sheets - shared - {ARC_CONTENT_TYPES}:
            if _is_xml(archive, name):
                budget -= _count_elements(archive, name, tag=None, limit=budget)
                if budget < 0:
                    raise ImportFileError(_TOO_MANY_SETTINGS)
        # A "sheet" that a relationship reaches as something else (a chartsheet is read whole,
        # into objects) counts as one of the other parts.
        for name in sorted(sheets & _reached_as_other_than_a_worksheet(archive, sizes)):
            budget -= _count_elements(archive, name, tag=None, limit=budget)
            if budget < 0:
                raise ImportFileError(_TOO_MANY_SETTINGS)
            sheets.discard(name)
        for name in sheets:
            _check_worksheet(archive, name, sizes[name])


def _xlsx_rows(upload: UploadedFile) -> Iterator[list[str]]:
    check_xlsx(upload)
    upload.seek(0)
    try:
        # Read-only: rows are parsed as they are asked for, so reading stops at the limit.
        workbook = load_workbook(upload, read_only=True, data_only=True, keep_links=False)
    except Exception as error:  # openpyxl raises many kinds on a malformed file
        raise ImportFileError("This is not a readable Excel (.xlsx) file.") from error
    try:
        sheet = workbook.active
        if sheet is None or not hasattr(sheet, "reset_dimensions"):
            raise ImportFileError("The workbook's first sheet is not a table of rows.")
        # The dimension a file states may be wrong; read the rows that are there.
        sheet.reset_dimensions()
        rows = sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True)
        while True:
            try:
                values = next(rows)
            except StopIteration:
                return
            except Exception as error:  # a malformed sheet, found as it is read
                raise ImportFileError("This is not a readable Excel (.xlsx) file.") from error
            yield [_text(value) for value in values]
    finally:
        workbook.close()


# CSV


def _decode(data: bytes, *, utf8_only: bool = False) -> tuple[str, str]:
    """The file's text and, if it was not UTF-8, a note of how it was read (or, `utf8_only`,
    a refusal: files that programs write, such as national statistics, are always UTF-8)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), ""
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError as error:
        if utf8_only:
            raise ImportFileError(
                "This file is not UTF-8 text: upload the CSV file as it was downloaded."
            ) from error
    # Excel saves "CSV (Macintosh)" in Mac Roman with CR line endings, and "CSV" on Windows
    # in Windows-1252.
    if b"\r" in data and b"\n" not in data:
        encoding, name = "mac_roman", "Mac Roman (Excel's “CSV (Macintosh)”)"
    else:
        encoding, name = "cp1252", "Windows-1252 (Excel's “CSV” on Windows)"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise ImportFileError(
            "This CSV file is not UTF-8 text: save it as “CSV UTF-8” and try again."
        ) from error
    return text, (
        f"The file is not UTF-8, so it was read as {name} text: check accented letters and "
        "quotation marks below, and if they look wrong, save the file as “CSV UTF-8”."
    )


def _csv_rows(text: str) -> Iterator[list[str]]:
    # csv's limit on a cell (131,072 characters) is process-wide; raising it only lets other
    # readers accept more. No cell of an upload can be longer than the upload.
    if csv.field_size_limit() < MAX_UPLOAD_BYTES:
        csv.field_size_limit(MAX_UPLOAD_BYTES)
    # newline="" lets csv split lines ending \r\n, \n or \r alone (Excel's "CSV (Macintosh)")
    # and keeps line breaks inside quoted cells.
    reader = csv.reader(io.StringIO(text, newline=""))
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise ImportFileError(
                f"Line {reader.line_num} of the CSV file cannot be read ({error})."
            ) from error
        yield [_text(cell) for cell in cells]


# Both


def _column_label(header: list[str], index: int) -> str:
    name = header[index] if index < len(header) else ""
    return f"{get_column_letter(index + 1)} ({name})" if name else get_column_letter(index + 1)


def _bounded(
    rows: Iterable[list[str]], *, max_rows: int, max_sheet_rows: int, what: str
) -> list[tuple[int, list[str]]]:
    """The non-blank rows, numbered; stops at `max_rows` rows of data after the header."""
    kept: list[tuple[int, list[str]]] = []
    for number, cells in enumerate(rows, start=1):
        if number > max_sheet_rows:
            raise ImportFileError(
                f"The file goes on past row {max_sheet_rows:,}: import at most {max_rows:,} "
                f"{what} at once, and delete any empty rows below them."
            )
        if not any(cells):
            continue
        for index, cell in enumerate(cells):
            if len(cell) > MAX_CELL_CHARS:
                header = kept[0][1] if kept else []
                raise ImportFileError(
                    f"Row {number}, column {_column_label(header, index)}: the cell holds "
                    f"{len(cell):,} characters; a cell may hold at most {MAX_CELL_CHARS:,}."
                )
        kept.append((number, cells))
        if len(kept) > max_rows + 1:
            raise ImportFileError(
                f"The file has more than {max_rows:,} {what}; import at most {max_rows:,} at once."
            )
    return kept


def read_sheet(
    upload: UploadedFile,
    *,
    max_rows: int = MAX_ROWS,
    max_sheet_rows: int = MAX_SHEET_ROWS,
    what: str = "actions",
    utf8_only: bool = False,
) -> Sheet:
    """The rows of an uploaded .xlsx (its first sheet) or .csv file, read up to the limits;
    `what` names the rows in the messages of a file that goes past them."""
    bounds = {"max_rows": max_rows, "max_sheet_rows": max_sheet_rows, "what": what}
    if upload.name.lower().endswith(".xlsx"):
        # Closed at once when reading stops early, which closes the workbook.
        with contextlib.closing(_xlsx_rows(upload)) as rows:
            return Sheet(rows=_bounded(rows, **bounds))
    text, note = _decode(upload.read(), utf8_only=utf8_only)
    return Sheet(rows=_bounded(_csv_rows(text), **bounds), note=note)
