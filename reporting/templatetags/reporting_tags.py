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
