"""List pages and the priority page run the same number of queries as the data grows.

Each test renders a page over one "unit" of data, counts its queries, then grows the data to
10 and 100 times and expects exactly that count again.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.tests.factories import CommissionerFactory
from priorities import services
from priorities.tests.factories import (
    ActionFactory,
    FrameworkFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    ObjectiveFactory,
    OrganisationFactory,
    PriorityAreaFactory,
    ProgressUpdateFactory,
)

pytestmark = pytest.mark.django_db


class World:
    """Grows a framework by priority areas, each with objectives, actions, updates, indicators."""

    def __init__(self, owner):
        self.owner = owner
        self.framework = FrameworkFactory()
        self.area = PriorityAreaFactory(framework=self.framework, lead_commissioners=[owner])
        self.organisations = [OrganisationFactory() for _ in range(2)]
        self.units = 0

    def grow_area(self, area) -> None:
        """One unit inside an area: an objective with two actions (one overdue), an indicator."""
        today = timezone.localdate()
        objective = ObjectiveFactory(priority_area=area)
        for overdue, rag in ((True, "red"), (False, "green")):
            action = ActionFactory(
                priority_area=area,
                objective=objective,
                owner=self.owner if self.units % 2 == 0 else CommissionerFactory(),
                lead_organisation=self.organisations[self.units % 2],
                overdue=overdue,
                latest_rag=rag,
                latest_percent=50,
                latest_update_on=today,
            )
            ProgressUpdateFactory(action=action, rag=rag, author=self.owner)
        ActionFactory(priority_area=area, owner=self.owner, lead_organisation=self.organisations[0])
        indicator = IndicatorFactory(priority_area=area)
        IndicatorValueFactory(indicator=indicator, period_end=datetime.date(2016, 8, 31))
        IndicatorValueFactory(indicator=indicator, period_end=datetime.date(2017, 8, 31))
        self.units += 1

    def grow_framework(self) -> None:
        area = PriorityAreaFactory(
            framework=self.framework, lead_commissioners=[CommissionerFactory()]
        )
        self.grow_area(area)
        FrameworkFactory()  # the framework list grows too

    def grow(self, times: int, *, within_area: bool = False) -> None:
        for _ in range(times):
            if within_area:
                self.grow_area(self.area)
            else:
                self.grow_framework()


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context)


PAGES = {
    "framework list": (lambda world: reverse("priorities:framework_list"), False),
    "framework overview": (lambda world: world.framework.get_absolute_url(), False),
    "priority page": (lambda world: world.area.get_absolute_url(), True),
    "action list": (lambda world: reverse("priorities:action_list"), False),
    "action list, filtered": (
        lambda world: reverse("priorities:action_list") + "?overdue=true&sort=-rag&q=Edge",
        False,
    ),
    "my actions": (lambda world: reverse("priorities:my_actions"), False),
}


@pytest.mark.parametrize("page", PAGES)
def test_query_count_is_constant_at_1x_10x_and_100x(
    page, commissioner, commissioner_client, django_assert_num_queries
):
    url_of, within_area = PAGES[page]
    world = World(commissioner)
    world.grow(1, within_area=within_area)
    url = url_of(world)
    # The first page of a year the migrations did not seed makes its terms (charts read the
    # last six): that one-off is not the page's own cost, so the count is taken after it.
    commissioner_client.get(url)
    measured = _queries(commissioner_client, url)

    world.grow(9, within_area=within_area)
    # New owners and organisations change the filter panel's options: the first request after
    # the growth renders them again, and the count is the page's once they are cached.
    commissioner_client.get(url)
    with django_assert_num_queries(measured):
        commissioner_client.get(url)

    world.grow(90, within_area=within_area)
    commissioner_client.get(url)
    with django_assert_num_queries(measured):
        response = commissioner_client.get(url)
    # Guard against a page that stays constant by showing nothing.
    assert len(response.content) > 5000
    print(f"{page}: {measured} queries at 1x, 10x and 100x")


def test_action_page_query_count_is_constant_as_updates_grow(
    commissioner, commissioner_client, django_assert_num_queries
):
    action = ActionFactory(owner=commissioner)
    ProgressUpdateFactory(action=action, author=CommissionerFactory())
    url = action.get_absolute_url()
    measured = _queries(commissioner_client, url)
    for more in (9, 90):
        for _ in range(more):
            ProgressUpdateFactory(action=action, author=CommissionerFactory())
        with django_assert_num_queries(measured):
            commissioner_client.get(url)
    print(f"action page: {measured} queries at 1, 10 and 100 updates")


def test_action_page_query_count_is_constant_as_status_owner_and_due_changes_grow(
    commissioner, commissioner_client, django_assert_num_queries
):
    """The timeline's status, owner and due date changes must not cost a query each."""
    action = ActionFactory(owner=commissioner)
    ProgressUpdateFactory(action=action, author=CommissionerFactory())

    def change(times: int) -> None:
        for _ in range(times):
            action.refresh_from_db()
            services.action_update(
                action=action,
                data={
                    "owner": CommissionerFactory(),
                    "due_date": action.due_date + datetime.timedelta(days=1),
                    "status": "not_started" if action.status == "in_progress" else "in_progress",
                },
                expected_version=action.version,
            )

    change(1)
    url = action.get_absolute_url()
    measured = _queries(commissioner_client, url)
    for more in (9, 90):
        change(more)
        with django_assert_num_queries(measured):
            response = commissioner_client.get(url)
    assert response.content.decode().count("Owner changed from") == 100
