"""A person's role groups follow their partnership memberships.

The groups carry the model permissions the Django admin checks; which partnership's records an
administrator sees there is core.admin_scoping's concern.
"""

from django.contrib.auth.models import Group
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from core import roles
from core.models import PartnershipMembership


def sync_user_role_groups(user) -> None:
    """Put `user` in the group of each role they hold in some partnership, and out of the others."""
    held = set(PartnershipMembership.objects.filter(user=user).values_list("role", flat=True))
    role_groups = {group.name: group for group in Group.objects.filter(name__in=roles.ALL_ROLES)}
    user.groups.remove(*(g for name, g in role_groups.items() if name not in held))
    user.groups.add(*(g for name, g in role_groups.items() if name in held))
    for attribute in ("_jcm_memberships", "_jcm_roles"):
        user.__dict__.pop(attribute, None)


@receiver(post_save, sender=PartnershipMembership)
@receiver(post_delete, sender=PartnershipMembership)
def membership_changed(sender, instance, raw=False, **kwargs) -> None:
    if raw:
        return  # loading a backup: the users' groups come with them
    sync_user_role_groups(instance.user)
