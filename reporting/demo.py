"""Demo termly reports: submitted last term for a few priorities, a draft and two submitted
reports this term (so board members have something to challenge), and a board member's
challenge with its answer, in the words of reporting/demo/reports.yaml. Loaded by load_demo
after the domain apps; safe to run again.

Then the demo's notifications (reporting/demo/notifications.yaml): the demo board member gets
a seat on a board whose next meeting's papers are published, and the daily scan tells the demo
commissioner of what has fallen due. No email goes out for them: the demo's events are history.

The school terms themselves are seeded by a migration with approximate dates (autumn 1
September to 31 December, spring 1 January to 31 March, summer 1 April to 31 August).
"""

from django.contrib.auth import get_user_model
from django.utils import timezone

from core.notifications.emails import emails_paused
from core.seed_files import read_seed
from governance import services as governance_services
from governance.models import Meeting
from priorities.models import PriorityArea
from reporting import services
from reporting.models import Term, TermlyReport
from reporting.reminders import notifications_daily
from reporting.terms import seed_terms


def load() -> int:
    """Create the demo reports and notifications that are missing; return how many rows were
    created."""
    with emails_paused():
        created = _reports()
        created += _on_agendas()
        created += _notifications()
    return created


def _on_agendas() -> int:
    """Put this term's submitted reports on the agenda of their board's next meeting, so its
    meeting pack shows them (on the item the agenda has for the priority, or a new one);
    return how many agenda items were added."""
    current = Term.objects.current()
    waiting = TermlyReport.objects.filter(
        term=current, status=TermlyReport.Status.SUBMITTED, agenda_item__isnull=True
    ).select_related("priority_area__framework")
    created = 0
    for report in waiting:
        meeting = (
            Meeting.objects.filter(
                board_id=report.priority_area.framework.owning_board_id,
                starts_at__gte=timezone.now(),
            )
            .exclude(status=Meeting.Status.CANCELLED)
            .order_by("starts_at")
            .first()
        )
        if meeting is None:
            continue
        # The item the meeting's agenda already has for the priority, else one added.
        item = meeting.agenda_items.filter(title__icontains=report.priority_area.title).first()
        if item is None:
            item = governance_services.agenda_item_create(
                meeting=meeting,
                title=f"Termly report: {report.priority_area.title}",
                presenter="Lead commissioner",
            )
            created += 1
        services.termly_report_attach(report=report, agenda_item=item)
    return created


def _notifications() -> int:
    """Publish the papers of the next meeting of the board the demo board member sits on
    (governance/demo), and run the daily scan; return how many rows were created."""
    board = read_seed("reporting", "notifications")["papers_published_for"]
    meeting = (
        Meeting.objects.filter(board__name=board, starts_at__gte=timezone.now())
        .order_by("starts_at")
        .first()
    )
    created = 0
    if meeting is not None and not meeting.papers_published:
        governance_services.meeting_publish_papers(
            meeting=meeting, expected_version=meeting.version
        )
        created += 1
    return created + sum(notifications_daily().values())


def _reports() -> int:
    created = seed_terms(Term)
    users = get_user_model().objects.in_bulk(["commissioner", "board"], field_name="username")
    commissioner, board_member = users.get("commissioner"), users.get("board")
    current = Term.objects.current()
    previous = current.previous() if current else None
    if commissioner is None or previous is None:
        return created
    seed = read_seed("reporting", "reports")
    led = {
        (area.framework.partnership.short_name, area.title): area
        for area in PriorityArea.objects.filter(lead_commissioners=commissioner).select_related(
            "framework__partnership"
        )
    }
    # Each report's words go to the priority they were written for, never to another's.
    reports = [
        (led[(words.pop("partnership"), words.pop("priority"))], words)
        for words in seed["reports"]
        if (words["partnership"], words["priority"]) in led
    ]
    for area, words in reports:
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
    if not reports:
        return created
    first = reports[0][0]
    if not TermlyReport.objects.filter(priority_area=first, term=current).exists():
        draft = services.termly_report_start(priority_area=first, term=current)
        services.termly_report_save_words(
            report=draft,
            data={"highlights": seed["draft_highlights"]},
            expected_version=draft.version,
        )
        created += 1
    # This term: the other priorities' reports are in, awaiting the board's challenge.
    for area, words in reports[1:]:
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
