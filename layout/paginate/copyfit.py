"""Stage 4 (paginate): copyfitting — how each module fills its space once the page is made.

Photos sit on the page-edge side of their module (or at its foot); a stack of same-width
modules shares the white at its foot (``_settle``); then in each module the photo grows to take
what the columns under it cannot, and every column opens blank grid lines at its breaks until
it reaches the module's foot (vertical justification, never a hole's worth at one place).

A mixin of :class:`~.placer.Paginator`.
"""
from __future__ import annotations

from dataclasses import replace

from ..compose.blocks import Block, grown_photo, photo_growth_limit
from ..model import Article
from .holes import FOOT_MIN_LINES, HOLE_MIN_LINES
from .work import Fit, Module, PageState, Work

MAX_FEATHER_LINES = 24   # most blank grid lines copyfitting spreads through one module


class CopyfitMixin:
    """Photo placement and copyfitting (see the module docstring)."""

    def _photo_place(self, column: int, width: int, work: Work, photo: Block) -> str:
        """Where a module's photo goes: at the top, on the side of the page edge the module
        touches ("right", "left"); a module touching neither has it at its "foot", under the
        text. (White over a photo between two other stories reads as a gutter, which would
        cut the headline above it in two for a reader — or a text extractor.) A two-column
        story (not the lead) with no more text than its photo is tall has it at its foot too,
        so its text sits under its head, not beside a photo under half of it."""
        if width == 2 and work.article.priority != 1:
            if self._text_rows(work) <= photo.rows * width:
                return "foot"
        if column + width == self.columns:
            return "right"
        return "left" if column == 0 else "foot"

    def _text_rows(self, work: Work) -> int:
        """Grid lines of body text ``work`` has left (cached)."""
        key = (work.article.id, work.start)
        found = self._rows_left.get(key)
        if found is None:
            flow = self.composer.body(work.article)
            found = self._rows_left[key] = sum(item.rows for item in flow[work.start:])
        return found

    def _reserved(self, photo: Block | None, photo_columns: int, width: int,
                  column: int, work: Work) -> list[int]:
        """Grid lines the photo takes in each body column of a module at ``column``."""
        if photo is None:
            return [0] * width
        if self._photo_place(column, width, work, photo) == "left":
            return [photo.rows if c < photo_columns else 0 for c in range(width)]
        return [photo.rows if c >= width - photo_columns else 0 for c in range(width)]

    def _photo_origin(self, module: Module, state: PageState, fit: Fit) -> tuple[int, int]:
        """First column and top grid line of a placed module's photo."""
        spot = module.spot
        body_top = spot.top + spot.header.rows
        place_ = self._photo_place(spot.column, spot.width, module.work, spot.photo)
        if place_ == "left":
            return spot.column, body_top
        column = spot.column + spot.width - spot.photo_columns
        if place_ == "foot":
            return column, body_top + self._target(module, state) - fit.photo.rows
        return column, body_top

    def _text_top(self, module: Module, offset: int, fit: Fit) -> int:
        """The grid line where body column ``offset`` of a module starts its text."""
        spot = module.spot
        body_top = spot.top + spot.header.rows
        if spot.photo is not None and \
                self._photo_place(spot.column, spot.width, module.work, spot.photo) == "foot":
            return body_top
        if spot.reserved[offset] == 0:
            return body_top
        return body_top + spot.reserved[offset] + fit.growth

    def _room(self, module: Module, state: PageState) -> int:
        """White grid lines under ``module``, down to the next module or the foot of the page
        (at most :data:`MAX_FEATHER_LINES`); on the edition's last page only down to the next
        module. A locked module reaches the foot it had."""
        if module.locked is not None:
            reach = module.locked.reach if module.locked.reach is not None \
                else module.locked.lines
            room = module.spot.top + reach - module.bottom
            return max(0, min(room, MAX_FEATHER_LINES))
        gap = self.sheet.spacing.gap_lines
        limit = state.limit(module.spot.column, module.spot.width)
        # On the edition's last page white at the foot of the page is no fault: a module
        # over it ends where its text ends.
        room = 0 if state.last and limit == state.rows else limit - module.bottom
        below = [other.spot.top - module.bottom - gap for other in state.modules
                 if other is not module and other.spot.top >= module.bottom
                 and set(other.columns) & set(module.columns)]
        if below:
            room = min(below) if state.last and limit == state.rows else min(room, *below)
        return max(0, min(room, MAX_FEATHER_LINES))

    def _absorb(self, module: Module) -> int:
        """Lines every body column of ``module`` can take past the module's body height —
        blank lines at its breaks, and under a photo what the photo can grow (0 for a jumped
        module: it already reaches the foot)."""
        if module.jumped:
            return 0
        flow = self.composer.body(module.work.article)
        spot = module.spot
        growth = photo_growth_limit(spot.photo, self.pitch) if spot.photo is not None else 0
        reach = [spot.reserved[offset] + f.rows + (growth if spot.reserved[offset] else 0)
                 + sum(most for _, most in self._column_breaks(module.work.article, flow, f))
                 for offset, f in enumerate(module.fills) if f.stop > f.start]
        return max(0, min(min(reach, default=0) - module.height, MAX_FEATHER_LINES))

    def _settle(self, state: PageState) -> None:
        """Share the white at the foot of a stack of same-width modules among all of them:
        when the lowest cannot take it all, the modules over it open lines too and it moves
        down by as many (the stack's bottom stays where the page ends)."""
        gap = self.sheet.spacing.gap_lines
        stacks: dict[tuple[int, int], list[Module]] = {}
        for module in state.modules:
            stacks.setdefault((module.spot.column, module.spot.width), []).append(module)
        for stack in stacks.values():
            stack.sort(key=lambda m: m.spot.top)
            # Only the chain at the bottom of the strip: modules touching one another.
            chain = [stack[-1]]
            for module in reversed(stack[:-1]):
                if module.bottom + gap != chain[0].spot.top:
                    break
                chain.insert(0, module)
            last = chain[-1]
            below = state.limit(last.spot.column, last.spot.width) - last.bottom
            for other in state.modules:
                if other.spot.top >= last.bottom and set(other.columns) & set(last.columns):
                    below = min(below, other.spot.top - last.bottom - gap)
            shifts = settle_shifts([self._absorb(m) for m in chain], below)
            for module, shift in zip(chain, shifts):
                if shift:
                    index = next(i for i, m in enumerate(state.modules) if m is module)
                    state.modules[index] = replace(
                        module, spot=replace(module.spot, top=module.spot.top + shift))

    def _target(self, module: Module, state: PageState) -> int:
        """Body lines a module's columns reach once copyfitted: its height and the white
        under it."""
        return module.height + self._room(module, state)

    def blocks_span(self, columns: int) -> float:
        page = self.sheet.page
        return columns * page.column_width + (columns - 1) * page.gutter

    def _copyfit(self, module: Module, state: PageState) -> Fit:
        """Vertical justification, so every column of the module reaches its foot — its body
        height plus the white under it. First the photo grows to take what the columns under
        it cannot (it fills a deeper box, cropped at its sides; see ``grown_photo``), then
        each column opens blank grid lines at its paragraph breaks ({flow index: lines}),
        spread evenly and never a hole's worth at one place (see :func:`_breaks`); a column
        with too few breaks stays short."""
        spot = module.spot
        target = self._target(module, state)
        flow = self.composer.body(module.work.article)
        texted = [i for i, f in enumerate(module.fills) if f.stop > f.start]

        def used(offset: int) -> int:
            column_fill = module.fills[offset]
            rows = spot.reserved[offset]
            if column_fill.stop > column_fill.start:
                rows += column_fill.rows + (1 if module.jumped and offset == texted[-1] else 0)
            return rows

        breaks = [self._column_breaks(module.work.article, flow, f) if f.stop > f.start else []
                  for f in module.fills]
        limit = photo_growth_limit(spot.photo, self.pitch) if spot.photo is not None else 0
        spacing, growth = fit_columns(
            [spot.reserved[offset] for offset in range(len(module.fills))],
            [used(offset) for offset in range(len(module.fills))],
            breaks, [offset in texted for offset in range(len(module.fills))], target, limit)
        photo = self._grown(spot.photo, growth) if spot.photo is not None else None
        return Fit(spacing, growth, photo)

    def _column_breaks(self, article: Article, flow, column_fill) -> list[tuple[int, int]]:
        """:func:`_breaks` of a column, cached (pages are scored many times over)."""
        key = (article.id, column_fill.start, column_fill.stop)
        found = self._breaks_cache.get(key)
        if found is None:
            found = self._breaks_cache[key] = _breaks(flow, column_fill)
        return found

    def _grown(self, photo: Block, growth: int) -> Block:
        """The photo block ``growth`` grid lines deeper (cached, so its ink is cached too)."""
        if growth <= 0:
            return photo
        key = (id(photo), growth)
        if key not in self._grown_photos or self._grown_photos[key][0] is not photo:
            self._grown_photos[key] = (photo, grown_photo(photo, growth, self.pitch))
        return self._grown_photos[key][1]


def fit_columns(reserved: list[int], used: list[int], breaks: list[list[tuple[int, int]]],
                texted: list[bool], target: int, growth_limit: int) -> tuple[list[dict], int]:
    """Copyfit one module's columns to ``target`` body lines: (blank lines per column as
    {flow index: lines}, grid lines the photo grows).

    Column *c* has ``reserved[c]`` lines of photo at its top, ``used[c]`` lines taken (photo,
    text, jump line), its ``breaks`` ((flow index, most lines) pairs) and ``texted[c]`` when it
    holds text. The photo (over the columns with ``reserved`` lines) grows, up to
    ``growth_limit``, by what the columns under it cannot take at their breaks; then every
    texted column spreads what it still lacks over its breaks (:func:`_spread`). Pure."""
    growth = 0
    photo_columns = [c for c, rows in enumerate(reserved) if rows > 0]
    if growth_limit and photo_columns:
        short = min(target - used[c] - sum(most for _, most in breaks[c])
                    for c in photo_columns)
        growth = max(0, min(short, growth_limit))
    spacing = []
    for c in range(len(used)):
        if not texted[c]:
            spacing.append({})
            continue
        extra = growth if c in photo_columns else 0
        spacing.append(_spread(breaks[c], max(0, target - used[c] - extra)))
    return spacing, growth


def settle_shifts(absorbs: list[int], below: int) -> list[int]:
    """How far each module of a chain (stacked, touching, top to bottom) moves down so the
    chain shares the ``below`` white lines under its last module: the last takes what it can
    (``absorbs[-1]``); while a foot's worth (:data:`FOOT_MIN_LINES`) is left, the one over it
    opens up to what it can take, and everything under it moves down by as much. Pure."""
    shifts = [0] * len(absorbs)
    remaining = below - absorbs[-1] if absorbs else 0
    for index in range(len(absorbs) - 2, -1, -1):
        if remaining < FOOT_MIN_LINES:
            break
        shift = min(remaining, absorbs[index])
        for lower in range(index + 1, len(absorbs)):
            shifts[lower] += shift
        remaining -= shift
    return shifts


def _breaks(flow, column_fill) -> list[tuple[int, int]]:
    """Where a column can open blank lines: (flow index after which they go, how many),
    after a paragraph, a space, a photo or the copyright line — never after a subhead (it
    keeps to its text), nor at the column's foot, and never so many that the white there
    reaches :data:`~.holes.HOLE_MIN_LINES` (a space already is one blank line)."""
    found = []
    for index in range(column_fill.start, column_fill.stop - 1):
        item, after = flow[index], flow[index + 1]
        if item.keep_with_next or item.kind == "head" or after.kind == "space":
            continue
        if item.kind == "space":
            found.append((index, HOLE_MIN_LINES - 1 - item.rows))
        elif item.index == item.count - 1:
            found.append((index, HOLE_MIN_LINES - 1))
    return [(index, most) for index, most in found if most > 0]


def _spread(breaks: list[tuple[int, int]], lines: int) -> dict[int, int]:
    """``lines`` blank lines over ``breaks`` ((index, most) pairs), one round at a time so
    they spread evenly (fewer lines when the breaks cannot take them all)."""
    lines = min(lines, sum(most for _, most in breaks))
    spacing: dict[int, int] = {}
    for round_ in range(1, HOLE_MIN_LINES):
        open_ = [index for index, most in breaks if most >= round_]
        if lines <= 0 or not open_:
            break
        take = min(lines, len(open_))
        for j in range(take):
            index = open_[(2 * j + 1) * len(open_) // (2 * take)]
            spacing[index] = spacing.get(index, 0) + 1
        lines -= take
    return spacing
