"""Access rules and form helpers shared by the priorities pages."""

from functools import cached_property

from django.shortcuts import get_object_or_404

from core.partnerships import scope
from core.roles import EditorRequiredMixin, can_edit_priority_area
from priorities.forms import SAVE_AND_ADD_ANOTHER
from priorities.models import PriorityArea


def adding_another(request) -> bool:
    """Whether the form was sent with its "Save and add another" button."""
    return SAVE_AND_ADD_ANOTHER in request.POST


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


class PreviewThenSaveMixin:
    """An import's page: GET shows the upload form, a POST of a file shows its preview
    (`preview`), and a POST of "confirm" saves what the preview kept in the session
    (`confirm`)."""

    def get(self, request, pk: int):
        return self.render_page()

    def post(self, request, pk: int):
        if "confirm" in request.POST:
            return self.confirm()
        return self.preview()
