"""Demo termly reports: submitted last term for a few priorities, a draft and two submitted
reports this term (so board members have something to challenge), and a board member's
challenge with its answer, in the words of reporting/demo/reports.yaml. Loaded by load_demo
after the domain apps; safe to run again.

The school terms themselves are seeded by a migration with approximate dates (autumn 1
September to 31 December, spring 1 January to 31 March, summer 1 April to 31 August).
"""

from django.contrib.auth import get_user_model

from core.seed_files import read_seed
from priorities.models import PriorityArea
from reporting import services
from reporting.models import Term, TermlyReport
from reporting.terms import seed_terms


def load() -> int:
    """Create the demo reports that are missing; return how many rows were created."""
    created = seed_terms(Term)
    users = get_user_model().objects.in_bulk(["commissioner", "board"], field_name="username")
    commissioner, board_member = users.get("commissioner"), users.get("board")
    current = Term.objects.current()
    previous = current.previous() if current else None
    if commissioner is None or previous is None:
        return created
    seed = read_seed("reporting", "reports")
    sample_words = seed["reports"]
    areas = list(
        PriorityArea.objects.filter(lead_commissioners=commissioner)
        .select_related("framework")
        .order_by("framework__title", "order", "pk")
    )
    for area, words in zip(areas, sample_words, strict=False):
        report = _submitted(area, previous, words, commissioner, today=previous.end_date)
        if report is None:
            continue
        created += 1
        if board_member is not None and words["overall_rag"] == "amber":
            comment = services.report_comment_add(
                report=report,
                author=board_member,
                text=seed["challenge"],
                about="",
            )
            services.report_comment_answer(
                comment=comment, author=commissioner, answer=seed["answer"]
            )
            created += 1
    if areas and not TermlyReport.objects.filter(priority_area=areas[0], term=current).exists():
        draft = services.termly_report_start(priority_area=areas[0], term=current)
        services.termly_report_save_words(
            report=draft,
            data={"highlights": seed["draft_highlights"]},
            expected_version=draft.version,
        )
        created += 1
    # This term: the other priorities' reports are in, awaiting the board's challenge.
    for area, words in zip(areas[1:], sample_words[1:], strict=False):
        if _submitted(area, current, words, commissioner) is not None:
            created += 1
    return created


def _submitted(area, term, words, commissioner, today=None) -> TermlyReport | None:
    """Submit a sample report of the area for the term, unless it already has one."""
    if TermlyReport.objects.filter(priority_area=area, term=term).exists():
        return None
    report = TermlyReport(priority_area=area, term=term, is_sample=True, **words)
    report.full_clean()
    report.save()
    return services.termly_report_submit(report=report, user=commissioner, today=today)
