"""How the product's values are written in OCDS: dates and times, money, and no empty fields."""

import datetime
from decimal import Decimal

from django.utils import timezone

CURRENCY = "GBP"


def date_time(value: datetime.date | datetime.datetime) -> str:
    """An RFC 3339 date-time in UTC, to the second; a date is its midnight."""
    if isinstance(value, datetime.datetime):
        moment = value if timezone.is_aware(value) else timezone.make_aware(value)
        moment = moment.astimezone(datetime.UTC).replace(microsecond=0)
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"{value.isoformat()}T00:00:00Z"


def money(amount: Decimal | None) -> dict | None:
    """An OCDS Value in pounds sterling; None when the amount is not known."""
    if amount is None:
        return None
    return {"amount": float(amount), "currency": CURRENCY}


def pounds(amount: Decimal) -> str:
    return f"£{amount:,.2f}"


def compact(value):
    """`value` without empty fields: None, "", [] and {} are left out, at every depth (the
    schema forbids nulls in many places, and empty strings tell a reader nothing)."""
    if isinstance(value, dict):
        kept = {key: compact(item) for key, item in value.items()}
        return {key: item for key, item in kept.items() if item not in (None, "", [], {})}
    if isinstance(value, list):
        kept = [compact(item) for item in value]
        return [item for item in kept if item not in (None, "", [], {})]
    if isinstance(value, str):
        return value.strip()
    return value


def sentences(*parts: str) -> str:
    """The non-empty parts joined as sentences, each ending with a full stop if it has none."""
    kept = (part.strip() for part in parts if part and part.strip())
    return " ".join(part if part[-1] in ".!?" else part + "." for part in kept)
