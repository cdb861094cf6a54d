"""Governance: partner organisations, the boards hierarchy, members, meetings and decisions."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords


class Organisation(models.Model):
    """A partner agency: council, NHS body, public health, police, schools, voluntary sector."""

    class Kind(models.TextChoices):
        COUNCIL = "council", "Local authority (council)"
        CCG = "ccg", "NHS clinical commissioning group"
        PUBLIC_HEALTH = "public_health", "Public health"
        NHS_ENGLAND = "nhs_england", "NHS England"
        NHS_TRUST = "nhs_trust", "NHS trust"
        POLICE = "police", "Police"
        SCHOOL = "school", "Schools and academies"
        VOLUNTARY = "voluntary", "Voluntary, community and faith sector"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=40, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    partnerships = models.ManyToManyField(
        "core.Partnership",
        blank=True,
        related_name="organisations",
        help_text="The partnerships it is a partner in.",
    )

    partnership_lookup = "partnerships"

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class QuorumShare(models.TextChoices):
    """Shares of a board's voting members that make its quorum (always rounded up)."""

    HALF = "1/2", "One half"
    THIRD = "1/3", "One third"
    TWO_THIRDS = "2/3", "Two thirds"
    QUARTER = "1/4", "One quarter"


class Board(models.Model):
    """Any governance body: a board, executive, partnership, group, forum or youth voice group."""

    class Kind(models.TextChoices):
        BOARD = "board", "Board"
        EXECUTIVE = "executive", "Executive"
        PARTNERSHIP = "partnership", "Partnership"
        STRATEGIC_GROUP = "strategic_group", "Strategic group"
        SUB_GROUP = "sub_group", "Sub-group"
        FORUM = "forum", "Forum"
        YOUTH_VOICE = "youth_voice", "Youth voice group"

    name = models.CharField(max_length=200, unique=True)
    partnership = models.ForeignKey(
        "core.Partnership", on_delete=models.PROTECT, related_name="boards"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    reports_to = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reporting_bodies",
        help_text="Leave empty for a body at the top of its partnership's structure.",
    )
    purpose = models.TextField("purpose or terms of reference", blank=True)
    meeting_frequency = models.CharField(max_length=100, blank=True)
    is_active = models.BooleanField("active", default=True)
    # Optimistic locking: each edit bumps it, and an edit from an older copy is refused.
    version = models.PositiveIntegerField(default=1, editable=False)
    # The quorum rule: a number or a share of the voting members current on the meeting's date
    # (governance.quorum), and the organisations that must be among those present.
    quorum_number = models.PositiveSmallIntegerField(
        "quorum: members needed",
        null=True,
        blank=True,
        help_text="How many voting members must be present. Leave empty to use a share instead.",
    )
    quorum_share = models.CharField(
        "quorum: share of members needed",
        max_length=3,
        choices=QuorumShare.choices,
        blank=True,
        help_text=(
            "The share of the voting members who must be present, rounded up: a third of "
            "10 members is 4."
        ),
    )
    quorum_organisations = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="quorum_of_boards",
        verbose_name="organisations needed for quorum",
        help_text="Organisations at least one of whose voting members (or their substitute) "
        "must be present.",
    )

    history = HistoricalRecords()

    partnership_lookup = "partnership"

    class Meta:
        ordering = ["partnership__name", "name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(reports_to=F("pk")), name="board_does_not_report_to_itself"
            ),
            models.CheckConstraint(
                condition=Q(quorum_number__isnull=True) | Q(quorum_share=""),
                name="board_quorum_is_a_number_or_a_share",
                violation_error_message="Give the quorum as a number or as a share, not both.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("governance:board_detail", args=[self.pk])

    def clean(self) -> None:
        super().clean()
        if self.quorum_number is not None and self.quorum_share:
            raise ValidationError(
                {"quorum_share": "Give the quorum as a number or as a share, not both."}
            )
        if self.quorum_number == 0:
            raise ValidationError({"quorum_number": "A quorum needs at least one member."})
        if self.reports_to_id is None:
            return
        if self.pk is not None and self.reports_to_id == self.pk:
            raise ValidationError({"reports_to": "A body cannot report to itself."})
        if self.partnership_id and self.reports_to.partnership_id != self.partnership_id:
            raise ValidationError(
                {"reports_to": "A body reports to a body of its own partnership: choose one."}
            )
        if self.pk is not None and self.reports_to_id in self.descendant_ids():
            raise ValidationError(
                {
                    "reports_to": (
                        f"{self.reports_to} already reports, directly or through other "
                        f"bodies, to {self.name}: choose a body above it instead."
                    )
                }
            )

    def descendant_ids(self) -> set[int]:
        """Ids of every body below this one, read in one query and walked in memory."""
        children: dict[int | None, list[int]] = {}
        for pk, parent in Board.objects.values_list("pk", "reports_to_id"):
            children.setdefault(parent, []).append(pk)
        found: set[int] = set()
        stack = list(children.get(self.pk, []))
        while stack:
            pk = stack.pop()
            if pk not in found:
                found.add(pk)
                stack.extend(children.get(pk, []))
        return found


class Membership(models.Model):
    """A person's seat on a board, representing a partner organisation, over a period."""

    class Role(models.TextChoices):
        CHAIR = "chair", "Chair"
        VICE_CHAIR = "vice_chair", "Vice-chair"
        SECRETARY = "secretary", "Secretary or clerk"
        MEMBER = "member", "Member"
        OFFICER = "officer", "Officer"
        ADVISER = "adviser", "Adviser"

    # The seats that keep the board's record: its meetings, minutes, agenda and decisions
    # (core.roles.can_edit_board_records).
    RECORDING_ROLES = (Role.CHAIR, Role.VICE_CHAIR, Role.SECRETARY)

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="memberships")
    person_name = models.CharField(
        "person", max_length=200, help_text="Name or job title, as the board's papers show it."
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="board_memberships",
        help_text=(
            "The person's account, if they use this product. A chair, vice-chair or secretary "
            "with an account who is a commissioner records the board's meetings and decisions."
        ),
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="memberships"
    )
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True, help_text="Leave empty while current.")
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()

    partnership_lookup = "board__partnership"

    class Meta:
        ordering = ["board", "role", "person_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="membership_ends_after_it_starts",
                violation_error_message="The end date cannot be before the start date.",
            ),
            models.UniqueConstraint(
                fields=["board", "person_name"],
                condition=Q(end_date__isnull=True),
                name="one_open_membership_per_person_and_board",
                violation_error_message="This person already has an open membership of this board.",
            ),
        ]
        indexes = [
            # A meeting's voting seats are counted from this index alone (quorum.quorums_of):
            # a board may have hundreds of past and present members.
            models.Index(
                fields=["board", "role", "start_date", "end_date"], name="membership_seats"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person_name}, {self.get_role_display()} of {self.board}"

    def get_absolute_url(self) -> str:
        return f"{self.board.get_absolute_url()}#member-{self.pk}"

    @property
    def is_current(self) -> bool:
        today = timezone.localdate()
        return self.start_date <= today and (self.end_date is None or self.end_date >= today)

    @property
    def records_for_board(self) -> bool:
        """A current seat of chair, vice-chair or secretary, held by a user of the product."""
        return self.user_id is not None and self.role in self.RECORDING_ROLES and self.is_current

    def clean(self) -> None:
        super().clean()
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "The end date cannot be before the start date."})
        has_identity = self.board_id and self.person_name and self.start_date
        if has_identity and self.overlapping_memberships().exists():
            raise ValidationError(
                f"{self.person_name} already sits on this board during these dates."
            )

    def overlapping_memberships(self) -> models.QuerySet:
        """Other memberships of the same person on the same board whose dates overlap this one."""
        others = Membership.objects.filter(
            board_id=self.board_id, person_name__iexact=self.person_name
        ).exclude(pk=self.pk)
        others = others.filter(Q(end_date__isnull=True) | Q(end_date__gte=self.start_date))
        if self.end_date is not None:
            others = others.filter(start_date__lte=self.end_date)
        return others


class Meeting(models.Model):
    """A meeting of a board: when and where, its agenda, its minutes and the decisions taken."""

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        HELD = "held", "Held"
        CANCELLED = "cancelled", "Cancelled"

    board = models.ForeignKey(Board, on_delete=models.PROTECT, related_name="meetings")
    starts_at = models.DateTimeField("date and time")
    location = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PLANNED)
    minutes = models.TextField(blank=True)
    papers_published_at = models.DateTimeField("papers published", null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    # Who changed a meeting's details, minutes and publication of its papers, and when.
    history = HistoricalRecords()

    partnership_lookup = "board__partnership"

    class Meta:
        ordering = ["-starts_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "starts_at"],
                name="one_meeting_per_board_and_time",
                violation_error_message="This board already has a meeting at that date and time.",
            ),
        ]

    def __str__(self) -> str:
        local = timezone.localtime(self.starts_at)
        return f"{self.board} – {local:%-d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("governance:meeting_detail", args=[self.pk])

    @property
    def is_upcoming(self) -> bool:
        return self.starts_at >= timezone.now()

    @property
    def papers_published(self) -> bool:
        return self.papers_published_at is not None


class AgendaItem(models.Model):
    """One item of a meeting's agenda, in order."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveIntegerField(default=1)
    title = models.CharField(max_length=300)
    presenter = models.CharField(max_length=200, blank=True)
    paper_url = models.URLField("paper link", blank=True)
    # Optimistic locking: each edit bumps it, and an edit from an older copy is refused.
    version = models.PositiveIntegerField(default=1, editable=False)

    # Who added, renumbered or retitled an item, and when.
    history = HistoricalRecords()

    partnership_lookup = "meeting__board__partnership"

    class Meta:
        ordering = ["meeting", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "order"],
                name="agenda_item_order_unique_per_meeting",
                violation_error_message="Another item of this agenda already has this number.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.title}"

    def get_absolute_url(self) -> str:
        return f"{self.meeting.get_absolute_url()}#item-{self.pk}"


class DecisionQuerySet(models.QuerySet):
    def overdue(self, today=None):
        today = today or timezone.localdate()
        return self.filter(status=Decision.Status.OPEN, due_date__lt=today)


class Decision(models.Model):
    """A decision taken at a meeting, with its owner and due date."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        DONE = "done", "Done"
        SUPERSEDED = "superseded", "Superseded"

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="decisions")
    text = models.TextField("decision")
    # Who carries it out: a person with an account, or a partner organisation.
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="owned_decisions",
        verbose_name="owner (person)",
    )
    owner_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="owned_decisions",
        verbose_name="owner (organisation)",
    )
    # History only: the free-text owner of a decision recorded before owners were people or
    # organisations, kept when no user or organisation of that name was found.
    owner_note = models.CharField(
        "owner as first recorded",
        max_length=200,
        blank=True,
        help_text="The owner's name as typed before owners were chosen from a list.",
    )
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    agenda_item = models.ForeignKey(
        AgendaItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name="agenda item",
        help_text="The item it was taken on: interests declared on the item are checked.",
    )
    # What the decision concerns, e.g. a priority area or a termly report.
    concerns_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    concerns_id = models.PositiveBigIntegerField(null=True, blank=True)
    concerns = GenericForeignKey("concerns_type", "concerns_id")
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = DecisionQuerySet.as_manager()

    history = HistoricalRecords()

    partnership_lookup = "meeting__board__partnership"

    class Meta:
        ordering = ["-meeting__starts_at", "pk"]
        indexes = [models.Index(fields=["concerns_type", "concerns_id"])]

    def __str__(self) -> str:
        return self.text if len(self.text) <= 80 else f"{self.text[:77]}..."

    def get_absolute_url(self) -> str:
        return f"{self.meeting.get_absolute_url()}#decision-{self.pk}"

    @property
    def owner_name(self) -> str:
        """The owner as pages show it: the person, else the organisation, else the old text."""
        if self.owner_user_id:
            return self.owner_user.get_full_name() or self.owner_user.get_username()
        if self.owner_organisation_id:
            return self.owner_organisation.name
        return self.owner_note

    def clean(self) -> None:
        super().clean()
        if self.agenda_item_id and self.agenda_item.meeting_id != self.meeting_id:
            raise ValidationError({"agenda_item": "Choose an item of this meeting's agenda."})
        if not (self.owner_user_id or self.owner_organisation_id or self.owner_note):
            raise ValidationError(
                {"owner_user": "Choose who carries the decision out: a person or an organisation."}
            )

    @property
    def is_overdue(self) -> bool:
        return (
            self.status == self.Status.OPEN
            and self.due_date is not None
            and self.due_date < timezone.localdate()
        )


# The attendance, quorum and declarations of interest of the board's year, in their own modules.
from governance.attendance_models import Attendance, Declaration, Interest  # noqa: E402, F401

# The forward plan lives in its own module; imported here so Django registers it.
from governance.forward_plan.models import ForwardPlanEntry  # noqa: E402, F401
