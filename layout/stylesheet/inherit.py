"""Stage 2 inheritance: a style name or path → the chain of ``extends:`` files, deep-merged.

Rules (documented in docs/STYLES.md):

* a bare name (``tabloid``) is ``<styles_dir>/tabloid.yaml``; anything with a ``/`` or ending in
  ``.yaml``/``.yml`` is a path — for ``extends:`` relative to the file that says it;
* mappings merge key by key, the child winning; every other value (lists included) is replaced;
* ``headline:`` merges by rank: a map ``{1: …}`` in the child overrides only the ranks it names,
  while a list in the child replaces all ranks;
* at most :data:`MAX_EXTENDS_DEPTH` files; a cycle is an error naming the whole loop.

Every merged value keeps the :class:`~.reader.Spot` (file, line) it was written at.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import LayoutError
from .kinds import did_you_mean
from .reader import Origins, Spot
from ..yamlsource import KeyPath, Located, load_yaml_file

MAX_EXTENDS_DEPTH = 10
SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class MergedSheet:
    """The raw, merged YAML of a sheet and its ancestors (root first in ``files``)."""

    value: dict
    origins: Origins
    files: tuple[Path, ...]


def available_styles(styles_dir: Path) -> list[str]:
    """Names of the style sheets in ``styles_dir`` (sorted; empty if the folder is missing)."""
    if not Path(styles_dir).is_dir():
        return []
    return sorted(p.stem for p in Path(styles_dir).iterdir() if p.suffix in SUFFIXES)


def is_path(name_or_path: str | Path) -> bool:
    """True for ``styles/x.yaml``, ``x.yaml``, ``../x``; False for a bare style name."""
    text = str(name_or_path)
    return isinstance(name_or_path, Path) or "/" in text or os.sep in text or \
        text.endswith(SUFFIXES)


def find_sheet(name_or_path: str | Path, styles_dir: Path, *, relative_to: Path | None = None
               ) -> Path:
    """The file for a style name or path; LayoutError listing the available styles if missing.

    ``relative_to`` is the folder that relative paths start from (the extending file's folder).
    """
    if is_path(name_or_path):
        path = Path(name_or_path)
        if relative_to is not None and not path.is_absolute():
            path = relative_to / path
        path = Path(os.path.normpath(path))
        if not path.is_file():
            raise LayoutError(f'style sheet "{name_or_path}" not found (looked for {path})',
                              hint=_listing(styles_dir))
        return path
    name = str(name_or_path).strip()
    for suffix in SUFFIXES:
        candidate = Path(styles_dir) / f"{name}{suffix}"
        if candidate.is_file():
            return candidate
    names = available_styles(styles_dir)
    close = did_you_mean(name, names) if names else None
    hint = close if close and close.startswith("did") else None
    raise LayoutError(f'unknown style "{name}"; available styles in {styles_dir}: '
                      f'{", ".join(names) if names else "(none)"}', hint=hint)


def _listing(styles_dir: Path) -> str:
    names = available_styles(styles_dir)
    return f"available styles: {', '.join(names)}" if names else f"no style sheets in {styles_dir}"


def load_chain(file: Path, styles_dir: Path) -> MergedSheet:
    """Load ``file`` and everything it extends, and merge them (child wins)."""
    chain: list[tuple[dict, dict[KeyPath, Spot], set[KeyPath]]] = []
    files: list[Path] = []
    current = file
    while True:
        located = load_yaml_file(current)
        value = located.value if located.value is not None else {}
        if not isinstance(value, dict):
            raise LayoutError("a style sheet must be a mapping of keys (page:, fonts:, styles:, …)",
                              file=current, line=located.line_of(()))
        files.append(current)
        spots = {path: Spot(current, line) for path, (line, _col) in located.positions.items()}
        spots.setdefault((), Spot(current, None))
        value, spots, replaced = _normalise_headline(value, spots)
        chain.append((value, spots, replaced))
        parent = value.pop("extends", None)
        if parent is None:
            break
        current = _parent_file(parent, located, current, files, styles_dir)
    value, spots, _ = chain[-1]
    for child_value, child_spots, replaced in reversed(chain[:-1]):
        merged_spots: dict[KeyPath, Spot] = {}
        value = _merge(value, spots, child_value, child_spots, (), replaced, merged_spots)
        spots = merged_spots
    return MergedSheet(value, Origins(spots, file), tuple(files))


def _parent_file(parent: Any, located: Located, current: Path, files: list[Path],
                 styles_dir: Path) -> Path:
    where = {"file": current, "line": located.line_of(("extends",)), "key": "extends"}
    if not isinstance(parent, str) or not parent.strip():
        raise LayoutError("expected the name or path of a style sheet", **where)
    try:
        found = find_sheet(parent, styles_dir, relative_to=current.parent)
    except LayoutError as exc:
        raise LayoutError(exc.message, hint=exc.hint, **where) from None
    loop = [Path(os.path.abspath(f)) for f in files]
    if Path(os.path.abspath(found)) in loop:
        start = loop.index(Path(os.path.abspath(found)))
        names = " → ".join(f.name for f in files[start:]) + f" → {found.name}"
        raise LayoutError(f"extends cycle: {names}", hint="a style sheet cannot extend itself",
                          **where)
    if len(files) >= MAX_EXTENDS_DEPTH:
        raise LayoutError(f"more than {MAX_EXTENDS_DEPTH} levels of extends", **where)
    return found


def _normalise_headline(value: dict, spots: dict[KeyPath, Spot]
                        ) -> tuple[dict, dict[KeyPath, Spot], set[KeyPath]]:
    """Write ``headline`` as a rank map (list index 0 → rank 1, "2" → 2), moving spots along.

    Returns the paths whose value must replace, not merge with, the parent's (a list).
    """
    headline = value.get("headline")
    if isinstance(headline, list):
        ranks = {index + 1: item for index, item in enumerate(headline)}
        rename = {index: index + 1 for index in range(len(headline))}
        replaced = {("headline",)}
    elif isinstance(headline, dict):
        rename = {key: int(key) for key in headline
                  if isinstance(key, str) and key.strip().isdigit() and int(key) not in headline}
        ranks = {rename.get(key, key): item for key, item in headline.items()}
        replaced = set()
    else:
        return value, spots, set()
    moved = {}
    for path, spot in spots.items():
        if len(path) >= 2 and path[0] == "headline" and path[1] in rename:
            path = ("headline", rename[path[1]]) + path[2:]
        moved[path] = spot
    return {**value, "headline": ranks}, moved, replaced


def _merge(base: Any, base_spots: dict[KeyPath, Spot], child: Any,
           child_spots: dict[KeyPath, Spot], path: KeyPath, replaced: set[KeyPath],
           out: dict[KeyPath, Spot]) -> Any:
    """Deep-merge ``child`` over ``base`` at ``path``, writing the winning spots into ``out``."""
    if isinstance(base, dict) and isinstance(child, dict) and path not in replaced:
        if path in child_spots:
            out[path] = child_spots[path]
        result = dict(base)
        for key, value in child.items():
            if key in base:
                result[key] = _merge(base[key], base_spots, value, child_spots, path + (key,),
                                     replaced, out)
            else:
                result[key] = value
                _copy_spots(child_spots, path + (key,), out)
        for key in base:
            if key not in child:
                _copy_spots(base_spots, path + (key,), out)
        return result
    _copy_spots(child_spots, path, out)
    return child


def _copy_spots(source: dict[KeyPath, Spot], prefix: KeyPath, out: dict[KeyPath, Spot]) -> None:
    size = len(prefix)
    for path, spot in source.items():
        if path[:size] == prefix:
            out[path] = spot
