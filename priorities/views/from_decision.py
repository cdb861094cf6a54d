"""Create an action from a board's decision: the action form, prefilled from the decision."""

from functools import cached_property

from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.generic import FormView

from core.partnerships import scope
from core.roles import (
    EditorRequiredMixin,
    activity_priority_areas_for,
    can_add_actions,
    can_edit_priority_area,
    require_rule,
)
from core.service_forms import ServiceFormMixin
from governance.models import Decision
from priorities import services
from priorities.forms import ActionForm, owner_choices
from priorities.models import Action, PriorityArea

TITLE_LENGTH = Action._meta.get_field("title").max_length


class ActionFromDecisionView(EditorRequiredMixin, ServiceFormMixin, FormView):
    """Add an action carrying out a decision to a priority's plan: the priority the decision
    concerns, or one chosen here among those the user may change."""

    permission_rule = staticmethod(can_add_actions)
    permission_denied_message = "Only the leads of a priority add actions to its plan."
    form_class = ActionForm
    template_name = "priorities/action_form.html"

    @cached_property
    def decision(self) -> Decision:
        return get_object_or_404(
            scope(Decision.objects, self.request.user).select_related(
                "meeting__board", "owner_user", "owner_organisation"
            ),
            pk=self.kwargs["decision_pk"],
        )

    def choosable_areas(self):
        areas = scope(PriorityArea.objects, self.request.user).select_related("framework")
        return activity_priority_areas_for(self.request.user, areas).order_by("title")

    @cached_property
    def priority_area(self) -> PriorityArea | None:
        """The priority named by ?area=, else the one the decision concerns (or its action's)."""
        areas = scope(PriorityArea.objects, self.request.user).select_related("framework")
        chosen = self.request.GET.get("area", "")
        if chosen.isdigit():
            return get_object_or_404(areas, pk=chosen)
        concerns = self.decision.concerns
        if isinstance(concerns, Action):
            concerns = concerns.priority_area
        if isinstance(concerns, PriorityArea):
            return areas.filter(pk=concerns.pk).first()
        return None

    def get(self, request, *args, **kwargs):
        if self.priority_area is None:
            return self.choose_priority()
        self.check_area()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.priority_area is None:
            return self.choose_priority()
        self.check_area()
        return super().post(request, *args, **kwargs)

    def check_area(self) -> None:
        require_rule(
            self.request.user,
            can_edit_priority_area,
            self.priority_area,
            message="Only the priority's lead commissioners change its plan.",
        )

    def choose_priority(self):
        """The decision has no priority: ask which plan the action goes in."""
        context = {"decision": self.decision, "areas": self.choosable_areas()}
        return render(self.request, "priorities/action_from_decision.html", context)

    def get_initial(self):
        decision = self.decision
        partnership_id = self.priority_area.framework.partnership_id
        may_own = owner_choices(partnership_id=partnership_id)
        owner = decision.owner_user if decision.owner_user_id else self.request.user
        if not may_own.filter(pk=owner.pk).exists():
            owner = self.request.user
        meeting_day = timezone.localtime(decision.meeting.starts_at)
        return {
            "title": decision.text[:TITLE_LENGTH],
            "description": (
                f"Arising from the decision of {decision.meeting.board.name} on "
                f"{meeting_day:%-d %B %Y}: {decision.text}"
            ),
            "owner": owner.pk,
            "lead_organisation": decision.owner_organisation_id,
            "start_date": timezone.localdate(),
            "due_date": decision.due_date,
        }

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "priority_area": self.priority_area}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["priority_area"] = self.priority_area
        context["decision"] = self.decision
        return context

    def perform(self, form):
        return services.action_create_from_decision(
            decision=self.decision, priority_area=self.priority_area, data=form.model_data()
        )

    def get_success_message(self) -> str:
        return (
            f"Action “{self.saved.title}” added. It is a matter arising at the board's next "
            "meetings until it is complete."
        )
