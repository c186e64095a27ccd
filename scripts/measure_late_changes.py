#!/usr/bin/env python3
"""How far a late change reaches: for each story of an edition, add one paragraph, make the
pages again (no locks), and count the modules that moved on the pages before the one the story
was on. Developer tool (pagination only, nothing written).

    .venv/bin/python scripts/measure_late_changes.py editions/defense-daily-en [STORY ...]

A line per story: its page before → after, how many modules before its page moved, and how many
moved before the earliest page it is on (before or after the change: a story that grows may be
pulled onto an earlier page, which then changes with it); then the totals of both.
"""
from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from layout.build import load
from layout.compose.galley import GalleyComposer
from layout.model.edition import Block, BlockKind, Span
from layout.paginate import paginate
from layout.text.paragraph import Typesetter

LATE = ("A late paragraph added at deadline, long enough to take a few lines of the column: the "
        "desk had word that the ministry would issue a further statement in the evening, and the "
        "story was updated to say so before the page closed.")


def modules(edition, sheet) -> dict[tuple[str, int], tuple[int, int, int, int, int]]:
    typesetter = Typesetter(sheet)
    pagination = paginate(edition, sheet, typesetter, GalleyComposer(sheet, typesetter))
    return {(m.article, m.part): (page.number, m.column, m.row, m.columns, m.lines)
            for page in pagination.pages for m in page.modules}


def main() -> int:
    edition, sheet = load(Path(sys.argv[1]))
    before = modules(edition, sheet)
    stories = sys.argv[2:] or [a.id for a in edition.articles]
    moved_any = pulled = moved_before_earliest = 0
    for story in stories:
        page = before[(story, 0)][0]
        longer = tuple(replace(a, blocks=a.blocks + (Block(BlockKind.PARAGRAPH, (Span(LATE),)),))
                       if a.id == story else a for a in edition.articles)
        after = modules(replace(edition, articles=longer), sheet)
        earlier = [key for key, where in before.items() if where[0] < page]
        moved = [key for key in earlier if after.get(key) != before[key]]
        now = after[(story, 0)][0]
        earliest = min(page, now)
        before_earliest = [key for key in earlier if before[key][0] < earliest
                           and after.get(key) != before[key]]
        moved_any += bool(moved)
        pulled += bool(moved) and now < page
        moved_before_earliest += bool(before_earliest)
        print(f"{story:45s} page {page} -> {now}: {len(moved)} of {len(earlier)} modules "
              f"before page {page} moved, {len(before_earliest)} before page {earliest}",
              flush=True)
    print(f"changes that moved an earlier page: {moved_any} of {len(stories)}; "
          f"of those, the story went onto that page: {pulled}; changes that moved a page "
          f"before the earliest the story is on: {moved_before_earliest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
