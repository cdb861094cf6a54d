"""Two people editing the same record at once: the first save wins, the second is told, and
nothing of the first is lost. Each editor has a Client (a session) of their own; both open the
page before either saves, as two browser tabs would."""

from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from commissioning.models import (
    CommissioningActivity,
    Contribution,
    KeyPerformanceIndicator,
    StageMove,
)
from commissioning.models.contracts import add_months
from commissioning.tests.factories import (
    ActivityFactory,
    ContractFactory,
    ContributionFactory,
    ExtensionOptionFactory,
    KpiFactory,
    NeedsAssessmentFactory,
)
from core.choices import Stage
from core.tests.helpers import form_data
from core.tests.sign_in import sign_in
from governance.models import AgendaItem, Decision, Meeting
from governance.tests.factories import (
    AgendaItemFactory,
    DecisionFactory,
    MeetingFactory,
    RecordingSeatFactory,
)
from participation.tests.factories import ParticipationRecordFactory
from priorities.models import Action, Indicator, Objective
from priorities.tests.factories import (
    ActionFactory,
    IndicatorFactory,
    ObjectiveFactory,
    PriorityAreaFactory,
)
from reporting.models import TermlyReport
from reporting.tests.factories import TermlyReportFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


@dataclass
class Editor:
    client: Client
    data: dict


def _two_editors_open(url: str, first, second, form_name: str = "form") -> tuple[Editor, Editor]:
    editors = []
    for user in (first, second):
        client = Client()
        sign_in(client, user)
        response = client.get(url)
        assert response.status_code == 200
        editors.append(Editor(client, form_data(response.context[form_name])))
    return editors[0], editors[1]


@pytest.fixture
def lead(commissioner):
    return commissioner


@pytest.fixture
def area(lead):
    return PriorityAreaFactory(lead_commissioners=[lead])


def test_two_editors_of_an_action(lead, administrator, area):
    action = ActionFactory(priority_area=area, title="Retain TAF advisors", description="")
    url = reverse("priorities:action_update", args=[action.pk])
    first, second = _two_editors_open(url, lead, administrator)

    saved = first.client.post(url, first.data | {"title": "Retain the TAF advisors"})
    refused = second.client.post(url, second.data | {"description": "Funded to March"})

    assert saved.status_code == 302
    assert refused.status_code == 409
    assert "someone else saved this action" in refused.content.decode()
    action = Action.objects.get(pk=action.pk)
    assert (action.title, action.description, action.version) == (
        "Retain the TAF advisors",
        "",
        2,
    )


def test_two_editors_of_a_participation_record(lead, administrator, area):
    record = ParticipationRecordFactory(priority_areas=[area], title="Advocacy consultation")
    url = reverse("participation:record_update", args=[record.pk])
    first, second = _two_editors_open(url, lead, administrator)

    saved = first.client.post(url, first.data | {"title": "Advocacy consultation, spring"})
    refused = second.client.post(url, second.data | {"you_said": "Overwritten?"})

    assert saved.status_code == 302, saved.content.decode()
    assert refused.status_code == 409
    assert "someone else saved this record" in refused.content.decode()
    record.refresh_from_db()
    assert record.title == "Advocacy consultation, spring"
    assert record.you_said == "You want to meet your advocate before a review, not on the day."


def test_two_editors_move_the_same_activity(lead, administrator, area):
    activity = ActivityFactory(priority_area=area, lead_commissioner=lead, stage=Stage.ANALYSE)
    NeedsAssessmentFactory(activity=activity)
    url = reverse("commissioning:activity_move", args=[activity.pk])
    first, second = _two_editors_open(url, lead, administrator, form_name="move_form")

    moved = first.client.post(url, first.data | {"note": "Agreed at the board"})
    refused = second.client.post(url, second.data | {"note": "Moving it too"}, follow=True)

    assert moved.status_code == 302
    assert refused.status_code == 409
    assert "while you were looking at it this activity moved" in refused.content.decode()
    activity = CommissioningActivity.objects.get(pk=activity.pk)
    assert (activity.stage, activity.version) == (Stage.PLAN, 2)
    assert list(StageMove.objects.filter(activity=activity).values_list("note", flat=True)) == [
        "Agreed at the board"
    ]


def _refused_then_kept(second: Editor, url: str, changes: dict, noun: str):
    """The second editor's save, refused as stale; returns the 409 response."""
    refused = second.client.post(url, second.data | changes)
    assert refused.status_code == 409
    assert (
        f"Not saved: someone else saved this {noun} while you were editing it. Your changes are "
        "still in the form; check what changed, then save again to keep yours."
    ) in refused.content.decode()
    kept = refused.context["form"]
    for name, value in changes.items():
        assert kept[name].value() == value  # the user's input is still in the form
    return refused


def _save_again(second: Editor, url: str, changes: dict, refused) -> None:
    """Saving again from the re-rendered form is a knowing overwrite, and succeeds."""
    kept = refused.context["form"]
    again = second.data | changes
    again |= {"version": kept["version"].value(), "snapshot": kept["snapshot"].value()}
    assert second.client.post(url, again).status_code == 302


def test_two_editors_of_an_objective(lead, administrator, area):
    objective = ObjectiveFactory(priority_area=area, text="Keep families together", order=1)
    url = reverse("priorities:objective_update", args=[objective.pk])
    first, second = _two_editors_open(url, lead, administrator)

    saved = first.client.post(url, first.data | {"text": "Keep families supported together"})
    refused = _refused_then_kept(second, url, {"order": "2"}, "objective")

    assert saved.status_code == 302
    assert refused.context["conflict_changes"] == [("Text", "Keep families supported together")]
    assert "Keep families supported together" in refused.content.decode()
    objective = Objective.objects.get(pk=objective.pk)
    assert (objective.text, objective.order, objective.version) == (
        "Keep families supported together",
        1,
        2,
    )

    _save_again(second, url, {"order": "2"}, refused)
    objective = Objective.objects.get(pk=objective.pk)
    assert (objective.text, objective.order, objective.version) == ("Keep families together", 2, 3)


def test_two_editors_of_an_indicator(lead, administrator, area):
    indicator = IndicatorFactory(
        priority_area=area, name="Children in care out of borough", target=150, source=""
    )
    url = reverse("priorities:indicator_update", args=[indicator.pk])
    first, second = _two_editors_open(url, lead, administrator)

    saved = first.client.post(url, first.data | {"target": "120", "polarity": "lower"})
    refused = _refused_then_kept(second, url, {"source": "Local data"}, "indicator")

    assert saved.status_code == 302
    changes = dict(refused.context["conflict_changes"])
    assert changes["Target"] == "120.00"
    indicator = Indicator.objects.get(pk=indicator.pk)
    assert (indicator.target, indicator.source, indicator.version) == (120, "", 2)

    _save_again(second, url, {"source": "Local data"}, refused)
    indicator = Indicator.objects.get(pk=indicator.pk)
    assert (indicator.target, indicator.source, indicator.version) == (150, "Local data", 3)


def test_two_editors_of_an_agenda_item(commissioner, administrator):
    item = AgendaItemFactory(title="Joint Commissioning Strategy", presenter="")
    RecordingSeatFactory(board=item.meeting.board, user=commissioner)
    url = reverse("governance:agenda_item_update", args=[item.pk])
    first, second = _two_editors_open(url, commissioner, administrator)

    saved = first.client.post(url, first.data | {"title": "Joint Commissioning Strategy 2027"})
    refused = _refused_then_kept(second, url, {"presenter": "Chair"}, "agenda item")

    assert saved.status_code == 302
    assert refused.context["conflict_changes"] == [("Title", "Joint Commissioning Strategy 2027")]
    assert "Changed by someone else while you were editing" in refused.content.decode()
    item = AgendaItem.objects.get(pk=item.pk)
    assert (item.title, item.presenter, item.version) == (
        "Joint Commissioning Strategy 2027",
        "",
        2,
    )

    _save_again(second, url, {"presenter": "Chair"}, refused)
    item = AgendaItem.objects.get(pk=item.pk)
    assert (item.title, item.presenter, item.version) == (
        "Joint Commissioning Strategy",
        "Chair",
        3,
    )


def test_two_editors_of_a_meeting(commissioner, administrator):
    meeting = MeetingFactory(location="Municipal Building, Widnes", minutes="")
    RecordingSeatFactory(board=meeting.board, user=commissioner)
    url = reverse("governance:meeting_update", args=[meeting.pk])
    first, second = _two_editors_open(url, commissioner, administrator)

    saved = first.client.post(url, first.data | {"location": "Runcorn Town Hall"})
    refused = _refused_then_kept(second, url, {"minutes": "Agreed the strategy."}, "meeting")

    assert saved.status_code == 302
    assert refused.context["conflict_changes"] == [("Location", "Runcorn Town Hall")]
    assert "Changed by someone else while you were editing" in refused.content.decode()
    meeting = Meeting.objects.get(pk=meeting.pk)
    assert (meeting.location, meeting.minutes, meeting.version) == ("Runcorn Town Hall", "", 2)

    _save_again(second, url, {"minutes": "Agreed the strategy."}, refused)
    meeting = Meeting.objects.get(pk=meeting.pk)
    assert (meeting.location, meeting.minutes, meeting.version) == (
        "Municipal Building, Widnes",
        "Agreed the strategy.",
        3,
    )


def test_two_editors_of_a_decision(commissioner, administrator):
    decision = DecisionFactory(text="Adopt THRIVE.", status=Decision.Status.OPEN)
    RecordingSeatFactory(board=decision.meeting.board, user=commissioner)
    url = reverse("governance:decision_update", args=[decision.pk])
    first, second = _two_editors_open(url, commissioner, administrator)

    saved = first.client.post(url, first.data | {"status": "done"})
    refused = _refused_then_kept(second, url, {"text": "Adopt the THRIVE model."}, "decision")

    assert saved.status_code == 302
    assert refused.context["conflict_changes"] == [("Status", "Done")]
    decision = Decision.objects.get(pk=decision.pk)
    assert (decision.text, decision.status, decision.version) == ("Adopt THRIVE.", "done", 2)

    _save_again(second, url, {"text": "Adopt the THRIVE model."}, refused)
    decision = Decision.objects.get(pk=decision.pk)
    assert (decision.text, decision.status, decision.version) == (
        "Adopt the THRIVE model.",
        "open",
        3,
    )


def test_two_writers_of_a_reports_words(lead, administrator, area):
    report = TermlyReportFactory(priority_area=area, highlights="Twelve families supported.")
    url = reverse("reporting:report_words", args=[report.pk])
    first, second = _two_editors_open(url, lead, administrator)

    saved = first.client.post(url, first.data | {"highlights": "Fourteen families supported."})
    refused = _refused_then_kept(second, url, {"asks_of_board": "Agree the plan."}, "report")

    assert saved.status_code == 302
    assert refused.context["conflict_changes"] == [("Highlights", "Fourteen families supported.")]
    report = TermlyReport.objects.get(pk=report.pk)
    assert (report.highlights, report.version) == ("Fourteen families supported.", 2)
    assert report.asks_of_board != "Agree the plan."

    _save_again(second, url, {"asks_of_board": "Agree the plan."}, refused)
    report = TermlyReport.objects.get(pk=report.pk)
    assert (report.highlights, report.asks_of_board, report.version) == (
        "Twelve families supported.",
        "Agree the plan.",
        3,
    )


def test_two_reviewers_extending_one_contract_take_one_option(lead, administrator, area):
    """Both open the review page and decide to extend: the second is refused, not applied."""
    contract = ContractFactory(priority_area=area, owner=lead)
    ExtensionOptionFactory(contract=contract, months=12)
    ExtensionOptionFactory(contract=contract, months=12)
    end = contract.end_date
    url = reverse("commissioning:contract_review_create", args=[contract.pk])
    first, second = _two_editors_open(url, lead, administrator)
    decision = {
        "performance_rag": "green",
        "outcomes_achieved": "Outcomes met",
        "value_for_money": "good",
        "decision": "extend",
        "decision_date": f"{contract.start_date:%Y-%m-%d}",
        "extend_with": "next_option",
    }

    saved = first.client.post(url, first.data | decision)
    refused = second.client.post(url, second.data | decision)

    assert saved.status_code == 302
    assert refused.status_code == 409
    contract.refresh_from_db()
    assert contract.end_date == add_months(end, 12)
    assert contract.extension_options.filter(taken_on__isnull=False).count() == 1
    assert contract.reviews.count() == 1


def test_two_editors_of_a_partners_share(lead, administrator, area):
    share = ContributionFactory(
        contract=ContractFactory(priority_area=area), annual_amount=Decimal("300000"), note=""
    )
    url = reverse("commissioning:contribution_update", args=[share.pk])
    first, second = _two_editors_open(url, lead, administrator)

    saved = first.client.post(url, first.data | {"annual_amount": "310000"})
    refused = _refused_then_kept(second, url, {"note": "Agreed at the SEND board"}, "share")

    assert saved.status_code == 302
    assert dict(refused.context["conflict_changes"])["Amount a year (£)"] == "310000.00"
    share = Contribution.objects.get(pk=share.pk)
    assert (share.annual_amount, share.note, share.version) == (Decimal("310000"), "", 2)

    _save_again(second, url, {"note": "Agreed at the SEND board"}, refused)
    share = Contribution.objects.get(pk=share.pk)
    assert (share.annual_amount, share.note, share.version) == (
        Decimal("300000"),
        "Agreed at the SEND board",
        3,
    )


def test_two_editors_of_a_kpi(lead, administrator, area):
    kpi = KpiFactory(contract=ContractFactory(priority_area=area), target=Decimal("92"), unit="%")
    url = reverse("commissioning:kpi_update", args=[kpi.pk])
    first, second = _two_editors_open(url, lead, administrator)

    saved = first.client.post(url, first.data | {"target": "95"})
    refused = _refused_then_kept(second, url, {"frequency": "monthly"}, "KPI")

    assert saved.status_code == 302
    assert dict(refused.context["conflict_changes"])["Target"] == "95.00"
    kpi = KeyPerformanceIndicator.objects.get(pk=kpi.pk)
    assert (kpi.target, kpi.frequency, kpi.version) == (Decimal("95"), "quarterly", 2)
