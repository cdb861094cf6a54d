"""Template context every page needs: the product's name and version, the user's roles (to
show, never to compare), `can`, the rules templates ask (core.roles.TemplateRules), and the
count of unread notifications in the navigation bar."""

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from core import __version__, roles
from core.models import Notification
from core.partnerships import current_partnership, partnerships_of

PRODUCT_NAME = "Joint Commissioning Manager"


def product(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    return {
        "product_name": PRODUCT_NAME,
        "product_version": __version__,
        "user_roles": roles.roles_of(user) if user is not None else frozenset(),
        "can": roles.TemplateRules(user),
        # Read with the roles (one query), so these cost nothing more.
        "current_partnership": SimpleLazyObject(lambda: current_partnership(user)),
        "user_partnerships": SimpleLazyObject(lambda: list(partnerships_of(user))),
    }


def notifications(request: HttpRequest) -> dict:
    """The signed-in user's unread count for the navigation bar: one query, and only on a page
    that shows it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not roles.has_any_role(user):
        return {"unread_notifications": 0}
    return {
        "unread_notifications": SimpleLazyObject(
            lambda: Notification.objects.for_user(user).unread().count()
        )
    }
