"""Stage 3a (text): the inline pipeline on one screen — pieces → items → breaks → set lines.

    items  = ItemBuilder(style).build(pieces)          # boxes, glue, penalties (items.py)
    breaks = break_paragraph(items, measure)            # Knuth–Plass (linebreak.py)
    lines  = set_lines(items, breaks, measure)          # Tc / Tw / Tz per line (setline.py)

A :class:`Typesetter` caches what can be shared between paragraphs: fonts, hyphenators and item
builders per (style, language, measure), and every paragraph it has set, keyed by its content and
everything that shapes it — the page maker tries a story at several widths and on several
candidate pages, and a paragraph met again at a measure is set once.
"""
from __future__ import annotations

from ..stylesheet.types import Align, StyleSheet, TextStyle
from .fonts import FontBook
from .hyphenate import Hyphenator
from .items import ItemBuilder, Piece
from .linebreak import break_paragraph
from .setline import SetLine, set_lines

# Right-skip stretch for ragged text, in em of the style's size (TeX's \raggedright uses 2em).
RAGGED_STRETCH_EM = 3.0


class Typesetter:
    """Sets paragraphs for one style sheet."""

    def __init__(self, sheet: StyleSheet, book: FontBook | None = None):
        self.sheet = sheet
        self.book = book or FontBook(sheet)
        self._hyphenators: dict[tuple[str, bool], Hyphenator] = {}
        self._builders: dict[tuple, ItemBuilder] = {}
        self._set: dict[tuple, tuple[SetLine, ...]] = {}

    def hyphenator(self, lang: str, enabled: bool) -> Hyphenator:
        key = (lang, enabled)
        hyphenator = self._hyphenators.get(key)
        if hyphenator is None:
            hyphenator = Hyphenator(lang, self.sheet.hyphenation, enabled)
            self._hyphenators[key] = hyphenator
        return hyphenator

    def builder(self, style: TextStyle, lang: str, measure: float) -> ItemBuilder:
        key = (style, lang, round(measure, 3))
        builder = self._builders.get(key)
        if builder is None:
            builder = ItemBuilder(style, self.book, self.hyphenator(lang, style.hyphenate),
                                  self.sheet.justification, measure)
            self._builders[key] = builder
        return builder

    def set(self, pieces: list[Piece] | str, style: TextStyle, measure: float, *,
            lang: str = "en", first_indent: float = 0.0, balanced: bool = False,
            avoid: tuple[tuple[float, float], ...] = ()) -> list[SetLine]:
        """Set one paragraph of ``style`` in lines of ``measure`` points.

        ``balanced`` makes ragged lines even in length (headlines, decks): the last line is
        weighed like the others instead of being allowed to run short. ``avoid``: x-ranges
        where word spaces should not fall (see ``break_paragraph``).

        The result depends on the arguments only: a paragraph set before with the same
        arguments is returned from the cache (as a new list of the same immutable lines).
        """
        if isinstance(pieces, str):
            pieces = [Piece(pieces)]
        key = (tuple(pieces), style, round(measure, 3), lang, first_indent, balanced, avoid)
        found = self._set.get(key)
        if found is None:
            found = self._set[key] = tuple(self._set_paragraph(pieces, style, measure, lang,
                                                               first_indent, balanced, avoid))
        return list(found)

    def _set_paragraph(self, pieces: list[Piece], style: TextStyle, measure: float, lang: str,
                       first_indent: float, balanced: bool,
                       avoid: tuple[tuple[float, float], ...]) -> list[SetLine]:
        if style.uppercase:
            pieces = [Piece(p.text.upper(), p.bold, p.italic) for p in pieces]
        builder = self.builder(style, lang, measure)
        items = builder.build(pieces, first_indent=first_indent, fill_last_line=not balanced)
        if len(items) <= 2:
            return []
        ragged = 0.0 if style.align is Align.JUSTIFY else RAGGED_STRETCH_EM * style.size
        if balanced:
            ragged = max(ragged, measure * 0.5)
        breaks = break_paragraph(items, measure, self.sheet.justification,
                                 max_hyphens=self.sheet.hyphenation.max_consecutive,
                                 ragged_stretch=ragged, avoid=avoid)
        return set_lines(items, breaks, measure, style.align, self.sheet.justification,
                         style.tracking * style.size, hang=style.hang_punctuation)
