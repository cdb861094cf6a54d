"""Notifications in the app: recorded once per event, each person's own, counted in the
navigation bar, listed, opened and marked read; each person's choice of delivery kept."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from core.models import Delivery, Kind, Notification, NotificationPreference
from core.notifications import services
from core.tests.factories import (
    BoardMemberFactory,
    CommissionerFactory,
    NotificationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_the_same_event_notifies_each_recipient_once():
    lead, other = CommissionerFactory(), CommissionerFactory()
    # Any record will do; core's own tests use one of core's.
    earlier = NotificationFactory()
    first = services.notify(
        recipients=[lead, lead, other],
        kind=Kind.CHALLENGE,
        key="comment:1",
        message="A",
        about=earlier,
    )
    again = services.notify(
        recipients=[lead, other], kind=Kind.CHALLENGE, key="comment:1", message="A"
    )
    assert {n.recipient for n in first} == {lead, other}
    assert again == []
    assert Notification.objects.filter(key="comment:1").count() == 2
    assert first[0].about == earlier and first[0].url == earlier.get_absolute_url()


def test_inactive_people_and_unknown_kinds_are_not_notified():
    services.notify(
        recipients=[CommissionerFactory(is_active=False)], kind=Kind.ANSWER, key="k", message="m"
    )
    assert not Notification.objects.exists()
    with pytest.raises(ValueError):
        services.notify(recipients=[CommissionerFactory()], kind="nonsense", key="k", message="m")


def test_every_kind_has_a_default_delivery():
    assert set(services.KINDS) == set(Kind.values)


def test_each_person_sees_only_their_own(client):
    mine = NotificationFactory(recipient=BoardMemberFactory(), message="Papers published for you")
    theirs = NotificationFactory(message="A challenge on someone else's report")
    client.force_login(mine.recipient)
    page = client.get(reverse("notifications:list")).content.decode()
    assert "Papers published for you" in page
    assert "someone else" not in page
    assert client.get(reverse("notifications:open", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("notifications:read", args=[theirs.pk])).status_code == 404
    client.post(reverse("notifications:read_all"))
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_the_navigation_bar_counts_unread(client):
    user = CommissionerFactory()
    NotificationFactory.create_batch(3, recipient=user)
    NotificationFactory(recipient=user, read_at=timezone.now())
    client.force_login(user)
    page = client.get(reverse("home")).content.decode()
    assert '<span class="badge text-bg-warning rounded-pill" id="nav-unread-count">3' in page


def test_no_count_without_unread_and_none_for_a_user_without_a_role(client):
    client.force_login(CommissionerFactory())
    assert 'id="nav-unread-count"' not in client.get(reverse("home")).content.decode()
    client.force_login(UserFactory())
    assert "Notifications" not in client.get(reverse("home")).content.decode()


def test_opening_marks_read_and_goes_to_the_record(client):
    notification = NotificationFactory(url="/priorities/actions/7/")
    client.force_login(notification.recipient)
    response = client.get(reverse("notifications:open", args=[notification.pk]))
    assert response.status_code == 302 and response.url == "/priorities/actions/7/"
    notification.refresh_from_db()
    assert notification.is_read


def test_a_link_off_the_site_goes_to_the_list_instead(client):
    """A notification's link never sends anyone to another site."""
    notification = NotificationFactory(url="https://elsewhere.example.com/")
    client.force_login(notification.recipient)
    response = client.get(reverse("notifications:open", args=[notification.pk]))
    assert response.url == reverse("notifications:list")


def test_mark_one_and_mark_all_read(client):
    user = CommissionerFactory()
    one, two, three = NotificationFactory.create_batch(3, recipient=user)
    client.force_login(user)
    response = client.post(reverse("notifications:read", args=[one.pk]), {"page": "1"}, follow=True)
    assert "Notification marked as read." in response.content.decode()
    assert Notification.objects.unread().count() == 2
    response = client.post(reverse("notifications:read_all"), follow=True)
    assert "2 notifications marked as read." in response.content.decode()
    assert not Notification.objects.unread().exists()


def test_the_list_is_newest_first_paged_with_an_empty_state(client, clock):
    user = CommissionerFactory()
    client.force_login(user)
    assert "No notifications yet." in client.get(reverse("notifications:list")).content.decode()
    for number in range(30):
        NotificationFactory(recipient=user, message=f"Event number {number:02d}")
        clock.shift(datetime.timedelta(seconds=10))
    page = client.get(reverse("notifications:list")).content.decode()
    assert page.index("Event number 29") < page.index("Event number 05")
    assert "Event number 04" not in page
    assert "Page 1 of 2" in page
    assert (
        "Event number 04" in client.get(reverse("notifications:list") + "?page=2").content.decode()
    )


def test_the_list_costs_the_same_queries_at_ten_times_the_notifications(
    client, django_assert_max_num_queries
):
    user = CommissionerFactory()
    NotificationFactory.create_batch(2, recipient=user)
    client.force_login(user)
    url = reverse("notifications:list")
    with django_assert_max_num_queries(12) as first:
        client.get(url)
    NotificationFactory.create_batch(20, recipient=user)
    with django_assert_max_num_queries(len(first.captured_queries)):
        page = client.get(url)
    assert page.content.decode().count("Mark as read<span") == 22


def test_preferences_default_per_kind_and_saving_keeps_only_changes(client):
    user = BoardMemberFactory()
    client.force_login(user)
    page = client.get(reverse("notifications:preferences")).content.decode()
    assert "A challenge on a report you lead" in page and "Default: email at once." in page
    choices = dict(services.KINDS)
    choices[Kind.PAPERS_PUBLISHED] = Delivery.DIGEST
    response = client.post(reverse("notifications:preferences"), choices, follow=True)
    assert "Your notification choices are saved." in response.content.decode()
    assert services.preferences_of(user)[Kind.PAPERS_PUBLISHED] == Delivery.DIGEST
    assert NotificationPreference.objects.filter(user=user).count() == len(services.KINDS)
    # Saving the same again changes nothing, so the history records only what changed.
    client.post(reverse("notifications:preferences"), choices)
    assert NotificationPreference.history.filter(user=user).count() == len(services.KINDS)


def test_a_bad_choice_comes_back_with_a_message(client):
    user = CommissionerFactory()
    client.force_login(user)
    response = client.post(reverse("notifications:preferences"), {Kind.CHALLENGE: "carrier-pigeon"})
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert not NotificationPreference.objects.exists()
