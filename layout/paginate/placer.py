"""Stage 4 (paginate): articles in running order → pages of modules, with jumps.

Each page is a grid of ``columns`` × ``rows`` grid lines under the masthead (page 1). Booked ads
go first (``ads.py``), then stories pinned to a slot of the page; then the page is made several
ways and the best is kept:

* every split of the columns into vertical strips, each strip filled from the top by a small
  search over the next stories, the last one cut at the foot and jumped when it does not fit
  whole, and the room the strips leave filled after (``strips.py``);
* a skyline greedy: the first of the next few stories that fits whole goes to the highest free
  spot at its natural width, else the next story starts in the best gap and jumps.

Every candidate is then unbumped (``heads.py``: a head beside one of like size is set a size
smaller) and settled (``copyfit.py``: a stack of modules shares the white at its foot), and
scored from its ink map (``holes.py``) the way a reader — or pdfcheck — sees white: white holes
in grid lines, past :data:`HOLE_LIMIT` ten times as heavy, plus :data:`JUMP_COST_LINES` a jump
and :data:`BUMP_COST_LINES` a pair of bumped heads. The edition's last page is scored lightly
for white. The first pending story is always on the page, so the running order holds; a
planned page (``plan:`` in edition.yaml) takes only its stories and continuations.

A story that does not fit ends with "Continued on page N" and goes on at the top of a later page
under a jump headline and "Continued from page M" (page numbers are filled in once every page
is made); a story that starts in a gap too small for its photo takes the photo along. Nothing
is ever dropped: every flow item is placed exactly once. When a page is complete its modules
are copyfitted and drawn.

The choice is page by page: there is no look-ahead across pages.
"""
from __future__ import annotations

from dataclasses import replace

from ..compose.blocks import Block
from ..compose.draws import ImageDraw, RuleDraw, place
from ..compose.fill import balanced_height, capacities_under, fill
from ..compose.galley import GalleyComposer
from ..errors import Diagnostic, LayoutError
from ..model import Article, Edition
from ..model.locks import Locks
from ..stylesheet.types import StyleSheet
from ..text.paragraph import Typesetter
from .ads import book
from .copyfit import CopyfitMixin
from .furniture import ears, folio, masthead
from .heads import HeadsMixin
from .locked import LockedPages, check_grid
from .holes import InkMap, block_ink
from .pages import ArticleBox, Jump, ModuleInfo, PageLayout, Pagination
from .strips import StripsMixin, compositions
from .work import (JUMP_COST_LINES, JUMP_MIN_ROWS, LOOKAHEAD, Drawn, Fit, Jumped, Module,
                   NoRoom, PagePlan, PageState, PendingJumpLine, Placed, Spot, Trial, Work)

AD_SHAPE_TOLERANCE = 0.05  # an ad more out of shape than this with its booking is reported
LAST_PAGE_HOLE_WEIGHT = 0.1
HOLES_REPORTED = 0.03     # a page (not the last) with more white holes is reported
HOLE_LIMIT = 0.02         # share of a page's grid lines that may be white holes …
OVER_LIMIT_WEIGHT = 10    # … past it, a white line weighs this many
BUMP_COST_LINES = 20      # a pair of bumped heads weighs as much as this many white lines
RETRY_HOLES = 0.025       # a page whiter than this is made again, the strips' foot white …
RETRY_WHITE_WEIGHT = 10    # … weighing this many times as much


class Paginator(StripsMixin, CopyfitMixin, HeadsMixin):
    def __init__(self, edition: Edition, sheet: StyleSheet, typesetter: Typesetter,
                 composer: GalleyComposer, locks: Locks | None = None):
        self.edition = edition
        self.sheet = sheet
        self.typesetter = typesetter
        self.composer = composer
        page = sheet.page
        self.columns = page.columns
        self.pitch = page.baseline
        self.content_top = page.height - page.margin_top
        self.content_height = page.height - page.margin_top - page.margin_bottom
        self.rows = int(self.content_height / self.pitch + 1e-6)
        self.pending_jump_lines: list[PendingJumpLine] = []
        self.part_pages: dict[tuple[str, int], int] = {}
        self.jumps: list[Jump] = []
        self.outline: list[tuple[str, str, int, float]] = []
        self.masthead_draws, self.masthead_rows = masthead(edition, sheet, typesetter)
        self._heights: dict[tuple, int | None] = {}
        self._block_inks: dict[int, tuple] = {}
        self._natural: dict[str, int] = {}
        self._rows_left: dict[tuple[str, int], int] = {}
        self._grown_photos: dict[tuple, tuple] = {}
        self._breaks_cache: dict[tuple, list] = {}
        self._placed_ads: list = []
        self._fillers: list[Work] = []
        self._page_ads: list = []
        self.diagnostics: list[Diagnostic] = []
        self.keeps = {"widows": sheet.spacing.widows, "orphans": sheet.spacing.orphans}
        self.plan = {page: list(ids) for page, ids in edition.plan}
        self.locks = locks
        self.locked = LockedPages(self, locks) if locks is not None else None
        if locks is not None:
            check_grid(locks, self.columns, self.rows, self.masthead_rows)

    # -- geometry ----------------------------------------------------------------------------
    def x_of(self, column: int) -> float:
        page = self.sheet.page
        return page.margin_inside + column * (page.column_width + page.gutter)

    def y_of(self, row: int) -> float:
        return self.content_top - row * self.pitch

    def natural_columns(self, article: Article) -> int:
        """The module width a story asks for: by priority and length, and wide enough that
        its head keeps to three lines (four in one column). Cached."""
        found = self._natural.get(article.id)
        if found is None:
            found = self._natural[article.id] = self._natural_columns(article)
        return found

    def _natural_columns(self, article: Article) -> int:
        n = self.columns
        if article.columns is not None:
            if article.columns > n:
                raise LayoutError(f"{article.columns} columns asked for; the page has {n}",
                                  file=article.file, key="columns")
            return article.columns
        priority = article.priority or 3
        if priority == 1:
            width = n - 1 if n >= 5 else n
        elif priority == 2:
            width = min(3, n)
        elif article.word_count > 250 or article.figures:
            width = min(2, n)
        else:
            width = 1
        while width < n and not self.composer.headline_fits(article, width):
            width += 1
        return width

    # -- the page loop -----------------------------------------------------------------------
    def run(self) -> list[PageLayout]:
        pages: list[PageLayout] = []
        locked_first = self.locked.first_parts() if self.locked is not None else set()
        lock_numbers = self.locks.numbers if self.locks is not None else ()
        works = {article.id: Work(article) for article in self.edition.articles
                 if article.id in locked_first}
        pending = [Work(article) for article in self.edition.articles if not article.filler
                   and article.id not in locked_first]
        self._fillers = [Work(article) for article in self.edition.articles if article.filler
                         and article.id not in locked_first]
        masthead_rows = self.masthead_rows
        while pending or self._fillers or any(n > len(pages) for n in lock_numbers):
            number = len(pages) + 1
            top_rows = masthead_rows if number == 1 else 0
            lock = self.locks.page(number) if self.locks is not None else None
            if lock is not None:
                self._page_ads = self._ads_for(number, self._section_of(lock))
                state, continuations = self.locked.make(number, top_rows, lock, works, pending)
            else:
                if not pending and not self._fillers:
                    raise LayoutError(
                        f"page {number} is not locked, and no story is left for it before "
                        f"locked page {min(n for n in lock_numbers if n > number)}",
                        file=self.locks.manifest, key="pages",
                        hint=f"lock page {number} too, or fewer pages ({self.locks.source})")
                if not pending:       # fillers no page needed: they close the edition
                    pending, self._fillers = self._fillers, []
                state, pending, continuations = self._best_page(number, top_rows, pending)
            self._placed_ads.extend(placement.ad for placement in state.ads)
            plan = state.plan()
            if not plan.articles and lock is None:
                raise LayoutError("the headline block is taller than a page",
                                  file=pending[0].article.file, key="headline")
            drawn = self._draw(plan)
            self.outline.extend(drawn.outline)
            self.pending_jump_lines.extend(drawn.jump_lines)
            self.part_pages.update(drawn.part_pages)
            self.diagnostics.extend(drawn.notes)
            layout = drawn.layout
            if number == 1:
                layout.draws[:0] = self.masthead_draws
            layout.draws.extend(folio(self.edition, self.sheet, self.typesetter, number,
                                      layout.section))
            pages.append(layout)
            pending = continuations + pending
        self._resolve_jump_lines(pages)
        for page in pages[:-1]:
            share = page.hole_lines / page.grid_lines if page.grid_lines else 0.0
            if share > HOLES_REPORTED:
                self.diagnostics.append(Diagnostic(
                    "fit", f"page {page.number} leaves {share:.1%} of its grid as white holes "
                           f"(more than {HOLES_REPORTED:.0%}): no story left to place fits the "
                           "room, and copyfitting could not take it all",
                    file=str(self.edition.root / "edition.yaml")))
        sections: list[tuple[str, int]] = []
        for page in pages:
            if page.section and page.section not in (name for name, _ in sections):
                sections.append((page.section, page.number))
        pages[0].draws.extend(ears(self.edition, self.sheet, self.typesetter,
                                   self.masthead_draws, sections, len(pages)))
        self._check_ads(len(pages))
        return pages

    # -- choosing a page ---------------------------------------------------------------------
    def _best_page(self, number: int, top_rows: int, pending: list[Work]):
        """Make page ``number`` the greedy way and in every split into vertical strips (each
        with its leftover room filled), unbump and settle each, and keep the one that scores
        best (:meth:`_cost`: white holes as a reader sees them, jumps, bumped heads). The first
        pending story must be on the page; a planned page takes only its stories and
        continuations. Returns (page, still pending, continuations)."""
        # Stories pinned to a later page wait; those pinned to this one come first.
        allowed = [w for w in pending if (w.article.page or 0) <= number or w.part > 0]
        here = [w for w in allowed if w.article.page == number and w.part == 0]
        planned = self.plan.get(number)
        if planned is not None:
            # A planned page carries its stories, in the plan's order, and only continuations
            # besides (they fill what room the plan leaves).
            here.sort(key=lambda w: planned.index(w.article.id))
            allowed = [w for w in allowed if w in here or w.part > 0]
        allowed = here + [w for w in allowed if w not in here]
        if not allowed:
            allowed = pending[:1]
        pool = self._section_pool(allowed)
        section = next((w.article.section for w in pool if w.part == 0), "")
        self._page_ads = self._ads_for(number, section)
        pool_ids = {id(w) for w in pool}
        filled = self._candidates(number, top_rows, pool, pending, pool_ids)

        def takes_all(candidate) -> bool:
            # A page that takes everything still to come is the edition's last: white at its
            # foot is no fault there.
            state, left, continuations, _ = candidate
            placed = pool_ids - {id(w) for w in left}
            return not continuations and all(id(w) in placed for w in pending)

        def cost(candidate) -> float:
            return self._cost(candidate[0], takes_all(candidate))

        best = min(filled, key=cost)
        if not takes_all(best) and \
                sum(self._ink(best[0]).holes()) > RETRY_HOLES * best[0].rows * self.columns:
            # Too white: make the strips again weighing the white at their feet more, so a
            # jump is tried where a whole story would leave a foot copyfitting cannot fill.
            filled += self._candidates(number, top_rows, pool, pending, pool_ids,
                                       white_weight=RETRY_WHITE_WEIGHT, retry=True)
            best = min(filled, key=cost)
        state, left, continuations, used = best
        self._fillers = [w for w in self._fillers if w not in used]
        placed = {id(w) for w in pool} - {id(w) for w in left}
        for work in here:
            if id(work) not in placed:
                self.diagnostics.append(Diagnostic(
                    "fit", f"pinned to page {number} but it does not fit there; it follows "
                           "on a later page", file=str(work.article.file)))
        return state, [w for w in pending if id(w) not in placed], continuations

    def _candidates(self, number: int, top_rows: int, pool: list[Work], pending: list[Work],
                    pool_ids: set[int], white_weight: float = 1.0, retry: bool = False):
        """The ways to make the page: the greedy one and one per strip split (the room they
        leave filled), each with the fillers placed, unbumped and settled (the edition's last
        page is not settled: it ends where its stories end). [(page, left, continuations,
        fillers used)]; only those that carry the page's first story, if any do. A ``retry``
        (a page too white the first time) has no greedy way, weighs the strips' foot white
        ``white_weight`` times and pours whole modules evenly."""
        candidates = [] if retry else [self._greedy_page(number, top_rows, pool)]
        for strips in compositions(self.columns):
            state, left, continuations = self._strip_page(number, top_rows, pool, strips,
                                                          white_weight, even=retry)
            self._fill_leftovers(state, left, continuations)
            candidates.append((state, left, continuations))
        first = pool[0].article.id
        valid = [c for c in candidates if first in c[0].articles] or candidates[:1]
        filled = []
        for state, left, continuations in valid:
            used = self._fill_gaps(state)
            self._unbump(state)
            placed = pool_ids - {id(w) for w in left}
            state.last = not continuations and all(id(w) in placed for w in pending) and \
                all(w in used for w in self._fillers)
            if not state.last:
                self._settle(state)
            filled.append((state, left, continuations, used))
        return filled

    def _ads_for(self, number: int, section: str) -> list:
        """The ads booked for page ``number``, or for the first page of its ``section``."""
        return [ad for ad in self.edition.ads
                if ad.page == number or (ad.page is None and ad.section == section
                                         and ad not in self._placed_ads)]

    def _section_of(self, lock) -> str:
        """The section a locked page opens: that of its first story that starts there."""
        by_id = {article.id: article for article in self.edition.articles}
        return next((by_id[m.article].section for m in lock.modules if m.part == 0), "")

    def _fill_gaps(self, state: PageState) -> list[Work]:
        """Briefs marked ``filler: true`` go whole, at any width, wherever the page has room
        left; returns those placed."""
        used = []
        for work in self._fillers:
            if isinstance(self.place(work, state, whole=True, any_width=True), Placed):
                used.append(work)
        return used

    def _section_pool(self, pending: list[Work]) -> list[Work]:
        """The stories this page may take: all, or — when the style starts each section on a
        new page — continuations and the new stories of the first pending section."""
        if not self.sheet.spacing.section_fronts:
            return pending
        pool, section = [], None
        for work in pending:
            if work.part == 0:
                if section is None:
                    section = work.article.section
                elif work.article.section != section:
                    break
            pool.append(work)
        return pool

    def _greedy_page(self, number: int, top_rows: int, pending: list[Work]):
        state, left, continuations = self._new_page(number, top_rows, pending)
        while left:
            # 1. The first story (within a short look-ahead) that fits whole somewhere.
            if not self._place_whole(left, state):
                # 2. Nothing fits whole: start the next story in the best gap and jump it.
                trial = self.place(left[0], state, whole=False, force=not state.modules)
                if isinstance(trial, NoRoom):
                    break
                left.pop(0)
                if isinstance(trial, Jumped):
                    continuations.append(trial.rest)
        return state, left, continuations


    def _new_page(self, number: int, top_rows: int, pending: list[Work]):
        """An empty page with the ads booked for it in place, then the stories pinned to a
        slot of it (top, left, right: at the top; bottom: whole at the foot). Returns the page,
        the stories still to place and the continuations started."""
        state = PageState(number, self.sheet, self.rows, top_rows)
        state.ads = book(self._page_ads, page=number, columns=self.columns, top_row=top_rows,
                         floor=state.floor, skyline=state.skyline, pitch=self.pitch,
                         gap=self.sheet.spacing.gap_lines,
                         file=str(self.edition.root / "edition.yaml"))
        left, continuations = list(pending), []
        for work in [w for w in pending if w.part == 0 and w.article.page == number
                     and w.article.slot]:
            trial = self._put_in_slot(work, state)
            if isinstance(trial, NoRoom):
                continue
            left.remove(work)
            if isinstance(trial, Jumped):
                continuations.append(trial.rest)
        return state, left, continuations

    def _put_in_slot(self, work: Work, state: PageState) -> Trial:
        """A story pinned to a slot: at the top-left (top, left), top-right (right), or whole
        at the foot (bottom). NoRoom when it does not fit there."""
        slot = work.article.slot
        width = self.natural_columns(work.article)
        column = self.columns - width if slot == "right" else 0
        header, photo, photo_columns = self._parts(work, width)
        reserved = self._reserved(photo, photo_columns, width, column, work)
        if slot != "bottom":
            top = max(state.skyline[column:column + width])
            return self._put(work, state, Spot(column, width, top, header, photo,
                                                photo_columns, reserved), force=True)
        floor = state.limit(column, width)
        body = self._body_height(work, width, reserved, floor - header.rows)
        if body is None:
            return NoRoom("too long for the foot of the page, whole")
        top = floor - header.rows - body
        if top < max(state.skyline[column:column + width]):
            return NoRoom("the foot is taken")
        skyline = list(state.skyline)
        trial = self._put(work, state, Spot(column, width, top, header, photo, photo_columns,
                                            reserved))
        gap = self.sheet.spacing.gap_lines
        for c in range(column, column + width):     # it holds the foot: a floor, not a top
            state.skyline[c] = skyline[c]
            state.floor[c] = max(top - gap, 0)
        return trial

    def _check_ads(self, pages: int) -> None:
        """Every booked ad must have found its page."""
        for ad in self.edition.ads:
            if ad in self._placed_ads:
                continue
            where = f"page {ad.page}" if ad.page else f'section "{ad.section}"'
            raise LayoutError(f'ad "{ad.source}" is booked for {where}, which the edition does '
                              f"not have ({pages} pages)", file=str(self.edition.root /
                                                                     "edition.yaml"),
                              line=ad.line, key=ad.key)

    def _cost(self, state: PageState, last: bool = False) -> float:
        """White hole lines, plus :data:`JUMP_COST_LINES` per jump and
        :data:`BUMP_COST_LINES` per pair of bumped heads; white past :data:`HOLE_LIMIT` of
        the page and bumped pairs past the first weigh :data:`OVER_LIMIT_WEIGHT` times as much,
        so a jump is taken rather than a page with holes. On the edition's ``last`` page
        white weighs :data:`LAST_PAGE_HOLE_WEIGHT` as much (the story ends there)."""
        holes = sum(self._ink(state).holes())
        jumps = sum(module.jumped for module in state.modules)
        if last:
            holes *= LAST_PAGE_HOLE_WEIGHT
        over = max(0.0, holes - HOLE_LIMIT * state.rows * self.columns)
        bumped = self._bumped_pairs(state)
        return holes + OVER_LIMIT_WEIGHT * over + JUMP_COST_LINES * jumps + \
            BUMP_COST_LINES * bumped + OVER_LIMIT_WEIGHT * BUMP_COST_LINES * max(0, bumped - 1)

    def _block_ink(self, block: Block, columns: int) -> list[list[int]]:
        key = id(block)
        if key not in self._block_inks or self._block_inks[key][0] is not block:
            page = self.sheet.page
            self._block_inks[key] = (block, block_ink(block, columns, page.column_width,
                                                      page.gutter, self.pitch))
        return self._block_inks[key][1]

    def _ink(self, state: PageState) -> InkMap:
        """The page's ink map as it will be drawn (copyfitting included)."""
        ink = InkMap(self.columns, state.rows)
        for column in range(self.columns):
            ink.mark(column, 0, state.top_rows)
        for ad in state.ads:
            for column in range(ad.column, ad.column + ad.columns):
                ink.mark(column, ad.row, ad.row + ad.lines)
        for module in state.modules:
            fit = self._copyfit(module, state)
            spot = module.spot
            texted = [i for i, f in enumerate(module.fills) if f.stop > f.start]
            ink.mark_block(self._block_ink(spot.header, spot.width), spot.column, spot.top)
            if fit.photo is not None:
                ink.mark_block(self._block_ink(fit.photo, spot.photo_columns),
                               *self._photo_origin(module, state, fit))
            for offset, column in enumerate(module.columns):
                column_fill = module.fills[offset] if offset < len(module.fills) else None
                if column_fill is None or column_fill.stop == column_fill.start:
                    continue
                text_top = self._text_top(module, offset, fit)
                bottom = text_top + column_fill.rows + sum(fit.spacing[offset].values())
                if module.jumped and offset == texted[-1]:
                    bottom += 1
                ink.mark(column, text_top, bottom)
        return ink

    def _place_whole(self, pending: list[Work], state: PageState) -> bool:
        """Place the first of the next few stories that fits whole: at its natural width or
        a neighbour first, then at any width (a narrow gap takes a narrow module)."""
        for any_width in (False, True):
            for index, work in enumerate(pending[:LOOKAHEAD]):
                if isinstance(self.place(work, state, whole=True, any_width=any_width), Placed):
                    del pending[index]
                    return True
        return False

    def _section(self, state: PageState) -> str:
        by_id = {article.id: article for article in self.edition.articles}
        for article_id in state.articles:
            section = by_id[article_id].section
            if section:
                return section
        return ""

    # -- one module --------------------------------------------------------------------------
    def _widths(self, work: Work, force: bool, any_width: bool = False) -> list[int]:
        """Module widths to try, the story's natural width first; never so wide that its
        columns would hold fewer than ``min_body_lines`` lines each (the editor's width
        aside)."""
        if force:
            return list(range(self.columns, 0, -1))
        if work.article.columns is not None:
            return [work.columns or self.natural_columns(work.article)]   # the editor's width
        rows = self._text_rows(work)
        return [w for w in self._candidate_widths(work, any_width)
                if w == 1 or rows >= self.sheet.spacing.min_body_lines * w]

    def _candidate_widths(self, work: Work, any_width: bool) -> list[int]:
        natural = work.columns or self.natural_columns(work.article)
        if work.part == 0 and work.article.priority == 1:
            return [w for w in (natural, natural + 1, natural - 1) if 2 <= w <= self.columns]
        if any_width:
            widths = sorted(range(1, self.columns + 1), key=lambda w: (abs(w - natural), -w))
            return [w for w in widths if self.composer.headline_fits(work.article, w)
                    or w == self.columns]
        widths = [natural, natural + 1, natural - 1]
        return [w for w in widths if 1 <= w <= self.columns]

    def _leads(self, work: Work) -> bool:
        """A lead (priority 1) opening its page: it goes at the top left."""
        return work.part == 0 and work.article.priority == 1 and work.article.slot is None

    def _parts(self, work: Work, width: int, with_photo: bool = True):
        """Header block, photo block and photo width for ``work`` at ``width`` columns. A
        continuation brings the lead photo along when its first part had no room for it."""
        article = work.article
        if work.part > 0:
            header = self.composer.jump_header(article, width, work.from_page or 1)
        else:
            header = self.composer.header(article, width)
        if not (with_photo and work.photo_pending):
            return header, None, 0
        photo, photo_columns = self.composer.photo(article, width, self.content_height)
        return header, photo, photo_columns

    def _body_height(self, work: Work, width: int, reserved: list[int], limit: int) -> int | None:
        """Balanced body height of the rest of ``work`` at ``width`` (cached: the same story is
        tried at every spot of every page until it is placed)."""
        key = (work.article.id, work.start, width, tuple(reserved))
        if key not in self._heights:
            self._heights[key] = balanced_height(self.composer.body(work.article), work.start,
                                                 width, reserved, self.rows, **self.keeps)
        height = self._heights[key]
        return height if height is not None and height <= limit else None

    def _free_area(self, state: PageState) -> int:
        """Grid lines still free on the page, all columns together (an upper bound on the
        body a story placed whole can have)."""
        return sum(max(0, state.limit(c, 1) - state.skyline[c]) for c in range(self.columns))

    def _best_spot(self, work: Work, state: PageState, whole: bool, force: bool,
                   any_width: bool, with_photo: bool, flow, remaining_rows: int,
                   min_lines: int):
        """The best (key, spot) for ``work`` on the page, or None: the highest, least wasteful
        place at the first width that fits, the story's natural width preferred."""
        best = None
        for preference, width in enumerate(self._widths(work, force, any_width)):
            header, photo, photo_columns = self._parts(work, width, with_photo)
            head_rows = header.rows
            for column in range(1 if self._leads(work) else self.columns - width + 1):
                reserved = self._reserved(photo, photo_columns, width, column, work)
                if whole:
                    body = self._body_height(work, width, reserved, state.rows)
                    if body is None:
                        continue
                    need = head_rows + body
                else:
                    # A part worth jumping: a few inches of text, never a stub on either side.
                    need = head_rows + max(reserved) + min(max(min_lines, JUMP_MIN_ROWS),
                                                           remaining_rows) + 1
                span = state.skyline[column:column + width]
                top = max(span)
                if state.limit(column, width) - top < need:
                    continue
                if self._leads(work) and top > state.top_rows:
                    continue
                waste = sum(top - row for row in span)
                key = (top + waste, preference, column)
                if best is None or key < best[0]:
                    best = (key, Spot(column, width, top, header, photo, photo_columns,
                                       reserved))
        return best

    def place(self, work: Work, state: PageState, *, whole: bool, force: bool = False,
              any_width: bool = False) -> Trial:
        """Place ``work`` on the page, whole (balanced columns) or, when ``whole`` is false,
        as much as fits in the best gap: :class:`Placed`, :class:`Jumped` with the work that
        continues it on a later page, or :class:`NoRoom` with why."""
        article = work.article
        flow = self.composer.body(article)
        remaining_rows = self._text_rows(work)
        min_lines = self.sheet.spacing.min_body_lines
        if whole and remaining_rows > self._free_area(state):
            return NoRoom("more text than the page has room left")
        best = None
        # A story starting in a gap too small for its photo starts without it: the photo then
        # opens the continuation (jump page), as desks do.
        photo_choices = (True, False) if not whole and work.photo_pending and work.part == 0 \
            and work.article.figures else (True,)
        for with_photo in photo_choices:
            best = self._best_spot(work, state, whole, force, any_width, with_photo, flow,
                                   remaining_rows, min_lines)
            if best is not None:
                break
        if best is None:
            return NoRoom("no spot wide and deep enough")
        return self._put(work, state, best[1], force)

    def _put(self, work: Work, state: PageState, spot: Spot, force: bool = False) -> Trial:
        """Fill ``work``'s body into ``spot`` (whole, or to the foot of the page and jump) and
        book the module. Same returns as :meth:`place`."""
        article = work.article
        flow = self.composer.body(article)
        free = state.limit(spot.column, spot.width) - spot.top - spot.header.rows
        height = self._body_height(work, spot.width, spot.reserved, free)
        jumped = height is None
        if jumped:
            capacities = capacities_under(free, spot.reserved)
            # The last column that takes text keeps a line for "Continued on page N".
            last = max(c for c, room in enumerate(capacities) if room > 0) if any(capacities) \
                else len(capacities) - 1
            capacities[last] = max(0, capacities[last] - 1)
            fills, stop = fill(flow, work.start, capacities, **self.keeps)
            height = free
            rest_rows = sum(item.rows for item in flow[stop:])
            if stop == work.start or (rest_rows < JUMP_MIN_ROWS and not force):
                return NoRoom("it would leave a stub on one side of the jump")
            if not self._may_jump(work):
                return NoRoom("it has jumped as often as the style allows")
        else:
            fills, stop = self._pour(flow, work.start, height, spot.reserved, state.even)
        photo_pending = work.photo_pending and spot.photo is None and bool(article.figures)
        if photo_pending and stop >= len(flow):
            return NoRoom("it would end here without its photo")
        note = (f"the photo goes with the continuation on a later page: no room under the "
                f"headline on page {state.number}") if photo_pending else ""
        self._register(Module(work, spot, fills, height, jumped, note,
                              even=state.even and not jumped), state)
        if stop >= len(flow):
            return Placed()
        return Jumped(Work(article, stop, work.part + 1, state.number, spot.width,
                           photo_pending))

    def _pour(self, flow, start: int, height: int, reserved: list[int], even: bool = False):
        """The body of a whole module ``height`` lines deep: column by column to capacity, or
        (``even``, on a page made again for its white) by :func:`even_pour` where no photo
        takes lines — the short fall spread over the columns, not left at the last."""
        if even and not any(reserved) and len(reserved) > 1:
            poured = even_pour(flow, start, height, len(reserved), self.keeps)
            if poured is not None:
                return poured
        return fill(flow, start, capacities_under(height, reserved), **self.keeps)

    def _may_jump(self, work: Work) -> bool:
        """Whether ``work`` may be cut and jumped here: a story jumps at most
        ``spacing.max_jumps`` times — unless what is left of it is longer than a whole page
        (it could go nowhere whole)."""
        if work.part < self.sheet.spacing.max_jumps:
            return True
        return self._body_height(work, self.columns, [0] * self.columns, self.rows) is None

    def _register(self, module: Module, state: PageState) -> None:
        """Book a placed module on the page: its rows, its story, the skyline."""
        article = module.work.article
        if article.id not in state.articles:
            state.articles.append(article.id)
        gap = self.sheet.spacing.gap_lines
        for c in module.columns:
            state.skyline[c] = min(state.rows, module.bottom + gap)
        state.modules.append(module)

    # -- copyfitting and drawing -------------------------------------------------------------
    def _draw(self, plan: PagePlan) -> Drawn:
        """Draw a finished page plan: copyfit, then draw its ads and every module. Each body
        column takes whole grid lines of extra space between its paragraphs until it reaches
        the module's foot — its body height plus any white under the module — so the columns of
        a story end level and modules end on the next module or the foot of the page
        ("feathering", the first rung of NEWSPAPER.md's ladder; see :meth:`_copyfit`). Changes
        nothing: the page and what the edition collects from it come back as a :class:`Drawn`."""
        page = self.sheet.page
        layout = PageLayout(plan.number, page.width, page.height)
        layout.rows_total = (plan.rows - plan.top_rows) * self.columns
        layout.articles = list(plan.articles)
        layout.hole_lines = sum(self._ink(plan).holes())
        layout.grid_lines = plan.rows * self.columns
        out = Drawn(layout, (), (), (), ())
        notes = list(self._draw_ads(plan, layout))
        outline, jump_lines, part_pages = [], [], []
        for module in plan.modules:
            part_pages.append(((module.work.article.id, module.work.part), plan.number))
            if module.note:
                notes.append(Diagnostic("fit", module.note, file=str(module.work.article.file)))
            drawn = self._draw_module(module, plan, self._copyfit(module, plan), layout)
            outline.extend(drawn[0])
            jump_lines.extend(drawn[1])
        layout.section = self._section(plan)
        return replace(out, outline=tuple(outline), jump_lines=tuple(jump_lines),
                       part_pages=tuple(part_pages), notes=tuple(notes))

    def _draw_ads(self, plan: PagePlan, layout: PageLayout) -> list[Diagnostic]:
        """Each ad fills its cells: scaled into them with its shape kept, top-centred, on paper
        white (one picture, so the space reads as the ad's); boxed in the manifest. Returns
        the notes (an ad out of its booking's shape)."""
        page = self.sheet.page
        notes = []
        for placement in plan.ads:
            x0 = self.x_of(placement.column)
            width = self.x_of(placement.column + placement.columns - 1) + page.column_width - x0
            height = placement.lines * self.pitch
            image = placement.ad.image
            booked = width / height
            if abs(image.width / image.height - booked) > AD_SHAPE_TOLERANCE * booked:
                notes.append(Diagnostic(
                    "ad", f'ad "{placement.ad.source}" is {image.width}×{image.height} px, not '
                          f"the shape of its booking ({placement.columns} columns × "
                          f"{placement.lines} lines): it sits top-centred in its space, on white",
                    file=str(self.edition.root / "edition.yaml"), line=placement.ad.line))
            top = self.y_of(placement.row)
            layout.draws.append(ImageDraw(x0, top - height, width, height, image,
                                          letterbox=True))
            layout.ads.append(placement)
            layout.rows_used += placement.columns * placement.lines
        return notes

    def _draw_module(self, module: Module, state: PagePlan, fit: Fit, layout: PageLayout):
        """Draw a module (header, photo, body columns, rule) onto ``layout`` as copyfitting
        fitted it: the photo grown, each column with its blank lines (see :meth:`_copyfit`).
        Returns (outline entries, jump lines to fill in)."""
        work, spot, fills, jumped = module.work, module.spot, module.fills, module.jumped
        article = work.article
        flow = self.composer.body(article)
        column, width, top = spot.column, spot.width, spot.top
        header, photo, photo_columns = spot.header, fit.photo, spot.photo_columns
        page = self.sheet.page
        outline, jump_lines = [], []
        x0 = self.x_of(column)
        span_width = self.x_of(column + width - 1) + page.column_width - x0
        y_top = self.y_of(top)
        layout.draws.extend(place(header.draws, x0, y_top, article.id, work.part))
        layout.boxes.append(ArticleBox(article.id, work.part, "headline", x0,
                                       y_top - header.rows * self.pitch, span_width,
                                       header.rows * self.pitch))
        if work.part == 0:
            outline.append((article.id, article.headline, layout.number, y_top))
        body_top = top + header.rows
        if photo is not None:
            photo_column, photo_row = self._photo_origin(module, state, fit)
            photo_x = self.x_of(photo_column)
            layout.draws.extend(place(photo.draws, photo_x, self.y_of(photo_row), article.id,
                                          work.part))
            layout.boxes.append(ArticleBox(article.id, work.part, "photo", photo_x,
                                           self.y_of(photo_row + photo.rows),
                                           self.blocks_span(photo_columns),
                                           photo.rows * self.pitch))
        last_x, last_row = x0, body_top
        bottom = module.bottom
        layout.keeps_fixed += sum(f.kept for f in fills)
        layout.keeps_left += sum(f.broken for f in fills)
        for offset, column_fill in enumerate(fills):
            x = self.x_of(column + offset)
            row = first_row = self._text_top(module, offset, fit)
            spaced = fit.spacing[offset]
            for index in range(column_fill.start, column_fill.stop):
                item = flow[index]
                layout.draws.extend(place(item.draws, x, self.y_of(row), article.id, work.part))
                row += item.rows + spaced.get(index, 0)
            bottom = max(bottom, row)
            if column_fill.stop > column_fill.start:
                layout.boxes.append(ArticleBox(article.id, work.part, "body", x, self.y_of(row),
                                               page.column_width, (row - first_row) * self.pitch))
                last_x, last_row = x, row
        if jumped:
            bottom = max(bottom, last_row + 1)        # the "Continued on page N" line
            jump_lines.append(PendingJumpLine(article, work.part, layout.number, last_x,
                                              self.y_of(last_row)))
        if module.locked is not None:     # it keeps its size, white and all
            bottom = top + module.locked.lines
        layout.rows_used += (bottom - top) * width
        layout.modules.append(ModuleInfo(article.id, work.part, column, top, width,
                                         bottom - top, jumped, article.filler, module.height,
                                         header.rows + self._target(module, state),
                                         spot.smaller, module.even))
        gap = self.sheet.spacing.gap_lines
        rule = self.sheet.rules.module
        if bottom + gap < state.limit(column, width) and rule.width:
            y = self.y_of(bottom) - gap * self.pitch / 2
            layout.draws.append(RuleDraw(x0, y, x0 + span_width, y, rule.width, rule.color))
        return outline, jump_lines

    # -- jumps -------------------------------------------------------------------------------
    def _resolve_jump_lines(self, pages: list[PageLayout]) -> None:
        for pending in self.pending_jump_lines:
            to_page = self.part_pages[(pending.article.id, pending.part + 1)]
            block = self.composer.jump_line(pending.article, to_page)
            pages[pending.page - 1].draws.extend(place(block.draws, pending.x, pending.top,
                                                       pending.article.id, pending.part))
            pages[pending.page - 1].boxes.append(ArticleBox(
                pending.article.id, pending.part, "jump", pending.x, pending.top - self.pitch,
                self.sheet.page.column_width, self.pitch))
            self.jumps.append(Jump(pending.article.id, pending.part, pending.page, to_page))


def even_pour(flow, start: int, height: int, columns: int, keeps: dict):
    """Pour ``flow[start:]`` into ``columns`` columns of at most ``height`` lines so that each
    column takes its share of what is left (rounded up), not all it can hold: 31 lines in five
    columns of 7 go 7, 6, 6, 6, 6 — never 7, 7, 7, 7, 3, whose last column would end a hole
    short. (fills, stop) as ``fill`` returns them, or None when the shares leave text over
    (keeps moved breaks up): then the caller pours column by column."""
    rows_after = [0] * (len(flow) + 1)
    for index in range(len(flow) - 1, -1, -1):
        rows_after[index] = rows_after[index + 1] + flow[index].rows
    fills, index = [], start
    for column in range(columns):
        share = min(height, -(-rows_after[index] // (columns - column)))
        poured, index = fill(flow, index, [share], **keeps)
        fills.extend(poured)
    return (fills, index) if index >= len(flow) else None


def paginate(edition: Edition, sheet: StyleSheet, typesetter: Typesetter,
             composer: GalleyComposer, locks: Locks | None = None) -> Pagination:
    """Lay the whole edition out on pages; ``locks``: pages kept from the previous build,
    their text re-set in the same modules (``locked.py``)."""
    paginator = Paginator(edition, sheet, typesetter, composer, locks)
    pages = paginator.run()
    return Pagination(pages, paginator.jumps, paginator.outline,
                      list(composer.diagnostics) + paginator.diagnostics,
                      grid=(paginator.columns, paginator.rows, paginator.masthead_rows),
                      locked=locks.numbers if locks is not None else (),
                      overset=list(paginator.locked.overset) if paginator.locked else [])


