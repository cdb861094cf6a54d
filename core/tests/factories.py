"""Factories for users with a role: every app's tests start from these."""

from contextlib import contextmanager

import factory
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from core import roles
from core.partnerships import grant_role


def _role_group(name: str) -> Group:
    group = Group.objects.filter(name=name).first()
    if group is None:
        # A transactional test before this one flushed the groups the migrations made.
        roles.sync_role_groups(django_apps)
        group = Group.objects.get(name=name)
    return group


# The partnership factories use when not told: Halton, unless `default_partnership_as` says.
_DEFAULT_SHORT_NAME = ["Halton"]


@contextmanager
def default_partnership_as(short_name: str):
    """Inside it, every factory's default partnership is `short_name` (to build a second
    partnership's records with the same factories)."""
    _DEFAULT_SHORT_NAME.append(short_name)
    try:
        yield
    finally:
        _DEFAULT_SHORT_NAME.pop()


class PartnershipFactory(factory.django.DjangoModelFactory):
    """Halton unless told otherwise: one partnership is what most tests need, and every
    factory that needs a partnership shares it."""

    class Meta:
        model = "core.Partnership"
        django_get_or_create = ("short_name",)

    short_name = factory.LazyFunction(lambda: _DEFAULT_SHORT_NAME[-1])
    name = factory.LazyAttribute(lambda p: f"{p.short_name} Children's Trust")
    slug = factory.LazyAttribute(lambda p: p.short_name.lower().replace(" ", "-"))
    area = factory.LazyAttribute(lambda p: f"Borough of {p.short_name}")


def default_partnership():
    return PartnershipFactory()


def _role_hook(default: str | None) -> factory.PostGeneration:
    """`role=` gives the user that role in `partnership=` (the default partnership)."""

    def add_membership(user, create, extracted, **kwargs):
        role = extracted or default
        if create and role:
            _role_group(role)  # made again if a transactional test flushed the groups
            give_role(user, role, kwargs.get("partnership"))

    return factory.PostGeneration(add_membership)


def give_role(user, role: str, partnership=None):
    """Make `user` hold `role` in `partnership` (the default one when None)."""
    grant_role(user=user, partnership=partnership or default_partnership(), role=role)
    return user


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("correct-horse-battery-staple")

    # `UserFactory(role=roles.COMMISSIONER)` puts the user in that role's group.
    role = _role_hook(default=None)


class CommissionerFactory(UserFactory):
    role = _role_hook(default=roles.COMMISSIONER)


class BoardMemberFactory(UserFactory):
    role = _role_hook(default=roles.BOARD_MEMBER)


class AdministratorFactory(UserFactory):
    is_staff = True
    role = _role_hook(default=roles.ADMINISTRATOR)


class NotificationFactory(factory.django.DjangoModelFactory):
    """A notification of a challenge, about nothing in particular (the link goes home)."""

    class Meta:
        model = "core.Notification"

    recipient = factory.SubFactory(CommissionerFactory)
    kind = "challenge"
    key = factory.Sequence(lambda n: f"test:{n}")
    message = factory.Sequence(lambda n: f"A board member challenged report {n}.")
    url = "/"
