"""Dates in free text: what a date names, and when a date reads as a child's date of birth.

Part of the personal-data check (core.personal_data, whose docstring states the rule): a full
date counts as a date of birth when it falls 0 to `OLDEST_YOUNG_PERSON_YEARS` years before the
day of the check and a birth word is close by; a date more than `EVENT_YEARS` years ago also
counts beside an age word or a name the caller looks for. A recent date alone is an event's.
"""

import datetime
import re
from collections.abc import Collection, Iterable

MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
DATE = (
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})"
    r"|\d{4}-\d{2}-\d{2}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTHS}\.?,?\s+\d{{4}}"
    rf"|{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
)
EVENT_YEARS = 3
OLDEST_YOUNG_PERSON_YEARS = 25
NEARBY = 30  # characters either side of a date that are "close by"
FULL_DATE = re.compile(rf"(?<![\d/.-]){DATE}(?![\d/])", re.IGNORECASE)
BIRTH_WORDS = re.compile(r"\b(?:birthdays?|b['’]?day|d\.?o\.?b\b|born|birth)", re.IGNORECASE)
AGE_WORDS = re.compile(r"\bage[ds]?\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[!?;\n]|\.\s+(?=[A-Z])")
_MONTH_NAME = re.compile(MONTHS, re.IGNORECASE)
_MONTH_NUMBERS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_WORD_BEFORE = re.compile(r"([^\W\d_]+)['’]?s?\s*[,(:–-]?\s*$")


def parsed_date(text: str, today: datetime.date) -> datetime.date | None:
    """The date `text` (matched by `DATE`) names, read the British way (day first)."""
    numbers = [int(number) for number in re.findall(r"\d+", text)]
    month_name = _MONTH_NAME.search(text)
    if month_name:
        day, month, year = numbers[0], _MONTH_NUMBERS[month_name.group()[:3].lower()], numbers[-1]
    elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        year, month, day = numbers
    else:
        day, month, year = numbers
    if year < 100:
        year += 2000 if 2000 + year <= today.year else 1900
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _sentence_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The few words before and after `text[start:end]`, within its sentence."""
    before = _SENTENCE_END.split(text[max(0, start - NEARBY) : start])[-1]
    after = _SENTENCE_END.split(text[end : end + NEARBY])[0]
    return before, after


def dates_of_birth(text: str, names: Collection[str], today: datetime.date) -> Iterable[str]:
    for match in FULL_DATE.finditer(text):
        date = parsed_date(match.group(), today)
        if date is None or date > today or date.year < today.year - OLDEST_YOUNG_PERSON_YEARS:
            continue
        before, after = _sentence_around(text, match.start(), match.end())
        if BIRTH_WORDS.search(before) or BIRTH_WORDS.search(after):
            yield match.group()
        elif date.year < today.year - EVENT_YEARS:
            name_before = _WORD_BEFORE.search(before)
            if (
                AGE_WORDS.search(before)
                or AGE_WORDS.search(after)
                or (name_before and name_before.group(1) in names)
            ):
                yield match.group()
