"""Unit: placing stories on a tiny hand-built page (``Paginator.place``), with hand-built
galleys — heads and bodies of so many grid lines, no text — instead of the composer's.

The page is the tabloid style's grid (5 columns × 100 grid lines); pictures show the skyline,
the first free grid line of each column, after placing.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from layout.build import STYLES_DIR
from layout.compose.blocks import Block
from layout.compose.galley import FlowItem
from layout.model import Article, Edition
from layout.paginate.placer import Paginator
from layout.paginate.work import Jumped, NoRoom, PageState, Placed, Work
from layout.stylesheet import load_stylesheet
from layout.text.paragraph import Typesetter


class Galleys:
    """Stories as the page maker sees them: a head ``head`` lines deep at any width, and a
    body of one-line paragraphs (no widows to keep), ``lines`` of them."""

    def __init__(self, heads: dict[str, int], lines: dict[str, int]):
        self.heads, self.lines, self.diagnostics = heads, lines, []

    def header(self, article, columns, smaller=0):
        return Block(self.heads[article.id], ())

    def jump_header(self, article, columns, from_page):
        return Block(2, ())

    def photo(self, article, columns, content_height):
        return None, 0

    def body(self, article):
        return tuple(FlowItem("line", 1, (), para=n, index=0, count=1)
                     for n in range(self.lines[article.id]))

    def headline_fits(self, article, columns):
        return True

    def can_shrink(self, article, columns, smaller):
        return False

    def jump_line(self, article, to_page, columns=1):
        return Block(1, ())


@pytest.fixture(scope="module")
def sheet():
    return load_stylesheet("tabloid", styles_dir=STYLES_DIR)


@pytest.fixture(scope="module")
def typesetter(sheet):
    return Typesetter(sheet)


def story(name: str, **fields) -> Article:
    return Article(id=name, file=Path(f"/edition/articles/{name}.md"), headline=name, blocks=(),
                   **fields)


def page_maker(sheet, typesetter, heads, lines, **fields):
    articles = tuple(story(name, **fields.get(name, {})) for name in heads)
    edition = Edition(root=Path("/edition"), title="Test", date=dt.date(2026, 11, 28),
                      articles=articles)
    paginator = Paginator(edition, sheet, typesetter, Galleys(heads, lines))
    state = PageState(2, sheet, paginator.rows, 0)
    return paginator, state, {a.id: a for a in articles}


def skyline(state) -> str:
    return " ".join(f"{row:3d}" for row in state.skyline)


def test_a_story_goes_whole_to_the_highest_spot_at_its_width(sheet, typesetter):
    # A two-column story (head 3, 40 lines → 20 a column) on a page whose columns 1-2 are
    # taken down to line 30: it goes beside them, at the top of columns 3-4.
    #
    #   col   1   2   3   4   5
    #   top  30  30   0   0   0     before
    #   top  30  30  24  24   0     after (3 + 20 lines + 1 gap)
    paginator, state, stories = page_maker(sheet, typesetter, {"a": 3, "b": 3},
                                           {"a": 60, "b": 40}, b={"columns": 2})
    state.skyline[:2] = [30, 30]
    trial = paginator.place(Work(stories["b"]), state, whole=True)
    assert trial == Placed()
    assert skyline(state) == " 30  30  24  24   0"
    [module] = state.modules
    assert (module.spot.column, module.spot.width, module.spot.top, module.height) == (2, 2, 0, 20)
    assert [f.rows for f in module.fills] == [20, 20]


def test_a_story_too_long_for_the_room_left_is_no_room_whole_and_jumps_when_cut(sheet, typesetter):
    # Every column taken down to line 80: 20 lines left. A story of 300 lines cannot go whole;
    # cut, it fills the gap and its rest goes on.
    paginator, state, stories = page_maker(sheet, typesetter, {"long": 2}, {"long": 300},
                                           long={"columns": 5})
    state.skyline[:] = [80] * 5
    whole = paginator.place(Work(stories["long"]), state, whole=True)
    assert isinstance(whole, NoRoom) and "room" in whole.reason
    assert state.modules == []                  # a failed trial leaves the page as it was
    cut = paginator.place(Work(stories["long"]), state, whole=False)
    assert isinstance(cut, Jumped)
    [module] = state.modules
    placed = sum(f.rows for f in module.fills)
    # 5 columns × (20 - 2 head lines), less the line kept for "Continued on page N".
    assert placed == 5 * 18 - 1
    assert cut.rest.start == placed and cut.rest.part == 1 and cut.rest.from_page == 2


def test_a_jump_that_would_leave_a_stub_is_no_room(sheet, typesetter):
    # 20 lines left in five columns (89 lines of text) and a story of 92: the rest would be a
    # stub of 3 lines on the next page — not made.
    paginator, state, stories = page_maker(sheet, typesetter, {"s": 2}, {"s": 92},
                                           s={"columns": 5})
    state.skyline[:] = [80] * 5
    trial = paginator.place(Work(stories["s"]), state, whole=False)
    assert isinstance(trial, NoRoom) and "stub" in trial.reason
    assert state.modules == []


# -- locked pages ---------------------------------------------------------------------------

def locked_page_maker(sheet, typesetter, heads, lines, modules):
    from layout.model.locks import LockedPage, Locks
    articles = tuple(story(name) for name in heads)
    edition = Edition(root=Path("/edition"), title="Test", date=dt.date(2026, 11, 28),
                      articles=articles)
    locks = Locks((LockedPage(2, tuple(modules)),), "/out/manifest.json", "--lock 2")
    paginator = Paginator(edition, sheet, typesetter, Galleys(heads, lines), locks)
    return paginator, locks, {a.id: Work(a) for a in articles}


def test_a_locked_module_keeps_its_place_and_oversets_what_no_longer_fits(sheet, typesetter):
    # The previous build put "a" at column 1, line 0, 2 columns × 12 lines (head 2, body 10),
    # and "b" beside it, 3 columns × 30 lines. "a" has grown to 26 lines: 20 fit, 6 are
    # overset — reported, not moved; "b" (30 lines in 3 × 28) fits and is balanced.
    #
    #   col   1   2   3   4   5
    #         a   a   b   b   b      rows 0-11: a (2 + 10);  rows 0-29: b (2 + 28)
    from layout.model.locks import LockedModule
    modules = [LockedModule("a", 0, 0, 0, 2, 12, False, False),
               LockedModule("b", 0, 2, 0, 3, 30, False, False)]
    paginator, locks, works = locked_page_maker(sheet, typesetter, {"a": 2, "b": 2},
                                                {"a": 26, "b": 30}, modules)
    state, continuations = paginator.locked.make(2, 0, locks.pages[0], works, [])
    assert continuations == []
    a, b = state.modules
    assert (a.spot.column, a.spot.top, a.spot.width, a.spot.header.rows + a.height) == (0, 0, 2, 12)
    assert [f.rows for f in a.fills] == [10, 10]
    assert [(o.article, o.page, o.lines) for o in paginator.locked.overset] == [("a", 2, 6)]
    assert (b.spot.column, b.spot.width, b.height) == (2, 3, 10)    # 30 lines balanced
    assert [f.rows for f in b.fills] == [10, 10, 10]
    assert [d.kind for d in paginator.diagnostics] == ["overset"]


def test_a_locked_module_that_jumped_still_jumps_with_its_rest(sheet, typesetter):
    # "c" jumped from this page before (5 columns × 20 lines, head 2): it fills 5 × 18 less
    # the jump line, and its rest goes on (part 2, from page 2) where the page maker puts it.
    from layout.model.locks import LockedModule
    modules = [LockedModule("c", 0, 0, 80, 5, 20, True, False, body=18)]
    paginator, locks, works = locked_page_maker(sheet, typesetter, {"c": 2}, {"c": 150},
                                                modules)
    state, continuations = paginator.locked.make(2, 0, locks.pages[0], works, [])
    [module] = state.modules
    assert module.jumped and sum(f.rows for f in module.fills) == 5 * 18 - 1
    [rest] = continuations
    assert (rest.start, rest.part, rest.from_page) == (89, 1, 2)
    assert paginator.locked.overset == []
