"""What commissioning tells governance about decisions (governance.subjects): a decision can
concern a commissioning activity or a contract. Registered in CommissioningConfig.ready()."""

from commissioning.models import CommissioningActivity, Contract
from core.partnerships import scope
from governance import subjects


def _activity_choices(user):
    return scope(CommissioningActivity.objects, user).order_by("title", "pk")


def _contract_choices(user):
    return scope(Contract.objects, user).order_by("reference", "pk")


def register() -> None:
    subjects.register_kind(
        label="Commissioning activity", model=CommissioningActivity, choices=_activity_choices
    )
    subjects.register_kind(label="Contract", model=Contract, choices=_contract_choices)
