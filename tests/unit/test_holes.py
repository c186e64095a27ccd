"""Tier 1: the ink map of a page plan and the white holes it leaves (layout/paginate/holes.py).

Contract: a hole is a run of at least HOLE_MIN_LINES empty grid lines in one column and counts
its length; a run at the foot of a column counts from FOOT_MIN_LINES on, one line more than its
length (the margin adds to it); one or two blank lines between inked lines are no hole. A
block's ink is measured per column from its draws, so a short head over a wide module leaves
the columns to its right white.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from layout.compose.blocks import Block
from layout.compose.draws import ImageDraw, RuleDraw, TextDraw
from layout.compose.galley import GalleyComposer
from layout.model import Article
from layout.paginate.holes import FOOT_MIN_LINES, HOLE_MIN_LINES, InkMap, block_ink
from layout.stylesheet import load_stylesheet
from layout.text.paragraph import Typesetter
from layout.text.setline import SetLine

ROOT = Path(__file__).resolve().parents[2]


def column_from(pattern: str) -> InkMap:
    """A one-column ink map drawn as a string: ``#`` inked, ``.`` empty."""
    ink = InkMap(1, len(pattern))
    for row, cell in enumerate(pattern):
        if cell == "#":
            ink.mark(0, row, row + 1)
    return ink


def inked_rows(ink: InkMap, column: int) -> list[int]:
    return [row for row, cell in enumerate(ink.ink[column]) if cell]


def test_the_thresholds_are_the_documented_ones():
    assert HOLE_MIN_LINES == 3 and FOOT_MIN_LINES == 2


@pytest.mark.parametrize("pattern,holes", [
    ("##########", 0),              # fully inked
    ("###.######", 0),              # one blank line between modules: a gap, not a hole
    ("###..#####", 0),              # two blank lines: still no hole
    ("###...####", 3),              # three: a hole of three lines
    ("##.....###", 5),              # a longer run counts its whole length
    ("...#######", 3),              # at the head of the column too
    ("..########", 0),              # two at the head are no hole (only the foot is stricter)
    ("#########.", 0),              # one line short of the foot: no hole
    ("########..", 3),              # two short of the foot: a hole, counted one more
    ("#####.....", 6),              # five short of the foot: 5 + 1
    ("#.#..#...#", 3),              # only the run of three counts
    ("#...#....#", 7),              # two holes add up
    ("##...#..##...", 7),           # an inner hole (3) and a foot run (3 + 1)
    ("..........", 11),             # an empty column is one foot run: rows + 1
])
def test_holes_of_one_column(pattern, holes):
    assert column_from(pattern).holes() == [holes]


def test_holes_are_counted_per_column():
    ink = InkMap(3, 10)
    ink.mark(0, 0, 10)                 # full
    ink.mark(1, 0, 3)
    ink.mark(1, 7, 10)                 # a hole of 4 in the middle
    ink.mark(2, 0, 6)                  # 4 short of the foot: 4 + 1
    assert ink.holes() == [0, 4, 5]


def test_mark_inks_top_to_bottom_minus_one_and_clips_to_the_page():
    ink = InkMap(2, 10)
    ink.mark(0, 2, 5)
    assert inked_rows(ink, 0) == [2, 3, 4]
    ink.mark(1, -4, 2)                 # above the page: clipped at line 0
    ink.mark(1, 8, 50)                 # past the foot: clipped at the last line
    assert inked_rows(ink, 1) == [0, 1, 8, 9]
    ink.mark(0, 7, 7)                  # empty and inverted ranges ink nothing
    ink.mark(0, 9, 6)
    assert inked_rows(ink, 0) == [2, 3, 4]
    # Column 0: two empty lines at the head are no hole, five at the foot count 5 + 1;
    # column 1: six empty lines between its ink.
    assert ink.holes() == [6, 6]


def test_mark_block_puts_a_blocks_ink_at_its_column_and_top():
    ink = InkMap(4, 20)
    ink.mark_block([[0, 1], [], [4]], column=1, top=5)
    assert inked_rows(ink, 0) == []
    assert inked_rows(ink, 1) == [5, 6]
    assert inked_rows(ink, 2) == []
    assert inked_rows(ink, 3) == [9]
    ink.mark_block([[0], [30]], column=2, top=18)   # below the page: clipped, nothing raised
    assert inked_rows(ink, 2) == [18]
    assert inked_rows(ink, 3) == [9]


# -- block_ink ------------------------------------------------------------------------------

COLUMN, GUTTER, PITCH = 100.0, 10.0, 10.0       # a column starts every 110 pt


def text(x: float, baseline: float, width: float, size: float = 20.0) -> TextDraw:
    line = SetLine(runs=((None, size, "x"),), width=width, measure=3 * COLUMN + 2 * GUTTER)
    return TextDraw(x, baseline, line, None, "headline")


def test_text_inks_the_columns_it_spans_from_ascent_to_descent():
    # Baseline 20, size 20: ink from 20 - 0.72·20 = 5.6 to 20 + 0.22·20 = 24.4 → lines 0–2.
    short = Block(3, (text(0.0, 20.0, 50.0),))
    assert block_ink(short, 3, COLUMN, GUTTER, PITCH) == [[0, 1, 2], [], []]
    into_second = Block(3, (text(0.0, 20.0, 150.0),))
    assert block_ink(into_second, 3, COLUMN, GUTTER, PITCH) == [[0, 1, 2], [0, 1, 2], []]
    across = Block(3, (text(0.0, 20.0, 3 * COLUMN + 2 * GUTTER),))
    assert block_ink(across, 3, COLUMN, GUTTER, PITCH) == [[0, 1, 2]] * 3


def test_text_in_a_gutter_leaves_the_column_across_it_white():
    block = Block(3, (text(0.0, 20.0, COLUMN + GUTTER / 2),))
    assert block_ink(block, 3, COLUMN, GUTTER, PITCH) == [[0, 1, 2], [], []]
    # …and text that starts in a gutter leaves the column to its left white.
    block = Block(3, (text(COLUMN + GUTTER / 2, 20.0, 50.0),))
    assert block_ink(block, 3, COLUMN, GUTTER, PITCH) == [[], [0, 1, 2], []]


def test_images_ink_their_box_and_no_line_under_it_and_rules_their_line():
    photo = ImageDraw(110.0, 30.0, 210.0, 20.0, None)    # columns 1–2, y 30–50: lines 3, 4
    rule = RuleDraw(0.0, 75.0, 3 * COLUMN + 2 * GUTTER, 75.0, 0.5, None)
    block = Block(8, (photo, rule))
    assert block_ink(block, 3, COLUMN, GUTTER, PITCH) == [[7], [3, 4, 7], [3, 4, 7]]


def test_block_ink_is_clipped_to_the_columns_asked_for():
    block = Block(3, (text(0.0, 20.0, 3 * COLUMN + 2 * GUTTER),))
    assert block_ink(block, 2, COLUMN, GUTTER, PITCH) == [[0, 1, 2], [0, 1, 2]]


@pytest.fixture(scope="module")
def composer():
    sheet = load_stylesheet("tabloid", styles_dir=ROOT / "styles")
    return GalleyComposer(sheet, Typesetter(sheet)), sheet.page


def header_ink(composer, headline: str, columns: int) -> list[list[int]]:
    galleys, page = composer
    article = Article(id=f"head-{len(headline)}-{columns}", file=Path("head.md"),
                      headline=headline, blocks=())
    block = galleys.header(article, columns)
    assert block.rows > 0 and block.draws
    return block_ink(block, columns, page.column_width, page.gutter, page.baseline)


def test_a_short_one_line_head_over_three_columns_leaves_the_right_columns_white(composer):
    ink = header_ink(composer, "War ends", 3)
    assert ink[0], "the head inks its first column"
    assert ink[1] == [] and ink[2] == [], ink


def test_a_long_head_over_three_columns_inks_all_three(composer):
    ink = header_ink(composer, "Pentagon and allies agree a sweeping new plan for shared air "
                               "defence across the Pacific region", 3)
    assert all(ink), ink
    assert ink[0][0] == 0                   # from the block's first grid line


def test_a_short_head_leaves_a_hole_on_the_page_that_a_wide_one_does_not(composer):
    """Under a short head, the white beside it in a module's right columns is a hole when
    the body starts below it; a head across the module leaves none."""
    def holes(headline):
        ink = InkMap(3, 40)
        head = header_ink(composer, headline, 3)
        ink.mark_block(head, 0, 0)
        body_top = max(row for rows in head for row in rows) + 2     # a blank line, then text
        for column in range(3):
            ink.mark(column, body_top, 40)
        return ink.holes()
    short = holes("War ends")
    assert short[0] == 0 and short[1] >= HOLE_MIN_LINES and short[2] >= HOLE_MIN_LINES
    assert holes("Pentagon and allies agree a sweeping new plan for shared air defence "
                 "across the Pacific region") == [0, 0, 0]
