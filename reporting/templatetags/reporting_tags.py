"""Template tags and filters of the reporting pages."""

from django import template
from django.template.defaultfilters import pluralize
from django.utils.html import format_html
from django.utils.safestring import SafeString

from core.templatetags import badges
from reporting.assemble import REPORT_SECTIONS
from reporting.report_display import shown_actions

register = template.Library()


@register.simple_tag
def report_sections(content: dict, every_exception: bool = False) -> list[dict]:
    """The sections of a report's content in REPORT_SECTIONS order, each with its partial;
    a section the content lacks (an older snapshot) is left out. The actions section shows the
    most urgent exceptions, or with `every_exception` all of them (the board pack's plan)."""
    sections = []
    for name, _ in REPORT_SECTIONS:
        if name not in content:
            continue
        data = content[name]
        if name == "actions":
            data = shown_actions(data, content, every_exception=bool(every_exception))
        sections.append(
            {"name": name, "template": f"reporting/reports/_section_{name}.html", "data": data}
        )
    return sections


@register.simple_tag
def challenges_about(challenged: dict | None, kind: str, key) -> list:
    """The challenges about one part of a report (its anchor is `kind-key`), from the report
    page's `challenged` (anchor: challenges); none where the page gives no `challenged`."""
    return (challenged or {}).get(f"{kind}-{key}", [])


@register.simple_tag
def challenge_this(challenged: dict | None, challenge_url: str, kind: str, key, name) -> SafeString:
    """Beside a part of a report: a link to the challenges about it, if any, and "Challenge
    this", to the challenge form with it filled in, where the page offers challenging (see
    _challenge_link.html, which draws it; a table of many rows calls this tag itself)."""
    about = challenges_about(challenged, kind, key)
    html = SafeString("")
    if about:
        html += format_html(
            '<a class="challenge-count small" href="#challenge-{}">{} challenge{}'
            '<span class="visually-hidden"> about {}</span></a> ',
            about[0].pk,
            len(about),
            pluralize(len(about)),
            name,
        )
    if challenge_url:
        html += format_html(
            '<a class="challenge-link btn btn-sm btn-outline-secondary d-print-none" '
            'href="{}?subject={}-{}">Challenge this<span class="visually-hidden"> – {}</span></a>',
            challenge_url,
            kind,
            key,
            name,
        )
    return html  # each part is built by format_html, and SafeStrings add up to one


# A RAG rating as a word and a colour, for rows of a long table: the one core/templatetags/badges
# draws, under this library's name too.
register.simple_tag(badges.rag_badge, name="rag_badge")
