"""Who attended a meeting, and the interests members hold and declare (imported by models.py)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from governance.models import AgendaItem, Meeting, Membership, Organisation

# The seats that vote, and so count towards a quorum; secretaries (clerks), officers and
# advisers attend without a vote.
VOTING_ROLES = (Membership.Role.CHAIR, Membership.Role.VICE_CHAIR, Membership.Role.MEMBER)


def is_voting(membership: Membership) -> bool:
    return membership.role in VOTING_ROLES


class Attendance(models.Model):
    """One member's attendance at one meeting."""

    class Status(models.TextChoices):
        PRESENT = "present", "Present"
        REMOTE = "remote", "Present remotely"
        SUBSTITUTE = "substitute", "Represented by a substitute"
        APOLOGIES = "apologies", "Apologies"
        ABSENT = "absent", "Absent"

    # Statuses that count the member's seat as present for the quorum.
    COUNTS_PRESENT = (Status.PRESENT, Status.REMOTE, Status.SUBSTITUTE)

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="attendances", verbose_name="member"
    )
    status = models.CharField(max_length=20, choices=Status.choices)
    substitute_name = models.CharField(
        "substitute", max_length=200, blank=True, help_text="Who came in the member's place."
    )
    substitute_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="substitute's organisation",
        help_text="A substitute represents the member's own organisation.",
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()

    partnership_lookup = "meeting__board__partnership"

    class Meta:
        ordering = ["meeting", "membership__organisation__name", "membership__person_name"]
        verbose_name = "attendance"
        verbose_name_plural = "attendance"
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "membership"],
                name="one_attendance_per_member_and_meeting",
                violation_error_message="This member's attendance is already recorded.",
            ),
            models.CheckConstraint(
                condition=~Q(status="substitute") | ~Q(substitute_name=""),
                name="attendance_substitute_is_named",
                violation_error_message="Name the substitute.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.membership.person_name}: {self.get_status_display()}"

    @property
    def counts_present(self) -> bool:
        return self.status in self.COUNTS_PRESENT

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.status == self.Status.SUBSTITUTE:
            if not self.substitute_name.strip():
                errors["substitute_name"] = "Name the substitute."
            if self.substitute_organisation_id is None:
                errors["substitute_organisation"] = "Say which organisation the substitute is from."
            elif (
                self.membership_id
                and self.substitute_organisation_id != self.membership.organisation_id
            ):
                errors["substitute_organisation"] = (
                    f"A substitute comes from the member's own organisation, "
                    f"{self.membership.organisation}."
                )
        elif self.substitute_name.strip() or self.substitute_organisation_id:
            errors["substitute_name"] = (
                "Only a member represented by a substitute has one: choose that status or "
                "clear the substitute."
            )
        if (
            self.meeting_id
            and self.membership_id
            and self.membership.board_id != self.meeting.board_id
        ):
            errors["membership"] = "This person is not a member of the meeting's board."
        if errors:
            raise ValidationError(errors)


class Interest(models.Model):
    """An entry in a member's register of interests."""

    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="interests", verbose_name="member"
    )
    description = models.CharField(
        "interest",
        max_length=300,
        help_text="For example: trustee of a charity the board funds; a relative employed by "
        "a provider.",
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="declared_interests",
        help_text="A partner organisation the interest concerns, if it is one.",
    )
    organisation_name = models.CharField(
        "other organisation",
        max_length=200,
        blank=True,
        help_text="Otherwise its name as it is known, e.g. a provider's: contracts and "
        "providers of that name show the interest.",
    )
    from_date = models.DateField("from")
    to_date = models.DateField("until", null=True, blank=True, help_text="Leave empty while held.")
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()

    partnership_lookup = "membership__board__partnership"

    class Meta:
        ordering = ["membership__person_name", "-from_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(to_date__isnull=True) | Q(to_date__gte=F("from_date")),
                name="interest_ends_after_it_starts",
                violation_error_message="The end date cannot be before the start date.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.description} ({self.concerns})" if self.concerns else self.description

    def get_absolute_url(self) -> str:
        return reverse("governance:membership_detail", args=[self.membership_id])

    @property
    def concerns(self) -> str:
        """The organisation the interest concerns, as the register shows it."""
        return self.organisation.name if self.organisation_id else self.organisation_name

    def clean(self) -> None:
        super().clean()
        if not self.organisation_id and not self.organisation_name.strip():
            raise ValidationError(
                {"organisation_name": "Choose the organisation the interest concerns, or name it."}
            )
        if self.organisation_id and self.organisation_name.strip():
            raise ValidationError(
                {"organisation_name": "Choose a partner organisation or name another, not both."}
            )
        if self.to_date and self.from_date and self.to_date < self.from_date:
            raise ValidationError({"to_date": "The end date cannot be before the start date."})


class Declaration(models.Model):
    """An interest a member declared at a meeting on an agenda item, and whether they left."""

    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="declarations"
    )
    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="declarations", verbose_name="member"
    )
    interest = models.ForeignKey(
        Interest,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="declarations",
        verbose_name="interest from the register",
    )
    description = models.CharField(
        "interest declared",
        max_length=300,
        blank=True,
        help_text="If it is not in the member's register, say what it is.",
    )
    left_room = models.BooleanField(
        "left the room",
        default=False,
        help_text="The member left for this item and took no part in its decision.",
    )

    history = HistoricalRecords()

    partnership_lookup = "agenda_item__meeting__board__partnership"

    class Meta:
        ordering = ["agenda_item", "membership__person_name", "pk"]

    def __str__(self) -> str:
        return f"{self.membership.person_name}: {self.interest_text}"

    def get_absolute_url(self) -> str:
        return f"{self.agenda_item.meeting.get_absolute_url()}#item-{self.agenda_item_id}"

    @property
    def interest_text(self) -> str:
        return self.description or (str(self.interest) if self.interest_id else "")

    @property
    def flags_decisions(self) -> bool:
        """A voting member who declared an interest and stayed for the item."""
        return not self.left_room and is_voting(self.membership)

    def clean(self) -> None:
        super().clean()
        if not self.interest_id and not self.description.strip():
            raise ValidationError(
                {"description": "Choose the interest from the register, or say what it is."}
            )
        if (
            self.interest_id
            and self.membership_id
            and self.interest.membership_id != (self.membership_id)
        ):
            raise ValidationError({"interest": "Choose an interest from this member's register."})
        if (
            self.agenda_item_id
            and self.membership_id
            and self.membership.board_id != self.agenda_item.meeting.board_id
        ):
            raise ValidationError(
                {"membership": "This person is not a member of the meeting's board."}
            )
