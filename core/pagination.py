"""Pagination shared by the list pages."""


class ForgivingPaginationMixin:
    """A page number past the end or not a number shows the nearest page instead of a 404,
    as happens when a filter narrows the list while the user is on a later page."""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()
