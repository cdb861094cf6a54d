"""Search across everything: the first results of every kind, or one kind's, page by page."""

from django.views.generic import TemplateView

from core.roles import RoleRequiredMixin
from reporting.search.engine import GROUP_SIZE, first_of_each_kind, page_of_kind
from reporting.search.forms import SearchForm
from reporting.search.kinds import KINDS_BY_SLUG


class SearchView(RoleRequiredMixin, TemplateView):
    """Every role searches what it may read: each kind's records are kept to the partnership."""

    template_name = "reporting/search.html"

    def get_context_data(self, **kwargs):
        form = SearchForm(self.request.GET or None)
        text = form.cleaned_data["q"] if form.is_valid() else ""
        # An unknown kind (an old or edited address) searches every kind.
        kind = KINDS_BY_SLUG.get(self.request.GET.get("kind", ""))
        context = super().get_context_data(form=form, text=text, kind=kind, **kwargs)
        if not text:
            return context
        user = self.request.user
        if kind is not None:
            page, results = page_of_kind(kind, text, user, self.request.GET.get("page"))
            context.update(page_obj=page, results=results)
        else:
            groups = first_of_each_kind(text, user)
            context.update(
                found=[group for group in groups if group.count],
                not_found=[group.kind.heading for group in groups if not group.count],
                group_size=GROUP_SIZE,
            )
        return context
