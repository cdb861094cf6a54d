"""The benchmarks' bare view and layout page exist under their own settings only."""

import pytest
from django.urls import Resolver404, resolve


@pytest.mark.parametrize("url", ["/bench/bare/", "/bench/layout/"])
def test_the_bench_pages_are_no_urls_of_the_product(url):
    with pytest.raises(Resolver404):
        resolve(url)


def test_the_bench_settings_add_the_bare_view(settings):
    settings.ROOT_URLCONF = "config.urls_bench"
    assert resolve("/bench/bare/").func.__name__ == "bare"


@pytest.mark.django_db
def test_the_layout_page_draws_the_shared_layout_around_a_heading(settings, commissioner_client):
    settings.ROOT_URLCONF = "config.urls_bench"
    page = commissioner_client.get("/bench/layout/").content.decode()
    assert "<h1>Layout only</h1>" in page
    assert 'aria-label="Main"' in page and "Skip to main content" in page
