"""Factories for terms, termly reports, their challenges and kept board pack PDFs."""

import datetime

import factory

from governance.tests.factories import BoardFactory
from priorities.models import RAG
from priorities.tests.factories import PriorityAreaFactory
from reporting.models import BoardPackPdf, ReportComment, Term, TermlyReport


class TermFactory(factory.django.DjangoModelFactory):
    """The migrations seed 2017/18 to 2027/28, so this finds a seeded term by year and season."""

    class Meta:
        model = Term
        django_get_or_create = ("academic_year", "season")

    academic_year = 2025
    season = Term.Season.AUTUMN
    start_date = factory.LazyAttribute(lambda t: datetime.date(t.academic_year, 9, 1))
    end_date = factory.LazyAttribute(lambda t: datetime.date(t.academic_year, 12, 31))


class TermlyReportFactory(factory.django.DjangoModelFactory):
    """A draft; submit it with services.termly_report_submit to freeze it."""

    class Meta:
        model = TermlyReport

    priority_area = factory.SubFactory(PriorityAreaFactory)
    term = factory.SubFactory(TermFactory)
    edition = 1
    overall_rag = RAG.AMBER
    highlights = "Edge of Care Team recruited to full strength; 12 families supported."
    risks_and_issues = "Placement sufficiency for older teenagers remains a risk."
    asks_of_board = "Agree a joint approach to residential placements with the CCG."


class ReportCommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportComment

    report = factory.SubFactory(TermlyReportFactory)
    author = factory.SubFactory("core.tests.factories.BoardMemberFactory")
    text = "What is the plan to bring the overdue actions back on track?"


class BoardPackPdfFactory(factory.django.DjangoModelFactory):
    """A kept PDF laid out from content no longer current (no HTML hashes to "")."""

    class Meta:
        model = BoardPackPdf

    board = factory.SubFactory(BoardFactory)
    term = factory.SubFactory(TermFactory)
    html_sha256 = ""
    pdf = b"%PDF-1.7 an earlier pack"
