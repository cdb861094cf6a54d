from django.apps import AppConfig


class PrioritiesConfig(AppConfig):
    name = "priorities"
    verbose_name = "Priorities: frameworks, action plans and indicators"

    def ready(self) -> None:
        from core.cache_versions import bump_on_save
        from priorities import decisions
        from priorities.models import Action, Framework, PriorityArea

        decisions.register()
        # Filter panels cache options read from these tables (core.cached_options).
        bump_on_save(Framework, "frameworks")
        bump_on_save(PriorityArea, "priority-areas")
        bump_on_save(Action, "actions")
