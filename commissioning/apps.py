from django.apps import AppConfig


class CommissioningConfig(AppConfig):
    name = "commissioning"
    verbose_name = "Commissioning: the cycle, services, providers and contracts"

    def ready(self) -> None:
        from commissioning import decisions
        from commissioning.models import Contract, Provider
        from core.cache_versions import bump_on_save

        decisions.register()
        # Filter panels cache options read from these tables (core.cached_options).
        bump_on_save(Provider, "providers")
        bump_on_save(Contract, "contracts")
