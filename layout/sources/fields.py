"""Stage 1 helper: one YAML mapping in → typed field values out, every problem collected.

Used for ``edition.yaml`` and for article front matter. Each reader returns ``None`` (or an
empty value) when the key is absent *or* bad; bad values are appended to ``errors`` as
:class:`LayoutError`\\ s naming file, line and key path, so that one pass reports everything.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Iterable

from ..errors import LayoutError
from ..yamlsource import KeyPath, ListIndex, Located

_LANG_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """``did you mean "x"?`` for the closest of ``choices``, or None."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f'did you mean "{close[0]}"?' if close else None


class Fields:
    """Typed access to the mapping at ``path`` inside ``doc``.

    ``allowed`` lists the keys the mapping may have; :meth:`check_keys` reports the others.
    """

    def __init__(self, doc: Located, allowed: Iterable[str], errors: list[LayoutError],
                 path: KeyPath = (), what: str = "this file"):
        self.doc = doc
        self.allowed = tuple(allowed)
        self.errors = errors
        self.path = path
        value = doc.value
        for part in path:
            value = value[part]  # type: ignore[index]
        if value is None:
            value = {}
        #: False when the value is not a mapping (reported); callers skip "is required" checks.
        self.valid = isinstance(value, dict)
        if not isinstance(value, dict):
            errors.append(doc.error(f"expected a mapping of keys ({', '.join(self.allowed)})"
                                          f" in {what}, got {_kind(value)}", path))
            value = {}
        self.mapping: dict = value

    def _error(self, key: str | int, message: str, hint: str | None = None) -> None:
        self.errors.append(self.doc.error(message, self.path + (key,), hint))

    def check_keys(self) -> None:
        """Report every key that is not in ``allowed``, with a did-you-mean."""
        for key in self.mapping:
            if key not in self.allowed:
                hint = did_you_mean(key, self.allowed) or f"allowed keys: {', '.join(self.allowed)}"
                self._error(key, "unknown key", hint)

    def has(self, key: str) -> bool:
        return self.mapping.get(key) is not None

    def text(self, key: str, *, required: bool = False) -> str | None:
        """A string. An unquoted number, date or yes/no is taken as written (YAML 1.1 would
        read ``section: no`` as false); an empty value counts as absent."""
        value = self.mapping.get(key)
        if value is None:
            if required:
                self._error(key, "is required" if key not in self.mapping else "must not be empty")
            return None
        if not isinstance(value, str):
            plain = self.doc.plain.get(self.path + (key,))
            if plain is None:
                self._error(key, f"expected text, got {_kind(value)}")
                return None
            value = plain
        if required and not value.strip():
            self._error(key, "must not be empty")
            return None
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        """Text or a list of texts (``deck: "x"`` or ``deck: ["x", "y"]``)."""
        value = self.mapping.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            single = self.text(key)
            return (single,) if single is not None else ()
        out = []
        for index, item in enumerate(value):
            if isinstance(item, str):
                out.append(item)
            elif self.doc.plain.get(self.path + (key, ListIndex(index))) is not None:
                out.append(self.doc.plain[self.path + (key, ListIndex(index))])
            else:
                self.errors.append(self.doc.error(f"expected text, got {_kind(item)}",
                                                  self.path + (key, ListIndex(index))))
        return tuple(out)

    def integer(self, key: str, *, minimum: int | None = None) -> int | None:
        value = self.mapping.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self._error(key, f"expected a whole number, got {_kind(value)}")
            return None
        if minimum is not None and value < minimum:
            self._error(key, f"must be at least {minimum}, got {value}")
            return None
        return value

    def boolean(self, key: str) -> bool:
        """true/false (also yes/no); absent is false."""
        value = self.mapping.get(key)
        if value is None:
            return False
        if not isinstance(value, bool):
            self._error(key, f"expected true or false, got {_kind(value)}")
            return False
        return value

    def date(self, key: str, *, required: bool = False) -> dt.date | None:
        """A calendar date written ``YYYY-MM-DD``."""
        value = self.mapping.get(key)
        if value is None:
            if required:
                self._error(key, "is required", 'write the date as YYYY-MM-DD, e.g. "2024-05-01"')
            return None
        if isinstance(value, dt.datetime):
            self._error(key, f"expected a date without a time, got {value.isoformat()}",
                        "write the date as YYYY-MM-DD")
            return None
        if isinstance(value, dt.date):
            return value
        text = value if isinstance(value, str) else self.doc.plain.get(self.path + (key,), "")
        if not _ISO_DATE.match(text.strip()):
            self._error(key, f'expected a date like 2024-05-01, got "{text or _kind(value)}"',
                        "write the date as YYYY-MM-DD")
            return None
        try:
            return dt.date.fromisoformat(text.strip())
        except ValueError as error:
            self._error(key, f'"{text}" is not a date in the calendar ({error})')
            return None

    def lang(self, key: str) -> str | None:
        """A language tag such as ``en``, ``ko`` or ``en-GB``."""
        value = self.text(key)
        if value is not None and not _LANG_TAG.match(value):
            self._error(key, f'expected a language tag like "en" or "ko", got "{value}"')
            return None
        return value

    def items(self, key: str) -> list[int]:
        """Indexes of a list value (empty if absent; an error if not a list)."""
        value = self.mapping.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self._error(key, f"expected a list, got {_kind(value)}")
            return []
        return [ListIndex(index) for index in range(len(value))]

    def line(self, key: str | int) -> int | None:
        return self.doc.nearest_line(self.path + (key,))


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return f"yes/no value {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"number {value}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (dt.date, dt.datetime)):
        return f"date {value.isoformat()}"
    return f'"{value}"'
