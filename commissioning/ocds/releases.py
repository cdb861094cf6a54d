"""One contract as one OCDS release: a contracting process from the activity that planned it
to the contract's delivery, its variations included."""

import datetime
import hashlib
import json

from django.conf import settings

from commissioning.models import Contract, NeedsAssessment
from commissioning.ocds.implementation import implementation
from commissioning.ocds.parties import BUYER, SUPPLIER, contract_parties, reference
from commissioning.ocds.values import compact, date_time, money, pounds, sentences

# How each procurement route is described by OCDS's closed `method` codelist.
PROCUREMENT_METHODS = {
    Contract.Route.OPEN: "open",
    Contract.Route.RESTRICTED: "selective",
    # Only the framework's suppliers may bid for a call-off.
    Contract.Route.FRAMEWORK: "selective",
    # A grant programme is an open call for applications.
    Contract.Route.GRANT_PROGRAMME: "open",
    Contract.Route.DIRECT_AWARD: "direct",
    # The council's own service, without competition.
    Contract.Route.IN_HOUSE: "direct",
}

# A contract's status in OCDS's closed contractStatus codelist: an expired or decommissioned
# contract was in force and has come to a close ("terminated").
CONTRACT_STATUSES = {
    Contract.Status.PIPELINE: "pending",
    Contract.Status.LIVE: "active",
    Contract.Status.ENDING: "active",
    Contract.Status.EXPIRED: "terminated",
    Contract.Status.DECOMMISSIONED: "terminated",
}
ENDED = (Contract.Status.EXPIRED, Contract.Status.DECOMMISSIONED)


def ocid(contract: Contract) -> str:
    """The contracting process's id: the publisher's prefix and the contract's primary key,
    which no edit changes."""
    return f"{settings.OCDS_OCID_PREFIX}-{contract.pk}"


def last_changed(contract: Contract) -> datetime.datetime:
    """When the contract or a record the release shows of it last changed (reads the prefetched
    rows: no query)."""
    moments = [contract.updated_at]
    if contract.activity is not None:
        moments.append(contract.activity.updated_at)
        moments += [a.created_at for a in _needs_assessments(contract)]
    moments += [v.created_at for v in contract.variations.all()]
    moments += [r.created_at for r in contract.reviews.all()]
    moments += [a.created_at for a in contract.assessments.all()]
    moments += [s.updated_at for s in contract.contributions.all()]
    moments += [v.recorded_at for kpi in contract.kpis.all() for v in kpi.values.all()]
    return max(moments)


def _needs_assessments(contract: Contract) -> list[NeedsAssessment]:
    """The activity's needs assessments of the cycle that let the contract (all of them when
    that cycle is not known)."""
    assessments = contract.activity.needs_assessments.all()
    if contract.activity_cycle is not None:
        assessments = [a for a in assessments if a.cycle_number == contract.activity_cycle]
    return sorted(assessments, key=lambda a: (a.date, a.pk))


def _planning(contract: Contract) -> dict | None:
    activity = contract.activity
    if activity is None:
        return None
    budget = None
    if activity.budget is not None:
        budget = {
            "description": f"The budget of the commissioning activity “{activity.title}”.",
            "amount": money(activity.budget),
        }
    return {
        "rationale": sentences(activity.title + ".", activity.description),
        "budget": budget,
        "documents": [
            {
                "id": f"needs-assessment-{assessment.pk}",
                "documentType": "needsAssessment",
                "title": assessment.title,
                "description": sentences(
                    assessment.key_findings,
                    f"Population: {assessment.population}",
                    f"Evidence: {assessment.evidence_sources}",
                ),
                "datePublished": date_time(assessment.date),
                "language": "en",
            }
            for assessment in _needs_assessments(contract)
        ],
    }


def _items(contract: Contract) -> list[dict]:
    return [{"id": "1", "description": contract.service.name}]


def _specification(contract: Contract) -> list[dict]:
    activity = contract.activity
    if activity is None or not activity.has_specification:
        return []
    return [
        {
            "id": "specification",
            "documentType": "technicalSpecifications",
            "title": "Service specification",
            "description": activity.specification_text,
            "url": activity.specification_url,
            "language": "en",
        }
    ]


def _tender(contract: Contract, buyer: dict) -> dict:
    return {
        "id": f"{ocid(contract)}-tender",
        "title": contract.title,
        "description": contract.service.description,
        "status": "planned" if contract.status == Contract.Status.PIPELINE else "complete",
        "procuringEntity": buyer,
        "items": _items(contract),
        "procurementMethod": PROCUREMENT_METHODS[contract.procurement_route],
        "procurementMethodDetails": (
            f"{contract.get_procurement_route_display()}; {contract.get_form_display().lower()}."
        ),
        "mainProcurementCategory": "services",
        "documents": _specification(contract),
    }


def _period(contract: Contract) -> dict:
    return {
        "startDate": date_time(contract.start_date),
        "endDate": date_time(contract.end_date),
        # The furthest the contract can run: its end with every extension option left taken.
        "maxExtentDate": date_time(contract.latest_possible_end),
    }


def _award(contract: Contract, supplier: dict) -> dict:
    return {
        "id": f"{ocid(contract)}-award",
        "title": contract.title,
        "status": "pending" if contract.status == Contract.Status.PIPELINE else "active",
        # The product keeps no date of the award decision: the start of the contract stands in.
        "date": date_time(contract.start_date),
        "value": money(contract.total_value),
        "suppliers": [supplier],
        "items": _items(contract),
        "contractPeriod": _period(contract),
    }


def _amendments(contract: Contract) -> list[dict]:
    variations = sorted(contract.variations.all(), key=lambda v: (v.agreed_on, v.pk))
    return [
        {
            "id": f"variation-{variation.pk}",
            "date": date_time(variation.agreed_on),
            "rationale": variation.reason,
            "description": sentences(
                f"Agreed by {variation.agreed_by}.",
                "Changed: " + "; ".join(variation.changes()) + ".",
                variation.scope_change,
            ),
        }
        for variation in variations
    ]


def _contract(contract: Contract) -> dict:
    return {
        "id": f"{ocid(contract)}-contract",
        "awardID": f"{ocid(contract)}-award",
        "title": contract.title,
        "description": (
            f"Reference {contract.reference}. {contract.get_form_display()} for "
            f"{contract.service.name}, {pounds(contract.annual_value)} a year."
        ),
        "status": CONTRACT_STATUSES[contract.status],
        "period": _period(contract),
        "value": money(contract.total_value),
        "items": _items(contract),
        "amendments": _amendments(contract),
        "implementation": implementation(contract),
    }


def _tags(release: dict, contract: Contract) -> list[str]:
    """What the release holds, in OCDS's closed releaseTag codelist."""
    if contract.status == Contract.Status.PIPELINE:
        return ["planning", "tender"]
    tags = ["award", "contract"]
    delivered = release["contracts"][0]
    if delivered.get("amendments"):
        tags.append("contractAmendment")
    if delivered.get("implementation"):
        tags.append("implementation")
    if contract.status in ENDED:
        tags.append("contractTermination")
    return tags


def release(contract: Contract) -> dict:
    """The contract's release. Reads what `packages.contracts_for_release` prefetches.

    Its `id` is the OCID and a digest of the rest: the same data gives the same id, and any
    change a new one. Its `date` is when that data last changed."""
    parties = contract_parties(contract)
    buyer = reference(next(p for p in parties if BUYER in p["roles"]))
    supplier = reference(next(p for p in parties if SUPPLIER in p["roles"]))
    body = compact(
        {
            "ocid": ocid(contract),
            "date": date_time(last_changed(contract)),
            "initiationType": "tender",
            "language": "en",
            "parties": parties,
            "buyer": buyer,
            "planning": _planning(contract),
            "tender": _tender(contract, buyer),
            "awards": [_award(contract, supplier)],
            "contracts": [_contract(contract)],
        }
    )
    body["tag"] = _tags(body, contract)
    digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:16]
    return {"ocid": body["ocid"], "id": f"{body['ocid']}-{digest}", **body}
