"""Access rules shared by the priorities pages."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from config.roles import (
    EditorRequiredMixin,
    can_edit_priority_area,
)
from priorities.models import PriorityArea


class PriorityAreaEditorMixin(EditorRequiredMixin):
    """Pages that change a priority's plan: its lead commissioners and administrators."""

    def dispatch(self, request, *args, **kwargs):
        self.priority_area = get_object_or_404(
            PriorityArea.objects.select_related("framework"), pk=kwargs["pk"]
        )
        # Anonymous users are sent to sign in by the middleware before they get here.
        if not can_edit_priority_area(request.user, self.priority_area):
            raise PermissionDenied("Only the priority's lead commissioners change its plan.")
        return super().dispatch(request, *args, **kwargs)


class ForgivingPaginationMixin:
    """A page number past the end or not a number shows the nearest page instead of a 404,
    as happens when a filter narrows the list while the user is on a later page."""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()
