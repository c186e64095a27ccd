"""Tier 1: pouring body flow into columns — keeps, widows, orphans, nothing lost.

Flow items are built by hand: paragraph ``p`` of ``n`` lines is ``n`` line items.
"""
from layout.compose.fill import balanced_height, fill
from layout.compose.galley import FlowItem


def paragraph(number: int, lines: int, split_last: int | None = None) -> list[FlowItem]:
    return [FlowItem("line", 1, (), para=number, index=i, count=lines,
                     splits_word=(i == split_last)) for i in range(lines)]


def subhead() -> list[FlowItem]:
    return [FlowItem("space", 1, ()), FlowItem("head", 1, (), keep_with_next=True)]


def column_lengths(columns):
    return [c.stop - c.start for c in columns]


def test_everything_is_placed_once_in_order():
    flow = tuple(paragraph(0, 7) + paragraph(1, 5) + paragraph(2, 9))
    columns, stop = fill(flow, 0, [8, 8, 8])
    assert stop == len(flow)
    assert [c.start for c in columns[1:]] == [c.stop for c in columns[:-1]]


def test_no_orphan_at_a_column_foot():
    # Column of 5: paragraph 0 has 4 lines, paragraph 1 would leave 1 line at the foot.
    flow = tuple(paragraph(0, 4) + paragraph(1, 6))
    columns, _ = fill(flow, 0, [5, 10])
    assert column_lengths(columns)[0] == 4
    assert columns[0].kept


def test_no_widow_at_a_column_head():
    # Paragraph of 6 in a column of 5 would carry 1 line over: carry 2 instead.
    flow = tuple(paragraph(0, 6))
    columns, _ = fill(flow, 0, [5, 5])
    assert column_lengths(columns) == [4, 2]


def test_widows_and_orphans_follow_the_style():
    flow = tuple(paragraph(0, 6))
    columns, _ = fill(flow, 0, [5, 5], widows=1, orphans=1)
    assert column_lengths(columns) == [5, 1]


def test_a_subhead_keeps_two_lines_of_its_text():
    flow = tuple(paragraph(0, 3) + subhead() + paragraph(2, 5))
    # Room for 3 + space + head + 1 line: the head and its first line move on.
    columns, _ = fill(flow, 0, [6, 10])
    assert flow[columns[0].stop - 1].kind == "line" and flow[columns[0].stop - 1].para == 0
    assert flow[columns[1].start].kind == "head"   # the space before it is dropped


def test_no_word_split_at_a_column_foot_when_a_line_can_move():
    flow = tuple(paragraph(0, 10, split_last=5))
    columns, _ = fill(flow, 0, [6, 6])
    assert not flow[columns[0].stop - 1].splits_word


def test_a_break_that_cannot_keep_them_is_reported():
    flow = tuple(paragraph(0, 3))
    columns, _ = fill(flow, 0, [1, 5])
    assert columns[0].broken


def test_balanced_height_takes_everything_in_the_fewest_lines():
    flow = tuple(paragraph(0, 10) + paragraph(1, 10))
    height = balanced_height(flow, 0, 2, [0, 0], 40)
    assert height == 10
    assert balanced_height(flow, 0, 2, [0, 0], 9) is None
