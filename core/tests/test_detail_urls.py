"""detail_url gives what reverse gives, whatever the URL prefix or configuration."""

from django.test import override_settings
from django.urls import reverse, set_script_prefix

from core.detail_urls import detail_url


def test_it_is_the_reversed_address_of_each_record():
    for pk in (1, 42, 918273):
        assert detail_url("priorities:action_detail", pk) == reverse(
            "priorities:action_detail", args=[pk]
        )


def test_it_follows_the_url_prefix_of_the_request():
    try:
        set_script_prefix("/trust/")
        assert detail_url("priorities:action_detail", 7) == "/trust/priorities/actions/7/"
    finally:
        set_script_prefix("/")
    assert detail_url("priorities:action_detail", 7) == "/priorities/actions/7/"


@override_settings(ROOT_URLCONF="config.urls_bench")
def test_it_follows_the_url_configuration():
    assert detail_url("priorities:action_detail", 7) == reverse(
        "priorities:action_detail", args=[7]
    )
