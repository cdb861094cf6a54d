"""Template context every page needs: the product's name and version, the user's roles (to
show, never to compare) and `can`, the rules templates ask (core.roles.TemplateRules)."""

from django.http import HttpRequest

from core import __version__, roles

PRODUCT_NAME = "Joint Commissioning Manager"


def product(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    return {
        "product_name": PRODUCT_NAME,
        "product_version": __version__,
        "user_roles": roles.roles_of(user) if user is not None else frozenset(),
        "can": roles.TemplateRules(user),
    }
