"""The priorities admin: every model registered, searchable, progress kept append-only."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse
from django.utils.html import escape
from simple_history.models import HistoricalChanges

from priorities.models import (
    Action,
    Framework,
    Indicator,
    IndicatorValue,
    Objective,
    PriorityArea,
    ProgressUpdate,
    ReportComment,
    Term,
    TermlyReport,
)
from priorities.tests.factories import (
    IndicatorValueFactory,
    ProgressUpdateFactory,
    ReportCommentFactory,
)

pytestmark = pytest.mark.django_db

# Every model of the app, so that a new one without an admin fails here. The audit history's
# tables are read through each model's "History" button instead.
MODELS = [
    model
    for model in apps.get_app_config("priorities").get_models()
    if not issubclass(model, HistoricalChanges)
]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_model_is_registered_with_search(model):
    assert admin.site.is_registered(model)
    assert admin.site._registry[model].search_fields


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_admin_lists_and_change_pages_open(administrator_client, model):
    update = ProgressUpdateFactory(narrative="Contract awarded and mobilisation meeting held.")
    value = IndicatorValueFactory(indicator__priority_area=update.action.priority_area)
    instances = {
        Framework: update.action.priority_area.framework,
        PriorityArea: update.action.priority_area,
        Objective: None,
        Action: update.action,
        ProgressUpdate: update,
        Indicator: value.indicator,
        IndicatorValue: value,
        Term: Term.objects.current(),
        TermlyReport: None,
        ReportComment: None,
    }
    comment = ReportCommentFactory(report__priority_area=update.action.priority_area)
    instances[TermlyReport], instances[ReportComment] = comment.report, comment
    prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    listing = administrator_client.get(reverse(f"{prefix}_changelist"), {"q": ""})
    assert listing.status_code == 200
    instance = instances[model]
    if instance is not None:
        assert escape(str(instance)[:30]) in listing.content.decode()
        change = administrator_client.get(reverse(f"{prefix}_change", args=[instance.pk]))
        assert change.status_code == 200


def test_progress_updates_cannot_be_deleted_in_admin(administrator_client):
    update = ProgressUpdateFactory()
    url = reverse("admin:priorities_progressupdate_delete", args=[update.pk])
    assert administrator_client.post(url, {"post": "yes"}).status_code == 403
    assert ProgressUpdate.objects.filter(pk=update.pk).exists()
