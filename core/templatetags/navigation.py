"""The main navigation's menus, drawn once per page they can be opened on.

The menus (`_partials/nav_sections.html`) depend on nothing but the open page's URL name and
whether the user reads the partnership's pages at all: no record, no name, no token. So each
process draws them once for each page and keeps the HTML, instead of redrawing seventeen links
on every request (1.7 ms of every page, README "Benchmark and load test"). The kept HTML is
as many entries as the product has URL names, and the code of a deployment never changes
under it, so nothing needs invalidating and several app servers agree.
"""

from django import template
from django.template.loader import render_to_string
from django.urls import get_script_prefix, get_urlconf
from django.utils.safestring import SafeString

register = template.Library()

SECTIONS_TEMPLATE = "_partials/nav_sections.html"
_drawn: dict[tuple, str] = {}


def _key(context) -> tuple:
    request = context["request"]
    match = request.resolver_match
    # The URL prefix and URL configuration decide every link's address (a test may set its own).
    return (
        get_script_prefix(),
        get_urlconf(),
        match.view_name if match else "",
        bool(context["can"].read),
    )


@register.simple_tag(takes_context=True)
def nav_sections(context) -> SafeString:
    """The menus of the sections, with the open page's menu and link marked."""
    key = _key(context)
    html = _drawn.get(key)  # safe HTML: render_to_string escaped what it drew
    if html is None:
        html = render_to_string(
            SECTIONS_TEMPLATE, {"can": context["can"], "request": context["request"]}
        )
        _drawn[key] = html
    return html
