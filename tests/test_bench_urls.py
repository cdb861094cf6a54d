"""The benchmarks' bare view exists under their own settings only."""

import pytest
from django.urls import Resolver404, resolve


def test_the_bare_view_is_no_url_of_the_product():
    with pytest.raises(Resolver404):
        resolve("/bench/bare/")


def test_the_bench_settings_add_the_bare_view(settings):
    settings.ROOT_URLCONF = "config.urls_bench"
    assert resolve("/bench/bare/").func.__name__ == "bare"
