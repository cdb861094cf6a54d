"""`{% chart chart %}`: a chart from core/charts.py with its text alternative and, in a
disclosure under it, the table of its figures."""

from django import template

register = template.Library()


@register.inclusion_tag("_partials/chart.html")
def chart(chart, caption: str = "", show_table: bool = True):
    return {"chart": chart, "caption": caption or chart.title, "show_table": show_table}
