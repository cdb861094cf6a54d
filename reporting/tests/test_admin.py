"""The reporting admin: every model registered, searchable, and its pages open."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from simple_history.models import HistoricalChanges

from governance.tests.factories import MeetingFactory
from reporting import jobs
from reporting.api.services import api_token_create
from reporting.models import (
    ApiToken,
    BoardPackPart,
    BoardPackPdf,
    BoardPackRender,
    CalendarFeed,
    FailedJob,
    MeetingPackPdf,
    ReportComment,
    ScheduledRun,
    Term,
    TermlyReport,
)
from reporting.services import calendar_feed_for
from reporting.tests.factories import ReportCommentFactory

pytestmark = pytest.mark.django_db

# Every model of the app, so that a new one without an admin fails here.
MODELS = [
    model
    for model in apps.get_app_config("reporting").get_models()
    if not issubclass(model, HistoricalChanges)
]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_model_is_registered_with_search(model):
    assert admin.site.is_registered(model)
    assert admin.site._registry[model].search_fields


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_admin_lists_and_change_pages_open(administrator_client, model):
    comment = ReportCommentFactory(text="What is the plan for the overdue actions?")
    report = comment.report
    failed = jobs.render_board_pack.enqueue(0, 0).db_result
    failed.set_failed(ValueError("No such board"))
    instances = {
        Term: Term.objects.current(),
        TermlyReport: report,
        ReportComment: comment,
        BoardPackPdf: BoardPackPdf.objects.create(
            board=report.priority_area.framework.owning_board,
            term=Term.objects.current(),
            html_sha256="0" * 64,
            pdf=b"%PDF-1.7",
        ),
        BoardPackPart: BoardPackPart.objects.create(
            html_sha256="1" * 64, pdf=b"%PDF-1.7", pages=2, used_at=timezone.now()
        ),
        ScheduledRun: ScheduledRun.objects.create(
            name="reminders", period="2026-12-01", enqueued_at=timezone.now()
        ),
        BoardPackRender: BoardPackRender.objects.create(
            board=report.priority_area.framework.owning_board,
            term=Term.objects.current(),
            requested_at=timezone.now(),
        ),
        FailedJob: FailedJob.objects.get(pk=failed.pk),
        CalendarFeed: calendar_feed_for(user=comment.author),
        ApiToken: api_token_create(user=comment.author)[0],
        MeetingPackPdf: MeetingPackPdf.objects.create(meeting=MeetingFactory(), pdf=b"%PDF-1.7"),
    }
    prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    listing = administrator_client.get(reverse(f"{prefix}_changelist"), {"q": ""})
    assert listing.status_code == 200
    instance = instances[model]
    assert escape(str(instance)[:30]) in listing.content.decode()
    change = administrator_client.get(reverse(f"{prefix}_change", args=[instance.pk]))
    assert change.status_code == 200


def test_calendar_feed_admin_never_shows_the_token_and_resets_it(administrator_client):
    feed = calendar_feed_for(user=ReportCommentFactory().author)
    old_token = feed.token
    change_url = reverse("admin:reporting_calendarfeed_change", args=[feed.pk])
    listing_url = reverse("admin:reporting_calendarfeed_changelist")

    assert old_token not in administrator_client.get(change_url).content.decode()
    assert old_token not in administrator_client.get(listing_url).content.decode()
    response = administrator_client.post(
        listing_url,
        {"action": "reset_addresses", "_selected_action": [feed.pk]},
        follow=True,
    )

    assert "Reset 1 calendar address." in response.content.decode()
    feed.refresh_from_db()
    assert feed.token != old_token
