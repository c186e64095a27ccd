#!/usr/bin/env python3
"""Live preview latency: time from saving the style sheet to the updated page image shown in
headless Chromium (Debian's /usr/bin/chromium via Playwright), on a copy of a sample edition.

    .venv/bin/python benchmarks/bench_preview.py [EDITION] [--rounds N]

Prints, per save: save → image shown (what the designer waits), of which the build + render
(the server's own figure) and the rest (watcher debounce, server-sent event, image fetch).
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from layout.designer.preview import Preview
from layout.designer.server import PreviewServer

ROOT = Path(__file__).resolve().parents[1]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("edition", nargs="?", default=str(ROOT / "editions" / "defense-daily-en"))
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-preview-"))
    try:
        edition = work / "edition"
        shutil.copytree(args.edition, edition)
        style = work / "style.yaml"
        sizes = ["9.5pt", "9pt"]
        style.write_text(f"extends: tabloid\nstyles:\n  body: {{size: {sizes[0]}}}\n")
        server = PreviewServer(Preview(edition, str(style)), port=0)
        server.start()
        waits, builds = [], []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(server.url)
            page.wait_for_function("() => { const i = document.getElementById('page');"
                                   " return i.complete && i.naturalWidth > 0; }", timeout=60000)
            for round_ in range(1, args.rounds + 1):
                before = page.get_attribute("#page", "src")
                size = sizes[round_ % 2]
                saved = time.perf_counter()
                style.write_text(f"extends: tabloid\nstyles:\n  body: {{size: {size}}}\n")
                page.wait_for_function(
                    f"() => {{ const i = document.getElementById('page'); return "
                    f"i.getAttribute('src') !== '{before}' && i.complete && i.naturalWidth > 0; }}",
                    timeout=120000, polling=20)
                wait = time.perf_counter() - saved
                build = server.preview.snapshot().seconds
                alone = server.preview.snapshot().build_seconds
                waits.append(wait)
                builds.append(build)
                print(f"save {round_} (body {size}): image shown after {wait:.2f} s "
                      f"(build {alone:.2f} s + render {build - alone:.2f} s, "
                      f"the rest {wait - build:.2f} s; "
                      f"{len(server.preview.snapshot().pages)} pages)", flush=True)
            browser.close()
        server.stop()
        print(f"median: save → image {statistics.median(waits):.2f} s, build + render "
              f"{statistics.median(builds):.2f} s, the rest "
              f"{statistics.median(w - b for w, b in zip(waits, builds)):.2f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
