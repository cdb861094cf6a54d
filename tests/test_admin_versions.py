"""Saves in the admin of a versioned record are checked like the site's edits: the second of
two saves is refused with what changed, nothing is overwritten, and saving again knowingly
wins. The governance admin's inlines are tested in governance/tests/test_admin.py."""

import datetime

import pytest
from django.apps import apps
from django.contrib import admin
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from commissioning.tests.factories import (
    ActivityFactory,
    ContractFactory,
    ContractReviewFactory,
    ContributionFactory,
    DecommissioningPlanFactory,
    KpiFactory,
)
from core.admin_versions import (
    PAGE_FIELDS,
    VersionCheckedAdminMixin,
    VersionCheckedInlineMixin,
    counts_versions,
)
from core.tests.factories import AdministratorFactory
from core.tests.helpers import admin_change_data, form_data
from core.tests.sign_in import sign_in
from governance.tests.factories import (
    AgendaItemFactory,
    AttendanceFactory,
    BoardFactory,
    DecisionFactory,
    ForwardPlanEntryFactory,
    InterestFactory,
    MeetingFactory,
    MembershipFactory,
)
from participation.tests.factories import (
    HearByRightAssessmentFactory,
    HearByRightScoreFactory,
    ParticipationRecordFactory,
    QuoteFactory,
    VoiceAnswerFactory,
    YouSaidItemFactory,
)
from priorities.models import Action
from priorities.tests.factories import (
    ActionFactory,
    IndicatorFactory,
    ObjectiveFactory,
    PriorityAreaFactory,
)
from reporting.models import TermlyReport
from reporting.tests.factories import ReportCommentFactory, TermlyReportFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

VERSIONED = [model for model in apps.get_models() if counts_versions(model)]
FACTORIES = {
    "Board": BoardFactory,
    "Membership": MembershipFactory,
    "Meeting": MeetingFactory,
    "AgendaItem": AgendaItemFactory,
    "Decision": DecisionFactory,
    "Attendance": AttendanceFactory,
    "Interest": InterestFactory,
    "ForwardPlanEntry": ForwardPlanEntryFactory,
    "Objective": ObjectiveFactory,
    "Action": ActionFactory,
    "Indicator": IndicatorFactory,
    "TermlyReport": TermlyReportFactory,
    "ParticipationRecord": ParticipationRecordFactory,
    "YouSaidItem": YouSaidItemFactory,
    "Quote": QuoteFactory,
    "CommissioningActivity": ActivityFactory,
    "Contract": ContractFactory,
    "DecommissioningPlan": DecommissioningPlanFactory,
    "Contribution": ContributionFactory,
    "KeyPerformanceIndicator": KpiFactory,
    "ContractReview": ContractReviewFactory,
    "VoiceAnswer": lambda: VoiceAnswerFactory(activity=ActivityFactory()),
    "ReportComment": ReportCommentFactory,
    "HearByRightAssessment": lambda: HearByRightAssessmentFactory(scored=True),
    "HearByRightScore": HearByRightScoreFactory,
}
# The history tables copy `version` but are never edited.
RECORDS = [model for model in VERSIONED if not model.__name__.startswith("Historical")]


def _admin_client() -> Client:
    client = Client()
    sign_in(client, AdministratorFactory())
    return client


def _change_url(instance) -> str:
    meta = instance._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[instance.pk])


def _opened(client: Client, url: str) -> dict:
    """An admin change page opened before anyone saves: what its save will send."""
    response = client.get(url)
    assert response.status_code == 200
    return admin_change_data(response)


def _opened_revert(client: Client, url: str) -> dict:
    """A history revert page (django-simple-history): one form, no inlines."""
    response = client.get(url)
    assert response.status_code == 200
    return form_data(response.context["adminform"].form)


def test_every_versioned_record_is_listed_here():
    assert sorted(model.__name__ for model in RECORDS) == sorted(FACTORIES)


@pytest.mark.parametrize("model", RECORDS, ids=lambda model: model.__name__)
def test_every_admin_of_a_versioned_record_checks_the_version(model):
    assert isinstance(admin.site._registry[model], VersionCheckedAdminMixin)


@pytest.mark.parametrize(
    "inline",
    [
        inline
        for model_admin in admin.site._registry.values()
        for inline in model_admin.inlines
        if counts_versions(inline.model)
    ],
    ids=lambda inline: inline.__name__,
)
def test_every_inline_of_a_versioned_record_checks_the_version(inline):
    assert issubclass(inline, VersionCheckedInlineMixin)


@pytest.mark.parametrize("model", RECORDS, ids=lambda model: model.__name__)
def test_the_second_of_two_admin_saves_is_refused_and_overwrites_nothing(model):
    instance = FACTORIES[model.__name__]()
    url = _change_url(instance)
    first, second = _admin_client(), _admin_client()
    first_data, second_data = _opened(first, url), _opened(second, url)

    saved = first.post(url, first_data)
    refused = second.post(url, second_data)

    assert saved.status_code == 302, saved.content.decode()[:2000]
    assert refused.status_code == 200
    noun = model._meta.verbose_name
    assert (
        refused.context["adminform"]
        .form.non_field_errors()[0]
        .startswith(f"Not saved: someone else saved this {noun} while you were editing it.")
    )
    assert model.objects.get(pk=instance.pk).version == 2

    kept = refused.context["adminform"].form
    again = second_data | {name: kept[name].value() for name in PAGE_FIELDS}
    assert second.post(url, again).status_code == 302
    assert model.objects.get(pk=instance.pk).version == 3


def test_two_admins_editing_one_action_the_second_is_told_what_changed(administrator_client):
    """A due date fixed in 2027 fell before the factory's start date (today) in a later year."""
    due = timezone.localdate() + datetime.timedelta(days=60)
    moved = due + datetime.timedelta(days=59)
    action = ActionFactory(title="Retain TAF advisors", description="", due_date=due)
    url = _change_url(action)
    other = _admin_client()
    first, second = _opened(administrator_client, url), _opened(other, url)

    administrator_client.post(
        url, first | {"title": "Retain the TAF advisors", "due_date": f"{moved:%d/%m/%Y}"}
    )
    refused = other.post(url, second | {"description": "Funded to March"})

    assert refused.context["adminform"].form.non_field_errors() == [
        "Not saved: someone else saved this action while you were editing it. Changed "
        f"meanwhile: Title: “Retain the TAF advisors”; Due date: “{moved:%-d %B %Y}”. "
        "Your changes are still in the form; check what changed, then save again to keep yours."
    ]
    assert refused.context["adminform"].form["description"].value() == "Funded to March"
    action = Action.objects.get(pk=action.pk)
    assert (action.title, action.description, action.due_date, action.version) == (
        "Retain the TAF advisors",
        "",
        moved,
        2,
    )


def test_report_words_saved_on_the_site_are_not_overwritten_by_an_admin_save(
    administrator_client, commissioner_client, commissioner
):
    report = TermlyReportFactory(
        priority_area=PriorityAreaFactory(lead_commissioners=[commissioner]),
        highlights="First words.",
    )
    admin_url = _change_url(report)
    opened = _opened(administrator_client, admin_url)
    site_url = reverse("reporting:report_words", args=[report.pk])
    site = form_data(commissioner_client.get(site_url).context["form"])
    saved = commissioner_client.post(site_url, site | {"highlights": "The lead's words."})
    assert saved.status_code == 302

    refused = administrator_client.post(admin_url, opened | {"asks_of_board": "None."})

    assert refused.status_code == 200
    assert refused.context["adminform"].form.non_field_errors()[0] == (
        "Not saved: someone else saved this termly report while you were editing it. Changed "
        "meanwhile: Highlights: “The lead's words.”. Your changes are still in the form; check "
        "what changed, then save again to keep yours."
    )
    report = TermlyReport.objects.get(pk=report.pk)
    assert (report.highlights, report.version) == ("The lead's words.", 2)


def test_an_admin_save_stales_the_report_words_open_on_the_site(
    administrator_client, commissioner_client, commissioner
):
    report = TermlyReportFactory(
        priority_area=PriorityAreaFactory(lead_commissioners=[commissioner]),
        highlights="First words.",
    )
    site_url = reverse("reporting:report_words", args=[report.pk])
    site = form_data(commissioner_client.get(site_url).context["form"])
    admin_url = _change_url(report)
    opened = _opened(administrator_client, admin_url)
    assert (
        administrator_client.post(admin_url, opened | {"highlights": "Admin."}).status_code == 302
    )

    refused = commissioner_client.post(site_url, site | {"asks_of_board": "Agree it."})

    assert refused.status_code == 409
    assert refused.context["conflict_changes"] == [("Highlights", "Admin.")]
    report = TermlyReport.objects.get(pk=report.pk)
    assert (report.highlights, report.asks_of_board, report.version) == (
        "Admin.",
        "Agree a joint approach to residential placements with the CCG.",
        2,
    )


@pytest.mark.parametrize("opened_version", ["", "abc"])
def test_a_page_without_the_version_it_was_opened_at_is_refused_as_out_of_date(
    administrator_client, opened_version
):
    decision = DecisionFactory(owner_note="Head of Early Help")
    url = _change_url(decision)
    data = _opened(administrator_client, url) | {"opened_version": opened_version}
    response = administrator_client.post(url, data | {"owner_note": "Someone else"})
    assert response.status_code == 200
    assert "This page is out of date or incomplete" in response.content.decode()
    decision.refresh_from_db()
    assert (decision.owner_note, decision.version) == ("Head of Early Help", 1)


def test_reverting_from_the_history_is_checked_and_moves_the_version_on(administrator_client):
    """A revert saves an old copy of the record: its version must not go back with it."""
    action = ActionFactory(title="First title")
    url = _change_url(action)
    administrator_client.post(url, _opened(administrator_client, url) | {"title": "Second"})
    administrator_client.post(url, _opened(administrator_client, url) | {"title": "Third"})
    first = action.history.earliest()
    revert_url = reverse("admin:priorities_action_simple_history", args=[action.pk, first.pk])

    reverted = administrator_client.post(
        revert_url, _opened_revert(administrator_client, revert_url)
    )

    assert reverted.status_code == 302, reverted.content.decode()[:2000]
    action = Action.objects.get(pk=action.pk)
    assert (action.title, action.version) == ("First title", 4)


def test_a_revert_page_opened_before_another_save_is_refused(administrator_client):
    action = ActionFactory(title="First title")
    url = _change_url(action)
    administrator_client.post(url, _opened(administrator_client, url) | {"title": "Second"})
    first = action.history.earliest()
    revert_url = reverse("admin:priorities_action_simple_history", args=[action.pk, first.pk])
    revert = _opened_revert(administrator_client, revert_url)
    administrator_client.post(url, _opened(administrator_client, url) | {"title": "Third"})

    refused = administrator_client.post(revert_url, revert)

    assert refused.status_code == 200
    assert "Changed meanwhile: Title: “Third”" in refused.content.decode()
    action = Action.objects.get(pk=action.pk)
    assert (action.title, action.version) == ("Third", 3)
