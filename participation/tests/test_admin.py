"""The participation admin: administrators' edits respect the edit lock."""

import pytest

from core.tests.helpers import admin_change_data
from participation.models import YouSaidItem
from participation.tests.factories import ParticipationRecordFactory, YouSaidItemFactory

pytestmark = pytest.mark.django_db


def test_an_admin_edit_bumps_the_version(administrator_client):
    """An edit in admin must refuse a stale edit opened on the site meanwhile."""
    record = ParticipationRecordFactory()
    url = f"/admin/participation/participationrecord/{record.pk}/change/"
    data = admin_change_data(administrator_client.get(url))
    response = administrator_client.post(url, {**data, "title": "Renamed in admin"})
    assert response.status_code == 302, response.context["adminform"].form.errors
    record.refresh_from_db()
    assert (record.title, record.version) == ("Renamed in admin", 2)


def test_voice_questions_are_listed_in_the_order_of_the_cycle(administrator_client):
    page = administrator_client.get("/admin/participation/voicequestion/").content.decode()
    understand = page.index("What are young people&#x27;s / families&#x27; views")
    plan = page.index("Are meetings person-centred?")
    do = page.index("Have I updated all stakeholders?")
    review = page.index("What would I do differently next time?")
    assert understand < plan < do < review


@pytest.mark.parametrize(
    "model",
    [
        "stakeholdergroup",
        "participationrecord",
        "voicequestion",
        "voiceanswer",
        "yousaiditem",
        "hearbyrightassessment",
        "hearbyrightscore",
    ],
)
def test_admin_lists_open_with_search(administrator_client, model):
    ParticipationRecordFactory()
    response = administrator_client.get(f"/admin/participation/{model}/", {"q": "a"})
    assert response.status_code == 200


def test_the_record_admin_edits_its_items_inline(administrator_client):
    item = YouSaidItemFactory(you_said="You want a text contact line.")
    url = f"/admin/participation/participationrecord/{item.record.pk}/change/"
    data = admin_change_data(administrator_client.get(url))
    prefix = next(key for key in data if key.endswith("-TOTAL_FORMS")).removesuffix("-TOTAL_FORMS")
    data[f"{prefix}-0-response"] = "A text line opened in the new contract."
    response = administrator_client.post(url, data)
    assert response.status_code == 302
    assert YouSaidItem.objects.get(pk=item.pk).response == "A text line opened in the new contract."
