"""The public section's frame: open without signing in, cached, rate-limited, read-only, and
rendered without the request, so nothing of a signed-in visitor reaches the shared copy."""

import pytest
from django.test import override_settings
from django.urls import reverse

from core.public import refresh_public_pages
from core.tests.caches import expires_by_the_frozen_clock
from core.tests.factories import CommissionerFactory, PartnershipFactory
from core.tests.sign_in import sign_in

pytestmark = [pytest.mark.django_db, pytest.mark.uses_cache]


def test_a_partnership_page_opens_without_signing_in(client):
    partnership = PartnershipFactory(name="Halton Children's Trust", slug="halton")
    response = client.get(reverse("public:partnership", args=["halton"]))
    assert response.status_code == 200
    assert "Halton Children&#x27;s Trust" in response.content.decode()
    assert response["Cache-Control"] == "public, max-age=300"
    assert "sessionid" not in response.cookies
    assert partnership.slug in response.content.decode()


def test_the_index_lists_active_partnerships_only(client):
    PartnershipFactory(name="Halton Children's Trust", slug="halton")
    PartnershipFactory(name="Closed Trust", slug="closed", is_active=False)
    page = client.get(reverse("public:index")).content.decode()
    assert reverse("public:partnership", args=["halton"]) in page
    assert "Closed Trust" not in page


def test_an_unknown_or_inactive_partnership_is_not_found(client):
    PartnershipFactory(slug="closed", is_active=False)
    assert client.get(reverse("public:partnership", args=["closed"])).status_code == 404
    assert client.get(reverse("public:partnership", args=["nowhere"])).status_code == 404


def test_a_signed_in_visitor_gets_the_same_page_with_nothing_of_theirs(client):
    PartnershipFactory(slug="halton")
    anonymous = client.get(reverse("public:partnership", args=["halton"])).content
    commissioner = CommissionerFactory(first_name="Zebedee", last_name="Quartermaine")
    sign_in(client, commissioner)
    refresh_public_pages()
    signed_in = client.get(reverse("public:partnership", args=["halton"])).content
    assert signed_in == anonymous
    assert b"Quartermaine" not in signed_in
    assert b"csrfmiddlewaretoken" not in signed_in
    assert b"Sign out" not in signed_in


def test_pages_are_kept_until_something_they_show_changes(client, django_assert_num_queries):
    partnership = PartnershipFactory(name="Halton Children's Trust", slug="halton")
    url = reverse("public:partnership", args=["halton"])
    client.get(url)
    with django_assert_num_queries(0):
        again = client.get(url)
    assert b"Halton Children" in again.content
    partnership.name = "Halton Together"
    partnership.save()
    refresh_public_pages()
    assert b"Halton Together" in client.get(url).content


@expires_by_the_frozen_clock
def test_the_cached_copy_expires(client, clock):
    partnership = PartnershipFactory(name="Halton Children's Trust", slug="halton")
    url = reverse("public:partnership", args=["halton"])
    client.get(url)
    type(partnership).objects.filter(pk=partnership.pk).update(name="Renamed quietly")
    assert b"Halton Children" in client.get(url).content
    clock.shift(301)
    assert b"Renamed quietly" in client.get(url).content


@override_settings(PUBLIC_RATE_LIMIT="3/m")
def test_an_address_asking_too_often_is_told_to_wait(client):
    PartnershipFactory(slug="halton")
    url = reverse("public:partnership", args=["halton"])
    statuses = [client.get(url).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = client.get(url)
    assert refused["Retry-After"] == "60"
    assert "wait a minute" in refused.content.decode()
    # Another address is not held back.
    assert client.get(url, REMOTE_ADDR="10.0.0.9").status_code == 200


def test_public_pages_take_no_post(client):
    PartnershipFactory(slug="halton")
    response = client.post(reverse("public:partnership", args=["halton"]), {"x": "1"})
    assert response.status_code == 405
