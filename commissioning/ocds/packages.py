"""Release packages: one contract's, and a partnership's (every contract it leads)."""

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.urls import reverse

from commissioning.models import Contract, Contribution, KeyPerformanceIndicator
from commissioning.ocds.releases import release
from commissioning.ocds.values import compact
from core.models import Partnership

OCDS_VERSION = "1.1"


def contracts_for_release(contracts: QuerySet[Contract]) -> QuerySet[Contract]:
    """`contracts` with everything a release reads: a fixed number of queries however many."""
    return contracts.select_related(
        "service", "provider", "lead_organisation", "activity", "partnership"
    ).prefetch_related(
        "co_commissioners",
        Prefetch("contributions", queryset=Contribution.objects.select_related("organisation")),
        "extension_options",
        "variations",
        "reviews",
        "assessments",
        Prefetch("kpis", queryset=KeyPerformanceIndicator.objects.prefetch_related("values")),
        "activity__needs_assessments",
    )


def led_contracts(partnership: Partnership) -> QuerySet[Contract]:
    """The contracts `partnership` leads, to publish: those shared with it are led, and
    published, elsewhere."""
    return contracts_for_release(Contract.objects.filter(partnership=partnership)).order_by("pk")


def _site(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _package(*, uri: str, publisher: Partnership, releases: list[dict]) -> dict:
    return compact(
        {
            "uri": uri,
            "version": OCDS_VERSION,
            # Made on demand: the date of the last change to what it holds (OCDS's advice).
            "publishedDate": max((r["date"] for r in releases), default=None),
            "publisher": {"name": publisher.name, "uri": _site("/")},
            "releases": releases,
        }
    )


def contract_package(contract: Contract) -> dict:
    """One contract's release package, published by the partnership that leads it. `contract`
    comes from `contracts_for_release`."""
    return _package(
        uri=_site(reverse("commissioning:contract_ocds", args=[contract.pk])),
        publisher=contract.partnership,
        releases=[release(contract)],
    )


def partnership_package(partnership: Partnership) -> dict:
    """The release package of every contract `partnership` leads."""
    return _package(
        uri=_site(reverse("commissioning:contracts_ocds")) + f"?partnership={partnership.slug}",
        publisher=partnership,
        releases=[release(contract) for contract in led_contracts(partnership)],
    )
