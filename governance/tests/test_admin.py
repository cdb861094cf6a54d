"""The governance admin: every model listed, searchable, with its inlines, and cycles refused."""

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse

from core.admin_versions import PAGE_FIELDS
from core.tests.helpers import admin_change_data, form_data
from core.tests.sign_in import sign_in
from governance.models import AgendaItem, Board, Decision, Meeting, Membership, Organisation
from governance.tests.factories import (
    AgendaItemFactory,
    DecisionFactory,
    MeetingFactory,
    MembershipFactory,
    OrganisationFactory,
    RecordingSeatFactory,
    SubGroupFactory,
)

pytestmark = pytest.mark.django_db

MODELS = (Organisation, Board, Membership, Meeting, AgendaItem, Decision)


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_every_model_is_registered_with_search_and_filters(model):
    model_admin = admin.site._registry[model]
    assert model_admin.search_fields
    assert model_admin.list_filter


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_lists_open_and_search(administrator_client, model):
    AgendaItemFactory()
    DecisionFactory()
    MembershipFactory()
    url = reverse(f"admin:governance_{model._meta.model_name}_changelist")
    response = administrator_client.get(url, {"q": "a"})
    assert response.status_code == 200
    assert "Select" in response.content.decode()


def test_board_page_has_memberships_and_meetings_inline(administrator_client):
    membership = MembershipFactory(person_name="Head of Early Help")
    url = reverse("admin:governance_board_change", args=[membership.board.pk])
    content = administrator_client.get(url).content.decode()
    assert "Head of Early Help" in content
    assert "meetings-TOTAL_FORMS" in content


def test_meeting_page_has_agenda_and_decisions_inline(administrator_client):
    decision = DecisionFactory(text="Adopt the THRIVE model.")
    AgendaItemFactory(meeting=decision.meeting, title="THRIVE")
    url = reverse("admin:governance_meeting_change", args=[decision.meeting.pk])
    content = administrator_client.get(url).content.decode()
    assert "Adopt the THRIVE model." in content
    assert 'value="THRIVE"' in content


def test_admin_refuses_a_cycle_and_saves_nothing(administrator_client):
    child = SubGroupFactory()
    top = child.reports_to
    url = reverse("admin:governance_board_change", args=[top.pk])
    response = administrator_client.post(
        url,
        {
            "name": top.name,
            "partnership": top.partnership_id,
            "kind": top.kind,
            "reports_to": child.pk,
            "is_active": "on",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
            "meetings-TOTAL_FORMS": "0",
            "meetings-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "already reports, directly or through other bodies" in response.content.decode()
    top.refresh_from_db()
    assert top.reports_to is None


def test_changing_a_decision_in_the_admin_bumps_its_version(administrator_client):
    decision = DecisionFactory()
    url = reverse("admin:governance_decision_change", args=[decision.pk])
    data = admin_change_data(administrator_client.get(url))
    response = administrator_client.post(url, data | {"owner_note": "Head of SEN Service"})
    assert response.status_code == 302
    decision.refresh_from_db()
    assert (decision.owner_note, decision.version) == ("Head of SEN Service", 2)


def test_admin_refuses_a_membership_ending_before_it_starts(administrator_client):
    existing = MembershipFactory()
    response = administrator_client.post(
        reverse("admin:governance_membership_add"),
        {
            "board": existing.board.pk,
            "person_name": "Head of Virtual School",
            "role": "member",
            "organisation": existing.organisation.pk,
            "start_date": "01/09/2026",
            "end_date": "31/08/2026",
        },
    )
    assert response.status_code == 200
    assert "The end date cannot be before the start date." in response.content.decode()
    assert Membership.objects.count() == 1


def test_changing_a_decision_inline_under_its_meeting_bumps_its_version(administrator_client):
    decision = DecisionFactory(owner_note="Head of Early Help")
    meeting = decision.meeting
    url = reverse("admin:governance_meeting_change", args=[meeting.pk])
    data = admin_change_data(administrator_client.get(url))
    response = administrator_client.post(
        url, data | {"decisions-0-owner_note": "Head of SEN Service"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    decision.refresh_from_db()
    assert (decision.owner_note, decision.version) == ("Head of SEN Service", 2)


def test_changing_an_agenda_item_in_the_admin_bumps_its_version_and_stales_a_site_edit(
    administrator_client,
):
    item = AgendaItemFactory(title="Joint Commissioning Strategy", presenter="")
    site_url = reverse("governance:agenda_item_update", args=[item.pk])
    stale = form_data(administrator_client.get(site_url).context["form"])

    admin_url = reverse("admin:governance_agendaitem_change", args=[item.pk])
    data = admin_change_data(administrator_client.get(admin_url))
    saved = administrator_client.post(admin_url, data | {"title": "Strategy 2027"})
    assert saved.status_code == 302, saved.content.decode()[:2000]
    item.refresh_from_db()
    assert (item.title, item.version) == ("Strategy 2027", 2)

    refused = administrator_client.post(site_url, stale | {"presenter": "Chair"})
    assert refused.status_code == 409
    assert "someone else saved this agenda item" in refused.content.decode()
    item.refresh_from_db()
    assert (item.title, item.presenter, item.version) == ("Strategy 2027", "", 2)


def test_agenda_items_changed_inline_under_their_meeting_bump_only_theirs(administrator_client):
    meeting = MeetingFactory()
    changed = AgendaItemFactory(meeting=meeting, title="Joint Commissioning Strategy", order=1)
    untouched = AgendaItemFactory(meeting=meeting, title="Any other business", order=2)
    site_url = reverse("governance:agenda_item_update", args=[changed.pk])
    stale = form_data(administrator_client.get(site_url).context["form"])

    admin_url = reverse("admin:governance_meeting_change", args=[meeting.pk])
    response = administrator_client.get(admin_url)
    data = admin_change_data(response)
    items = response.context["inline_admin_formsets"][0].formset
    row = next(form for form in items.forms if form.instance == changed)
    data[row.add_prefix("title")] = "Strategy 2027"
    saved = administrator_client.post(admin_url, data)
    assert saved.status_code == 302, saved.content.decode()[:2000]

    changed.refresh_from_db()
    untouched.refresh_from_db()
    meeting.refresh_from_db()
    assert (changed.title, changed.version, untouched.version) == ("Strategy 2027", 2, 1)
    assert meeting.version == 2  # the meeting's own form was saved too
    refused = administrator_client.post(site_url, stale | {"presenter": "Chair"})
    assert refused.status_code == 409


def test_meetings_changed_inline_under_their_board_bump_their_versions(administrator_client):
    meeting = MeetingFactory(location="Municipal Building, Widnes")
    admin_url = reverse("admin:governance_board_change", args=[meeting.board.pk])
    response = administrator_client.get(admin_url)
    data = admin_change_data(response)
    meetings = next(
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.model is Meeting
    )
    data[meetings.forms[0].add_prefix("location")] = "Runcorn Town Hall"
    saved = administrator_client.post(admin_url, data)
    assert saved.status_code == 302, saved.content.decode()[:2000]
    meeting.refresh_from_db()
    assert (meeting.location, meeting.version) == ("Runcorn Town Hall", 2)


# Admin saves are checked too: a save over one made meanwhile, in the admin or on the site, is
# refused with what changed, and nothing is overwritten.


def _admin_opens(client, url: str) -> dict:
    """An admin change page opened before anyone saves: what its save will send."""
    response = client.get(url)
    assert response.status_code == 200
    return admin_change_data(response)


def _saved_on_the_site(client, url: str, **changes) -> None:
    """Someone opens the site's edit page and saves `changes`."""
    opened = form_data(client.get(url).context["form"])
    assert client.post(url, opened | changes).status_code == 302


def test_the_second_of_two_admins_saving_a_decision_is_refused_with_what_changed(
    administrator_client, administrator
):
    decision = DecisionFactory(owner_note="Head of Early Help", status="open")
    url = reverse("admin:governance_decision_change", args=[decision.pk])
    other_admin = Client()
    sign_in(other_admin, administrator)
    first, second = _admin_opens(administrator_client, url), _admin_opens(other_admin, url)

    saved = administrator_client.post(url, first | {"owner_note": "Head of SEN Service"})
    refused = other_admin.post(url, second | {"status": "done"})

    assert saved.status_code == 302
    assert refused.status_code == 200
    assert refused.context["adminform"].form.non_field_errors() == [
        "Not saved: someone else saved this decision while you were editing it. Changed "
        "meanwhile: Owner as first recorded: “Head of SEN Service”. Your changes are still in "
        "the form; check what changed, then save again to keep yours."
    ]
    assert refused.context["adminform"].form["status"].value() == "done"  # the input is kept
    decision.refresh_from_db()
    assert (decision.owner_note, decision.status, decision.version) == (
        "Head of SEN Service",
        "open",
        2,
    )

    # Saving the refused page again is a knowing overwrite.
    kept = refused.context["adminform"].form
    again = second | {"status": "done"} | {name: kept[name].value() for name in PAGE_FIELDS}
    assert other_admin.post(url, again).status_code == 302
    decision.refresh_from_db()
    assert (decision.owner_note, decision.status, decision.version) == (
        "Head of Early Help",
        "done",
        3,
    )


def test_an_admin_save_over_a_meeting_saved_on_the_site_meanwhile_is_refused(
    administrator_client, commissioner_client, commissioner
):
    meeting = MeetingFactory(location="Municipal Building, Widnes", minutes="")
    RecordingSeatFactory(board=meeting.board, user=commissioner)
    admin_url = reverse("admin:governance_meeting_change", args=[meeting.pk])
    opened = _admin_opens(administrator_client, admin_url)
    _saved_on_the_site(
        commissioner_client,
        reverse("governance:meeting_update", args=[meeting.pk]),
        location="Runcorn",
    )

    refused = administrator_client.post(admin_url, opened | {"minutes": "Agreed."})

    assert refused.status_code == 200
    errors = refused.context["adminform"].form.non_field_errors()
    assert errors == [
        "Not saved: someone else saved this meeting while you were editing it. Changed "
        "meanwhile: Location: “Runcorn”. Your changes are still in the form; check what changed, "
        "then save again to keep yours."
    ]
    meeting.refresh_from_db()
    assert (meeting.location, meeting.minutes, meeting.version) == ("Runcorn", "", 2)


def test_an_inline_row_saved_on_the_site_meanwhile_is_refused_if_changed_left_if_not(
    administrator_client, commissioner_client, commissioner
):
    decision = DecisionFactory(owner_note="Head of Early Help", text="Adopt THRIVE.")
    meeting = decision.meeting
    RecordingSeatFactory(board=meeting.board, user=commissioner)
    admin_url = reverse("admin:governance_meeting_change", args=[meeting.pk])
    opened = _admin_opens(administrator_client, admin_url)
    camhs = OrganisationFactory(name="CAMHS Lead", short_name="CAMHS")
    _saved_on_the_site(
        commissioner_client,
        reverse("governance:decision_update", args=[decision.pk]),
        owner_user="",
        owner_organisation=camhs.pk,
    )

    refused = administrator_client.post(admin_url, opened | {"decisions-0-text": "Adopt it."})
    assert refused.status_code == 200
    row = refused.context["inline_admin_formsets"][1].formset.forms[0]
    assert row.non_field_errors()[0].startswith(
        "Not saved: someone else saved this decision while you were editing it. Changed "
        "meanwhile: Owner (person): “(empty)”; Owner (organisation): “CAMHS Lead”."
    )
    decision.refresh_from_db()
    assert (decision.text, decision.owner_name, decision.version) == (
        "Adopt THRIVE.",
        "CAMHS Lead",
        2,
    )

    # The admin's change to the meeting alone saves it, and leaves the decision as saved.
    saved = administrator_client.post(admin_url, opened | {"location": "Runcorn"})
    assert saved.status_code == 302, saved.content.decode()[:2000]
    meeting.refresh_from_db()
    decision.refresh_from_db()
    assert (meeting.location, meeting.version) == ("Runcorn", 2)
    assert (decision.text, decision.owner_name, decision.version) == (
        "Adopt THRIVE.",
        "CAMHS Lead",
        2,
    )
