"""The search box: what a person typed, refused kindly when it is too long to be a search."""

from crispy_forms.helper import FormHelper
from django import forms

# Longer than any title, and short enough that a pasted document is refused, not searched.
MAX_LENGTH = 200


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search across everything",
        required=False,
        max_length=MAX_LENGTH,
        widget=forms.SearchInput,
        help_text="Words from a title, an aim, a description, minutes or what young people said.",
        error_messages={
            "max_length": (
                "Search for at most %(limit_value)d characters: this search has %(show_value)d."
            ),
            "null_characters_not_allowed": "Search for words: this search holds a null character.",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The page draws the form tag (a search landmark) and its button around the field.
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
