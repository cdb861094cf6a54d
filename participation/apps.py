from django.apps import AppConfig


class ParticipationConfig(AppConfig):
    name = "participation"
    verbose_name = "Participation: stakeholder groups and participation records"

    def ready(self) -> None:
        from core.cache_versions import bump_on_save
        from participation.models import StakeholderGroup

        # Filter panels cache options read from this table (core.cached_options).
        bump_on_save(StakeholderGroup, "stakeholder-groups")
