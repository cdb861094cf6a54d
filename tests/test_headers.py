"""Response headers: nothing the app sends is kept in a cache (pages and every kind of
download behind sign-in, and the few public responses), and browser features are denied."""

import pytest
from django.urls import reverse

from governance.tests.factories import MeetingFactory
from priorities.tests.factories import ActionFactory, PriorityAreaFactory
from reporting.services import calendar_feed_for
from reporting.tests.factories import BoardPackPdfFactory

pytestmark = pytest.mark.django_db

DENIED = ("camera", "microphone", "geolocation", "payment", "usb", "serial", "hid", "bluetooth")


@pytest.fixture
def records(commissioner):
    area = PriorityAreaFactory(lead_commissioners=[commissioner])
    ActionFactory(priority_area=area, owner=commissioner)
    pdf = BoardPackPdfFactory()
    return {"area": area, "meeting": MeetingFactory(), "pdf": pdf}


def _downloads(records) -> list[tuple[str, str]]:
    area, pdf = records["area"], records["pdf"]
    return [
        (reverse("priorities:priority_area_export_csv", args=[area.pk]), "text/csv"),
        (reverse("priorities:priority_area_export_xlsx", args=[area.pk]), "spreadsheetml"),
        (reverse("priorities:action_list_export_csv"), "text/csv"),
        (reverse("priorities:action_list_export_xlsx"), "spreadsheetml"),
        (reverse("commissioning:pipeline_export_csv"), "text/csv"),
        (reverse("commissioning:pipeline_export_xlsx"), "spreadsheetml"),
        (
            reverse("reporting:board_pack_previous_pdf", args=[pdf.board.pk, pdf.term.pk]),
            "application/pdf",
        ),
        (reverse("governance:meeting_ics", args=[records["meeting"].pk]), "text/calendar"),
    ]


def test_every_kind_of_download_behind_sign_in_is_not_stored(commissioner_client, records):
    for url, content_type in _downloads(records):
        response = commissioner_client.get(url)
        assert response.status_code == 200, url
        assert content_type in response["Content-Type"], url
        assert "no-store" in response["Cache-Control"], url


@pytest.mark.parametrize(
    "name", ["home", "priorities:action_list", "commissioning:contract_list", "two_factor"]
)
def test_pages_behind_sign_in_are_not_stored(commissioner_client, name):
    response = commissioner_client.get(reverse(name))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"


def test_the_admin_and_redirects_are_not_stored(administrator_client, client):
    assert "no-store" in administrator_client.get("/admin/")["Cache-Control"]
    redirect = client.get(reverse("home"))
    assert redirect.status_code == 302
    assert redirect["Cache-Control"] == "no-store"


def test_the_public_responses_are_not_stored_either(client, commissioner):
    """The decided exceptions to "behind sign-in" still say no-store: the sign-in page
    carries a CSRF token, the calendar feed a person's diary, the health check must be fresh."""
    login = client.get(reverse("login"))
    assert "no-store" in login["Cache-Control"]
    assert "private" in login["Cache-Control"]
    feed = client.get(
        reverse("reporting:calendar_feed", args=[calendar_feed_for(user=commissioner).token])
    )
    assert feed.status_code == 200
    assert feed["Cache-Control"] == "private, no-store, max-age=0"
    assert "no-store" in client.get(reverse("healthz"))["Cache-Control"]


def test_static_files_keep_their_own_caching(client):
    response = client.get("/static/css/jcm.css")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


@pytest.mark.parametrize("signed_in", [False, True])
def test_browser_features_are_denied_on_every_response(client, commissioner_client, signed_in):
    response = (commissioner_client if signed_in else client).get(
        reverse("home" if signed_in else "login")
    )
    policy = dict(part.strip().split("=", 1) for part in response["Permissions-Policy"].split(","))
    for feature in DENIED:
        assert policy[feature] == "()", feature
