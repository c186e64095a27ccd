"""Stage 4 (paginate): booked ads → their cells on a page grid, before any story is placed.

Bottom ads stack up from the foot of the page (a pyramid to the right or left, as desks build
them), top ads down from the top. An ad that cannot go where it is booked is an error naming
its entry in edition.yaml; it is never moved.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from ..errors import LayoutError
from ..model import Ad


@dataclass(frozen=True)
class AdPlacement:
    ad: Ad
    column: int
    row: int            # top grid line
    columns: int
    lines: int


def book(ads: list[Ad], *, page: int, columns: int, top_row: int, floor: list[int],
         skyline: list[int], pitch: float, gap: int, file: str) -> list[AdPlacement]:
    """Place ``ads`` on the grid, updating ``floor`` (first line taken from below, per column)
    and ``skyline`` (first free line from above); raise LayoutError when one does not fit."""
    placed = []
    for ad in ads:
        lines = max(1, math.ceil(ad.height / pitch - 1e-6))
        if ad.columns > columns:
            raise LayoutError(f'ad "{ad.source}" is booked {ad.columns} columns wide; the page '
                              f"has {columns}", file=file, line=ad.line, key=f"{ad.key}.columns")
        span = range(0, ad.columns) if ad.position.endswith("left") else \
            range(columns - ad.columns, columns)
        if ad.position.startswith("bottom"):
            bottom = min(floor[c] for c in span)
            row = bottom - lines
        else:
            row = max(skyline[c] for c in span)
            bottom = row + lines
        above = max(max(skyline[c] for c in span), top_row)   # what is already placed above
        if row < above or bottom > min(floor[c] for c in span):
            raise LayoutError(f'ad "{ad.source}" ({ad.columns} columns × {lines} lines, '
                              f"{ad.position}) does not fit on page {page} as booked",
                              file=file, line=ad.line, key=ad.key,
                              hint="book a smaller ad, another page, or fewer ads on it")
        for c in span:
            if ad.position.startswith("bottom"):
                floor[c] = max(row - gap, 0)
            else:
                skyline[c] = bottom + gap
        placed.append(AdPlacement(ad, span.start, row, ad.columns, lines))
    return placed
