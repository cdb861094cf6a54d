"""The form of a person's notification choices: for each kind, how they hear of it."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms

from core.models import Delivery, Kind
from core.notifications.services import KINDS


class PreferencesForm(forms.Form):
    """One choice per kind of event: in the app only, an email at once, or the weekly digest."""

    def __init__(self, *args, current: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        for kind in KINDS:
            self.fields[kind] = forms.ChoiceField(
                label=Kind(kind).label,
                choices=Delivery.choices,
                initial=current[kind],
                widget=forms.RadioSelect,
                help_text=f"Default: {Delivery(KINDS[kind]).label.lower()}.",
            )
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.add_input(Submit("save", "Save my choices"))
