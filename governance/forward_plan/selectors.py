"""Reads of the forward plan, with the queries its page needs."""

from django.db.models import DateField, F, QuerySet
from django.db.models.functions import Coalesce, TruncDate

from core.partnerships import scope
from governance.forward_plan.models import ForwardPlanEntry


def forward_plan(user) -> QuerySet[ForwardPlanEntry]:
    """The user's partnership's entries by the date expected, soonest first (the month's first
    day for an entry without a meeting yet), with what each row shows."""
    expected = Coalesce(
        TruncDate("expected_meeting__starts_at"), F("expected_month"), output_field=DateField()
    )
    return (
        scope(ForwardPlanEntry.objects, user)
        .select_related("board", "expected_meeting", "lead", "decision__meeting")
        .annotate(expected_sort=expected)
        .order_by(F("expected_sort").asc(nulls_last=True), "board__name", "pk")
    )
