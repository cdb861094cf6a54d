"""The public pages' front doors: the partnerships that publish, and each one's contents."""

from django.http import Http404, HttpRequest, HttpResponse

from core.models import Partnership
from core.public import public_page, render_public
from reporting.public import selectors


def public_partnership(slug: str) -> Partnership:
    """The active partnership whose public pages live under `slug`, or 404."""
    partnership = Partnership.objects.filter(slug=slug, is_active=True).first()
    if partnership is None:
        raise Http404("No partnership publishes pages at this address.")
    return partnership


@public_page
def partnership_index(request: HttpRequest) -> HttpResponse:
    partnerships = Partnership.objects.filter(is_active=True).order_by("name")
    return render_public("reporting/public/index.html", {"partnerships": partnerships})


@public_page
def partnership_home(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = public_partnership(slug)
    return render_public("reporting/public/partnership.html", {"partnership": partnership})


@public_page
def you_said_we_did(request: HttpRequest, slug: str) -> HttpResponse:
    """What young people told the partnership and what changed: published records only."""
    partnership = public_partnership(slug)
    page, groups = selectors.you_said_we_did_page(partnership, request.GET.get("page"))
    return render_public(
        "reporting/public/you_said_we_did.html",
        {
            "partnership": partnership,
            "page_obj": page,
            "groups": groups,
            "smallest_group": partnership.smallest_public_group,
        },
    )


@public_page
def priorities(request: HttpRequest, slug: str) -> HttpResponse:
    """Each priority's aim, objectives and plan as at its last submitted termly report."""
    partnership = public_partnership(slug)
    return render_public(
        "reporting/public/priorities.html",
        {"partnership": partnership, "priorities": selectors.public_priorities(partnership)},
    )
