"""Lengths: the one parser from style-sheet strings ("9.5pt", "3mm", "1in", "2pc", "1em") to points.

Everything inside the engine is float points; units are parsed only here, at the edge.
"""
from __future__ import annotations

import re

POINTS_PER = {
    "pt": 1.0,
    "mm": 72.0 / 25.4,
    "cm": 72.0 / 2.54,
    "in": 72.0,
    "pc": 12.0,
}
UNITS = tuple(POINTS_PER) + ("em",)

_LENGTH = re.compile(r"^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*([a-z]*)\s*$")


class UnitError(ValueError):
    """A length that cannot be read; the message says what was expected."""


def parse_length(value: object, *, em: float | None = None) -> float:
    """Return ``value`` in points.

    Accepts a number (points) or a string with one of the units ``pt mm cm in pc em``.
    ``em`` lengths need the font size they are relative to; without it they are refused.
    """
    if isinstance(value, bool):
        raise UnitError(f'expected a length like "11pt", got {value!r}')
    if isinstance(value, (int, float)):
        return float(value)
    if not isinstance(value, str):
        raise UnitError(f'expected a length like "11pt", got {value!r}')
    match = _LENGTH.match(value)
    if not match:
        raise UnitError(f'expected a length like "11pt" or "3mm", got "{value}"')
    number, unit = float(match.group(1)), match.group(2) or "pt"
    if unit == "em":
        if em is None:
            raise UnitError(f'"{value}": em lengths are only allowed where a font size is known')
        return number * em
    if unit not in POINTS_PER:
        raise UnitError(f'unknown unit "{unit}" in "{value}" (use one of {", ".join(UNITS)})')
    return number * POINTS_PER[unit]
