"""(In tests/: it links participation records, which commissioning may not import.)
The contract lifecycle: terms and options, each review decision's effect on the contract,
the refusals, the decommissioning plan's steps, and the gates reading this cycle's evidence."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from commissioning import services
from commissioning.cycle import check_next_move
from commissioning.models import (
    CommissioningActivity,
    Contract,
    ContractReview,
    ContractVariation,
    DecommissioningPlan,
    ExtensionOption,
)
from commissioning.models.contracts import add_months
from commissioning.tests.factories import (
    ActivityFactory,
    ContractFactory,
    DecommissioningPlanFactory,
    ExtensionOptionFactory,
    NeedsAssessmentFactory,
    PriorityAreaFactory,
)
from core.choices import Stage
from core.edit_conflicts import EditConflict
from participation.tests.factories import DecommissioningConsultationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

Decision = ContractReview.Decision


@pytest.fixture
def lead(commissioner):
    return commissioner


@pytest.fixture
def contract(lead, today):
    """A 3 + 1 + 1 year contract in its initial term, kept by `lead`."""
    area = PriorityAreaFactory(lead_commissioners=[lead])
    contract = ContractFactory(
        priority_area=area,
        owner=lead,
        start_date=today - datetime.timedelta(days=900),
        end_date=today + datetime.timedelta(days=200),
    )
    ExtensionOptionFactory(contract=contract, months=12)
    ExtensionOptionFactory(contract=contract, months=12)
    return contract


def _review(today, decision, **extra):
    return {
        "date": today,
        "performance_rag": "green",
        "outcomes_achieved": "Nine in ten young carers said they felt better supported.",
        "value_for_money": "good",
        "decision": decision,
        "decision_date": today,
        **extra,
    }


def _decide(contract, user, today, decision, version=None, **details):
    contract.refresh_from_db()
    return services.contract_review_decide(
        contract=contract,
        data=_review(today, decision),
        details=details,
        decided_by=user,
        expected_version=contract.version if version is None else version,
    )


def test_register_figures_read_the_options_left(contract):
    assert contract.options_left_label == "1 + 1 years"
    assert contract.latest_possible_end == add_months(contract.end_date, 24)


def test_extend_takes_the_next_option_and_moves_the_end_date(contract, lead, today):
    before = contract.end_date
    review = _decide(contract, lead, today, Decision.EXTEND, extend_with="next_option")
    contract.refresh_from_db()
    assert contract.end_date == add_months(before, 12)
    assert contract.version == 2
    first, second = contract.extension_options.order_by("order")
    assert (first.taken_on, first.taken_by) == (today, review)
    assert second.taken_on is None
    assert contract.options_left_label == "1 year"
    assert "Extended from" in review.decision_note
    assert contract.history.count() == 2
    assert first.history.count() == 2


def test_extend_to_a_stated_date_takes_the_options_it_needs(contract, lead, today):
    target = add_months(contract.end_date, 18)
    _decide(contract, lead, today, Decision.EXTEND, extend_with="date", new_end_date=target)
    contract.refresh_from_db()
    assert contract.end_date == target
    assert contract.options_left == []


def test_extend_beyond_the_latest_possible_end_is_refused(contract, lead, today):
    latest = contract.latest_possible_end
    with pytest.raises(ValidationError) as refused:
        _decide(
            contract,
            lead,
            today,
            Decision.EXTEND,
            extend_with="date",
            new_end_date=latest + datetime.timedelta(days=1),
        )
    assert f"{latest:%-d %B %Y} at the latest" in refused.value.message_dict["new_end_date"][0]
    assert not ContractReview.objects.exists()
    contract.refresh_from_db()
    assert contract.version == 1


def test_extend_refused_with_no_option_left(lead, today):
    contract = ContractFactory(
        priority_area=PriorityAreaFactory(lead_commissioners=[lead]), owner=lead
    )
    with pytest.raises(ValidationError) as refused:
        _decide(contract, lead, today, Decision.EXTEND)
    assert "no extension option left" in refused.value.message_dict["decision"][0]


def test_extend_refused_once_the_end_date_has_passed(contract, lead, today):
    Contract.objects.filter(pk=contract.pk).update(
        end_date=today - datetime.timedelta(days=1), initial_end_date=None
    )
    with pytest.raises(ValidationError) as refused:
        _decide(contract, lead, today, Decision.EXTEND)
    assert "a contract that has ended cannot be extended" in refused.value.messages[0]


def test_every_decision_refused_on_a_decommissioned_contract_but_continue(contract, lead, today):
    Contract.objects.filter(pk=contract.pk).update(status=Contract.Status.DECOMMISSIONED)
    for decision in (Decision.EXTEND, Decision.VARY, Decision.RECOMMISSION, Decision.DECOMMISSION):
        with pytest.raises(ValidationError) as refused:
            _decide(contract, lead, today, decision, service_end_date=today)
        assert "is decommissioned" in refused.value.messages[0]
    _decide(contract, lead, today, Decision.CONTINUE)


def test_a_stale_decision_is_refused_and_does_not_act_twice(contract, lead, today):
    """Two reviewers extending at once: the second is refused, one option is taken."""
    _decide(contract, lead, today, Decision.EXTEND, version=1)
    with pytest.raises(EditConflict):
        _decide(contract, lead, today, Decision.EXTEND, version=1)
    assert ExtensionOption.objects.filter(taken_on__isnull=False).count() == 1


def test_a_commissioner_who_does_not_keep_the_contract_cannot_extend_it(contract, today):
    other = ActivityFactory().lead_commissioner
    with pytest.raises(ValidationError) as refused:
        _decide(contract, other, today, Decision.EXTEND)
    assert "Only administrators and the lead commissioners" in refused.value.messages[0]


def test_vary_records_the_variation_and_applies_it(contract, lead, today):
    new_end = contract.end_date + datetime.timedelta(days=90)
    _decide(
        contract,
        lead,
        today,
        Decision.VARY,
        variation_agreed_by="Children's Trust Executive",
        variation_reason="Demand rose by a fifth",
        variation_scope="Adds a Saturday session",
        variation_annual_value=Decimal("150000"),
        variation_end_date=new_end,
    )
    contract.refresh_from_db()
    variation = ContractVariation.objects.get()
    assert (contract.annual_value, contract.end_date) == (Decimal("150000"), new_end)
    assert variation.previous_annual_value == Decimal("120000.00")
    assert variation.agreed_on == today
    assert "annual value £120,000.00 → £150,000.00" in variation.changes()


def test_vary_without_a_change_is_refused(contract, lead, today):
    with pytest.raises(ValidationError) as refused:
        _decide(contract, lead, today, Decision.VARY, variation_agreed_by="x", variation_reason="y")
    assert "Say what the variation changes" in refused.value.messages[0]
    assert not ContractVariation.objects.exists()


def test_recommission_opens_an_activity_at_analyse_with_the_evidence(contract, lead, today):
    review = _decide(contract, lead, today, Decision.RECOMMISSION)
    activity = review.opened_activity
    assert (activity.stage, activity.recommissions) == (Stage.ANALYSE, contract)
    assert activity.lead_commissioner == lead
    assert "Nine in ten young carers" in activity.description
    # The evidence is carried, but the new cycle still needs its own needs assessment.
    assert not check_next_move(activity).allowed


def test_recommission_links_the_open_activity_that_let_the_contract(lead, today):
    activity = ActivityFactory(lead_commissioner=lead, stage=Stage.REVIEW)
    activity.priority_area.lead_commissioners.add(lead)
    NeedsAssessmentFactory(activity=activity, key_findings="Waiting lists doubled.")
    contract = ContractFactory(activity=activity, owner=lead)
    review = _decide(contract, lead, today, Decision.RECOMMISSION)
    assert review.opened_activity == activity
    activity.refresh_from_db()
    assert "Waiting lists doubled." in activity.description
    assert activity.recommissions == contract
    assert CommissioningActivity.objects.count() == 1


def test_decommission_opens_an_activity_at_do_with_its_plan(contract, lead, today):
    ends = today + datetime.timedelta(days=100)
    review = _decide(contract, lead, today, Decision.DECOMMISSION, service_end_date=ends)
    plan = DecommissioningPlan.objects.get()
    assert plan.activity == review.opened_activity
    assert (plan.activity.stage, plan.activity.purpose) == (Stage.DO, "decommission")
    contract.refresh_from_db()
    assert contract.status == Contract.Status.ENDING
    # A second decision while the plan is in progress is refused.
    with pytest.raises(ValidationError) as refused:
        _decide(contract, lead, today, Decision.EXTEND)
    assert "is being decommissioned" in refused.value.messages[0]


def test_decommission_cannot_end_the_service_after_the_contract(contract, lead, today):
    with pytest.raises(ValidationError) as refused:
        _decide(
            contract,
            lead,
            today,
            Decision.DECOMMISSION,
            service_end_date=contract.end_date + datetime.timedelta(days=1),
        )
    assert "cannot end after it does" in refused.value.message_dict["service_end_date"][0]


def _fill(plan, today, **overrides):
    data = {
        "service_end_date": plan.service_end_date,
        "client_groups": "Young carers aged 8 to 17",
        "affected_5_10": 12,
        "affected_11_15": 30,
        "affected_families": 25,
        "impact_assessment": "Young carers in Widnes lose a weekly group.",
        "impact_assessed_on": today,
        "transition_plan": "Each young carer moves to the Early Help team's group.",
        "notice_served_on": today,
        "communication_plan": "Letters to families; the Youth Cabinet's newsletter.",
        **overrides,
    }
    return services.decommissioning_plan_update(plan=plan, data=data, expected_version=plan.version)


def test_completing_the_plan_names_each_missing_step(today):
    plan = DecommissioningPlanFactory()
    with pytest.raises(ValidationError) as refused:
        services.decommissioning_plan_complete(
            plan=plan, completed_by=plan.activity.lead_commissioner, expected_version=1
        )
    messages = refused.value.messages
    assert len(messages) == 6
    assert any(
        m.startswith("Link at least one consultation with the children and families affected")
        for m in messages
    )


def test_the_plan_is_refused_until_a_consultation_is_linked_then_ends_the_contract(today):
    plan = _fill(DecommissioningPlanFactory(), today)
    with pytest.raises(ValidationError) as refused:
        services.decommissioning_plan_complete(
            plan=plan, completed_by=plan.activity.lead_commissioner, expected_version=plan.version
        )
    assert refused.value.messages == [
        "Link at least one consultation with the children and families affected, held on or "
        f"before the decision to decommission ({plan.decision_date:%-d %B %Y})."
    ]
    DecommissioningConsultationFactory(plan=plan)
    services.decommissioning_plan_complete(
        plan=plan, completed_by=plan.activity.lead_commissioner, expected_version=plan.version
    )
    contract = Contract.objects.get(pk=plan.contract.pk)
    assert contract.status == Contract.Status.DECOMMISSIONED
    assert contract.end_date == plan.service_end_date
    plan.refresh_from_db()
    assert plan.completed_on == today
    # The decommissioning activity may now move on to Review.
    assert check_next_move(plan.activity).allowed


def test_notice_must_give_the_contracts_notice_period(today):
    plan = DecommissioningPlanFactory(service_end_date=today + datetime.timedelta(days=30))
    plan = _fill(plan, today)
    DecommissioningConsultationFactory(plan=plan)
    with pytest.raises(ValidationError) as refused:
        services.decommissioning_plan_complete(
            plan=plan, completed_by=plan.activity.lead_commissioner, expected_version=plan.version
        )
    assert "gives the provider 3 months' notice only until" in refused.value.messages[0]


def test_a_consultation_after_the_decision_does_not_count(today):
    plan = _fill(DecommissioningPlanFactory(), today)
    link = DecommissioningConsultationFactory(plan=plan)
    type(link.record).objects.filter(pk=link.record_id).update(
        date=plan.decision_date + datetime.timedelta(days=1)
    )
    with pytest.raises(ValidationError) as refused:
        services.decommissioning_plan_complete(
            plan=plan, completed_by=plan.activity.lead_commissioner, expected_version=plan.version
        )
    assert "Link at least one consultation" in refused.value.messages[0]


def test_options_are_replaced_after_the_taken_ones(contract, lead, today):
    _decide(contract, lead, today, Decision.EXTEND)
    contract.refresh_from_db()
    services.contract_update(
        contract=contract,
        data={"title": "Young carers support (extended)"},
        co_commissioners=[],
        options=[6, 6, 6],
        updated_by=lead,
        expected_version=contract.version,
    )
    orders = list(contract.extension_options.order_by("order").values_list("order", "months"))
    assert orders == [(1, 12), (2, 6), (3, 6), (4, 6)]


def test_contract_create_only_under_a_priority_the_user_leads(lead, today):
    contract = ContractFactory.build()
    data = {
        "reference": "HBC-NEW-9",
        "title": "Short breaks",
        "service": contract.service,
        "provider": contract.provider,
        "form": "block",
        "procurement_route": "open",
        "lead_organisation": contract.lead_organisation,
        "annual_value": Decimal("10"),
        "total_value": Decimal("30"),
        "start_date": today,
        "initial_end_date": today + datetime.timedelta(days=365 * 3),
    }
    for related in (contract.service, contract.provider, contract.lead_organisation):
        related.save()
    with pytest.raises(ValidationError) as refused:
        services.contract_create(
            data={**data, "priority_area": PriorityAreaFactory()}, created_by=lead
        )
    assert "Choose a priority you lead" in refused.value.message_dict["priority_area"][0]
    created = services.contract_create(
        data={**data, "priority_area": PriorityAreaFactory(lead_commissioners=[lead])},
        options=[12, 12],
        created_by=lead,
    )
    assert created.end_date == created.initial_end_date
    assert created.options_left_label == "1 + 1 years"


def test_a_gate_refuses_last_cycles_specification(lead):
    """The specification of cycle 1 made Plan to Do "Ready" in cycle 2."""
    activity = ActivityFactory(
        stage=Stage.PLAN, cycle_number=2, specification_text="Spec", specification_cycle=1
    )
    check = check_next_move(activity)
    assert not check.allowed
    assert "earlier cycle" in check.problems[0]
    assert [(e.cycle, e.counts) for e in check.evidence] == [(1, False)]
    services.activity_update(
        activity=activity,
        data={"specification_text": "Spec, revised for cycle 2"},
        organisations=activity.commissioning_organisations.all(),
        expected_version=activity.version,
    )
    activity.refresh_from_db()
    assert activity.specification_cycle == 2
    assert check_next_move(activity).allowed


def test_a_gate_refuses_last_cycles_contract():
    activity = ActivityFactory(stage=Stage.DO, cycle_number=2)
    ContractFactory(activity=activity, activity_cycle=1)
    check = check_next_move(activity)
    assert not check.allowed
    assert check.evidence[0].cycle_label == "cycle 1"
