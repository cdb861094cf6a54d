"""The admin of notifications, choices and emails sent: administrators read them all; the
record of emails sent is never written by hand."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from core import roles
from core.models import Delivery, EmailSent, Kind, Notification, NotificationPreference
from core.notifications.services import notification_preferences_save
from core.tests.factories import NotificationFactory

pytestmark = pytest.mark.django_db

MODELS = (Notification, NotificationPreference, EmailSent)


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_administrators_list_and_search_them(administrator_client, administrator, model):
    notification = NotificationFactory(message="Papers published for the board")
    notification_preferences_save(user=administrator, choices={Kind.ANSWER: Delivery.IN_APP})
    EmailSent.objects.create(
        recipient=notification.recipient, notification=notification, channel="immediate"
    )
    url = reverse(f"admin:core_{model._meta.model_name}_changelist")
    response = administrator_client.get(url, {"q": "a"})
    assert response.status_code == 200
    assert "Select" in response.content.decode()


def test_emails_sent_cannot_be_added_or_changed(administrator_client):
    sent = EmailSent.objects.create(
        recipient=(notification := NotificationFactory()).recipient,
        notification=notification,
        channel="digest",
    )
    assert administrator_client.get(reverse("admin:core_emailsent_add")).status_code == 403
    page = administrator_client.get(reverse("admin:core_emailsent_change", args=[sent.pk]))
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()


def test_a_notification_change_page_opens(administrator_client):
    notification = NotificationFactory()
    url = reverse("admin:core_notification_change", args=[notification.pk])
    assert administrator_client.get(url).status_code == 200


def test_only_administrators_hold_the_permissions_on_them():
    def codenames(role: str) -> set[str]:
        group = Group.objects.get(name=role)
        return set(
            group.permissions.filter(content_type__app_label="core").values_list(
                "codename", flat=True
            )
        )

    assert {"view_notification", "change_notification", "view_emailsent"} <= codenames(
        roles.ADMINISTRATOR
    )
    assert codenames(roles.COMMISSIONER) == codenames(roles.BOARD_MEMBER) == set()
