"""The parties of a contract's release: who buys, who funds, who supplies, and how each is
identified (org-id.guide scheme codes, as OCDS asks)."""

from commissioning.models import Contract, Provider
from governance.models import Organisation

# org-id.guide list codes for the registers a provider's numbers come from.
COMPANIES_HOUSE = "GB-COH"
CHARITY_COMMISSION = "GB-CHC"  # the Charity Commission for England and Wales
NHS_ODS = "GB-NHS"  # NHS Organisation Data Service codes

BUYER = "buyer"
PROCURING_ENTITY = "procuringEntity"
FUNDER = "funder"
SUPPLIER = "supplier"


def _identifiers(provider: Provider) -> list[dict]:
    """The provider's register entries, the strongest first: a company, a charity, an NHS body."""
    numbers = (
        (COMPANIES_HOUSE, provider.company_number),
        (CHARITY_COMMISSION, provider.charity_number),
        (NHS_ODS, provider.ods_code),
    )
    return [
        {"scheme": scheme, "id": number.strip(), "legalName": provider.name}
        for scheme, number in numbers
        if number and number.strip()
    ]


def provider_party_id(provider: Provider) -> str:
    """`<scheme>-<number>` for a registered provider (OCDS's advice), else one of our own."""
    identifiers = _identifiers(provider)
    if identifiers:
        return f"{identifiers[0]['scheme']}-{identifiers[0]['id']}"
    return f"provider-{provider.pk}"


def organisation_party_id(organisation: Organisation) -> str:
    # The partners carry no register numbers in the product: their id is ours.
    return f"organisation-{organisation.pk}"


def reference(party: dict) -> dict:
    """An OrganizationReference to a party of the release."""
    return {"id": party["id"], "name": party["name"]}


def _one_line(address: str) -> str:
    return ", ".join(line.strip() for line in address.splitlines() if line.strip())


def _provider_party(provider: Provider) -> dict:
    identifiers = _identifiers(provider)
    # The provider's contact is a person named in the product; an open data release names
    # organisations only, so no contactPoint.
    return {
        "id": provider_party_id(provider),
        "name": provider.name,
        "identifier": identifiers[0] if identifiers else None,
        "additionalIdentifiers": identifiers[1:],
        "address": {"streetAddress": _one_line(provider.address)},
        "roles": [SUPPLIER],
    }


def contract_parties(contract: Contract) -> list[dict]:
    """The lead organisation (buyer and procuring entity), the co-commissioners and the partners
    who pay a share (funders), and the provider (supplier): each organisation once, with all its
    roles. Reads prefetched `co_commissioners` and `contributions`."""
    roles: dict[int, list[str]] = {contract.lead_organisation_id: [BUYER, PROCURING_ENTITY]}
    organisations = {contract.lead_organisation_id: contract.lead_organisation}
    funders = [*contract.co_commissioners.all()]
    funders += [share.organisation for share in contract.contributions.all()]
    for organisation in sorted(funders, key=lambda o: o.name):
        organisations.setdefault(organisation.pk, organisation)
        held = roles.setdefault(organisation.pk, [])
        if FUNDER not in held:
            held.append(FUNDER)
    parties = [
        {
            "id": organisation_party_id(organisations[pk]),
            "name": organisations[pk].name,
            "roles": held,
        }
        for pk, held in roles.items()
    ]
    return [*parties, _provider_party(contract.provider)]
