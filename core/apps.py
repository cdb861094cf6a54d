from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core: roles, edit conflicts, history and the demo"

    def ready(self) -> None:
        from core import lookups, signals  # noqa: F401 (signals connect on import)

        lookups.register()
