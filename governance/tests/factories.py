"""Factories for the governance models."""

import datetime as dt

import factory
from django.utils import timezone

from core.tests.factories import default_partnership
from governance.models import (
    AgendaItem,
    Attendance,
    Board,
    Decision,
    Declaration,
    Interest,
    Meeting,
    Membership,
    Organisation,
)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("short_name",)
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Borough Council {n}")
    short_name = factory.Sequence(lambda n: f"BC{n}")
    kind = Organisation.Kind.COUNCIL

    @factory.post_generation
    def partnerships(self, create, extracted, **kwargs):
        """A partner in the default partnership unless `partnerships=[...]` says otherwise."""
        if create:
            self.partnerships.add(*(extracted or [default_partnership()]))


class BoardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Board

    name = factory.Sequence(lambda n: f"Children's Trust Board {n}")
    partnership = factory.LazyFunction(default_partnership)
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


class RecordingSeatFactory(MembershipFactory):
    """A seat that records the board's meetings and decisions, held by a user (pass `user`)."""

    role = Membership.Role.SECRETARY


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


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(MeetingFactory)
    membership = factory.SubFactory(
        MembershipFactory, board=factory.SelfAttribute("..meeting.board")
    )
    status = Attendance.Status.PRESENT


class InterestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interest

    membership = factory.SubFactory(MembershipFactory)
    description = "Trustee of a charity that provides short breaks"
    organisation = None
    organisation_name = factory.Sequence(lambda n: f"Halton Short Breaks Trust {n}")
    from_date = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=200))


class DeclarationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Declaration

    agenda_item = factory.SubFactory(AgendaItemFactory)
    membership = factory.SubFactory(
        MembershipFactory, board=factory.SelfAttribute("..agenda_item.meeting.board")
    )
    interest = None
    description = "Spouse works for the provider of the service under review"
    left_room = False
