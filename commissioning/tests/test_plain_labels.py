"""Labels in the words of the people who commission, not the database's column names."""

import pytest
from django.urls import reverse

from commissioning.forms import ActivityForm, KpiForm
from commissioning.tests.factories import ActivityFactory
from priorities.forms import IndicatorForm, ObjectiveForm
from priorities.tests.factories import PriorityAreaFactory

pytestmark = pytest.mark.django_db


def test_an_activity_page_says_what_its_level_area_and_funding_are(board_member_client):
    """The page read "Level, footprint, resourcing: Strategic; Borough-wide; Aligned"."""
    activity = ActivityFactory(level="strategic", footprint="borough", resourcing="aligned")
    page = board_member_client.get(activity.get_absolute_url()).content.decode()
    assert "footprint" not in page.lower() and "resourcing" not in page.lower()
    assert '<dt class="col-sm-3">Level of commissioning</dt><dd class="col-sm-9">Strategic' in page
    assert '<dt class="col-sm-3">Area it covers</dt><dd class="col-sm-9">Borough-wide' in page
    assert (
        'How it is paid for</dt><dd class="col-sm-9">Aligned (each partner keeps its own '
        "budget, spent to one plan)"
    ) in page


def test_forms_label_fields_in_plain_english(commissioner):
    activity = ActivityForm(user=commissioner)
    assert [activity.fields[name].label for name in ("level", "footprint", "resourcing")] == [
        "Level of commissioning",
        "Area it covers",
        "How it is paid for",
    ]
    assert (
        "pooled: the partners pay into one shared fund" in activity.fields["resourcing"].help_text
    )
    assert KpiForm.base_fields["polarity"].label == "Which way is better"
    assert IndicatorForm.base_fields["polarity"].label == "Which way is better"
    assert ObjectiveForm.base_fields["order"].label == "Place in the list"


def test_the_import_page_names_its_columns_in_plain_english(commissioner, commissioner_client):
    """The import page asked for "Owner (a username)" and "Lead organisation (a short name)"."""
    area = PriorityAreaFactory(lead_commissioners=[commissioner])
    page = commissioner_client.get(
        reverse("priorities:action_import", args=[area.pk])
    ).content.decode()
    assert "(a username)" not in page and "(a short name)" not in page
    assert "<strong>Owner</strong>: full name or email" in page
