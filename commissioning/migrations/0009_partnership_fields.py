"""Activities, contracts and funding agreements name their lead partnership; activities and
contracts may be shared with others. Filled from what each already points at."""

import django.db.models.deletion
from django.db import migrations, models


def forwards(apps, schema_editor):
    from core.migration_partnerships import partnership_named

    Activity = apps.get_model("commissioning", "CommissioningActivity")
    Contract = apps.get_model("commissioning", "Contract")
    FundingAgreement = apps.get_model("commissioning", "FundingAgreement")
    for activity in Activity.objects.select_related("priority_area__framework"):
        activity.partnership_id = activity.priority_area.framework.partnership_id
        activity.save(update_fields=["partnership"])
    for contract in Contract.objects.select_related(
        "priority_area__framework", "activity", "service"
    ):
        if contract.priority_area_id:
            contract.partnership_id = contract.priority_area.framework.partnership_id
        elif contract.activity_id:
            contract.partnership_id = contract.activity.partnership_id
        else:
            contract.partnership_id = contract.service.partnership_id
        contract.save(update_fields=["partnership"])
    for agreement in FundingAgreement.objects.all():
        share = (
            apps.get_model("commissioning", "Contribution")
            .objects.filter(agreement=agreement)
            .select_related("contract", "activity")
            .first()
        )
        if share is not None:
            owner = share.contract if share.contract_id else share.activity
            agreement.partnership_id = owner.partnership_id
        else:
            agreement.partnership_id = partnership_named(apps, "").pk
        agreement.save(update_fields=["partnership"])


def lead(related_name):
    return models.ForeignKey(
        help_text="The partnership that leads it; only its commissioners edit it.",
        on_delete=django.db.models.deletion.PROTECT,
        related_name=related_name,
        to="core.partnership",
        verbose_name="lead partnership",
    )


class Migration(migrations.Migration):
    # Not one transaction: on PostgreSQL, altering a table after updating its rows' foreign keys
    # in the same transaction fails ("pending trigger events"). Each step commits on its own.
    atomic = False

    dependencies = [
        ("commissioning", "0008_service_partnership"),
        ("core", "0004_partnerships"),
        ("priorities", "0013_partnerships"),
    ]

    operations = [
        migrations.AddField(
            model_name="commissioningactivity",
            name="partnership",
            field=models.ForeignKey(
                help_text="The partnership that leads it; only its commissioners edit it.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="commissioning_activities",
                to="core.partnership",
                verbose_name="lead partnership",
            ),
        ),
        migrations.AddField(
            model_name="commissioningactivity",
            name="shared_with",
            field=models.ManyToManyField(
                blank=True,
                help_text="Other partnerships commissioning it jointly: they see it, the lead edits it.",
                related_name="shared_commissioning_activities",
                to="core.partnership",
                verbose_name="shared with",
            ),
        ),
        migrations.AddField(
            model_name="contract",
            name="partnership",
            field=models.ForeignKey(
                help_text="The partnership that leads it; only its commissioners edit it.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="contracts",
                to="core.partnership",
                verbose_name="lead partnership",
            ),
        ),
        migrations.AddField(
            model_name="contract",
            name="shared_with",
            field=models.ManyToManyField(
                blank=True,
                help_text="Other partnerships commissioning it jointly: they see it, the lead edits it.",
                related_name="shared_contracts",
                to="core.partnership",
                verbose_name="shared with",
            ),
        ),
        migrations.AddField(
            model_name="fundingagreement",
            name="partnership",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="funding_agreements",
                to="core.partnership",
            ),
        ),
        migrations.AddField(
            model_name="historicalcommissioningactivity",
            name="partnership",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="The partnership that leads it; only its commissioners edit it.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="core.partnership",
                verbose_name="lead partnership",
            ),
        ),
        migrations.AddField(
            model_name="historicalcontract",
            name="partnership",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="The partnership that leads it; only its commissioners edit it.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="core.partnership",
                verbose_name="lead partnership",
            ),
        ),
        migrations.AddField(
            model_name="historicalfundingagreement",
            name="partnership",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="core.partnership",
            ),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
        migrations.AlterField(
            "commissioningactivity", "partnership", lead("commissioning_activities")
        ),
        migrations.AlterField("contract", "partnership", lead("contracts")),
        migrations.AlterField(
            model_name="fundingagreement",
            name="partnership",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="funding_agreements",
                to="core.partnership",
            ),
        ),
    ]
