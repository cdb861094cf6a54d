"""No lost typing: a form posted after the session ended is kept for after signing in again,
and the sign-out warning's keep-alive renews the session."""

import datetime as dt
import json

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from core import saved_typing
from core.tests.factories import CommissionerFactory
from priorities.tests.factories import PriorityAreaFactory
from reporting.models import TermlyReport
from reporting.tests.factories import TermlyReportFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery-staple"
WORDS = "Twelve families supported by the Edge of Care Team this term."


@pytest.fixture
def writer():
    user = CommissionerFactory(username="writer")
    report = TermlyReportFactory(
        priority_area=PriorityAreaFactory(lead_commissioners=[user]), highlights="Before."
    )
    user.test_words_url = reverse("reporting:report_words", args=[report.pk])
    user.test_report = report
    return user


def _browser(user) -> Client:
    """A browser signed in through the sign-in form, with CSRF checked as in production."""
    browser = Client(enforce_csrf_checks=True)
    browser.get(reverse("login"))
    response = browser.post(
        reverse("login"),
        {"username": user.username, "password": PASSWORD, "csrfmiddlewaretoken": _csrf(browser)},
    )
    assert response.status_code == 302
    return browser


def _csrf(browser: Client) -> str:
    return browser.cookies[settings.CSRF_COOKIE_NAME].value


def _post_words(browser: Client, writer, **extra):
    data = {
        "overall_rag": "amber",
        "highlights": WORDS,
        "risks_and_issues": "",
        "asks_of_board": "",
        "version": str(writer.test_report.version),
        "csrfmiddlewaretoken": _csrf(browser),
    } | extra
    return browser.post(
        writer.test_words_url, data, HTTP_REFERER=f"http://testserver{writer.test_words_url}"
    )


def _restored(response) -> dict | None:
    html = response.content.decode()
    marker = '<script id="jcm-saved-typing" type="application/json">'
    if marker not in html:
        return None
    return json.loads(html.split(marker, 1)[1].split("</script>", 1)[0])


def test_words_posted_after_the_session_ended_come_back_after_signing_in(writer, clock):
    browser = _browser(writer)
    browser.get(writer.test_words_url)
    clock.shift(dt.timedelta(minutes=31))  # the idle session ends while the form is open

    response = _post_words(browser, writer)

    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={writer.test_words_url}"
    assert TermlyReport.objects.get().highlights == "Before."  # nothing saved signed out
    signed_in = browser.post(
        reverse("login") + f"?next={writer.test_words_url}",
        {
            "username": "writer",
            "password": PASSWORD,
            "next": writer.test_words_url,
            "csrfmiddlewaretoken": _csrf(browser),
        },
    )
    assert signed_in.url == writer.test_words_url
    page = browser.get(writer.test_words_url)
    assert _restored(page)["highlights"] == [WORDS]
    assert "What you typed before you were signed out is back in the form" in page.content.decode()
    # One-time: the next visit shows the saved record again.
    assert _restored(browser.get(writer.test_words_url)) is None


def test_the_csrf_token_and_passwords_are_not_kept(writer, clock):
    browser = _browser(writer)
    clock.shift(dt.timedelta(minutes=31))

    _post_words(browser, writer, new_password1="s3cret-words", old_password="older")

    kept = browser.session[saved_typing.SESSION_KEY][writer.test_words_url]["fields"]
    assert "csrfmiddlewaretoken" not in kept
    assert "new_password1" not in kept and "old_password" not in kept
    assert kept["highlights"] == [WORDS]


def test_a_forged_post_is_refused_before_anything_is_kept(writer):
    browser = Client(enforce_csrf_checks=True)

    response = browser.post(writer.test_words_url, {"highlights": "Planted by another site."})

    assert response.status_code == 403
    assert saved_typing.SESSION_KEY not in browser.session


def test_too_much_typing_is_not_kept(writer, clock):
    browser = _browser(writer)
    clock.shift(dt.timedelta(minutes=31))

    response = _post_words(browser, writer, highlights="x" * (saved_typing.MAX_BYTES + 1))

    assert response.status_code == 302
    assert saved_typing.SESSION_KEY not in browser.session


def test_another_sites_referer_is_not_followed(writer, clock):
    browser = _browser(writer)
    clock.shift(dt.timedelta(minutes=31))

    response = browser.post(
        writer.test_words_url,
        {"highlights": WORDS, "csrfmiddlewaretoken": _csrf(browser)},
        HTTP_REFERER="https://elsewhere.example.org/phish/",
    )

    assert response.url == f"{reverse('login')}?next={writer.test_words_url}"


def test_a_form_shown_on_another_page_returns_to_that_page(writer, clock):
    """The challenge form lives on the report page but posts to its own address."""
    browser = _browser(writer)
    report_url = writer.test_report.get_absolute_url()
    clock.shift(dt.timedelta(minutes=31))

    response = browser.post(
        reverse("reporting:report_challenge", args=[writer.test_report.pk]),
        {"text": "Why is this amber?", "csrfmiddlewaretoken": _csrf(browser)},
        HTTP_REFERER=f"http://testserver{report_url}",
    )

    assert response.url == f"{reverse('login')}?next={report_url}"
    assert report_url in browser.session[saved_typing.SESSION_KEY]


def test_kept_typing_expires(writer, clock):
    browser = _browser(writer)
    clock.shift(dt.timedelta(minutes=31))
    _post_words(browser, writer)
    clock.shift(dt.timedelta(seconds=saved_typing.MAX_AGE + 1))
    browser.post(
        reverse("login"),
        {"username": "writer", "password": PASSWORD, "csrfmiddlewaretoken": _csrf(browser)},
    )

    assert _restored(browser.get(writer.test_words_url)) is None


def test_keep_alive_renews_the_session(writer, clock):
    browser = _browser(writer)
    home = reverse("home")
    for _ in range(3):  # 75 minutes in all, never 30 idle
        clock.shift(dt.timedelta(minutes=25))
        response = browser.post(reverse("session_keep_alive"), HTTP_X_CSRFTOKEN=_csrf(browser))
        assert response.json() == {"expires_in": settings.SESSION_COOKIE_AGE}
    assert browser.get(home).status_code == 200


def test_keep_alive_after_the_session_ended_sends_to_sign_in(writer, clock):
    browser = _browser(writer)
    clock.shift(dt.timedelta(minutes=31))

    response = browser.post(reverse("session_keep_alive"), HTTP_X_CSRFTOKEN=_csrf(browser))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_signed_in_pages_carry_the_warning_with_the_idle_time(commissioner_client):
    html = commissioner_client.get(reverse("home")).content.decode()

    assert f'data-idle-seconds="{settings.SESSION_COOKIE_AGE}"' in html
    assert "Stay signed in" in html
    assert "js/session-timeout.js" in html


def test_the_sign_in_page_has_no_warning_and_explains_an_idle_sign_out(client):
    html = client.get(reverse("login") + "?signed_out=idle").content.decode()

    assert "session-timeout.js" not in html
    assert "You were signed out because you had not done anything for a while" in html
