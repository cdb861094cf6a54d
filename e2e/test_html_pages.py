"""The hook that keeps each page's HTML for the Nu HTML Checker (no browser needed)."""

from types import SimpleNamespace

from e2e.html_pages import HtmlSaver, html_dir, keep_html

PAGE = "<!doctype html><html lang='en-GB'><head><title>Home</title></head><body></body></html>"


def _response(url: str, *, status: int = 200, kind: str = "document", body: str = PAGE):
    def text() -> str:
        if 300 <= status < 400:
            raise AssertionError("a redirect has no body: the saver must not ask for one")
        return body

    return SimpleNamespace(
        url=url,
        status=status,
        headers={"content-type": "text/html; charset=utf-8"},
        request=SimpleNamespace(resource_type=kind),
        text=text,
    )


def test_the_saver_writes_each_html_page_and_skips_the_rest(tmp_path, monkeypatch):
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw1")
    saver = HtmlSaver(tmp_path / "html", "e2e/test_journey_x.py::test_y (call)")
    written = [
        saver.response(_response("http://127.0.0.1:8000/priorities/actions/?page=2")),
        saver.response(_response("http://127.0.0.1:8000/", status=403)),
        saver.response(_response("http://127.0.0.1:8000/accounts/login/", status=302)),
        saver.response(_response("http://127.0.0.1:8000/static/css/jcm.css", kind="stylesheet")),
        saver.response(_response("http://127.0.0.1:8000/admin/auth/user/")),
    ]
    files = sorted((tmp_path / "html").iterdir())
    assert [path for path in written if path] == files
    # Named by the pytest-xdist worker, its own count, the journey and the page's path.
    assert [path.name.split("-")[0] for path in files] == ["gw1", "gw1"]
    assert [path.name.split("-", 2)[2] for path in files] == [
        "e2e_test_journey_x.py_test_y-priorities_actions.html",
        "e2e_test_journey_x.py_test_y-home.html",
    ]
    assert files[0].read_text(encoding="utf-8") == PAGE


def test_pages_keep_their_html_only_when_the_folder_is_set(tmp_path, monkeypatch):
    handlers = []
    page = SimpleNamespace(on=lambda event, handler: handlers.append((event, handler)))
    monkeypatch.delenv("E2E_HTML_DIR", raising=False)
    assert html_dir() is None
    keep_html(page)
    assert handlers == []

    monkeypatch.setenv("E2E_HTML_DIR", str(tmp_path))
    keep_html(page)
    [(event, handler)] = handlers
    assert event == "response"
    handler(_response("http://127.0.0.1:8000/governance/"))
    assert [path.name.endswith("-governance.html") for path in tmp_path.iterdir()] == [True]
