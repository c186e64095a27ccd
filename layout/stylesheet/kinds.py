"""Stage 2 value kinds: one raw YAML value → one checked Python value (points, bool, enum, …).

A *kind* is the type part of a property declaration (see ``properties.py``). Each kind parses a
raw value, checks its limits and raises :class:`BadValue` with a message written for the person
editing the style sheet; it also describes itself for the generated reference. Kinds never know
file names or lines: the section reader adds those. Colours, page sizes and font files are in
``physical.py``.
"""
from __future__ import annotations

import difflib
import math
import string
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path
from typing import Any, Mapping

from ..units import UnitError, parse_length
from .types import Color
from ..yamlsource import ListIndex


class BadValue(ValueError):
    """A raw value that does not fit its declaration. ``subpath`` points inside a compound value."""

    def __init__(self, message: str, hint: str | None = None, subpath: tuple = ()):
        super().__init__(message)
        self.message, self.hint, self.subpath = message, hint, subpath


@dataclass(frozen=True)
class ParseContext:
    """What a kind may need besides the raw value.

    ``em``: the font size that ``em`` lengths are relative to (None: em not allowed);
    ``colors``: colour names usable by reference (besides black and white);
    ``font_families``: declared family names;
    ``base_dir``: the folder of the YAML file that wrote the value (font paths are relative to it).
    """

    em: float | None = None
    colors: Mapping[str, Color] = field(default_factory=dict)
    font_families: frozenset[str] = frozenset()
    base_dir: Path = Path(".")

    def with_(self, **changes: Any) -> "ParseContext":
        return replace(self, **changes)


def show(raw: Any) -> str:
    """A raw value as the user wrote it, for messages: strings quoted, the rest as YAML would."""
    if isinstance(raw, str):
        return f'"{raw}"'
    if raw is None:
        return "nothing"
    if isinstance(raw, bool):
        return "true" if raw else "false"
    return str(raw)


def did_you_mean(word: Any, choices: list[str]) -> str | None:
    """A hint naming the closest of ``choices`` to ``word``, or listing all if none is close."""
    close = difflib.get_close_matches(str(word), choices, n=1, cutoff=0.6)
    if close:
        return f'did you mean "{close[0]}"?'
    return "use one of: " + ", ".join(choices) if choices else None


def _number(raw: Any, what: str) -> float:
    if isinstance(raw, bool) or not isinstance(raw, (int, float)):
        raise BadValue(f"expected {what}, got {show(raw)}")
    if not math.isfinite(raw):
        raise BadValue(f"expected a finite number, got {raw}")
    return float(raw)


def number_text(value: float) -> str:
    """``12.0`` → ``12``, ``1e6`` → ``1000000``, ``0.25`` → ``0.25``: as a person writes them."""
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.4g}"


@dataclass(frozen=True)
class Limits:
    """Inclusive bounds; ``unit`` formats them in messages (``"pt"`` for lengths)."""

    min: float | None = None
    max: float | None = None
    unit: str = ""

    def check(self, value: float, written: str | None = None) -> None:
        """Raise BadValue if ``value`` is out of bounds; ``written`` is how the user wrote it."""
        shown = self._show(value) if written is None else f"{written} (= {self._show(value)})"
        if self.min is not None and value < self.min:
            raise BadValue(f"{shown} is too small (at least {self._show(self.min)})")
        if self.max is not None and value > self.max:
            raise BadValue(f"{shown} is too large (at most {self._show(self.max)})")

    def _show(self, value: float) -> str:
        return number_text(value) + self.unit

    def describe(self) -> str:
        if self.min is not None and self.max is not None:
            return f"{self._show(self.min)} … {self._show(self.max)}"
        if self.min is not None:
            return f"≥ {self._show(self.min)}"
        if self.max is not None:
            return f"≤ {self._show(self.max)}"
        return ""


class Kind:
    """Base of every value kind: ``parse`` raw → value, ``label`` and ``allowed`` for the docs."""

    label = "value"

    def parse(self, raw: Any, ctx: ParseContext) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def allowed(self) -> str:
        return ""


@dataclass(frozen=True)
class Length(Kind):
    """A length: a number (points) or a string with a unit pt mm cm in pc (and em if ``em``)."""

    min: float | None = None
    max: float | None = None
    em: bool = False

    @property
    def label(self) -> str:
        return "length (em allowed)" if self.em else "length"

    def parse(self, raw: Any, ctx: ParseContext) -> float:
        try:
            value = parse_length(raw, em=ctx.em if self.em else None)
        except UnitError as exc:
            raise BadValue(str(exc)) from None
        if not math.isfinite(value):
            raise BadValue(f"expected a finite length, got {show(raw)}")
        written = raw.strip() if isinstance(raw, str) and not raw.strip().endswith("pt") else None
        Limits(self.min, self.max, "pt").check(value, written)
        return value

    def allowed(self) -> str:
        return Limits(self.min, self.max, "pt").describe()


@dataclass(frozen=True)
class Number(Kind):
    """A plain number (int or float)."""

    min: float | None = None
    max: float | None = None
    label = "number"

    def parse(self, raw: Any, ctx: ParseContext) -> float:
        value = _number(raw, "a number")
        Limits(self.min, self.max).check(value)
        return value

    def allowed(self) -> str:
        return Limits(self.min, self.max).describe()


@dataclass(frozen=True)
class Integer(Kind):
    """A whole number."""

    min: int | None = None
    max: int | None = None
    label = "whole number"

    def parse(self, raw: Any, ctx: ParseContext) -> int:
        if isinstance(raw, float) and raw.is_integer():
            raw = int(raw)
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise BadValue(f"expected a whole number, got {show(raw)}")
        Limits(self.min, self.max).check(raw)
        return raw

    def allowed(self) -> str:
        return Limits(self.min, self.max).describe()


@dataclass(frozen=True)
class Boolean(Kind):
    """``true`` or ``false`` (YAML's yes/no/on/off are read as such too)."""

    label = "bool"

    def parse(self, raw: Any, ctx: ParseContext) -> bool:
        if not isinstance(raw, bool):
            raise BadValue(f"expected true or false, got {show(raw)}")
        return raw

    def allowed(self) -> str:
        return "true, false"


@dataclass(frozen=True)
class Choice(Kind):
    """One of an Enum's values, matched without regard to case."""

    enum: type[Enum]
    label = "choice"

    def parse(self, raw: Any, ctx: ParseContext) -> Enum:
        names = [member.value for member in self.enum]
        if isinstance(raw, str):
            for member in self.enum:
                if member.value == raw.strip().lower():
                    return member
        raise BadValue(f"expected one of {', '.join(names)}, got {show(raw)}",
                       hint=did_you_mean(raw, names) if isinstance(raw, str) else None)

    def allowed(self) -> str:
        return ", ".join(member.value for member in self.enum)


@dataclass(frozen=True)
class FontList(Kind):
    """A font family name or a list of them, each declared under ``fonts:``; order is kept."""

    allow_empty: bool = False
    label = "font family or list"

    def parse(self, raw: Any, ctx: ParseContext) -> tuple[str, ...]:
        names = [raw] if isinstance(raw, str) else raw
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise BadValue(f"expected a font family name or a list of names, got {show(raw)}")
        if not names and not self.allow_empty:
            raise BadValue("expected at least one font family")
        for index, name in enumerate(names):
            if name not in ctx.font_families:
                raise BadValue(f'unknown font family "{name}"',
                               hint=did_you_mean(name, sorted(ctx.font_families)) or
                               "declare it under fonts:",
                               subpath=(ListIndex(index),) if isinstance(raw, list) else ())
        return tuple(dict.fromkeys(names))

    def allowed(self) -> str:
        return "names declared under fonts:"


def _check_text(raw: Any, max_length: int) -> None:
    """A string of at most ``max_length`` characters, or :class:`BadValue`."""
    if not isinstance(raw, str):
        raise BadValue(f"expected text, got {show(raw)}", hint="put it in quotes")
    if len(raw) > max_length:
        raise BadValue(f"text is {len(raw)} characters long (at most {max_length})")


def _braced_fields(raw: str) -> list[tuple]:
    """(name, format spec, conversion) of each ``{…}`` that ``str.format`` would fill in
    ``raw``; one nameless entry when the braces do not parse (an unclosed ``{``)."""
    try:
        return [(name, spec, conversion) for _text, name, spec, conversion
                in string.Formatter().parse(raw) if name is not None]
    except ValueError:
        return [("", None, None)]


@dataclass(frozen=True)
class Text(Kind):
    """A string; ``placeholder`` (e.g. ``"{page}"``) must appear in it and be the only one."""

    max_length: int = 200
    placeholder: str | None = None
    label = "text"

    def parse(self, raw: Any, ctx: ParseContext) -> str:
        _check_text(raw, self.max_length)
        if self.placeholder:
            name = self.placeholder.strip("{}")
            if self.placeholder not in raw:
                raise BadValue(f"must contain {self.placeholder}, got {show(raw)}",
                               hint=f'e.g. "Continued on page {self.placeholder}"')
            # the engine calls str.format: only the bare placeholder may be in braces
            if any(field != name or spec or conversion
                   for field, spec, conversion in _braced_fields(raw)):
                raise BadValue(f"only {self.placeholder} may appear in braces, got {show(raw)}",
                               hint="write {{ and }} for literal braces")
        return raw

    def allowed(self) -> str:
        return f"must contain {self.placeholder}" if self.placeholder else ""


@dataclass(frozen=True)
class Template(Kind):
    """A string with named fields in braces, each one of ``fields`` (``{weekday}, {month}
    {day}, {year}``); any of them may be left out."""

    fields: tuple[str, ...] = ()
    max_length: int = 200
    label = "text"
    #: sample values of the fields when a format spec is allowed after them (``{page:03d}``,
    #: ``{date:%Y%m%d}``): the spec must format its sample
    samples: tuple[tuple[str, Any], ...] = ()

    def parse(self, raw: Any, ctx: ParseContext) -> str:
        _check_text(raw, self.max_length)
        used = _braced_fields(raw)
        allowed = ", ".join("{" + name + "}" for name in self.fields)
        if any(name not in self.fields or conversion or (spec and not self.samples)
               for name, spec, conversion in used):
            raise BadValue(f"only {allowed} may appear in braces, got {show(raw)}",
                           hint="write {{ and }} for literal braces")
        if self.samples:
            try:
                raw.format(**dict(self.samples))
            except (ValueError, TypeError) as exc:
                raise BadValue(f"a format in braces does not apply: {exc}, in {show(raw)}",
                               hint="{page:03d} pads the page to three digits, "
                                    "{date:%Y%m%d} writes 20261128") from None
        return raw

    def allowed(self) -> str:
        return "may hold " + ", ".join("{" + name + "}" for name in self.fields)


@dataclass(frozen=True)
class Names(Kind):
    """A list of exactly ``count`` non-empty names (the weekdays, Monday first; the months)."""

    count: int = 7
    label = "list of names"

    def parse(self, raw: Any, ctx: ParseContext) -> tuple[str, ...]:
        if not isinstance(raw, (list, tuple)) or len(raw) != self.count or \
                not all(isinstance(item, str) and item.strip() for item in raw):
            raise BadValue(f"expected a list of {self.count} names, got {show(raw)}")
        return tuple(item.strip() for item in raw)

    def allowed(self) -> str:
        return f"exactly {self.count}"
