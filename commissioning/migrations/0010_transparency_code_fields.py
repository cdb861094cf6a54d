"""What the Local Government Transparency Code 2015 publishes of a contract that it did not
hold: the department responsible, VAT that cannot be recovered, the planned review date,
whether quotes were invited; and whether a provider is an SME."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("commissioning", "0009_partnership_fields"),
        ("core", "0005_public_pages"),
        ("governance", "0007_partnerships"),
        ("priorities", "0013_partnerships"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="contract",
            name="department",
            field=models.CharField(
                blank=True,
                help_text="The lead organisation's department or team, e.g. Children's Services Commissioning: published with the organisation's name.",
                max_length=200,
                verbose_name="department responsible",
            ),
        ),
        migrations.AddField(
            model_name="contract",
            name="non_recoverable_vat",
            field=models.DecimalField(
                blank=True,
                decimal_places=2,
                help_text="Over the contract's length; leave empty if all its VAT is recovered.",
                max_digits=12,
                null=True,
                verbose_name="VAT that cannot be recovered (£)",
            ),
        ),
        migrations.AddField(
            model_name="contract",
            name="quotes_invited",
            field=models.BooleanField(
                default=False,
                help_text="For a direct award or a framework call-off: tick if it followed an invitation to quote to several suppliers. An open or restricted tender is a published tender.",
                verbose_name="quotes were invited",
            ),
        ),
        migrations.AddField(
            model_name="contract",
            name="review_date",
            field=models.DateField(
                blank=True,
                help_text="When the contract is next to be reviewed (published with its dates).",
                null=True,
                verbose_name="planned review date",
            ),
        ),
        migrations.AddField(
            model_name="historicalcontract",
            name="department",
            field=models.CharField(
                blank=True,
                help_text="The lead organisation's department or team, e.g. Children's Services Commissioning: published with the organisation's name.",
                max_length=200,
                verbose_name="department responsible",
            ),
        ),
        migrations.AddField(
            model_name="historicalcontract",
            name="non_recoverable_vat",
            field=models.DecimalField(
                blank=True,
                decimal_places=2,
                help_text="Over the contract's length; leave empty if all its VAT is recovered.",
                max_digits=12,
                null=True,
                verbose_name="VAT that cannot be recovered (£)",
            ),
        ),
        migrations.AddField(
            model_name="historicalcontract",
            name="quotes_invited",
            field=models.BooleanField(
                default=False,
                help_text="For a direct award or a framework call-off: tick if it followed an invitation to quote to several suppliers. An open or restricted tender is a published tender.",
                verbose_name="quotes were invited",
            ),
        ),
        migrations.AddField(
            model_name="historicalcontract",
            name="review_date",
            field=models.DateField(
                blank=True,
                help_text="When the contract is next to be reviewed (published with its dates).",
                null=True,
                verbose_name="planned review date",
            ),
        ),
        migrations.AddField(
            model_name="historicalprovider",
            name="is_sme",
            field=models.BooleanField(
                blank=True,
                help_text="Fewer than 250 staff, as the government defines it; leave unknown if not known.",
                null=True,
                verbose_name="small or medium-sized enterprise (SME)",
            ),
        ),
        migrations.AddField(
            model_name="provider",
            name="is_sme",
            field=models.BooleanField(
                blank=True,
                help_text="Fewer than 250 staff, as the government defines it; leave unknown if not known.",
                null=True,
                verbose_name="small or medium-sized enterprise (SME)",
            ),
        ),
        migrations.AddConstraint(
            model_name="contract",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("non_recoverable_vat__isnull", True),
                    ("non_recoverable_vat__gte", 0),
                    _connector="OR",
                ),
                name="contract_non_recoverable_vat_not_negative",
                violation_error_message="The VAT that cannot be recovered cannot be negative.",
            ),
        ),
        migrations.AddConstraint(
            model_name="contract",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("quotes_invited", False),
                    ("procurement_route__in", ["direct_award", "framework"]),
                    _connector="OR",
                ),
                name="contract_quotes_invited_only_without_a_tender",
                violation_error_message="Quotes are invited only for a direct award or a framework call-off: an open or restricted tender is published, and a grant programme or in-house service has neither.",
            ),
        ),
    ]
