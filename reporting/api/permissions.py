"""The API's one rule: whoever holds a role in the partnership they read reads, as every list
page of the product lets them (core.roles); nothing writes."""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from core.roles import ROLE_REFUSAL, has_any_role


class ReadsWithARole(BasePermission):
    message = ROLE_REFUSAL

    def has_permission(self, request, view) -> bool:
        user = request.user
        return (
            request.method in SAFE_METHODS
            and user is not None
            and user.is_authenticated
            and has_any_role(user)
        )
