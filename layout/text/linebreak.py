"""Stage 3a (text): items → line breaks, by Knuth & Plass's total-fit algorithm.

Knuth & Plass, "Breaking paragraphs into lines", Software—Practice and Experience 11 (1981).
The whole paragraph is broken at once: each feasible break is reached by the chain of lines with
the least total demerits, where a line's demerits grow with the cube of its adjustment ratio
(how far its spaces and letters must stretch or shrink), plus penalties for hyphens, for two
hyphenated lines in a row and for abrupt changes between tight and loose lines.

Deviations from TeX, and why:
- Box stretch: boxes carry letter-spacing and glyph-scaling room (see items.py), so the ratio
  counts all levers the style allows, as pdfTeX's font expansion does.
- A hard limit on consecutive hyphenated lines (``max_hyphens``), kept as node state, because
  demerits alone let narrow columns build ladders of 4–5 hyphens.
- ``ragged`` mode adds a right-skip stretch to every line and keeps spaces rigid, which gives
  TeX's \\raggedright; with ``fill_last_line=False`` the last line counts too (balanced heads).
- If no set of breaks is feasible within the tolerance, a final pass accepts any ratio
  (emergency); the caller reports the paragraph. Lines never run past the measure unless a single
  box is wider than it, which items.py prevents by breaking over-long words.
"""
from __future__ import annotations

from bisect import bisect_left

from dataclasses import dataclass

from ..stylesheet.types import Justification
from .items import FORBIDDEN, FORCED, Box, Glue, Penalty

_AWFUL = 1e7
GUTTER_OVERLAP = 1.5        # points of a word space over an avoided range that count
GUTTER_DEMERITS = 1e6       # as bad as a very loose line: avoided unless nothing else works


@dataclass(frozen=True)
class Break:
    """A chosen break: ``position`` indexes the item where the line ends; ``start`` the first
    item of the line; ``ratio`` its adjustment ratio; ``flagged`` whether it ends in a hyphen."""

    start: int
    position: int
    ratio: float
    flagged: bool
    emergency: bool = False


class _Node:
    __slots__ = ("position", "start", "line", "fitness", "hyphens", "demerits", "previous",
                 "ratio", "flagged")

    def __init__(self, position, start, line, fitness, hyphens, demerits, previous, ratio, flagged):
        self.position = position
        self.start = start
        self.line = line
        self.fitness = fitness
        self.hyphens = hyphens
        self.demerits = demerits
        self.previous = previous
        self.ratio = ratio
        self.flagged = flagged


def break_paragraph(items: list, widths, settings: Justification, *, max_hyphens: int = 2,
                    ragged_stretch: float = 0.0, tolerance: float | None = None,
                    avoid: tuple[tuple[float, float], ...] = ()) -> list[Break]:
    """Choose line breaks for ``items``.

    ``widths`` is the measure: a number, or a sequence giving line *i*'s width (the last entry
    repeats). ``avoid`` lists x-ranges (from the line's start) where a word space should not
    fall — the column gutters under a headline that spans several columns, where a space
    reads as the edge between two headlines. Returns one :class:`Break` per line, in order.
    """
    tolerance = settings.tolerance if tolerance is None else tolerance
    breaker = _Breaker(items, widths, settings, ragged_stretch, avoid)
    # Pass 1 at the style's tolerance; pass 2 tolerates loose lines (narrow columns often need
    # one); pass 3 accepts anything that does not overflow and is reported as an emergency;
    # pass 4 also lifts the limit on hyphens in a row.
    result = breaker.run(tolerance, max_hyphens, False)
    if result is None:
        result = breaker.run(max(tolerance, 100.0) * 20, max_hyphens, False)
    if result is None:
        result = breaker.run(_AWFUL, max_hyphens, True)
    if result is None:
        # No limit on hyphens in a row: an over-long word may need many.
        result = breaker.run(_AWFUL, len(items), True)
    if result is None:   # cannot happen with finite boxes; keep the promise of "never lost"
        raise AssertionError("line breaker found no breaks")
    return result


class _Breaker:
    """One paragraph's items with their prefix sums, broken by :meth:`run` in passes."""

    def __init__(self, items: list, widths, settings: Justification, ragged_stretch: float,
                 avoid: tuple[tuple[float, float], ...]):
        self.items = items
        self.settings = settings
        self.ragged_stretch = ragged_stretch
        self.avoid = avoid
        count = len(items)
        # Prefix sums of width, stretch and shrink over items[:i].
        self.sum_w = sum_w = [0.0] * (count + 1)
        self.sum_y = sum_y = [0.0] * (count + 1)
        self.sum_z = sum_z = [0.0] * (count + 1)
        w = y = z = 0.0
        for index, item in enumerate(items):
            if type(item) is not Penalty:
                w += item.width
                y += item.stretch
                z += item.shrink
            sum_w[index + 1], sum_y[index + 1], sum_z[index + 1] = w, y, z
        # Word spaces (glue with a face), for gutter demerits; results kept across passes.
        self._word_glues = [index for index, item in enumerate(items)
                            if type(item) is Glue and item.face is not None] if avoid else []
        self._gutter_cache: dict[tuple[int, int], float] = {}
        if isinstance(widths, (int, float)):
            self.line_widths = None
            self.fixed_width = float(widths)
        else:
            self.line_widths = list(widths)
            self.fixed_width = 0.0
        # The feasible breaks, once for every pass: (position, penalty, flagged, extra width,
        # forced, first item of the next line). Glue breaks only after a box; forbidden
        # penalties never.
        self.breakpoints = breakpoints = []
        for position, item in enumerate(items):
            kind = type(item)
            if kind is Box:
                continue
            if kind is Glue:
                if position == 0 or type(items[position - 1]) is not Box:
                    continue
                penalty, flagged, extra = 0.0, False, 0.0
            else:
                penalty = item.penalty
                if penalty >= FORBIDDEN:
                    continue
                flagged, extra = item.flagged, item.width
            forced = penalty <= FORCED
            breakpoints.append((position, penalty, flagged, extra, forced,
                                _next_start(items, position, forced)))

    def gutter_demerits(self, start: int, end: int) -> float:
        """Demerits for word spaces of the line items[start:end] that fall on an avoided
        range (overlapping it by 1.5 pt or more)."""
        key = (start, end)
        found = self._gutter_cache.get(key)
        if found is not None:
            return found
        items, sum_w, glues = self.items, self.sum_w, self._word_glues
        demerits = 0.0
        for position in range(bisect_left(glues, start), bisect_left(glues, end)):
            index = glues[position]
            left = sum_w[index] - sum_w[start]
            right = left + items[index].width
            for low, high in self.avoid:
                if min(right, high) - max(left, low) >= GUTTER_OVERLAP:
                    demerits += GUTTER_DEMERITS
        self._gutter_cache[key] = demerits
        return demerits

    def run(self, tolerance: float, max_hyphens: int, emergency: bool):
        """One pass: the least-demerits breaks within ``tolerance``, or None if there are
        none. (The arithmetic is TeX's; the loop only visits feasible breaks.)"""
        settings = self.settings
        first_pass = tolerance <= settings.tolerance
        sum_w, sum_y, sum_z = self.sum_w, self.sum_y, self.sum_z
        line_widths, fixed_width = self.line_widths, self.fixed_width
        last_width = len(line_widths) - 1 if line_widths is not None else 0
        ragged_stretch = self.ragged_stretch
        count = len(self.items)
        line_penalty = settings.line_penalty
        double_hyphen = settings.double_hyphen_demerits
        final_hyphen = settings.final_hyphen_demerits
        adjacent = settings.adjacent_demerits
        avoid = self.avoid
        gutter_demerits = self.gutter_demerits
        infinity = float("inf")
        # Badness limit expressed as a ratio limit: badness = 100 r^3.
        max_ratio = (tolerance / 100.0) ** (1.0 / 3.0) if tolerance < _AWFUL else infinity

        active = [_Node(-1, 0, 0, 1, 0, 0.0, None, 0.0, False)]
        for position, penalty, flagged, extra, forced, next_start in self.breakpoints:
            best: dict[tuple[int, int], tuple[float, _Node, float]] = {}
            survivors = []
            width_here, stretch_here, shrink_here = sum_w[position], sum_y[position], \
                sum_z[position]
            for node in active:
                start = node.start
                natural = width_here - sum_w[start] + extra
                if line_widths is None:
                    width = fixed_width
                else:
                    width = line_widths[min(node.line, last_width)]
                if natural < width:
                    stretch = stretch_here - sum_y[start] + ragged_stretch
                    ratio = (width - natural) / stretch if stretch > 0 else infinity
                elif natural > width:
                    shrink = shrink_here - sum_z[start]
                    ratio = (width - natural) / shrink if shrink > 0 else -infinity
                else:
                    ratio = 0.0
                if ratio >= -1.0 and not forced:
                    survivors.append(node)
                # An overfull line is never chosen, except a lone item in the emergency pass.
                if ratio < -1.0 and not (emergency and position - start <= 1):
                    continue
                if ratio > max_ratio:
                    continue
                if flagged and node.hyphens >= max_hyphens:
                    continue
                if forced and node.flagged and first_pass:
                    continue   # no hyphen on a paragraph's next-to-last line (first pass;
                    #            later passes charge final_hyphen_demerits instead)
                badness = 100.0 * abs(ratio) ** 3 if ratio != infinity else _AWFUL
                if badness > _AWFUL:
                    badness = _AWFUL
                if penalty >= 0:
                    demerits = (line_penalty + badness) ** 2 + penalty * penalty
                elif penalty > FORCED:
                    demerits = (line_penalty + badness) ** 2 - penalty * penalty
                else:
                    demerits = (line_penalty + badness) ** 2
                if flagged and node.flagged:
                    demerits += double_hyphen
                if forced and node.flagged:
                    demerits += final_hyphen
                fitness = 0 if ratio < -0.5 else 1 if ratio <= 0.5 else 2 if ratio <= 1.0 else 3
                if abs(fitness - node.fitness) > 1:
                    demerits += adjacent
                if avoid:
                    demerits += gutter_demerits(start, position)
                total = node.demerits + demerits
                hyphens = node.hyphens + 1 if flagged else 0
                key = (fitness, hyphens)
                held = best.get(key)
                if held is None or total < held[0]:
                    best[key] = (total, node, ratio)
            active = survivors
            if best:
                for (fitness, hyphens), (total, node, ratio) in sorted(best.items()):
                    active.append(_Node(position, next_start, node.line + 1, fitness, hyphens,
                                        total, node, ratio, flagged))
            if not active:
                return None
        finals = [node for node in active if node.position == count - 1]
        if not finals:
            return None
        chosen = min(finals, key=lambda node: node.demerits)
        breaks: list[Break] = []
        node = chosen
        while node.previous is not None:
            breaks.append(Break(node.previous.start, node.position, node.ratio, node.flagged,
                                emergency))
            node = node.previous
        breaks.reverse()
        return breaks


def _next_start(items: list, position: int, forced: bool) -> int:
    """The first item of the line after a break at ``position``: discardable glue and
    penalties after a break are dropped, as in TeX."""
    index = position + 1
    count = len(items)
    while index < count:
        kind = type(items[index])
        if kind is Box:
            break
        if kind is Penalty and items[index].penalty <= FORCED:
            break
        index += 1
    return index
