"""`{% rag_badge %}` and `{% overdue_badge %}`: the RAG and "Overdue" badges as tags that return
their HTML, for tables that show one a row (a template include a row cost more than the row's
own markup on the action list, issue 23). The partials `_rag_badge.html` and
`priorities/_overdue_badge.html` call these, so the markup lives here once."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.text import capfirst

register = template.Library()

NO_UPDATE = SafeString('<span class="badge rag-badge rag-none">No update yet</span>')
OVERDUE = SafeString('<span class="badge overdue-badge">Overdue</span>')


@register.simple_tag
def rag_badge(rag: str, label: str = "", percent: int | str | None = None) -> SafeString:
    """A RAG rating as a word and a colour, never colour alone, with the percent complete."""
    if not rag:
        return NO_UPDATE
    complete = format_html(" · {}%", percent) if percent is not None and percent != "" else ""
    return format_html(
        '<span class="badge rag-badge rag-{}"><span class="rag-dot" aria-hidden="true"></span>'
        "{}{}</span>",
        rag,
        capfirst(label or rag),
        complete,
    )


@register.simple_tag
def overdue_badge(action) -> SafeString:
    """ "Overdue" in words, for an action past its due date and not complete."""
    return OVERDUE if action.is_overdue else SafeString("")
