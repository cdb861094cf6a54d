"""The product's URLs plus a bare view, for the benchmarks only (config/settings/bench.py):
the same middleware, session and sign-in as every page, then a string. Never in production."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path


def bare(request: HttpRequest) -> HttpResponse:
    """The least a signed-in request costs: everything but a page."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare), path("", include("config.urls"))]
