from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core: roles, edit conflicts, history and the demo"

    def ready(self) -> None:
        from django.contrib import admin

        from core import lookups
        from core import signals as membership_signals  # noqa: F401 (connect on import)
        from core.personal_data import check_admin_forms
        from core.two_factor import signals  # noqa: F401 (connects the sign-in receiver)

        lookups.register()
        # After the admin app's ready(), which loaded every admin.py (it is installed first).
        check_admin_forms(admin.site)
