"""Pages of the commissioning app: the cycle board, activities and their moves, the contracts
register and expiry pipeline, and the provider directory."""

from decimal import Decimal
from functools import cached_property

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views import View
from django.views.generic import DetailView, FormView
from django_filters.views import FilterView

from commissioning import selectors, services
from commissioning.cycle import check_next_move
from commissioning.declared_interests import declared_interests_in
from commissioning.filters import (
    ActivityBoardFilter,
    ContractFilter,
    PipelineFilter,
    ProviderFilter,
)
from commissioning.forms import (
    ActivityForm,
    MoveForm,
    NeedsAssessmentForm,
    RecommissionForm,
)
from commissioning.models import CommissioningActivity, Contract
from commissioning.models.performance import KPIS_REQUIRED
from core.choices import Stage
from core.edit_conflicts import (
    EditConflict,
    EditConflictViewMixin,
    changes_since,
    required_version,
)
from core.pagination import ForgivingPaginationMixin
from core.partnerships import in_current_partnership
from core.roles import (
    EditorRequiredMixin,
    RoleRequiredMixin,
    can_add_contract,
    can_edit_activity,
    can_edit_contract,
    can_review_contract,
    can_start_activity,
)
from core.service_forms import ServiceFormMixin

PAGE_SIZE = 25


def filtered_rows(filterset):
    """What a list's filters match: all of it with no filter given (an unbound filter set is
    never "valid"), nothing when the filters are invalid."""
    if not filterset.is_bound or filterset.is_valid():
        return filterset.qs
    return filterset.queryset.none()


class CycleBoardView(RoleRequiredMixin, ForgivingPaginationMixin, FilterView):
    """One column per stage of the cycle, each activity a card; filtered. Filtered to one
    stage, that stage's activities page by page."""

    template_name = "commissioning/cycle_board.html"
    filterset_class = ActivityBoardFilter
    context_object_name = "activities"

    def get_queryset(self):
        return selectors.activity_board(self.request.user)

    def get_paginate_by(self, queryset):
        return PAGE_SIZE if self.chosen_stage() else None

    def chosen_stage(self) -> str:
        filterset = self.filterset
        return filterset.form.cleaned_data.get("stage", "") if filterset.is_valid() else ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["stage"] = self.chosen_stage()
        if context["stage"]:
            context["stage_name"] = Stage(context["stage"]).label
        else:
            context["columns"] = selectors.board_columns(context["object_list"])
        context["can_start"] = can_start_activity(self.request.user)
        return context


class ActivityDetailView(RoleRequiredMixin, DetailView):
    """An activity: its timeline of moves, evidence, contracts and reviews, and the next move."""

    template_name = "commissioning/activity_detail.html"
    context_object_name = "activity"

    def get_queryset(self):
        return selectors.activity_detail(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        activity = self.object
        check = check_next_move(activity)
        context["check"] = check
        context["can_edit"] = can_edit_activity(self.request.user, activity)
        context.setdefault("move_form", MoveForm(activity=activity, target=check.target))
        shares = sum((c.annual_amount for c in activity.contributions.all()), Decimal("0"))
        context["shares_total"] = shares
        context["shares_gap"] = (activity.budget - shares) if activity.budget is not None else None
        context["reviews"] = sorted(
            (review for contract in activity.contracts.all() for review in contract.reviews.all()),
            key=lambda review: (review.date, review.pk),
            reverse=True,
        )
        return context


class ActivityEditorMixin(EditorRequiredMixin):
    """Pages that change one activity: its lead, its priority's leads, administrators."""

    permission_rule = staticmethod(can_edit_activity)
    permission_denied_message = (
        "Only the activity's lead, its priority's lead commissioners and administrators change it."
    )

    @cached_property
    def activity(self) -> CommissioningActivity:
        return get_object_or_404(
            selectors.activity_for_edit(self.request.user), pk=self.kwargs["pk"]
        )

    def get_permission_object(self) -> CommissioningActivity:
        return self.activity


class ActivityMoveView(ActivityEditorMixin, View):
    """GET: what the next move needs. POST: make the move, or say why it cannot be made."""

    template_name = "commissioning/activity_move.html"

    def render_page(self, status: int = 200, note: str = "", **context) -> HttpResponse:
        """The page as the activity is now; `note` is kept in the form."""
        activity = get_object_or_404(
            selectors.activity_detail(self.request.user), pk=self.activity.pk
        )
        check = check_next_move(activity)
        move_form = MoveForm(activity=activity, target=check.target)
        move_form.initial["note"] = note
        context.update(activity=activity, check=check, move_form=move_form)
        return render(self.request, self.template_name, context, status=status)

    def stale(self, form: MoveForm, conflict: EditConflict) -> HttpResponse:
        """Refused as stale: say where the activity is now, keep the note, offer the next move
        from there."""
        current = conflict.current
        where = f"{current.get_stage_display()}, cycle {current.cycle_number}"
        changed = changes_since(
            {"stage": form.cleaned_data["seen_stage"]},
            current,
            ["stage"],
            display={"stage": lambda stage: where},
        )
        messages.warning(self.request, conflict.messages[0])
        return self.render_page(
            status=409,
            note=form.cleaned_data["note"],
            conflict=True,
            conflict_changes=changed,
        )

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return self.render_page()

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = MoveForm(request.POST, activity=self.activity, target=None)
        if not form.is_valid():
            messages.error(request, "Not moved: reload the page and try again.")
            return self.render_page(status=400)
        try:
            move = services.activity_move_to_stage(
                activity=self.activity,
                to_stage=form.cleaned_data["to_stage"],
                moved_by=request.user,
                expected_version=form.cleaned_data["version"],
                seen_stage=form.cleaned_data["seen_stage"],
                note=form.cleaned_data["note"],
            )
        except EditConflict as conflict:
            return self.stale(form, conflict)
        except services.MoveRefused as refused:
            messages.error(request, "Not moved: " + " ".join(refused.messages))
            return self.render_page(status=400)
        messages.success(
            request,
            f"Moved to {move.get_to_stage_display()}"
            + (f", cycle {move.to_cycle}." if move.to_cycle != move.from_cycle else "."),
        )
        return redirect(self.activity.get_absolute_url())


class ActivityCreateView(EditorRequiredMixin, ServiceFormMixin, FormView):
    """Start an activity under a priority the user leads (administrators: any)."""

    form_class = ActivityForm
    template_name = "commissioning/activity_form.html"
    permission_rule = staticmethod(can_start_activity)
    permission_denied_message = "Only a priority's lead commissioners start its activities."

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_initial(self):
        return {"lead_commissioner": self.request.user}

    def perform(self, form):
        return services.activity_create(
            data=form.model_data(),
            organisations=form.cleaned_data["commissioning_organisations"],
            shared_with=form.cleaned_data.get("shared_with"),
        )

    def get_success_message(self) -> str:
        return f"Activity “{self.saved.title}” started at Analyse."


class ActivityUpdateView(EditConflictViewMixin, ActivityEditorMixin, ServiceFormMixin, FormView):
    """Edit an activity; a save based on a stale copy is refused, keeps the user's input and
    shows what changed, and saving again knowingly wins."""

    form_class = ActivityForm
    template_name = "commissioning/activity_form.html"
    conflict_noun = "activity"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user, "instance": self.activity}

    def get_context_data(self, **kwargs):
        return super().get_context_data(activity=self.activity, **kwargs)

    def perform(self, form):
        return services.activity_update(
            activity=self.activity,
            data=form.model_data(),
            organisations=form.cleaned_data["commissioning_organisations"],
            shared_with=form.cleaned_data.get("shared_with"),
            expected_version=required_version(form),
        )

    def get_success_message(self) -> str:
        return f"Activity “{self.saved.title}” saved."


class NeedsAssessmentCreateView(ActivityEditorMixin, ServiceFormMixin, FormView):
    """Add a needs assessment to an activity's current cycle."""

    form_class = NeedsAssessmentForm
    template_name = "commissioning/needs_assessment_form.html"
    success_message = "Needs assessment added."

    def get_context_data(self, **kwargs):
        return super().get_context_data(activity=self.activity, **kwargs)

    def perform(self, form):
        services.needs_assessment_add(activity=self.activity, data=form.cleaned_data)
        return self.activity


class ContractListView(RoleRequiredMixin, FilterView):
    """The contracts register: filtered, sorted, paginated, with the totals of the filter."""

    template_name = "commissioning/contract_list.html"
    filterset_class = ContractFilter
    context_object_name = "contracts"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return selectors.contract_register(self.request.user).order_by("end_date", "reference")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        matching = filtered_rows(context["filter"])
        context["totals"] = selectors.contract_totals(matching)
        context["can_add"] = can_add_contract(self.request.user)
        context["partner_totals"] = selectors.partner_totals(matching)
        shared = sum((row["total"] for row in context["partner_totals"]), Decimal("0"))
        context["shares_total"] = shared
        context["shares_gap"] = context["totals"]["annual"] - shared
        return context


class ContractDetailView(RoleRequiredMixin, DetailView):
    """A contract with its reviews and any re-commissioning under way."""

    template_name = "commissioning/contract_detail.html"
    context_object_name = "contract"

    def get_queryset(self):
        return selectors.contract_detail(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_review"] = can_review_contract(self.request.user, self.object)
        context["can_edit_contract"] = can_edit_contract(self.request.user, self.object)
        context["plan"] = getattr(self.object, "decommissioning_plan", None)
        context["can_recommission"] = can_start_activity(self.request.user)
        context["open_recommissioning"] = [
            a
            for a in self.object.recommissioning_activities.all()
            if a.status != CommissioningActivity.Status.CLOSED
        ]
        context["assessment_due_on"] = selectors.assessment_due_on(
            self.object, self.object.last_assessed
        )
        context["kpis_required"] = KPIS_REQUIRED
        context["decision_needed_by"] = selectors.decision_needed_by(self.object)
        context["declared_interests"] = declared_interests_in(
            self.object.provider, self.request.user
        )
        return context


class PipelineView(RoleRequiredMixin, FilterView):
    """Contracts in force ending within 18 months (or whose decision falls within them), each
    with its owner, notice period and the date its decision is needed by, overdue first;
    filtered; with the bands of 3, 6, 12 and 18 months."""

    template_name = "commissioning/pipeline.html"
    filterset_class = PipelineFilter

    def get_queryset(self):
        return selectors.pipeline_contracts(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        contracts = filtered_rows(context["filter"])
        plan = selectors.pipeline(contracts)
        context["entries"] = plan.entries
        context["bands"] = plan.bands
        context["overdue_count"] = len(plan.overdue)
        context["kpis_required"] = KPIS_REQUIRED
        context["due_assessments"] = [
            entry for entry in plan.entries if entry.contract.assessment_due
        ]
        context["query"] = self.request.GET.urlencode()
        context["can_recommission"] = can_start_activity(self.request.user)
        return context


class RecommissionView(EditorRequiredMixin, ServiceFormMixin, FormView):
    """Start re-commissioning a contract: a new activity at Analyse linked to it."""

    form_class = RecommissionForm
    template_name = "commissioning/recommission_form.html"
    permission_rule = staticmethod(can_start_activity)
    permission_denied_message = "Only a priority's lead commissioners start activities."

    @cached_property
    def contract(self) -> Contract:
        # Fetched when the page needs it, after the rule: who may not start one learns nothing.
        contract = get_object_or_404(
            selectors.contract_detail(self.request.user), pk=self.kwargs["pk"]
        )
        if not in_current_partnership(self.request.user, contract.partnership_id):
            raise PermissionDenied("Only the partnership that leads a contract re-commissions it.")
        return contract

    def get_form_kwargs(self):
        contract = self.contract
        suggested = contract.activity.priority_area if contract.activity else None
        if suggested is None:
            suggested = next(iter(contract.service.priority_areas.all()), None)
        return {**super().get_form_kwargs(), "user": self.request.user, "suggested": suggested}

    def get_context_data(self, **kwargs):
        return super().get_context_data(contract=self.contract, **kwargs)

    def perform(self, form):
        return services.contract_start_recommissioning(
            contract=self.contract,
            priority_area=form.cleaned_data["priority_area"],
            lead_commissioner=self.request.user,
        )

    def get_success_message(self) -> str:
        return (
            f"Re-commissioning of {self.contract.reference} started: “{self.saved.title}”, at "
            "Analyse. Add its needs assessment next."
        )


class ProviderListView(RoleRequiredMixin, FilterView):
    """The provider directory, read-only (administrators edit providers in admin)."""

    template_name = "commissioning/provider_list.html"
    filterset_class = ProviderFilter
    context_object_name = "providers"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return selectors.provider_directory(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        matching = filtered_rows(context["filter"])
        shares = selectors.provider_partner_totals(
            [p.pk for p in context["providers"]], self.request.user
        )
        for provider in context["providers"]:
            provider.partner_shares = shares.get(provider.pk, [])
        context["partner_totals"] = selectors.partner_totals(
            selectors.in_force_contracts_of(matching, self.request.user)
        )
        return context


class ProviderDetailView(RoleRequiredMixin, DetailView):
    """A provider's details and its contracts."""

    template_name = "commissioning/provider_detail.html"
    context_object_name = "provider"

    def get_queryset(self):
        return selectors.provider_detail(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["declared_interests"] = declared_interests_in(self.object, self.request.user)
        return context
