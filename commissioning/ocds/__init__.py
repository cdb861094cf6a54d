"""Open Contracting Data Standard (OCDS 1.1.5) release packages of the contracts: each contract
is one contracting process (its OCID never changes), its release built from the contract, the
activity that let it, its variations, KPIs, assessments and reviews (README, "Open Contracting
Data (OCDS)")."""

from commissioning.ocds.packages import (
    contract_package,
    contracts_for_release,
    led_contracts,
    partnership_package,
)
from commissioning.ocds.releases import ocid
from commissioning.ocds.validation import package_errors

__all__ = [
    "contract_package",
    "contracts_for_release",
    "led_contracts",
    "ocid",
    "package_errors",
    "partnership_package",
]
