from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "reporting"
    verbose_name = "Reporting: terms, termly reports and board packs"

    def ready(self) -> None:
        # The home page (core) shows this app's role dashboards without importing it.
        from core import home
        from reporting.selectors import dashboard

        home.register_dashboard(dashboard)
