"""The cycle board, the register and the pipeline read a constant number of rows' queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from commissioning.models import StageMove
from commissioning.tests.factories import (
    ActivityFactory,
    ContractFactory,
    ContractReviewFactory,
    ExtensionOptionFactory,
    NeedsAssessmentFactory,
    OrganisationFactory,
    PriorityAreaFactory,
)
from core.choices import Stage

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def _activities(count: int) -> None:
    stages = list(Stage)
    area = PriorityAreaFactory()
    for n in range(count):
        ActivityFactory(
            priority_area=area,
            stage=stages[n % 4],
            commissioning_organisations=[OrganisationFactory(), OrganisationFactory()],
        )


def _contracts(count: int) -> None:
    for n in range(count):
        contract = ContractFactory(
            end_date=timezone.localdate() + datetime.timedelta(days=30 + 40 * (n % 12)),
            co_commissioners=[OrganisationFactory()],
        )
        # 3 + 1 + 1: the register works out the latest possible end from the options.
        ExtensionOptionFactory(contract=contract)
        ExtensionOptionFactory(contract=contract)


def _count(client, url) -> int:
    # The first request renders the filter panel's options (new rows bring new providers and
    # organisations); the count is the page's once they are cached.
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    ("url_name", "make"),
    [
        ("cycle_board", _activities),
        ("contract_list", _contracts),
        ("pipeline", _contracts),
        ("provider_list", _contracts),
    ],
)
def test_page_queries_do_not_grow_with_rows(
    commissioner_client, django_assert_num_queries, url_name, make
):
    url = reverse(f"commissioning:{url_name}")
    make(2)
    baseline = _count(commissioner_client, url)
    make(20)
    commissioner_client.get(url)
    with django_assert_num_queries(baseline):
        commissioner_client.get(url)


def test_one_stage_of_the_board_reads_a_constant_number_of_queries(
    commissioner_client, django_assert_num_queries
):
    url = reverse("commissioning:cycle_board") + "?stage=plan"
    _activities(8)
    baseline = _count(commissioner_client, url)
    _activities(40)
    commissioner_client.get(url)
    with django_assert_num_queries(baseline):
        commissioner_client.get(url)


def _activity_with_history(activity, count: int) -> None:
    for _ in range(count):
        NeedsAssessmentFactory(activity=activity)
        ContractReviewFactory(contract=ContractFactory(activity=activity))
        StageMove.objects.create(
            activity=activity,
            from_stage=Stage.ANALYSE,
            to_stage=Stage.PLAN,
            from_cycle=1,
            to_cycle=1,
            moved_by=activity.lead_commissioner,
        )


def test_activity_page_queries_do_not_grow_with_its_history(
    commissioner_client, django_assert_num_queries
):
    activity = ActivityFactory()
    url = activity.get_absolute_url()
    _activity_with_history(activity, 2)
    baseline = _count(commissioner_client, url)
    _activity_with_history(activity, 20)
    with django_assert_num_queries(baseline):
        commissioner_client.get(url)
