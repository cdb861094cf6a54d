"""Making and revoking a person's API token."""

from django.db import transaction
from django.utils import timezone

from reporting.models import ApiToken
from reporting.models.api_tokens import SHOWN_CHARACTERS, digest_of, new_key


@transaction.atomic
def api_token_create(*, user) -> tuple[ApiToken, str]:
    """A new token for `user`, revoking the one they had: answers the token and its key, which
    is never kept and so can be shown only now."""
    api_token_revoke(user=user)
    key = new_key()
    token = ApiToken(user=user, digest=digest_of(key), shown_part=key[:SHOWN_CHARACTERS])
    token.full_clean()
    token.save()
    return token, key


@transaction.atomic
def api_token_revoke(*, user) -> int:
    """Revoke `user`'s token, if they have one: calls with it answer 401 from now on."""
    return ApiToken.objects.active().filter(user=user).update(revoked_at=timezone.now())
