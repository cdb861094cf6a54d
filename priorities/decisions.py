"""What priorities tells governance about decisions (governance.subjects): priorities and
actions are things a decision can concern, the open actions arising from a board's decisions
are matters arising at its next meetings, and an open decision offers "Create an action from
this decision". Registered in PrioritiesConfig.ready()."""

from collections.abc import Iterable

from django.db.models import Model
from django.urls import reverse

from core.partnerships import scope
from core.roles import can_add_actions
from governance import subjects
from priorities.models import Action, PriorityArea

CREATE_ACTION = "Create an action from this decision"


def _priority_choices(user):
    return scope(PriorityArea.objects, user).order_by("framework__title", "order", "title")


def _action_choices(user):
    return scope(Action.objects, user).open().order_by("priority_area__title", "title")


def actions_arising(decisions: Iterable[Model]) -> list[subjects.MatterArising]:
    """The open actions created from `decisions` (a queryset), in one query."""
    actions = (
        Action.objects.open()
        .filter(from_decision__in=decisions)
        .select_related("owner", "from_decision__meeting")
        .with_overdue()
        .order_by("due_date", "pk")
    )
    return [
        subjects.MatterArising(
            kind="Action",
            title=action.title,
            status=action.get_status_display(),
            owner=action.owner.get_full_name() or action.owner.get_username(),
            due_date=action.due_date,
            url=action.get_absolute_url(),
            arising_from=action.from_decision,
            is_overdue=action.is_overdue,
        )
        for action in actions
    ]


def register() -> None:
    subjects.register_kind(label="Priority", model=PriorityArea, choices=_priority_choices)
    subjects.register_kind(label="Action", model=Action, choices=_action_choices)
    subjects.register_matters_arising(actions_arising)
    subjects.register_decision_step(
        subjects.DecisionStep(
            label=CREATE_ACTION,
            url=lambda decision: reverse("priorities:action_from_decision", args=[decision.pk]),
            offered_to=can_add_actions,
        )
    )
