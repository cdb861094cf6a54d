"""The register, the pipeline, the partners' page and the provider directory read the same
number of queries with ten times the shares, KPIs and assessments."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from commissioning.tests.factories import (
    ActivityFactory,
    ContractFactory,
    ContributionFactory,
    KpiFactory,
    KpiValueFactory,
    OrganisationFactory,
    PerformanceAssessmentFactory,
)
from core.tests.factories import CommissionerFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def _make(count: int) -> None:
    today = timezone.localdate()
    for n in range(count):
        contract = ContractFactory(
            end_date=today + datetime.timedelta(days=30 + 45 * (n % 12)),
            owner=CommissionerFactory(),
            co_commissioners=[OrganisationFactory()],
        )
        for _ in range(2):
            ContributionFactory(contract=contract)
        KpiValueFactory(kpi=KpiFactory(contract=contract))
        PerformanceAssessmentFactory(contract=contract)
        ContributionFactory(contract=None, activity=ActivityFactory())


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url_name", ["contract_list", "pipeline", "partner_commitments", "provider_list"]
)
def test_queries_stay_constant_from_1x_to_10x(
    commissioner_client, django_assert_max_num_queries, url_name
):
    url = reverse(f"commissioning:{url_name}")
    _make(2)
    baseline = _count(commissioner_client, url)
    _make(18)
    with django_assert_max_num_queries(baseline):
        response = commissioner_client.get(url)
    assert response.status_code == 200
