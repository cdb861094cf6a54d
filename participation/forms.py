"""Forms of the participation app: the participation record and the voice-of-the-child answers."""

from typing import Any

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Fieldset, Layout
from django import forms

from commissioning.models import CommissioningActivity
from core.date_input import date_formfield
from core.edit_conflicts import EditConflictFormMixin
from core.partnerships import scope
from core.personal_data import PersonalDataFormMixin
from core.roles import participation_priority_areas_for
from participation.models import (
    AGE_BAND_FIELDS,
    SPECIAL_GROUP_FIELDS,
    ParticipationRecord,
    Quote,
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


class ParticipationRecordForm(PersonalDataFormMixin, EditConflictFormMixin, forms.ModelForm):
    """Log or edit a participation record. Rules across fields live in the model's clean(), so
    the form and the services word them the same; `version` and `snapshot` detect an edit made
    meanwhile."""

    snapshot_salt = SNAPSHOT_SALT

    class Meta:
        model = ParticipationRecord
        formfield_callback = date_formfield
        fields = [*RECORD_EDITABLE_FIELDS, *RELATION_FIELDS]
        widgets = {
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
        # The priorities, groups and activities of the partnership the user works in.
        areas = participation_priority_areas_for(
            user, scope(PriorityArea.objects.select_related("framework"), user)
        )
        groups = scope(StakeholderGroup.objects.filter(is_active=True), user)
        if self.instance.pk:
            # Keep what the record already holds, even if the editor does not lead it.
            areas = areas | PriorityArea.objects.filter(participation_records=self.instance)
            groups = groups | StakeholderGroup.objects.filter(participation_records=self.instance)
        self.fields["priority_areas"].queryset = (
            areas.distinct()
            .select_related("framework__partnership")
            .order_by("framework__partnership__name", "order", "pk")
        )
        self.fields["priority_areas"].label_from_instance = lambda area: (
            f"{area.title} ({area.framework.partnership})"
        )
        self.fields["groups"].queryset = groups.distinct().order_by("name")
        activities = scope(CommissioningActivity.objects.all(), user, shared=False)
        if self.instance.pk and self.instance.activity_id:
            activities = activities | CommissioningActivity.objects.filter(
                pk=self.instance.activity_id
            )
        self.fields["activity"].queryset = activities.order_by("title")
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
        # The page closes the form after the quotes (participation/_quotes_formset.html), with
        # the submit button, so that the record and its quotes are saved together.
        helper.form_tag = False
        helper.disable_csrf = True
        return helper

    @property
    def submit_label(self) -> str:
        return "Save changes" if self.instance.pk else "Save record"

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

    def model_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in RECORD_EDITABLE_FIELDS}


QUOTE_FIELDS = ("text", "given_by", "consent_use", "consent_until")
QUOTE_GROUP_HELP = "The group that gave consent, among those that took part: never a child."


class QuoteForm(PersonalDataFormMixin, forms.ModelForm):
    """One quote of a record, with who consented (a group) to what use, and until when; the
    text is checked for anything that could identify a child."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Quote
        formfield_callback = date_formfield
        fields = list(QUOTE_FIELDS)
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"given_by": QUOTE_GROUP_HELP}

    def __init__(self, *args, groups=None, **kwargs):
        super().__init__(*args, **kwargs)
        if groups is not None:
            self.fields["given_by"].queryset = groups
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version

    def _post_clean(self):
        # The service validates and saves the quote, with the record it belongs to.
        pass


class BaseQuoteFormSet(forms.BaseInlineFormSet):
    """The quotes of a record: `groups` are those the record's form offers, and a quote's
    group must be among those ticked (checked again by the service)."""

    def __init__(self, *args, groups=None, **kwargs):
        self.groups = groups
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "groups": self.groups}

    def items(self) -> list[dict[str, Any]]:
        """What the service saves: each kept quote's values, with the saved quote it changes."""
        kept = []
        for form in self.forms:
            if not form.has_changed() and not form.instance.pk:
                continue
            if self.can_delete and self._should_delete_form(form):
                continue
            item = {name: form.cleaned_data[name] for name in QUOTE_FIELDS}
            if form.instance.pk:
                item.update(quote=form.instance, version=form.cleaned_data.get("version"))
            kept.append(item)
        return kept

    def deleted(self) -> list[Quote]:
        return [
            form.instance
            for form in self.forms
            if form.instance.pk and self._should_delete_form(form)
        ]


QuoteFormSet = forms.inlineformset_factory(
    ParticipationRecord,
    Quote,
    form=QuoteForm,
    formset=BaseQuoteFormSet,
    fields=list(QUOTE_FIELDS),
    extra=1,
    can_delete=True,
)
