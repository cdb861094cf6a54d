from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core: roles, edit conflicts, history and the demo"

    def ready(self) -> None:
        from django.contrib import admin
        from django.contrib.auth import get_user_model

        from core import lookups
        from core import signals as membership_signals  # noqa: F401 (connect on import)
        from core.cache_versions import bump_on_save
        from core.models import Partnership
        from core.personal_data import check_admin_forms
        from core.two_factor import signals  # noqa: F401 (connects the sign-in receiver)

        lookups.register()
        # Filter panels cache options read from these tables (core.cached_options).
        bump_on_save(get_user_model(), "users")
        bump_on_save(Partnership, "partnerships")
        # After the admin app's ready(), which loaded every admin.py (it is installed first).
        check_admin_forms(admin.site)
