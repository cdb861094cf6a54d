"""The demo users, so a new user can try the product at once: one per role in each demo
partnership, and one per role in both (who switch between them in the account menu)."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model

from core import roles
from core.demo_partnerships import demo_partnership
from core.models import PartnershipMembership
from core.two_factor.services import totp_device_set_secret

BOTH = ("Halton", "West Cheshire")

# Known, so that `make run` can print it: add it to an authenticator app (or compute a code
# with `python manage.py demo_code`). A real administrator sets up their own.
# Bandit B105 is wrong here: the demo's, published like the demo passwords; no real account has it.
DEMO_ADMINISTRATOR_TOTP_SECRET = "JCMD EMOA DMIN ISTR ATOR TOTP SECR ET22"  # nosec B105


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    role: str
    first_name: str
    last_name: str
    partnerships: tuple[str, ...] = BOTH
    is_staff: bool = False
    # The base32 secret of a confirmed authenticator app: the administrator must enter a code.
    totp_secret: str = ""


def _per_partnership(short_name: str, prefix: str) -> tuple[DemoUser, ...]:
    return (
        DemoUser(
            f"{prefix}-commissioner",
            f"demo-{prefix}-commissioner-2026",
            roles.COMMISSIONER,
            short_name,
            "Commissioner",
            (short_name,),
        ),
        DemoUser(
            f"{prefix}-board",
            f"demo-{prefix}-board-member-2026",
            roles.BOARD_MEMBER,
            short_name,
            "Board Member",
            (short_name,),
        ),
        DemoUser(
            f"{prefix}-administrator",
            f"demo-{prefix}-administrator-2026",
            roles.ADMINISTRATOR,
            short_name,
            "Administrator",
            (short_name,),
            is_staff=True,
            totp_secret=DEMO_ADMINISTRATOR_TOTP_SECRET,
        ),
    )


DEMO_USERS = (
    DemoUser("commissioner", "demo-commissioner-2026", roles.COMMISSIONER, "Demo", "Commissioner"),
    DemoUser("board", "demo-board-member-2026", roles.BOARD_MEMBER, "Demo", "Board Member"),
    DemoUser(
        "administrator",
        "demo-administrator-2026",
        roles.ADMINISTRATOR,
        "Demo",
        "Administrator",
        is_staff=True,
        totp_secret=DEMO_ADMINISTRATOR_TOTP_SECRET,
    ),
    *_per_partnership("Halton", "halton"),
    *_per_partnership("West Cheshire", "westcheshire"),
)


def ensure_demo_users() -> int:
    """Create the demo users that are missing, each with their role in their partnerships; leave
    existing ones (and their passwords) alone. The demo administrators get an authenticator app
    with the known secret if they have none."""
    User = get_user_model()
    created = 0
    for demo in DEMO_USERS:
        user, was_created = User.objects.get_or_create(
            username=demo.username,
            defaults={
                "first_name": demo.first_name,
                "last_name": demo.last_name,
                "is_staff": demo.is_staff,
                "email": f"{demo.username}@example.org",
            },
        )
        if was_created:
            user.set_password(demo.password)
            user.save(update_fields=["password"])
            for short_name in demo.partnerships:
                PartnershipMembership.objects.get_or_create(
                    user=user, partnership=demo_partnership(short_name), role=demo.role
                )
            created += 1
        if demo.totp_secret:
            # Also for a demo administrator made before two-factor authentication existed.
            totp_device_set_secret(user=user, secret=demo.totp_secret)
    return created
