"""Factories for users with a role, and for the governance models."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from config import roles


def _role_hook(default: str | None) -> factory.PostGeneration:
    def add_role_group(user, create, extracted, **kwargs):
        role = extracted or default
        if create and role:
            user.groups.add(Group.objects.get(name=role))

    return factory.PostGeneration(add_role_group)


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
