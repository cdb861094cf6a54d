"""Used by the data migrations that turned the text field "partnership" into a Partnership."""

from django.utils.text import slugify

# The partnerships the demo and the first installs named in the text field.
KNOWN = {
    "Halton": ("Halton Children's Trust", "halton", "Borough of Halton"),
    "West Cheshire": (
        "West Cheshire Children's Trust",
        "west-cheshire",
        "Cheshire West and Chester",
    ),
}
UNNAMED = "Partnership"


def partnership_named(apps, text: str):
    """The Partnership for a text value, made on first sight; a blank value gets the first
    partnership there is (or one called "Partnership" when there is none)."""
    Partnership = apps.get_model("core", "Partnership")
    text = (text or "").strip()
    if not text:
        existing = Partnership.objects.order_by("pk").first()
        if existing is not None:
            return existing
        text = UNNAMED
    found = Partnership.objects.filter(short_name=text).first()
    if found is not None:
        return found
    name, slug, area = KNOWN.get(text, (text, slugify(text)[:60] or "partnership", ""))
    return Partnership.objects.create(name=name, short_name=text, slug=slug, area=area)


def move_text_to_partnership(apps, app_label: str, model_name: str) -> None:
    """Fill the new `partnership` foreign key of each row from its old `partnership_name`."""
    Model = apps.get_model(app_label, model_name)
    for text in Model.objects.values_list("partnership_name", flat=True).distinct():
        Model.objects.filter(partnership_name=text).update(
            partnership=partnership_named(apps, text)
        )


def move_partnership_to_text(apps, app_label: str, model_name: str) -> None:
    """Undo `move_text_to_partnership`: the text field gets the partnership's short name."""
    Model = apps.get_model(app_label, model_name)
    Partnership = apps.get_model("core", "Partnership")
    for partnership in Partnership.objects.all():
        Model.objects.filter(partnership=partnership).update(
            partnership_name=partnership.short_name
        )
