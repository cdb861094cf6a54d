from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = "Governance: boards, members, meetings and decisions"

    def ready(self) -> None:
        # Project-wide, once: the first local app to load registers it.
        from config import lookups

        lookups.register()
