"""Forms of the commissioning app: activities, moves, evidence, re-commissioning, partners'
shares, KPIs and performance assessments. Contracts, their reviews and decommissioning plans
are in commissioning/contract_forms.py."""

from typing import Any

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q

from commissioning.models import (
    CommissioningActivity,
    Contribution,
    FundingAgreement,
    KeyPerformanceIndicator,
    KpiValue,
    NeedsAssessment,
    PerformanceAssessment,
)
from commissioning.services import ACTIVITY_EDITABLE_FIELDS
from core import roles
from core.choices import Stage
from core.date_input import date_formfield
from core.edit_conflicts import EditConflictFormMixin
from core.models import Partnership
from core.partnerships import current_partnership, scope
from core.personal_data import PersonalDataFormMixin
from governance.models import Organisation
from priorities.forms import user_label
from priorities.models import PriorityArea

SNAPSHOT_SALT = "commissioning.activity-edit-snapshot"


# The choices of the forms: each of the partnership the person works in.


def priority_areas_of(user):
    """The current partnership's priority areas, labelled with their framework's partnership."""
    return scope(PriorityArea.objects.select_related("framework__partnership"), user).order_by(
        "framework__title", "order", "pk"
    )


def organisations_of(user, keep=()):
    """The current partnership's organisations (and those in `keep`: a record keeps its own)."""
    scoped = scope(Organisation.objects.all(), user).values("pk")
    return Organisation.objects.filter(Q(pk__in=scoped) | Q(pk__in=keep)).order_by("name")


def commissioners_of(user, keep=None):
    """Commissioners and administrators of the current partnership (and `keep`)."""
    partnership = current_partnership(user)
    members = Q(
        partnership_memberships__partnership=partnership,
        partnership_memberships__role__in=[roles.COMMISSIONER, roles.ADMINISTRATOR],
    )
    return (
        get_user_model()
        .objects.filter(members | Q(pk=getattr(keep, "pk", keep)))
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def add_shared_with_field(form: forms.ModelForm, user) -> None:
    """The lead partnership chooses which other active partnerships share the record (an
    install of one partnership has no such field)."""
    lead_id = form.instance.partnership_id or getattr(current_partnership(user), "pk", None)
    shared = form.instance.shared_with.all() if form.instance.pk else Partnership.objects.none()
    others = Partnership.objects.filter(Q(is_active=True) | Q(pk__in=shared)).exclude(pk=lead_id)
    if not others.exists():
        del form.fields["shared_with"]
        return
    field = form.fields["shared_with"]
    field.queryset = others
    field.label_from_instance = lambda partnership: partnership.name
    field.help_text = (
        "Other partnerships commissioning it jointly: their people see it; only your "
        "partnership edits it."
    )


def _helper(submit_label: str) -> FormHelper:
    helper = FormHelper()
    helper.form_method = "post"
    helper.add_input(Submit("submit", submit_label))
    return helper


class ActivityForm(PersonalDataFormMixin, EditConflictFormMixin, forms.ModelForm):
    """Start or edit an activity; the priority is one the user may commission under. An edit
    carries `version` and `snapshot` (core.edit_conflicts) to detect a save made meanwhile."""

    # The salt and fields of the snapshot are those pages already open in browsers were signed
    # with: change them and those pages' saves lose the list of what changed.
    snapshot_salt = SNAPSHOT_SALT
    snapshot_fields = (*ACTIVITY_EDITABLE_FIELDS, "commissioning_organisations")

    specification_url = forms.URLField(
        label="Service specification link",
        required=False,
        assume_scheme="https",
        help_text="A link to the specification document.",
    )

    class Meta:
        model = CommissioningActivity
        fields = [
            "title",
            "description",
            "priority_area",
            "lead_commissioner",
            "commissioning_organisations",
            "level",
            "footprint",
            "resourcing",
            "budget",
            "status",
            "specification_text",
            "specification_url",
            "shared_with",
        ]
        widgets = {
            "commissioning_organisations": forms.CheckboxSelectMultiple,
            "shared_with": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 3}),
            "specification_text": forms.Textarea(attrs={"rows": 4}),
        }
        # In the words of the people who commission, not of the database's columns.
        labels = {
            "level": "Level of commissioning",
            "footprint": "Area it covers",
            "resourcing": "How it is paid for",
        }
        help_texts = {
            "level": (
                "Strategic: a whole population or kind of service; operational: one service; "
                "individual: one child's or family's package or placement."
            ),
            "footprint": (
                "The whole borough, an area or locality within it, or several boroughs "
                "together (sub-regional)."
            ),
            "resourcing": (
                "Single agency: one partner pays; aligned: each partner keeps its own budget "
                "but spends it to one plan; pooled: the partners pay into one shared fund (a "
                "section 75 agreement); integrated: one organisation commissions for all."
            ),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        areas = priority_areas_of(user)
        allowed = roles.activity_priority_areas_for(user, areas)
        if self.instance.pk:
            # An activity's own lead keeps its priority even when they do not lead that priority.
            allowed = areas.filter(
                Q(pk__in=allowed.values("pk")) | Q(pk=self.instance.priority_area_id)
            )
        self.fields["priority_area"].queryset = allowed
        self.fields["priority_area"].label_from_instance = lambda area: (
            f"{area.framework.partnership}: {area.title}"
        )
        self.fields["lead_commissioner"].queryset = commissioners_of(
            user, self.instance.lead_commissioner_id
        )
        self.fields["lead_commissioner"].label_from_instance = user_label
        self.fields["commissioning_organisations"].queryset = organisations_of(
            user, self.instance.commissioning_organisations.all() if self.instance.pk else ()
        )
        add_shared_with_field(self, user)
        self.fields["budget"].widget.attrs["min"] = 0
        if not self.instance.pk:
            del self.fields["status"]
        self.helper = _helper("Save activity" if self.instance.pk else "Start activity")

    def clean_budget(self):
        budget = self.cleaned_data.get("budget")
        if budget is not None and budget < 0:
            raise forms.ValidationError("The budget cannot be negative.")
        return budget

    def model_data(self) -> dict[str, Any]:
        """The fields the services take as data: not the organisations (passed on their own),
        nor the status of a new activity (the form has none)."""
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name in ACTIVITY_EDITABLE_FIELDS
        }


class MoveForm(PersonalDataFormMixin, forms.Form):
    """Move an activity on; carries the version and stage the user saw, to refuse stale moves."""

    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text="Optional: why now, or what was agreed.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput)
    # A stage that is not one (a tampered form) is refused here, before the service names it.
    seen_stage = forms.ChoiceField(choices=Stage.choices, widget=forms.HiddenInput)
    to_stage = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, activity: CommissioningActivity, target: str | None, **kwargs):
        kwargs.setdefault(
            "initial",
            {"version": activity.version, "seen_stage": activity.stage, "to_stage": target or ""},
        )
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_method = "post"
        self.helper.form_tag = False


class NeedsAssessmentForm(PersonalDataFormMixin, forms.ModelForm):
    class Meta:
        model = NeedsAssessment
        formfield_callback = date_formfield
        fields = ["title", "date", "evidence_sources", "population", "key_findings"]
        widgets = {
            "evidence_sources": forms.Textarea(attrs={"rows": 2}),
            "population": forms.Textarea(attrs={"rows": 2}),
            "key_findings": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Add needs assessment")


class RecommissionForm(forms.Form):
    priority_area = forms.ModelChoiceField(
        label="Priority", queryset=PriorityArea.objects.none(), help_text="Who will lead it."
    )

    def __init__(self, *args, user, suggested: PriorityArea | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["priority_area"]
        field.queryset = roles.activity_priority_areas_for(user, priority_areas_of(user))
        field.label_from_instance = lambda area: f"{area.framework.partnership}: {area.title}"
        field.help_text = "The priority this re-commissioning serves; you will lead it."
        if suggested is not None:
            field.initial = suggested.pk
        self.helper = _helper("Start re-commissioning")


class ContributionForm(PersonalDataFormMixin, EditConflictFormMixin, forms.ModelForm):
    """A partner's yearly share of a contract or an activity. The view passes an instance that
    names the contract or activity, so that a second share of one partner is refused here."""

    class Meta:
        model = Contribution
        fields = ["organisation", "annual_amount", "arrangement", "agreement", "note"]
        widgets = {"arrangement": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The partners and agreements of the partnerships that commission what it funds: its
        # lead, and those it is shared with.
        funded = self.instance.funded
        partnerships = [funded.partnership_id, *funded.shared_with.values_list("pk", flat=True)]
        self.fields["organisation"].queryset = (
            Organisation.objects.filter(partnerships__in=partnerships).distinct().order_by("name")
        )
        self.fields["agreement"].queryset = FundingAgreement.objects.filter(
            partnership__in=partnerships
        ).order_by("-start_date")
        self.fields["annual_amount"].widget.attrs.update(min=0, step="0.01")
        self.fields["arrangement"].choices = Contribution.Arrangement.choices
        self.helper = _helper("Save share" if self.instance.pk else "Add share")

    def clean_annual_amount(self):
        amount = self.cleaned_data.get("annual_amount")
        if amount is not None and amount < 0:
            raise forms.ValidationError("The amount cannot be negative.")
        return amount


class KpiForm(PersonalDataFormMixin, EditConflictFormMixin, forms.ModelForm):
    """A contract's KPI: name, target, unit, which way is better, how often it is measured."""

    class Meta:
        model = KeyPerformanceIndicator
        fields = ["name", "target", "unit", "polarity", "frequency"]
        widgets = {"polarity": forms.RadioSelect}
        labels = {"polarity": "Which way is better", "frequency": "How often it is measured"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Save KPI" if self.instance.pk else "Add KPI")


class KpiValueForm(PersonalDataFormMixin, forms.ModelForm):
    class Meta:
        model = KpiValue
        formfield_callback = date_formfield
        fields = ["period_end", "value", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Record value")


class PerformanceAssessmentForm(PersonalDataFormMixin, forms.ModelForm):
    class Meta:
        model = PerformanceAssessment
        formfield_callback = date_formfield
        fields = ["date", "rating", "summary"]
        widgets = {
            "rating": forms.RadioSelect,
            "summary": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rating"].choices = PerformanceAssessment.Rating.choices
        self.helper = _helper("Record assessment")
