"""Who must enter a second factor, and the devices they have."""

from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from core import roles


def has_second_factor(user) -> bool:
    """Whether the user has a confirmed authenticator app."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def second_factor_required(user) -> bool:
    """Administrators and staff always; anyone else once they have set up an app."""
    return user.is_staff or roles.is_administrator(user) or has_second_factor(user)


def backup_codes_left(user) -> int:
    """How many unused backup codes the user has."""
    return sum(device.token_set.count() for device in StaticDevice.objects.filter(user=user))
