"""Designer tool (live preview), the model: edition + style → the latest pictures, report, error.

``Preview.rebuild()`` builds the edition into a cache folder of its own (never the edition
folder), renders every page to a PNG named by its content hash, and publishes a new
:class:`Snapshot`. A build that fails (bad YAML, unknown key, missing photo …) keeps the last
good pages and adds the error, worded as the command line words it (file:line: key: message).
``watched()`` tells the watcher which folders and files the build read: the edition folder,
the style sheet and every sheet it extends, and the font files it names.
"""
from __future__ import annotations

import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..build import STYLES_DIR, build_edition, resolve_style
from ..errors import LayoutError
from ..report import build_report
from ..stylesheet.inherit import find_sheet, load_chain
from .raster import PagePicture, PageRenderer, render_pictures


@dataclass(frozen=True)
class Snapshot:
    """What the browser is shown after build number ``generation``."""

    generation: int
    pages: tuple[PagePicture, ...] = ()
    report: str = ""
    summary: dict = field(default_factory=dict)
    error: str | None = None
    built_at: float = 0.0          # time.time() when the build finished
    seconds: float = 0.0           # build + rendering
    build_seconds: float = 0.0     # the build alone (BuildResult.seconds)

    def as_json(self) -> dict:
        return {"generation": self.generation, "error": self.error, "report": self.report,
                "summary": self.summary, "built_at": self.built_at,
                "seconds": round(self.seconds, 2), "build_seconds": round(self.build_seconds, 2),
                "pages": [{"number": p.number, "url": f"/page/{p.number}-{p.digest}.png",
                           "width": p.width, "height": p.height} for p in self.pages]}


def summary(result) -> dict:
    """The build report's headline figures, for the page's side panel."""
    pages = result.pagination.pages
    return {
        "pages": len(pages),
        "articles": len(result.edition.articles),
        "jumps": [f"{j.article}: page {j.from_page} → {j.to_page}"
                  for j in result.pagination.jumps],
        "holes": [round(100 * p.hole_lines / p.grid_lines, 1) if p.grid_lines else 0.0
                  for p in pages],
        "loose_lines": result.typesetting.loose_20,
        "warnings": [f"{d.kind}: {d.format()}" for d in result.diagnostics],
        "style": result.style.name,
    }


class Preview:
    """Builds one edition on demand and keeps the latest :class:`Snapshot` (thread-safe)."""

    def __init__(self, edition: Path, style: str | None = None, render_workers: int = 2):
        self.edition = Path(edition).resolve()
        self.style = style
        self.cache = Path(tempfile.mkdtemp(prefix="newsprint-preview-"))
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._snapshot = Snapshot(0)
        self._pictures: dict[str, PagePicture] = {}      # digest → picture, current + last
        self._files: set[Path] = set()                   # style chain and fonts, last known
        self._folders: set[Path] = set()
        # Pages rendered on two processes (half the time); 0 or 1: in this process.
        self._renderer = PageRenderer(render_workers) if render_workers > 1 else None

    # --- building ---------------------------------------------------------------------------

    def rebuild(self) -> Snapshot:
        """Build, render and publish; never raises for bad input."""
        started = time.perf_counter()
        previous = self.snapshot()
        try:
            result = build_edition(self.edition, style=self.style, out=self.cache / "build")
            known = {p.digest: p for p in previous.pages}
            pictures = tuple(self._renderer.render(result.pdf, known) if self._renderer
                             else render_pictures(result.pdf, known=known))
            self._remember(result)
            snapshot = Snapshot(previous.generation + 1, pictures, build_report(result),
                                summary(result), None, time.time(),
                                time.perf_counter() - started, result.seconds)
        except LayoutError as error:
            self._remember_error(error)
            snapshot = Snapshot(previous.generation + 1, previous.pages, previous.report,
                                previous.summary, error.format(), time.time(),
                                time.perf_counter() - started)
        except Exception as error:   # a bug: show it, keep serving
            snapshot = Snapshot(previous.generation + 1, previous.pages, previous.report,
                                previous.summary, f"internal error: {type(error).__name__}: "
                                f"{error} (run newsprint build --debug and report it)",
                                time.time(), time.perf_counter() - started)
        with self._changed:
            self._pictures = {p.digest: p for p in (*previous.pages, *snapshot.pages)}
            self._snapshot = snapshot
            self._changed.notify_all()
        return snapshot

    def snapshot(self) -> Snapshot:
        with self._lock:
            return self._snapshot

    def wait_newer(self, generation: int, timeout: float) -> Snapshot:
        """The snapshot after ``generation``, or the current one after ``timeout`` seconds."""
        with self._changed:
            self._changed.wait_for(lambda: self._snapshot.generation > generation, timeout)
            return self._snapshot

    def picture(self, digest: str) -> PagePicture | None:
        with self._lock:
            return self._pictures.get(digest)

    def close(self) -> None:
        if self._renderer is not None:
            self._renderer.close()
        shutil.rmtree(self.cache, ignore_errors=True)

    # --- what to watch ------------------------------------------------------------------------

    def _remember(self, result) -> None:
        files = set(_style_chain(result.style.file))
        for family in result.style.fonts.values():
            files.update(Path(p).resolve() for p in (family.regular, family.bold, family.italic,
                                                     family.bold_italic) if p is not None)
        with self._lock:
            self._files = files
            self._folders = {f.parent for f in files}

    def _remember_error(self, error: LayoutError) -> None:
        """A failed build still names its files: keep watching them, and the sheet it named."""
        named = [e.file for e in getattr(error, "errors", [error]) if e.file is not None]
        with self._lock:
            for file in named:
                path = Path(file).resolve()
                if not path.is_relative_to(self.edition):
                    self._files.add(path)
                    self._folders.add(path.parent)

    def watched(self) -> tuple[set[Path], set[Path]]:
        """(folders to watch, files outside the edition folder whose change means a rebuild).

        Before any good build, the style sheet is found from the edition (or --style) as the
        build would find it, and the styles folder is watched as a whole."""
        with self._lock:
            files, folders = set(self._files), set(self._folders)
        if not files:
            try:
                sheet = find_sheet(self._style_name(), STYLES_DIR)
                files.update(_style_chain(sheet))
            except LayoutError:
                pass
            folders.update(f.parent for f in files)
            folders.add(STYLES_DIR.resolve())
        folders = {f for f in folders if f.is_dir() and not f.is_relative_to(self.edition)}
        return {self.edition, *folders}, files

    def _style_name(self) -> str | Path:
        if self.style:
            return self.style
        try:
            from ..sources import load_edition
            return resolve_style(load_edition(self.edition), None)
        except LayoutError:
            return "tabloid"

    def relevant(self, path: Path) -> bool:
        """Whether a change to ``path`` should rebuild: anything in the edition folder (but
        editors' swap and backup files), a known style or font file, any YAML file in a
        watched folder while the style chain is unknown or broken."""
        path = Path(path).resolve()
        name = path.name
        if name.startswith(".") or name.endswith(("~", ".swp", ".swx", ".tmp")):
            return False
        if path.is_relative_to(self.edition):
            return True
        with self._lock:
            if path in self._files:
                return True
            broken = self._snapshot.error is not None or not self._files
        return broken and path.suffix in (".yaml", ".yml")


def _style_chain(sheet: Path) -> list[Path]:
    """The sheet and every sheet it extends (as far as they can be read)."""
    try:
        return [Path(f).resolve() for f in load_chain(Path(sheet), STYLES_DIR).files]
    except LayoutError:
        return [Path(sheet).resolve()]
