"""The read-only JSON API for the partnership's other systems (README, "API").

Django REST framework with drf-spectacular's OpenAPI schema: every resource is a
ReadOnlyModelViewSet over a queryset kept to the caller's partnership (core.partnerships.scope),
readable by every role, as the pages are; nothing writes.
"""
