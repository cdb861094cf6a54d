"""Two people editing one record: the first save wins, the second is told what changed.

An edit form carries the record's `version` and a signed `snapshot` of the values the editor
started from. The service locks the row and refuses a save whose version is stale
(`locked_for_edit`); the view then re-renders the form with the user's input kept, the fields
changed meanwhile listed with their current values, and the new version and snapshot, so that
saving again is a knowing overwrite (`EditConflictViewMixin.conflict`, HTTP 409). Saves in
the admin are checked the same way (core.admin_versions).
"""

import datetime
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.utils import timezone

Model = TypeVar("Model", bound=models.Model)
Display = Mapping[str, Callable[[Any], str]]

OUT_OF_DATE_MESSAGE = (
    "This page is out of date or incomplete: reload it and make your changes again."
)


def _as_text(value: Any) -> str:
    value = getattr(value, "pk", value)
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        # One instant reads one way, whether it came from the database or from a form.
        value = value.astimezone(datetime.UTC)
    return "" if value is None else str(value)


def _pk_list(items: Iterable[models.Model]) -> str:
    return ",".join(str(pk) for pk in sorted(item.pk for item in items))


def snapshot_of(instance: models.Model, fields: Iterable[str]) -> dict[str, str]:
    """The named fields of `instance` as comparable strings: ids for related objects, many-to-many
    as sorted ids joined by commas, None as ""."""
    snapshot = {}
    for name in fields:
        field = instance._meta.get_field(name)
        if field.many_to_many:
            # Through .all(), so a prefetch the caller made is used.
            snapshot[name] = _pk_list(getattr(instance, name).all())
        else:
            snapshot[name] = _as_text(getattr(instance, field.attname))
    return snapshot


def shown(instance: models.Model, name: str, display: Display | None = None) -> str:
    """A field's value as a person reads it: choice labels, dates as 31/03/2027, times as
    31/03/2027 14:00 (local time), "" for None."""
    field = instance._meta.get_field(name)
    if field.many_to_many:
        return ", ".join(str(item) for item in getattr(instance, name).all())
    if display and name in display:
        return display[name](getattr(instance, name))
    if field.choices:
        return str(getattr(instance, f"get_{name}_display")())
    value = getattr(instance, name)
    if isinstance(value, datetime.datetime):
        return f"{timezone.localtime(value):%-d %B %Y, %H:%M}"
    if isinstance(value, datetime.date):
        return f"{value:%-d %B %Y}"
    return "" if value is None else str(value)


def changes_since(
    snapshot: Mapping[str, str],
    current: models.Model,
    fields: Sequence[str],
    *,
    display: Display | None = None,
) -> list[tuple[str, str]]:
    """(label, current value) of each of `fields` that differs from the snapshot.

    `display` maps a field name to how its value reads, where the default (`shown`) does not fit.
    """
    now = snapshot_of(current, fields)
    return [
        (
            str(current._meta.get_field(name).verbose_name).capitalize(),
            shown(current, name, display) or "(empty)",
        )
        for name in fields
        if snapshot.get(name) != now[name]
    ]


class EditConflict(ValidationError):
    """Someone saved the record since this edit began; `current` is the record as it is now.

    `message` replaces the default sentence where the page says more (a stale move of an
    activity says where it moved, and who moved it).
    """

    def __init__(
        self, current: models.Model, noun: str | None = None, *, message: str | None = None
    ):
        self.current = current
        noun = noun or current._meta.verbose_name
        super().__init__(
            message or f"Someone else saved this {noun} while you were editing it.",
            code="conflict",
        )


def locked_for_edit(
    model: type[Model],
    *,
    pk: Any,
    expected_version: int | None,
    conflict: Callable[[Model], Exception] = EditConflict,
) -> Model:
    """The row, locked until the transaction ends, if it is still at `expected_version`.

    Otherwise raises `conflict(current)`. With `expected_version` None the edit applies to the
    row as it is now; callers that must refuse a save without a version pass -1 instead.
    Call inside `transaction.atomic`.
    """
    current = model._default_manager.select_for_update().get(pk=pk)
    if expected_version is not None and current.version != expected_version:
        raise conflict(current)
    return current


def save_edit(
    current: Model, changes: Mapping[str, Any], *, also_update: Sequence[str] = ()
) -> Model:
    """Apply `changes` to a row got from `locked_for_edit`, validate, bump the version, save."""
    for name, value in changes.items():
        setattr(current, name, value)
    current.full_clean()
    current.version += 1
    current.save(update_fields=[*changes, "version", *also_update])
    return current


def required_version(form: forms.Form) -> int:
    """The version an edit form came back with; a form without one (not from the edit page)
    is treated as stale, never as "save over whatever is there"."""
    version = form.cleaned_data.get("version")
    return -1 if version is None else version


def input_snapshot(form: forms.BaseForm, fields: Iterable[str]) -> dict[str, str]:
    """A model form's submitted values, in the form of `snapshot_of`."""
    model_meta = form._meta.model._meta
    snapshot = {}
    for name in fields:
        value = form.cleaned_data.get(name)
        if model_meta.get_field(name).many_to_many:
            snapshot[name] = _pk_list(value or [])
        else:
            snapshot[name] = _as_text(value)
    return snapshot


class VersionFormMixin:
    """A ModelForm mixin: a hidden `version`, the one the editor started from.

    A version that does not parse (a tampered or truncated page) is reported on top of the
    form, since an error beside a hidden field would never be seen.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"] = self.version_field()
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

    def version_field(self) -> forms.IntegerField:
        return forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self._errors.pop("version", None):
            raise forms.ValidationError(OUT_OF_DATE_MESSAGE)
        return cleaned

    def model_data(self) -> dict[str, Any]:
        """The cleaned model fields, without the version and snapshot."""
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class EditConflictFormMixin(VersionFormMixin):
    """A ModelForm mixin: a hidden `version` and a signed `snapshot` of the values the editor
    started from, to list what changed meanwhile if the save turns out stale.

    `snapshot_fields` defaults to the form's model fields; `snapshot_salt` to
    "<app label>.<model name>-edit-snapshot"; `snapshot_display` maps a field name to how its
    value reads in the list of changes (see `changes_since`).
    """

    snapshot_fields: Sequence[str] | None = None
    snapshot_salt: str | None = None
    snapshot_display: Display | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["snapshot"] = forms.CharField(widget=forms.HiddenInput, required=False)
        if self.instance.pk:
            self.fields["snapshot"].initial = self.signed_snapshot(self.instance)

    def get_snapshot_fields(self) -> Sequence[str]:
        return tuple(self.snapshot_fields or self._meta.fields)

    def get_snapshot_salt(self) -> str:
        meta = self._meta.model._meta
        return self.snapshot_salt or f"{meta.app_label}.{meta.model_name}-edit-snapshot"

    def signed_snapshot(self, instance: models.Model) -> str:
        snapshot = snapshot_of(instance, self.get_snapshot_fields())
        return signing.dumps(snapshot, salt=self.get_snapshot_salt())

    def loaded_snapshot(self) -> dict[str, str] | None:
        """The snapshot the form came back with, or None if it is missing or not ours."""
        try:
            return signing.loads(
                self.cleaned_data.get("snapshot") or "", salt=self.get_snapshot_salt()
            )
        except signing.BadSignature:
            return None

    def input_snapshot(self) -> dict[str, str]:
        """The submitted values in snapshot form: the fallback when no snapshot came back."""
        return input_snapshot(self, self.get_snapshot_fields())

    def changes_since(self, snapshot: Mapping[str, str], current: models.Model):
        return changes_since(
            snapshot, current, self.get_snapshot_fields(), display=self.snapshot_display
        )


def conflict_message(noun: str, changed: Sequence[tuple[str, str]] | None = None) -> str:
    """The warning over a refused save; with `changed` (from changes_since) it names what
    changed, for a page without the panel of changes (the admin)."""
    meanwhile = ""
    if changed is not None:
        what = "; ".join(f"{label}: “{value}”" for label, value in changed)
        meanwhile = f" Changed meanwhile: {what or 'none of the fields on this page'}."
    return (
        f"Not saved: someone else saved this {noun} while you were editing it.{meanwhile} Your "
        "changes are still in the form; check what changed, then save again to keep yours."
    )


class EditConflictViewMixin:
    """A FormView mixin for an edit page whose form uses EditConflictFormMixin.

    On an EditConflict, `conflict(form, current)` answers 409 with the user's input kept, the
    fields changed meanwhile as `conflict_changes` (shown by _partials/edit_conflict.html) and
    the new version and snapshot, so saving again knowingly wins. Put it before
    ServiceFormMixin, whose refusals it answers when they are edit conflicts.
    """

    conflict_noun: str | None = None

    def get_conflict_noun(self, current: models.Model) -> str:
        """What the warning calls the record: "this action", "this record"."""
        return self.conflict_noun or str(current._meta.verbose_name)

    def conflict(self, form: EditConflictFormMixin, current: models.Model) -> HttpResponse:
        """Keep the user's input, list what changed, and let a second save knowingly win."""
        # Without the snapshot of what the user started from, compare with what they sent.
        snapshot = form.loaded_snapshot() or form.input_snapshot()
        changed = form.changes_since(snapshot, current)
        data = self.request.POST.copy()
        data["version"] = current.version
        data["snapshot"] = form.signed_snapshot(current)
        kept = self.get_form_class()(
            **{**self.get_form_kwargs(), "data": data, "instance": current}
        )
        kept.is_valid()
        messages.warning(self.request, conflict_message(self.get_conflict_noun(current)))
        context = self.get_context_data(form=kept, conflict_changes=changed, conflict=True)
        return self.render_to_response(context, status=409)

    def service_refused(self, form, error: ValidationError) -> HttpResponse:
        """A service's EditConflict answers 409 here; other refusals go on to the form."""
        if isinstance(error, EditConflict):
            return self.conflict(form, error.current)
        return super().service_refused(form, error)
