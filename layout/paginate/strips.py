"""Stage 4 (paginate): pages made as vertical strips — every split of the columns into strips
(5 columns: 16 splits), each strip filled from the top by a small search over the next stories,
then the room the strips leave (beside an ad, under a strip whose stories ran out) filled.

A mixin of :class:`~.placer.Paginator`: it uses the paginator's geometry, composer and
placement (``_put``, ``place``, ``_place_whole``).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..compose.fill import capacities_under
from .holes import FOOT_MIN_LINES
from .work import JUMP_COST_LINES, JUMP_MIN_ROWS, LOOKAHEAD, Jumped, NoRoom, PageState, Spot, Work

LEFTOVER_MIN_LINES = 6   # room under this (every column) is left to copyfitting
STRIP_LOOKAHEAD = 10     # stories, in running order, a strip may take from
STRIP_CHOICES = 3        # stories tried at each step of filling a strip
SKIP_COST_LINES = 4      # placing a story ahead of an earlier one costs this many white lines
MUST_COST_LINES = 1000   # … ahead of the page's first story (it must be on the page)


class StripsMixin:
    """Strip compositions of a page (see the module docstring)."""

    def _strip_page(self, number: int, top_rows: int, pending: list[Work], strips,
                    white_weight: float = 1.0, even: bool = False):
        """Stories stacked in vertical strips of the given widths, each strip filled to its
        foot as well as the next few stories allow (see :meth:`_plan_strip`); the story that
        does not fit whole at the foot of a strip jumps."""
        state, left, continuations = self._new_page(number, top_rows, pending)
        state.even = even
        column = 0
        for width in strips:
            for work, with_photo in self._plan_strip(state, left, column, width, pending[0],
                                                     white_weight):
                top = max(state.skyline[column:column + width])
                header, photo, photo_columns = self._parts(work, width, with_photo)
                reserved = self._reserved(photo, photo_columns, width, column, work)
                spot = Spot(column, width, top, header, photo, photo_columns, reserved)
                trial = self._put(work, state, spot, force=not state.modules)
                if isinstance(trial, NoRoom):
                    break
                left.remove(work)
                if isinstance(trial, Jumped):
                    continuations.append(trial.rest)
                    break
            column += width
        return state, left, continuations

    def _fill_leftovers(self, state: PageState, left: list[Work], continuations: list) -> None:
        """Room the strips could not use (beside an ad, under a strip whose stories ran
        out): whole stories that fit there at any width, then one story started there and
        jumped."""
        if max(state.limit(c, 1) - state.skyline[c] for c in range(self.columns)) < \
                LEFTOVER_MIN_LINES:
            return
        while left and self._place_whole(left, state):
            pass
        for index, work in enumerate(left[:LOOKAHEAD]):
            trial = self.place(work, state, whole=False)
            if isinstance(trial, NoRoom):
                continue
            del left[index]
            if isinstance(trial, Jumped):
                continuations.append(trial.rest)
            break

    def _plan_strip(self, state: PageState, left: list[Work], column: int, width: int,
                    first: Work, white_weight: float = 1.0):
        """The stories, in stacking order, that fill the strip of ``width`` columns from
        ``column`` best: a small search over the next :data:`STRIP_CHOICES` stories at each
        step, each placed whole or — last — cut at the foot and jumped. A plan costs the white
        it leaves at the foot, :data:`JUMP_COST_LINES` per jump and :data:`SKIP_COST_LINES`
        for each earlier story it passes over, so the running order holds where it costs
        nothing (:data:`MUST_COST_LINES` for passing over ``first``, the story the page must
        have). Returns [(work, with its photo)]."""
        top = max(state.skyline[column:column + width])
        room = state.limit(column, width) - top
        shapes = [shape for index, work in enumerate(left[:STRIP_LOOKAHEAD])
                  for shape in self._shapes(work, index, width, column)]
        first_index = next((i for i, work in enumerate(left) if work is first), None)
        chosen = plan_strip(shapes, room, width, self.sheet.spacing.gap_lines, first_index,
                            page_empty=not state.modules, white_weight=white_weight)
        return [(left[shape.index], shape.with_photo) for shape in chosen]

    def _shapes(self, work: Work, index: int, width: int, column: int) -> list[Shape]:
        """How ``work`` would sit in a strip ``width`` columns wide (see :class:`Shape`),
        with its photo and — a story that may leave it to its continuation — without."""
        if work.part == 0 and (work.article.columns not in (None, width)
                               or not self.composer.headline_fits(work.article, width)):
            return []
        if work.part == 0 and work.article.columns is None and work.article.priority in (1, 2):
            # The lead opens its page at the top left at its full width; a second story keeps
            # most of its width.
            natural = self.natural_columns(work.article)
            if work.article.priority == 1 and (width < min(natural - 1, 3) or column != 0):
                return []
            if width < natural - 1:
                return []
        total = self._text_rows(work)
        if width > 1 and total < self.sheet.spacing.min_body_lines * width:
            return []     # too short for so wide a module: columns of a line or two
        choices = (True, False) if work.part == 0 and work.photo_pending and \
            work.article.figures else (True,)
        shapes = []
        for with_photo in choices:
            header, photo, photo_columns = self._parts(work, width, with_photo)
            reserved = self._reserved(photo, photo_columns, width, column, work)
            whole = self._body_height(work, width, reserved, self.rows)
            shapes.append(Shape(index, with_photo, header.rows, tuple(reserved), whole, total,
                                self._may_jump(work)))
        return shapes


@dataclass(frozen=True)
class Shape:
    """A story as a strip sees it: its place among the stories left (running order), with its
    photo or not, its head's grid lines, the photo's lines at the top of each column, its
    whole body height at the strip's width (None: more than a page), its body lines left, and
    whether it may still jump."""

    index: int
    with_photo: bool
    head: int
    reserved: tuple[int, ...]
    whole: int | None
    total: int
    may_jump: bool = True


def plan_strip(shapes: list[Shape], room: int, width: int, gap: int,
               first: int | None = None, page_empty: bool = False,
               white_weight: float = 1.0) -> list[Shape]:
    """The shapes, in stacking order, that fill a strip ``width`` columns wide with ``room``
    free grid lines best: a depth-first search, :data:`STRIP_CHOICES` shapes tried at each
    step, each placed whole (with its photo) or — last — cut at the foot and jumped. A plan
    costs the white it leaves at the foot (none under :data:`~.holes.FOOT_MIN_LINES` lines),
    :data:`JUMP_COST_LINES` a jump and :data:`SKIP_COST_LINES` for each earlier story it passes
    over (:data:`MUST_COST_LINES` for ``first``, the story the page must carry, where it is
    among the shapes). A shape that may not jump (it has jumped as often as the style allows)
    only goes whole. On a page still empty (``page_empty``) a story may jump however short its
    rest; ``white_weight`` weighs the foot white (more, to try plans that jump where
    a whole story would leave a white foot). Pure: the same shapes give the same plan."""
    best: list = [None, []]
    must = any(shape.index == first for shape in shapes)

    def search(room: int, used: tuple, path: list, cost: float) -> None:
        tried = 0
        for shape in shapes:
            if shape.index in used or tried >= STRIP_CHOICES:
                continue
            step = cost + sum(MUST_COST_LINES if must and i == first else SKIP_COST_LINES
                              for i in range(shape.index) if i not in used)
            fits = shape.whole is not None and shape.head + shape.whole <= room
            if shape.with_photo and fits:
                tried += 1
                search(room - shape.head - shape.whole - gap, used + (shape.index,),
                       path + [shape], step)
                continue
            need = shape.head + max(shape.reserved) + JUMP_MIN_ROWS + 1
            if room < need or fits:
                continue
            if not shape.may_jump:
                continue
            capacity = sum(capacities_under(room - shape.head, list(shape.reserved))) - 1
            if shape.total - capacity < JUMP_MIN_ROWS and not page_empty:
                continue
            tried += 1
            leaf = step + JUMP_COST_LINES
            if best[0] is None or leaf < best[0]:
                best[0], best[1] = leaf, path + [shape]
        white = white_weight * room * width if room >= FOOT_MIN_LINES else 0
        leaf = cost + white
        if best[0] is None or leaf < best[0]:
            best[0], best[1] = leaf, path

    search(room, (), [], 0.0)
    return best[1]


def compositions(total: int) -> list[tuple[int, ...]]:
    """Every way to split ``total`` columns into strips, in order: 5 → (5), (4, 1), (1, 4) …"""
    if total == 0:
        return [()]
    return [(first,) + rest for first in range(total, 0, -1)
            for rest in compositions(total - first)]
