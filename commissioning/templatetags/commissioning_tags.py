"""Template filters of the commissioning pages: money in pounds."""

from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def gbp(value) -> str:
    """£ with thousands separators; pence only when there are any (£1,250 or £1,250.50)."""
    if value is None or value == "":
        return "–"
    amount = Decimal(value)
    sign = "-" if amount < 0 else ""
    amount = abs(amount)
    if amount == amount.to_integral_value():
        return f"{sign}£{amount:,.0f}"
    return f"{sign}£{amount:,.2f}"
