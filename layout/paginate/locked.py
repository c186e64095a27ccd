"""Stage 4 (paginate): a locked page — the modules of the previous build, text re-set in them.

A locked page (``--lock`` / ``lock:``) keeps exactly the modules, sizes and positions the
previous build gave it (:class:`~layout.model.locks.LockedPage`, read from its manifest.json).
Only the text is set again inside each module: its head, its photo (where the module had it),
its body poured into the same columns. A story that no longer fits its module is *overset*:
the lines that do not fit are not printed, and :class:`Overset` reports how many — it is never
moved. A module that jumped before still jumps: its rest goes on where the previous build
continued it (a locked page: the same module there; an unlocked one: the page maker places it).
Nothing is settled or shifted on a locked page, and copyfitting stays inside each module.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..compose.fill import capacities_under, fill
from ..errors import Diagnostic, LayoutError
from ..model.locks import LockedModule, LockedPage, Locks
from .work import Module, PageState, Spot, Work


@dataclass(frozen=True)
class Overset:
    """Body lines of a story part that no longer fit its locked module (not printed)."""

    article: str
    part: int
    page: int
    lines: int


def check_grid(locks: Locks, columns: int, rows: int, masthead_rows: int) -> None:
    """The previous build must have been made on this grid (same style, same masthead)."""
    if locks.grid is not None and locks.grid != (columns, rows, masthead_rows):
        raise LayoutError(
            f"the previous build was made on another page grid (columns, grid lines, masthead "
            f"lines {locks.grid}, now {(columns, rows, masthead_rows)}): {locks.source} cannot "
            "keep its pages", file=locks.manifest, key="grid",
            hint="build once without locks after changing the style")
    for page in locks.pages:
        top = masthead_rows if page.number == 1 else 0
        for index, m in enumerate(page.modules):
            if m.column < 0 or m.columns < 1 or m.column + m.columns > columns or \
                    m.row < top or m.lines < 1 or m.row + m.lines > rows:
                raise LayoutError(
                    f'locked page {page.number}: module "{m.article}" ({m.columns}×{m.lines} at '
                    f"column {m.column + 1}, line {m.row}) is not inside this page grid",
                    file=locks.manifest, key=f"pages[{page.number - 1}].modules[{index}]",
                    hint="build once without locks")


class LockedPages:
    """Re-sets locked pages in order; keeps the rest of each locked jump for the next part.

    ``paginator`` gives the geometry and the composer (``_parts``, ``_reserved``,
    ``composer``, ``keeps``, ``sheet``); nothing here chooses where a module goes."""

    def __init__(self, paginator, locks: Locks):
        self.p = paginator
        self.locks = locks
        self.where = {(m.article, m.part): page.number
                      for page in locks.pages for m in page.modules}
        self.rests: dict[tuple[str, int], Work] = {}   # next part, when it is locked too
        self.overset: list[Overset] = []

    def first_parts(self) -> set[str]:
        """Stories that open on a locked page (the page maker never places them)."""
        return {article for article, part in self.where if part == 0}

    def make(self, number: int, top_rows: int, lock: LockedPage, works: dict[str, Work],
             pending: list[Work]) -> tuple[PageState, list[Work]]:
        """Page ``number`` as locked. ``works`` holds each locked story's first part; returns
        the page and the continuations that go on on unlocked pages.

        Each head is set at the size it had (a bumped one as many sizes down as before), each
        body poured into what its head leaves of the module."""
        p = self.p
        state, _, _ = p._new_page(number, top_rows, [])
        self._check_ads(state, lock)
        placed = []
        for m in lock.modules:
            work = works[m.article] if m.part == 0 else self.rests.pop((m.article, m.part))
            header, photo, photo_columns = p._parts(work, m.columns, with_photo=m.photo)
            smaller = 0
            if m.part == 0 and m.smaller:     # the size unbumping gave it, while it may shrink
                smaller = max((n for n in range(1, m.smaller + 1)
                               if p.composer.can_shrink(work.article, m.columns, n)), default=0)
                if smaller:
                    header = p.composer.header(work.article, m.columns, smaller)
            reserved = p._reserved(photo, photo_columns, m.columns, m.column, work)
            spot = Spot(m.column, m.columns, m.row, header, photo, photo_columns, reserved,
                        smaller)
            module = Module(work, spot, [], max(0, m.lines - header.rows), m.jumps,
                            locked=m)
            p._register(module, state)
            placed.append((m, module))
        continuations = []
        for index, (m, module) in enumerate(placed):
            state.modules[index], rest = self._pour(state, m, module)
            if rest is None:
                continue
            if (m.article, m.part + 1) in self.where:
                self.rests[(m.article, m.part + 1)] = rest
            else:
                continuations.append(rest)
        on_page = {m.article for m in lock.modules}
        for work in pending:
            if work.part == 0 and work.article.page == number and work.article.id not in on_page:
                p.diagnostics.append(Diagnostic(
                    "fit", f"pinned to page {number}, which is locked ({self.locks.source}): "
                           "it follows on a later page", file=str(work.article.file)))
        return state, continuations

    def _pour(self, state: PageState, m: LockedModule,
              module: Module) -> tuple[Module, Work | None]:
        """``module`` (locked as ``m``) with its body set under its head, and the continuation
        when it jumps (or when its locked continuation must still be made, even empty)."""
        p = self.p
        work = module.work
        article = work.article
        flow = p.composer.body(article)
        spot = module.spot
        depth = max(0, m.lines - spot.header.rows)
        # Balanced columns where the text fits (copyfitting feathers them down to the
        # module's foot, as it did); the body it had where it jumps; all of it when overset.
        if m.jumps:
            balanced = min(depth, m.body) if m.body is not None else None
        else:
            balanced = p._body_height(work, m.columns, list(spot.reserved), depth)
        height = depth if balanced is None else balanced
        capacities = capacities_under(height, list(spot.reserved))
        if m.jumps:
            # The last column that takes text keeps its line for "Continued on page N".
            last = max((c for c, room in enumerate(capacities) if room > 0),
                       default=len(capacities) - 1)
            capacities[last] = max(0, capacities[last] - 1)
        if balanced is not None and not m.jumps:
            fills, stop = p._pour(flow, work.start, height, list(spot.reserved), m.even)
        else:
            fills, stop = fill(flow, work.start, capacities, **p.keeps)
        ends = stop >= len(flow)
        number = state.number
        if not ends and not m.jumps:
            lines = sum(item.rows for item in flow[stop:])
            self.overset.append(Overset(article.id, work.part, number, lines))
            p.diagnostics.append(Diagnostic(
                "overset", f"locked page {number}: {lines} lines overset — the story no "
                           f"longer fits its {m.columns}×{m.lines} module and is not moved; "
                           "cut it, or unlock the page", file=str(article.file)))
        jumped = m.jumps and not ends
        follows = (article.id, work.part + 1) in self.where
        note = ""
        if ends and m.jumps:
            note = (f"locked page {number}: the story now ends here; "
                    + ("its continuation's module stays, empty" if follows
                       else "it no longer jumps"))
        poured = replace(module, fills=fills, height=height, jumped=jumped, note=note,
                         even=m.even and not jumped)
        photo_pending = work.photo_pending and spot.photo is None and bool(article.figures)
        if jumped or (m.jumps and follows):
            return poured, Work(article, stop, work.part + 1, number, m.columns, photo_pending)
        return poured, None

    def _check_ads(self, state: PageState, lock: LockedPage) -> None:
        """The ads booked for a locked page must sit where they sat."""
        now = sorted((a.ad.source, a.column, a.row, a.columns, a.lines) for a in state.ads)
        before = sorted((a.file, a.column, a.row, a.columns, a.lines) for a in lock.ads)
        if now != before:
            raise LayoutError(
                f"page {lock.number} is locked ({self.locks.source}) but its booked ads changed "
                f"since the previous build ({before or 'none'} → {now or 'none'})",
                file=str(self.p.edition.root / "edition.yaml"), key="ads",
                hint="book the ads as they were, or unlock the page")
