"""Linking the consultations behind a decision to decommission to its plan (the plan's page
is commissioning's; the link is participation's, by the layers' rule)."""

from functools import cached_property

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from django.views.generic import FormView

from commissioning.models import DecommissioningPlan
from commissioning.selectors import visible_contracts
from core.roles import EditorRequiredMixin, can_edit_decommissioning_plan
from core.service_forms import ServiceFormMixin
from participation import services
from participation.models import DecommissioningConsultation, ParticipationRecord

KEEPERS_ONLY = "Only administrators and the lead commissioners of the contract's priority do this."


class ConsultationLinkForm(forms.Form):
    record = forms.ModelChoiceField(
        label="Consultation (participation record)",
        queryset=ParticipationRecord.objects.none(),
        help_text="A record of the children and families affected taking part, held on or "
        "before the decision to decommission.",
    )

    def __init__(self, *args, plan: DecommissioningPlan, **kwargs):
        super().__init__(*args, **kwargs)
        linked = plan.consultations.values("record")
        field = self.fields["record"]
        # The records of the partnership that leads the contract (only it links them).
        records = ParticipationRecord.objects.filter(partnership=plan.contract.partnership_id)
        field.queryset = records.exclude(pk__in=linked).order_by("-date", "title")
        field.label_from_instance = lambda record: f"{record.title} ({record.date:%-d %B %Y})"
        self.helper = FormHelper()
        self.helper.form_method = "post"
        self.helper.add_input(Submit("submit", "Link the consultation"))


class PlanKeeperMixin(EditorRequiredMixin):
    permission_rule = staticmethod(can_edit_decommissioning_plan)
    permission_denied_message = KEEPERS_ONLY


class ConsultationLinkView(PlanKeeperMixin, ServiceFormMixin, FormView):
    """Link a participation record to a decommissioning plan as its consultation."""

    form_class = ConsultationLinkForm
    template_name = "participation/decommissioning_consultation_form.html"

    @cached_property
    def plan(self) -> DecommissioningPlan:
        plans = DecommissioningPlan.objects.filter(
            contract__in=visible_contracts(self.request.user).values("pk")
        )
        return get_object_or_404(
            plans.select_related("contract__priority_area").prefetch_related(
                "contract__priority_area__lead_commissioners"
            ),
            pk=self.kwargs["pk"],
        )

    def get_permission_object(self) -> DecommissioningPlan:
        return self.plan

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "plan": self.plan}

    def get_context_data(self, **kwargs):
        return super().get_context_data(plan=self.plan, **kwargs)

    def perform(self, form):
        link = services.decommissioning_consultation_link(
            plan=self.plan, record=form.cleaned_data["record"], linked_by=self.request.user
        )
        return link.plan

    def get_success_message(self) -> str:
        return "Consultation linked."


class ConsultationUnlinkView(PlanKeeperMixin, View):
    """POST: take a consultation off a plan still in progress."""

    @cached_property
    def link(self) -> DecommissioningConsultation:
        links = DecommissioningConsultation.objects.filter(
            plan__contract__in=visible_contracts(self.request.user).values("pk")
        )
        return get_object_or_404(
            links.select_related("plan__contract__priority_area", "record"), pk=self.kwargs["pk"]
        )

    def get_permission_object(self) -> DecommissioningPlan:
        return self.link.plan

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        plan = self.link.plan
        try:
            services.decommissioning_consultation_unlink(link=self.link)
        except ValidationError as refused:
            messages.error(request, " ".join(refused.messages))
        else:
            messages.success(request, f"“{self.link.record.title}” unlinked.")
        return redirect(plan.get_absolute_url())
