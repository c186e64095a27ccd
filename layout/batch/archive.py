"""``newsprint archive``: many editions → one BagIt 1.0 bag, resumably, on several cores or a
Dask cluster.

    BAG.partial/data/NAME/   editions finished so far (see jobs.py), reused by a rerun
    BAG.partial/.work/       scraps of unfinished work, removed on the next run
    BAG/                     the finished bag: BAG.partial renamed once its tag files are
                             written, so a bag that exists is complete

A rerun with the same arguments after a crash or ``kill -9`` rebuilds only the editions that
did not finish. On a finished bag whose editions are all up to date it changes nothing; an
edition whose inputs changed (its fingerprint) is rebuilt and the bag remade around it.
"""
from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import LayoutError
from .bag import is_complete, write_bag
from .jobs import WORK, EditionJob, EditionOutcome, connect, fingerprint, finished, run_jobs
from .progress import BatchProgress


@dataclass
class ArchiveSummary:
    bag: Path
    editions: list[str]
    reused: list[str] = field(default_factory=list)
    built: list[EditionOutcome] = field(default_factory=list)
    failed: list[EditionOutcome] = field(default_factory=list)
    unchanged: bool = False           # the bag was already complete and up to date
    written: bool = False             # a bag was (re)made
    seconds: float = 0.0
    workers: int = 1
    scheduler: str | None = None


def archive(folders: list[Path], bag: Path, *, style: str | None = None, workers: int = 1,
            scheduler: str | None = None, styles_dir: Path, progress_stream=None
            ) -> ArchiveSummary:
    """Archive ``folders`` into ``bag`` (see the module doc). Editions that fail are in the
    summary's ``failed``; the others go into the bag. Raises :class:`LayoutError` only for
    a batch that cannot start (two editions of one name, ``bag`` not a bag)."""
    started = time.perf_counter()
    folders = [Path(folder) for folder in folders]
    names = [folder.resolve().name for folder in folders]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise LayoutError(f"two editions are both named {duplicates[0]!r}; each edition "
                          "folder's name is its folder in the bag", file=folders[0])
    bag = Path(bag).absolute()
    staging = bag.with_name(bag.name + ".partial")
    retired = bag.with_name(bag.name + ".old")
    if bag.exists() and (not bag.is_dir() or (any(bag.iterdir())
                                              and not (bag / "bagit.txt").exists())):
        raise LayoutError("exists and is not a bag; name a new folder or an earlier bag",
                          file=bag)
    if scheduler:
        connect(scheduler).close()          # say so now if it cannot be reached
    summary = ArchiveSummary(bag, names, workers=workers, scheduler=scheduler)
    prints = {name: fingerprint(folder, style, styles_dir) if folder.is_dir() else ""
              for name, folder in zip(names, folders)}

    def up_to_date(root: Path, name: str) -> bool:
        record = finished(root, name)
        return record is not None and bool(prints[name]) and \
            record.get("fingerprint") == prints[name]

    complete = is_complete(bag)
    if complete and not staging.exists():
        present = {path.name for path in (bag / "data").iterdir() if path.is_dir()}
        if present == set(names) and all(up_to_date(bag, name) for name in names):
            summary.reused, summary.unchanged = list(names), True
            summary.seconds = time.perf_counter() - started
            return summary
    (staging / "data").mkdir(parents=True, exist_ok=True)
    shutil.rmtree(staging / WORK, ignore_errors=True)
    if complete:          # start from the finished bag's editions that are still good
        for name in names:
            if not up_to_date(staging, name) and up_to_date(bag, name):
                copy = staging / WORK / name           # complete before it is in data/
                shutil.copytree(bag / "data" / name, copy, copy_function=os.link)
                shutil.rmtree(staging / "data" / name, ignore_errors=True)
                os.replace(copy, staging / "data" / name)
    summary.reused = [name for name in names if up_to_date(staging, name)]
    jobs = [EditionJob(str(folder.absolute()), name, style, prints[name], str(staging))
            for name, folder in zip(names, folders) if name not in summary.reused]
    # The longest first (by the size of its articles), so no worker is left with a big
    # edition at the end while the others wait.
    jobs.sort(key=lambda job: -_text_size(Path(job.folder)))
    with BatchProgress(len(jobs), stream=progress_stream) as progress:
        for outcome in run_jobs(jobs, workers=workers, scheduler=scheduler,
                                started=lambda job: progress.working(job.name)):
            if outcome.ok:
                summary.built.append(outcome)
                progress.done(outcome.name, f"{outcome.pages} pages in {outcome.seconds:.1f} s")
            else:
                summary.failed.append(outcome)
                progress.done(outcome.name, "FAILED")
    failed = {outcome.name for outcome in summary.failed}
    keep = set(names) - failed
    for path in (staging / "data").iterdir():
        if path.name not in keep:
            shutil.rmtree(path)
    shutil.rmtree(staging / WORK, ignore_errors=True)
    if keep:
        write_bag(staging, _bag_info(staging, bag, sorted(keep)), processes=max(1, workers))
        if bag.exists():
            shutil.rmtree(retired, ignore_errors=True)
            os.replace(bag, retired)
        os.replace(staging, bag)
        shutil.rmtree(retired, ignore_errors=True)
        summary.written = True
    summary.seconds = time.perf_counter() - started
    return summary


def _text_size(folder: Path) -> int:
    articles = folder / "articles"
    return sum(p.stat().st_size for p in articles.iterdir() if p.is_file()) \
        if articles.is_dir() else 0


def _bag_info(staging: Path, bag: Path, names: list[str]) -> dict[str, str]:
    records = [finished(staging, name) or {} for name in names]
    titles = sorted({record.get("title", "") for record in records} - {""})
    dates = sorted(record.get("date", "") for record in records if record.get("date"))
    span = f"{dates[0]} to {dates[-1]}" if dates and dates[0] != dates[-1] else \
        (dates[0] if dates else "")
    pages = sum(record.get("pages", 0) for record in records)
    return {
        "Source-Organization": "; ".join(titles),
        "External-Identifier": bag.name,
        "External-Description": (f"{len(names)} newspaper editions ({span}, {pages} pages) "
                                 "typeset by Newsprint: per edition a PDF/A-2u copy, ALTO 4.4 "
                                 "per page with every printed word, METS 1.12.1 with MODS and "
                                 "article segmentation, manifest.json"),
        "Newsprint-Editions": ", ".join(names),
    }


def _editions(count: int) -> str:
    return f"{count} edition{'' if count == 1 else 's'}"


def report(summary: ArchiveSummary) -> str:
    """The summary printed at the end of ``newsprint archive``."""
    where = f"Dask scheduler {summary.scheduler}" if summary.scheduler else \
        f"{summary.workers} worker{'s' if summary.workers != 1 else ''}"
    if summary.unchanged:
        return (f"{summary.bag}: up to date, nothing to do ({_editions(len(summary.reused))} "
                "reused, bag unchanged)")
    lines = []
    kept = len(summary.reused) + len(summary.built)
    if summary.written:
        pages = sum(o.pages for o in summary.built)
        lines.append(f"{summary.bag}: BagIt 1.0 bag of {_editions(kept)} — "
                     f"{len(summary.reused)} reused, {len(summary.built)} built "
                     f"({pages} pages) on {where} in {summary.seconds:.1f} s")
    else:
        lines.append(f"{summary.bag}: no bag written: no edition could be archived")
    for outcome in summary.failed:
        lines.append(f"  failed: {outcome.name}: {outcome.error}")
    if summary.failed:
        lines.append(f"{len(summary.failed)} of {len(summary.editions)} editions failed and "
                     "are not in the bag; fix them and run the same command again")
    return "\n".join(lines)
