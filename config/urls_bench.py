"""The product's URLs plus two bare pages, for the benchmarks only (config/settings/bench.py):
the same middleware, session and sign-in as every page, then a string, or the layout every page
shares (navigation, breadcrumbs, messages, footer) around a heading. Never in production."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import include, path


def bare(request: HttpRequest) -> HttpResponse:
    """The least a signed-in request costs: everything but a page."""
    return HttpResponse("ok", content_type="text/plain")


def layout(request: HttpRequest) -> HttpResponse:
    """The least a signed-in page costs: the shared layout around a heading."""
    return render(request, "bench/layout.html")


urlpatterns = [
    path("bench/bare/", bare),
    path("bench/layout/", layout),
    path("", include("config.urls")),
]
