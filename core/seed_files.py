"""Read the demo's seed content: the YAML data files in each app's `demo/` folder.

The words and figures of the two frameworks, and the demo's sample data, are data, not code:
`<app>/demo/<name>.yaml`, read by the app's loader (`<app>/demo.py`). The safe loader allows
only plain mappings, lists, strings, numbers, booleans, nulls and ISO dates; dates relative to
the day of loading are written as whole days (`due_in_days: -30`), for the loader to add to
`timezone.localdate()`.
"""

import copy
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from django.apps import apps

# libyaml's safe loader when PyYAML has it: the same safe rules as yaml.safe_load, 7-8 times
# faster on the frameworks' files, which every `load_demo` (and many tests) reads.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# Seed content that is per partnership has one file per partnership, read in this order (so
# Halton's rows have the lower ids, as they did when the content was Python).
PARTNERSHIP_FILES = ("halton", "west_cheshire")


class SeedFileError(ValueError):
    """A seed file that is not valid YAML; the message names the file."""


def seed_file(app: str | Path, name: str) -> Path:
    """`<app>/demo/<name>.yaml`, app given by its label or its directory."""
    folder = Path(app) if isinstance(app, Path) else Path(apps.get_app_config(app).path)
    return folder / "demo" / f"{name}.yaml"


def read_seed(app: str | Path, name: str) -> Any:
    """The parsed content of `<app>/demo/<name>.yaml` (app by label or directory)."""
    path = seed_file(app, name)
    stat = path.stat()  # a missing file raises FileNotFoundError, naming it
    # A copy, so that a caller changing what it read cannot change the next reader's data.
    return copy.deepcopy(_parsed(path, stat.st_mtime_ns, stat.st_size))


def read_partnership_rows(app: str | Path, concept: str) -> list[dict]:
    """The rows under `concept` in each of the app's partnership files, Halton's first, each
    row with its file's `partnership`."""
    rows = []
    for name in PARTNERSHIP_FILES:
        seed = read_seed(app, name)
        rows.extend({**row, "partnership": seed["partnership"]} for row in seed[concept])
    return rows


@lru_cache(maxsize=64)
def _parsed(path: Path, mtime_ns: int, size: int) -> Any:
    """Parsed once per version of the file (the demo loaders read some files many times)."""
    try:
        text = path.read_text(encoding="utf-8")
        # Bandit's B506 sees yaml.load, not that the loader is PyYAML's safe one.
        return yaml.load(text, Loader=_SafeLoader)  # nosec B506
    except yaml.YAMLError as error:
        raise SeedFileError(f"Seed file {path} is not valid YAML: {error}") from error
