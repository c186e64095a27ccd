"""Stage 4 (paginate): the white a page plan leaves, measured the way readers (and pdfcheck) see it.

A page plan is an ink map: for each column, which grid lines carry ink (a headline, a photo, a
line of text, an ad, the masthead). A *hole* is a run of at least :data:`HOLE_MIN_LINES` grid
lines with no ink in one column — a blank grid line between two modules, or one of
feathering, is not a hole; a column that stops five lines short of the foot leaves one.
"""
from __future__ import annotations

import math

from ..compose.blocks import Block
from ..compose.draws import ImageDraw, RuleDraw, TextDraw

HOLE_MIN_LINES = 3    # an empty run of 3 grid lines reads as more than 3 leadings of white
FOOT_MIN_LINES = 2    # at the foot the margin adds to it: 2 empty lines already read as a hole
ASCENT, DESCENT = 0.72, 0.22    # of the type size: where a line's ink starts and stops


class InkMap:
    """Grid lines with ink, per column, on a page ``rows`` grid lines deep."""

    def __init__(self, columns: int, rows: int):
        self.rows = rows
        self.ink = [bytearray(rows) for _ in range(columns)]

    def mark(self, column: int, top: int, bottom: int) -> None:
        """Ink on grid lines ``top`` … ``bottom - 1`` of ``column`` (clipped to the page)."""
        top, bottom = max(0, top), min(self.rows, bottom)
        if bottom > top:
            self.ink[column][top:bottom] = b"\x01" * (bottom - top)

    def mark_block(self, block_ink: list[list[int]], column: int, top: int) -> None:
        """Ink of a block (see :func:`block_ink`) whose first column and grid line are given."""
        for offset, rows in enumerate(block_ink):
            for row in rows:
                self.mark(column + offset, top + row, top + row + 1)

    def holes(self) -> list[int]:
        """Grid lines of white holes in each column (a run at the foot counts one more)."""
        found = []
        for column in self.ink:
            total = run = 0
            for line in column:
                if line:
                    total += run if run >= HOLE_MIN_LINES else 0
                    run = 0
                else:
                    run += 1
            total += run + 1 if run >= FOOT_MIN_LINES else 0
            found.append(total)
        return found


def block_ink(block: Block, columns: int, column_width: float, gutter: float,
              pitch: float) -> list[list[int]]:
    """For each of ``columns`` columns from the block's left edge, the grid lines (from the
    block's top) where the block puts ink: text from its ascent to its descent, images, rules.
    A short headline over a wide module leaves the columns to its right white."""
    ink: list[set[int]] = [set() for _ in range(columns)]
    step = column_width + gutter

    def mark(x0: float, x1: float, y0: float, y1: float) -> None:
        first = max(0, int(x0 // step))
        last = min(columns - 1, int(math.ceil(x1 / step)) - 1)
        rows = range(max(0, int(y0 // pitch)), int(y1 // pitch) + 1)
        for column in range(first, last + 1):
            if x1 > column * step and x0 < column * step + column_width:
                ink[column].update(rows)

    for draw in block.draws:
        if isinstance(draw, TextDraw):
            size = max((run[1] for run in draw.line.runs), default=0.0)
            mark(draw.x, draw.x + draw.line.width, draw.y - ASCENT * size,
                 draw.y + DESCENT * size)
        elif isinstance(draw, ImageDraw):
            mark(draw.x, draw.x + draw.width, draw.y, draw.y + draw.height - 0.01)
        elif isinstance(draw, RuleDraw):
            mark(min(draw.x1, draw.x2), max(draw.x1, draw.x2), min(draw.y1, draw.y2),
                 max(draw.y1, draw.y2))
    return [sorted(rows) for rows in ink]
