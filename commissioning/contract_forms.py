"""Forms of contracts: the contract with its extension options, the review and its decision,
and the decommissioning plan."""

import datetime
from typing import Any

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Fieldset, Layout, Submit
from django import forms
from django.db.models import Q

from commissioning.forms import (
    add_shared_with_field,
    commissioners_of,
    organisations_of,
    priority_areas_of,
)
from commissioning.models import (
    CommissioningActivity,
    Contract,
    ContractReview,
    DecommissioningPlan,
    Service,
)
from commissioning.models.contracts import QUOTES_ONLY_WITHOUT_A_TENDER, add_months
from commissioning.services import (
    CONTRACT_EDITABLE_FIELDS,
    CONTRACT_REVIEW_FIELDS,
    DECISION_DETAILS,
    EXTEND_NEXT_OPTION,
    EXTEND_TO_DATE,
    PLAN_EDITABLE_FIELDS,
)
from core import roles
from core.date_input import DateField, date_formfield
from core.edit_conflicts import EditConflictFormMixin
from core.partnerships import scope
from core.personal_data import PersonalDataFormMixin
from priorities.forms import user_label
from priorities.models import PriorityArea

Decision = ContractReview.Decision


def _priority_label(area: PriorityArea) -> str:
    return f"{area.framework.partnership}: {area.title}"


def _not_negative(form: forms.Form, names: tuple[str, ...]) -> None:
    for name in names:
        if name in form.fields:
            form.fields[name].widget.attrs["min"] = 0


def _with_after(fields: tuple[str, ...], anchor: str, extra: str) -> list[str]:
    """`fields` with `extra` placed after `anchor`: the form's order, from the service's list."""
    at = fields.index(anchor) + 1
    return [*fields[:at], extra, *fields[at:]]


class OptionForm(forms.Form):
    months = forms.IntegerField(
        label="Length (months)",
        required=False,
        min_value=1,
        max_value=120,
        error_messages={"min_value": "An extension option lasts at least a month."},
    )


class BaseOptionFormSet(forms.BaseFormSet):
    def get_form_kwargs(self, index):
        # Every row is read, even one left as it was shown: a row is an option kept.
        return {**super().get_form_kwargs(index), "empty_permitted": False}


OptionFormSet = forms.formset_factory(
    OptionForm, formset=BaseOptionFormSet, extra=3, max_num=10, absolute_max=10
)


class ContractForm(PersonalDataFormMixin, EditConflictFormMixin, forms.ModelForm):
    """Add or edit a contract, and the extension options it has left (a formset on the same
    page: `options`). A new contract's current end date is the end of its initial term."""

    class Meta:
        model = Contract
        formfield_callback = date_formfield
        fields = [
            *_with_after(CONTRACT_EDITABLE_FIELDS, "lead_organisation", "co_commissioners"),
            "shared_with",
        ]
        widgets = {
            "shared_with": forms.CheckboxSelectMultiple,
            "co_commissioners": forms.CheckboxSelectMultiple,
        }
        labels = {"co_commissioners": "Other partners commissioning it (co-commissioners)"}

    snapshot_fields = (*CONTRACT_EDITABLE_FIELDS, "co_commissioners")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        areas = priority_areas_of(user)
        allowed = roles.activity_priority_areas_for(user, areas)
        if self.instance.pk and self.instance.priority_area_id:
            allowed = areas.filter(
                Q(pk__in=allowed.values("pk")) | Q(pk=self.instance.priority_area_id)
            )
        priority = self.fields["priority_area"]
        priority.queryset = allowed
        priority.required = not roles.is_administrator(user)
        priority.label_from_instance = _priority_label
        priority.help_text = "Its lead commissioners keep the contract: choose one you lead."
        owner = self.fields["owner"]
        owner.queryset = commissioners_of(user, self.instance.owner_id)
        owner.label_from_instance = user_label
        self._choices_of_the_partnership(user)
        add_shared_with_field(self, user)
        self.fields["initial_end_date"].required = True
        _not_negative(self, ("annual_value", "total_value", "non_recoverable_vat"))
        if not self.instance.pk:
            # A new contract ends, for now, where its initial term does.
            del self.fields["end_date"]
        options = self.instance.options_left if self.instance.pk else []
        self.options = OptionFormSet(
            self.data or None,
            prefix="options",
            initial=[{"months": o.months} for o in options],
        )
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def _choices_of_the_partnership(self, user) -> None:
        """Services, activities and organisations of the partnership the user works in; an
        edited contract keeps its own."""
        contract = self.instance
        self.fields["service"].queryset = Service.objects.select_related("partnership").filter(
            Q(pk__in=scope(Service.objects.all(), user).values("pk")) | Q(pk=contract.service_id)
        )
        self.fields["activity"].queryset = CommissioningActivity.objects.filter(
            Q(pk__in=scope(CommissioningActivity.objects.all(), user, shared=False).values("pk"))
            | Q(pk=contract.activity_id)
        ).order_by("title")
        kept = [contract.lead_organisation_id] if contract.lead_organisation_id else []
        if contract.pk:
            kept += list(contract.co_commissioners.values_list("pk", flat=True))
        self.fields["lead_organisation"].queryset = organisations_of(user, kept)
        self.fields["co_commissioners"].queryset = organisations_of(user, kept)

    def is_valid(self) -> bool:
        valid = super().is_valid()
        return self.options.is_valid() and valid

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        start, initial = cleaned.get("start_date"), cleaned.get("initial_end_date")
        end = cleaned.get("end_date")
        if start and initial and initial < start:
            self.add_error("initial_end_date", "The initial term cannot end before it starts.")
        if start and end and end < start:
            self.add_error("end_date", "The end date cannot be before the start date.")
        for name in ("annual_value", "total_value", "non_recoverable_vat"):
            value = cleaned.get(name)
            if value is not None and value < 0:
                label = Contract._meta.get_field(name).verbose_name.replace(" (£)", "")
                self.add_error(name, f"The {label} cannot be negative.")
        route = cleaned.get("procurement_route")
        if cleaned.get("quotes_invited") and route not in Contract.ROUTES_WITHOUT_A_TENDER:
            self.add_error("quotes_invited", QUOTES_ONLY_WITHOUT_A_TENDER)
        return cleaned

    def option_months(self) -> list[int]:
        """The options left, in order; empty rows are dropped."""
        return [row["months"] for row in self.options.cleaned_data if row and row.get("months")]

    def model_data(self) -> dict[str, Any]:
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name in CONTRACT_EDITABLE_FIELDS
        }


def _details_fieldset(decision: str, legend: str, *fields) -> Div:
    return Div(
        Fieldset(legend, *fields),
        css_class="decision-details",
        data_decision=decision,
    )


class ContractReviewForm(PersonalDataFormMixin, forms.ModelForm):
    """Review a contract and take a decision; the details of each decision are in their own
    part of the form (static/js/contract_review.js shows only the chosen decision's). Carries
    the contract's version, so that two decisions taken at once never both act."""

    extend_with = forms.ChoiceField(
        label="How to extend",
        required=False,
        widget=forms.RadioSelect,
        choices=[
            (EXTEND_NEXT_OPTION, "Take the next extension option"),
            (EXTEND_TO_DATE, "Extend to a new end date, within the options left"),
        ],
    )
    new_end_date = DateField(label="New end date", required=False)
    variation_agreed_by = forms.CharField(
        label="Who agreed the variation", required=False, max_length=300
    )
    variation_reason = forms.CharField(
        label="Why", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    variation_scope = forms.CharField(
        label="Change to the scope",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="What the service now does differently, if anything.",
    )
    variation_annual_value = forms.DecimalField(
        label="New annual value (£)", required=False, min_value=0, decimal_places=2
    )
    variation_total_value = forms.DecimalField(
        label="New total value (£)", required=False, min_value=0, decimal_places=2
    )
    variation_end_date = DateField(label="New end date (varied)", required=False)
    recommission_priority = forms.ModelChoiceField(
        label="Priority of the re-commissioning",
        queryset=PriorityArea.objects.none(),
        required=False,
        help_text="Used if no activity re-commissions the contract yet; you will lead it.",
    )
    service_end_date = DateField(
        label="Date the service ends",
        required=False,
        help_text="The contract ends on this date once the decommissioning plan is complete.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = ContractReview
        formfield_callback = date_formfield
        fields = list(CONTRACT_REVIEW_FIELDS)
        widgets = {
            "outcomes_achieved": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, contract: Contract, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.contract = contract
        self.fields["version"].initial = contract.version
        next_option = contract.next_option
        if next_option is not None:
            self.fields["extend_with"].choices = [
                (
                    EXTEND_NEXT_OPTION,
                    f"Take the next option (option {next_option.order}, "
                    f"{next_option.length_label}): the contract then ends on "
                    f"{_next_end(contract):%-d %B %Y}",
                ),
                (
                    EXTEND_TO_DATE,
                    "Extend to a new end date, no later than "
                    f"{contract.latest_possible_end:%-d %B %Y}",
                ),
            ]
        self.fields["extend_with"].initial = EXTEND_NEXT_OPTION
        priority = self.fields["recommission_priority"]
        priority.queryset = roles.activity_priority_areas_for(user, priority_areas_of(user))
        priority.label_from_instance = _priority_label
        priority.initial = contract.priority_area_id
        self.fields["decision"].help_text = (
            "Continue, extend, vary, re-commission or decommission: the decision acts on the "
            "contract when you save. Leave empty until decided."
        )
        self.helper = FormHelper()
        self.helper.form_method = "post"
        self.helper.layout = Layout(
            "date",
            "performance_rag",
            "outcomes_achieved",
            "value_for_money",
            "decision",
            "decision_date",
            _details_fieldset(Decision.EXTEND, "If extending", "extend_with", "new_end_date"),
            _details_fieldset(
                Decision.VARY,
                "If varying",
                "variation_agreed_by",
                "variation_reason",
                "variation_scope",
                "variation_annual_value",
                "variation_total_value",
                "variation_end_date",
            ),
            _details_fieldset(
                Decision.RECOMMISSION, "If re-commissioning", "recommission_priority"
            ),
            _details_fieldset(Decision.DECOMMISSION, "If decommissioning", "service_end_date"),
            "version",
        )
        self.helper.add_input(Submit("submit", "Record the review"))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        decision = cleaned.get("decision")
        if decision and not cleaned.get("decision_date"):
            self.add_error("decision_date", "Give the date of the decision.")
        if decision == Decision.EXTEND:
            if not cleaned.get("extend_with"):
                cleaned["extend_with"] = EXTEND_NEXT_OPTION
            if cleaned["extend_with"] == EXTEND_TO_DATE and not cleaned.get("new_end_date"):
                self.add_error("new_end_date", "Give the new end date.")
        elif decision == Decision.VARY:
            if not (cleaned.get("variation_agreed_by") or "").strip():
                self.add_error("variation_agreed_by", "Say who agreed the variation.")
            if not (cleaned.get("variation_reason") or "").strip():
                self.add_error("variation_reason", "Say why the contract is varied.")
        elif decision == Decision.DECOMMISSION and not cleaned.get("service_end_date"):
            self.add_error("service_end_date", "Give the date the service will end.")
        return cleaned

    def review_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in CONTRACT_REVIEW_FIELDS}

    def details(self) -> dict[str, Any]:
        return {name: self.cleaned_data.get(name) for name in DECISION_DETAILS}


def _next_end(contract: Contract) -> datetime.date:
    return add_months(contract.end_date, contract.next_option.months)


class DecommissioningPlanForm(PersonalDataFormMixin, EditConflictFormMixin, forms.ModelForm):
    """Fill in a decommissioning plan, step by step; counts only, never a child's identity."""

    class Meta:
        model = DecommissioningPlan
        formfield_callback = date_formfield
        fields = list(PLAN_EDITABLE_FIELDS)
        widgets = {
            "client_groups": forms.Textarea(attrs={"rows": 2}),
            "impact_assessment": forms.Textarea(attrs={"rows": 4}),
            "transition_plan": forms.Textarea(attrs={"rows": 4}),
            "communication_plan": forms.Textarea(attrs={"rows": 3}),
            "post_end_review": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.fields:
            if name.startswith("affected_"):
                self.fields[name].widget.attrs["min"] = 0
        self.helper = FormHelper()
        self.helper.form_method = "post"
        self.helper.layout = Layout(
            Fieldset(
                "Who is affected (counts only)",
                "client_groups",
                Div(
                    *(
                        Div(name, css_class="col-sm-6 col-lg-4")
                        for name in PLAN_EDITABLE_FIELDS
                        if name.startswith("affected_")
                    ),
                    css_class="row",
                ),
            ),
            Fieldset("Equality and impact assessment", "impact_assessment", "impact_assessed_on"),
            Fieldset(
                "Exit plan",
                "service_end_date",
                "transition_plan",
                "notice_served_on",
                "communication_plan",
            ),
            Fieldset("After the service ends", "post_end_review", "post_end_reviewed_on"),
            "version",
            "snapshot",
        )
        self.helper.add_input(Submit("submit", "Save the plan"))
