"""The one field of every two-factor page: a code from the app, or a backup code."""

from crispy_forms.helper import FormHelper
from django import forms


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=16,
        help_text="The 6-digit code your authenticator app shows now, or one of your backup codes.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean_code(self) -> str:
        # Apps show "123 456"; people paste codes with spaces.
        return "".join(self.cleaned_data["code"].split())


class SetupCodeForm(CodeForm):
    code = forms.CharField(
        label="Code from the app",
        max_length=16,
        help_text="The 6-digit code the app shows for this account, to check it is set up.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
