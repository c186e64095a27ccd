"""Page locks: the pages of a previous build that a late rebuild must keep as they were.

Frozen values read from the previous build's ``manifest.json`` (``sources/locks.py``) and
handed to pagination (``paginate/locked.py``), which re-sets only the text inside them.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LockedModule:
    """One module of a locked page, in grid units, as the previous build placed it."""

    article: str
    part: int
    column: int
    row: int             # top grid line under the masthead's top (content top = 0)
    columns: int
    lines: int           # the module's depth in grid lines, head to foot
    jumps: bool          # the previous build continued the story on a later page
    photo: bool          # the part carried the story's main photo
    filler: bool = False
    body: int | None = None     # body lines the text was poured into (None: not recorded)
    reach: int | None = None    # lines from its top that copyfitting filled
    smaller: int = 0            # head set this many sizes down (off a neighbour's size)
    even: bool = False          # body poured evenly over the columns


@dataclass(frozen=True)
class LockedAd:
    file: str
    column: int
    row: int
    columns: int
    lines: int


@dataclass(frozen=True)
class LockedPage:
    number: int
    modules: tuple[LockedModule, ...]
    ads: tuple[LockedAd, ...] = ()


@dataclass(frozen=True)
class Locks:
    """Locked pages by number, and where they came from (for messages)."""

    pages: tuple[LockedPage, ...]
    manifest: str                  # the previous manifest.json they were read from
    source: str                    # "--lock 1-3" or "edition.yaml:7: lock" (for messages)
    grid: tuple[int, int, int] | None = None   # (columns, rows, masthead rows) it was made on

    def page(self, number: int) -> LockedPage | None:
        return next((page for page in self.pages if page.number == number), None)

    @property
    def numbers(self) -> tuple[int, ...]:
        return tuple(page.number for page in self.pages)
