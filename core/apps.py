from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core: roles, edit conflicts, history and the demo"

    def ready(self) -> None:
        from core import lookups
        from core.two_factor import signals  # noqa: F401 (connects the sign-in receiver)

        lookups.register()
