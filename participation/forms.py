"""Forms of the participation app: the participation record and the voice-of-the-child answers."""

import datetime
from typing import Any

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Fieldset, Layout, Submit
from django import forms
from django.core import signing

from commissioning.models import CommissioningActivity
from config.roles import participation_priority_areas_for
from participation.models import (
    AGE_BAND_FIELDS,
    SPECIAL_GROUP_FIELDS,
    ParticipationRecord,
    StakeholderGroup,
)
from participation.services import NO_GROUP_MESSAGE, NO_PRIORITY_MESSAGE, RECORD_EDITABLE_FIELDS
from priorities.models import PriorityArea

SNAPSHOT_SALT = "participation.record-edit-snapshot"
PRIVACY_NOTICE = (
    "Do not record any child's name, date of birth or other identifying details: counts only."
)
RELATION_FIELDS = ("priority_areas", "groups")
COUNT_FIELDS = (*AGE_BAND_FIELDS, *SPECIAL_GROUP_FIELDS)
NEGATIVE_COUNT_MESSAGE = "Enter a number of people of 0 or more: a count cannot be negative."


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def _shown(record: ParticipationRecord, name: str) -> str:
    """A field's value as a person reads it, for the "changed meanwhile" list."""
    if name in RELATION_FIELDS:
        return ", ".join(str(item) for item in getattr(record, name).all())
    field = ParticipationRecord._meta.get_field(name)
    if field.choices:
        return str(getattr(record, f"get_{name}_display")())
    value = getattr(record, name)
    if isinstance(value, datetime.date):
        return f"{value:%d/%m/%Y}"
    return "" if value is None else str(value)


def record_snapshot(record: ParticipationRecord) -> dict[str, str]:
    """The editable fields of a record as comparable strings (ids for related objects)."""
    snapshot = {}
    for name in RECORD_EDITABLE_FIELDS:
        value = getattr(record, ParticipationRecord._meta.get_field(name).attname)
        snapshot[name] = "" if value is None else str(value)
    for name in RELATION_FIELDS:
        snapshot[name] = ",".join(
            str(pk) for pk in sorted(o.pk for o in getattr(record, name).all())
        )
    return snapshot


def changes_since(snapshot: dict[str, str], current: ParticipationRecord) -> list[tuple[str, str]]:
    """(label, current value) of each field that differs from the snapshot."""
    now = record_snapshot(current)
    return [
        (
            str(ParticipationRecord._meta.get_field(name).verbose_name).capitalize(),
            _shown(current, name) or "(empty)",
        )
        for name in (*RECORD_EDITABLE_FIELDS, *RELATION_FIELDS)
        if snapshot.get(name) != now[name]
    ]


class ParticipationRecordForm(forms.ModelForm):
    """Log or edit a participation record. Rules across fields live in the model's clean(), so
    the form and the services word them the same; `version` and `snapshot` detect an edit made
    meanwhile."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    snapshot = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = ParticipationRecord
        fields = [*RECORD_EDITABLE_FIELDS, *RELATION_FIELDS]
        widgets = {
            "date": DateInput(),
            "feedback_date": DateInput(),
            "priority_areas": forms.CheckboxSelectMultiple,
            "groups": forms.CheckboxSelectMultiple,
            "level": forms.RadioSelect,
            "decision_changed": forms.RadioSelect,
            "you_said": forms.Textarea(attrs={"rows": 4}),
            "we_did": forms.Textarea(attrs={"rows": 4}),
            "decision_description": forms.Textarea(attrs={"rows": 2}),
        }
        error_messages = {
            "groups": {"required": NO_GROUP_MESSAGE},
            "priority_areas": {"required": NO_PRIORITY_MESSAGE},
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        areas = participation_priority_areas_for(
            user, PriorityArea.objects.select_related("framework")
        )
        groups = StakeholderGroup.objects.filter(is_active=True)
        if self.instance.pk:
            # Keep what the record already holds, even if the editor does not lead it.
            areas = areas | PriorityArea.objects.filter(participation_records=self.instance)
            groups = groups | StakeholderGroup.objects.filter(participation_records=self.instance)
            self.fields["version"].initial = self.instance.version
            self.fields["snapshot"].initial = signing.dumps(
                record_snapshot(self.instance), salt=SNAPSHOT_SALT
            )
        self.fields["priority_areas"].queryset = areas.distinct().order_by(
            "framework__partnership", "order", "pk"
        )
        self.fields["priority_areas"].label_from_instance = lambda area: (
            f"{area.title} ({area.framework.partnership})"
        )
        self.fields["groups"].queryset = groups.distinct().order_by("partnership", "name")
        self.fields["activity"].queryset = CommissioningActivity.objects.order_by("title")
        self.fields["activity"].empty_label = "(none)"
        self.fields["level"].choices = ParticipationRecord._meta.get_field("level").choices
        self.fields["decision_changed"].choices = ParticipationRecord.DecisionChanged.choices
        for name in COUNT_FIELDS:
            self.fields[name].widget.attrs.update({"min": 0, "step": 1})
            self.fields[name].error_messages["min_value"] = NEGATIVE_COUNT_MESSAGE
        self.helper = self._helper()

    def _helper(self) -> FormHelper:
        helper = FormHelper()
        helper.form_method = "post"
        helper.layout = Layout(
            HTML(
                '<div class="alert alert-warning privacy-notice" role="note">'
                f"<strong>Privacy:</strong> {PRIVACY_NOTICE}</div>"
            ),
            Fieldset(
                "What happened",
                "title",
                "date",
                "method",
                "level",
                "stage",
                "priority_areas",
                "activity",
            ),
            Fieldset(
                "Who took part (counts only)",
                "groups",
                HTML('<p class="form-text">How many took part, by age band:</p>'),
                Div(*AGE_BAND_FIELDS, css_class="count-grid"),
                HTML('<p class="form-text">Of those, how many were:</p>'),
                Div(*SPECIAL_GROUP_FIELDS, css_class="count-grid"),
            ),
            Fieldset(
                "You said, we did",
                "you_said",
                "we_did",
                "decision_changed",
                "decision_description",
                "feedback_date",
                "feedback_method",
            ),
            "version",
            "snapshot",
        )
        helper.add_input(Submit("submit", "Save changes" if self.instance.pk else "Save record"))
        return helper

    def clean_title(self) -> str:
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError("Give the record a title.")
        return title

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        # A count that failed its own check leaves the model's default on the instance; blank it
        # so the model's total checks skip, rather than report a total the user never entered.
        for name in COUNT_FIELDS:
            if name in self.errors:
                setattr(self.instance, name, None)
        return cleaned

    def loaded_snapshot(self) -> dict[str, str] | None:
        try:
            return signing.loads(self.cleaned_data.get("snapshot") or "", salt=SNAPSHOT_SALT)
        except signing.BadSignature:
            return None

    def model_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in RECORD_EDITABLE_FIELDS}
