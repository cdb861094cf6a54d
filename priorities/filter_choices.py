"""The filter choices every app's lists offer, each of the partnership the person works in:
django-filter calls these with the request (a filter set made without one offers nothing)."""

from django.db.models import QuerySet

from core.partnerships import scope
from governance.models import Organisation
from priorities.models import Framework, PriorityArea


def request_user(request):
    return getattr(request, "user", None)


def frameworks(request) -> QuerySet[Framework]:
    return scope(Framework.objects.all(), request_user(request))


def priority_areas(request) -> QuerySet[PriorityArea]:
    return scope(
        PriorityArea.objects.select_related("framework__partnership"), request_user(request)
    ).order_by("framework__title", "order", "pk")


def organisations(request) -> QuerySet[Organisation]:
    return scope(Organisation.objects.all(), request_user(request)).distinct().order_by("name")
