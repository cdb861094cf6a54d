"""Fixtures shared by every app's tests: one user per role, and clients signed in as them."""

import pytest
from django.core.cache import cache
from django.test import Client

from core.tests.factories import (
    AdministratorFactory,
    BoardMemberFactory,
    CommissionerFactory,
    UserFactory,
)


@pytest.fixture(autouse=True)
def fresh_sign_in_attempts():
    """Failed sign-ins are counted in the cache (config/settings/test.py): start each test at 0."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def commissioner(db):
    return CommissionerFactory()


@pytest.fixture
def board_member(db):
    return BoardMemberFactory()


@pytest.fixture
def administrator(db):
    return AdministratorFactory()


@pytest.fixture
def user_without_role(db):
    return UserFactory()


def _signed_in(user) -> Client:
    """A client of its own, so a test can hold several users' sessions at once."""
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def commissioner_client(commissioner):
    return _signed_in(commissioner)


@pytest.fixture
def board_member_client(board_member):
    return _signed_in(board_member)


@pytest.fixture
def administrator_client(administrator):
    return _signed_in(administrator)


# The `demo` fixture (the demo loaded once per session) and the test order it relies on.
pytest_plugins = ["demo_fixtures"]
