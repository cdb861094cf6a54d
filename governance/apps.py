from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = "Governance: boards, members, meetings and decisions"

    def ready(self) -> None:
        from core.cache_versions import bump_on_save
        from governance.models import Board, Organisation

        # Filter panels cache options read from these tables (core.cached_options).
        bump_on_save(Organisation, "organisations")
        bump_on_save(Board, "boards")
