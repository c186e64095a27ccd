"""Stage 4 (paginate): articles in running order → pages of modules, with jumps.

First version of the page maker. Each page is a grid of ``columns`` × ``rows`` grid lines under
the masthead (page 1). Articles are taken in edition order; each becomes a rectangular module
(whole columns wide, whole grid lines high) with its headline across the top, placed at the
highest free spot of the page's *skyline* (the lowest filled row of each column), preferring
the article's natural width. Its body is balanced over its columns; when it does not fit, the
columns are filled to the foot of the page, a "Continued on page N" line closes the part, and
the rest opens the next page under a jump headline and "Continued from page M". Nothing is ever
dropped: every flow item is placed exactly once.

Known limitations (see issue 4): no search for the best tiling, so a page can keep a hole at
the foot of some columns when no remaining story fits there; no ads.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..compose.draws import RuleDraw, TextDraw, place
from ..compose.fill import balanced_height, fill
from ..compose.galley import GalleyComposer
from ..errors import LayoutError
from ..model import Article, Edition
from ..stylesheet.types import StyleSheet
from ..text.paragraph import Typesetter
from .furniture import folio, masthead
from .pages import ArticleBox, Jump, PageLayout, Pagination

LOOKAHEAD = 3   # stories tried after one that does not fit, before a page is closed


@dataclass
class _Work:
    article: Article
    start: int = 0
    part: int = 0
    from_page: int | None = None
    columns: int | None = None


@dataclass
class _PendingJumpLine:
    article: Article
    part: int
    page: int
    x: float
    top: float


class _Page:
    def __init__(self, number: int, sheet: StyleSheet, top_rows: int):
        page = sheet.page
        self.layout = PageLayout(number, page.width, page.height)
        self.rows = int((page.height - page.margin_top - page.margin_bottom) / page.baseline + 1e-6)
        self.skyline = [top_rows] * page.columns
        self.first_row = top_rows
        self.layout.rows_total = (self.rows - top_rows) * page.columns


class Paginator:
    def __init__(self, edition: Edition, sheet: StyleSheet, typesetter: Typesetter,
                 composer: GalleyComposer):
        self.edition = edition
        self.sheet = sheet
        self.typesetter = typesetter
        self.composer = composer
        page = sheet.page
        self.columns = page.columns
        self.pitch = page.baseline
        self.content_top = page.height - page.margin_top
        self.content_height = page.height - page.margin_top - page.margin_bottom
        self.pending_jump_lines: list[_PendingJumpLine] = []
        self.part_pages: dict[tuple[str, int], int] = {}
        self.jumps: list[Jump] = []
        self.outline: list[tuple[str, str, int, float]] = []

    # -- geometry ----------------------------------------------------------------------------
    def x_of(self, column: int) -> float:
        page = self.sheet.page
        return page.margin_inside + column * (page.column_width + page.gutter)

    def y_of(self, row: int) -> float:
        return self.content_top - row * self.pitch

    def natural_columns(self, article: Article) -> int:
        n = self.columns
        priority = article.priority or 3
        if priority == 1:
            return n - 1 if n >= 5 else n
        if priority == 2:
            return min(3, n)
        words = article.word_count
        if words > 250 or article.figures:
            return min(2, n)
        return 1

    # -- the page loop -----------------------------------------------------------------------
    def run(self) -> list[PageLayout]:
        pages: list[PageLayout] = []
        pending = [_Work(article) for article in self.edition.articles]
        masthead_rows = self.sheet.furniture.masthead_lines
        while pending:
            number = len(pages) + 1
            state = _Page(number, self.sheet, masthead_rows if number == 1 else 0)
            if number == 1:
                state.layout.draws.extend(masthead(self.edition, self.sheet, self.typesetter))
            continuations: list[_Work] = []
            remaining: list[_Work] = []
            misses = 0
            for work in pending:
                if misses >= LOOKAHEAD:
                    remaining.append(work)
                    continue
                rest = self.place(work, state, force=False)
                if rest is False:
                    remaining.append(work)
                    misses += 1
                elif rest is not None:
                    continuations.append(rest)
            if not state.layout.articles:
                # Nothing fitted on an empty page: place the first story however it can go.
                work = remaining.pop(0)
                rest = self.place(work, state, force=True)
                if rest is False:
                    raise LayoutError("the headline block is taller than a page",
                                      file=work.article.file, key="headline")
                if rest is not None:
                    continuations.append(rest)
            state.layout.section = self._section(state)
            state.layout.draws.extend(folio(self.edition, self.sheet, self.typesetter, number,
                                            state.layout.section))
            pages.append(state.layout)
            pending = continuations + remaining
        self._resolve_jump_lines(pages)
        return pages

    def _section(self, state: _Page) -> str:
        by_id = {article.id: article for article in self.edition.articles}
        for article_id in state.layout.articles:
            section = by_id[article_id].section
            if section:
                return section
        return ""

    # -- one module --------------------------------------------------------------------------
    def _choose_spot(self, state: _Page, widths: list[int], need) -> tuple[int, int] | None:
        best = None
        for preference, width in enumerate(widths):
            for column in range(0, self.columns - width + 1):
                span = state.skyline[column:column + width]
                top = max(span)
                if state.rows - top < need(width):
                    continue
                waste = sum(top - row for row in span)
                key = (top + waste, preference, column)
                if best is None or key < best[0]:
                    best = (key, width, column)
        return None if best is None else (best[1], best[2])

    def place(self, work: _Work, state: _Page, *, force: bool):
        """Place ``work`` on the page. Returns False if it does not fit, None if it was placed
        whole, or the work that continues it on a later page."""
        article = work.article
        composer = self.composer
        min_lines = self.sheet.spacing.min_body_lines
        natural = work.columns or self.natural_columns(article)
        widths = [w for w in range(natural, 0, -1)][:3] if not force else \
            list(range(self.columns, 0, -1))
        continuation = work.part > 0
        with_photo = not continuation and bool(article.figures)
        headers = {}

        def header_rows(width: int) -> int:
            if width not in headers:
                if continuation:
                    block = composer.jump_header(article, width, work.from_page or 1)
                else:
                    block = composer.header(article, width)
                photo, photo_columns = (composer.photo(article, width, self.content_height)
                                        if with_photo else (None, 0))
                headers[width] = (block, photo, photo_columns)
            block, photo, photo_columns = headers[width]
            photo_rows = photo.rows if photo is not None else 0
            return block.rows + photo_rows + min(min_lines, self._flow_rows(article, work))

        spot = self._choose_spot(state, widths, header_rows)
        if spot is None:
            return False
        width, column = spot
        header, photo, photo_columns = headers[width]
        flow = composer.body(article)
        top = state.skyline[column]
        top = max(state.skyline[column:column + width])
        free = state.rows - top - header.rows
        reserved = [photo.rows if (photo is not None and c < photo_columns) else 0
                    for c in range(width)]
        height = balanced_height(flow, work.start, width, reserved, free,
                                 widows=2, orphans=2)
        jumped = height is None
        if jumped:
            capacities = [free - reserved[c] for c in range(width)]
            capacities[-1] -= 1          # the "Continued on page N" line
            fills, stop = fill(flow, work.start, capacities)
            height = free
        else:
            fills, stop = fill(flow, work.start, [height - r for r in reserved])
        if jumped and stop == work.start:
            return False
        layout = state.layout
        part_id = (article.id, work.part)
        self.part_pages[part_id] = layout.number
        if article.id not in layout.articles:
            layout.articles.append(article.id)
        x0 = self.x_of(column)
        span_width = self.x_of(column + width - 1) + self.sheet.page.column_width - x0
        y_top = self.y_of(top)
        layout.draws.extend(place(header.draws, x0, y_top))
        layout.boxes.append(ArticleBox(article.id, work.part, "headline", x0,
                                       y_top - header.rows * self.pitch, span_width,
                                       header.rows * self.pitch))
        if not continuation:
            self.outline.append((article.id, article.headline, layout.number, y_top))
        body_top = top + header.rows
        if photo is not None:
            layout.draws.extend(place(photo.draws, x0, self.y_of(body_top)))
            photo_width = self.x_of(column + photo_columns - 1) + self.sheet.page.column_width - x0
            layout.boxes.append(ArticleBox(article.id, work.part, "photo", x0,
                                           self.y_of(body_top + photo.rows), photo_width,
                                           photo.rows * self.pitch))
        last_x, last_row = x0, body_top
        for offset, column_fill in enumerate(fills):
            x = self.x_of(column + offset)
            row = body_top + reserved[offset]
            first_row = row
            for item in flow[column_fill.start:column_fill.stop]:
                layout.draws.extend(place(item.draws, x, self.y_of(row)))
                row += item.rows
            if column_fill.stop > column_fill.start:
                layout.boxes.append(ArticleBox(article.id, work.part, "body", x, self.y_of(row),
                                               self.sheet.page.column_width,
                                               (row - first_row) * self.pitch))
                layout.rows_used += row - first_row
                last_x, last_row = x, row
        module_rows = header.rows + height
        if jumped:
            self.pending_jump_lines.append(_PendingJumpLine(article, work.part, layout.number,
                                                            last_x, self.y_of(last_row)))
        bottom = top + module_rows
        gap = self.sheet.spacing.gap_lines
        rule = self.sheet.rules.module
        if bottom + gap < state.rows and rule.width:
            y = self.y_of(bottom) - gap * self.pitch / 2
            layout.draws.append(RuleDraw(x0, y, x0 + span_width, y, rule.width, rule.color))
        for c in range(column, column + width):
            state.skyline[c] = min(state.rows, bottom + gap)
        if stop >= len(flow):
            return None
        return _Work(article, stop, work.part + 1, layout.number, width)

    def _flow_rows(self, article: Article, work: _Work) -> int:
        flow = self.composer.body(article)
        return sum(item.rows for item in flow[work.start:])

    # -- jumps -------------------------------------------------------------------------------
    def _resolve_jump_lines(self, pages: list[PageLayout]) -> None:
        for pending in self.pending_jump_lines:
            to_page = self.part_pages[(pending.article.id, pending.part + 1)]
            block = self.composer.jump_line(pending.article, to_page)
            pages[pending.page - 1].draws.extend(place(block.draws, pending.x, pending.top))
            pages[pending.page - 1].boxes.append(ArticleBox(
                pending.article.id, pending.part, "jump", pending.x, pending.top - self.pitch,
                self.sheet.page.column_width, self.pitch))
            self.jumps.append(Jump(pending.article.id, pending.part, pending.page, to_page))


def paginate(edition: Edition, sheet: StyleSheet, typesetter: Typesetter,
             composer: GalleyComposer) -> Pagination:
    """Lay the whole edition out on pages."""
    paginator = Paginator(edition, sheet, typesetter, composer)
    pages = paginator.run()
    return Pagination(pages, paginator.jumps, paginator.outline, list(composer.diagnostics))
