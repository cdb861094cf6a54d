"""What of a participation record may be published, and how its counts are hidden.

A published record shows its words (what participants said, what changed, when they were
told) and how many took part, never who: no names, no group, and no count below the
partnership's `smallest_public_group`, so that no child can be picked out. The public
"You said, we did" page and the API both publish exactly these fields; the API adds whether
each element of the Lundy model was met, never the evidence written for it. Quotes are
published only with consent for public pages that has not expired, and never with the group
that gave it.
"""

import datetime
from dataclasses import dataclass
from typing import Any

from core.personal_data import check_text
from participation.models import ConsentUse, ParticipationRecord, split_by_consent
from participation.models.records import AGE_BANDS

# The record's own fields a public output may carry; anything else stays private.
PUBLIC_FIELDS = (
    "title",
    "date",
    "method",
    "stage",
    "you_said",
    "we_did",
    "decision_changed",
    "feedback_date",
)
# Counts published only at or above the smallest group (see `shown_count`).
PUBLIC_COUNT_FIELDS = ("age_0_4", "age_5_10", "age_11_15", "age_16_17", "age_18_25", "adults")


def shown_count(count: int, smallest_group: int) -> int | None:
    """`count` when it is at least `smallest_group` (and not nought), else None: "fewer than
    `smallest_group`" is all that may be said."""
    if count <= 0:
        return 0
    return count if count >= smallest_group else None


# The record's words a person reads before publishing: the personal-data checker reads them, and
# an edit to any of them takes a published record off the public pages until it is published
# again (services.participation_record_update).
PUBLIC_TEXT_FIELDS = ("title", "you_said", "we_did")
# The keys of a public row (`public_row`): a test holds every public page to this list.
PUBLIC_ROW_KEYS = (
    "title",
    "month",
    "method",
    "you_said",
    "we_did",
    "decision_changed",
    "told_on",
    "taking_part",
    "bands",
    "items",
    "quotes",
)
# The keys of each of a public row's "you said" items: closed ones only, never one still
# deciding (its words may yet change, and nothing was promised).
PUBLIC_ITEM_KEYS = ("you_said", "outcome", "response", "month")
# What the record's page holds that a public page never shows, as the preview lists it.
ALWAYS_LEFT_OUT = (
    "The groups that took part",
    "Who logged the record and who published it",
    "The level of participation, the cycle stage and the commissioning activity",
    "Which decision changed and how, and how it was fed back",
    "How many of those taking part were in care, care leavers, young carers or had SEND",
    "The exact dates: only the month and year are shown",
    "The evidence for each element of the Lundy model",
    "Quotes without consent for public pages, or whose consent has expired",
)


@dataclass(frozen=True)
class Band:
    """An age band as a public page shows it: `count` None means "fewer than" the smallest
    group, or hidden so that it cannot be worked out from the total."""

    label: str
    count: int | None


def shown_bands(counts: dict[str, int], smallest_group: int) -> list[Band]:
    """The non-empty age bands with their counts hidden below `smallest_group`, and hidden
    further, smallest first, until what is hidden adds up to at least `smallest_group`: the
    total is shown, so a single hidden band (or several small ones together) could otherwise be
    worked out by subtraction."""
    present = [(name, label) for name, label in AGE_BANDS if counts.get(name, 0) > 0]
    hidden = {name for name, _ in present if shown_count(counts[name], smallest_group) is None}
    hidden_total = sum(counts[name] for name in hidden)
    by_size = sorted((counts[name], name) for name, _ in present if name not in hidden)
    while 0 < hidden_total < smallest_group and by_size:
        count, name = by_size.pop(0)
        hidden.add(name)
        hidden_total += count
    return [Band(label, None if name in hidden else counts[name]) for name, label in present]


def _month(date: datetime.date | None) -> str | None:
    # Month and year only: an exact date and a group's name together could point at a child.
    return f"{date:%B %Y}" if date else None


def public_items(record: ParticipationRecord) -> list[dict[str, Any]]:
    """The record's closed "you said" items as a public page shows them (PUBLIC_ITEM_KEYS):
    what changed by month, or the reason it did not. Reads `you_said_items` through .all(), so
    a prefetch is used."""
    return [
        {
            "you_said": item.you_said,
            "outcome": item.get_outcome_display(),
            "response": item.response,
            "month": _month(item.by_date) if item.outcome == item.Outcome.WE_DID else None,
        }
        for item in record.you_said_items.all()
        if item.is_closed
    ]


def public_row(record: ParticipationRecord, *, smallest_group: int) -> dict[str, Any]:
    """Everything a public page shows of `record`, with the keys of PUBLIC_ROW_KEYS only.
    An unsaved record (a test's) has no items."""
    counts = {name: getattr(record, name) for name in PUBLIC_COUNT_FIELDS}
    row = {
        "title": record.title,
        "month": _month(record.date),
        "method": record.get_method_display(),
        "you_said": record.you_said,
        "we_did": record.we_did,
        "decision_changed": record.get_decision_changed_display(),
        "told_on": _month(record.feedback_date),
        "taking_part": shown_count(sum(counts.values()), smallest_group),
        "bands": shown_bands(counts, smallest_group),
        "items": public_items(record) if record.pk else [],
        "quotes": public_quotes(record),
    }
    return row


def public_quotes(record: ParticipationRecord) -> list[str]:
    """The words of the record's quotes consented for public pages, consent current today:
    the words only, never the group that gave them. Reads `record.quotes` as prefetched."""
    if record.pk is None:
        return []
    shown, _ = split_by_consent(record.quotes.all(), ConsentUse.PUBLIC)
    return [quote.text for quote in shown]


def hidden_counts(record: ParticipationRecord, row: dict[str, Any]) -> list[str]:
    """The counts `row` hides, in the preview's words (the record's editors see them anyway)."""
    field_of = {label: name for name, label in AGE_BANDS}
    hidden = [
        f"{band.label}: {getattr(record, field_of[band.label])}"
        for band in row["bands"]
        if band.count is None
    ]
    if row["taking_part"] is None:
        hidden.append(f"The number taking part: {record.total_participants}")
    return hidden


def text_problems(record: ParticipationRecord) -> list[str]:
    """What the personal-data checker finds in the record's public words, field by field."""
    labels = {name: record._meta.get_field(name).verbose_name for name in PUBLIC_TEXT_FIELDS}
    problems = []
    for name in PUBLIC_TEXT_FIELDS:
        message = check_text(getattr(record, name))
        if message:
            problems.append(f"{labels[name].capitalize()}: {message}")
    for number, item in enumerate(public_items(record), start=1):
        for name in ("you_said", "response"):
            message = check_text(item[name])
            if message:
                problems.append(f"“You said” item {number}: {message}")
    for number, text in enumerate(public_quotes(record), start=1):
        message = check_text(text)
        if message:
            problems.append(f"Quote {number}: {message}")
    return problems
