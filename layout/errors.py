"""Errors and diagnostics shared by every stage.

A *fatal* input problem is a :class:`LayoutError` naming the file, line and key where it lives.
A *recoverable* problem (a guess made while importing, a low-resolution photo, a character no
font covers) is a :class:`Diagnostic` returned with the result and printed in the build report.
Nothing is ever dropped silently: it is either an error or a diagnostic.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


def _where(file: Path | str | None, line: int | None, column: int | None, key: str | None) -> str:
    parts = []
    if file is not None:
        loc = str(file)
        if line is not None:
            loc += f":{line}"
            if column is not None:
                loc += f":{column}"
        parts.append(loc)
    if key:
        parts.append(key)
    return ": ".join(parts)


class LayoutError(Exception):
    """A fatal problem with the input, worded for the person who has to fix it.

    ``str(error)`` reads ``file:line: key.path: message (hint: …)``; every part but the message
    is optional.
    """

    def __init__(self, message: str, *, file: Path | str | None = None, line: int | None = None,
                 column: int | None = None, key: str | None = None, hint: str | None = None):
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.hint = hint
        super().__init__(self.format())

    def format(self) -> str:
        where = _where(self.file, self.line, self.column, self.key)
        text = f"{where}: {self.message}" if where else self.message
        if self.hint:
            text += f" (hint: {self.hint})"
        return text


class LayoutErrors(LayoutError):
    """Several independent fatal problems found in one pass, reported together."""

    def __init__(self, errors: list[LayoutError]):
        self.errors = list(errors)
        super().__init__("\n".join(e.format() for e in self.errors))

    def format(self) -> str:  # noqa: D102 - one line per error
        return "\n".join(e.format() for e in getattr(self, "errors", []))


@dataclass(frozen=True)
class Diagnostic:
    """A recoverable problem or a guess, shown in the build report.

    ``kind`` is a short stable tag (``guess``, ``image``, ``glyph``, ``typeset``, ``fit``) that
    reports and tests can filter on.
    """

    kind: str
    message: str
    file: str | None = None
    line: int | None = None

    def format(self) -> str:
        where = _where(self.file, self.line, None, None)
        return f"{where}: {self.message}" if where else self.message
