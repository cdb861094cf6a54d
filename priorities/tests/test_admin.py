"""The priorities admin: every model registered, searchable, progress kept append-only."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse
from django.utils.html import escape
from simple_history.models import HistoricalChanges

from core.tests.helpers import admin_change_data, form_data
from priorities.models import (
    Action,
    Comparator,
    ComparatorValue,
    Framework,
    Indicator,
    IndicatorValue,
    Objective,
    PriorityArea,
    ProgressUpdate,
    StatisticalNeighbour,
)
from priorities.tests.factories import (
    ComparatorValueFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    ObjectiveFactory,
    PriorityAreaFactory,
    ProgressUpdateFactory,
    StatisticalNeighbourFactory,
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
    england = ComparatorValueFactory(indicator=value.indicator)
    neighbour = StatisticalNeighbourFactory(name="St. Helens")
    instances = {
        Comparator: england.comparator,
        ComparatorValue: england,
        StatisticalNeighbour: neighbour,
        Framework: update.action.priority_area.framework,
        PriorityArea: update.action.priority_area,
        Objective: None,
        Action: update.action,
        ProgressUpdate: update,
        Indicator: value.indicator,
        IndicatorValue: value,
    }
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


# An admin change is an edit too: it bumps the version, so an edit open in the site is stale.


def _open_site_edit(client, url: str) -> dict:
    """The site's edit page, opened before the admin change: what its save will send."""
    response = client.get(url)
    assert response.status_code == 200
    return form_data(response.context["form"])


def _admin_save(client, url: str, changes: dict) -> None:
    response = client.get(url)
    assert response.status_code == 200
    saved = client.post(url, admin_change_data(response) | changes)
    assert saved.status_code == 302, saved.content.decode()[:2000]


def test_changing_an_objective_in_the_admin_bumps_its_version_and_stales_a_site_edit(
    administrator_client,
):
    objective = ObjectiveFactory(text="Keep families together", order=1)
    site_url = reverse("priorities:objective_update", args=[objective.pk])
    stale = _open_site_edit(administrator_client, site_url)

    admin_url = reverse("admin:priorities_objective_change", args=[objective.pk])
    _admin_save(administrator_client, admin_url, {"text": "Keep families supported together"})
    objective.refresh_from_db()
    assert (objective.text, objective.version) == ("Keep families supported together", 2)

    refused = administrator_client.post(site_url, stale | {"order": "2"})
    assert refused.status_code == 409
    assert "someone else saved this objective" in refused.content.decode()
    objective.refresh_from_db()
    assert (objective.text, objective.order, objective.version) == (
        "Keep families supported together",
        1,
        2,
    )


def test_changing_an_indicator_in_the_admin_bumps_its_version_and_stales_a_site_edit(
    administrator_client,
):
    indicator = IndicatorFactory(target=150, source="")
    site_url = reverse("priorities:indicator_update", args=[indicator.pk])
    stale = _open_site_edit(administrator_client, site_url)

    admin_url = reverse("admin:priorities_indicator_change", args=[indicator.pk])
    _admin_save(administrator_client, admin_url, {"target": "120"})
    indicator.refresh_from_db()
    assert (indicator.target, indicator.version) == (120, 2)

    refused = administrator_client.post(site_url, stale | {"source": "Local data"})
    assert refused.status_code == 409
    assert "someone else saved this indicator" in refused.content.decode()
    indicator.refresh_from_db()
    assert (indicator.target, indicator.source, indicator.version) == (120, "", 2)


def test_saving_an_indicator_unchanged_in_the_admin_still_counts_as_an_edit(
    administrator_client,
):
    """As for actions: any save of the admin's change form is a new version."""
    indicator = IndicatorFactory()
    admin_url = reverse("admin:priorities_indicator_change", args=[indicator.pk])
    _admin_save(administrator_client, admin_url, {})
    indicator.refresh_from_db()
    assert indicator.version == 2


def test_objectives_and_indicators_changed_inline_under_their_priority_bump_only_theirs(
    administrator_client,
):
    area = PriorityAreaFactory()
    changed = ObjectiveFactory(priority_area=area, text="Keep families together", order=1)
    untouched = ObjectiveFactory(priority_area=area, text="Reduce placement moves", order=2)
    indicator = IndicatorFactory(priority_area=area, target=150)
    untouched_indicator = IndicatorFactory(priority_area=area, target=10)
    site_url = reverse("priorities:objective_update", args=[changed.pk])
    stale = _open_site_edit(administrator_client, site_url)

    admin_url = reverse("admin:priorities_priorityarea_change", args=[area.pk])
    response = administrator_client.get(admin_url)
    data = admin_change_data(response)
    objectives = response.context["inline_admin_formsets"][0].formset
    indicators = response.context["inline_admin_formsets"][1].formset
    row = next(form for form in objectives.forms if form.instance == changed)
    data[row.add_prefix("text")] = "Keep families supported together"
    row = next(form for form in indicators.forms if form.instance == indicator)
    data[row.add_prefix("target")] = "120"
    saved = administrator_client.post(admin_url, data)
    assert saved.status_code == 302, saved.content.decode()[:2000]

    versions = {
        record: type(record).objects.get(pk=record.pk).version
        for record in (changed, untouched, indicator, untouched_indicator)
    }
    assert versions == {changed: 2, untouched: 1, indicator: 2, untouched_indicator: 1}
    refused = administrator_client.post(site_url, stale | {"order": "3"})
    assert refused.status_code == 409
