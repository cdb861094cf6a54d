"""Pages that change contracts: adding and editing one with its extension options, reviewing
it and taking the review's decision, and its decommissioning plan."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from django.views.generic import DetailView, FormView

from commissioning import selectors, services
from commissioning.contract_forms import (
    ContractForm,
    ContractReviewForm,
    DecommissioningPlanForm,
)
from commissioning.decommissioning import consultations_before_decision, plan_progress
from commissioning.models import Contract, DecommissioningPlan
from core.edit_conflicts import EditConflict, EditConflictViewMixin, required_version
from core.roles import (
    EditorRequiredMixin,
    RoleRequiredMixin,
    can_add_contract,
    can_edit_contract,
    can_edit_decommissioning_plan,
    can_review_contract,
)
from core.service_forms import ServiceFormMixin

KEEPERS_ONLY = (
    "Only administrators and the lead commissioners of the contract's priority change it."
)


class ContractFormViewMixin:
    template_name = "commissioning/contract_form.html"
    form_class = ContractForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}


class ContractCreateView(EditorRequiredMixin, ContractFormViewMixin, ServiceFormMixin, FormView):
    """Add a contract under a priority the user leads (administrators: any)."""

    permission_rule = staticmethod(can_add_contract)
    permission_denied_message = "Only a priority's lead commissioners add its contracts."

    def get_initial(self):
        return {"owner": self.request.user, "notice_period_months": 3}

    def perform(self, form):
        return services.contract_create(
            data=form.model_data(),
            co_commissioners=form.cleaned_data["co_commissioners"],
            shared_with=form.cleaned_data.get("shared_with"),
            options=form.option_months(),
            created_by=self.request.user,
        )

    def get_success_message(self) -> str:
        return f"Contract {self.saved.reference} added."


class ContractEditorMixin(EditorRequiredMixin):
    permission_rule = staticmethod(can_edit_contract)
    permission_denied_message = KEEPERS_ONLY

    @cached_property
    def contract(self) -> Contract:
        return get_object_or_404(selectors.contract_detail(self.request.user), pk=self.kwargs["pk"])

    def get_permission_object(self) -> Contract:
        return self.contract


class ContractUpdateView(
    EditConflictViewMixin, ContractEditorMixin, ContractFormViewMixin, ServiceFormMixin, FormView
):
    """Edit a contract and its options left; a stale save is refused with what changed."""

    conflict_noun = "contract"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.contract}

    def get_context_data(self, **kwargs):
        return super().get_context_data(contract=self.contract, **kwargs)

    def perform(self, form):
        return services.contract_update(
            contract=self.contract,
            data=form.model_data(),
            co_commissioners=form.cleaned_data["co_commissioners"],
            shared_with=form.cleaned_data.get("shared_with"),
            options=form.option_months(),
            updated_by=self.request.user,
            expected_version=required_version(form),
        )

    def get_success_message(self) -> str:
        return f"Contract {self.saved.reference} saved."


class ContractReviewCreateView(EditorRequiredMixin, ServiceFormMixin, FormView):
    """Review a contract and take its decision, which acts on the contract at once."""

    form_class = ContractReviewForm
    template_name = "commissioning/contract_review_form.html"
    permission_rule = staticmethod(can_review_contract)
    permission_denied_message = "Only the contract's commissioners record its reviews."

    @cached_property
    def contract(self) -> Contract:
        return get_object_or_404(selectors.contract_detail(self.request.user), pk=self.kwargs["pk"])

    def get_permission_object(self) -> Contract:
        return self.contract

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "contract": self.contract, "user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(contract=self.contract, **kwargs)

    def perform(self, form):
        return services.contract_review_decide(
            contract=self.contract,
            data=form.review_data(),
            details=form.details(),
            decided_by=self.request.user,
            expected_version=required_version(form),
        )

    def service_refused(self, form, error: ValidationError) -> HttpResponse:
        if not isinstance(error, EditConflict):
            return super().service_refused(form, error)
        current = get_object_or_404(
            selectors.contract_detail(self.request.user), pk=self.contract.pk
        )
        data = self.request.POST.copy()
        data["version"] = current.version
        kept = ContractReviewForm(data, contract=current, user=self.request.user)
        kept.is_valid()
        kept.add_error(
            None,
            f"Not recorded: someone changed {current.reference} while you were reviewing it. It "
            f"now ends on {current.end_date:%-d %B %Y}, with options left: "
            f"{current.options_left_label}. Check the decision still fits, then record it again.",
        )
        self.__dict__["contract"] = current  # the page shows the contract as it is now
        return self.render_to_response(self.get_context_data(form=kept), status=409)

    def get_success_message(self) -> str:
        review = self.saved
        return f"Review recorded. {review.decision_note}".strip()

    def get_success_url(self) -> str:
        review = self.saved
        plan = getattr(review.opened_activity, "decommissioning_plan", None)
        if plan is not None and review.decision == review.Decision.DECOMMISSION:
            return plan.get_absolute_url()
        return self.contract.get_absolute_url()


class DecommissioningPlanDetailView(RoleRequiredMixin, DetailView):
    """A decommissioning plan: its steps, what each needs, its consultations."""

    template_name = "commissioning/decommissioning_plan.html"
    context_object_name = "plan"

    def get_queryset(self):
        return selectors.decommissioning_plan_detail(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plan = self.object
        context["steps"] = plan_progress(plan)
        context["counted_consultations"] = {link.pk for link in consultations_before_decision(plan)}
        context["can_edit"] = can_edit_decommissioning_plan(self.request.user, plan)
        return context


class PlanEditorMixin(EditorRequiredMixin):
    permission_rule = staticmethod(can_edit_decommissioning_plan)
    permission_denied_message = KEEPERS_ONLY

    @cached_property
    def plan(self) -> DecommissioningPlan:
        return get_object_or_404(
            selectors.decommissioning_plan_detail(self.request.user), pk=self.kwargs["pk"]
        )

    def get_permission_object(self) -> DecommissioningPlan:
        return self.plan


class DecommissioningPlanUpdateView(
    EditConflictViewMixin, PlanEditorMixin, ServiceFormMixin, FormView
):
    """Fill in the plan; a stale save is refused with what changed."""

    form_class = DecommissioningPlanForm
    template_name = "commissioning/decommissioning_plan_form.html"
    conflict_noun = "plan"
    success_message = "Plan saved."

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.plan}

    def get_context_data(self, **kwargs):
        return super().get_context_data(plan=self.plan, **kwargs)

    def perform(self, form):
        return services.decommissioning_plan_update(
            plan=self.plan, data=form.model_data(), expected_version=required_version(form)
        )


class DecommissioningPlanCompleteView(PlanEditorMixin, View):
    """POST: complete the plan (the contract ends), or say by name what is missing."""

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        try:
            version = int(request.POST.get("version", ""))
        except ValueError:
            version = -1
        try:
            plan = services.decommissioning_plan_complete(
                plan=self.plan, completed_by=request.user, expected_version=version
            )
        except EditConflict:
            messages.warning(
                request, "Not completed: the plan changed while you were looking at it. Check it."
            )
            return redirect(self.plan.get_absolute_url())
        except ValidationError as refused:
            messages.error(request, "Not completed yet: " + " ".join(refused.messages))
            return redirect(self.plan.get_absolute_url())
        messages.success(
            request,
            f"Plan complete: {plan.contract.reference} is decommissioned and ends on "
            f"{plan.service_end_date:%-d %B %Y}.",
        )
        return redirect(plan.get_absolute_url())
