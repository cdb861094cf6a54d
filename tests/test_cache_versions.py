"""Version keys: a cached value's key changes when what it was made from is saved, on every
app server that shares the cache."""

import pytest
from django.core.cache import caches
from django.db.models.signals import m2m_changed, post_delete, post_save

from core import cache_versions
from core.cache_versions import bump, bump_on_save, version, versioned_key
from participation.models import ParticipationRecord
from participation.tests.factories import ParticipationRecordFactory, StakeholderGroupFactory

pytestmark = pytest.mark.uses_cache

NAME = "participation-records"


@pytest.fixture
def records_bump_their_version():
    bump_on_save(ParticipationRecord, NAME)
    yield
    uid = f"cache-version:{NAME}:{ParticipationRecord._meta.label}"
    post_save.disconnect(sender=ParticipationRecord, dispatch_uid=uid)
    post_delete.disconnect(sender=ParticipationRecord, dispatch_uid=uid)
    for field in ParticipationRecord._meta.many_to_many:
        m2m_changed.disconnect(
            sender=field.remote_field.through, dispatch_uid=f"{uid}:{field.name}"
        )


def test_a_version_stays_the_same_until_it_is_bumped_and_then_grows():
    first = version("organisations")
    assert version("organisations") == first
    bump("organisations")
    assert version("organisations") == first + 1


def test_bumping_a_version_never_read_starts_it():
    bump("boards")
    started = version("boards")
    bump("boards")
    assert version("boards") == started + 1


def test_a_key_carries_each_version_and_changes_with_any_of_them_or_the_extra():
    def key(partnership: int) -> str:
        return versioned_key(
            "filters", "organisations", "users", extra={"partnership": partnership}
        )

    first = key(1)
    assert first.startswith("filters:organisations.")
    assert key(1) == first
    assert key(2) != first
    bump("users")
    assert key(1) != first


def test_an_evicted_version_starts_again_above_every_number_it_reached(clock):
    bump("organisations")
    reached = version("organisations")
    caches["default"].delete("version:organisations")
    clock.shift(1)
    assert version("organisations") > reached


@pytest.mark.django_db
def test_saving_deleting_or_relating_a_record_bumps_its_version(records_bump_their_version):
    record = ParticipationRecordFactory()
    before = version(NAME)
    record.title = "Advocacy consultation, renamed"
    record.save()
    assert version(NAME) > before

    before = version(NAME)
    record.groups.add(StakeholderGroupFactory())
    assert version(NAME) > before

    before = version(NAME)
    record.delete()
    assert version(NAME) > before


@pytest.mark.django_db
def test_a_value_cached_before_the_commit_is_not_read_after_it(
    records_bump_their_version, django_capture_on_commit_callbacks
):
    """What another server cached from the data before the save committed is forgotten when
    it commits."""
    record = ParticipationRecordFactory()
    with django_capture_on_commit_callbacks(execute=True):
        record.title = "Advocacy consultation, renamed"
        record.save()
        # Another server, not seeing the uncommitted title, caches under the new version.
        key_before_commit = versioned_key("participation-log", NAME)
        caches["default"].set(key_before_commit, "the old title")
    assert versioned_key("participation-log", NAME) != key_before_commit


def test_two_servers_sharing_the_cache_see_each_others_bumps(monkeypatch):
    """Two cache clients made from the settings, as two app servers would make them: a bump
    through one is the version the other reads (through Redis when CACHE_URL names it)."""
    server_a = caches.create_connection("default")
    server_b = caches.create_connection("default")
    assert server_a is not server_b

    monkeypatch.setattr(cache_versions, "cache", server_a)
    key_on_a = versioned_key("contracts-filters", "providers")
    server_a.set(key_on_a, "<option>Barnardo's</option>")

    monkeypatch.setattr(cache_versions, "cache", server_b)
    assert versioned_key("contracts-filters", "providers") == key_on_a
    assert server_b.get(key_on_a) == "<option>Barnardo's</option>"
    bump("providers")

    monkeypatch.setattr(cache_versions, "cache", server_a)
    key_after = versioned_key("contracts-filters", "providers")
    assert key_after != key_on_a
    assert server_a.get(key_after) is None
