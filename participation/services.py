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
    LUNDY_FIELDS,
    DecommissioningConsultation,
    ParticipationRecord,
    PersonalDataConfirmation,
    Quote,
    StakeholderGroup,
    VoiceAnswer,
    VoiceQuestion,
    YouSaidItem,
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
    *LUNDY_FIELDS,
)
# The fields of a "you said" item that people edit; its position is its place in the list.
ITEM_EDITABLE_FIELDS = ("you_said", "outcome", "response", "by_date")
ITEM_GONE_MESSAGE = (
    "A “you said” item of this record was removed while you were editing it: reload the page "
    "and make your changes again."
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


def _public_items(items: Iterable[YouSaidItem]) -> list[tuple[str, str, str]]:
    """What a public page shows of the items: the closed ones' words, in order."""
    return [
        (item.you_said, item.outcome, item.response)
        for item in sorted(items, key=lambda item: (item.position, item.pk or 0))
        if item.is_closed
    ]


def _save_items(record: ParticipationRecord, changes: Sequence[Mapping[str, Any]]) -> None:
    """Apply the item changes in order: {"id": None or an item's id, and its editable fields},
    or {"id": ..., "delete": True}. Items not named keep their place after those that are.
    Every item is checked before any is saved; the caller's transaction makes it all or
    nothing with the record."""
    existing = {item.pk: item for item in record.you_said_items.select_for_update()}
    kept, removed, problems = [], [], []
    for number, change in enumerate(changes, start=1):
        pk = change.get("id")
        if pk is not None and pk not in existing:
            raise ValidationError(ITEM_GONE_MESSAGE)
        if change.get("delete"):
            removed.append(existing.pop(pk))
            continue
        unknown = set(change) - {"id", *ITEM_EDITABLE_FIELDS}
        if unknown:
            raise TypeError(f"Not editable fields of a “you said” item: {sorted(unknown)}")
        item = existing.pop(pk) if pk is not None else YouSaidItem(record=record)
        before = {name: getattr(item, name) for name in ITEM_EDITABLE_FIELDS}
        for name in ITEM_EDITABLE_FIELDS:
            setattr(item, name, change[name])
        try:
            item.full_clean(exclude=["position"])
        except ValidationError as error:
            problems.append(f"“You said” item {number}: {' '.join(error.messages)}")
        kept.append((item, before != {name: change[name] for name in ITEM_EDITABLE_FIELDS}))
    if problems:
        raise ValidationError(problems)
    for item in removed:
        item.delete()
    untouched = sorted(existing.values(), key=lambda item: (item.position, item.pk))
    for position, (item, changed) in enumerate(
        [*kept, *((item, False) for item in untouched)], start=1
    ):
        if item.pk is None:
            item.position = position
            item.save()
        elif changed or item.position != position:
            item.version += 1
            item.position = position
            item.save()


def _confirmations_add(
    record: ParticipationRecord,
    confirmed: Mapping[str, Sequence[str]],
    confirmed_by: AbstractBaseUser | None,
) -> None:
    """Keep who confirmed that what the personal-data check found in each field is not about a
    child, when, and the kinds found; never the words."""
    if not confirmed:
        return
    if confirmed_by is None:
        raise ValidationError("Only a person can confirm that a record is not about a child.")
    unknown = set(confirmed) - set(RECORD_EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Not free-text fields of a participation record: {sorted(unknown)}")
    now = timezone.now()
    for field_name, kinds in confirmed.items():
        confirmation = PersonalDataConfirmation(
            record=record,
            field_name=field_name,
            kinds="; ".join(kinds),
            confirmed_by=confirmed_by,
            confirmed_at=now,
        )
        confirmation.full_clean()
        confirmation.save()


@transaction.atomic
def participation_record_create(
    *,
    data: Mapping[str, Any],
    priority_areas: Iterable[PriorityArea],
    groups: Iterable[StakeholderGroup],
    created_by: AbstractBaseUser | None,
    is_sample: bool = False,
    items: Sequence[Mapping[str, Any]] = (),
    quotes: Sequence[Mapping[str, Any]] = (),
    personal_data_confirmed: Mapping[str, Sequence[str]] | None = None,
) -> ParticipationRecord:
    """Log a piece of participation with the groups that took part, what it informed, its
    "you said" items (see `_save_items`) and its quotes (see `_save_quotes`), all or nothing.
    `personal_data_confirmed` ({field: kinds found}): what `created_by` confirmed is not about
    a child, recorded with the record. Its retention date follows the partnership's rule."""
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
    _save_items(record, items)
    _save_quotes(record, quotes, group_list)
    _confirmations_add(record, personal_data_confirmed or {}, created_by)
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
    items: Sequence[Mapping[str, Any]] = (),
    quotes: Sequence[Mapping[str, Any]] | None = None,
    personal_data_confirmed: Mapping[str, Sequence[str]] | None = None,
    confirmed_by: AbstractBaseUser | None = None,
) -> ParticipationRecord:
    """Change a record, its "you said" items (see `_save_items`) and its quotes (see
    `_save_quotes`; None leaves them as they are) all or nothing, refusing the save if the
    record changed since `expected_version` was read; `personal_data_confirmed` as for
    `participation_record_create`, by `confirmed_by`."""
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
    public_items_before = _public_items(current.you_said_items.all())
    public_quotes_before = publication.public_quotes(current)
    words_changed = any(
        name in changes and changes[name] != getattr(current, name)
        for name in publication.PUBLIC_TEXT_FIELDS
    )
    for name, value in changes.items():
        setattr(current, name, value)
    changes["retention_date"] = _retention_date_kept(current)
    save_edit(current, changes, also_update=also_update)
    current.priority_areas.set(areas)
    current.groups.set(group_list)
    _save_items(current, items)
    if quotes is not None:
        _save_quotes(current, quotes, group_list)
    words_changed = (
        words_changed
        or _public_items(current.you_said_items.all()) != public_items_before
        or publication.public_quotes(current) != public_quotes_before
    )
    # New public words have not been read or checked for publishing: off the public pages
    # until someone previews and publishes them again.
    if current.published_at is not None and words_changed:
        current.published_at, current.published_by = None, None
        current.save(update_fields=["published_at", "published_by"])
    _confirmations_add(current, personal_data_confirmed or {}, confirmed_by)
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


QUOTE_EDITABLE_FIELDS = ("text", "given_by", "consent_use", "consent_until")
QUOTE_GROUP_MESSAGE = "Choose a group that took part in this record."
QUOTE_CHANGED_MESSAGE = (
    "Someone else changed one of these quotes while you were editing: reload the page to see "
    "it, then make your change again."
)


def _save_quotes(
    record: ParticipationRecord,
    changes: Sequence[Mapping[str, Any]],
    groups: Iterable[StakeholderGroup],
) -> None:
    """Apply the quote changes: {"id": None or a quote's id, "version": the version the page
    read, and QUOTE_EDITABLE_FIELDS}, or {"id": ..., "delete": True}; quotes not named stay as
    they are. A quote's consent is given by one of `groups`, those that took part. Every quote
    is checked before any is saved; a quote changed meanwhile refuses the save. The caller's
    transaction makes it all or nothing with the record."""
    group_ids = {group.pk for group in groups}
    existing = {quote.pk: quote for quote in record.quotes.all()} if record.pk else {}
    problems, to_save, removed = [], [], []
    for number, change in enumerate(changes, start=1):
        pk = change.get("id")
        if pk is not None and pk not in existing:
            raise ValidationError(QUOTE_CHANGED_MESSAGE)
        if change.get("delete"):
            removed.append(pk)
            continue
        unknown = set(change) - {"id", "version", *QUOTE_EDITABLE_FIELDS}
        if unknown:
            raise TypeError(f"Not editable fields of a quote: {sorted(unknown)}")
        values = {name: change[name] for name in QUOTE_EDITABLE_FIELDS}
        if values["given_by"] is not None and values["given_by"].pk not in group_ids:
            problems.append(f"Quote {number}: {QUOTE_GROUP_MESSAGE}")
            continue
        if pk is None:
            quote = Quote(record=record, **values)
            try:
                quote.full_clean()
            except ValidationError as error:
                problems.append(f"Quote {number}: {' '.join(error.messages)}")
            to_save.append((quote, None))
            continue
        quote = locked_for_edit(
            Quote,
            pk=pk,
            expected_version=change.get("version"),
            conflict=lambda _: ValidationError(QUOTE_CHANGED_MESSAGE),
        )
        if any(getattr(quote, name) != value for name, value in values.items()):
            to_save.append((quote, values))
    if problems:
        raise ValidationError(problems)
    Quote.objects.filter(record=record, pk__in=removed).delete()
    for quote, values in to_save:
        if values is None:
            quote.save()
        else:
            save_edit(quote, values)
