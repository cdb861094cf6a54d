"""Production: gunicorn behind a TLS proxy on PostgreSQL. Everything comes from the environment."""

from config.settings.base import *  # noqa: F403
