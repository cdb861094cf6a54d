"""The values removed from a record's history (core.history_purge), for the admin's history
page of any record: `{% history_purges_of object as purges %}`."""

from django import template
from django.urls import reverse
from django.utils.http import urlencode

from core.history_purge import purges_of
from core.roles import can_purge_history

register = template.Library()


@register.simple_tag
def history_purges_of(obj) -> list:
    """The purges of `obj`'s history, newest first (none for a record that is gone)."""
    if obj is None or obj.pk is None:
        return []
    return list(purges_of(type(obj), obj.pk))


@register.simple_tag
def history_purge_url(obj, user) -> str:
    """The admin's page to remove a value from `obj`'s history, filled in with the record; ""
    for a user who may not."""
    if obj is None or not can_purge_history(user):
        return ""
    query = urlencode({"model_label": obj._meta.label_lower, "object_id": obj.pk})
    return f"{reverse('admin:core_historypurge_add')}?{query}"
