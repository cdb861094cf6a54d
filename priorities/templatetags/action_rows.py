"""`{% action_row %}`: one row of the action tables (priorities/_action_table.html).

Rendered in Python: as a template, a row cost about 0.3 ms (a dozen variable lookups, two badge
tags and a date filter), and the 25 rows of a page were a third of the action list (issue 23).
Every value is escaped by `_text` (the standard library's escape: Django's, made for lazy
strings, cost more than the rest of the row). The partial keeps the head, the groups and the
empty state."""

from html import escape

from django import template
from django.utils.safestring import SafeString, mark_safe

from core.date_text import short_date
from core.templatetags.badges import overdue_badge, rag_badge

register = template.Library()


def _text(value) -> str:
    return escape(str(value))


@register.simple_tag
def action_row(action, show_priority=False, selectable=False, editable_ids=None) -> SafeString:
    """An action as a table row (the action, its priority when `show_priority`, owner,
    organisation, stage, status, due date and RAG), with a checkbox for the bulk change form
    when `selectable` and the action is in `editable_ids`."""
    title = _text(action.title)
    cells = []
    if selectable:
        box = (
            f'<input class="form-check-input" type="checkbox" name="actions" '
            f'value="{action.pk}" id="select-action-{action.pk}" aria-label="Select “{title}”">'
            if action.pk in (editable_ids or ())
            else ""
        )
        cells.append(f"<td>{box}</td>")
    cells.append(
        f'<th scope="row" class="fw-normal"><a href="{_text(action.get_absolute_url())}">'
        f"{title}</a></th>"
    )
    if show_priority:
        area = action.priority_area
        cells.append(
            f'<td><a href="{_text(area.get_absolute_url())}">{_text(area.title)}</a> '
            f'<span class="text-body-secondary small">({_text(area.framework.partnership)})'
            "</span></td>"
        )
    owner = action.owner
    rag = rag_badge(action.latest_rag, action.get_latest_rag_display(), action.latest_percent)
    cells.append(
        f"<td>{_text(owner.get_full_name() or owner.username)}</td>"
        f"<td>{_text(action.lead_organisation.short_name)}</td>"
        f"<td>{_text(action.get_stage_display())}</td>"
        f"<td>{_text(action.get_status_display())}</td>"
        f'<td class="text-nowrap">{_text(short_date(action.due_date))} {overdue_badge(action)}'
        f"</td><td>{rag}</td>"
    )
    # Every value in it was escaped by _text; the badges are HTML already.
    return mark_safe(f"<tr>{''.join(cells)}</tr>")  # nosec B308 B703
