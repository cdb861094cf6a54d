"""Template filters of the reporting pages."""

from django import template

from reporting.assemble import REPORT_SECTIONS

register = template.Library()


@register.filter
def report_sections(content: dict) -> list[dict]:
    """The sections of a report's content in REPORT_SECTIONS order, each with its partial;
    a section the content lacks (an older snapshot) is left out."""
    return [
        {
            "name": name,
            "template": f"reporting/reports/_section_{name}.html",
            "data": content[name],
        }
        for name, _ in REPORT_SECTIONS
        if name in content
    ]


@register.simple_tag
def challenges_about(challenged: dict | None, kind: str, key) -> list:
    """The challenges about one part of a report (its anchor is `kind-key`), from the report
    page's `challenged` (anchor: challenges); none where the page gives no `challenged`."""
    return (challenged or {}).get(f"{kind}-{key}", [])
