"""Writes of the participation app: participation records, voice-of-the-child answers, and the
consultations linked to decommissioning plans."""

import datetime
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from commissioning.models import CommissioningActivity, DecommissioningPlan
from core.edit_conflicts import EditConflict, locked_for_edit, save_edit
from participation import publication, retention
from participation.models import (
    DecommissioningConsultation,
    ParticipationRecord,
    Quote,
    StakeholderGroup,
    VoiceAnswer,
    VoiceQuestion,
)
from priorities.models import PriorityArea

# The fields of a record that people edit; the many-to-many ones travel separately.
RECORD_EDITABLE_FIELDS = (
    "title",
    "date",
    "method",
    "level",
    "stage",
    "activity",
    "age_0_4",
    "age_5_10",
    "age_11_15",
    "age_16_17",
    "age_18_25",
    "adults",
    "children_in_care",
    "care_leavers",
    "young_carers",
    "send",
    "you_said",
    "we_did",
    "decision_changed",
    "decision_description",
    "feedback_date",
    "feedback_method",
)
NO_GROUP_MESSAGE = "Choose at least one group that took part."
NO_PRIORITY_MESSAGE = "Choose at least one priority area this informed."
ONE_PARTNERSHIP_MESSAGE = "Choose priority areas of one partnership: a record belongs to one."


class RecordEditConflict(EditConflict):
    """Someone saved the record since this edit began; `current` is the record as it is now."""

    def __init__(self, current: ParticipationRecord):
        super().__init__(current, noun="record")


def _check_relations(
    priority_areas: Iterable[PriorityArea],
    groups: Iterable[StakeholderGroup],
    activity: CommissioningActivity | None,
) -> tuple[list[PriorityArea], list[StakeholderGroup]]:
    areas, group_list = list(priority_areas), list(groups)
    errors = {}
    if not areas:
        errors["priority_areas"] = NO_PRIORITY_MESSAGE
    elif activity is not None and activity.priority_area_id not in {area.pk for area in areas}:
        errors["activity"] = (
            f"“{activity}” serves the priority “{activity.priority_area}”: tick that priority "
            "too, or choose another activity."
        )
    if not group_list:
        errors["groups"] = NO_GROUP_MESSAGE
    if areas and len({area.framework.partnership_id for area in areas}) > 1:
        errors["priority_areas"] = ONE_PARTNERSHIP_MESSAGE
    if errors:
        raise ValidationError(errors)
    return areas, group_list


def _editable(data: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(data) - set(RECORD_EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Not editable fields of a participation record: {sorted(unknown)}")
    return dict(data)


@transaction.atomic
def participation_record_create(
    *,
    data: Mapping[str, Any],
    priority_areas: Iterable[PriorityArea],
    groups: Iterable[StakeholderGroup],
    created_by: AbstractBaseUser | None,
    is_sample: bool = False,
) -> ParticipationRecord:
    """Log a piece of participation with the groups that took part and what it informed."""
    areas, group_list = _check_relations(priority_areas, groups, data.get("activity"))
    record = ParticipationRecord(
        created_by=created_by,
        is_sample=is_sample,
        # It belongs to the partnership of the priorities it informed.
        partnership_id=areas[0].framework.partnership_id,
        **_editable(data),
    )
    record.retention_date = retention.retention_date_for(
        record, record.partnership.participation_retention_years
    )
    record.full_clean()
    record.save()
    record.priority_areas.set(areas)
    record.groups.set(group_list)
    return record


def _retention_date_kept(record: ParticipationRecord) -> datetime.date:
    """The rule's date for the record as it now is, or a later one an administrator set."""
    rule = retention.retention_date_for(record, record.partnership.participation_retention_years)
    return max(rule, record.retention_date) if record.retention_date else rule


@transaction.atomic
def participation_record_update(
    *,
    record: ParticipationRecord,
    data: Mapping[str, Any],
    priority_areas: Iterable[PriorityArea],
    groups: Iterable[StakeholderGroup],
    expected_version: int,
) -> ParticipationRecord:
    """Change a record, refusing the save if it changed since `expected_version` was read."""
    current = locked_for_edit(
        ParticipationRecord,
        pk=record.pk,
        expected_version=expected_version,
        conflict=RecordEditConflict,
    )
    changes = _editable(data)
    areas, group_list = _check_relations(
        priority_areas, groups, changes.get("activity", current.activity)
    )
    current.partnership_id = areas[0].framework.partnership_id
    also_update = ["updated_at", "partnership"]
    # New public words have not been read or checked for publishing: off the public pages
    # until someone previews and publishes them again.
    if current.published_at is not None and any(
        name in changes and changes[name] != getattr(current, name)
        for name in publication.PUBLIC_TEXT_FIELDS
    ):
        current.published_at, current.published_by = None, None
        also_update += ["published_at", "published_by"]
    for name, value in changes.items():
        setattr(current, name, value)
    changes["retention_date"] = _retention_date_kept(current)
    also_update.append("retention_date")
    save_edit(current, changes, also_update=also_update)
    current.priority_areas.set(areas)
    current.groups.set(group_list)
    return current


PUBLISH_STALE_MESSAGE = (
    "The record changed after you opened the preview: look at the preview again, then publish."
)


@transaction.atomic
def participation_record_publish(
    *, record: ParticipationRecord, user: AbstractBaseUser | None, previewed_version: int
) -> ParticipationRecord:
    """Publish a record on the partnership's public pages, as the preview of
    `previewed_version` showed it, once its public words pass the personal-data check.
    `user` None: the demo data publishes it."""
    current = locked_for_edit(
        ParticipationRecord,
        pk=record.pk,
        expected_version=previewed_version,
        conflict=lambda _: ValidationError(PUBLISH_STALE_MESSAGE),
    )
    problems = publication.text_problems(current)
    if problems:
        raise ValidationError(["Not published.", *problems])
    current.published_at, current.published_by = timezone.now(), user
    current.save(update_fields=["published_at", "published_by", "updated_at"])
    return current


@transaction.atomic
def participation_record_unpublish(*, record: ParticipationRecord) -> ParticipationRecord:
    """Take a record off the public pages (it stays in the log)."""
    current = ParticipationRecord.objects.select_for_update().get(pk=record.pk)
    current.published_at, current.published_by = None, None
    current.save(update_fields=["published_at", "published_by", "updated_at"])
    return current


class VoiceAnswersConflict(ValidationError):
    """Answers someone else saved since the page was read; `current` holds them as they are."""

    def __init__(self, current: list[VoiceAnswer]):
        self.current = current
        count = len(current)
        super().__init__(
            f"Someone else saved {count} of these answer{'s' if count != 1 else ''} while you "
            "were editing them.",
            code="conflict",
        )


@transaction.atomic
def voice_answers_save(
    *,
    activity: CommissioningActivity,
    answered_by: AbstractBaseUser,
    answers: Mapping[VoiceQuestion, str],
    versions: Mapping[VoiceQuestion, int | None] | None = None,
) -> int:
    """Keep the answers to the questions of the activity's current stage, in its current cycle.

    A blank answer leaves an existing one alone. `versions` gives, for each question, the
    version of the answer the page showed (None where it showed none): if one was saved since,
    nothing is written and VoiceAnswersConflict lists them. Without `versions` the answers
    apply as they are now (the demo loader). Returns how many answers were written.
    """
    written, stale = 0, []
    for question, text in answers.items():
        text = (text or "").strip()
        if not text:
            continue
        if question.stage != activity.stage:
            raise ValidationError(
                f"“{question.text}” belongs to the {question.get_stage_display()} stage, not "
                f"the activity's current {activity.get_stage_display()} stage."
            )
        answer = (
            VoiceAnswer.objects.select_for_update()
            .filter(activity=activity, question=question, cycle_number=activity.cycle_number)
            .first()
        )
        if answer is not None and answer.answer == text:
            continue
        if answer is not None and versions is not None and versions.get(question) != answer.version:
            stale.append(answer)
            continue
        if answer is None:
            answer = VoiceAnswer(
                activity=activity, question=question, cycle_number=activity.cycle_number
            )
        else:
            answer.version += 1
        answer.answer = text
        answer.answered_by = answered_by
        answer.answered_at = timezone.now()
        answer.full_clean()
        answer.save()
        written += 1
    if stale:
        raise VoiceAnswersConflict(stale)
    return written


def _open_plan(plan: DecommissioningPlan) -> DecommissioningPlan:
    # Locked, so a link and the plan's completion wait for each other.
    current = DecommissioningPlan.objects.select_for_update().get(pk=plan.pk)
    if current.is_completed:
        raise ValidationError(
            {"record": "This plan is complete: its consultations can no longer change."}
        )
    return current


@transaction.atomic
def decommissioning_consultation_link(
    *,
    plan: DecommissioningPlan,
    record: ParticipationRecord,
    linked_by: AbstractBaseUser | None,
) -> DecommissioningConsultation:
    """Link a consultation with the children and families affected to a decommissioning plan:
    it must have taken place on or before the decision, with at least one group taking part."""
    current = _open_plan(plan)
    if record.date > current.decision_date:
        raise ValidationError(
            {
                "record": (
                    f"“{record.title}” took place on {record.date:%-d %B %Y}, after the decision "
                    f"to decommission ({current.decision_date:%-d %B %Y}): link a consultation "
                    "held before the decision."
                )
            }
        )
    if not record.groups.exists():
        raise ValidationError(
            {"record": f"“{record.title}” names no group taking part: link one that does."}
        )
    if current.consultations.filter(record=record).exists():
        raise ValidationError({"record": f"“{record.title}” is already linked to this plan."})
    link = DecommissioningConsultation(
        plan=current, record=record, linked_by=linked_by, linked_at=timezone.now()
    )
    link.full_clean()
    link.save()
    return link


@transaction.atomic
def decommissioning_consultation_unlink(*, link: DecommissioningConsultation) -> None:
    """Take a consultation off a plan that is still in progress."""
    _open_plan(link.plan)
    link.delete()


QUOTE_GROUP_MESSAGE = "Choose a group that took part in this record."
QUOTE_CHANGED_MESSAGE = (
    "Someone else changed one of these quotes while you were editing: reload the page to see "
    "it, then make your change again."
)


@transaction.atomic
def record_quotes_save(
    *,
    record: ParticipationRecord,
    quotes: Sequence[Mapping[str, Any]],
    deleted: Iterable[Quote] = (),
) -> list[Quote]:
    """Keep a record's quotes: each mapping gives `text`, `given_by`, `consent_use`,
    `consent_until`, and `quote` (the saved Quote it changes, with the version the page read in
    `version`) or none for a new one; `deleted` are removed. A quote saved meanwhile is
    refused (EditConflict)."""
    group_ids = set(record.groups.values_list("pk", flat=True))
    for quote in deleted:
        if quote.record_id == record.pk:
            quote.delete()
    saved = []
    for item in quotes:
        if item["given_by"].pk not in group_ids:
            raise ValidationError({"given_by": QUOTE_GROUP_MESSAGE})
        values = {name: item[name] for name in ("text", "given_by", "consent_use", "consent_until")}
        existing = item.get("quote")
        if existing is None:
            quote = Quote(record=record, **values)
            quote.full_clean()
            quote.save()
        else:
            quote = locked_for_edit(
                Quote,
                pk=existing.pk,
                expected_version=item["version"],
                conflict=lambda _: ValidationError(QUOTE_CHANGED_MESSAGE),
            )
            if any(getattr(quote, name) != value for name, value in values.items()):
                save_edit(quote, values)
        saved.append(quote)
    return saved
