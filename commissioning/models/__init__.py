"""Commissioning: activities going round the cycle, services, providers and contracts."""

from commissioning.models.activities import CommissioningActivity, NeedsAssessment, StageMove
from commissioning.models.budgets import Contribution, FundingAgreement
from commissioning.models.contracts import Contract, ContractQuerySet, ContractReview
from commissioning.models.lifecycle import (
    AFFECTED_BANDS,
    ContractVariation,
    DecommissioningPlan,
    ExtensionOption,
)
from commissioning.models.performance import (
    KeyPerformanceIndicator,
    KpiValue,
    PerformanceAssessment,
)
from commissioning.models.planning import ProcurementLeadTime
from commissioning.models.providers import Provider, Service

__all__ = [
    "AFFECTED_BANDS",
    "CommissioningActivity",
    "Contract",
    "ContractQuerySet",
    "ContractReview",
    "ContractVariation",
    "DecommissioningPlan",
    "ExtensionOption",
    "Contribution",
    "FundingAgreement",
    "KeyPerformanceIndicator",
    "KpiValue",
    "NeedsAssessment",
    "PerformanceAssessment",
    "ProcurementLeadTime",
    "Provider",
    "Service",
    "StageMove",
]
