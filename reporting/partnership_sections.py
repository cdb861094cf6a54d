"""The commissioning and participation sections of a termly report (see assemble.py).

They read the commissioning and participation apps, each in a fixed number of queries. A draft
keeps both in the cache: a table either comes to read is named in section_cache.WATCHED.
"""

from typing import Any

from django.db.models import BooleanField, ExpressionWrapper, Prefetch, Q

from commissioning.models import CommissioningActivity, Contract, StageMove
from core.choices import Stage
from participation.models import (
    ConsentUse,
    Level,
    ParticipationRecord,
    Quote,
    split_by_consent,
    withheld_message,
)
from participation.models.records import feedback_owed_q
from reporting.scope import ReportScope

CONTRACT_HORIZON_MONTHS = 6
HIGHLIGHTS = 5


def commissioning_section(scope: ReportScope) -> dict[str, Any]:
    """Activities by stage, moves round the cycle this term, contracts ending within six months."""
    area, term = scope.priority_area, scope.term
    activities = list(
        CommissioningActivity.objects.filter(priority_area=area)
        .exclude(status=CommissioningActivity.Status.CLOSED)
        .order_by("title", "pk")
    )
    moves = (
        StageMove.objects.filter(
            activity__priority_area=area,
            moved_at__date__gte=term.start_date,
            moved_at__date__lte=scope.as_of,
        )
        .select_related("activity")
        .order_by("moved_at", "pk")
    )
    contracts = (
        Contract.objects.ending_within(CONTRACT_HORIZON_MONTHS, today=scope.as_of)
        .filter(Q(activity__priority_area=area) | Q(service__priority_areas=area))
        .select_related("provider", "service")
        .distinct()
        .order_by("end_date", "pk")
    )
    return {
        "by_stage": [
            {
                "stage": stage,
                "label": label,
                "activities": [a.title for a in activities if a.stage == stage],
            }
            for stage, label in Stage.choices
        ],
        "moves": [
            {
                "activity": move.activity.title,
                "from": move.get_from_stage_display(),
                "to": move.get_to_stage_display(),
                "on": move.moved_at.date().isoformat(),
            }
            for move in moves
        ],
        "contracts_ending": [
            {
                "reference": contract.reference,
                "title": contract.title,
                "provider": contract.provider.name,
                "service": contract.service.name,
                "end": contract.end_date.isoformat(),
                "status": contract.get_status_display(),
            }
            for contract in contracts
        ],
        "horizon_months": CONTRACT_HORIZON_MONTHS,
    }


def participation_section(scope: ReportScope) -> dict[str, Any]:
    """This term's participation: records, people, groups, highest level, the records reaching
    Lundy's Influence by cycle stage, "you said, we did", and records of the priority whose
    feedback to the participants is owed."""
    area, term = scope.priority_area, scope.term
    # One read for both: this term's records, and any earlier one whose feedback is owed.
    in_term = Q(date__gte=term.start_date)
    owed_q = feedback_owed_q(scope.as_of)
    read = list(
        ParticipationRecord.objects.filter(priority_areas=area, date__lte=scope.as_of)
        .filter(in_term | owed_q)
        .annotate(
            in_term=ExpressionWrapper(in_term, output_field=BooleanField()),
            owed=ExpressionWrapper(owed_q, output_field=BooleanField()),
        )
        .prefetch_related(
            "groups", Prefetch("quotes", queryset=Quote.objects.select_related("given_by"))
        )
        .order_by("date", "pk")
    )
    records = [record for record in read if record.in_term]
    # Quotes go to boards only with consent for reports (or public pages) current on the
    # report's date; those whose consent has expired are counted, never shown.
    quotes, withheld = split_by_consent(
        [quote for record in records for quote in record.quotes.all()],
        ConsentUse.REPORT,
        scope.as_of,
    )
    owed = [record for record in read if record.owed]
    groups = sorted({group.name for record in records for group in record.groups.all()})
    highest = max((record.level for record in records), default=None)
    answered = [record for record in records if record.we_did.strip()]
    return {
        "record_count": len(records),
        "participants": sum(record.total_participants for record in records),
        "groups": groups,
        "highest_level": Level(highest).label if highest else None,
        # Schema 3: records and those reaching Influence, in total and by stage.
        "reached_influence": sum(record.reached_influence for record in records),
        "by_stage": [
            {
                "stage": stage,
                "label": label,
                "records": sum(record.stage == stage for record in records),
                "reached_influence": sum(
                    record.stage == stage and record.reached_influence for record in records
                ),
            }
            for stage, label in Stage.choices
        ],
        "you_said_we_did": [
            {
                "title": record.title,
                "on": record.date.isoformat(),
                "you_said": record.you_said,
                "we_did": record.we_did,
            }
            for record in answered[-HIGHLIGHTS:]
        ],
        "feedback_owed": [
            {"title": record.title, "on": record.date.isoformat()} for record in owed
        ],
        "quotes": [
            {"text": quote.text, "given_by": quote.given_by.name, "record": quote.record.title}
            for quote in quotes
        ],
        "quotes_withheld": withheld_message(withheld),
    }
