"""assemble_report: what a termly report says about actions, indicators and decisions."""

import base64
import datetime
import json
from decimal import Decimal

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from commissioning.models import StageMove
from commissioning.tests.factories import ActivityFactory, ContractFactory, ServiceFactory
from core import charts as core_charts
from core.tests.caches import clear_cache
from governance.tests.factories import DecisionFactory, MeetingFactory, OrganisationFactory
from participation.models import Level
from participation.tests.factories import ParticipationRecordFactory, StakeholderGroupFactory
from priorities.models import Action
from priorities.tests.factories import (
    ActionFactory,
    ComparatorFactory,
    ComparatorValueFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    PriorityAreaFactory,
    ProgressUpdateFactory,
)
from reporting.assemble import REPORT_SECTIONS, assemble_report
from reporting.charts import indicator_trend, with_charts
from reporting.models import Term
from reporting.tests.factories import TermlyReportFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

D = datetime.date
AS_OF = D(2025, 12, 15)
LATER = D(2026, 3, 31)


@pytest.fixture
def autumn():
    return Term.objects.get(academic_year=2025, season="autumn")


@pytest.fixture
def area():
    return PriorityAreaFactory(title="Children in Care")


def _action(area, title, *, due=LATER, status=Action.Status.IN_PROGRESS, **kwargs):
    return ActionFactory(
        priority_area=area,
        title=title,
        start_date=D(2025, 1, 1),
        due_date=due,
        status=status,
        **kwargs,
    )


def _update(action, day, rag, narrative="Update"):
    return ProgressUpdateFactory(action=action, date=day, rag=rag, narrative=narrative)


def test_actions_are_counted_by_rag_at_the_end_of_the_term_and_by_status(area, autumn):
    worsened = _action(area, "Scale up the Edge of Care Team")
    _update(worsened, D(2025, 7, 1), "green")
    _update(worsened, D(2025, 10, 1), "red", "Recruitment paused.")
    _update(worsened, D(2025, 12, 20), "green", "After the report's day: not counted.")
    late = _action(area, "Refresh the sufficiency statement", due=D(2025, 11, 1))
    _update(late, D(2025, 10, 5), "amber", "Waiting for the CCG's figures.")
    done = _action(area, "Open the new contact centre", status=Action.Status.COMPLETE)
    _update(done, D(2025, 11, 1), "green", "Opened.")
    _action(area, "Review short breaks", status=Action.Status.NOT_STARTED)

    actions = assemble_report(area, autumn, today=AS_OF)["actions"]

    assert actions["total"] == 4
    assert actions["by_rag"] == {"red": 1, "amber": 1, "green": 1, "none": 1}
    assert {row["label"]: row["count"] for row in actions["by_status"]} == {
        "Not started": 1,
        "In progress": 2,
        "Complete": 1,
        "Cancelled": 0,
    }
    assert actions["changed_rag"] == [
        {
            "id": worsened.pk,
            "title": "Scale up the Edge of Care Team",
            "from": "green",
            "from_label": "Green",
            "to": "red",
            "to_label": "Red",
        }
    ]
    assert [row["title"] for row in actions["completed"]] == ["Open the new contact centre"]
    assert actions["overdue_count"] == 1


def test_exceptions_list_red_then_amber_and_overdue_with_their_latest_narrative(area, autumn):
    red = _action(area, "Red action")
    _update(red, D(2025, 10, 1), "red", "Recruitment paused.")
    overdue_green = _action(area, "Late but green", due=D(2025, 10, 1))
    _update(overdue_green, D(2025, 9, 15), "green", "On track, says the owner.")
    amber = _action(area, "Amber action")
    _update(amber, D(2025, 10, 2), "amber", "Slipping.")
    _update(_action(area, "Green action"), D(2025, 10, 2), "green")

    exceptions = assemble_report(area, autumn, today=AS_OF)["actions"]["exceptions"]

    assert [(row["title"], row["overdue"]) for row in exceptions] == [
        ("Red action", False),
        ("Amber action", False),
        ("Late but green", True),
    ]
    assert exceptions[0]["narrative"] == "Recruitment paused."
    assert exceptions[0]["narrative_on"] == "2025-10-01"


def test_indicators_give_latest_value_target_comparator_and_direction_of_travel(area, autumn):
    admissions = IndicatorFactory(
        priority_area=area, name="Admissions for injuries 0-4", polarity="lower", target=130
    )
    partnership = area.framework.partnership
    region = ComparatorFactory(partnership=partnership, kind="region", name="North West", order=2)
    neighbours = ComparatorFactory(
        partnership=partnership, kind="neighbours", name="Statistical neighbours", order=3
    )
    ComparatorFactory(partnership=partnership, name="Retired", is_active=False, order=4)
    for label, value in (("2023", "150"), ("2024", "144")):
        IndicatorValueFactory(
            indicator=admissions,
            period_label=label,
            period_end=D(int(label), 12, 31),
            value=Decimal(value),
            england=Decimal("129.6"),
        )
    # The region's 2024 is above (worse than) ours; its 2022 is a period the indicator lacks.
    for label, value in (("2022", "160"), ("2024", "150")):
        ComparatorValueFactory(
            indicator=admissions,
            comparator=region,
            period_label=label,
            period_end=D(int(label), 12, 31),
            value=Decimal(value),
        )
    IndicatorValueFactory(
        indicator=admissions, period_label="2026", period_end=D(2026, 12, 31), value=Decimal("1")
    )
    IndicatorFactory(priority_area=area, name="Good level of development")
    one_value = IndicatorFactory(priority_area=area, name="Care leavers in education")
    IndicatorValueFactory(indicator=one_value, period_label="2024", period_end=D(2024, 8, 31))

    rows = {row["name"]: row for row in assemble_report(area, autumn, today=AS_OF)["indicators"]}

    injuries = rows["Admissions for injuries 0-4"]
    assert injuries["latest"]["value"] == "144.00", "the 2026 value is after the term"
    assert [
        (c["comparator"], c["value"], c["against"], c["rag"])
        for c in injuries["latest"]["comparisons"]
    ] == [
        ("England", "129.60", "worse", "red"),
        ("North West", "150.00", "better", "green"),
        ("Statistical neighbours", None, "", ""),
    ], "each comparator in use, in order; none without a value of the period"
    assert (injuries["against_target"], injuries["target_rag"]) == ("worse", "red")
    assert injuries["direction"] == "improving"
    assert [point["period"] for point in injuries["series"]] == ["2023", "2024"]
    assert [point["comparator_values"] for point in injuries["series"]] == [
        ["129.60", None, None],
        ["129.60", "150.00", None],
    ]
    assert [(c["name"], [p["period"] for p in c["series"]]) for c in injuries["comparators"]] == [
        ("England", ["2023", "2024"]),
        ("North West", ["2022", "2024"]),
        ("Statistical neighbours", []),
    ], "a comparator's own periods, even those the indicator lacks"
    assert neighbours.pk == injuries["comparators"][2]["id"]
    assert rows["Care leavers in education"]["direction"] == "not enough data"
    assert rows["Good level of development"]["latest"] is None


def test_decisions_about_the_priority_or_its_reports_up_to_the_end_of_the_term(area, autumn):
    october = MeetingFactory(starts_at=timezone.make_aware(datetime.datetime(2025, 10, 8, 10)))
    january = MeetingFactory(starts_at=timezone.make_aware(datetime.datetime(2026, 1, 8, 10)))
    DecisionFactory(meeting=october, text="Fund two more edge of care workers.", concerns=area)
    report = TermlyReportFactory(priority_area=area, term=autumn)
    DecisionFactory(meeting=october, text="Note the report.", concerns=report)
    DecisionFactory(meeting=october, text="About another priority.", concerns=PriorityAreaFactory())
    DecisionFactory(meeting=january, text="After the term.", concerns=area)

    decisions = assemble_report(area, autumn, today=AS_OF)["decisions"]

    assert sorted(row["text"] for row in decisions) == [
        "Fund two more edge of care workers.",
        "Note the report.",
    ]
    assert decisions[0]["meeting_on"] == "2025-10-08"


@pytest.mark.uses_cache
def test_a_kept_decisions_section_names_owners_as_they_are_now(area, autumn):
    """The section is kept in the cache, but a person who owns a decision is named afresh,
    and a decision recorded since is read at once."""
    october = MeetingFactory(starts_at=timezone.make_aware(datetime.datetime(2025, 10, 8, 10)))
    by_person = DecisionFactory(meeting=october, text="Fund two more workers.", concerns=area)
    organisation = OrganisationFactory(name="Halton Borough Council")
    DecisionFactory(
        meeting=october,
        text="Agree the joint placements approach.",
        concerns=area,
        owner_user=None,
        owner_organisation=organisation,
    )

    def owners():
        rows = assemble_report(area, autumn, today=AS_OF, cached=True)["decisions"]
        return {row["text"]: row["owner"] for row in rows}

    assert owners() == {
        "Fund two more workers.": "Aisha Khan",
        "Agree the joint placements approach.": "Halton Borough Council",
    }
    with CaptureQueriesContext(connection) as queries:
        owners()
    assert not any('"governance_decision"' in query["sql"] for query in queries), "kept"
    person = by_person.owner_user
    person.last_name = "Rahman"
    person.save()
    organisation.name = "Halton Council"
    organisation.save()
    DecisionFactory(
        meeting=october, text="Note the report.", concerns=area, owner_user=None, owner_note="Clerk"
    )

    assert owners() == {
        "Fund two more workers.": "Aisha Rahman",
        "Agree the joint placements approach.": "Halton Council",
        "Note the report.": "Clerk",
    }


def test_the_report_is_plain_json_with_every_registered_section(area, autumn):
    _update(_action(area, "An action"), D(2025, 10, 1), "amber")
    content = assemble_report(area, autumn, today=AS_OF)
    assert json.loads(json.dumps(content)) == content
    assert [name for name, _ in REPORT_SECTIONS] == [
        "actions",
        "indicators",
        "participation",
        "commissioning",
        "decisions",
    ]
    assert all(name in content for name, _ in REPORT_SECTIONS)
    assert content["term"]["label"] == "Autumn term 2025/26"
    assert content["term"]["previous"] == "Summer term 2024/25"
    assert content["as_of"] == "2025-12-15"


def _svg(chart) -> str:
    return base64.b64decode(chart.uri.split(",", 1)[1]).decode()


def test_charts_are_svg_documents_with_no_script(area, autumn):
    indicator = IndicatorFactory(priority_area=area, name="Good level of development")
    IndicatorValueFactory(indicator=indicator, period_label="2023", period_end=D(2023, 8, 31))
    IndicatorValueFactory(indicator=indicator, period_label="2024", period_end=D(2024, 8, 31))
    row = assemble_report(area, autumn, today=AS_OF)["indicators"][0]
    svg = _svg(indicator_trend(row))
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert "<script" not in svg
    charted = with_charts({"indicators": [row]})["indicators"][0]
    assert charted["chart"].startswith("data:image/svg+xml;base64,")
    assert charted["chart_alt"] == (
        "Line chart: Good level of development. Value: 61 in 2023 to 61 in 2024. "
        "Target 70 (Percentage)."
    )


def test_the_chart_and_its_table_name_each_comparator(area, autumn):
    indicator = IndicatorFactory(priority_area=area, name="Good level of development")
    region = ComparatorFactory(
        partnership=area.framework.partnership, kind="region", name="North West", order=2
    )
    for year, england in ((2023, "70"), (2024, "71")):
        IndicatorValueFactory(
            indicator=indicator, period_label=str(year), period_end=D(year, 8, 31), england=england
        )
    ComparatorValueFactory(indicator=indicator, comparator=region, period_label="2024", value=68)
    row = assemble_report(area, autumn, today=AS_OF)["indicators"][0]
    svg = _svg(indicator_trend(row))
    assert ">England<" in svg and ">North West<" in svg
    html = render_to_string(
        "reporting/reports/_section_indicators.html",
        {
            "data": with_charts({"indicators": [row]})["indicators"],
            "content": {"priority": {"id": area.pk}},
            "h": 2,
        },
    )
    assert '<th scope="col" class="text-end">England</th>' in html
    assert '<th scope="col" class="text-end">North West</th>' in html
    assert "North West 68:" in html and "Worse than North West" in html


def test_a_report_submitted_before_named_comparators_still_shows_its_comparator(area):
    """Schema 1 snapshots kept one comparator_value per point, named on the latest value."""
    old = {
        "id": 1,
        "name": "Good level of development",
        "unit": "Percentage",
        "polarity": "Higher is better",
        "target": None,
        "latest": {
            "period": "2017",
            "value": "61.00",
            "comparator": "England",
            "comparator_value": "71.00",
            "against_comparator": "worse",
        },
        "against_target": "",
        "direction": "improving",
        "series": [
            {"period": "2013", "value": "37.00", "comparator_value": None},
            {"period": "2017", "value": "61.00", "comparator_value": "71.00"},
        ],
    }
    charted = with_charts({"indicators": [old]})["indicators"][0]
    assert ">England<" in _svg(indicator_trend(old))
    html = render_to_string(
        "reporting/reports/_section_indicators.html",
        {"data": [charted], "content": {"priority": {"id": area.pk}}, "h": 2},
    )
    assert "England 71: " in html and "Worse than England" in html
    assert '<td class="text-end">71</td>' in html and '<td class="text-end">–</td>' in html


@pytest.mark.uses_cache
def test_a_chart_is_drawn_once_per_distinct_indicator_content(area, autumn, monkeypatch):
    indicator = IndicatorFactory(priority_area=area, name="Hospital admissions")
    IndicatorValueFactory(indicator=indicator, period_label="2023", period_end=D(2023, 8, 31))
    row = assemble_report(area, autumn, today=AS_OF)["indicators"][0]
    drawn = []
    figure = core_charts.Figure

    def counting_figure(*args, **kwargs):
        drawn.append(1)
        return figure(*args, **kwargs)

    monkeypatch.setattr(core_charts, "Figure", counting_figure)
    clear_cache()
    first = with_charts({"indicators": [row]})["indicators"][0]["chart"]
    again = with_charts({"indicators": [row]})["indicators"][0]["chart"]
    assert first == again and len(drawn) == 1
    changed = {**row, "target": "99"}
    with_charts({"indicators": [changed]})
    assert len(drawn) == 2


def test_participation_this_term_with_you_said_we_did_and_feedback_owed(area, autumn):
    youth = StakeholderGroupFactory(name="Halton Youth Cabinet")
    carers = StakeholderGroupFactory(name="Parent/Carer Forum")
    ParticipationRecordFactory(
        priority_areas=[area],
        groups=[youth],
        title="Advocacy consultation",
        date=D(2025, 10, 1),
        level=Level.CONSULT,
        we_did="Advocates now meet young people a week before reviews.",
    )
    ParticipationRecordFactory(
        priority_areas=[area],
        groups=[carers, youth],
        title="Short breaks co-design",
        date=D(2025, 11, 20),
        level=Level.CO_PRODUCE,
    )
    ParticipationRecordFactory(priority_areas=[area], title="Last term", date=D(2025, 6, 1))
    ParticipationRecordFactory(title="Another priority", date=D(2025, 10, 1))

    data = assemble_report(area, autumn, today=AS_OF)["participation"]

    assert data["record_count"] == 2
    assert data["participants"] == 18
    assert data["groups"] == ["Halton Youth Cabinet", "Parent/Carer Forum"]
    assert data["highest_level"] == "Co-produce"
    assert [row["title"] for row in data["you_said_we_did"]] == ["Advocacy consultation"]
    # Owed four weeks after the event: not yet for the one of 20 November.
    assert [row["title"] for row in data["feedback_owed"]] == [
        "Last term",
        "Advocacy consultation",
    ]


def test_participation_counts_the_records_reaching_influence_by_stage(area, autumn):
    acted_on = {
        "lundy_influence": "yes",
        "lundy_influence_evidence": "The specification changed; the council was told.",
    }
    ParticipationRecordFactory(priority_areas=[area], stage="plan", date=D(2025, 10, 1), **acted_on)
    ParticipationRecordFactory(priority_areas=[area], stage="plan", date=D(2025, 10, 2))
    ParticipationRecordFactory(priority_areas=[area], stage="do", date=D(2025, 11, 1), **acted_on)
    ParticipationRecordFactory(priority_areas=[area], stage="do", date=D(2025, 6, 1), **acted_on)

    content = assemble_report(area, autumn, today=AS_OF)
    data = content["participation"]

    assert content["schema"] == 3
    assert data["reached_influence"] == 2
    assert [
        (row["label"], row["records"], row["reached_influence"]) for row in data["by_stage"]
    ] == [
        ("Analyse", 0, 0),
        ("Plan", 2, 1),
        ("Do", 1, 1),
        ("Review", 0, 0),
    ]
    html = render_to_string(
        "reporting/reports/_section_participation.html",
        {"data": data, "content": content, "h": 2},
    )
    assert "2 of 3 records: the participants' views were acted on" in html
    assert '<th scope="row">Plan</th><td class="text-end">2</td><td class="text-end">1</td>' in html


def test_a_report_submitted_before_the_lundy_counts_still_shows_its_participation(area, autumn):
    ParticipationRecordFactory(priority_areas=[area], date=D(2025, 10, 1))
    content = assemble_report(area, autumn, today=AS_OF)
    old = {
        key: value
        for key, value in content["participation"].items()
        if key not in ("reached_influence", "by_stage")
    }
    html = render_to_string(
        "reporting/reports/_section_participation.html",
        {"data": old, "content": {**content, "schema": 2}, "h": 2},
    )
    assert 'Participation records</dt><dd class="col-sm-8">1, with 9 people taking part' in html
    assert "Reached Influence" not in html


def test_commissioning_by_stage_moves_this_term_and_contracts_ending_soon(area, autumn):
    mover = ActivityFactory(priority_area=area, title="Emotional wellbeing service", stage="plan")
    ActivityFactory(priority_area=area, title="Short breaks review", stage="analyse")
    StageMove.objects.create(
        activity=mover,
        from_stage="analyse",
        to_stage="plan",
        from_cycle=1,
        to_cycle=1,
        moved_by=mover.lead_commissioner,
        moved_at=timezone.make_aware(datetime.datetime(2025, 10, 15, 12)),
    )
    service = ServiceFactory()
    service.priority_areas.add(area)
    soon = {"start_date": D(2023, 1, 1), "end_date": D(2026, 3, 31)}
    ContractFactory(title="Through the service", service=service, **soon)
    ContractFactory(title="Through the activity", activity=mover, **soon)
    ContractFactory(title="Ends in a year", service=service, start_date=D(2023, 1, 1))
    ContractFactory(title="Another priority's", **soon)

    data = assemble_report(area, autumn, today=AS_OF)["commissioning"]

    stages = {row["label"]: row["activities"] for row in data["by_stage"]}
    assert stages["Plan"] == ["Emotional wellbeing service"]
    assert stages["Analyse"] == ["Short breaks review"]
    assert data["moves"] == [
        {
            "activity": "Emotional wellbeing service",
            "from": "Analyse",
            "to": "Plan",
            "on": "2025-10-15",
        }
    ]
    assert sorted(row["title"] for row in data["contracts_ending"]) == [
        "Through the activity",
        "Through the service",
    ]
