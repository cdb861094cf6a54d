from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "reporting"
    verbose_name = "Reporting: terms, termly reports and board packs"

    def ready(self) -> None:
        # The home page (core) shows this app's role dashboards without importing it.
        from core import home
        from reporting.selectors import dashboard

        home.register_dashboard(dashboard)
        self.refresh_public_pages_on_change()

    @staticmethod
    def refresh_public_pages_on_change() -> None:
        """The public pages show these models: a change to one refreshes them."""
        from core.models import Partnership
        from core.public import refresh_public_pages_on_change
        from participation.models import ParticipationRecord
        from priorities.models import Framework, Objective, PriorityArea
        from reporting.models import Term, TermlyReport

        refresh_public_pages_on_change(
            Partnership, ParticipationRecord, Framework, PriorityArea, Objective, TermlyReport, Term
        )
