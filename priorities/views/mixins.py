"""Access rules shared by the priorities pages."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from core.roles import EditorRequiredMixin, can_edit_priority_area
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
