"""Writes of the notifications: notify, mark read, and each person's choice of delivery.

Adding a kind of event takes three lines: a member of core.models.Kind, its default delivery
in KINDS, and a migration of the choices (`makemigrations core`). The event's own service then
calls `emails.announce` (`notify`, then the immediate emails on commit).
"""

from collections.abc import Iterable, Mapping

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone

from core.models import Delivery, Kind, Notification, NotificationPreference

# Each kind and how it is delivered until its recipient chooses otherwise: what needs an
# answer soon arrives at once, what can wait comes in the weekly digest.
KINDS: dict[str, Delivery] = {
    Kind.CHALLENGE: Delivery.IMMEDIATE,
    Kind.ANSWER: Delivery.IMMEDIATE,
    Kind.ACTION_OVERDUE: Delivery.DIGEST,
    Kind.REPORT_DUE: Delivery.IMMEDIATE,
    Kind.FEEDBACK_OWED: Delivery.DIGEST,
    Kind.PAPERS_PUBLISHED: Delivery.IMMEDIATE,
    Kind.CONTRACT_DECISION: Delivery.IMMEDIATE,
}

MESSAGE_LENGTH = Notification._meta.get_field("message").max_length


def _short(message: str) -> str:
    return message if len(message) <= MESSAGE_LENGTH else message[: MESSAGE_LENGTH - 1] + "…"


@transaction.atomic
def notify(
    *,
    recipients: Iterable[AbstractBaseUser],
    kind: str,
    key: str,
    message: str,
    about: models.Model | None = None,
    url: str = "",
) -> list[Notification]:
    """Tell each active recipient of one event (named by `kind` and `key`), once: a recipient
    already told of it is left alone. Returns the notifications made now."""
    if kind not in KINDS:
        raise ValueError(f"Not a kind of notification: {kind!r}")
    url = url or (about.get_absolute_url() if about is not None else "")
    about_fields = {}
    if about is not None:
        about_fields = {
            "about_type": ContentType.objects.get_for_model(about),
            "about_id": about.pk,
        }
    unique = {user.pk: user for user in recipients if user is not None and user.is_active}
    told = set(
        Notification.objects.filter(kind=kind, key=key, recipient__in=unique).values_list(
            "recipient_id", flat=True
        )
    )
    made = []
    for pk in sorted(set(unique) - told):
        notification, created = Notification.objects.get_or_create(
            recipient=unique[pk],
            kind=kind,
            key=key,
            defaults={"message": _short(message), "url": url, **about_fields},
        )
        if created:
            made.append(notification)
    return made


def notification_mark_read(*, notification: Notification) -> Notification:
    """Mark one notification read (it stays read if it already was)."""
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def notifications_mark_all_read(*, user: AbstractBaseUser) -> int:
    """Mark every unread notification of a user read; returns how many."""
    return Notification.objects.for_user(user).unread().update(read_at=timezone.now())


def deliveries_of(user_ids: Iterable[int]) -> dict[tuple[int, str], str]:
    """(user id, kind) -> delivery chosen, for the users given, in one query; a missing pair
    takes the kind's default (see `delivery`)."""
    rows = NotificationPreference.objects.filter(user_id__in=list(user_ids)).values_list(
        "user_id", "kind", "delivery"
    )
    return {(user_id, kind): delivery for user_id, kind, delivery in rows}


def delivery(chosen: Mapping[tuple[int, str], str], user_id: int, kind: str) -> str:
    return chosen.get((user_id, kind), KINDS[kind])


def preferences_of(user: AbstractBaseUser) -> dict[str, str]:
    """Each kind and how `user` hears of it, their choice or the default."""
    chosen = deliveries_of([user.pk])
    return {kind: delivery(chosen, user.pk, kind) for kind in KINDS}


@transaction.atomic
def notification_preferences_save(
    *, user: AbstractBaseUser, choices: Mapping[str, str]
) -> dict[str, str]:
    """Keep how `user` hears of each kind; only the choices that changed are saved (and so
    appear in the history)."""
    unknown = set(choices) - set(KINDS)
    if unknown:
        raise ValueError(f"Not kinds of notification: {sorted(unknown)}")
    existing = {
        preference.kind: preference
        for preference in NotificationPreference.objects.select_for_update().filter(user=user)
    }
    for kind, chosen in choices.items():
        preference = existing.get(kind)
        if preference is None:
            preference = NotificationPreference(user=user, kind=kind, delivery=chosen)
        elif preference.delivery == chosen:
            continue
        preference.delivery = chosen
        preference.full_clean()
        preference.save()
    return preferences_of(user)
