from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "reporting"
    verbose_name = "Reporting: terms, termly reports and board packs"

    def ready(self) -> None:
        # The home page (core) shows this app's role dashboards without importing it.
        from core import home
        from priorities import dashboards as priority_pages
        from reporting import dashboards
        from reporting.selectors import dashboard

        home.register_dashboard(dashboard)
        # And the framework and priority pages (priorities) their charts by term.
        priority_pages.register_page_charts(
            priority_pages.FRAMEWORK_PAGE, dashboards.framework_charts
        )
        priority_pages.register_page_charts(
            priority_pages.PRIORITY_PAGE, dashboards.priority_charts
        )
        self._refresh_public_pages_on_change()
        # The charts' last terms are cached until a term changes (dashboards.last_terms).
        from core.cache_versions import bump_on_save
        from reporting.models import Term
        from reporting.terms import TERMS_VERSION

        bump_on_save(Term, TERMS_VERSION)
        # A draft report's kept sections (section_cache.py) are read afresh after a change.
        from reporting.section_cache import watch_what_sections_read

        watch_what_sections_read()

    @staticmethod
    def _refresh_public_pages_on_change() -> None:
        from commissioning.models import Contract, Provider, Service
        from core.models import Partnership
        from core.public import refresh_public_pages_on_change
        from governance.models import Organisation
        from participation.models import ParticipationRecord, YouSaidItem
        from priorities.models import Framework, Objective, PriorityArea
        from reporting.models import Term, TermlyReport

        # The contracts register (reporting/public/contracts.py), "You said, we did" and the
        # priorities (reporting/public/selectors.py) show these.
        refresh_public_pages_on_change(
            Contract,
            Provider,
            Service,
            Organisation,
            Partnership,
            ParticipationRecord,
            YouSaidItem,
            Framework,
            PriorityArea,
            Objective,
            TermlyReport,
            Term,
        )
