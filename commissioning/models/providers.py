"""Providers of commissioned services, and the services commissioned."""

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from priorities.models import PriorityArea


class Provider(models.Model):
    """An organisation that delivers commissioned services; administrators keep these in admin."""

    class Kind(models.TextChoices):
        NHS_TRUST = "nhs_trust", "NHS trust"
        VCFS = "vcfs", "Voluntary, community and faith sector"
        PRIVATE = "private", "Private"
        GP_PRACTICE = "gp_practice", "GP practice"
        PHARMACY = "pharmacy", "Community pharmacy"
        SCHOOL = "school", "School or academy"
        IN_HOUSE = "in_house", "Council in-house"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    charity_number = models.CharField("charity number", max_length=20, blank=True)
    company_number = models.CharField("company number", max_length=20, blank=True)
    is_sme = models.BooleanField(
        "small or medium-sized enterprise (SME)",
        null=True,
        blank=True,
        help_text="Fewer than 250 staff, as the government defines it; leave unknown if not known.",
    )
    ods_code = models.CharField(
        "NHS ODS code", max_length=10, blank=True, help_text="Organisation Data Service code."
    )
    address = models.TextField(blank=True)
    contact_name = models.CharField("contact", max_length=200, blank=True)
    contact_email = models.EmailField("contact email", blank=True)
    contact_phone = models.CharField("contact phone", max_length=40, blank=True)
    safeguarding_checked_on = models.DateField(
        "last safeguarding standards check", null=True, blank=True
    )
    is_active = models.BooleanField("active", default=True)
    is_sample = models.BooleanField(
        "sample data", default=False, help_text="Invented for the demo, not a real record."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("commissioning:provider_detail", args=[self.pk])

    @property
    def is_vcse(self) -> bool:
        """A voluntary, community or social enterprise organisation, as its kind says."""
        return self.kind == self.Kind.VCFS


class Service(models.Model):
    """A service the partners commission, by client group, serving priority areas."""

    class ClientGroup(models.TextChoices):
        CHILDREN_YOUNG_PEOPLE = "cyp", "Children and young people"
        PARENTS_CARERS_FAMILIES = "families", "Parents, carers and families"
        PUBLIC_HEALTH = "public_health", "Public health"
        HEALTH = "health", "Health"

    name = models.CharField(max_length=300)
    partnership = models.ForeignKey(
        "core.Partnership", on_delete=models.PROTECT, related_name="services"
    )
    client_group = models.CharField(max_length=20, choices=ClientGroup.choices)
    description = models.TextField(blank=True)
    priority_areas = models.ManyToManyField(
        PriorityArea, blank=True, related_name="services", verbose_name="priority areas"
    )

    partnership_lookup = "partnership"

    class Meta:
        ordering = ["partnership__name", "client_group", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "client_group", "name"],
                name="service_name_unique_per_partnership_and_group",
                violation_error_message=(
                    "This partnership already lists a service with this name for this client group."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.partnership})"
