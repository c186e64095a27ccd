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

import io
import pickle
from collections.abc import Callable, Iterable
from itertools import islice
from pathlib import Path

from ..stylesheet.types import Align, StyleSheet, TextStyle
from .fonts import FontBook, FontFace
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
        #: Called on a cache miss before setting: returns paragraphs set elsewhere (by a
        #: process working ahead, see :mod:`layout.compose.ahead`) to take into the cache.
        self.ahead: Callable[[], Iterable[tuple[tuple, tuple[SetLine, ...]]]] | None = None

    def hyphenator(self, lang: str, enabled: bool) -> Hyphenator:
        key = (lang, enabled)
        hyphenator = self._hyphenators.get(key)
        if hyphenator is None:
            hyphenator = Hyphenator(lang, self.sheet.hyphenation, enabled)
            self._hyphenators[key] = hyphenator
        return hyphenator

    def builder(self, style: TextStyle, lang: str, measure: float) -> ItemBuilder:
        key = (style, lang, measure)
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
        key = (tuple(pieces), style, measure, lang, first_indent, balanced, avoid)
        found = self._set.get(key)
        if found is None and self.ahead is not None:
            self._set.update(self.ahead())
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

    # -- handing set paragraphs between processes ---------------------------------------------
    @property
    def paragraphs_set(self) -> int:
        """How many distinct paragraphs are in the cache (a mark for :meth:`dump_since`)."""
        return len(self._set)

    def dump_since(self, mark: int) -> bytes:
        """The paragraphs cached after the first ``mark``, and the glyphs the fonts lacked so
        far, pickled for :meth:`load` in another process of the same style sheet (faces travel
        as their font file, not as their glyph tables)."""
        buffer = io.BytesIO()
        pickler = _FacePickler(buffer)
        pickler.dump((list(islice(self._set.items(), mark, None)),
                      self.book.missing, self.book.substituted))
        return buffer.getvalue()

    def load(self, data: bytes) -> list[tuple[tuple, tuple[SetLine, ...]]]:
        """Paragraphs from :meth:`dump_since` with this book's faces; the missing glyphs and
        substituted styles they met are added to this book's (the build reports them)."""
        entries, missing, substituted = _FaceUnpickler(io.BytesIO(data), self.book).load()
        for char, faces in missing.items():
            self.book.missing.setdefault(char, set()).update(faces)
        for note in substituted:
            if note not in self.book.substituted:
                self.book.substituted.append(note)
        return entries


class _FacePickler(pickle.Pickler):
    def persistent_id(self, obj):
        if type(obj) is FontFace:
            return ("face", str(obj.path), obj.scale)
        return None


class _FaceUnpickler(pickle.Unpickler):
    def __init__(self, file, book: FontBook):
        super().__init__(file)
        self.book = book
        self.faces: dict[tuple, FontFace] = {}

    def persistent_load(self, pid):
        face = self.faces.get(pid)
        if face is None:
            _, path, scale = pid
            face = self.faces[pid] = self.book.load_face(Path(path), scale)
        return face
