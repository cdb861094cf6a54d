from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = "Governance: boards, members, meetings and decisions"

    def ready(self) -> None:
        from core.cache_versions import bump_on_save
        from governance.models import Board, Membership, Organisation

        # Filter panels cache options read from these tables (core.cached_options), and the
        # governance structure is kept whole under them (governance.views.structure_html).
        bump_on_save(Organisation, "organisations")
        bump_on_save(Board, "boards")
        bump_on_save(Membership, "memberships")
