"""Stage 3b (compose): pour body flow into column regions; return where each column stops.

``fill(flow, start, capacities)`` puts items ``flow[start:]`` into columns of the given heights
(in grid lines), in order, and returns the slices placed in each column and the index of the
first item that did not fit (``len(flow)`` when everything fit). Nothing is dropped: the caller
carries the rest to another region (a jump).

Column breaks obey the keeps: no paragraph leaves fewer than ``orphans`` lines at the foot of a
column or fewer than ``widows`` at the head of the next; a subhead stays with the two lines after
it;
a space at the head of a column is dropped (it separated two blocks that the break now
separates).
"""
from __future__ import annotations

from dataclasses import dataclass

from .galley import FlowItem


# A column or page break moves up at most this many lines to keep a word whole (more would
# leave white at the foot of the column).
SPLIT_LOOKBACK = 3

@dataclass(frozen=True)
class ColumnFill:
    start: int        # first flow index in this column
    stop: int         # one past the last
    rows: int         # grid lines used
    kept: bool = False     # the break moved up to keep a widow, an orphan or a subhead out
    broken: bool = False   # no break could keep them: a widow or orphan was left (reported)


def _allowed(flow: tuple[FlowItem, ...], cut: int, widows: int, orphans: int) -> bool:
    """May a column end just before ``flow[cut]``?"""
    before, after = flow[cut - 1], flow[cut]
    if before.keep_with_next:
        return False
    if cut >= 2 and flow[cut - 2].kind == "head" and after.kind == "line" \
            and after.para == before.para:
        return False      # a subhead keeps two lines of its text with it
    if before.kind == "end" and after.kind == "end":
        return False      # the copyright line is never broken across columns or pages
    if after.kind in ("line", "end") and after.para == before.para and before.kind == after.kind:
        if after.index < orphans or after.count - after.index < widows:
            return False
    return True


def fill(flow: tuple[FlowItem, ...], start: int, capacities: list[int], *,
         widows: int = 2, orphans: int = 2) -> tuple[list[ColumnFill], int]:
    """Fill columns in order; see the module docstring."""
    columns: list[ColumnFill] = []
    index = start
    count = len(flow)
    for capacity in capacities:
        while index < count and flow[index].kind == "space":
            index += 1          # never open a column with a space
        begin = index
        used = 0
        kept = broken = False
        while index < count and used + flow[index].rows <= capacity:
            used += flow[index].rows
            index += 1
        if index < count and index > begin:
            # Move the break up until it respects the keeps, but never empty the column.
            cut = index
            while cut > begin + 1 and not _allowed(flow, cut, widows, orphans):
                cut -= 1
            if not _allowed(flow, cut, widows, orphans):
                cut, broken = index, True
            elif cut != index:
                kept = True
            # No word split across a column or page break, when a line can move instead.
            if flow[cut - 1].splits_word:
                for earlier in range(cut - 1, max(begin + 1, cut - 1 - SPLIT_LOOKBACK), -1):
                    if not flow[earlier - 1].splits_word and \
                            _allowed(flow, earlier, widows, orphans):
                        cut = earlier
                        break
            while cut > begin + 1 and flow[cut - 1].kind == "space":
                cut -= 1        # a space before a subhead does not end a column
            if cut != index:
                used -= sum(item.rows for item in flow[cut:index])
                index = cut
        columns.append(ColumnFill(begin, index, used, kept, broken))
    return columns, index


# A column under a photo holds no text rather than a stub of one or two lines.
MIN_COLUMN_LINES = 3


def capacities_under(height: int, reserved: list[int]) -> list[int]:
    """Lines each column of a module body ``height`` lines high can take, column *c* losing
    ``reserved[c]`` lines to a photo; what a photo leaves under it is used only from
    :data:`MIN_COLUMN_LINES` lines up."""
    capacities = []
    for taken in reserved:
        room = height - taken
        capacities.append(room if taken == 0 or room >= MIN_COLUMN_LINES else 0)
    return capacities


def balanced_height(flow: tuple[FlowItem, ...], start: int, columns: int,
                    reserved: list[int], limit: int, *, widows: int = 2,
                    orphans: int = 2) -> int | None:
    """The least module body height (grid lines) that takes all of ``flow[start:]`` in
    ``columns`` columns, where column *c* loses ``reserved[c]`` lines at its top (a photo).
    ``None`` if even ``limit`` lines are not enough."""
    total = sum(item.rows for item in flow[start:])
    low = max(max(reserved) + 1, (total + sum(reserved)) // columns)
    for height in range(low, limit + 1):
        if height < max(reserved):
            continue
        capacities = capacities_under(height, reserved)
        _, stop = fill(flow, start, capacities, widows=widows, orphans=orphans)
        if stop >= len(flow):
            return height
    return None
