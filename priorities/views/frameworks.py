"""Framework list and overview, the priority page and an indicator's page."""

from django.core.paginator import Paginator
from django.views.generic import DetailView, ListView

from core.partnerships import scope
from core.roles import RoleRequiredMixin, can_edit_priority_area
from priorities import dashboards, selectors
from priorities.models import Framework
from priorities.trends import indicator_trend

# Actions on a page of a priority's plan; the action list filters and sorts them all.
PLAN_PAGE_SIZE = 25


class FrameworkListView(RoleRequiredMixin, ListView):
    """Every framework, with its priorities, actions and overdue actions counted."""

    template_name = "priorities/framework_list.html"
    context_object_name = "frameworks"

    def get_queryset(self):
        return scope(selectors.framework_list(), self.request.user)


class FrameworkDetailView(RoleRequiredMixin, DetailView):
    """A framework's overview: each priority's RAG mix, overdue count and latest indicators."""

    template_name = "priorities/framework_detail.html"
    context_object_name = "framework"

    def get_queryset(self):
        return scope(Framework.objects, self.request.user).select_related(
            "owning_board", "partnership"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["priority_areas"] = areas = list(
            selectors.framework_overview(framework=self.object)
        )
        context["term_charts"] = dashboards.page_charts(
            dashboards.FRAMEWORK_PAGE, framework=self.object, priority_areas=areas
        )
        return context


class PriorityAreaDetailView(RoleRequiredMixin, DetailView):
    """A priority: aim, objectives with their actions, indicators against target and comparator."""

    template_name = "priorities/priority_area_detail.html"
    context_object_name = "priority_area"

    def get_queryset(self):
        return scope(selectors.priority_area_detail(), self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_edit"] = can_edit_priority_area(self.request.user, self.object)
        context["term_charts"] = dashboards.page_charts(
            dashboards.PRIORITY_PAGE, priority_area=self.object
        )
        context["off_track"] = dashboards.indicators_off_track(self.object)
        plan = selectors.priority_area_actions(priority_area=self.object)
        page = Paginator(plan, PLAN_PAGE_SIZE).get_page(self.request.GET.get("page"))
        context["page_obj"] = page
        context["plan"] = page.object_list
        context["plan_caption"] = "The priority's actions by objective"
        if page.has_other_pages():
            context["plan_caption"] += (
                f", page {page.number} of {page.paginator.num_pages} "
                f"({page.paginator.count} actions)"
            )
        return context


class IndicatorDetailView(RoleRequiredMixin, DetailView):
    """An indicator: what it measures, its trend against target and comparators, the story
    behind its latest value, its values with their notes, and when the next value is due."""

    template_name = "priorities/indicator_detail.html"
    context_object_name = "indicator"

    def get_queryset(self):
        return scope(selectors.indicator_detail(), self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["priority_area"] = self.object.priority_area
        context["can_edit"] = can_edit_priority_area(self.request.user, self.object.priority_area)
        context["trend"] = indicator_trend(self.object)
        return context
