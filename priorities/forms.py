"""Forms of the priorities app: actions, progress updates and the import upload."""

import datetime
from typing import Any

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from core import edit_conflicts, roles
from core.date_input import date_formfield
from core.edit_conflicts import EditConflictFormMixin
from core.models import PartnershipMembership
from core.personal_data import PersonalDataFormMixin
from governance.models import Organisation
from priorities.import_files import MAX_UPLOAD_BYTES, ImportFileError
from priorities.models import (
    RAG,
    Action,
    Comparator,
    Indicator,
    IndicatorValue,
    Objective,
    PriorityArea,
    ProgressUpdate,
)
from priorities.national_files import MAX_NATIONAL_BYTES, Source, check_national_size
from priorities.rag_suggestion import Suggestion, suggest_rag
from priorities.services import ACTION_EDITABLE_FIELDS

SNAPSHOT_SALT = "priorities.action-edit-snapshot"
IMPORT_MAX_BYTES = MAX_UPLOAD_BYTES


# The name of the second button of forms filled in series: save, then the empty form again.
SAVE_AND_ADD_ANOTHER = "save_and_add_another"


def _helper(submit_label: str, *, add_another: bool = False) -> FormHelper:
    helper = FormHelper()
    helper.form_method = "post"
    helper.add_input(Submit("submit", submit_label))
    if add_another:
        another = Submit(SAVE_AND_ADD_ANOTHER, "Save and add another")
        another.field_classes = "btn btn-outline-primary ms-2"
        helper.add_input(another)
    return helper


def owner_choices(*, partnership_id: int | None = None, keep_pk: int | None = None):
    """People who may own an action of a partnership: its commissioners and administrators (and
    the current owner, so that an action whose owner has since lost their role can still be
    edited). Without a partnership: those of any partnership."""
    memberships = PartnershipMembership.objects.filter(
        user=OuterRef("pk"), role__in=[roles.COMMISSIONER, roles.ADMINISTRATOR]
    )
    if partnership_id is not None:
        memberships = memberships.filter(partnership_id=partnership_id)
    may_own = Q(Exists(memberships))
    if keep_pk is not None:
        may_own |= Q(pk=keep_pk)
    return (
        get_user_model()
        .objects.filter(may_own)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def user_label(user) -> str:
    return user.get_full_name() or user.username


# How a changed field of an action reads where the default of edit_conflicts.shown does not fit.
ACTION_DISPLAY = {"owner": user_label}


class ActionRulesMixin:
    """The cross-field rules of an action, shared by the edit form and the import rows."""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        start, due = cleaned.get("start_date"), cleaned.get("due_date")
        if start and due and due < start:
            self.add_error(
                "due_date",
                f"The due date ({due:%-d %B %Y}) cannot be before the start date "
                f"({start:%-d %B %Y}).",
            )
        status = cleaned.get("status")
        if status == Action.Status.CANCELLED and not cleaned.get("cancellation_reason", "").strip():
            self.add_error("cancellation_reason", "Give the reason the action was cancelled.")
        return cleaned


def changes_since(snapshot: dict[str, str], current: Action) -> list[tuple[str, str]]:
    """(label, current value) of each field of an action that differs from the snapshot."""
    return edit_conflicts.changes_since(
        snapshot, current, ACTION_EDITABLE_FIELDS, display=ACTION_DISPLAY
    )


class ActionForm(PersonalDataFormMixin, ActionRulesMixin, EditConflictFormMixin, forms.ModelForm):
    """Add or edit an action; `version` and `snapshot` detect an edit made meanwhile."""

    snapshot_salt = SNAPSHOT_SALT
    snapshot_display = ACTION_DISPLAY

    class Meta:
        model = Action
        formfield_callback = date_formfield
        fields = ACTION_EDITABLE_FIELDS
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "cancellation_reason": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, priority_area: PriorityArea, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objective"].queryset = priority_area.objectives.all()
        self.fields["objective"].empty_label = "(none: serves the priority as a whole)"
        partnership_id = priority_area.framework.partnership_id
        self.fields["owner"].queryset = owner_choices(
            partnership_id=partnership_id, keep_pk=self.instance.owner_id
        )
        self.fields["lead_organisation"].queryset = Organisation.objects.filter(
            partnerships=partnership_id
        )
        self.fields["owner"].label_from_instance = user_label
        if self.instance.pk:
            self.helper = _helper("Save changes")
        else:
            self.helper = _helper("Add action", add_another=True)

    def clean_title(self) -> str:
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError("Give the action a title.")
        return title


def long_date(day: datetime.date) -> str:
    """3 November 2026, as the pages write dates."""
    return f"{day.day} {day:%B %Y}"


class ProgressUpdateForm(PersonalDataFormMixin, forms.ModelForm):
    """The quick "log progress" form of the action page; it can also close the action (its
    status), in the same save. `version` is the action's, to refuse a status change over one
    made meanwhile.

    The RAG's help suggests one (priorities/rag_suggestion.py): for the action's latest percent
    complete when the page opens, for the percent entered once posted. A RAG other than the
    suggested one needs a word of why (`rag_override_reason`)."""

    # Declared here so that clean_percent_complete, not the model's validator, words the error.
    percent_complete = forms.IntegerField(
        label="Percent complete",
        help_text="From 0 to 100.",
        widget=forms.NumberInput(attrs={"min": 0, "max": 100, "step": 1}),
    )
    status = forms.ChoiceField(
        label="Action status",
        choices=Action.Status.choices,
        # A post without it (an older page, a script) leaves the status as it is.
        required=False,
        help_text="Choose Complete to close the action, or Cancelled and say why.",
    )
    cancellation_reason = forms.CharField(
        label="Why cancelled",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Required when the action is cancelled.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = ProgressUpdate
        formfield_callback = date_formfield
        # Percent complete before the RAG: the suggestion follows from it.
        fields = ["date", "percent_complete", "rag", "rag_override_reason", "narrative"]
        widgets = {
            "rag": forms.RadioSelect,
            "rag_override_reason": forms.Textarea(attrs={"rows": 2}),
            "narrative": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "rag": "RAG status",
            "rag_override_reason": "Why this RAG, if not the suggested one",
        }
        help_texts = {
            "rag_override_reason": "Required when the RAG you choose differs from the suggestion."
        }
        error_messages = {"rag": {"required": "Choose a RAG status."}}

    def __init__(self, *args, action: Action, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        self.fields["date"].initial = timezone.localdate
        # The model's callable default would add a hidden "initial-date" input, which carries
        # the field's aria-describedby once it has an error (invalid on a hidden input).
        self.fields["date"].show_hidden_initial = False
        self.fields["rag"].choices = ProgressUpdate._meta.get_field("rag").choices
        # No RAG is preselected, so that a hurried update cannot carry the last one forward
        # unread; the suggestion and the last one are shown beside the choices instead.
        self.suggestion: Suggestion = suggest_rag(
            action, action.latest_percent or 0, timezone.localdate()
        )
        self._describe_rag()
        self.fields["percent_complete"].initial = action.latest_percent
        self.fields["status"].initial = action.status
        self.fields["cancellation_reason"].initial = action.cancellation_reason
        self.fields["version"].initial = action.version
        self.helper = _helper("Log progress")
        # The template writes the <form> tag: a helper's form_action would also reach the
        # radio group's <div> as an `action` attribute (crispy's radio template).
        self.helper.form_tag = False

    def clean_percent_complete(self) -> int:
        percent = self.cleaned_data["percent_complete"]
        if percent is None or not 0 <= percent <= 100:
            raise forms.ValidationError("Percent complete must be between 0 and 100.")
        return percent

    def clean_date(self) -> datetime.date:
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise forms.ValidationError("The date of an update cannot be in the future.")
        return date

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self._errors.pop("version", None):
            raise forms.ValidationError(edit_conflicts.OUT_OF_DATE_MESSAGE)
        reason = cleaned.get("cancellation_reason", "").strip()
        if cleaned.get("status") == Action.Status.CANCELLED and not reason:
            self.add_error("cancellation_reason", "Give the reason the action was cancelled.")
        self._check_rag_against_suggestion(cleaned)
        return cleaned

    def _check_rag_against_suggestion(self, cleaned: dict[str, Any]) -> None:
        percent = cleaned.get("percent_complete")
        if percent is None:
            return
        # Measured on the update's day: a late entry is held to where the line stood then.
        day = cleaned.get("date") or timezone.localdate()
        self.suggestion = suggest_rag(self.action, percent, day)
        self._describe_rag()
        rag = cleaned.get("rag")
        why = cleaned.get("rag_override_reason", "").strip()
        if not self.suggestion.overruled_by(rag):
            # A reason for a RAG that agrees with the suggestion would mislead the history.
            cleaned["rag_override_reason"] = ""
        elif not why:
            self.add_error(
                "rag_override_reason",
                f"Say why you chose {RAG(rag).label} rather than the suggested "
                f"{self.suggestion.label}.",
            )

    def _describe_rag(self) -> None:
        """The RAG's help: the suggestion and its reason, then the last update's RAG."""
        action, suggestion = self.action, self.suggestion
        help_text = f"Suggestion: {suggestion.reason}." if suggestion.rag else suggestion.reason
        if action.latest_rag and action.latest_update_on:
            help_text += (
                f" Last update: {action.get_latest_rag_display()} on "
                f"{long_date(action.latest_update_on)}."
            )
        self.fields["rag"].help_text = help_text
        # A bound field copies its help when first read (cleaning reads it): set that copy too.
        self["rag"].help_text = help_text


class ObjectiveForm(PersonalDataFormMixin, EditConflictFormMixin, forms.ModelForm):
    """Add or reword an objective of a priority; `version` and `snapshot` detect an edit made
    meanwhile."""

    class Meta:
        model = Objective
        fields = ["text", "order"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        labels = {"text": "We will ...", "order": "Place in the list"}

    def __init__(self, *args, priority_area: PriorityArea, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.fields["order"].initial = priority_area.objectives.count() + 1
        self.helper = _helper("Save objective" if self.instance.pk else "Add objective")


class IndicatorForm(PersonalDataFormMixin, EditConflictFormMixin, forms.ModelForm):
    """Add or change an indicator of a priority; `version` and `snapshot` detect an edit made
    meanwhile."""

    class Meta:
        model = Indicator
        fields = [
            "name",
            "definition",
            "unit",
            "polarity",
            "target",
            "source",
            "publication_frequency",
            "publication_lag_days",
            "order",
            "fingertips_indicator_id",
            "ees_data_set",
            "ees_filters",
            "ees_value_column",
        ]
        widgets = {
            "definition": forms.Textarea(attrs={"rows": 3}),
            "ees_filters": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "polarity": "Which way is better",
            "order": "Place in the list",
            "publication_frequency": "How often it is published",
            "publication_lag_days": "Days from a period's end to its figure's publication",
        }
        help_texts = {
            "publication_lag_days": (
                "With how often it is published, this sets when the next value is due; the "
                'indicator is marked "Stale" once that day has passed without a newer value.'
            ),
        }

    def __init__(self, *args, priority_area: PriorityArea, **kwargs):
        super().__init__(*args, **kwargs)
        self.priority_area = priority_area
        if not self.instance.pk:
            self.fields["order"].initial = priority_area.indicators.count() + 1
        self.helper = _helper("Save indicator" if self.instance.pk else "Add indicator")

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        others = self.priority_area.indicators.exclude(pk=self.instance.pk)
        if others.filter(name__iexact=name).exists():
            raise forms.ValidationError("This priority already has an indicator with this name.")
        return name


# The "story behind the curve" of a value (Results-Based Accountability), asked when it is recorded.
STORY_FIELDS = ("story_drivers", "story_partners", "story_what_works")


class IndicatorValueForm(PersonalDataFormMixin, forms.ModelForm):
    """Record an indicator's value for one period, with the story behind it, and the values
    of the partnership's comparators in use (England, its region, its neighbours) for the same
    period."""

    # Each comparator's field is named by this prefix and the comparator's id.
    COMPARATOR_PREFIX = "comparator_"

    class Meta:
        model = IndicatorValue
        formfield_callback = date_formfield
        fields = [
            "period_label",
            "period_end",
            "value",
            "note",
            *STORY_FIELDS,
        ]
        labels = {
            "period_label": "Period, as the source names it (e.g. 2016/17)",
            "note": "Note on this value",
        }
        widgets = {
            "note": forms.Textarea(attrs={"rows": 2}),
            **{name: forms.Textarea(attrs={"rows": 3}) for name in STORY_FIELDS},
        }

    def __init__(self, *args, indicator: Indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        self.comparators = list(
            Comparator.objects.filter(
                partnership_id=indicator.priority_area.framework.partnership_id, is_active=True
            )
        )
        for comparator in self.comparators:
            self.fields[f"{self.COMPARATOR_PREFIX}{comparator.pk}"] = forms.DecimalField(
                label=f"{comparator.name}'s value for the same period",
                required=False,
                max_digits=12,
                decimal_places=2,
                help_text="Leave blank if it is not published yet, or keep the one held.",
            )
        self.helper = _helper("Record value", add_another=True)

    def clean_period_label(self) -> str:
        label = self.cleaned_data["period_label"].strip()
        if self.indicator.values.filter(period_label__iexact=label).exists():
            raise forms.ValidationError(
                f"This indicator already has a value for {label}: values are kept per period."
            )
        return label

    def value_data(self) -> dict[str, Any]:
        """The indicator value's own fields, cleaned."""
        return {name: self.cleaned_data[name] for name in self._meta.fields}

    def comparator_values(self) -> dict[Comparator, Any]:
        """The comparators' values entered, by comparator (blank ones left out)."""
        entered = {
            comparator: self.cleaned_data.get(f"{self.COMPARATOR_PREFIX}{comparator.pk}")
            for comparator in self.comparators
        }
        return {comparator: value for comparator, value in entered.items() if value is not None}


class ActionImportForm(forms.Form):
    """Upload an action plan as XLSX or CSV."""

    file = forms.FileField(
        help_text=(
            "An .xlsx or .csv file with a header row, as the export writes it. Rows with a "
            "Reference update that action; rows without one add a new action."
        )
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Preview import")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".xlsx", ".csv")):
            raise forms.ValidationError("Choose an .xlsx or .csv file.")
        if upload.size > IMPORT_MAX_BYTES:
            raise forms.ValidationError("The file is larger than 2 MB: split it and try again.")
        return upload


class NationalFiguresImportForm(forms.Form):
    """Upload a Fingertips or Explore Education Statistics CSV download."""

    file = forms.FileField(
        help_text=(
            "A .csv file as Fingertips or Explore Education Statistics gives it, of at most "
            f"{MAX_NATIONAL_BYTES // (1024 * 1024)} MB."
        )
    )
    source = forms.ChoiceField(
        label="Where the file is from",
        choices=[("", "Tell from the file's header row"), *Source.choices],
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Preview figures")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".csv"):
            raise forms.ValidationError("Choose a .csv file, as Fingertips or EES downloads it.")
        try:
            check_national_size(upload)
        except ImportFileError as error:
            raise forms.ValidationError(str(error)) from error
        return upload
