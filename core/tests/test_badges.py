"""The RAG and "Overdue" badges say their meaning in words, not colour alone."""

from types import SimpleNamespace

from django.template import Context, Template


def _render(source: str, **context) -> str:
    return Template("{% load badges %}" + source).render(Context(context))


def test_a_rag_badge_names_the_rating_and_the_percent_complete():
    html = _render("{% rag_badge 'amber' 'Amber' 40 %}")

    assert html == (
        '<span class="badge rag-badge rag-amber"><span class="rag-dot" aria-hidden="true">'
        "</span>Amber · 40%</span>"
    )


def test_a_rag_badge_without_a_label_capitalises_the_rating_and_leaves_out_no_percent():
    assert _render("{% rag_badge 'green' %}").endswith("</span>Green</span>")


def test_an_action_without_an_update_says_so():
    assert _render("{% rag_badge '' %}") == (
        '<span class="badge rag-badge rag-none">No update yet</span>'
    )


def test_the_overdue_badge_shows_only_for_an_overdue_action():
    late, on_time = SimpleNamespace(is_overdue=True), SimpleNamespace(is_overdue=False)

    assert _render("{% overdue_badge action %}", action=late) == (
        '<span class="badge overdue-badge">Overdue</span>'
    )
    assert _render("{% overdue_badge action %}", action=on_time) == ""


def test_the_partial_renders_the_same_badge_as_the_tag():
    partial = Template('{% include "_partials/_rag_badge.html" %}').render(
        Context({"rag": "red", "label": "Red", "percent": 10})
    )

    assert partial.strip() == _render("{% rag_badge 'red' 'Red' 10 %}")
