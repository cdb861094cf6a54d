"""No lost typing: a form posted after the session ended comes back filled in after signing in.

`LoginRequiredKeepingTypingMiddleware` takes the place of Django's LoginRequiredMiddleware.
When an anonymous POST reaches a page that needs a signed-in user (the idle session ended while
the form was open), it keeps the posted fields in the new, anonymous session, keyed by the page
the form was on, and sends the visitor to sign in with `next` set to that page. Signing in keeps
the session's data (Django only cycles its key), and the first GET of the page by the signed-in
user takes the fields out (once) for `templates/_partials/session_timeout.html`, whose script
`static/js/saved-typing.js` puts them back into the form by field name.

What is kept, and what is not:
- only text fields: files are not in request.POST, and the CSRF token and any field whose name
  mentions a password are left out;
- only posts that passed the CSRF check (CsrfViewMiddleware runs first): a forged cross-site
  post cannot plant values in someone's form. The CSRF cookie outlives the session, so a post
  made after the session ended passes;
- at most MAX_BYTES of fields, for at most MAX_PAGES pages, for at most MAX_AGE: nothing is
  kept beyond that;
- the page returned to is the one the form was on (the Referer, when it is this site), or else
  the address posted to; never another site.
"""

import json
import time
from urllib.parse import urlsplit

from django.contrib import messages
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest
from django.shortcuts import resolve_url

SESSION_KEY = "jcm_saved_typing"
MAX_BYTES = 64 * 1024
MAX_PAGES = 5
MAX_AGE = 60 * 60  # seconds
LEFT_OUT = {"csrfmiddlewaretoken"}

KEPT_MESSAGE = (
    "You were signed out, so nothing was saved. Sign in again: what you typed will be back in "
    "the form, ready to check and save."
)
RESTORED_MESSAGE = (
    "What you typed before you were signed out is back in the form. It has not been saved yet: "
    "check it, then save."
)


def posted_fields(request: HttpRequest) -> dict[str, list[str]]:
    """The text fields of a POST worth keeping: no CSRF token, nothing named like a password."""
    return {
        name: values
        for name, values in request.POST.lists()
        if name not in LEFT_OUT and "password" not in name.lower()
    }


def return_path(request: HttpRequest) -> str:
    """The page the form was on: the Referer when it is on this site, else the page posted to."""
    referer = urlsplit(request.headers.get("Referer", ""))
    same_site = referer.netloc == request.get_host() and referer.scheme == request.scheme
    if same_site and referer.path.startswith("/") and not referer.path.startswith("//"):
        return referer.path + (f"?{referer.query}" if referer.query else "")
    return request.get_full_path()


def keep(request: HttpRequest) -> str | None:
    """Keep an anonymous POST's fields in the session; answer the page to return to, or None
    when there was nothing (or too much) to keep."""
    fields = posted_fields(request)
    if not fields or len(json.dumps(fields)) > MAX_BYTES:
        return None
    page = return_path(request)
    kept = {
        path: entry
        for path, entry in request.session.get(SESSION_KEY, {}).items()
        if time.time() - entry["at"] < MAX_AGE
    }
    kept[urlsplit(page).path] = {"at": time.time(), "fields": fields}
    # The newest pages win when there are too many.
    newest = sorted(kept.items(), key=lambda item: item[1]["at"])[-MAX_PAGES:]
    request.session[SESSION_KEY] = dict(newest)
    return page


def take(request: HttpRequest) -> dict[str, list[str]] | None:
    """The fields kept for this page, taken out of the session: they are restored only once."""
    kept = request.session.get(SESSION_KEY)
    if not kept or request.path not in kept:
        return None
    entry = kept.pop(request.path)
    request.session[SESSION_KEY] = kept
    if time.time() - entry["at"] >= MAX_AGE:
        return None
    return entry["fields"]


class LoginRequiredKeepingTypingMiddleware(LoginRequiredMiddleware):
    """Django's LoginRequiredMiddleware, keeping what an expired session's form posted."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.user.is_authenticated and request.method == "GET":
            request.saved_typing = take(request)
            if request.saved_typing:
                messages.info(request, RESTORED_MESSAGE)
        return super().process_view(request, view_func, view_args, view_kwargs)

    def handle_no_permission(self, request, view_func):
        page = keep(request) if request.method == "POST" else None
        if page is None:
            return super().handle_no_permission(request, view_func)
        messages.info(request, KEPT_MESSAGE)
        # Back to the form's page after signing in, not to the address it posted to.
        return redirect_to_login(
            page,
            resolve_url(self.get_login_url(view_func)),
            self.get_redirect_field_name(view_func),
        )
