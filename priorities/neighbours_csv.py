"""A statistical neighbours list from an administrator's CSV: columns `name` and, optionally,
`area_code`, under a header row; read whole or refused whole, saying why row by row."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

# The CSV reading of the action plan imports: its decoding (UTF-8, else Excel's encodings,
# with a note) and its row reader.
from priorities.import_files import ImportFileError, _csv_rows, _decode
from priorities.models import Comparator, StatisticalNeighbour

MAX_BYTES = 1024 * 1024
MAX_ROWS = 200
COLUMNS = ("name", "area_code")


@dataclass
class NeighbourFile:
    """What a file came to: the neighbours to save, in order, or the errors that refuse it."""

    neighbours: list[StatisticalNeighbour] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    note: str = ""


def _refused(message: str) -> NeighbourFile:
    return NeighbourFile(errors=[message])


def read_neighbours(upload: UploadedFile, *, comparator: Comparator) -> NeighbourFile:
    """The neighbours an uploaded CSV names, checked as the model checks them; any error in
    the file refuses it whole."""
    if upload.size > MAX_BYTES:
        return _refused(
            f"The file is {upload.size / (1024 * 1024):.1f} MB; a neighbours list may be at most "
            "1 MB."
        )
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        return _refused("The file is larger than 1 MB; a neighbours list may be at most 1 MB.")
    if b"\x00" in data:
        return _refused("This is not a CSV file: save the list as “CSV UTF-8” and try again.")
    try:
        text, note = _decode(data)
        rows = [cells for cells in _csv_rows(text) if any(cells)]
    except ImportFileError as error:
        return _refused(str(error))
    if not rows:
        return _refused(
            "The file is empty: it needs a header row (name, area_code) and a row per authority."
        )
    header = [cell.strip().lower().replace(" ", "_") for cell in rows[0]]
    if "name" not in header:
        return _refused(
            "The first row must be the header, naming the columns: name, and optionally area_code."
        )
    unknown = [cell for cell in header if cell not in COLUMNS]
    if unknown:
        return _refused(
            f"Unknown column{'s' if len(unknown) > 1 else ''}: {', '.join(unknown)}. The "
            "columns are name and, optionally, area_code."
        )
    body = rows[1:]
    if not body:
        return _refused("The file has a header but no authorities.")
    if len(body) > MAX_ROWS:
        return _refused(
            f"The file names {len(body):,} authorities; a neighbours list may name at most "
            f"{MAX_ROWS}."
        )
    result = NeighbourFile(note=note)
    seen: dict[str, int] = {}
    for order, cells in enumerate(body, start=1):
        number = order + 1  # the row's number in the file, the header being row 1
        values = dict(zip(header, cells, strict=False))
        neighbour = StatisticalNeighbour(
            comparator=comparator,
            name=values.get("name", "").strip(),
            area_code=values.get("area_code", "").strip(),
            order=order,
        )
        if len(cells) > len(header):
            result.errors.append(f"Row {number}: more cells than the header has columns.")
            continue
        try:
            # Against the list held is no check: the file replaces it.
            neighbour.full_clean(exclude=["comparator"], validate_constraints=False)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                result.errors.extend(f"Row {number}, {name}: {message}" for message in messages)
            continue
        key = neighbour.name.casefold()
        if key in seen:
            result.errors.append(
                f"Row {number}: {neighbour.name} is named already, in row {seen[key]}."
            )
            continue
        seen[key] = number
        result.neighbours.append(neighbour)
    if result.errors:
        result.neighbours = []
    return result
