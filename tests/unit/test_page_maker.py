"""Unit: the page maker's pure parts on tiny hand-built pages — strip search, copyfitting,
settling, bumped heads, white holes, booked ads.

Pictures: one character a grid line per column, top to bottom in rows. ``H`` head, ``p`` photo,
``t`` text, ``.`` white (feathered: ``-``), ``A`` ad.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from layout.compose.galley import FlowItem
from layout.compose.fill import ColumnFill
from layout.errors import LayoutError
from layout.model import Ad, ImageInfo
from layout.paginate.ads import book
from layout.paginate.copyfit import _breaks, _spread, fit_columns, settle_shifts
from layout.paginate.heads import _bumps
from layout.paginate.holes import InkMap
from layout.paginate.strips import (JUMP_COST_LINES, MUST_COST_LINES, Shape, compositions,
                                    plan_strip)
from layout.paginate.work import Jumped, NoRoom, Placed, Work


def picture(ink: InkMap) -> str:
    """The ink map drawn row by row (``#`` ink, ``.`` white)."""
    return "\n".join("".join("#" if column[row] else "." for column in ink.ink)
                     for row in range(ink.rows))


def paragraph(lines: int, para: int = 0) -> list[FlowItem]:
    return [FlowItem("line", 1, (), para=para, index=i, count=lines) for i in range(lines)]


# -- strips ---------------------------------------------------------------------------------

def test_compositions_are_every_split_of_the_columns_in_order():
    assert compositions(3) == [(3,), (2, 1), (1, 2), (1, 1, 1)]
    assert len(compositions(5)) == 16
    assert all(sum(split) == 5 for split in compositions(5))


def whole(index: int, head: int, body: int, total: int | None = None) -> Shape:
    return Shape(index, True, head, (0,), body, total if total is not None else body)


def test_a_strip_takes_the_stories_that_leave_the_least_white():
    # One column, 20 free lines (gap 1 between modules):
    #   A: 2 + 8 = 10 lines    B: 2 + 12 = 14    C: 2 + 7 = 9
    # A then C fills 10 + 1 + 9 = 20 exactly; A then B would not fit (B would jump).
    #
    #   HHtttttttt.HHttttttt      (A, gap, C: read top to bottom)
    shapes = [whole(0, 2, 8), whole(1, 2, 12), whole(2, 2, 7)]
    plan = plan_strip(shapes, room=20, width=1, gap=1)
    assert [shape.index for shape in plan] == [0, 2]


def test_a_strip_keeps_the_running_order_where_it_costs_nothing():
    # Room for any one of two equally good stories: the earlier goes first.
    shapes = [whole(0, 2, 8), whole(1, 2, 8)]
    assert [s.index for s in plan_strip(shapes, room=21, width=1, gap=1)] == [0, 1]


def test_a_story_too_long_for_the_strip_jumps_at_its_foot():
    # Two columns, 25 free lines, one story of 60 body lines (head 3): it starts here and
    # jumps, cut at the foot — a jump (40 lines' cost) beats 2 × 25 white lines.
    #
    #   HH      its head
    #   tt      22 lines in each column, the last line of column 2 "Continued on page N"
    #   …
    #   tJ
    shapes = [Shape(0, True, 3, (0, 0), None, 60)]
    plan = plan_strip(shapes, room=25, width=2, gap=1)
    assert plan == shapes
    # In one column the white (25 lines) costs less than a jump: it is left to the filler.
    assert plan_strip([Shape(0, True, 3, (0,), None, 60)], room=25, width=1, gap=1) == []
    # Not if it may jump no more, even at the top of an empty page (a story jumps once).
    spent = [Shape(0, True, 3, (0, 0), None, 60, may_jump=False)]
    assert plan_strip(spent, room=25, width=2, gap=1) == []
    assert plan_strip(spent, room=25, width=2, gap=1, page_empty=True) == []
    # On an empty page a jump may leave a short rest (something must open the page).
    short = [Shape(0, True, 3, (0, 0), None, 48)]
    assert plan_strip(short, room=25, width=2, gap=1) == []
    assert plan_strip(short, room=25, width=2, gap=1, page_empty=True) == short


def test_a_jump_that_would_leave_a_stub_is_not_made():
    # 2 × 22 lines under the head take 43 (one for the jump line): a story of 48 lines would
    # carry a stub of 5 to the next page — refused; one of 60 carries 17 — made.
    assert plan_strip([Shape(0, True, 3, (0, 0), None, 60)], room=25, width=2, gap=1)
    assert plan_strip([Shape(0, True, 3, (0, 0), None, 48)], room=25, width=2, gap=1) == []


def test_passing_over_the_page_s_first_story_costs_dear():
    # The first story fits only badly (much white), a later one perfectly: the later one
    # still may not push the first off the page.
    shapes = [whole(0, 2, 5), whole(1, 2, 17)]
    plan = plan_strip(shapes, room=20, width=1, gap=1, first=0)
    assert plan[0].index == 0
    assert MUST_COST_LINES > JUMP_COST_LINES


# -- copyfitting ----------------------------------------------------------------------------

def test_breaks_open_after_paragraphs_never_after_a_subhead_or_at_the_foot():
    flow = ([FlowItem("head", 1, (), para=0, keep_with_next=True)] + paragraph(3, 1)
            + paragraph(2, 2) + paragraph(2, 3))
    column = ColumnFill(0, len(flow), len(flow))
    # After the paragraph ending at index 3 and the one ending at 5; not after the subhead
    # (index 0), not after the last line of the column (index 7).
    assert _breaks(flow, column) == [(3, 2), (5, 2)]


def test_spread_takes_rounds_so_blank_lines_fall_evenly():
    breaks = [(3, 2), (8, 2), (13, 2)]
    assert _spread(breaks, 3) == {3: 1, 8: 1, 13: 1}
    assert sum(_spread(breaks, 5).values()) == 5
    assert max(_spread(breaks, 5).values()) == 2
    assert _spread(breaks, 10) == {3: 2, 8: 2, 13: 2}      # never a hole's worth in one place


def test_fit_columns_grows_the_photo_by_what_the_columns_under_it_cannot_take():
    # A two-column module, body 12 lines deep; the photo takes 4 lines of column 2.
    #
    #   col 1   col 2        col 1 has 10 lines of text and one break (2 lines):
    #   t       p            it reaches 12 by opening both.
    #   t       p            col 2 has 4 + 5 lines and no break: 3 lines short,
    #   …       p            so the photo grows by 3 (its limit is 6).
    #   t       p
    #   t       t …
    spacing, growth = fit_columns(reserved=[0, 4], used=[10, 9], breaks=[[(4, 2)], []],
                                  texted=[True, True], target=12, growth_limit=6)
    assert growth == 3
    assert spacing == [{4: 2}, {}]
    # A photo that may not grow leaves the column short rather than open a hole.
    spacing, growth = fit_columns([0, 4], [10, 9], [[(4, 2)], []], [True, True], 12, 0)
    assert growth == 0 and spacing == [{4: 2}, {}]


def test_fit_columns_leaves_a_column_without_text_alone():
    spacing, growth = fit_columns([0, 0], [7, 0], [[(2, 2)], []], [True, False], 8, 0)
    assert spacing == [{2: 1}, {}] and growth == 0


@pytest.mark.parametrize("absorbs,below,shifts", [
    # absorbs: lines each module of the chain (top to bottom) can open; below: white under it
    ([3, 3, 1], 2, [0, 0, 0]),        # the last takes 1; 1 line left is no foot hole: stop
    ([3, 3, 1], 5, [0, 0, 3]),        # the middle opens 3, so the last moves down 3
    ([3, 3, 1], 8, [0, 3, 6]),        # the top one opens 3 too: both under it move down
    ([0, 0, 6], 5, [0, 0, 0]),        # the last takes it all
    ([4], 9, [0]),                    # a lone module: nothing to share it with
])
def test_settle_shares_the_white_at_the_foot_of_a_stack(absorbs, below, shifts):
    assert settle_shifts(absorbs, below) == shifts


# -- heads and holes ------------------------------------------------------------------------

def test_heads_side_by_side_of_like_size_in_one_band_are_bumped():
    # (x0, x1, top, bottom, size): two 30 pt heads, one beside the other, same band.
    left, right = (0, 280, 0, 40, 30.0), (300, 560, 5, 45, 30.0)
    assert _bumps(left, right)
    assert not _bumps(left, (300, 560, 5, 45, 20.0))       # clearly smaller: a hierarchy
    assert not _bumps(left, (300, 560, 200, 240, 30.0))    # another band
    assert not _bumps(left, (100, 500, 80, 120, 30.0))     # over/under, not side by side


def test_holes_are_runs_of_three_empty_lines_or_two_at_the_foot():
    ink = InkMap(3, 8)
    ink.mark(0, 0, 8)            # column 1 full
    ink.mark(1, 0, 2)            # column 2: 2 lines, then 3 white, then 3 lines
    ink.mark(1, 5, 8)
    ink.mark(2, 0, 6)            # column 3: 2 white lines at the foot
    assert picture(ink) == "\n".join(["###", "###", "#.#", "#.#", "#.#", "###", "##.", "##."])
    assert ink.holes() == [0, 3, 3]      # the foot's run counts one more (the margin)


def test_a_blank_line_between_modules_is_no_hole():
    ink = InkMap(1, 7)
    ink.mark(0, 0, 3)
    ink.mark(0, 4, 7)
    assert ink.holes() == [0]


# -- ads and trial results -----------------------------------------------------------------

def ad(columns: int, height: float, position: str = "bottom-right") -> Ad:
    image = ImageInfo(Path("/nowhere/ad.jpg"), "JPEG", "RGB", 300, 200)
    return Ad(image, "ad.jpg", columns, height, position, page=1, line=3, key="ads[0]")


def test_bottom_ads_stack_up_from_the_foot_and_set_the_floor():
    #   5 columns, 20 lines; a 2-column ad of 5 lines bottom-right:
    #   .....
    #   ...AA   (rows 15-19), floor of columns 4-5 at row 14 (a gap line over the ad)
    floor, skyline = [20] * 5, [0] * 5
    placed = book([ad(2, 50.0)], page=1, columns=5, top_row=0, floor=floor, skyline=skyline,
                  pitch=10.0, gap=1, file="edition.yaml")
    assert [(p.column, p.row, p.columns, p.lines) for p in placed] == [(3, 15, 2, 5)]
    assert floor == [20, 20, 20, 14, 14] and skyline == [0] * 5


def test_an_ad_wider_than_the_page_is_an_error_naming_its_entry():
    with pytest.raises(LayoutError) as error:
        book([ad(6, 50.0)], page=1, columns=5, top_row=0, floor=[20] * 5, skyline=[0] * 5,
             pitch=10.0, gap=1, file="edition.yaml")
    assert error.value.key == "ads[0].columns" and error.value.line == 3


def test_trial_results_are_values():
    rest = Work(article=None, start=12, part=1)          # type: ignore[arg-type]
    assert Jumped(rest).rest is rest
    assert Placed() == Placed()
    assert NoRoom("no spot").reason == "no spot"
    with pytest.raises(AttributeError):
        NoRoom("x").reason = "y"                          # type: ignore[misc]


def test_an_even_pour_spreads_the_short_fall_over_the_columns():
    # 31 lines (one-line paragraphs: no widows to keep) into five columns of at most 7:
    #   column by column:  7 7 7 7 3   (the last ends 4 lines short: a hole)
    #   evenly:            7 6 6 6 6   (each at most a line short: no hole)
    from layout.compose.fill import fill
    from layout.paginate.placer import even_pour
    flow = tuple(item for n in range(31) for item in paragraph(1, n))
    keeps = {"widows": 2, "orphans": 2}
    greedy, _ = fill(flow, 0, [7] * 5, **keeps)
    assert [f.rows for f in greedy] == [7, 7, 7, 7, 3]
    fills, stop = even_pour(flow, 0, 7, 5, keeps)
    assert stop == len(flow)
    assert [f.rows for f in fills] == [7, 6, 6, 6, 6]
    # Text that the shares cannot take (keeps push lines on) is left to the caller.
    assert even_pour(tuple(paragraph(36)), 0, 7, 5, keeps) is None
