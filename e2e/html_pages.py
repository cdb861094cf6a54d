"""Keep the HTML of every page the browser journeys open, for the W3C Nu HTML Checker.

With E2E_HTML_DIR set (.ci/run and `make html-check` set it), every page of a journey (each is
watched by e2e.browser.watch_console_for_csp_violations) hands each HTML document it receives to
an HtmlSaver, which writes the body as the server sent it (not
the DOM after scripts ran) to one file per page in that folder; `java -jar vnu.jar
--errors-only` then checks the folder. Django admin's own pages are left out, as for axe: its
templates are not ours to fix.
"""

import itertools
import os
import re
from pathlib import Path
from typing import Protocol

HTML_DIR_VARIABLE = "E2E_HTML_DIR"
SKIPPED_PATHS = ("/admin/",)
# One numbering for the whole run, so two pages of one journey never write the same file.
_NUMBERS = itertools.count(1)


class _Request(Protocol):
    resource_type: str


class _Response(Protocol):
    url: str
    status: int
    headers: dict[str, str]
    request: _Request

    def text(self) -> str: ...


def html_dir() -> Path | None:
    """The folder to keep pages in, or None when E2E_HTML_DIR is unset."""
    folder = os.environ.get(HTML_DIR_VARIABLE)
    return Path(folder) if folder else None


class HtmlSaver:
    """Writes each HTML document a page receives to `folder`, named by journey and order."""

    def __init__(self, folder: Path, journey: str) -> None:
        self.folder = folder
        self.stem = re.sub(r"[^\w.-]+", "_", journey.split(" ")[0]).strip("_")
        folder.mkdir(parents=True, exist_ok=True)

    def response(self, response: _Response) -> Path | None:
        """Keep `response` if it is one of our HTML pages; return the file written."""
        if response.request.resource_type != "document" or 300 <= response.status < 400:
            return None  # a redirect has no body to check
        if "text/html" not in response.headers.get("content-type", ""):
            return None
        path = re.sub(r"^[a-z]+://[^/]+", "", response.url).split("?")[0]
        if path.startswith(SKIPPED_PATHS):
            return None
        try:
            body = response.text()
        except Exception:  # noqa: BLE001 - the page closed before its body arrived
            return None
        slug = re.sub(r"[^\w-]+", "_", path).strip("_") or "home"
        # The pytest-xdist worker's name too: each worker numbers its own pages.
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        target = self.folder / f"{worker}-{next(_NUMBERS):05d}-{self.stem}-{slug}.html"
        target.write_text(body, encoding="utf-8")
        return target


def keep_html(page) -> None:
    """Have `page` keep its HTML documents when E2E_HTML_DIR is set; do nothing otherwise."""
    folder = html_dir()
    if folder is not None:
        journey = os.environ.get("PYTEST_CURRENT_TEST", "journey")
        page.on("response", HtmlSaver(folder, journey).response)
