"""Template tags of the participation app, for other apps' pages."""

from django import template

from participation.selectors import unanswered_voice_questions

register = template.Library()


@register.inclusion_tag("participation/_voice_questions_checklist.html")
def voice_questions_checklist(activity) -> dict:
    """`{% voice_questions_checklist activity %}`: the stage's unanswered questions, linked."""
    return {"activity": activity, "questions": unanswered_voice_questions(activity)}
