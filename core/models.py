"""Notifications: what each person hears about, how they chose to hear it, and what was emailed.

The kinds of event and how each is delivered by default are declared in core.notifications
(KINDS); the model only stores them.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords


class Kind(models.TextChoices):
    """The events a person is told of. Add one here and in core.notifications.KINDS."""

    CHALLENGE = "challenge", "A challenge on a report you lead"
    ANSWER = "answer", "An answer to your challenge"
    ACTION_OVERDUE = "action_overdue", "An action you own falls overdue"
    REPORT_DUE = "report_due", "A report you lead is due soon or overdue"
    FEEDBACK_OWED = "feedback_owed", "Feedback you owe to participants"
    PAPERS_PUBLISHED = "papers_published", "Papers published for a meeting of your board"
    CONTRACT_DECISION = "contract_decision", "A decision on a contract you manage falls due"


class Delivery(models.TextChoices):
    IN_APP = "in_app", "In the app only"
    IMMEDIATE = "immediate", "Email at once"
    DIGEST = "digest", "Weekly digest email"


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)

    def for_user(self, user):
        return self.filter(recipient=user)


class Notification(models.Model):
    """One thing one person is told: about a record, with a link to open it."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=30, choices=Kind.choices)
    key = models.CharField(
        max_length=200, help_text="Names the event, so the same event never notifies twice."
    )
    message = models.CharField(max_length=300)
    about_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    about_id = models.PositiveBigIntegerField(null=True, blank=True)
    about = GenericForeignKey("about_type", "about_id")
    url = models.CharField("link", max_length=500, help_text="Where opening it goes.")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "notification"
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "kind", "key"],
                name="one_notification_per_event_and_recipient",
                violation_error_message="This person has already been told of this event.",
            ),
        ]
        indexes = [
            models.Index(
                fields=["recipient"], condition=Q(read_at__isnull=True), name="notification_unread"
            )
        ]

    def __str__(self) -> str:
        return self.message

    def get_absolute_url(self) -> str:
        return reverse("notifications:open", args=[self.pk])

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class NotificationPreference(models.Model):
    """How one person chose to hear of one kind of event; without a row, the kind's default."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(max_length=30, choices=Kind.choices)
    delivery = models.CharField(max_length=20, choices=Delivery.choices)

    history = HistoricalRecords()

    class Meta:
        ordering = ["user", "kind"]
        verbose_name = "notification preference"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind"],
                name="one_preference_per_user_and_kind",
                violation_error_message="This person already has a preference for this kind.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_kind_display()} – {self.get_delivery_display()}"


class EmailSent(models.Model):
    """A notification emailed to its recipient, at once or in a digest: a rerun skips it."""

    class Channel(models.TextChoices):
        IMMEDIATE = "immediate", "Immediate email"
        DIGEST = "digest", "Weekly digest"

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="emails_sent"
    )
    notification = models.ForeignKey(
        Notification, on_delete=models.CASCADE, related_name="emails_sent"
    )
    channel = models.CharField(max_length=20, choices=Channel.choices)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = "email sent"
        verbose_name_plural = "emails sent"
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "notification"],
                name="one_email_per_notification_and_recipient",
                violation_error_message="This notification has already been emailed.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} to {self.recipient}: {self.notification}"


class Partnership(models.Model):
    """One children's trust partnership using the product: its people see its records only.

    Frameworks and boards (and through them priorities, actions, reports and meetings),
    services, stakeholder groups, contracts and participation records belong to one; a
    commissioning activity or contract may also be shared with others (sub-regional work).
    """

    name = models.CharField(max_length=200, unique=True, help_text="e.g. Halton Children's Trust")
    short_name = models.CharField(
        "short name", max_length=60, unique=True, help_text="How pages name it, e.g. Halton."
    )
    slug = models.SlugField(
        max_length=60,
        unique=True,
        help_text="The partnership's part of its public pages' web address.",
    )
    area = models.CharField(
        max_length=200, blank=True, help_text="The area it serves, e.g. the Borough of Halton."
    )
    area_code = models.CharField(
        "area code",
        max_length=20,
        blank=True,
        help_text=(
            "The ONS code national files use for the area, e.g. E06000006 for Halton: its rows "
            "of a Fingertips or Explore Education Statistics file are the partnership's figures."
        ),
    )
    logo = models.ImageField(upload_to="partnerships/", blank=True)
    is_active = models.BooleanField("active", default=True)
    # Public pages never show a count of people smaller than this, so that no child can be
    # picked out of a small group.
    smallest_public_group = models.PositiveSmallIntegerField(
        "smallest group shown publicly",
        default=5,
        validators=[MinValueValidator(2)],
        help_text="Public pages show no count of participants below this (at least 2).",
    )
    participation_retention_years = models.PositiveSmallIntegerField(
        "years participation records keep their words",
        default=6,
        validators=[MinValueValidator(1)],
        help_text=(
            "A participation record's words and quotes are removed this many years after the "
            "review of its commissioning activity (or, without one, after the record's date)."
        ),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.short_name


class PartnershipMembership(models.Model):
    """A person's role in one partnership; a person may hold a different role in each."""

    class Role(models.TextChoices):
        COMMISSIONER = "Commissioner", "Commissioner"
        BOARD_MEMBER = "Board member", "Board member"
        ADMINISTRATOR = "Administrator", "Administrator"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="partnership_memberships"
    )
    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    # The partnership a person last chose in the switcher is the one they see next time.
    chosen_at = models.DateTimeField(null=True, blank=True, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership__name", "user__username", "role"]
        verbose_name = "partnership membership"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "partnership", "role"],
                name="partnership_membership_unique",
                violation_error_message="This person already has this role in this partnership.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.role}, {self.partnership}"


class HistoryPurge(models.Model):
    """A value an administrator removed from a record's audit history (core.history_purge):
    who, when, which record and field, and why. The value itself is not kept."""

    purged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="history_purges",
        verbose_name="removed by",
    )
    purged_at = models.DateTimeField("removed at", default=timezone.now)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, related_name="+", verbose_name="kind of record"
    )
    object_id = models.PositiveBigIntegerField("record number")
    field_name = models.CharField("field", max_length=100)
    reason = models.TextField(help_text="Why the value was removed: shown on the history page.")
    entries_changed = models.PositiveIntegerField("history entries changed", default=0)

    class Meta:
        ordering = ["-purged_at", "-pk"]
        verbose_name = "value removed from history"
        verbose_name_plural = "values removed from history"
        indexes = [models.Index(fields=["content_type", "object_id"], name="history_purge_record")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(reason=""),
                name="history_purge_has_a_reason",
                violation_error_message="Say why the value is removed.",
            )
        ]

    def __str__(self) -> str:
        return (
            f"{self.field_name} of {self.content_type.name} #{self.object_id}, "
            f"removed {timezone.localtime(self.purged_at):%d/%m/%Y %H:%M}"
        )
