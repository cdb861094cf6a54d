"""Form data for a valid participation record, to change one thing at a time in tests, and a
record's quotes of each consent."""

import datetime

from django.utils import timezone

from participation.models import ConsentUse
from participation.tests.factories import QuoteFactory


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


# One quote of each use, and one whose consent ended yesterday (`quotes_of_each_consent`).
INTERNAL_QUOTE = "Only for the commissioners: the bus was late every week."
REPORT_QUOTE = "Boards should hear this: the venue felt unsafe."
PUBLIC_QUOTE = "Everyone can read this: we want to meet before the review."
EXPIRED_QUOTE = "Consent ended: the advocate changed three times."


def quotes_of_each_consent(record, group, today: datetime.date) -> None:
    """Give `record` a quote for internal use, one for reports and one for public pages, each
    consented by `group` for a year, and one for public pages whose consent ended yesterday."""
    year = today + datetime.timedelta(days=365)
    for text, use, until in (
        (INTERNAL_QUOTE, ConsentUse.INTERNAL, year),
        (REPORT_QUOTE, ConsentUse.REPORT, year),
        (PUBLIC_QUOTE, ConsentUse.PUBLIC, year),
        (EXPIRED_QUOTE, ConsentUse.PUBLIC, today - datetime.timedelta(days=1)),
    ):
        QuoteFactory(record=record, text=text, given_by=group, consent_use=use, consent_until=until)
