"""The OCDS downloads: one contract's release package, and the partnership's."""

import json

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views import View

from commissioning import ocds, selectors
from core.partnerships import current_partnership
from core.roles import RoleRequiredMixin

JSON_TYPE = "application/json"


def _download(package: dict, filename: str) -> HttpResponse:
    response = HttpResponse(
        json.dumps(package, indent=2, ensure_ascii=False), content_type=JSON_TYPE
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class ContractOcdsView(RoleRequiredMixin, View):
    """One contract the user sees, as an OCDS release package (JSON)."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        contracts = ocds.contracts_for_release(selectors.visible_contracts(request.user))
        contract = get_object_or_404(contracts, pk=pk)
        return _download(ocds.contract_package(contract), f"ocds-{ocds.ocid(contract)}.json")


class PartnershipOcdsView(RoleRequiredMixin, View):
    """Every contract the user's partnership leads, as one OCDS release package (JSON)."""

    def get(self, request: HttpRequest) -> HttpResponse:
        partnership = current_partnership(request.user)
        if partnership is None or not ocds.led_contracts(partnership).exists():
            messages.info(
                request, "Your partnership leads no contracts yet: there is nothing to publish."
            )
            return redirect("commissioning:contract_list")
        return _download(ocds.partnership_package(partnership), f"ocds-{partnership.slug}.json")
