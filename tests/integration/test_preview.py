"""Designer tool: the live preview, as a designer uses it — in headless Chromium.

Contract: the page shows the edition's pages; a save of the style sheet on disk updates the
page image without a reload; a save that changes nothing re-sends no picture; a broken save
shows the error (file:line: key) over the last good pages, and fixing it brings pages back.
The server answers nothing outside its routes (no path reaches the disk), and the build goes to
a cache folder, never into the edition folder.

Everything runs on a copy of a sample edition cut to four stories (two pages), with a style
sheet in tmp_path that extends tabloid. Chromium is Debian's (/usr/bin/chromium, installed by
.ci/run); without it the browser test is skipped on a workstation and fails under CI.
"""
from __future__ import annotations

import http.client
import os
from pathlib import Path

import pytest

from layout.designer.preview import Preview
from layout.designer.server import PreviewServer

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]
TIMEOUT_MS = 60_000      # two cores shared with other builds: a rebuild takes a few seconds


def _style(size: str, key: str = "leading", close: str = "}") -> str:
    return f"extends: tabloid\nstyles:\n  body: {{size: {size}, {key}: 11.5pt{close}\n"


@pytest.fixture
def edition_and_style(small_edition, tmp_path) -> tuple[Path, Path]:
    """(edition folder, style sheet): four stories of the English sample, a sheet of our own."""
    style = tmp_path / "style" / "my.yaml"
    style.parent.mkdir()
    style.write_text(_style("9.5pt"), encoding="utf-8")
    return small_edition(4), style


@pytest.fixture
def server(edition_and_style):
    edition, style = edition_and_style
    running = PreviewServer(Preview(edition, str(style)), port=0)
    running.start()
    yield running
    running.stop()


def _get(server: PreviewServer, path: str) -> int:
    host, port = server.httpd.server_address[:2]
    connection = http.client.HTTPConnection(host, port, timeout=10)
    connection.putrequest("GET", path, skip_accept_encoding=True)   # path sent as written
    connection.endheaders()
    status = connection.getresponse().status
    connection.close()
    return status


def test_only_routes_are_served_and_the_edition_folder_is_left_alone(server, edition_and_style):
    edition, _style_file = edition_and_style
    before = sorted(p.relative_to(edition) for p in edition.rglob("*"))
    snapshot = server.preview.snapshot()
    assert snapshot.error is None and len(snapshot.pages) >= 2
    assert _get(server, "/") == 200
    assert _get(server, snapshot.as_json()["pages"][0]["url"]) == 200
    for path in ("/../README.md", "/../../etc/passwd", "/page/../../../etc/passwd",
                 "/edition.yaml", "/articles/", "/page/1-0123456789abcdef.png",
                 "/%2e%2e/%2e%2e/etc/passwd", "/build/edition.pdf"):
        assert _get(server, path) == 404, path
    assert sorted(p.relative_to(edition) for p in edition.rglob("*")) == before
    assert not server.preview.cache.is_relative_to(edition)
    assert (server.preview.cache / "build" / "edition.pdf").is_file()


def _browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("/usr/bin/chromium is missing under CI: .ci/run must install chromium")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    return playwright_api.sync_playwright()


def test_preview_follows_saves_in_the_browser(server, edition_and_style):
    _edition, style = edition_and_style
    with _browser() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            pictures: list[str] = []
            page.on("request", lambda r: pictures.append(r.url) if "/page/" in r.url else None)
            page.goto(server.url)
            page.wait_for_function("() => { const i = document.getElementById('page');"
                                   " return i.complete && i.naturalWidth > 0; }",
                                   timeout=TIMEOUT_MS)
            first = page.get_attribute("#page", "src")
            assert first.startswith("/page/1-")
            assert page.locator("#thumbs img").count() == len(server.preview.snapshot().pages)
            page.evaluate("window.notReloaded = true")

            def generation() -> int:
                return int(page.evaluate("document.body.dataset.generation"))

            def wait_for_build(after: int) -> None:
                page.wait_for_function(f"() => Number(document.body.dataset.generation) > {after}",
                                       timeout=TIMEOUT_MS)

            # A save that changes nothing: a new build, but no picture is fetched again.
            seen = len(pictures)
            now = generation()
            style.write_text(_style("9.5pt"), encoding="utf-8")
            wait_for_build(now)
            assert page.get_attribute("#page", "src") == first
            assert pictures[seen:] == []

            # A real change: the body size. The page image changes without a reload.
            now = generation()
            old_urls = {p["url"] for p in server.preview.snapshot().as_json()["pages"]}
            seen = len(pictures)
            style.write_text(_style("9pt"), encoding="utf-8")
            page.wait_for_function(f"() => {{ const i = document.getElementById('page');"
                                   f" return i.getAttribute('src') !== '{first}' && i.complete"
                                   f" && i.naturalWidth > 0; }}", timeout=TIMEOUT_MS)
            assert page.evaluate("window.notReloaded") is True
            assert generation() > now
            changed = page.get_attribute("#page", "src")
            assert changed.startswith("/page/1-") and changed != first
            assert not page.locator("#error").is_visible()
            # Only pictures that changed were fetched.
            page.wait_for_function("() => [...document.querySelectorAll('#thumbs img')]"
                                   ".every((i) => i.complete && i.naturalWidth > 0)",
                                   timeout=TIMEOUT_MS)
            new_urls = {p["url"] for p in server.preview.snapshot().as_json()["pages"]}
            fetched = [url.split(server.url.rstrip("/"), 1)[1] for url in pictures[seen:]]
            assert set(fetched) == new_urls - old_urls

            # A YAML typo: the error with file and line, over the last good pages.
            now = generation()
            style.write_text(_style("9pt", close=""), encoding="utf-8")
            page.wait_for_function("() => document.body.classList.contains('broken')",
                                   timeout=TIMEOUT_MS)
            error = page.text_content("#error")
            assert f"{style}:4" in error and "YAML" in error
            assert page.get_attribute("#page", "src") == changed
            assert page.locator("#page").is_visible()

            # A misspelt key: file, line and key path.
            now = generation()
            style.write_text(_style("9pt", key="leadng"), encoding="utf-8")
            wait_for_build(now)
            error = page.text_content("#error")
            assert f"{style}:3: styles.body.leadng: unknown key" in error

            # Fixed: the pages are back, the error gone.
            style.write_text(_style("9pt"), encoding="utf-8")
            page.wait_for_function("() => !document.body.classList.contains('broken')",
                                   timeout=TIMEOUT_MS)
            assert not page.locator("#error").is_visible()
            assert page.get_attribute("#page", "src") == changed
            assert page.evaluate("window.notReloaded") is True
        finally:
            browser.close()


def test_watches_the_edition_the_style_chain_and_its_fonts(edition_and_style):
    edition, style = edition_and_style
    preview = Preview(edition, str(style))
    try:
        snapshot = preview.rebuild()
        assert snapshot.error is None
        folders, files = preview.watched()
        tabloid = ROOT / "styles" / "tabloid.yaml"
        body_font = ROOT / "fonts" / "LiberationSerif-Regular.ttf"
        assert {edition.resolve(), style.parent.resolve(), tabloid.parent,
                body_font.parent} <= folders
        assert {style.resolve(), tabloid, body_font} <= files
        assert preview.relevant(style) and preview.relevant(tabloid)
        assert preview.relevant(body_font)
        assert preview.relevant(edition / "articles" / "new-story.md")
        assert preview.relevant(edition / "images" / "photo.jpg")
        assert not preview.relevant(ROOT / "styles" / "broadsheet.yaml")   # not in the chain
        assert not preview.relevant(edition / "articles" / ".story.md.swp")
        # A broken sheet: any YAML beside it may be what it extends now.
        style.write_text("extends: tabloid\nstyles: [\n", encoding="utf-8")
        assert preview.rebuild().error.startswith(f"{style}:")
        assert preview.relevant(ROOT / "styles" / "broadsheet.yaml")
        assert preview.snapshot().pages == snapshot.pages      # the last good pages stay
    finally:
        preview.close()
    assert not preview.cache.exists()
