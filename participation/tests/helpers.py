"""Form data for a valid participation record, to change one thing at a time in tests."""

import datetime

from django.utils import timezone


def record_form_data(*, priority_areas, groups, **changes) -> dict:
    """POST data of a consultation with the given priority areas and groups, then `changes`."""
    data = {
        "title": "Consultation on advocacy",
        "date": (timezone.localdate() - datetime.timedelta(days=3)).isoformat(),
        "method": "consultation",
        "level": "2",
        "stage": "plan",
        "activity": "",
        "priority_areas": [area.pk for area in priority_areas],
        "groups": [group.pk for group in groups],
        "age_0_4": "0",
        "age_5_10": "0",
        "age_11_15": "6",
        "age_16_17": "3",
        "age_18_25": "0",
        "adults": "0",
        "children_in_care": "9",
        "care_leavers": "0",
        "young_carers": "0",
        "send": "1",
        "you_said": "You want to meet your advocate before a review.",
        "we_did": "",
        "decision_changed": "pending",
        "decision_description": "",
        "feedback_date": "",
        "feedback_method": "",
        # The quotes' formset, with no quote (quote_form_data adds some).
        "quotes-TOTAL_FORMS": "0",
        "quotes-INITIAL_FORMS": "0",
    }
    data.update(changes)
    return data


def formset_data(data: dict, prefix: str, rows: list[dict], *, initial: int = 0) -> dict:
    """`data` with the formset `prefix` holding `rows` of field values; the first `initial`
    are saved ones (with their id)."""
    data = {
        **data,
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
    }
    for index, row in enumerate(rows):
        for name, value in row.items():
            data[f"{prefix}-{index}-{name}"] = value
    return data


def quote_form_data(data: dict, quotes: list[dict], *, initial: int = 0) -> dict:
    """`data` with the quotes' formset holding `quotes` (each text, given_by, consent_use,
    consent_until, and for a saved one id and version)."""
    return formset_data(data, "quotes", quotes, initial=initial)


def item_form_data(data: dict, items: list[dict], *, initial: int = 0) -> dict:
    """`data` with the "you said" items' formset holding `items` (you_said, outcome, response,
    by_date, and for a saved one its id)."""
    return formset_data(data, "items", items, initial=initial)
