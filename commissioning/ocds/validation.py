"""Checking a release package against the OCDS 1.1.5 schemas kept in `schema/`, offline.

The package schema refers to the release schema by its `id` URL; a `referencing.Registry`
answers that URL with the local file, so validation never reaches the network.
"""

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft4Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

SCHEMA_VERSION = "1.1.5"
SCHEMA_DIR = Path(__file__).parent / "schema" / SCHEMA_VERSION


def _load(name: str) -> dict:
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


@cache
def package_validator() -> Draft4Validator:
    """A validator of release packages, built once: both schemas read from `schema/`."""
    package_schema = _load("release-package-schema.json")
    release_schema = _load("release-schema.json")
    registry = Registry().with_resource(
        release_schema["id"], Resource.from_contents(release_schema, default_specification=DRAFT4)
    )
    return Draft4Validator(
        package_schema, registry=registry, format_checker=Draft4Validator.FORMAT_CHECKER
    )


def package_errors(package: dict) -> list[str]:
    """What makes `package` invalid, one line each as "path: message"; empty when it is valid."""
    errors = sorted(package_validator().iter_errors(package), key=lambda e: list(e.absolute_path))
    return [
        f"{'/'.join(str(part) for part in error.absolute_path) or '(package)'}: {error.message}"
        for error in errors
    ]
