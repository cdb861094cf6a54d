"""Pages of the forward plan: the list of key decisions, and its forms."""

from django.shortcuts import get_object_or_404
from django_filters.views import FilterView

from core.edit_conflicts import required_version
from core.pagination import ForgivingPaginationMixin
from core.partnerships import scope
from core.roles import can_edit_board_records
from governance.forward_plan import selectors, services
from governance.forward_plan.filters import ForwardPlanFilter
from governance.forward_plan.forms import ForwardPlanEntryEditForm, ForwardPlanEntryForm
from governance.forward_plan.models import NOTICE_DAYS, ForwardPlanEntry
from governance.models import Board
from governance.selectors import boards_with_seats_of
from governance.views import ReaderMixin, ServiceFormView


class ForwardPlanView(ReaderMixin, ForgivingPaginationMixin, FilterView):
    """The key decisions the partnership's boards expect to take, soonest first."""

    template_name = "governance/forward_plan.html"
    filterset_class = ForwardPlanFilter
    paginate_by = 25
    context_object_name = "entries"

    def get_queryset(self):
        return selectors.forward_plan(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        boards = boards_with_seats_of(scope(Board.objects, self.request.user), self.request.user)
        context["addable_boards"] = [
            board for board in boards if can_edit_board_records(self.request.user, board)
        ]
        context["editable_boards"] = {board.pk for board in context["addable_boards"]}
        context["notice_days"] = NOTICE_DAYS
        return context


class ForwardPlanEntryCreateView(ServiceFormView):
    """Add a key decision to a board's forward plan."""

    form_class = ForwardPlanEntryForm
    heading = "Add a key decision to the forward plan"
    success_message = "Entry added to the forward plan."

    def get_parent(self) -> Board:
        if not hasattr(self, "board"):
            self.board = get_object_or_404(
                scope(Board.objects, self.request.user).prefetch_related("memberships"),
                pk=self.kwargs["board_pk"],
            )
        return self.board

    def get_initial(self):
        return {"lead": self.request.user.pk}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "board": self.get_parent()}

    def perform(self, form):
        return services.forward_plan_entry_create(board=self.get_parent(), **form.model_data())


class ForwardPlanEntryUpdateView(ServiceFormView):
    """Change an entry of a board's forward plan."""

    form_class = ForwardPlanEntryEditForm
    heading = "Edit the forward plan entry"
    success_message = "Forward plan entry updated."

    def get_object(self) -> ForwardPlanEntry:
        if not hasattr(self, "object"):
            self.object = get_object_or_404(
                scope(ForwardPlanEntry.objects, self.request.user)
                .select_related("board")
                .prefetch_related("board__memberships"),
                pk=self.kwargs["pk"],
            )
        return self.object

    def get_parent(self) -> Board:
        return self.get_object().board

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "board": self.get_parent(),
            "instance": self.get_object(),
        }

    def perform(self, form):
        return services.forward_plan_entry_update(
            entry=self.get_object(), expected_version=required_version(form), **form.model_data()
        )
