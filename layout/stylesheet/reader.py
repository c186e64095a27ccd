"""Stage 2 checking: one raw mapping + its declared :class:`Section` → parsed values, or errors.

``read_section`` is the single place where declarations turn into validation: unknown keys (with
a "did you mean"), required keys, each value's kind and limits, and the section's cross-key
checks. Errors are not raised here but collected in :class:`Problems`, so that one run reports
every independent mistake; each names the file and line the value came from (see ``Origins``).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from ..errors import LayoutError, LayoutErrors
from .kinds import BadValue, ParseContext, did_you_mean, show
from .properties import REQUIRED, Derived, Nested, Section
from ..yamlsource import KeyPath, format_key_path

EM_PLACEHOLDER = 10.0   # lets em lengths parse after a bad size, so one mistake is reported once


@dataclass(frozen=True)
class Spot:
    """Where a value was written: a file and, when known, a 1-based line."""

    file: Path
    line: int | None


class Origins:
    """Key path → :class:`Spot`, over a whole chain of inherited files."""

    def __init__(self, spots: Mapping[KeyPath, Spot], root_file: Path):
        self.spots = dict(spots)
        self.root_file = root_file

    def spot(self, path: KeyPath) -> Spot:
        """The spot of ``path`` or, for a key that is missing, of its closest written parent."""
        path = tuple(path)
        while path:
            if path in self.spots:
                return self.spots[path]
            path = path[:-1]
        return self.spots.get((), Spot(self.root_file, None))


class Problems:
    """Collects LayoutErrors (deduplicated, in the order found) and raises them together."""

    def __init__(self, origins: Origins):
        self.origins = origins
        self.errors: list[LayoutError] = []
        self._seen: set[str] = set()

    def add(self, path: KeyPath, message: str, hint: str | None = None) -> None:
        spot = self.origins.spot(path)
        self.add_error(LayoutError(message, file=spot.file, line=spot.line,
                                   key=format_key_path(path) or None, hint=hint))

    def add_error(self, error: LayoutError) -> None:
        text = error.format()
        if text not in self._seen:
            self._seen.add(text)
            self.errors.append(error)

    def __bool__(self) -> bool:
        return bool(self.errors)

    def raise_if_any(self) -> None:
        """Raise the one error, or :class:`LayoutErrors` for several — those in the sheet being
        loaded first, then its ancestors', each by line; do nothing when clean."""
        if len(self.errors) == 1:
            raise self.errors[0]
        if self.errors:
            root = str(self.origins.root_file)
            raise LayoutErrors(sorted(self.errors, key=lambda e: (
                str(e.file) != root, str(e.file), e.line or 0)))


def read_section(section: Section, raw: Any, path: KeyPath, ctx: ParseContext,
                 problems: Problems, *, derived: Mapping[str, Any] | None = None,
                 key_paths: Mapping[str, KeyPath] | None = None) -> dict[str, Any] | None:
    """Parse ``raw`` (a mapping written at ``path``) against ``section``.

    Returns ``{property name: value}`` with defaults filled in (None for unset optional keys;
    ``derived`` supplies Derived defaults), or None when any error was recorded in ``problems``.
    ``key_paths`` overrides where a key was written (keys taken over with ``like:``).
    """
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        problems.add(path, f"expected a mapping with keys {', '.join(section.names())}, "
                           f"got {show(raw)}")
        return None

    def where(key: Any) -> KeyPath:
        return (key_paths or {}).get(key, path + (key,))

    ok = True
    for key in raw:
        if section.get(key) is None:
            problems.add(where(key), "unknown key", did_you_mean(key, section.names()))
            ok = False
    values: dict[str, Any] = {}
    first = sorted(section.properties, key=lambda prop: prop.name != section.em_from)
    for prop in first:
        if prop.name in raw:
            raw_value = raw[prop.name]
        elif prop.default is REQUIRED:
            problems.add(where(prop.name), "required key is missing",
                         f"{section.name} needs {prop.name}: {prop.description}")
            ok = False
            continue
        elif isinstance(prop.default, Derived):
            if derived and derived.get(prop.name) is not None:
                values[prop.name] = derived[prop.name]
            continue
        elif prop.default is None:
            values[prop.name] = None
            continue
        else:
            raw_value = prop.default
        key_path = where(prop.name)
        if isinstance(prop.kind, Nested):
            nested = read_section(prop.kind.section, raw_value, key_path, ctx, problems)
            ok = ok and nested is not None
            values[prop.name] = nested
            continue
        try:
            value = prop.kind.parse(raw_value, ctx.with_(base_dir=problems.origins.spot(
                key_path).file.parent))
        except BadValue as exc:
            problems.add(key_path + exc.subpath, exc.message, exc.hint)
            ok = False
            if prop.name == section.em_from:
                ctx = ctx.with_(em=EM_PLACEHOLDER)
            continue
        values[prop.name] = value
        if prop.name == section.em_from:
            ctx = ctx.with_(em=value)
    for check in section.checks:   # only between keys that parsed, so nothing is reported twice
        if all(values.get(key) is not None for key in check.keys):
            message = check.test(values)
            if message:
                problems.add(_blame([where(key) for key in check.keys], problems.origins), message)
                ok = False
                break   # later checks assume the earlier ones hold (columns need a content width)
    return values if ok else None


def _blame(paths: list[KeyPath], origins: Origins) -> KeyPath:
    """The key a broken cross-key rule is reported at: the first one written in the sheet being
    loaded (the child, which most likely just changed it), else the first one written at all."""
    written = [path for path in paths if path in origins.spots]
    in_root = [path for path in written if origins.spots[path].file == origins.root_file]
    return (in_root or written or paths)[0]
