"""KPIs and performance assessments: who records them, when an assessment is due, and the
Procurement Act 2023's three KPIs for a contract over £5m."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from commissioning import selectors
from commissioning.models import KeyPerformanceIndicator, KpiValue, PerformanceAssessment
from commissioning.models.contracts import add_months
from commissioning.tests.factories import (
    ContractFactory,
    KpiFactory,
    PerformanceAssessmentFactory,
    PriorityAreaFactory,
)
from core.tests.factories import CommissionerFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


@pytest.fixture
def led_contract(commissioner):
    area = PriorityAreaFactory(lead_commissioners=[commissioner])
    return ContractFactory(reference="WCCCG-CAMHS-0801", priority_area=area)


def _started(today, months_ago: int, **kwargs):
    return ContractFactory(start_date=add_months(today, -months_ago), **kwargs)


# When an assessment is due


def test_an_assessment_is_due_after_12_months_without_one(today):
    _started(today, 24, reference="NEVER")
    stale = _started(today, 24, reference="STALE")
    PerformanceAssessmentFactory(contract=stale, date=add_months(today, -13))
    recent = _started(today, 24, reference="RECENT")
    PerformanceAssessmentFactory(contract=recent, date=add_months(today, -11))
    _started(today, 6, reference="NEW")  # first due a year after it started
    _started(today, 24, reference="EXPIRED", status="expired")
    exactly = _started(today, 12, reference="A-YEAR")

    due = selectors.contracts_due_assessment(today=today)
    assert [c.reference for c in due] == ["NEVER", "STALE", "A-YEAR"]
    # Due on the day a year after it started (28 February, for a leap day a year on).
    assert today - datetime.timedelta(days=1) <= selectors.assessment_due_on(exactly, None) <= today
    stale_row = next(c for c in due if c.reference == "STALE")
    assert stale_row.last_assessed == add_months(today, -13)


def test_the_contract_page_says_when_an_assessment_is_due(board_member_client, today):
    contract = _started(today, 24)
    PerformanceAssessmentFactory(contract=contract, date=add_months(today, -14))
    page = board_member_client.get(contract.get_absolute_url()).content.decode()
    assert "An assessment is due: the last was on" in page
    PerformanceAssessmentFactory(contract=contract, date=today - datetime.timedelta(days=3))
    page = board_member_client.get(contract.get_absolute_url()).content.decode()
    assert (
        f"Next assessment due by {add_months(today - datetime.timedelta(days=3), 12):%-d %B %Y}"
        in page
    )


def test_home_page_lists_the_commissioners_contracts_due_an_assessment(
    commissioner, commissioner_client, today
):
    area = PriorityAreaFactory(lead_commissioners=[commissioner])
    _started(today, 24, reference="LED-1", title="Young carers support", priority_area=area)
    _started(today, 24, reference="OWNED-1", owner=commissioner)
    _started(today, 24, reference="NOT-MINE", owner=CommissionerFactory())
    page = commissioner_client.get(reverse("home")).content.decode()
    assert "Contracts due an assessment" in page
    assert "LED-1: Young carers support" in page and "OWNED-1" in page
    assert "NOT-MINE" not in page
    assert "never assessed" in page


def test_home_page_empty_state_for_assessments(commissioner_client):
    page = commissioner_client.get(reverse("home")).content.decode()
    assert "No contract of yours is due an assessment." in page


# The Procurement Act's three KPIs over £5m


def test_a_contract_over_5m_with_fewer_than_three_kpis_is_flagged(board_member_client, today):
    big = ContractFactory(
        reference="CWAC-PH-0701",
        total_value=Decimal("31000000"),
        end_date=today + datetime.timedelta(days=200),
    )
    KpiFactory(contract=big)
    KpiFactory(contract=big)
    small = ContractFactory(
        reference="HBC-EY-1101",
        total_value=Decimal("5000000"),
        end_date=today + datetime.timedelta(days=200),
    )
    page = board_member_client.get(big.get_absolute_url()).content.decode()
    assert "so the Procurement Act 2023 asks for at least 3 KPIs: it has 2." in page
    assert (
        "Procurement Act" not in board_member_client.get(small.get_absolute_url()).content.decode()
    )
    pipeline = board_member_client.get(reverse("commissioning:pipeline")).content.decode()
    assert pipeline.count("Over £5m: 2 of 3 KPIs") == 1
    KpiFactory(contract=big)
    page = board_member_client.get(big.get_absolute_url()).content.decode()
    assert "Procurement Act" not in page


# Recording KPIs, their values and assessments


def test_lead_adds_a_kpi_records_values_and_changes_it(commissioner_client, led_contract):
    url = reverse("commissioning:kpi_create", args=[led_contract.pk])
    data = {
        "name": "Median wait to first appointment",
        "target": "6",
        "unit": "weeks",
        "polarity": "lower",
        "frequency": "monthly",
    }
    assert commissioner_client.post(url, data).status_code == 302
    kpi = KeyPerformanceIndicator.objects.get()
    assert (kpi.contract, kpi.target, kpi.polarity) == (led_contract, Decimal("6"), "lower")
    again = commissioner_client.post(url, data).content.decode()
    assert "This contract already has a KPI with this name." in again

    value_url = reverse("commissioning:kpi_value_create", args=[kpi.pk])
    response = commissioner_client.post(
        value_url, {"period_end": "2026-10-31", "value": "6.4", "note": "Improving"}, follow=True
    )
    assert "not on target" in response.content.decode()  # lower is better: 6.4 > 6
    response = commissioner_client.post(
        value_url, {"period_end": "2026-11-30", "value": "5.9", "note": ""}, follow=True
    )
    assert "Value recorded for “Median wait to first appointment”: on target." in (
        response.content.decode()
    )
    page = commissioner_client.get(led_contract.get_absolute_url()).content.decode()
    assert "5.90 weeks" in page or "5.9 weeks" in page
    duplicate = commissioner_client.post(value_url, {"period_end": "2026-11-30", "value": "1"})
    assert "already has a value for the period ending then" in duplicate.content.decode()
    assert KpiValue.objects.count() == 2

    edit = reverse("commissioning:kpi_update", args=[kpi.pk])
    stale = commissioner_client.post(edit, {**data, "target": "5", "version": kpi.version + 1})
    assert stale.status_code == 409
    assert commissioner_client.post(edit, {**data, "target": "5", "version": 1}).status_code == 302
    kpi.refresh_from_db()
    assert (kpi.target, kpi.version) == (Decimal("5"), 2)


def test_lead_records_an_assessment_not_in_the_future(
    commissioner, commissioner_client, led_contract, today
):
    url = reverse("commissioning:assessment_create", args=[led_contract.pk])
    future = today + datetime.timedelta(days=1)
    data = {"date": future.isoformat(), "rating": "requires_improvement", "summary": "Waits long."}
    assert "cannot be dated in the future" in commissioner_client.post(url, data).content.decode()
    data["date"] = today.isoformat()
    response = commissioner_client.post(url, data, follow=True)
    assert "Performance assessment recorded." in response.content.decode()
    assessment = PerformanceAssessment.objects.get()
    assert (assessment.assessed_by, assessment.rating) == (commissioner, "requires_improvement")
    assert "Requires improvement" in response.content.decode()


def test_board_members_and_other_commissioners_record_nothing(client, board_member, led_contract):
    kpi = KpiFactory(contract=led_contract)
    for user in (board_member, CommissionerFactory()):
        client.force_login(user)
        for name, pk in (
            ("kpi_create", led_contract.pk),
            ("assessment_create", led_contract.pk),
            ("kpi_value_create", kpi.pk),
            ("kpi_update", kpi.pk),
        ):
            assert client.post(reverse(f"commissioning:{name}", args=[pk]), {}).status_code == 403
    assert not KpiValue.objects.exists() and not PerformanceAssessment.objects.exists()


def test_a_kpi_meets_its_target_by_its_polarity():
    higher = KpiFactory.build(target=Decimal("92"), polarity="higher")
    lower = KpiFactory.build(target=Decimal("6"), polarity="lower")
    assert higher.meets(Decimal("92")) and not higher.meets(Decimal("91.9"))
    assert lower.meets(Decimal("6")) and not lower.meets(Decimal("6.1"))
