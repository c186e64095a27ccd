"""Tier 2: the edition's last page ends where its stories end.

Contract: copyfitting opens no blank lines on the last page to reach a foot that could simply
be higher (the Korean sample's last page once opened whole blank lines between paragraphs to
fill modules stretched down to the foot); pages before it are still copyfitted to their foot.
"""
from __future__ import annotations

from collections import defaultdict

from layout.compose.draws import TextDraw


def widest_gaps(page, pitch: float) -> dict[tuple[str, float], int]:
    """For each (article, column x) on ``page``: the widest step, in grid lines, between two
    body lines that follow one another down that column."""
    columns: dict[tuple[str, float], list[float]] = defaultdict(list)
    for draw in page.draws:
        if isinstance(draw, TextDraw) and draw.role == "body" and draw.origin.article:
            columns[(draw.origin.article, round(draw.x - draw.line.x_offset, 1))].append(draw.y)
    gaps = {}
    for key, ys in columns.items():
        ys = sorted(set(ys), reverse=True)
        gaps[key] = max((round((a - b) / pitch) for a, b in zip(ys, ys[1:])), default=1)
    return gaps


def test_the_korean_last_page_opens_no_blank_lines_between_paragraphs(built):
    result = built("defense-daily-ko")
    pitch = result.style.page.baseline
    pages = result.pagination.pages
    # Between two paragraphs a Korean column has a line and the paragraph space (2 steps);
    # a blank line opened by copyfitting makes it 3 or more.
    last = widest_gaps(pages[-1], pitch)
    assert last and max(last.values()) <= 2, last
    # The control: the pages before it are copyfitted, some column opens such lines.
    assert any(max(widest_gaps(page, pitch).values(), default=0) >= 3 for page in pages[:-1])
