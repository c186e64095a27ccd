"""Tier 1: the Knuth–Plass line breaker on hand-built items with round widths.

Contract: every line fits its measure (ratio ≥ -1); breaks are optimal for the demerits; no
more than ``max_hyphens`` hyphenated lines in a row; nothing is lost (every box lands in
exactly one line); over-long material still breaks (emergency pass, reported by a flag).
"""
from layout.stylesheet.types import Justification
from layout.text.items import FORCED, INFINITY, Box, Glue, Penalty
from layout.text.linebreak import break_paragraph

SETTINGS = Justification()


def words(*widths, space=(4.0, 2.0, 1.0)):
    items = []
    for number, width in enumerate(widths):
        if number:
            items.append(Glue(*space))
        items.append(Box(float(width), 0.0, 0.0, ((None, 10, f"w{number}"),)))
    items += [Glue(0.0, INFINITY, 0.0), Penalty(0.0, FORCED)]
    return items


def boxes_per_line(items, breaks):
    return [[items[i].runs[0][2] for i in range(b.start, b.position) if type(items[i]) is Box]
            for b in breaks]


def test_every_box_lands_in_exactly_one_line():
    items = words(*[20] * 30)
    breaks = break_paragraph(items, 100.0, SETTINGS)
    placed = [name for line in boxes_per_line(items, breaks) for name in line]
    assert placed == [f"w{n}" for n in range(30)]


def test_lines_that_fit_exactly_have_ratio_zero():
    # 4 boxes of 22 + 3 spaces of 4 = 100: each line is exactly the measure.
    items = words(*[22] * 8)
    breaks = break_paragraph(items, 100.0, SETTINGS)
    assert len(breaks) == 2
    assert abs(breaks[0].ratio) < 1e-9


def test_no_line_is_shrunk_past_its_limit():
    items = words(*[13, 27, 8, 31, 19, 22, 14, 9, 30, 18, 25, 11, 16, 24] * 3)
    for brk in break_paragraph(items, 90.0, SETTINGS):
        assert brk.ratio >= -1.0


def test_total_fit_prefers_even_lines_to_a_greedy_first_line():
    # Greedy would put 3 words on line 1 (60+8=68 ≤ 70) and leave a very loose second line;
    # total fit balances them.
    items = words(30, 30, 30, 30, 14, space=(4.0, 6.0, 1.0))
    breaks = break_paragraph(items, 70.0, SETTINGS)
    ratios = [b.ratio for b in breaks[:-1]]
    assert all(r <= 1.5 for r in ratios)


def test_forced_break_ends_the_paragraph():
    items = words(10, 10)
    breaks = break_paragraph(items, 100.0, SETTINGS)
    assert len(breaks) == 1
    assert breaks[-1].position == len(items) - 1


def hyphenated_ladder(max_hyphens):
    # Words that only fit by hyphenating: each word 60 wide, halves of 30 with a hyphen break.
    items = []
    for number in range(12):
        if number:
            items.append(Glue(4.0, 2.0, 1.0))
        items.append(Box(30.0, 0.0, 0.0, ((None, 10, "ab"),)))
        items.append(Penalty(3.0, 50.0, True))
        items.append(Box(30.0, 0.0, 0.0, ((None, 10, "cd"),)))
    items += [Glue(0.0, INFINITY, 0.0), Penalty(0.0, FORCED)]
    return break_paragraph(items, 97.0, SETTINGS, max_hyphens=max_hyphens)


def test_never_more_than_max_hyphens_in_a_row():
    for limit in (1, 2):
        run = longest = 0
        for brk in hyphenated_ladder(limit)[:-1]:
            run = run + 1 if brk.flagged else 0
            longest = max(longest, run)
        assert longest <= limit


def test_unbreakable_box_wider_than_measure_is_an_emergency_not_a_loss():
    items = words(40, 150, 40)
    breaks = break_paragraph(items, 100.0, SETTINGS)
    placed = [name for line in boxes_per_line(items, breaks) for name in line]
    assert placed == ["w0", "w1", "w2"]
    assert any(b.emergency for b in breaks)
