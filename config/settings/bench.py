"""The benchmarks (bench/): the test settings (plain HTTP, DEBUG off), plus a bare view at
/bench/bare/ to compare the pages with. Only bench/ and its gunicorn use these settings."""

from config.settings.test import *  # noqa: F403

ROOT_URLCONF = "config.urls_bench"
