"""One edition of a batch as a job: build it, write its archive folder, move it into place.

A job runs in a worker process — of a local process pool, or of a Dask distributed cluster
(which then must see the same file system) — and writes only inside the batch's staging
folder: first under ``STAGING/.work/``, then, complete, renamed to ``STAGING/data/NAME``.
That rename is the only sign that an edition is finished, so a batch killed at any moment
leaves finished editions and scraps of work, never a half-written edition in ``data/``.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from .. import __version__
from ..errors import LayoutError

SOURCE_FILE = "source.json"
WORK = ".work"


@dataclass(frozen=True)
class EditionJob:
    """What a worker needs to archive one edition (plain strings: it is pickled)."""

    folder: str
    name: str                # the edition's folder in the bag
    style: str | None
    fingerprint: str         # of the inputs; an edition whose fingerprint matches is reused
    staging: str


@dataclass(frozen=True)
class EditionOutcome:
    name: str
    ok: bool
    error: str = ""
    pages: int = 0
    articles: int = 0
    words: int = 0
    seconds: float = 0.0
    reused: bool = False


def fingerprint(folder: Path, style: str | None, styles_dir: Path) -> str:
    """A hash of everything an edition's archive depends on: Newsprint's version, the style
    asked for, every file of the edition folder and of the style sheets (by content)."""
    digest = hashlib.sha256(f"newsprint {__version__}\nstyle {style}\n".encode())
    roots = [("edition", folder), ("styles", styles_dir)]
    if style and Path(style).is_file():
        roots.append(("style", Path(style)))
    for label, root in roots:
        paths = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for path in paths:
            digest.update(f"{label}:{path.relative_to(root) if root.is_dir() else path.name}\n"
                          .encode())
            with open(path, "rb") as stream:
                for chunk in iter(lambda: stream.read(1 << 20), b""):
                    digest.update(chunk)
    return digest.hexdigest()


def finished(staging: Path, name: str) -> dict | None:
    """The source record of an edition finished in ``staging/data`` (None if it is not)."""
    try:
        return json.loads((staging / "data" / name / SOURCE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def run_job(job: EditionJob) -> EditionOutcome:
    """Build one edition and archive it into ``STAGING/data/NAME`` (see the module doc).
    Bad input is an unsuccessful outcome with the error's message, never an exception."""
    from ..build import build_edition            # workers import the pipeline themselves
    from ..outputs.archive import ArchiveOutput
    started = time.perf_counter()
    staging = Path(job.staging)
    work = staging / WORK / f"{job.name}-{uuid.uuid4().hex[:12]}"
    try:
        work.mkdir(parents=True)
        target = work / job.name
        result = build_edition(Path(job.folder), style=job.style, out=work / "build",
                               outputs=(ArchiveOutput(target),), workers=1)   # one per core
        words = sum(article.word_count for article in result.edition.articles)
        outcome = EditionOutcome(job.name, True, pages=len(result.pagination.pages),
                                 articles=len(result.edition.articles), words=words,
                                 seconds=round(time.perf_counter() - started, 2))
        record = {"edition": job.name, "title": result.edition.title,
                  "date": result.edition.date.isoformat(), "folder": job.folder,
                  "style": job.style,
                  "fingerprint": job.fingerprint, "newsprint": __version__,
                  "pages": outcome.pages, "articles": outcome.articles,
                  "body_words": outcome.words}
        (target / SOURCE_FILE).write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
        os.chmod(target / SOURCE_FILE, 0o644)
        final = staging / "data" / job.name
        final.parent.mkdir(exist_ok=True)
        if final.exists():
            os.replace(final, work / "replaced")
        os.replace(target, final)
        return outcome
    except LayoutError as error:
        return EditionOutcome(job.name, False, error.format(),
                              seconds=round(time.perf_counter() - started, 2))
    except Exception as error:              # a bug: reported by name, the batch goes on
        return EditionOutcome(job.name, False, f"internal error: {type(error).__name__}: "
                              f"{error}", seconds=round(time.perf_counter() - started, 2))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run_jobs(jobs: list[EditionJob], *, workers: int, scheduler: str | None = None,
             started: Callable[[EditionJob], None] = lambda job: None
             ) -> Iterator[EditionOutcome]:
    """Run ``jobs``, yielding outcomes as they finish: on the Dask cluster at ``scheduler``,
    in a pool of ``workers`` processes, or (one worker) in this process."""
    if not jobs:
        return
    if scheduler:
        yield from _on_dask(jobs, scheduler, started)
        return
    if workers <= 1 or len(jobs) == 1:
        for job in jobs:
            started(job)
            yield run_job(job)
        return
    # "spawn": a fresh interpreter per worker (no threads or locks inherited from this one).
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs)),
                             mp_context=get_context("spawn")) as pool:
        futures = {}
        for job in jobs:
            futures[pool.submit(run_job, job)] = job
            started(job)
        for future in as_completed(futures):
            yield future.result()


def connect(scheduler: str):
    """A Dask client of the scheduler at ``scheduler``; :class:`LayoutError` if it cannot be
    reached (within a few seconds)."""
    from dask.distributed import Client
    try:
        return Client(scheduler, timeout=5)
    except (OSError, TimeoutError, ValueError) as error:
        raise LayoutError(f"cannot reach the Dask scheduler at {scheduler}: {error}",
                          hint="start one (dask scheduler / dask worker) or drop "
                               "--scheduler") from None


def _on_dask(jobs: Iterable[EditionJob], scheduler: str,
             started: Callable[[EditionJob], None]) -> Iterator[EditionOutcome]:
    from dask.distributed import as_completed as dask_completed
    with connect(scheduler) as client:
        futures = []
        for job in jobs:
            futures.append(client.submit(run_job, job, pure=False, key=f"archive-{job.name}-"
                                         f"{uuid.uuid4().hex[:8]}"))
            started(job)
        for future in dask_completed(futures):
            yield future.result()
