"""The Django admin, kept to the partnerships an administrator administers.

Every ModelAdmin registered on the site (core.admin_site) gets PartnershipScopedAdminMixin: its
list, its objects' pages (another partnership's record is "not found") and the choices of its
foreign keys and many-to-many fields hold only those partnerships' records. A superuser sees
everything and alone manages partnerships. Models that belong to no partnership (providers,
terms, voice questions) are shared by all.
"""

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, QuerySet

from core import roles
from core.models import Partnership, PartnershipMembership
from core.partnerships import is_scoped, memberships_of, partnership_q


def administered_partnership_ids(user) -> list[int]:
    memberships = memberships_of(user)
    return [
        p.pk for p in memberships.partnerships if roles.ADMINISTRATOR in memberships.roles_in(p.pk)
    ]


def scope_for_admin(queryset: QuerySet, user) -> QuerySet:
    """`queryset` kept to what `user` administers (everything for a superuser)."""
    if user.is_superuser:
        return queryset
    ids = administered_partnership_ids(user)
    model = queryset.model
    if model is Partnership:
        return queryset.filter(pk__in=ids)
    if model is PartnershipMembership:
        return queryset.filter(partnership__in=ids)
    if model is get_user_model():
        # Their partnerships' people, and accounts not yet given a partnership (just added).
        members = PartnershipMembership.objects.filter(user=OuterRef("pk"))
        return queryset.filter(Exists(members.filter(partnership__in=ids)) | ~Exists(members))
    if is_scoped(model):
        return queryset.filter(partnership_q(model, ids)).distinct()
    return queryset


class PartnershipScopedAdminMixin:
    """Lists, object pages and choices of a ModelAdmin (or inline) kept to the administrator's
    partnerships."""

    def get_queryset(self, request):
        return scope_for_admin(super().get_queryset(request), request.user)

    def _scoped_field(self, field, request):
        if field is not None and hasattr(field, "queryset"):
            field.queryset = scope_for_admin(field.queryset, request.user)
        return field

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        return self._scoped_field(
            super().formfield_for_foreignkey(db_field, request, **kwargs), request
        )

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        return self._scoped_field(
            super().formfield_for_manytomany(db_field, request, **kwargs), request
        )

    def get_inline_instances(self, request, obj=None):
        instances = super().get_inline_instances(request, obj)
        for inline in instances:
            if not isinstance(inline, PartnershipScopedAdminMixin):
                inline.__class__ = type(
                    inline.__class__.__name__, (PartnershipScopedAdminMixin, inline.__class__), {}
                )
        return instances


def scoped_admin_class(admin_class):
    """`admin_class` with the scoping mixin in front (once)."""
    if issubclass(admin_class, PartnershipScopedAdminMixin):
        return admin_class
    return type(admin_class.__name__, (PartnershipScopedAdminMixin, admin_class), {})
