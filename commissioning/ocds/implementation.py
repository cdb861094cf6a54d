"""What a contract's release says of its delivery: KPI values, performance assessments and
reviews, as `contracts[].implementation.milestones`.

Why milestones: the core schema has no field for a performance measure. `transactions` are
payments (a value moving from payer to payee) and `documents` are files to fetch; neither holds
a measured value against a target. A milestone is a dated event with a status, which is what a
KPI's reading (met or not met, for the period ending on a date) and an assessment (held on a
date) are: OCDS's milestoneType codelist has `reporting` for the first and `assessment` for the
second. The milestone `code` ties together the readings of one KPI. (The OCDS metrics extension
would give KPIs structured targets; it is left out so that packages validate against the core
schema alone.)
"""

from decimal import Decimal

from commissioning.models import (
    Contract,
    ContractReview,
    KeyPerformanceIndicator,
    KpiValue,
    PerformanceAssessment,
)
from commissioning.ocds.values import date_time, sentences

MET = "met"
NOT_MET = "notMet"
SCHEDULED = "scheduled"


def _measure(value: Decimal, unit: str) -> str:
    """`92%`, `14 days`: a value in its unit, without trailing zeros."""
    number = f"{value.normalize():f}"
    return f"{number}{unit}" if unit == "%" else f"{number} {unit}"


def _target(kpi: KeyPerformanceIndicator) -> str:
    return (
        f"Target {_measure(kpi.target, kpi.unit)} ({kpi.get_polarity_display().lower()}), "
        f"measured {kpi.get_frequency_display().lower()}."
    )


def _kpi_code(kpi: KeyPerformanceIndicator) -> str:
    return f"kpi-{kpi.pk}"


def _kpi_value_milestone(kpi: KeyPerformanceIndicator, reading: KpiValue) -> dict:
    met = kpi.meets(reading.value)
    return {
        "id": f"kpi-value-{reading.pk}",
        "title": f"{kpi.name}: period ending {reading.period_end:%-d %B %Y}",
        "type": "reporting",
        "code": _kpi_code(kpi),
        "description": sentences(
            f"{_measure(reading.value, kpi.unit)}, {'on' if met else 'not on'} target.",
            _target(kpi),
            reading.note,
        ),
        "dueDate": date_time(reading.period_end),
        "dateMet": date_time(reading.period_end) if met else None,
        "status": MET if met else NOT_MET,
    }


def _kpi_milestones(kpi: KeyPerformanceIndicator) -> list[dict]:
    """One milestone per reading; a KPI not yet read is one scheduled milestone, so that every
    KPI agreed is published."""
    readings = sorted(kpi.values.all(), key=lambda r: (r.period_end, r.pk))
    if not readings:
        return [
            {
                "id": f"kpi-{kpi.pk}",
                "title": kpi.name,
                "type": "reporting",
                "code": _kpi_code(kpi),
                "description": _target(kpi),
                "status": SCHEDULED,
            }
        ]
    return [_kpi_value_milestone(kpi, reading) for reading in readings]


def _assessment_milestone(assessment: PerformanceAssessment) -> dict:
    # "met": the assessment took place; how the contract did is its rating, in the title.
    return {
        "id": f"assessment-{assessment.pk}",
        "title": f"Contract performance assessment: {assessment.get_rating_display()}",
        "type": "assessment",
        "code": f"performance-{assessment.rating}",
        "description": assessment.summary,
        "dueDate": date_time(assessment.date),
        "dateMet": date_time(assessment.date),
        "status": MET,
    }


def _review_milestone(review: ContractReview) -> dict:
    decision = (
        f"Decision on {review.decision_date:%-d %B %Y}: {review.get_decision_display()}."
        if review.decision
        else "No decision yet."
    )
    return {
        "id": f"review-{review.pk}",
        "title": (
            f"Contract review: performance {review.get_performance_rag_display()}, "
            f"value for money {review.get_value_for_money_display().lower()}"
        ),
        "type": "assessment",
        "code": "contract-review",
        "description": sentences(review.outcomes_achieved, decision, review.decision_note),
        "dueDate": date_time(review.date),
        "dateMet": date_time(review.date),
        "status": MET,
    }


def implementation(contract: Contract) -> dict:
    """The contract's implementation block; reads prefetched `kpis__values`, `assessments` and
    `reviews`."""
    milestones = [m for kpi in contract.kpis.all() for m in _kpi_milestones(kpi)]
    assessments = sorted(contract.assessments.all(), key=lambda a: (a.date, a.pk))
    reviews = sorted(contract.reviews.all(), key=lambda r: (r.date, r.pk))
    milestones += [_assessment_milestone(a) for a in assessments]
    milestones += [_review_milestone(r) for r in reviews]
    return {"milestones": milestones}
