"""Dates as GOV.UK writes them: "1 December 2026" in text, "1 Dec 2026" in short tables.

Django's own en_GB formats ("1 Dec 2026" and "01/12/2026") come before the DATE_FORMAT
settings, so the site's formats are set here (FORMAT_MODULE_PATH); templates name them
(`|date:"DATE_FORMAT"`, `|date:"SHORT_DATE_FORMAT"`) rather than spell a format out.
"""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
