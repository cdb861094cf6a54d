"""One demo user per role, so a new user can try the product at once."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from core import roles


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    role: str
    first_name: str
    last_name: str
    is_staff: bool = False


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
    ),
)


def ensure_demo_users() -> int:
    """Create the demo users that are missing; leave existing ones (and their passwords) alone."""
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
            user.groups.add(Group.objects.get(name=demo.role))
            created += 1
    return created
