"""Factories for users with a role, and for the governance models."""

import datetime as dt

import factory
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from config import roles
from governance.models import AgendaItem, Board, Decision, Meeting, Membership, Organisation


def _role_group(name: str) -> Group:
    group = Group.objects.filter(name=name).first()
    if group is None:
        # A transactional test before this one flushed the groups the migrations made.
        roles.sync_role_groups(django_apps)
        group = Group.objects.get(name=name)
    return group


def _role_hook(default: str | None) -> factory.PostGeneration:
    def add_role_group(user, create, extracted, **kwargs):
        role = extracted or default
        if create and role:
            user.groups.add(_role_group(role))

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


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("short_name",)

    name = factory.Sequence(lambda n: f"Borough Council {n}")
    short_name = factory.Sequence(lambda n: f"BC{n}")
    kind = Organisation.Kind.COUNCIL


class BoardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Board

    name = factory.Sequence(lambda n: f"Children's Trust Board {n}")
    partnership = "Halton"
    kind = Board.Kind.BOARD
    reports_to = None
    purpose = "Sets the strategic direction of the Children, Young People and Families Plan."
    meeting_frequency = "Quarterly"


class SubGroupFactory(BoardFactory):
    name = factory.Sequence(lambda n: f"SEND Sub-group {n}")
    kind = Board.Kind.SUB_GROUP
    reports_to = factory.SubFactory(BoardFactory)
    partnership = factory.SelfAttribute("reports_to.partnership")
    meeting_frequency = "Termly"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    board = factory.SubFactory(BoardFactory)
    person_name = factory.Sequence(lambda n: f"Head of Service {n}")
    role = Membership.Role.MEMBER
    organisation = factory.SubFactory(OrganisationFactory)
    start_date = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=365))
    end_date = None


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    board = factory.SubFactory(BoardFactory)
    # Held weekly before today by the (frozen) clock, each at 10:00: one a week back per meeting.
    starts_at = factory.Sequence(
        lambda n: (
            timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)
            - dt.timedelta(days=7 * (n + 1))
        )
    )
    location = "Municipal Building, Widnes"
    status = Meeting.Status.HELD
    minutes = "The board received the termly review of each commissioning priority."


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    order = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Termly review of priority {n}")
    presenter = "Head of Commissioning, Children's Services"
    paper_url = "https://example.org/papers/termly-review.pdf"


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    meeting = factory.SubFactory(MeetingFactory)
    text = factory.Sequence(lambda n: f"Bring an action plan for priority {n} to the next meeting.")
    owner = "Head of Early Help"
    due_date = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=30))
    status = Decision.Status.OPEN
