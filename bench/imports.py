"""Benchmark (not a test): time the action-plan import on hostile and on largest-allowed XLSX.

    .venv/bin/python bench/imports.py [--repeat 3]

Builds, streaming the XML into the zip (never through openpyxl), the two files of the issue:
a workbook of 2,000,000 one-cell rows and one whose shared strings hold 20,000,000 entries.
Then it times `read_table` refusing each, and reading the largest workbooks the bounds let
through (the row limit reached in a longer sheet; as many shared strings as allowed; the
largest sheet, with and without a stated dimension), and prints the median of each.
Needs no database.
"""

import argparse
import io
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

import django

django.setup()

from django.core.files.uploadedfile import SimpleUploadedFile

from priorities import import_files
from priorities.imports import ImportFileError, read_table
from priorities.tests.workbooks import write_workbook

# Rows of one number take 26 bytes each unpacked: the largest sheets the bounds let through.
ROWS_IN = {
    "dimension": (import_files.XLSX_MAX_UNPACKED_BYTES - 64 * 1024) // 26,
    "none": (import_files.XLSX_MAX_UNSIZED_SHEET_BYTES - 1024) // 26,
}
MOST_STRINGS = import_files.XLSX_MAX_SHARED_STRINGS

CASES = [
    ("2,000,000 one-cell rows", {"rows": 2_000_000}),
    ("20,000,000 shared strings", {"shared_strings": 20_000_000}),
    ("5,000 rows (stops at the row limit)", {"rows": 5_000}),
    (f"{MOST_STRINGS:,} shared strings (the most allowed)", {"shared_strings": MOST_STRINGS}),
    (
        f"{ROWS_IN['dimension']:,} rows stating their dimension (the largest sheet allowed)",
        {"rows": ROWS_IN["dimension"], "dimension": True},
    ),
    (
        f"{ROWS_IN['none']:,} rows, no dimension (the largest such sheet allowed)",
        {"rows": ROWS_IN["none"]},
    ),
]


def _time(content: bytes) -> tuple[float, str]:
    started = time.perf_counter()
    try:
        table = read_table(SimpleUploadedFile("plan.xlsx", content))
        outcome = f"read {len(table.rows)} rows"
    except ImportFileError as error:
        outcome = str(error)
    return time.perf_counter() - started, outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for label, shape in CASES:
        buffer = io.BytesIO()
        started = time.perf_counter()
        write_workbook(buffer, **shape)
        built = time.perf_counter() - started
        content = buffer.getvalue()
        runs = [_time(content) for _ in range(args.repeat)]
        median = statistics.median(seconds for seconds, _ in runs)
        print(f"{label}: {len(content) / 1024:,.0f} KB (built in {built:.1f} s)")
        print(f"    {median * 1000:,.2f} ms: {runs[0][1]}")


if __name__ == "__main__":
    main()
