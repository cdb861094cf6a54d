"""At sign-in: note whether the session needs a second factor; if not, the sign-in is complete."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from core import lockout
from core.two_factor import SESSION_KEY
from core.two_factor.selectors import second_factor_required


@receiver(user_logged_in, dispatch_uid="jcm_second_factor_at_sign_in")
def note_second_factor(sender, request, user, **kwargs) -> None:
    required = second_factor_required(user)
    request.session[SESSION_KEY] = required
    if not required:
        lockout.sign_in_completed(request, user.get_username())
