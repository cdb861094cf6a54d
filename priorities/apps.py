from django.apps import AppConfig


class PrioritiesConfig(AppConfig):
    name = "priorities"
    verbose_name = "Priorities: frameworks, action plans and indicators"

    def ready(self) -> None:
        from priorities import decisions

        decisions.register()
