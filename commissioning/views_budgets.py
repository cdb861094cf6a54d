"""Pages of pooled and aligned budgets: partners' shares of contracts and activities, and the
partnership's commitments by partner and financial year."""

from functools import cached_property

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.views import View
from django.views.generic import FormView, TemplateView

from commissioning import selectors, services
from commissioning.forms import ContributionForm
from commissioning.models import CommissioningActivity, Contract, Contribution
from commissioning.templatetags.commissioning_tags import gbp
from core.edit_conflicts import EditConflict, EditConflictViewMixin, required_version
from core.roles import (
    EditorRequiredMixin,
    RoleRequiredMixin,
    can_edit_activity,
    can_edit_contract,
    can_edit_contribution,
)
from core.service_forms import ServiceFormMixin


class _ContributionCreateView(EditorRequiredMixin, ServiceFormMixin, FormView):
    """Add a partner's share to what `funded` names (a contract or an activity)."""

    form_class = ContributionForm
    template_name = "commissioning/contribution_form.html"

    @cached_property
    def funded(self) -> Contract | CommissioningActivity:
        raise NotImplementedError

    def get_permission_object(self):
        return self.funded

    def new_contribution(self) -> Contribution:
        raise NotImplementedError

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.new_contribution()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(funded=self.funded, **kwargs)

    def get_success_message(self) -> str:
        return (
            f"{self.saved.organisation.short_name}'s share of {gbp(self.saved.annual_amount)} "
            "a year added."
        )


class ContractContributionCreateView(_ContributionCreateView):
    permission_rule = staticmethod(can_edit_contract)
    permission_denied_message = (
        "Only the lead commissioners of the contract's priority and administrators record its "
        "shares."
    )

    @cached_property
    def funded(self) -> Contract:
        return get_object_or_404(
            selectors.contract_for_edit(self.request.user), pk=self.kwargs["pk"]
        )

    def new_contribution(self) -> Contribution:
        return Contribution(contract=self.funded)

    def perform(self, form):
        return services.contribution_add(contract=self.funded, data=form.model_data())


class ActivityContributionCreateView(_ContributionCreateView):
    permission_rule = staticmethod(can_edit_activity)
    permission_denied_message = (
        "Only the activity's lead, its priority's lead commissioners and administrators change it."
    )

    @cached_property
    def funded(self) -> CommissioningActivity:
        return get_object_or_404(
            selectors.activity_for_edit(self.request.user), pk=self.kwargs["pk"]
        )

    def new_contribution(self) -> Contribution:
        return Contribution(activity=self.funded)

    def perform(self, form):
        return services.contribution_add(activity=self.funded, data=form.model_data())


class ContributionEditorMixin(EditorRequiredMixin):
    permission_rule = staticmethod(can_edit_contribution)
    permission_denied_message = "Only those who keep the contract or activity change its shares."

    @cached_property
    def contribution(self) -> Contribution:
        return get_object_or_404(
            selectors.contribution_for_edit(self.request.user), pk=self.kwargs["pk"]
        )

    def get_permission_object(self) -> Contribution:
        return self.contribution


class ContributionUpdateView(
    EditConflictViewMixin, ContributionEditorMixin, ServiceFormMixin, FormView
):
    """Change a share; a save based on a stale copy is refused and shows what changed."""

    form_class = ContributionForm
    template_name = "commissioning/contribution_form.html"
    conflict_noun = "share"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.contribution}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            funded=self.contribution.funded, contribution=self.contribution, **kwargs
        )

    def perform(self, form):
        return services.contribution_update(
            contribution=self.contribution,
            data=form.model_data(),
            expected_version=required_version(form),
        )

    def get_success_message(self) -> str:
        return f"{self.saved.organisation.short_name}'s share saved."


class ContributionDeleteView(ContributionEditorMixin, View):
    """GET: confirm. POST: remove the share, unless it changed since the page was opened."""

    template_name = "commissioning/contribution_confirm_delete.html"

    def render_page(self, status: int = 200) -> HttpResponse:
        context = {"contribution": self.contribution, "funded": self.contribution.funded}
        return render(self.request, self.template_name, context, status=status)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return self.render_page()

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        try:
            version = int(request.POST.get("version", ""))
        except ValueError:
            version = -1
        try:
            services.contribution_remove(contribution=self.contribution, expected_version=version)
        except EditConflict as conflict:
            current = conflict.current
            messages.warning(
                request,
                "Not removed: someone changed this share while you were looking at it. It is now "
                f"{gbp(current.annual_amount)} a year ({current.get_arrangement_display()}). "
                "Check it, then remove it again if you still mean to.",
            )
            self.contribution = current
            return self.render_page(status=409)
        messages.success(request, f"{self.contribution.organisation.short_name}'s share removed.")
        return HttpResponseRedirect(self.contribution.funded.get_absolute_url() + "#shares")


class PartnerCommitmentsView(RoleRequiredMixin, TemplateView):
    """Each partner's yearly commitment to the current partnership's contracts and activities
    (with those shared with it)."""

    template_name = "commissioning/partner_commitments.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(
            selectors.partner_commitments(user=user),
            agreements=selectors.funding_agreements(user),
        )
        return context
