"""Stage 3b (compose): Article → Galley — the article set for a module of k columns, not placed.

A Galley has a header block across the module (headline, deck, byline), an optional lead photo
block across the first ``photo_columns`` columns, and the body *flow*: items one column wide,
each a whole number of grid lines high, that the filler pours into columns. The body flow does
not depend on the module width (every body column has the same measure), so it is set once per
article and shared by every width the paginator tries.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace

from ..errors import Diagnostic
from ..model import Article, BlockKind
from ..stylesheet.types import Align, StyleSheet
from ..text.items import Piece
from ..text.paragraph import Typesetter
from ..text.typography import smarten
from .blocks import (BASELINE_IN_ROW, Block, BlockSetter, rows_for, spaces_on_gutters,
                     text_lines)
from .draws import Origin, TextDraw

# A head may be set this much bigger or smaller than its rank's size (nearest first) so that
# it fills its measure; every line must reach this share of a column into the last column.
HEAD_FIT_FACTORS = (0.95, 1.08, 0.9, 1.16, 0.85, 1.25, 0.8, 1.33, 1.4)
HEAD_REACH = 0.7
LEAD_KEEP = 0.9          # the lead's head keeps at least this share of its rank's size
HEAD_FIT_TRIES = 5        # sizes tried at most
# A photo covers at most this share of its story's text area, by priority.
PHOTO_TEXT_SHARE = {1: 3.0, 2: 1.5, 3: 0.8}
MIN_PHOTO_PPI = 100.0     # a photo is set no wider than its pixels print at this resolution
PHOTO_WHITE_LINES = 6     # white under the text beside a one-column photo that makes it span
                          # its two-column module


@dataclass(frozen=True)
class FlowItem:
    """One column-wide piece of body flow.

    ``kind``: ``line`` (a body line: one grid line), ``space`` (dropped at a column head),
    ``head`` (a subhead; keeps with what follows), ``figure`` (an inline photo), ``end``
    (the copyright line). For lines, ``index``/``count`` place the line in its paragraph so the
    filler can keep widows and orphans out, and ``splits_word`` says it ends inside a word.
    """

    kind: str
    rows: int
    draws: tuple
    para: int = -1
    index: int = 0
    count: int = 1
    keep_with_next: bool = False
    splits_word: bool = False


@dataclass(frozen=True)
class Galley:
    article: Article
    columns: int
    header: Block
    photo: Block | None
    photo_columns: int
    body: tuple[FlowItem, ...]

    @property
    def body_rows(self) -> int:
        return sum(item.rows for item in self.body)


class GalleyComposer:
    """Composes galleys for one style sheet, caching each article's body flow."""

    def __init__(self, sheet: StyleSheet, typesetter: Typesetter):
        self.sheet = sheet
        self.typesetter = typesetter
        self.blocks = BlockSetter(sheet, typesetter)
        self.pitch = sheet.page.baseline
        self._flows: dict[str, tuple[FlowItem, ...]] = {}
        self._headers: dict[tuple, Block] = {}
        self._photos: dict[tuple, tuple[Block | None, int]] = {}
        self._headline_fits: dict[tuple, tuple] = {}
        self.diagnostics: list[Diagnostic] = []

    # -- header ------------------------------------------------------------------------------
    def headline_rank(self, article: Article, columns: int) -> int:
        """Bigger heads for more important and wider modules (1 = the lead's size)."""
        rank = article.priority or 3
        rank = min(rank, 3)
        if columns >= 4:
            rank = min(rank, 2)    # a head across most of the page reads as a top story's
        if columns <= 2:
            rank = max(rank, 3)
        if columns == 1:
            rank = max(rank, 4)
        return rank

    def headline_style(self, article: Article, columns: int):
        """The headline style by rank and width, one size smaller while the head would take
        more than three lines (four in one column)."""
        return self._headline_fit(article, columns)[0]

    def headline_fits(self, article: Article, columns: int) -> bool:
        """Whether the head keeps to three lines (four in one column) at ``columns`` in some
        size of the style; if not, the story wants a wider module."""
        return self._headline_fit(article, columns)[1]

    def _headline_fit(self, article: Article, columns: int):
        key = (article.id, columns)
        found = self._headline_fits.get(key)
        if found is not None:
            return found
        width = self.blocks.column_span(columns)
        limit = 4 if columns == 1 else 3
        rank = self.headline_rank(article, columns)
        while True:
            style = self.sheet.headline(rank)
            lines = self._set_head(article, style, width)
            if len(lines) <= limit or rank >= len(self.sheet.headlines):
                if len(lines) <= limit:
                    style = self._fill_measure(article, style, lines, width, limit,
                                               self._size_bounds(rank))
                found = (style, len(lines) <= limit, min(rank, len(self.sheet.headlines)) - 1)
                self._headline_fits[key] = found
                return found
            rank += 1

    def _set_head(self, article: Article, style, width: float):
        return self.typesetter.set(self.smart(article.headline), style, width,
                                   lang=article.lang, balanced=True,
                                   avoid=self.blocks.gutters_within(width))

    def _size_bounds(self, rank: int) -> tuple[float, float]:
        """Sizes a head of ``rank`` may be nudged to: the lead's (rank 1) never below
        :data:`LEAD_KEEP` of its size, every other head below that, so the lead stays the
        biggest head on its page."""
        lead = self.sheet.headlines[0].size * LEAD_KEEP
        if rank <= 1:
            return lead, float("inf")
        return 0.0, lead * 0.97

    def _fill_measure(self, article: Article, style, lines, width: float, limit: int,
                      bounds: tuple[float, float]):
        """The head's size, nudged (within :data:`HEAD_FIT_FACTORS` and ``bounds``, nearest
        first) so every line reaches into the module's last column — a head that stops short
        leaves that column white under it, a hole — and no word space of it falls on a column
        gutter (a reader, or a text extractor, would take it for two heads). The rank's own
        size when it does, or none does."""
        column = self.sheet.page.column_width
        if width <= column + 1:
            return style
        need = width - HEAD_REACH * column
        gutters = self.blocks.gutters_within(width)

        def reaches(set_lines) -> bool:
            return all(line.x_offset + line.width >= need for line in set_lines) and \
                not spaces_on_gutters(set_lines, gutters)

        if reaches(lines):
            return style
        # The size at which the shortest line would just reach (same breaks), a hair more,
        # then the style's steps — nearest to the rank's own size first.
        shortest = min(line.x_offset + line.width for line in lines)
        exact = need / shortest if shortest > 0 else HEAD_FIT_FACTORS[-1]
        factors = sorted({round(f, 3) for f in (exact, exact * 1.03, *HEAD_FIT_FACTORS)
                          if min(HEAD_FIT_FACTORS) <= f <= max(HEAD_FIT_FACTORS)
                          and bounds[0] <= style.size * f <= bounds[1]},
                         key=lambda f: abs(f - 1.0))
        for factor in factors[:HEAD_FIT_TRIES]:
            resized = replace(style, size=round(style.size * factor, 1),
                              leading=round(style.leading * factor, 1))
            set_lines = self._set_head(article, resized, width)
            if len(set_lines) <= limit and reaches(set_lines):
                return resized
        return style

    def header(self, article: Article, columns: int, smaller: int = 0) -> Block:
        """Headline, deck and byline across ``columns`` (cached: the paginator asks often);
        ``smaller`` sets the head that many ranks down (to keep it off a neighbour's size)."""
        key = (article.id, columns, smaller)
        block = self._headers.get(key)
        if block is None:
            block = self._headers[key] = self._header(article, columns, smaller)
        return block

    def can_shrink(self, article: Article, columns: int, smaller: int) -> bool:
        """Whether the style has a head ``smaller`` ranks down from this story's at
        ``columns`` (past the last rank comes the jump headline's style, the smallest head)."""
        return self._head_sizes(article, columns)[1] + smaller <= len(self.sheet.headlines) + 1

    def _head_sizes(self, article: Article, columns: int) -> tuple[list, int]:
        """The heads from biggest to smallest (the ranks, then the jump headline's style) and
        the index of this story's rank at ``columns``."""
        sizes = list(self.sheet.headlines) + [self.sheet.styles["jump_headline"]]
        return sizes, self._headline_fit(article, columns)[2]

    def _header(self, article: Article, columns: int, smaller: int = 0) -> Block:
        styles = self.sheet.styles
        byline = [article.byline] if article.byline else []
        if article.email and article.email not in article.byline:
            byline.append(article.email)
        sizes, index = self._head_sizes(article, columns)
        head_style = sizes[min(index + smaller, len(sizes) - 1)] if smaller else \
            self.headline_style(article, columns)
        parts = [([self.smart(article.headline)], head_style, "headline", True),
                 ([self.smart(line) for line in article.deck], styles["deck"], "deck", True),
                 (byline, styles["byline"], "byline", False)]
        gap = self.sheet.spacing.headline_gap_lines * self.pitch + self.pitch / 3
        return self.blocks.stacked(parts, self.blocks.column_span(columns), article.lang, gap)

    def jump_header(self, article: Article, columns: int, from_page: int) -> Block:
        """The head of a continuation: a short jump headline and "Continued from page M"
        (cached)."""
        key = (article.id, columns, from_page, "jump")
        block = self._headers.get(key)
        if block is None:
            block = self._headers[key] = self._jump_header(article, columns, from_page)
        return block

    def _jump_header(self, article: Article, columns: int, from_page: int) -> Block:
        styles = self.sheet.styles
        words = self.smart(article.headline).split()
        short = " ".join(words[:6]) + ("…" if len(words) > 6 else "")
        line = self.sheet.furniture.word("jump_from", article.lang, page=from_page)
        width = self.blocks.column_span(columns)
        head_style = styles["jump_headline"]
        from_style = replace(styles["jump"], align=Align.RIGHT)
        from_lines = self.typesetter.set(line, from_style, width, lang=article.lang)
        room = width - (from_lines[0].width if from_lines else 0.0) - head_style.size
        head_lines = self.typesetter.set(short, head_style, max(room, 1.0), lang=article.lang,
                                         balanced=True)
        if columns < 2 or len(head_lines) > 1 or not from_lines:
            parts = [([short], head_style, "headline", True), ([line], styles["jump"], "jump",
                                                               False)]
            return self.blocks.stacked(parts, width, article.lang, self.pitch / 3)
        # Several columns: "Continued from page M" at the right end of the jump head's line,
        # so the head's band has ink across the module.
        draws, bottom = text_lines(head_lines, head_style, role="headline")
        baseline = draws[0].y
        draws.append(TextDraw(from_lines[0].x_offset, baseline, from_lines[0], from_style.color,
                              "jump"))
        return Block(rows_for(bottom + self.pitch / 3, self.pitch), tuple(draws))

    def jump_line(self, article: Article, to_page: int, columns: int = 1) -> Block:
        """"Continued on page N", one column wide, at the foot of a part."""
        style = self.sheet.styles["jump"]
        text = self.sheet.furniture.word("jump_to", article.lang, page=to_page)
        lines = self.typesetter.set(text, style, self.blocks.column_span(columns),
                                    lang=article.lang)
        draws = [TextDraw(line.x_offset, self.pitch * BASELINE_IN_ROW, line, style.color, "jump")
                 for line in lines[:1]]
        return Block(1, tuple(draws))

    # -- photo -------------------------------------------------------------------------------
    def photo(self, article: Article, columns: int, content_height: float) -> tuple[Block | None, int]:
        """The lead photo block and the columns it spans (cached per width)."""
        key = (article.id, columns, content_height)
        if key not in self._photos:
            self._photos[key] = self._photo(article, columns, content_height)
        return self._photos[key]

    def _photo(self, article: Article, columns: int, content_height: float) -> tuple[Block | None, int]:
        if not article.figures:
            return None, 0
        figure = article.figures[0]
        # Landscape photos take most of the module; portraits fewer columns.
        share = 0.67 if figure.image.aspect < 1.0 else 0.45
        photo_columns = max(1, min(columns, math.ceil(columns * share)))
        if columns <= 2:
            photo_columns = columns
        # Never blown up past what its pixels carry: a thumbnail stays narrow.
        while photo_columns > 1 and figure.image.shown_width * 72.0 / \
                self.blocks.column_span(photo_columns) < MIN_PHOTO_PPI:
            photo_columns -= 1
        max_height = content_height * self.sheet.spacing.photo_max_height
        block = self.blocks.photo(figure, self.blocks.column_span(photo_columns), max_height,
                                  article.lang)
        # A photo is no bigger than its story warrants: a short item gets a small picture, the
        # lead's may be bigger than its text.
        text_lines = sum(item.rows for item in self.body(article))
        share = PHOTO_TEXT_SHARE.get(article.priority or 3, PHOTO_TEXT_SHARE[3])
        widest = photo_columns
        while photo_columns > 1 and block.rows * photo_columns > share * text_lines:
            photo_columns -= 1
            block = self.blocks.photo(figure, self.blocks.column_span(photo_columns),
                                      max_height, article.lang)
        # … but in a two-column module a one-column photo taller than the text beside it (a
        # long caption) leaves that column white under the text: then it spans the module,
        # its caption in fewer lines, the text under it. (A story set wider has narrower
        # modules to be tried in instead.)
        white = white_beside(block.rows, photo_columns, columns, text_lines)
        if columns == 2 == widest and photo_columns == 1 and white >= PHOTO_WHITE_LINES:
            spanning = self.blocks.photo(figure, self.blocks.column_span(2), max_height,
                                         article.lang)
            if white_beside(spanning.rows, 2, 2, text_lines) < white:
                block, photo_columns = spanning, 2
        return block, photo_columns

    # -- body --------------------------------------------------------------------------------
    def body(self, article: Article) -> tuple[FlowItem, ...]:
        flow = self._flows.get(article.id)
        if flow is None:
            flow = tuple(self._body(article))
            self._flows[article.id] = flow
        return flow

    def _body(self, article: Article) -> list[FlowItem]:
        styles = self.sheet.styles
        page = self.sheet.page
        measure = page.column_width
        pitch = self.pitch
        items: list[FlowItem] = []
        after_head = True
        for number, block in enumerate(article.blocks):
            pieces = self._pieces(block)
            if block.kind is BlockKind.SUBHEAD:
                style = styles["subhead"]
                lines = self.typesetter.set(pieces, style, measure, lang=article.lang)
                if items:
                    items.append(FlowItem("space", 1, ()))
                draws = [TextDraw(line.x_offset, pitch * BASELINE_IN_ROW + i * pitch, line,
                                  style.color, "subhead", Origin(paragraph=number, line=i))
                         for i, line in enumerate(lines)]
                items.append(FlowItem("head", max(1, len(lines)), tuple(draws),
                                      keep_with_next=True))
                after_head = True
                continue
            if block.kind is BlockKind.QUOTE:
                style = styles["quote"]
            else:
                style = styles["body"]
            indent = style.left_indent
            if block.kind is BlockKind.LIST_ITEM:
                label = (block.label or "•") + "\u00a0"
                pieces = [Piece(label)] + pieces
            first = 0.0 if after_head else style.first_indent
            lines = self.typesetter.set(pieces, style, measure - indent, lang=article.lang,
                                        first_indent=first)
            self._note_emergency(article, lines, block.text)
            for index, line in enumerate(lines):
                draw = TextDraw(indent + line.x_offset, pitch * BASELINE_IN_ROW, line,
                                style.color, "body", Origin(paragraph=number, line=index))
                items.append(FlowItem("line", 1, (draw,), para=number, index=index,
                                      count=len(lines), splits_word=line.splits_word))
            after_head = False
        for number, figure in enumerate(article.figures[1:], start=1):
            block = self.blocks.photo(figure, measure, page.height / 3, article.lang, number)
            items.append(FlowItem("figure", block.rows, block.draws))
        if article.copyright:
            style = styles["copyright"]
            lines = self.typesetter.set(article.copyright, style, measure, lang=article.lang)
            for index, line in enumerate(lines):
                draw = TextDraw(line.x_offset, pitch * BASELINE_IN_ROW, line, style.color,
                                "copyright", Origin(paragraph=len(article.blocks), line=index))
                items.append(FlowItem("end", 1, (draw,), para=len(article.blocks),
                                      index=index, count=len(lines)))
        return items

    def smart(self, text: str, before: str = "") -> str:
        """``text`` with the style's typography (curly quotes, dashes, ellipses)."""
        return smarten(text, self.sheet.typography, before)

    def _pieces(self, block) -> list[Piece]:
        """A body block's emphasis runs, typography applied across run boundaries."""
        pieces, before = [], ""
        for span in block.spans:
            pieces.append(Piece(self.smart(span.text, before), span.bold, span.italic))
            before = span.text[-1:] or before
        return pieces

    def _note_emergency(self, article: Article, lines, text: str) -> None:
        if any(line.emergency for line in lines):
            words = " ".join(text.split()[:8])
            self.diagnostics.append(Diagnostic(
                "typeset", f"paragraph set with emergency spacing: \"{words}…\"",
                file=str(article.file)))

    # -- the whole article -------------------------------------------------------------------
    def galley(self, article: Article, columns: int, content_height: float,
               with_photo: bool = True) -> Galley:
        header = self.header(article, columns)
        photo, photo_columns = (self.photo(article, columns, content_height)
                                if with_photo else (None, 0))
        return Galley(article, columns, header, photo, photo_columns, self.body(article))


def white_beside(photo_rows: int, photo_columns: int, columns: int, text_lines: int) -> int:
    """Grid lines left white beside a photo ``photo_rows`` tall over ``photo_columns`` of a
    module ``columns`` wide whose body has ``text_lines`` lines: the columns beside it hold
    the text up to the photo's foot, and what the text cannot fill stays white."""
    return max(0, photo_rows * (columns - photo_columns) - text_lines)
