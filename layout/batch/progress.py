"""Progress of a batch on the terminal: a bar (editions done / total, the latest edition,
time left) when stderr is a terminal (rich), plain lines otherwise (logs, CI)."""
from __future__ import annotations

import sys
import time


class BatchProgress:
    """``with BatchProgress(total) as progress: progress.done(name, note)``."""

    def __init__(self, total: int, *, stream=None):
        self.total = total
        self.count = 0
        self.stream = stream or sys.stderr
        self.started = time.perf_counter()
        self._bar = None

    def __enter__(self) -> "BatchProgress":
        if self.total and self.stream.isatty():
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                       TimeElapsedColumn, TimeRemainingColumn)
            self._bar = Progress(TextColumn("archive"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("{task.description}"), TimeElapsedColumn(),
                                 TextColumn("left"), TimeRemainingColumn(),
                                 console=Console(file=self.stream), transient=False)
            self._bar.__enter__()
            self._task = self._bar.add_task("starting", total=self.total)
        return self

    def working(self, name: str) -> None:
        if self._bar is not None:
            self._bar.update(self._task, description=name)

    def done(self, name: str, note: str) -> None:
        self.count += 1
        if self._bar is not None:
            self._bar.update(self._task, advance=1, description=f"{name}: {note}")
            return
        elapsed = time.perf_counter() - self.started
        left = elapsed / self.count * (self.total - self.count)
        print(f"archive: {self.count}/{self.total} {name}: {note} "
              f"({elapsed:.0f} s, about {left:.0f} s left)", file=self.stream, flush=True)

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)
