"""Helpers of the API's tests: a client calling with someone's token, and one record of each
resource in the default partnership."""

from decimal import Decimal

from django.test import Client
from django.utils import timezone

from commissioning.tests.factories import ActivityFactory, ContractFactory
from governance.tests.factories import AgendaItemFactory, DecisionFactory, MeetingFactory
from participation.tests.factories import ParticipationRecordFactory
from priorities.tests.factories import (
    ActionFactory,
    IndicatorValueFactory,
    ObjectiveFactory,
    PriorityAreaFactory,
    ProgressUpdateFactory,
)
from reporting.api.services import api_token_create

# Each resource's address name (api:<name>-list, api:<name>-detail) and the key of its record
# in `one_of_each`.
RESOURCES = {
    "framework": "framework",
    "priority": "area",
    "action": "action",
    "progress-update": "update",
    "indicator": "indicator",
    "indicator-value": "value",
    "activity": "activity",
    "contract": "contract",
    "participation-record": "record",
    "board": "board",
    "meeting": "meeting",
    "decision": "decision",
}


def token_client(user) -> Client:
    """A client sending a new token of `user` with every request, and no session."""
    _, key = api_token_create(user=user)
    return Client(headers={"Authorization": f"Token {key}"})


def one_of_each(lead=None) -> dict:
    """One record of every resource, all about one priority of the default partnership, the
    participation record published."""
    area = PriorityAreaFactory(lead_commissioners=[lead] if lead else [])
    ObjectiveFactory(priority_area=area)
    action = ActionFactory(priority_area=area)
    value = IndicatorValueFactory(indicator__priority_area=area, england=Decimal("71"))
    activity = ActivityFactory(priority_area=area)
    meeting = MeetingFactory(board=area.framework.owning_board)
    AgendaItemFactory(meeting=meeting)
    return {
        "framework": area.framework,
        "area": area,
        "action": action,
        "update": ProgressUpdateFactory(action=action),
        "indicator": value.indicator,
        "value": value,
        "activity": activity,
        "contract": ContractFactory(activity=activity, priority_area=area),
        "record": ParticipationRecordFactory(priority_areas=[area], published_at=timezone.now()),
        "board": meeting.board,
        "meeting": meeting,
        "decision": DecisionFactory(meeting=meeting),
    }
