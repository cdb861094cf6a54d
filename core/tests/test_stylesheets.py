"""The product's stylesheets parse as flat lists of rules: a lost closing brace would otherwise
turn every rule after it into a nested rule that matches nothing, silently."""

from pathlib import Path

import pytest
import tinycss2
from django.conf import settings

STYLESHEETS = sorted((Path(settings.BASE_DIR) / "static" / "css").glob("*.css"))


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda path: path.name)
def test_stylesheet_has_no_parse_errors_or_nested_rules(path):
    rules = tinycss2.parse_stylesheet(path.read_text(), skip_comments=True, skip_whitespace=True)
    problems = []
    for rule in rules:
        if rule.type == "error":
            problems.append(f"line {rule.source_line}: {rule.message}")
        elif rule.type == "qualified-rule" and any(
            token.type == "{} block" for token in rule.content
        ):
            problems.append(f"line {rule.source_line}: a rule inside another rule")
    assert not problems, problems
