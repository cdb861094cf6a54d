"""Board members' declared interests in a provider, read from governance's registers by the
provider's name (governance sits below commissioning and knows nothing of providers)."""

from commissioning.models import Provider
from governance.attendance_models import Interest
from governance.interests import interests_concerning


def declared_interests_in(provider: Provider, user) -> list[Interest]:
    """Register entries of the user's partnership that name this provider."""
    return list(interests_concerning([provider.name], user))
