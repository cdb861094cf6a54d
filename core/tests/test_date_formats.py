"""Dates read one way across the site: GOV.UK's "1 December 2026", "1 Dec 2026" in tables."""

import datetime
import re
from pathlib import Path

from django.conf import settings
from django.template import Context, Template
from django.utils import formats

ROOT = Path(settings.BASE_DIR)
# Formats a template may spell out: the month alone, and a meeting's day of the week. Every
# other date is written through one of the named formats (config/formats/en_GB/formats.py).
NAMED = {"DATE_FORMAT", "SHORT_DATE_FORMAT", "DATETIME_FORMAT", "SHORT_DATETIME_FORMAT"}
ALLOWED_LITERALS = {"F Y", "l j F Y", "l j F Y, H:i"}


def _templates() -> list[Path]:
    return [
        path
        for path in ROOT.rglob("*.html")
        if ".venv" not in path.parts and "node_modules" not in path.parts
    ]


def test_templates_write_dates_in_the_named_formats_only():
    """Dates appeared as 1 Dec 2026, 01/12/2026 and 1 December 2026 on different pages."""
    spelled_out = []
    for path in _templates():
        for match in re.finditer(r'\|date:"([^"]*)"', path.read_text(encoding="utf-8")):
            if match.group(1) not in NAMED | ALLOWED_LITERALS:
                spelled_out.append(f"{path.relative_to(ROOT)}: {match.group(0)}")
    assert not spelled_out, spelled_out


def test_the_named_formats_are_govuk_style():
    """Django's en_GB formats (1 Dec 2026, 01/12/2026) came before the DATE_FORMAT settings."""
    day = datetime.date(2026, 12, 1)
    assert formats.date_format(day) == "1 December 2026"
    assert formats.date_format(day, "SHORT_DATE_FORMAT") == "1 Dec 2026"
    rendered = Template('{{ day }} · {{ day|date }} · {{ day|date:"SHORT_DATE_FORMAT" }}').render(
        Context({"day": day})
    )
    assert rendered == "1 December 2026 · 1 December 2026 · 1 Dec 2026"
