"""Load the participation demo data: the seeds' stakeholder groups, the voice-of-the-child
questions, SAMPLE participation records (participation/demo/*.yaml) with their "you said"
items and quotes with consent, some published on the public pages, and SAMPLE Hear by Right
self-assessments of last year and this one (participation/demo/hear_by_right.yaml). Safe to
run again.

Called by `manage.py load_demo` after governance, priorities and commissioning; records whose
priority areas are not loaded are skipped.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from commissioning.models import CommissioningActivity, DecommissioningPlan
from core.academic_years import academic_year_dates, academic_year_of
from core.demo_partnerships import demo_partnership
from core.seed_files import read_partnership_rows, read_seed
from governance.demo import organisation_from_seeds
from participation import hear_by_right_services, services
from participation.models import (
    LUNDY_ELEMENTS,
    HearByRightAssessment,
    ParticipationRecord,
    StakeholderGroup,
    VoiceQuestion,
)
from participation.voice_questions import ensure_voice_questions
from priorities.models import PriorityArea


def load() -> int:
    """Create what is missing; return how many rows were created."""
    with transaction.atomic():
        created = ensure_voice_questions(VoiceQuestion)
        created += _groups()
        created += _records()
        created += _decommissioning_consultations()
        created += _hear_by_right()
        return created


def _groups() -> int:
    created = 0
    for data in read_partnership_rows("participation", "stakeholder_groups"):
        organisation, organisation_created = organisation_from_seeds(data["convening_organisation"])
        _, group_created = StakeholderGroup.objects.get_or_create(
            name=data["name"],
            defaults={
                "kind": data["kind"],
                "partnership": demo_partnership(data["partnership"]),
                "description": data["description"],
                "convening_organisation": organisation,
            },
        )
        created += int(organisation_created) + int(group_created)
    return created


def _records() -> int:
    today = timezone.localdate()
    areas = {
        (area.framework.partnership.short_name, area.title): area
        for area in PriorityArea.objects.select_related("framework__partnership")
    }
    groups = {group.name: group for group in StakeholderGroup.objects.all()}
    existing = set(ParticipationRecord.objects.values_list("title", flat=True))
    created = 0
    for data in read_partnership_rows("participation", "records"):
        if data["title"] in existing:
            continue
        keys = [(data["partnership"], title) for title in data["priorities"]]
        record_areas = [areas[key] for key in keys if key in areas]
        if not record_areas:
            continue  # the priorities demo data is not loaded
        activity = (
            CommissioningActivity.objects.filter(title=data["activity"]).first()
            if data["activity"]
            else None
        )
        fed_back = data["fed_back_in_days"]
        record = services.participation_record_create(
            data={
                "title": data["title"],
                "date": today + datetime.timedelta(days=data["date_in_days"]),
                "method": data["method"],
                "level": data["level"],
                "stage": data["stage"],
                "activity": activity,
                **data["ages"],
                **data["special"],
                "you_said": data["you_said"],
                "we_did": data["we_did"],
                "decision_changed": data["decision_changed"],
                "decision_description": data.get("decision_description", ""),
                "feedback_date": None
                if fed_back is None
                else today + datetime.timedelta(days=fed_back),
                "feedback_method": data.get("feedback_method", ""),
                **_lundy(data.get("lundy", {})),
            },
            priority_areas=record_areas,
            groups=[groups[name] for name in data["groups"]],
            created_by=None,
            is_sample=True,
            items=[_item(item, today) for item in data.get("you_said_items", [])],
            quotes=[_quote(quote, groups, today) for quote in data.get("quotes", [])],
        )
        if data.get("published"):
            # Through the publish step, so the demo's words pass the personal-data check too.
            services.participation_record_publish(
                record=record, user=None, previewed_version=record.version
            )
        created += 1
    return created


def _lundy(elements: dict[str, dict[str, str]]) -> dict[str, str]:
    """The record's Lundy fields from its `lundy` mapping; an element left out is not recorded."""
    fields = {}
    for element in LUNDY_ELEMENTS:
        given = elements.get(element.key, {})
        fields[element.met_field] = given.get("met", "")
        fields[element.evidence_field] = given.get("evidence", "")
    return fields


def _item(data: dict, today: datetime.date) -> dict:
    """A "you said" item of the YAML as the record service takes it (dates as offsets)."""
    by = data.get("by_in_days")
    return {
        "id": None,
        "you_said": data["you_said"],
        "outcome": data["outcome"],
        "response": data.get("response", ""),
        "by_date": None if by is None else today + datetime.timedelta(days=by),
    }


def _quote(data: dict, groups: dict[str, StakeholderGroup], today: datetime.date) -> dict:
    """A quote of the YAML as the record service takes it: its group by name, its consent's
    end as an offset from today."""
    return {
        "id": None,
        "text": data["text"],
        "given_by": groups[data["given_by"]],
        "consent_use": data["use"],
        "consent_until": today + datetime.timedelta(days=data["until_in_days"]),
    }


def _decommissioning_consultations() -> int:
    """Link the consultations that commissioning/demo/contracts.yaml names to the
    decommissioning plans its decisions started."""
    created = 0
    for data in read_seed("commissioning", "contracts").get("decisions", []):
        if not data.get("consultation"):
            continue
        plan = DecommissioningPlan.objects.filter(contract__reference=data["contract"]).first()
        record = ParticipationRecord.objects.filter(title=data["consultation"]).first()
        if plan is None or record is None or plan.consultations.filter(record=record).exists():
            continue
        services.decommissioning_consultation_link(plan=plan, record=record, linked_by=None)
        created += 1
    return created


def _in_year(
    records: dict[str, ParticipationRecord], titles: list[str], year: int
) -> list[ParticipationRecord]:
    """The records named by `titles` that took place in academic year `year`."""
    start, end = academic_year_dates(year)
    found = (records.get(title) for title in titles)
    return [record for record in found if record is not None and start <= record.date <= end]


def _hear_by_right() -> int:
    """The self-assessments of hear_by_right.yaml, each year counted from this academic year,
    linked to the named records that took place in that year."""
    this_year = academic_year_of(timezone.localdate())
    records = {record.title: record for record in ParticipationRecord.objects.all()}
    created = 0
    for data in read_seed("participation", "hear_by_right")["assessments"]:
        partnership = demo_partnership(data["partnership"])
        year = this_year + data["year_offset"]
        if HearByRightAssessment.objects.filter(partnership=partnership, year=year).exists():
            continue
        hear_by_right_services.hear_by_right_assessment_create(
            partnership=partnership,
            year=year,
            status=data["status"],
            scores={
                score["standard"]: hear_by_right_services.ScoreInput(
                    level=score["level"],
                    evidence=score["evidence"],
                    records=_in_year(records, score["records"], year),
                )
                for score in data["scores"]
            },
            created_by=None,
            is_sample=True,
        )
        created += 1
    return created
