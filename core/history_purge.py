"""Remove a value from a record's audit history: a child's name typed into a description and
then edited out stays in every historical copy of the record, shown on its History page.

An administrator names the record, the field and the text (or none: the field's whole value)
and says why; `history_purge` replaces the text with "[removed]" in every historical row of
the record that holds it, and in the record itself if it still does, and keeps a
`core.HistoryPurge` (who, when, which record and field, why, never the value). The record's
History page then says "A value was removed from this history on … by …: <reason>".
The page is the admin's "add" page of the purges (core.admin), open to administrators only.
"""

from django import forms
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from simple_history.models import HistoricalChanges

from core.admin_versions import counts_versions
from core.cache_versions import bump_model
from core.models import HistoryPurge
from core.personal_data import PersonalDataFormMixin

REMOVED = "[removed]"


def historical_models() -> list[type[models.Model]]:
    """The models that keep django-simple-history records, by app and name."""
    found = [
        model
        for model in apps.get_models()
        if hasattr(model, "history") and not issubclass(model, HistoricalChanges)
    ]
    return sorted(found, key=lambda m: (m._meta.app_label, m._meta.model_name))


def text_fields(model: type[models.Model]) -> list[models.Field]:
    """The free-text fields of a model whose values a purge may remove."""
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
        and not field.choices
        and not isinstance(field, models.EmailField | models.URLField | models.SlugField)
    ]


def _purged(value: str, text: str) -> str:
    return value.replace(text, REMOVED) if text else REMOVED


def entries_to_purge(
    *, model: type[models.Model], object_id: int, field_name: str, text: str
) -> list[models.Model]:
    """The historical rows of the record whose `field_name` holds `text` (or, with no text, any
    value), changed in memory; ValidationError, naming the form's field, if there are none."""
    if field_name not in {field.name for field in text_fields(model)}:
        raise ValidationError({"field_name": "Choose a text field of this kind of record."})
    entries = model.history.filter(**{model._meta.pk.attname: object_id})
    if not entries.exists():
        raise ValidationError({"object_id": "This record has no history."})
    changed = []
    for entry in entries:
        value = getattr(entry, field_name) or ""
        if (text and text in value) or (not text and value and value != REMOVED):
            setattr(entry, field_name, _purged(value, text))
            changed.append(entry)
    if not changed:
        raise ValidationError({"text": "No entry of this record's history holds this text."})
    return changed


@transaction.atomic
def history_purge(
    *,
    model: type[models.Model],
    object_id: int,
    field_name: str,
    text: str,
    reason: str,
    purged_by,
) -> HistoryPurge:
    """Replace `text` (or, if empty, the whole value) of `field_name` with "[removed]" in every
    historical row of the record, and in the record; keep who did it and why."""
    # Locked first, so that a save of the record meanwhile cannot write a new copy unpurged.
    list(model._default_manager.select_for_update().filter(pk=object_id))
    changed = entries_to_purge(model=model, object_id=object_id, field_name=field_name, text=text)
    purge = HistoryPurge(
        purged_by=purged_by,
        purged_at=timezone.now(),
        content_type=ContentType.objects.get_for_model(model),
        object_id=object_id,
        field_name=field_name,
        reason=reason.strip(),
        entries_changed=len(changed),
    )
    purge.full_clean()
    type(changed[0])._default_manager.bulk_update(changed, [field_name])
    _purge_the_record(model, object_id, field_name, text)
    purge.save()
    return purge


def _purge_the_record(model: type[models.Model], object_id: int, field_name: str, text: str):
    """The record itself, if it still holds the text: changed without a new history entry,
    its version bumped so that an edit open meanwhile is refused rather than writing it back."""
    record = model._default_manager.filter(pk=object_id).first()
    value = (getattr(record, field_name) or "") if record is not None else ""
    if not value or (text and text not in value) or (not text and value == REMOVED):
        return
    changes = {field_name: _purged(value, text)}
    if counts_versions(model):
        changes["version"] = F("version") + 1
    model._default_manager.filter(pk=object_id).update(**changes)
    # update() sends no post_save: cached option lists that show this field read it afresh.
    bump_model(model)


def purges_of(model: type[models.Model], object_id: int):
    """The purges of one record, newest first, with who made them: one query."""
    return HistoryPurge.objects.filter(
        content_type__app_label=model._meta.app_label,
        content_type__model=model._meta.model_name,
        object_id=object_id,
    ).select_related("purged_by")


def _model_choices() -> list[tuple[str, str]]:
    return [
        (
            model._meta.label_lower,
            f"{model._meta.app_config.verbose_name}: {model._meta.verbose_name}",
        )
        for model in historical_models()
    ]


class HistoryPurgeForm(PersonalDataFormMixin, forms.ModelForm):
    """The admin's page to remove a value from a record's history. The reason is shown to every
    role, so it is checked for personal data; the text to remove is the personal data itself."""

    personal_data_exempt = ("text",)

    model_label = forms.ChoiceField(label="Kind of record", choices=())
    text = forms.CharField(
        label="Text to remove",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=(
            "Exactly as it appears, such as a child's name. Leave empty to remove the field's "
            "whole value. It is not kept anywhere."
        ),
    )

    class Meta:
        model = HistoryPurge
        fields = ["model_label", "object_id", "field_name", "text", "reason"]
        help_texts = {
            "object_id": "The number in the record's address, such as 12 in /actions/12/.",
            "field_name": "The field's name, such as description or narrative.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["model_label"].choices = [("", "---"), *_model_choices()]

    def clean(self):
        cleaned = super().clean()
        label, name = cleaned.get("model_label"), cleaned.get("field_name")
        if not label or not name or cleaned.get("object_id") is None:
            return cleaned
        model = cleaned["model"] = apps.get_model(label)
        names = [field.name for field in text_fields(model)]
        if name not in names:
            self.add_error(
                "field_name",
                f"{model._meta.verbose_name.capitalize()} has no text field “{name}”: "
                f"choose one of {', '.join(names)}.",
            )
            return cleaned
        try:
            entries_to_purge(
                model=model,
                object_id=cleaned["object_id"],
                field_name=name,
                text=cleaned.get("text", ""),
            )
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                self.add_error(field, messages)
        return cleaned

    def _post_clean(self):
        # The purge is recorded by the service, with the content type, who and when.
        pass
