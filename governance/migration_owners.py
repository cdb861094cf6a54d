"""Used by the migration that made a decision's owner a person or an organisation: the free-text
owners recorded before are matched to a user's full name or an organisation's name (of the
decision's partnership), and kept as `owner_note` when nothing matches."""


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def match_text_owners(apps, schema_editor=None) -> None:
    Decision = apps.get_model("governance", "Decision")
    Organisation = apps.get_model("governance", "Organisation")
    PartnershipMembership = apps.get_model("core", "PartnershipMembership")
    people: dict[tuple[int, str], int | None] = {}
    for row in PartnershipMembership.objects.select_related("user"):
        full_name = _key(f"{row.user.first_name} {row.user.last_name}")
        if full_name:
            key = (row.partnership_id, full_name)
            # Two people of one name: neither is chosen, the text is kept.
            people[key] = row.user_id if people.get(key, row.user_id) == row.user_id else None
    organisations: dict[tuple[int, str], int] = {}
    for organisation in Organisation.objects.prefetch_related("partnerships"):
        for partnership in organisation.partnerships.all():
            for name in (organisation.name, organisation.short_name):
                organisations[(partnership.pk, _key(name))] = organisation.pk
    decisions = Decision.objects.filter(owner_user__isnull=True, owner_organisation__isnull=True)
    for decision in decisions.exclude(owner_note="").select_related("meeting__board"):
        key = (decision.meeting.board.partnership_id, _key(decision.owner_note))
        if people.get(key):
            decision.owner_user_id = people[key]
        elif key in organisations:
            decision.owner_organisation_id = organisations[key]
        else:
            continue
        decision.owner_note = ""
        decision.save(update_fields=["owner_user", "owner_organisation", "owner_note"])
