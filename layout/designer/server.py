"""Designer tool (live preview), the server: HTTP on loopback + a file watcher → ``Preview``.

Routes (nothing else is served, and nothing is ever read from disk on a request, so no path can
reach outside the edition and project folders):

    /            the page (page.py)
    /state.json  the latest snapshot (page URLs, report, figures, error)
    /events      server-sent events: one ``build`` event per finished build
    /page/N-HASH.png   a page picture, by the hash of its content (cached by the browser)

The watcher (watchfiles, i.e. inotify/FSEvents, not a polling loop of ours) looks at the
edition folder and at the folders of the style chain and fonts, and rebuilds after each batch of
relevant changes; when the set of folders changes (the sheet now extends another), it restarts
on the new set.
"""
from __future__ import annotations

import html
import json
import re
import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import watchfiles

from ..errors import LayoutError
from .page import PAGE_HTML
from .preview import Preview

HEARTBEAT_SECONDS = 10.0
DEBOUNCE_MS = 150          # watchfiles' default (1.6 s) would be most of our time budget
_PAGE_URL = re.compile(r"^/page/(\d+)-([0-9a-f]{16})\.png$")


class PreviewServer:
    """The HTTP server and the watcher thread around one :class:`Preview`."""

    def __init__(self, preview: Preview, host: str = "127.0.0.1", port: int = 8000):
        self.preview = preview
        self._stop = threading.Event()
        handler = type("Handler", (_Handler,), {"preview": preview, "stopping": self._stop})
        self.httpd = ThreadingHTTPServer((host, port), handler)
        self.httpd.daemon_threads = True
        self._threads: list[threading.Thread] = []

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/"

    def start(self) -> None:
        """Build once, then serve and watch in background threads."""
        self.preview.rebuild()
        for target in (self.httpd.serve_forever, self._watch):
            thread = threading.Thread(target=target, daemon=True)
            thread.start()
            self._threads.append(thread)

    def _watch(self) -> None:
        failing = False
        while not self._stop.is_set():
            folders, _files = self.preview.watched()
            try:
                for _changes in watchfiles.watch(*sorted(folders), stop_event=self._stop,
                                                 watch_filter=lambda _c, p:
                                                 self.preview.relevant(p),
                                                 debounce=DEBOUNCE_MS, step=50,
                                                 raise_interrupt=False):
                    self.preview.rebuild()
                    if self.preview.watched()[0] != folders:
                        break          # watch the new set of folders
                failing = False
            except OSError:            # a watched folder went away (renamed, deleted): rebuild
                if not failing:        # once, which reports what is missing, then try again
                    self.preview.rebuild()
                failing = True
                self._stop.wait(1.0)

    def stop(self) -> None:
        self._stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        for thread in self._threads:
            thread.join(timeout=5)
        self.preview.close()


class _Handler(BaseHTTPRequestHandler):
    preview: Preview
    stopping: threading.Event
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # noqa: A002 - quiet: the terminal shows builds
        pass

    def do_GET(self):  # noqa: N802 - http.server's name
        path = self.path.split("?", 1)[0]
        if path == "/":
            title = html.escape(self.preview.edition.name)
            self._send(HTTPStatus.OK, "text/html; charset=utf-8",
                       PAGE_HTML.replace("{title}", title).encode())
        elif path == "/state.json":
            self._send(HTTPStatus.OK, "application/json",
                       json.dumps(self.preview.snapshot().as_json()).encode(), cache=False)
        elif path == "/events":
            self._events()
        elif (match := _PAGE_URL.match(path)) and \
                (picture := self.preview.picture(match.group(2))) is not None and \
                picture.number == int(match.group(1)):
            self._send(HTTPStatus.OK, "image/png", picture.png, cache=True)
        else:
            self._send(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8", b"not found\n")

    def _send(self, status, content_type: str, body: bytes, cache: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "public, max-age=31536000, immutable" if cache
                         else "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _events(self) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        generation = self.preview.snapshot().generation
        try:
            while not self.stopping.is_set():
                snapshot = self.preview.wait_newer(generation, HEARTBEAT_SECONDS)
                if snapshot.generation > generation:
                    generation = snapshot.generation
                    data = json.dumps(snapshot.as_json())
                    self.wfile.write(f"event: build\ndata: {data}\n\n".encode())
                else:
                    self.wfile.write(b": heartbeat\n\n")
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass


def serve(edition: Path, *, style: str | None = None, host: str = "127.0.0.1",
          port: int = 8000) -> int:
    """``newsprint preview``: serve until interrupted."""
    if not Path(edition).is_dir():
        raise LayoutError("not an edition folder (expected a directory holding edition.yaml)",
                          file=edition)
    preview = Preview(edition, style)
    try:
        server = PreviewServer(preview, host, port)
    except OSError as error:
        preview.close()
        raise LayoutError(f"cannot listen on {host}:{port}: {error.strerror or error}",
                          hint="pick another --port") from None
    server.start()
    snapshot = preview.snapshot()
    print(f"newsprint preview: {server.url} (edition {preview.edition}; Ctrl-C stops)")
    if snapshot.error:
        print(f"  build failed: {snapshot.error}", file=sys.stderr)
    try:
        last = snapshot.generation
        while True:
            snapshot = preview.wait_newer(last, 3600)
            if snapshot.generation > last:
                last = snapshot.generation
                state = f"error: {snapshot.error}" if snapshot.error else \
                    f"{len(snapshot.pages)} pages"
                print(f"  build {last}: {state} ({snapshot.seconds:.1f} s)", flush=True)
    except KeyboardInterrupt:
        print("newsprint preview: stopped")
    finally:
        server.stop()
    return 0
