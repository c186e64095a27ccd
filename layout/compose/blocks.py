"""Stage 3b (compose): set text and photos into blocks measured in whole grid lines.

Everything that is not body text (headlines, decks, bylines, photos with captions, subheads)
takes a whole number of grid lines, so that the body text after it lands back on the grid.
Draws are relative to the block's top-left, ``y`` downward.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from ..stylesheet.types import StyleSheet, TextStyle
from ..text.paragraph import Typesetter
from ..text.typography import smarten
from ..text.setline import SetLine
from .draws import ImageDraw, Origin, TextDraw

# Where a body line's baseline sits in its grid line, as a share of the grid pitch from the top.
BASELINE_IN_ROW = 0.78
# Cap height and descent of text as a share of the size, for stacking blocks of display type.
CAP_HEIGHT = 0.72
# Hangul (and Han, kana) glyphs stand taller than Latin capitals: a first line of them starts
# lower, so it keeps clear of the line above (text extraction reads them apart too).
WIDE_SCRIPT_HEIGHT = 0.88
_WIDE_SCRIPT = re.compile("[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u4e00-\u9fff\uac00-\ud7af]")
DESCENT = 0.24


@dataclass(frozen=True)
class Block:
    """Draws that occupy ``rows`` grid lines across some width."""

    rows: int
    draws: tuple

    @property
    def empty(self) -> bool:
        return not self.draws


def rows_for(height: float, pitch: float) -> int:
    """Whole grid lines needed for ``height`` points (a hair of tolerance for rounding)."""
    return max(0, math.ceil(height / pitch - 1e-6))


def text_lines(lines: list[SetLine], style: TextStyle, *, x: float = 0.0, top: float = 0.0,
               role: str, paragraph: int = 0) -> tuple[list[TextDraw], float]:
    """Stack ``lines`` at the style's leading from ``top``; return draws and the bottom edge.
    The draws are paragraph ``paragraph`` of their ``role`` (see :class:`Origin`)."""
    draws = []
    tall = any(_WIDE_SCRIPT.search(text) for _, _, text in lines[0].runs) if lines else False
    baseline = top + style.size * (WIDE_SCRIPT_HEIGHT if tall else CAP_HEIGHT)
    for number, line in enumerate(lines):
        if number:
            baseline += style.leading
        draws.append(TextDraw(x + line.x_offset, baseline, line, style.color, role,
                              Origin(paragraph=paragraph, line=number)))
    bottom = baseline + style.size * DESCENT if lines else top
    return draws, bottom


class BlockSetter:
    """Sets the non-body blocks of articles for one style sheet."""

    def __init__(self, sheet: StyleSheet, typesetter: Typesetter):
        self.sheet = sheet
        self.typesetter = typesetter
        self.pitch = sheet.page.baseline

    def column_span(self, columns: int) -> float:
        page = self.sheet.page
        return columns * page.column_width + (columns - 1) * page.gutter

    def gutters_within(self, width: float) -> tuple[tuple[float, float], ...]:
        """The column gutters under a block ``width`` wide that starts on a column's left edge,
        as x-ranges from that edge."""
        page = self.sheet.page
        pitch = page.column_width + page.gutter
        columns = max(1, round((width + page.gutter) / pitch))
        return tuple((j * pitch - page.gutter, j * pitch) for j in range(1, columns))

    def paragraphs(self, texts, style: TextStyle, width: float, lang: str, role: str, *,
                   balanced: bool = False, top: float = 0.0, x: float = 0.0,
                   avoid: tuple[tuple[float, float], ...] = (),
                   paragraph: int = 0) -> tuple[list[TextDraw], float]:
        """Set several paragraphs of one style one under another; return draws, bottom edge.
        The paragraphs are numbered from ``paragraph`` in their draws' :class:`Origin`."""
        draws: list[TextDraw] = []
        cursor = top
        for number, text in enumerate(texts):
            if not text.strip():
                continue
            if draws:
                cursor += style.space_before
            lines = self.typesetter.set(text, style, width, lang=lang, balanced=balanced,
                                        avoid=avoid)
            more, cursor = text_lines(lines, style, x=x, top=cursor, role=role,
                                      paragraph=paragraph + number)
            draws.extend(more)
            cursor += style.space_after
        return draws, cursor

    def photo(self, figure, width: float, max_height: float, lang: str,
              number: int = 0) -> Block:
        """A photo scaled to ``width`` (or narrower, to stay under ``max_height``), with its
        credit right under it and the caption below, as one block of whole grid lines;
        ``number`` is the figure's place among the article's photos (0 the lead photo)."""
        styles = self.sheet.styles
        image_width = width
        image_height = width * figure.image.aspect
        if image_height > max_height:
            image_height = max_height
            image_width = image_height / figure.image.aspect
        draws: list = [ImageDraw(0.0, 0.0, image_width, image_height, figure.image,
                                 focal=self.sheet.spacing.focal_crop,
                                 origin=Origin(paragraph=number))]
        cursor = image_height + 2.0
        credit = credit_line(figure)
        if credit:
            credit_draws, cursor = self.paragraphs([credit], styles["credit"], width,
                                                   lang, "credit", top=cursor,
                                                   paragraph=number)
            draws.extend(credit_draws)
        if figure.caption:
            cursor += styles["caption"].space_before
            caption = smarten(figure.caption, self.sheet.typography)
            caption_draws, cursor = self.paragraphs([caption], styles["caption"], width,
                                                    lang, "caption", top=cursor,
                                                    paragraph=number)
            draws.extend(caption_draws)
        # Keep at least a third of a grid line between the block and the text under it.
        return Block(rows_for(cursor + self.pitch / 3, self.pitch), tuple(draws))

    def stacked(self, parts: list[tuple[list[str], TextStyle, str, bool]], width: float,
                lang: str, gap_after: float) -> Block:
        """Blocks of display text (headline, deck, byline…) one under another, across the
        module: their word spaces keep off the column gutters below them."""
        draws: list[TextDraw] = []
        cursor = 0.0
        avoid = self.gutters_within(width)
        for texts, style, role, balanced in parts:
            texts = [t for t in texts if t and t.strip()]
            if not texts:
                continue
            if draws:
                cursor += style.space_before
            more, cursor = self.paragraphs(texts, style, width, lang, role, balanced=balanced,
                                           top=cursor, avoid=avoid)
            draws.extend(more)
            cursor += style.space_after
        if not draws:
            return Block(0, ())
        return Block(rows_for(cursor + gap_after, self.pitch), tuple(draws))


# A photo grown to fill its module keeps at least this share of its width.
MIN_CROP_SHARE = 0.7


def photo_growth_limit(block: Block, pitch: float) -> int:
    """Grid lines a photo block may grow (see :func:`grown_photo`) before its crop would cut
    more than the picture's sides allow."""
    image = next((d for d in block.draws if isinstance(d, ImageDraw)), None)
    if image is None:
        return 0
    return int(image.height * (1.0 / MIN_CROP_SHARE - 1.0) / pitch)


def grown_photo(block: Block, lines: int, pitch: float) -> Block:
    """The photo block ``lines`` grid lines deeper: the picture fills a taller box (cropped
    at its sides) and the credit and caption move down with its foot."""
    if lines <= 0:
        return block
    extra = lines * pitch
    image = next(d for d in block.draws if isinstance(d, ImageDraw))
    foot = image.y + image.height
    draws = []
    for draw in block.draws:
        if draw is image:
            draws.append(replace(draw, height=draw.height + extra, cover=True))
        elif isinstance(draw, TextDraw) and draw.y > foot:
            draws.append(replace(draw, y=draw.y + extra))
        else:
            draws.append(draw)
    return Block(block.rows + lines, tuple(draws))


# A word space overlapping a gutter by this much reads as the edge between two heads.
GUTTER_CLASH = 1.5


def spaces_on_gutters(lines: list[SetLine], gutters) -> bool:
    """Whether a word space of ``lines`` (x from the block's left edge, as drawn: kerning,
    Tc, Tw and Tz applied) overlaps one of the ``gutters`` x-ranges by :data:`GUTTER_CLASH`."""
    if not gutters:
        return False
    return any(char == " " and min(x + advance, high) - max(x, low) >= GUTTER_CLASH
               for line in lines
               for _, _, char, x, advance in line.glyph_positions(line.x_offset)
               for low, high in gutters)


def credit_line(figure) -> str:
    """The line printed under a photo: its credit, then its copyright line unless the credit
    already says it (``Credit Line  ·  © 2017 IPTC``)."""
    parts = [figure.credit.strip(), figure.copyright.strip()]
    if parts[0] and parts[1] and parts[1].casefold() in parts[0].casefold():
        parts[1] = ""
    return "  ·  ".join(part for part in parts if part)
