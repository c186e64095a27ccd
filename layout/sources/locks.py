"""Page locks in: ``lock:`` in edition.yaml or ``--lock 1-3`` → page numbers; the previous
build's ``manifest.json`` → the :class:`~layout.model.locks.Locks` those pages keep.

Everything is checked here, where the input is read: a bad range names its file, line and key
(or the command-line option); a manifest that is missing, unreadable, of another edition or
style, or whose locked pages name stories the edition no longer has, or continue a story
from a page that is not locked, is a :class:`LayoutError` naming the manifest and what to do.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from ..errors import LayoutError
from ..model import Edition
from ..model.locks import LockedAd, LockedModule, LockedPage, Locks

MAX_PAGE = 999
_RANGE = re.compile(r"^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$")


def parse_pages(value) -> tuple[int, ...]:
    """``"1-3"``, ``"1,4-5"``, ``3`` or ``[1, 2, "4-5"]`` → sorted page numbers. Raises
    ValueError with a message for anything else (no page 0, no backwards range)."""
    if isinstance(value, bool):
        raise ValueError(f"expected page numbers like 1-3 or [1, 2], not {value!r}")
    if isinstance(value, int):
        items = [str(value)]
    elif isinstance(value, str):
        items = value.split(",")
    elif isinstance(value, list):
        items = []
        for item in value:
            if isinstance(item, bool) or not isinstance(item, (int, str)):
                raise ValueError(f"expected page numbers like 1-3 or [1, 2], not {item!r}")
            items.extend(str(item).split(","))
    else:
        raise ValueError(f"expected page numbers like 1-3 or [1, 2], not {value!r}")
    pages: set[int] = set()
    for item in items:
        match = _RANGE.match(item)
        if not match:
            raise ValueError(f'"{item.strip()}" is not a page or a range of pages like 1-3')
        first = int(match.group(1))
        last = int(match.group(2) or first)
        if first < 1:
            raise ValueError("pages are numbered from 1")
        if last < first:
            raise ValueError(f'"{item.strip()}" runs backwards (write {last}-{first})')
        if last > MAX_PAGE:
            raise ValueError(f"page {last} is past any edition ({MAX_PAGE} pages at most)")
        pages.update(range(first, last + 1))
    if not pages:
        raise ValueError("no pages given")
    return tuple(sorted(pages))


def read_lock(doc, fields, errors: list[LayoutError]) -> tuple[tuple[int, ...], int | None]:
    """``lock:`` of edition.yaml → (pages, its line); a bad value goes to ``errors``."""
    if "lock" not in fields.mapping or fields.mapping["lock"] is None:
        return (), None
    try:
        return parse_pages(fields.mapping["lock"]), doc.nearest_line(("lock",))
    except ValueError as error:
        errors.append(doc.error(str(error), ("lock",), hint="lock: 1-3, or lock: [1, 2, 5]"))
        return (), None


def read_locks(manifest: Path, pages: tuple[int, ...], edition: Edition, style: str,
               source: str) -> Locks:
    """The modules and ads of ``pages`` as the previous build (``manifest``) placed them.

    ``source`` names where the lock was asked for (``--lock`` or ``edition.yaml:7: lock``)."""
    file = str(manifest)
    hint = "build once without locks (the pages to lock come from that build's manifest.json)"
    if not manifest.is_file():
        raise LayoutError(f"{source} asks to keep pages {format_pages(pages)} of the previous "
                          "build, but there is no previous manifest.json", file=file, hint=hint)
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise LayoutError(f"cannot read the previous build's manifest ({error})", file=file,
                          hint=hint) from None
    if not isinstance(data, dict) or data.get("version") != 1 or \
            not isinstance(data.get("pages"), list) or not isinstance(data.get("edition"), dict):
        raise LayoutError("not a newsprint manifest.json (version 1)", file=file, hint=hint)
    meta = data["edition"]
    for key, now in (("title", edition.title), ("date", edition.date.isoformat()),
                     ("style", style)):
        if meta.get(key) != now:
            raise LayoutError(f'the previous build is of another edition or style ({key} '
                              f'"{meta.get(key)}", this build "{now}"): its pages cannot be '
                              f"locked ({source})", file=file, key=f"edition.{key}", hint=hint)
    by_number = {page.get("number"): page for page in data["pages"] if isinstance(page, dict)}
    missing = [n for n in pages if n not in by_number]
    if missing:
        raise LayoutError(f"{source}: the previous build has {len(by_number)} pages, no page "
                          f"{format_pages(tuple(missing))}", file=file, key="pages",
                          hint="lock only pages the previous build has")
    photos = _photo_parts(data)
    ids = {article.id for article in edition.articles}
    locked: list[LockedPage] = []
    where: dict[tuple[str, int], int] = {}
    try:
        for number in pages:
            page = by_number[number]
            modules = tuple(LockedModule(
                str(m["article"]), int(m["part"]), int(m["column"]), int(m["row"]),
                int(m["columns"]), int(m["lines"]), bool(m["jumps"]),
                (str(m["article"]), int(m["part"])) in photos, bool(m.get("filler", False)),
                _optional(m, "body"), _optional(m, "reach"), _optional(m, "smaller") or 0,
                bool(m.get("even", False)))
                for m in page["modules"])
            ads = tuple(LockedAd(str(a["file"]), int(a["column"]), int(a["row"]),
                                 int(a["columns"]), int(a["lines"])) for a in page["ads"])
            locked.append(LockedPage(number, modules, ads))
            for module in modules:
                where[(module.article, module.part)] = number
    except (KeyError, TypeError, ValueError) as error:
        raise LayoutError(f"page {number} of the previous build's manifest is damaged "
                          f"({type(error).__name__}: {error})", file=file,
                          key=f"pages[{number - 1}]", hint=hint) from None
    for (article, part), number in sorted(where.items(), key=lambda item: item[1]):
        if article not in ids:
            raise LayoutError(f'locked page {number} carries "{article}", which the edition '
                              "no longer has", file=file, key=f"pages[{number - 1}].modules",
                              hint="put the story back, or unlock the page")
        if part > 0 and (article, part - 1) not in where:
            before = _page_of(data, article, part - 1)
            raise LayoutError(f'locked page {number} continues "{article}" from page '
                              f"{before}, which is not locked", file=file,
                              key=f"pages[{number - 1}].modules",
                              hint=f"lock page {before} too, or unlock page {number}")
    return Locks(tuple(locked), file, source, _grid(data))


def _optional(module: dict, key: str) -> int | None:
    value = module.get(key)
    return None if value is None else int(value)


def _photo_parts(data: dict) -> set[tuple[str, int]]:
    """(article, part) pairs whose boxes include the main photo."""
    found = set()
    for article in data.get("articles", []):
        for part in article.get("parts", []):
            if any(box.get("kind") == "photo" for box in part.get("boxes", [])):
                found.add((article["id"], part["part"]))
    return found


def _page_of(data: dict, article: str, part: int) -> int | str:
    for page in data["pages"]:
        for module in page.get("modules", []):
            if module.get("article") == article and module.get("part") == part:
                return page["number"]
    return "?"


def _grid(data: dict) -> tuple[int, int, int] | None:
    grid = data.get("grid")
    if isinstance(grid, dict):
        try:
            return int(grid["columns"]), int(grid["rows"]), int(grid["masthead_rows"])
        except (KeyError, TypeError, ValueError):
            return None
    return None


def format_pages(pages: tuple[int, ...]) -> str:
    """(1, 2, 3, 5) → "1-3, 5"."""
    runs: list[list[int]] = []
    for page in pages:
        if runs and page == runs[-1][1] + 1:
            runs[-1][1] = page
        else:
            runs.append([page, page])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)
