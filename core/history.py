"""The audit history page of any model that keeps django-simple-history records.

`history_rows` turns an object's historical records into rows for
`templates/_partials/history_table.html`: who, when, and each changed field with its old and
new display values (from `diff_against`). It costs one query for the records and their users,
and one per related model whose key changed, however many records there are.

`ObjectHistoryView` serves the page: subclass it with `model` and add a URL with `<int:pk>`.
It says when a value was removed from the history (core.history_purge), and offers
administrators the page that removes one.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import models
from django.http import Http404
from django.urls import reverse
from django.utils.http import urlencode
from django.views.generic import TemplateView

from core.history_purge import purges_of
from core.partnerships import current_partnership, is_scoped, scope
from core.roles import RoleRequiredMixin, can_purge_history

EMPTY = "(empty)"
WHAT_HAPPENED = {"+": "Created", "~": "Changed", "-": "Deleted"}


@dataclass
class FieldChange:
    label: str
    old: object
    new: object


@dataclass
class HistoryRow:
    when: object
    who: str
    what: str
    changes: list[FieldChange] = field(default_factory=list)


def _who(record) -> str:
    user = record.history_user
    if user is None:
        return "The system"
    return user.get_full_name() or user.get_username()


def _display(model_field: models.Field, value, related: dict) -> object:
    """The value as a person reads it: choice labels, related objects' names, Yes/No."""
    if value is None or value == "":
        return EMPTY
    if model_field.is_relation:
        return related.get((model_field.related_model, value), f"#{value} (deleted)")
    if model_field.choices:
        return dict(model_field.flatchoices).get(value, value)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return value


def _related_objects(model, deltas) -> dict:
    """Every related object named by a changed key, fetched in one query per related model."""
    wanted: dict[type, set] = defaultdict(set)
    for delta in deltas:
        for change in delta.changes:
            model_field = model._meta.get_field(change.field)
            if model_field.is_relation:
                for value in (change.old, change.new):
                    if value is not None:
                        wanted[model_field.related_model].add(value)
    found = {}
    for related_model, pks in wanted.items():
        for pk, obj in related_model._default_manager.in_bulk(pks).items():
            found[(related_model, pk)] = str(obj)
    return found


def history_rows(records) -> list[HistoryRow]:
    """Rows for the history table from historical records, newest first."""
    records = list(records.select_related("history_user").order_by("-history_date", "-pk"))
    if not records:
        return []
    model = records[0].instance_type
    # Each record against the one before it (the next older in this list).
    deltas = {
        record.pk: record.diff_against(older)
        for record, older in zip(records, records[1:], strict=False)
        if record.history_type == "~"
    }
    related = _related_objects(model, deltas.values())
    rows = []
    for record in records:
        row = HistoryRow(
            when=record.history_date, who=_who(record), what=WHAT_HAPPENED[record.history_type]
        )
        delta = deltas.get(record.pk)
        for change in delta.changes if delta else []:
            model_field = model._meta.get_field(change.field)
            row.changes.append(
                FieldChange(
                    label=str(model_field.verbose_name).capitalize(),
                    old=_display(model_field, change.old, related),
                    new=_display(model_field, change.new, related),
                )
            )
        rows.append(row)
    return rows


class ObjectHistoryView(RoleRequiredMixin, TemplateView):
    """Who changed an object, when, and what: readable by every role."""

    model: type[models.Model] | None = None
    template_name = "history.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pk = self.kwargs["pk"]
        user = self.request.user
        obj = scope(self.model._default_manager.all(), user).filter(pk=pk).first()
        records = self.model.history.filter(**{self.model._meta.pk.attname: pk})
        if obj is None and is_scoped(self.model):
            # Deleted: its history rows keep the links to its parents, so they say whose it was.
            records = records.filter(**{self.model.partnership_lookup: current_partnership(user)})
        rows = history_rows(records)
        if obj is None and not rows:
            raise Http404(f"No {self.model._meta.verbose_name} with this number.")
        context.update(
            object=obj,
            object_label=str(obj) if obj else f"{self.model._meta.verbose_name} #{pk} (deleted)",
            history_rows=rows,
            purges=list(purges_of(self.model, pk)),
        )
        if can_purge_history(self.request.user):
            query = urlencode({"model_label": self.model._meta.label_lower, "object_id": pk})
            context["purge_url"] = f"{reverse('admin:core_historypurge_add')}?{query}"
        return context
