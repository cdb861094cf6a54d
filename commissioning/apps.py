from django.apps import AppConfig


class CommissioningConfig(AppConfig):
    name = "commissioning"
    verbose_name = "Commissioning: the cycle, services, providers and contracts"

    def ready(self) -> None:
        from commissioning import decisions

        decisions.register()
