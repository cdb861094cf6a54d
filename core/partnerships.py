"""Which partnerships a person belongs to, which one they are working in, and the one way to
keep a queryset to it.

A person's roles come from their memberships (core.models.PartnershipMembership), read once per
request and kept on the user object; `roles_of` (core.roles) answers for the partnership they
are working in. Every list, choice, export and detail page narrows its queryset with `scope`,
so a record of a partnership the person is not working in is simply not found (404).

Each scoped model says where its partnership is with two class attributes:
- `partnership_lookup`: the path to the partnership that owns it, e.g. "framework__partnership";
- `shared_partnerships_lookup` (optional): the many-to-many of the other partnerships it is
  shared with (a jointly commissioned activity or contract), who see it but do not edit it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Model, Q, QuerySet
from django.utils import timezone

from core.models import Partnership, PartnershipMembership

SESSION_KEY = "jcm_partnership"


@dataclass(frozen=True)
class Memberships:
    """A person's partnerships and their roles in each, and the one they are working in."""

    partnerships: tuple[Partnership, ...]
    roles: dict[int, frozenset[str]]
    current: Partnership | None

    def roles_in(self, partnership_id: int | None) -> frozenset[str]:
        return self.roles.get(partnership_id, frozenset())

    def all_roles(self) -> frozenset[str]:
        return frozenset().union(*self.roles.values()) if self.roles else frozenset()


NO_MEMBERSHIPS = Memberships(partnerships=(), roles={}, current=None)


def memberships_of(user) -> Memberships:
    """Read in one query per user object and kept on it. A superuser administers every active
    partnership."""
    if user is None or not user.is_authenticated:
        return NO_MEMBERSHIPS
    cached = getattr(user, "_jcm_memberships", None)
    if cached is not None:
        return cached
    from core import roles

    if user.is_superuser:
        partnerships = tuple(Partnership.objects.filter(is_active=True).order_by("name"))
        role_sets = {p.pk: frozenset({roles.ADMINISTRATOR}) for p in partnerships}
        chosen_at = {}
    else:
        rows = list(
            PartnershipMembership.objects.filter(user=user, partnership__is_active=True)
            .select_related("partnership")
            .order_by("partnership__name")
        )
        by_id: dict[int, Partnership] = {}
        sets: dict[int, set[str]] = {}
        chosen_at: dict[int, object] = {}
        for row in rows:
            by_id[row.partnership_id] = row.partnership
            sets.setdefault(row.partnership_id, set()).add(row.role)
            if row.chosen_at and (
                row.partnership_id not in chosen_at or row.chosen_at > chosen_at[row.partnership_id]
            ):
                chosen_at[row.partnership_id] = row.chosen_at
        partnerships = tuple(by_id.values())
        role_sets = {pk: frozenset(names) for pk, names in sets.items()}
    current = _choose(partnerships, getattr(user, "_jcm_partnership_choice", None), chosen_at)
    cached = user._jcm_memberships = Memberships(partnerships, role_sets, current)
    return cached


def _choose(partnerships, session_choice, chosen_at) -> Partnership | None:
    """The partnership named in the session if the person still belongs to it, else the one
    they chose last, else the first by name."""
    by_id = {p.pk: p for p in partnerships}
    if session_choice in by_id:
        return by_id[session_choice]
    if chosen_at:
        return by_id[max(chosen_at, key=chosen_at.get)]
    return partnerships[0] if partnerships else None


def current_partnership(user) -> Partnership | None:
    """The partnership a person is working in (None: they belong to none)."""
    return memberships_of(user).current


def partnerships_of(user) -> tuple[Partnership, ...]:
    return memberships_of(user).partnerships


def choose_partnership(request, partnership: Partnership) -> None:
    """Switch the person to `partnership` (one of theirs) for this session and next time."""
    request.session[SESSION_KEY] = partnership.pk
    PartnershipMembership.objects.filter(user=request.user, partnership=partnership).update(
        chosen_at=timezone.now()
    )
    for attribute in ("_jcm_memberships", "_jcm_roles"):
        if hasattr(request.user, attribute):
            delattr(request.user, attribute)
    request.user._jcm_partnership_choice = partnership.pk


def remember_choice(request) -> None:
    """Middleware step: tell the user object which partnership the session chose (no query)."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        user._jcm_partnership_choice = request.session.get(SESSION_KEY)


class CurrentPartnershipMiddleware:
    """After authentication: the session's choice of partnership reaches the user object, where
    `memberships_of` (and so every role check and `scope`) reads it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        remember_choice(request)
        return self.get_response(request)


def partnership_q(model: type[Model], partnership, *, shared=True) -> Q:
    """The condition 'belongs to `partnership`' (a Partnership, its id, or a list of ids), or is
    shared with it when `shared`."""
    if isinstance(partnership, (list, tuple, set, frozenset)):
        ids, suffix = list(partnership), "__in"
    else:
        ids, suffix = getattr(partnership, "pk", partnership), ""
    condition = Q(**{model.partnership_lookup + suffix: ids})
    shared_lookup = getattr(model, "shared_partnerships_lookup", None)
    if shared and shared_lookup:
        # Through a subquery, so a record shared with several partnerships is listed once.
        relation = model._meta.get_field(shared_lookup)
        through = relation.remote_field.through
        target = relation.m2m_reverse_field_name() + suffix
        condition |= Q(
            pk__in=through.objects.filter(**{target: ids}).values(relation.m2m_field_name())
        )
    return condition


def is_scoped(model: type[Model]) -> bool:
    """Whether records of `model` belong to a partnership."""
    return hasattr(model, "partnership_lookup")


def scope(queryset: QuerySet, user, *, shared: bool = True) -> QuerySet:
    """`queryset` kept to the partnership `user` is working in (with what is shared with it,
    unless `shared` is False); nothing for a person who belongs to no partnership."""
    partnership = current_partnership(user)
    if partnership is None:
        return queryset.none()
    return queryset.filter(partnership_q(queryset.model, partnership, shared=shared))


def in_current_partnership(user, partnership_id: int | None) -> bool:
    """Whether a record owned by `partnership_id` belongs to the partnership `user` works in
    (the edit rules ask this: a shared record is edited by its lead partnership only)."""
    current = current_partnership(user)
    return current is not None and partnership_id == current.pk


def grant_role(*, user, partnership: Partnership, role: str) -> PartnershipMembership:
    """Give `user` `role` in `partnership` (nothing changes when they already hold it)."""
    membership, _ = PartnershipMembership.objects.get_or_create(
        user=user, partnership=partnership, role=role
    )
    return membership
