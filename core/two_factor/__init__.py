"""Two-factor authentication (django-otp): an authenticator app's codes, and backup codes.

Required of administrators (and of anyone who has set it up) before any page, Django admin
included (`middleware.py`); available to everyone from the account menu (`views.py`). Wrong
codes count as failed sign-ins (core/lockout.py).
"""

# Set at sign-in (signals.py): whether this session must enter a second factor, so that the
# middleware decides without a query on every request.
SESSION_KEY = "jcm_second_factor_required"
