"""Access rules shared by the priorities pages."""

from functools import cached_property

from django.shortcuts import get_object_or_404

from core.partnerships import scope
from core.roles import EditorRequiredMixin, can_edit_priority_area
from priorities.models import PriorityArea


class PriorityAreaEditorMixin(EditorRequiredMixin):
    """Pages that change a priority's plan: its lead commissioners and administrators."""

    permission_rule = staticmethod(can_edit_priority_area)
    permission_denied_message = "Only the priority's lead commissioners change its plan."

    @cached_property
    def priority_area(self) -> PriorityArea:
        return get_object_or_404(
            scope(PriorityArea.objects, self.request.user).select_related("framework"),
            pk=self.kwargs["pk"],
        )

    def get_permission_object(self) -> PriorityArea:
        return self.priority_area
