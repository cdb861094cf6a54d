"""One install, many partnerships: the participation log, coverage, feedback owed, "you said,
we did" and the voice-of-the-child pages keep to the partnership a person works in."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from commissioning.tests.factories import ActivityFactory, DecommissioningPlanFactory
from core import roles
from core.tests.factories import CommissionerFactory, PartnershipFactory, UserFactory, give_role
from core.tests.sign_in import sign_in
from governance.tests.factories import BoardFactory
from participation import selectors
from participation.forms import ParticipationRecordForm
from participation.models import ParticipationRecord
from participation.tests.factories import (
    DecommissioningConsultationFactory,
    ParticipationRecordFactory,
    StakeholderGroupFactory,
)
from participation.tests.helpers import record_form_data
from priorities.tests.factories import FrameworkFactory, PriorityAreaFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def _client(user) -> Client:
    client = Client()
    sign_in(client, user)  # with the second factor an administrator needs
    return client


@pytest.fixture
def west():
    return PartnershipFactory(short_name="West Cheshire")


@pytest.fixture
def theirs(west):
    """West Cheshire's priority, group, activity, a record owed feedback, and a plan."""
    framework = FrameworkFactory(
        partnership=west, owning_board=BoardFactory(partnership=west), title="West framework"
    )
    area = PriorityAreaFactory(framework=framework, title="West Cheshire Early Help")
    group = StakeholderGroupFactory(name="West Cheshire Youth Parliament", partnership=west)
    activity = ActivityFactory(title="West Cheshire youth offer", priority_area=area)
    record = ParticipationRecordFactory(
        title="West Cheshire consultation",
        partnership=west,
        priority_areas=[area],
        groups=[group],
        activity=activity,
        date=timezone.localdate() - datetime.timedelta(days=60),
    )
    plan = DecommissioningPlanFactory(contract__priority_area=area, activity__priority_area=area)
    link = DecommissioningConsultationFactory(plan=plan, record=record)
    return {
        "framework": framework,
        "area": area,
        "group": group,
        "activity": activity,
        "record": record,
        "plan": plan,
        "link": link,
    }


@pytest.fixture
def ours(commissioner, area, council):
    record = ParticipationRecordFactory(
        title="Halton consultation",
        priority_areas=[area],
        groups=[council],
        date=timezone.localdate() - datetime.timedelta(days=60),
    )
    return {"record": record}


@pytest.mark.parametrize(
    "name", ["participation:record_list", "participation:feedback_owed", "participation:coverage"]
)
def test_a_list_shows_none_of_another_partnerships_rows(name, commissioner, ours, theirs):
    page = _client(commissioner).get(reverse(name)).content.decode()
    for text in (
        "West Cheshire consultation",
        "West Cheshire Early Help",
        "West Cheshire Youth Parliament",
        "West framework",
    ):
        assert text not in page, text
    if name != "participation:coverage":
        assert "Halton consultation" in page
    else:
        assert "Children in Care" in page


def test_the_selectors_keep_to_the_partnership(commissioner, ours, theirs, west):
    west_user = give_role(UserFactory(), roles.BOARD_MEMBER, west)
    assert list(selectors.record_list(commissioner)) == [ours["record"]]
    assert list(selectors.feedback_owed(commissioner)) == [ours["record"]]
    assert list(selectors.record_list(west_user)) == [theirs["record"]]
    areas = [row.priority_area for row in selectors.coverage_matrix(user=west_user)]
    assert areas == [theirs["area"]]


def test_another_partnerships_pages_are_not_found(theirs):
    for user in (
        CommissionerFactory(),
        UserFactory(role=roles.ADMINISTRATOR, is_staff=True),
        UserFactory(role=roles.BOARD_MEMBER),
    ):
        client = _client(user)
        for url in (
            reverse("participation:record_detail", args=[theirs["record"].pk]),
            reverse("participation:you_said_we_did", args=[theirs["area"].pk]),
            reverse("participation:voice_answers", args=[theirs["activity"].pk]),
        ):
            assert client.get(url).status_code == 404, url
    admin = _client(UserFactory(role=roles.ADMINISTRATOR, is_staff=True))
    for url in (
        reverse("participation:record_update", args=[theirs["record"].pk]),
        reverse("participation:decommissioning_consultation_link", args=[theirs["plan"].pk]),
    ):
        assert admin.get(url).status_code == 404, url
    unlink = reverse("participation:decommissioning_consultation_unlink", args=[theirs["link"].pk])
    assert admin.post(unlink).status_code == 404


def test_the_record_form_offers_only_the_partnerships_choices(commissioner, area, theirs):
    administrator = UserFactory(role=roles.ADMINISTRATOR, is_staff=True)
    for user in (commissioner, administrator):
        form = ParticipationRecordForm(user=user)
        assert list(form.fields["priority_areas"].queryset) == [area]
        assert theirs["group"] not in form.fields["groups"].queryset
        assert theirs["activity"] not in form.fields["activity"].queryset


def test_a_record_logged_belongs_to_the_current_partnership(
    commissioner, commissioner_client, area, council, theirs
):
    response = commissioner_client.post(
        reverse("participation:record_create"),
        record_form_data(priority_areas=[area], groups=[council], title="Halton youth forum"),
    )
    assert response.status_code == 302
    record = ParticipationRecord.objects.get(title="Halton youth forum")
    assert record.partnership == area.framework.partnership
    refused = commissioner_client.post(
        reverse("participation:record_create"),
        record_form_data(priority_areas=[area], groups=[theirs["group"]], title="Mixed"),
    )
    assert "not one of the available choices" in refused.content.decode()
    assert not ParticipationRecord.objects.filter(title="Mixed").exists()


def test_a_shared_activitys_voice_page_is_read_by_the_sharing_partnership_not_answered(
    commissioner, area, west
):
    activity = ActivityFactory(title="Pan-Cheshire CSE and Missing service", priority_area=area)
    activity.shared_with.add(west)
    sharer = give_role(UserFactory(), roles.COMMISSIONER, west)
    client = _client(sharer)
    url = reverse("participation:voice_answers", args=[activity.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "Pan-Cheshire CSE and Missing service" in page.content.decode()
    assert page.context["can_answer"] is False
    assert client.post(url, {"form-TOTAL_FORMS": "0"}).status_code == 403
    assert _client(commissioner).get(url).context["can_answer"] is True
