"""Development on one machine: `make run`. The environment and `.env` still win."""

import os

os.environ.setdefault("DEBUG", "True")
os.environ.setdefault("SECRET_KEY", "local-development-only-not-secret")

from config.settings.base import *  # noqa: E402, F403
