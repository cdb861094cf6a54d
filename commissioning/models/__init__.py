"""Commissioning: activities going round the cycle, services, providers and contracts."""

from commissioning.models.activities import CommissioningActivity, NeedsAssessment, StageMove
from commissioning.models.contracts import Contract, ContractQuerySet, ContractReview
from commissioning.models.providers import Provider, Service

__all__ = [
    "CommissioningActivity",
    "Contract",
    "ContractQuerySet",
    "ContractReview",
    "NeedsAssessment",
    "Provider",
    "Service",
    "StageMove",
]
