"""Forms of the participation app: the participation record and the voice-of-the-child answers."""

from typing import Any

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Fieldset, Layout, Submit
from django import forms

from commissioning.models import CommissioningActivity
from core.date_input import date_formfield
from core.edit_conflicts import EditConflictFormMixin
from core.partnerships import current_partnership, scope
from core.personal_data import (
    CONFIRMATION_FIELD,
    ConfirmablePersonalDataFormMixin,
    PersonalDataFormMixin,
)
from core.roles import participation_priority_areas_for
from participation.models import (
    AGE_BAND_FIELDS,
    LUNDY_ELEMENTS,
    SPECIAL_GROUP_FIELDS,
    ParticipationRecord,
    Quote,
    StakeholderGroup,
    YouSaidItem,
)
from participation.services import NO_GROUP_MESSAGE, NO_PRIORITY_MESSAGE, RECORD_EDITABLE_FIELDS
from priorities.models import PriorityArea

SNAPSHOT_SALT = "participation.record-edit-snapshot"
PRIVACY_NOTICE = (
    "Do not record any child's name, date of birth or other identifying details: counts only."
)
RELATION_FIELDS = ("priority_areas", "groups")
COUNT_FIELDS = (*AGE_BAND_FIELDS, *SPECIAL_GROUP_FIELDS)
CONFIRMATION_HELP = (
    "The check found what could identify someone: it is named beside each field. Rewrite it, "
    "or, if it is not about a child (a group's name, a place, a member of staff), tick the box "
    "and save again."
)
NEGATIVE_COUNT_MESSAGE = "Enter a number of people of 0 or more: a count cannot be negative."
LUNDY_INTRO = (
    "For each element of the Lundy model, say whether this participation met it. “Yes” or "
    "“Partly” needs the evidence that shows how."
)


def checked_partnership_id(user, record: ParticipationRecord) -> int | None:
    """The partnership whose people's names the personal-data check looks for in a record's
    words and its quotes: the record's, or for a new one the partnership the user works in."""
    if record.pk:
        return record.partnership_id
    working_in = current_partnership(user)
    return working_in.pk if working_in else None


def group_choices(user, record: ParticipationRecord):
    """The groups a record's form offers: the active ones of the user's partnership, and those
    the record already holds (even if the editor does not lead it). Its quotes' groups too."""
    groups = scope(StakeholderGroup.objects.filter(is_active=True), user)
    if record.pk:
        groups = groups | StakeholderGroup.objects.filter(participation_records=record)
    return groups.distinct().order_by("name")


class ParticipationRecordForm(
    ConfirmablePersonalDataFormMixin, EditConflictFormMixin, forms.ModelForm
):
    """Log or edit a participation record. Rules across fields live in the model's clean(), so
    the form and the services word them the same; `version` and `snapshot` detect an edit made
    meanwhile. What the personal-data check finds (the partnership's users' names included) may
    be confirmed not to be about a child (core.personal_data)."""

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
            **{element.met_field: forms.RadioSelect for element in LUNDY_ELEMENTS},
            **{
                element.evidence_field: forms.Textarea(attrs={"rows": 2})
                for element in LUNDY_ELEMENTS
            },
        }
        error_messages = {
            "groups": {"required": NO_GROUP_MESSAGE},
            "priority_areas": {"required": NO_PRIORITY_MESSAGE},
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.personal_data_partnership_id = checked_partnership_id(user, self.instance)
        # The priorities, groups and activities of the partnership the user works in.
        areas = participation_priority_areas_for(
            user, scope(PriorityArea.objects.select_related("framework"), user)
        )
        if self.instance.pk:
            # Keep what the record already holds, even if the editor does not lead it.
            areas = areas | PriorityArea.objects.filter(participation_records=self.instance)
        self.fields["priority_areas"].queryset = (
            areas.distinct()
            .select_related("framework__partnership")
            .order_by("framework__partnership__name", "order", "pk")
        )
        self.fields["priority_areas"].label_from_instance = lambda area: (
            f"{area.title} ({area.framework.partnership})"
        )
        self.fields["groups"].queryset = group_choices(user, self.instance)
        activities = scope(CommissioningActivity.objects.all(), user, shared=False)
        if self.instance.pk and self.instance.activity_id:
            activities = activities | CommissioningActivity.objects.filter(
                pk=self.instance.activity_id
            )
        self.fields["activity"].queryset = activities.order_by("title")
        self.fields["activity"].empty_label = "(none)"
        self.fields["level"].choices = ParticipationRecord._meta.get_field("level").choices
        self.fields["decision_changed"].choices = ParticipationRecord.DecisionChanged.choices
        # The record's own words summarise its items, for the log, reports and public pages.
        self.fields["you_said"].label = "Summary of what we heard (you said)"
        self.fields["we_did"].label = "Summary of what we did about it (we did)"
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
                # The items: the formset the page passes as `items` (RecordFormMixin).
                HTML('{% include "participation/_you_said_items.html" %}'),
                "decision_changed",
                "decision_description",
                "feedback_date",
                "feedback_method",
            ),
            # The quotes: the formset the page passes as `quote_forms` (RecordFormMixin).
            HTML('{% include "participation/_quotes_formset.html" with formset=quote_forms %}'),
            Fieldset(
                "Lundy model",
                HTML(f'<p class="form-text">{LUNDY_INTRO}</p>'),
                *(
                    Div(element.met_field, element.evidence_field, css_class="lundy-element")
                    for element in LUNDY_ELEMENTS
                ),
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
        if self.confirmation_offered:
            # Before the version and snapshot fields: after what was checked, before the button.
            self.helper.layout.fields.insert(
                len(self.helper.layout.fields) - 2,
                Fieldset(
                    "Personal data check",
                    HTML(f'<p class="form-text">{CONFIRMATION_HELP}</p>'),
                    CONFIRMATION_FIELD,
                    css_class="personal-data-confirmation",
                ),
            )
        return cleaned

    def model_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in RECORD_EDITABLE_FIELDS}


ITEM_FIELDS = ("you_said", "outcome", "response", "by_date")
# Empty rows offered for new items: the page adds rows without a script (CSP), and "Save and
# add more" brings more.
EXTRA_ITEMS = 2


class PartnershipNamesMixin:
    """A record's part checked for the names of its partnership's people too (core.person_names),
    given as `partnership_id` by its formset."""

    def __init__(self, *args, partnership_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.personal_data_partnership_id = partnership_id

    def personal_data_names(self):
        # Imported here, as core.personal_data does: the names are read once the apps are ready.
        from core.person_names import names_for

        return names_for(self.personal_data_partnership_id)


class YouSaidItemForm(PartnershipNamesMixin, PersonalDataFormMixin, forms.ModelForm):
    """One "you said" item and how the loop closed on it; the model's clean() says what each
    outcome needs, beside the field. Its words are checked as a quote's are, the partnership's
    names included, and go to the public page as written: what is found is rewritten."""

    class Meta:
        model = YouSaidItem
        formfield_callback = date_formfield
        fields = ITEM_FIELDS
        widgets = {
            "you_said": forms.Textarea(attrs={"rows": 2}),
            "outcome": forms.RadioSelect,
            "response": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Without a blank choice: an extra row left as it was is no item (it has not changed).
        self.fields["outcome"].choices = YouSaidItem.Outcome.choices
        self.fields["you_said"].error_messages["required"] = "Say what the participants said."

    def item_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in ITEM_FIELDS}


class BaseYouSaidItemFormSet(forms.BaseInlineFormSet):
    @classmethod
    def get_default_prefix(cls) -> str:
        return "items"

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = "Remove this item"

    def item_changes(self) -> list[dict[str, Any]]:
        """What the service saves: each kept or new item in the order shown, with its id
        (None: new), and the ids of those ticked for removal as {"id": ..., "delete": True}."""
        changes = []
        for form in self.forms:
            item = form.instance
            if self.can_delete and self._should_delete_form(form):
                if item.pk:
                    changes.append({"id": item.pk, "delete": True})
                continue
            if item.pk is None and not form.has_changed():
                continue
            changes.append({"id": item.pk, **form.item_data()})
        return changes


YouSaidItemFormSet = forms.inlineformset_factory(
    ParticipationRecord,
    YouSaidItem,
    form=YouSaidItemForm,
    formset=BaseYouSaidItemFormSet,
    fields=ITEM_FIELDS,
    extra=EXTRA_ITEMS,
    can_delete=True,
)


QUOTE_FIELDS = ("text", "given_by", "consent_use", "consent_until")
QUOTE_GROUP_HELP = "The group that gave consent, among those that took part: never a child."
QUOTE_GROUP_NOT_TICKED = "Choose a group ticked under “Who took part”: it gave the consent."


class QuoteForm(PartnershipNamesMixin, PersonalDataFormMixin, forms.ModelForm):
    """One quote of a record, with who consented (a group) to what use, and until when. The
    text is checked for anything that could identify a child, the partnership's names and the
    configured children's first names included, as the record's own words are; unlike them it
    cannot be confirmed: a child's words go to reports and public pages as they are."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Quote
        formfield_callback = date_formfield
        fields = QUOTE_FIELDS
        widgets = {
            "text": forms.Textarea(attrs={"rows": 2}),
            "consent_use": forms.RadioSelect,
        }
        help_texts = {"given_by": QUOTE_GROUP_HELP}

    def __init__(self, *args, groups=None, **kwargs):
        super().__init__(*args, **kwargs)
        if groups is not None:
            self.fields["given_by"].queryset = groups
        self.fields["text"].error_messages["required"] = "Write the quote, or leave the row empty."
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version

    def _post_clean(self):
        # The service validates and saves the quote, with the record it belongs to.
        pass

    def quote_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in QUOTE_FIELDS}


class BaseQuoteFormSet(forms.BaseInlineFormSet):
    """The quotes of a record: `groups` are those the record's form offers, and a quote's
    group must be among those ticked (`check_groups`, and again in the service)."""

    def __init__(self, *args, groups=None, partnership_id=None, **kwargs):
        self.groups = groups
        self.partnership_id = partnership_id
        super().__init__(*args, **kwargs)

    @classmethod
    def get_default_prefix(cls) -> str:
        return "quotes"

    def get_form_kwargs(self, index):
        return {
            **super().get_form_kwargs(index),
            "groups": self.groups,
            "partnership_id": self.partnership_id,
        }

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = "Remove this quote"

    def _kept(self):
        for form in self.forms:
            if self.can_delete and self._should_delete_form(form):
                continue
            if form.instance.pk is None and not form.has_changed():
                continue
            yield form

    def check_groups(self, ticked) -> bool:
        """Whether every kept quote's group is among `ticked`, those that took part; if not,
        the error goes beside the quote's group."""
        ticked_ids = {group.pk for group in ticked}
        valid = True
        for form in self._kept():
            given_by = form.cleaned_data.get("given_by")
            if given_by is not None and given_by.pk not in ticked_ids:
                form.add_error("given_by", QUOTE_GROUP_NOT_TICKED)
                valid = False
        return valid

    def quote_changes(self) -> list[dict[str, Any]]:
        """What the service saves (services._save_quotes): each kept or new quote with its id
        (None: new) and the version the page read, and {"id": ..., "delete": True} for each
        ticked for removal."""
        changes = [
            {"id": form.instance.pk, "delete": True}
            for form in self.forms
            if form.instance.pk and self.can_delete and self._should_delete_form(form)
        ]
        for form in self._kept():
            changes.append(
                {
                    "id": form.instance.pk,
                    "version": form.cleaned_data.get("version"),
                    **form.quote_data(),
                }
            )
        return changes


QuoteFormSet = forms.inlineformset_factory(
    ParticipationRecord,
    Quote,
    form=QuoteForm,
    formset=BaseQuoteFormSet,
    fields=QUOTE_FIELDS,
    extra=1,
    can_delete=True,
)
