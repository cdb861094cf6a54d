"""What the action form posts: for the priorities tests and the cross-app history tests."""

import datetime

from django.utils import timezone

from governance.tests.factories import OrganisationFactory
from priorities.models import Action


def action_post(action: Action, **overrides) -> dict:
    data = {
        "title": action.title,
        "description": action.description,
        "objective": action.objective_id or "",
        "owner": action.owner_id,
        "lead_organisation": action.lead_organisation_id,
        "start_date": action.start_date.isoformat(),
        "due_date": action.due_date.isoformat(),
        "status": action.status,
        "cancellation_reason": action.cancellation_reason,
        "stage": action.stage,
    }
    return data | overrides


def new_action_post(owner, **overrides) -> dict:
    today = timezone.localdate()
    return {
        "title": "Develop a Children in care and care leavers data set",
        "description": "",
        "objective": "",
        "owner": owner.pk,
        "lead_organisation": OrganisationFactory(short_name="HBC").pk,
        "start_date": today.isoformat(),
        "due_date": (today + datetime.timedelta(days=60)).isoformat(),
        "status": "not_started",
        "cancellation_reason": "",
        "stage": "analyse",
    } | overrides
