"""Saves in the admin of a versioned record are checked as the site's edits are
(core.edit_conflicts): the first save wins, the second is told what changed.

A change page, and each row of a versioned inline, carries the `version` the record had when
the page was opened and a signed snapshot of its values then, in hidden fields. A save whose
version is stale is refused with a form error naming what changed meanwhile, and nothing is
saved; the page comes back with the admin's input and the new version, so saving again
knowingly keeps the admin's values. A fresh save bumps the version, so an edit left open on
the site meanwhile is refused in turn. An inline row the admin did not touch is not saved at
all, even if it changed meanwhile: saving the page must not write its old copy over someone's
save.
"""

from collections.abc import Sequence
from typing import Any

from django import forms
from django.contrib.admin.utils import flatten_fieldsets
from django.core import signing
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.forms.models import InlineForeignKeyField
from simple_history.models import is_historic

from core.edit_conflicts import (
    OUT_OF_DATE_MESSAGE,
    changes_since,
    conflict_message,
    input_snapshot,
    snapshot_of,
)

OPENED_VERSION = "opened_version"
OPENED_SNAPSHOT = "opened_snapshot"
PAGE_FIELDS = (OPENED_VERSION, OPENED_SNAPSHOT)


def counts_versions(model: type[models.Model]) -> bool:
    """Whether the model has an integer `version` (Framework's `version` is a label, "v2")."""
    try:
        return isinstance(model._meta.get_field("version"), models.IntegerField)
    except FieldDoesNotExist:
        return False


class _PageField:
    """A hidden field about the page, not the record: it never counts as a change."""

    def has_changed(self, initial: Any, data: Any) -> bool:
        return False


class OpenedVersionField(_PageField, forms.IntegerField):
    def __init__(self):
        super().__init__(widget=forms.HiddenInput, required=False)


class OpenedSnapshotField(_PageField, forms.CharField):
    def __init__(self):
        super().__init__(widget=forms.HiddenInput, required=False)


class VersionCheckedFormMixin:
    """The admin form (or inline row) of a versioned record: see the module's docstring.

    Made by `version_checked_form`, which adds the hidden fields.
    """

    is_inline_row = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            return
        opened = self._as_saved()
        self._saved_version = opened.version
        self.fields[OPENED_VERSION].initial = opened.version
        self.fields[OPENED_SNAPSHOT].initial = self._signed_snapshot(opened)

    def _as_saved(self) -> models.Model:
        # A revert page (django-simple-history) edits an old copy of the record: the version
        # to check against is the one saved now.
        if is_historic(self.instance):
            return type(self.instance)._default_manager.get(pk=self.instance.pk)
        return self.instance

    def checked_fields(self) -> list[str]:
        """The record's fields on this form: those a change of is named in a refusal. Not the
        inline's link to its parent record, which the formset adds after __init__."""
        model_meta = self._meta.model._meta
        names = []
        for name, form_field in self.fields.items():
            if isinstance(form_field, InlineForeignKeyField):
                continue
            try:
                field = model_meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if isinstance(field, models.Field) and not field.primary_key:
                names.append(name)
        return names

    def _snapshot_salt(self) -> str:
        meta = self._meta.model._meta
        return f"{meta.app_label}.{meta.model_name}-admin-snapshot"

    def _signed_snapshot(self, instance: models.Model) -> str:
        return signing.dumps(
            snapshot_of(instance, self.checked_fields()), salt=self._snapshot_salt()
        )

    def _opened_snapshot(self) -> dict[str, str] | None:
        """The values the page was opened with, or None if they did not come back intact."""
        try:
            return signing.loads(self[OPENED_SNAPSHOT].data or "", salt=self._snapshot_salt())
        except signing.BadSignature:
            return None

    def _saved_since_opened(self) -> bool:
        # A record added on this page has no opened version: the admin reads changed_data
        # after saving it, for its change message.
        if not hasattr(self, "_saved_version"):
            return False
        return str(self[OPENED_VERSION].data) != str(self._saved_version)

    def _differs_from_opened(self, name: str, opened: dict[str, str]) -> bool:
        if name not in opened:
            return True
        text = opened[name]
        model_field = self._meta.model._meta.get_field(name)
        try:
            if model_field.many_to_many:
                value = [pk for pk in text.split(",") if pk]
            elif text == "":
                value = None
            elif model_field.is_relation:
                value = text
            else:
                value = model_field.to_python(text)
        except ValidationError:
            return True
        return self.fields[name].has_changed(value, self[name].data)

    @property
    def changed_data(self) -> list[str]:
        """What the admin changed. Once the record was saved elsewhere, that is what differs
        from the page as it was opened, not from the record as it is now."""
        changed = super().changed_data
        if self.instance.pk is None or not self._saved_since_opened():
            return changed
        opened = self._opened_snapshot()
        if opened is None:
            return changed
        checked = self.checked_fields()
        return [
            name
            for name in changed
            if name not in checked or self._differs_from_opened(name, opened)
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self._errors.pop(OPENED_VERSION, None):
            raise forms.ValidationError(OUT_OF_DATE_MESSAGE)
        if self.instance.pk is None or (self.is_inline_row and not self.has_changed()):
            return cleaned  # a new record, or a row the formset leaves as it is
        opened_version = cleaned.get(OPENED_VERSION)
        if opened_version is None:
            raise forms.ValidationError(OUT_OF_DATE_MESSAGE)
        # Locked until the admin's transaction ends, so no save slips in before this one.
        model = self._meta.model
        current = model._default_manager.select_for_update().get(pk=self.instance.pk)
        if current.version != opened_version:
            changed = self._changes_since_opened(current)
            self._keep_for_a_second_save(current)
            raise forms.ValidationError(
                conflict_message(str(model._meta.verbose_name), changed), code="conflict"
            )
        # A fresh save is the record's next version; the admin saves it.
        self.instance.version = current.version + 1
        return cleaned

    def _changes_since_opened(self, current: models.Model) -> list[tuple[str, str]]:
        fields = self.checked_fields()
        # Without the values the page was opened with, compare with what the admin sent.
        snapshot = self._opened_snapshot() or input_snapshot(self, fields)
        return changes_since(snapshot, current, fields)

    def _keep_for_a_second_save(self, current: models.Model) -> None:
        """Send the page back at the new version: saving it again knowingly wins."""
        data = self.data.copy()
        data[self.add_prefix(OPENED_VERSION)] = current.version
        data[self.add_prefix(OPENED_SNAPSHOT)] = self._signed_snapshot(current)
        self.data = data


def version_checked_form(
    form_class: type[forms.ModelForm], *, inline_row: bool = False
) -> type[forms.ModelForm]:
    """`form_class` with the hidden fields and the check of VersionCheckedFormMixin."""
    attrs = {
        OPENED_VERSION: OpenedVersionField(),
        OPENED_SNAPSHOT: OpenedSnapshotField(),
        "is_inline_row": inline_row,
        "__module__": __name__,
    }
    return type(form_class.__name__, (VersionCheckedFormMixin, form_class), attrs)


class _PageFieldsetsMixin:
    def get_fieldsets(self, request, obj=None) -> Sequence[tuple[str | None, dict]]:
        """The admin's fieldsets, with the hidden page fields in the first if not there yet
        (an admin that names its `fields` or `fieldsets` does not list them)."""
        fieldsets = list(super().get_fieldsets(request, obj))
        missing = [name for name in PAGE_FIELDS if name not in flatten_fieldsets(fieldsets)]
        if missing:
            name, options = fieldsets[0]
            fieldsets[0] = (name, {**options, "fields": [*options["fields"], *missing]})
        return fieldsets


class VersionCheckedAdminMixin(_PageFieldsetsMixin):
    """A ModelAdmin mixin for a versioned record: a stale save is refused with what changed,
    a fresh one bumps the version (see the module's docstring)."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs.setdefault("form", version_checked_form(self.form))
        return super().get_form(request, obj, change, **kwargs)


class VersionCheckedInlineMixin(_PageFieldsetsMixin):
    """An InlineModelAdmin mixin for a versioned record: each row the admin changed is checked
    and bumped as on the record's own admin page; a row not changed is not saved."""

    def get_formset(self, request, obj=None, **kwargs):
        kwargs.setdefault("form", version_checked_form(self.form, inline_row=True))
        return super().get_formset(request, obj, **kwargs)
