"""The groups of children, young people, families and partners who take part."""

from django.db import models

from governance.models import Organisation


class StakeholderGroup(models.Model):
    """A standing group that takes part: a children in care council, a youth cabinet, a forum."""

    class Kind(models.TextChoices):
        CHILDREN_YOUNG_PEOPLE = "children_young_people", "Children and young people"
        CARE_EXPERIENCED = "care_experienced", "Care-experienced young people"
        PARENTS_CARERS = "parents_carers", "Parents and carers"
        SEND_FAMILIES = "send_families", "SEND families"
        PROVIDERS = "providers", "Providers"
        PRACTITIONERS = "practitioners", "Practitioners"
        COMMUNITY = "community", "Community"

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    partnership = models.ForeignKey(
        "core.Partnership", on_delete=models.PROTECT, related_name="stakeholder_groups"
    )
    description = models.TextField(blank=True)
    convening_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="stakeholder_groups",
        verbose_name="convening organisation",
    )
    is_active = models.BooleanField("active", default=True)

    partnership_lookup = "partnership"

    class Meta:
        ordering = ["partnership__name", "name"]
        verbose_name = "stakeholder group"

    def __str__(self) -> str:
        return self.name
