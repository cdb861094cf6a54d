"""The board pack: choose a board and a term, read it as HTML, or download it as a PDF."""

from functools import cached_property

from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView

from core.partnerships import scope
from core.roles import RoleRequiredMixin
from governance.models import Board
from reporting import selectors
from reporting.board_pack import (
    board_pack_context,
    board_pack_download,
    previous_board_pack_pdf,
)
from reporting.forms import BoardPackForm
from reporting.models import Term


class BoardPackChooserView(RoleRequiredMixin, TemplateView):
    """Choose the board and term of a board pack."""

    template_name = "reporting/board_pack_chooser.html"

    def get(self, request, *args, **kwargs):
        boards = selectors.board_pack_boards(user=request.user)
        form = BoardPackForm(
            request.GET or None,
            boards=boards,
            initial_board=selectors.board_pack_board_for(user=request.user, boards=boards),
        )
        if form.is_valid():
            args = [form.cleaned_data["board"].pk, form.cleaned_data["term"].pk]
            url = reverse("reporting:board_pack", args=args)
            return HttpResponseRedirect(
                url + ("?plan=full" if form.cleaned_data["full_plan"] else "")
            )
        return self.render_to_response(self.get_context_data(form=form))


class BoardPackMixin(RoleRequiredMixin):
    """The board and term named by the URL; a missing one answers 404 before any role check."""

    @cached_property
    def board(self) -> Board:
        return get_object_or_404(
            scope(Board.objects, self.request.user), pk=self.kwargs["board_pk"]
        )

    @cached_property
    def term(self) -> Term:
        return get_object_or_404(Term, pk=self.kwargs["term_pk"])

    @property
    def with_plan(self) -> bool:
        """Whether the board asked for the full plan as an appendix (`?plan=full`)."""
        return self.request.GET.get("plan") == "full"


class BoardPackView(BoardPackMixin, TemplateView):
    """The board pack as a page to read or print."""

    template_name = "reporting/board_pack.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            board_pack_context(board=self.board, term=self.term, with_plan=self.with_plan)
        )
        return context


class BoardPackPdfMixin(BoardPackMixin):
    def pdf_response(self, pdf: bytes, *, suffix: str = "") -> HttpResponse:
        response = HttpResponse(pdf, content_type="application/pdf")
        plan = "-with-plan" if self.with_plan else ""
        name = (
            f"board-pack-{self.board.pk}-{self.term.academic_year}-{self.term.season}"
            f"{plan}{suffix}.pdf"
        )
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response


class BoardPackPdfView(BoardPackPdfMixin, TemplateView):
    """The board pack as one PDF download, when the worker has laid out its current content;
    else a page that says it is being laid out, offering the previous PDF. Never lays one out."""

    template_name = "reporting/board_pack_pending.html"

    def get(self, request, *args, **kwargs):
        download = board_pack_download(board=self.board, term=self.term, with_plan=self.with_plan)
        if download.pdf is not None:
            return self.pdf_response(download.pdf)
        context = self.get_context_data(
            board=self.board, term=self.term, download=download, with_plan=self.with_plan
        )
        return self.render_to_response(context)


class BoardPackPreviousPdfView(BoardPackPdfMixin, View):
    """The PDF last laid out of a board pack, whatever has changed since."""

    def get(self, request, *args, **kwargs):
        kept = previous_board_pack_pdf(board=self.board, term=self.term, with_plan=self.with_plan)
        if kept is None:
            raise Http404("No PDF of this board pack has been laid out yet.")
        return self.pdf_response(bytes(kept.pdf), suffix="-previous")
