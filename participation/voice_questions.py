"""The voice-of-the-child questions, word for word from West Cheshire Children's Trust Joint
Commissioning Framework 2017/19, section 6 ("Understand" is the product's Analyse stage).

Loaded by migration 0003 and by the demo loader; administrators edit them in admin afterwards.
"""

VOICE_QUESTIONS: dict[str, tuple[str, ...]] = {
    "analyse": (
        "What are young people's / families' views, wishes, feelings on this?",
        "Is there anything they are not telling me, if so why not?",
        "What does good practice look like elsewhere?",
        "What have I learnt to date, how has this informed my practice?",
    ),
    "plan": (
        "Are meetings person-centred?",
        "Is what I am doing accessible to all?",
        "Future focused what do I need to think about?",
        "Who else needs to be involved?",
    ),
    "do": (
        "Sense check – are the views of children, young people and families still central to "
        "my activity?",
        "Have things changed, are children still involved in my work?",
        "Have I updated all stakeholders?",
    ),
    "review": (
        "What do children, young people and families think?",
        "How have I involved them in the evaluation process?",
        "What would I do differently next time?",
        "How can I share my learning and experiences with others?",
    ),
}


def ensure_voice_questions(question_model) -> int:
    """Create the questions that are missing (by stage and text); return how many."""
    created = 0
    for stage, texts in VOICE_QUESTIONS.items():
        for order, text in enumerate(texts, start=1):
            _, was_created = question_model.objects.get_or_create(
                stage=stage, text=text, defaults={"order": order}
            )
            created += int(was_created)
    return created
