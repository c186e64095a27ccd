"""Stage 3a (text): TrueType faces and per-character font fallback.

A :class:`FontBook` loads the style sheet's families once; a :class:`FontChain` sets every
character in the first face of its chain that has a real glyph for it, so ``ⓒ`` and Hangul print
even when the body face is Latin-only. Characters that no face covers are collected in
``FontBook.missing`` for the build report — never dropped silently.
"""
from __future__ import annotations

import struct
from functools import lru_cache

from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from ..errors import LayoutError
from ..stylesheet.types import FontFamily, StyleSheet, TextStyle
from .kerning import Kerning

class FontFace:
    """One TrueType file, registered with the PDF backend under ``name``.

    Widths are in 1/1000 em. ``advance(text)`` is cached per string because words repeat.
    """

    __slots__ = ("name", "path", "glyphs", "widths", "default_width", "ascent", "descent",
                 "scale", "_advances", "_kerning", "_ink")

    def __init__(self, name: str, path: Path, scale: float = 1.0):
        try:
            ttfont = TTFont(name, str(path))
        except (TTFError, OSError) as exc:
            raise LayoutError(f"cannot read font: {exc}", file=path,
                              hint="use a TrueType (.ttf) font with glyf outlines") from None
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(ttfont)
        face = ttfont.face
        self.name = name
        self.path = path
        self.glyphs: dict[int, int] = face.charToGlyph
        self.widths: dict[int, float] = face.charWidths
        self.default_width = float(face.defaultWidth)
        self.ascent = float(face.ascent)
        self.descent = float(face.descent)
        self.scale = scale
        self._advances: dict[str, float] = {}
        self._kerning: Kerning | None = None
        self._ink: dict[int, tuple[float, float, float, float]] | None = None

    def has_glyph(self, char: str) -> bool:
        return self.glyphs.get(ord(char), 0) != 0

    def advance(self, text: str) -> float:
        """Sum of the advance widths of ``text`` in 1/1000 em (no kerning)."""
        cached = self._advances.get(text)
        if cached is None:
            widths, default = self.widths, self.default_width
            cached = sum(widths.get(ord(c), default) for c in text)
            self._advances[text] = cached
        return cached

    def kern(self, left: str, right: str) -> float:
        """Pair kerning between two characters, in 1/1000 em (read from the font on first use)."""
        if self._kerning is None:
            self._kerning = Kerning(self.path)
        return self._kerning.pair(left, right)

    def ink(self, char: str) -> tuple[float, float, float, float]:
        """The ink box of the glyph of ``char`` from its origin — left, right, bottom, top,
        in 1/1000 em (all 0 for an empty glyph): the bounding box in the glyph's header,
        read from the font on first use and kept per character."""
        if self._ink is None:
            self._ink = {}
        found = self._ink.get(ord(char))
        if found is None:
            found = self._ink[ord(char)] = _glyph_box(str(self.path), self.glyphs.get(ord(char)))
        return found

    def width(self, text: str, size: float) -> float:
        """Advance width of ``text`` in points at ``size``."""
        return self.advance(text) * size / 1000.0

    def __repr__(self) -> str:
        return f"FontFace({self.name})"


class FontChain:
    """Faces tried in order for each character (primary first)."""

    __slots__ = ("faces", "book", "_runs", "_primary_chars")

    def __init__(self, faces: tuple[FontFace, ...], book: "FontBook"):
        self.faces = faces
        self.book = book
        self._runs: dict[str, tuple[tuple[FontFace, str], ...]] = {}

    @property
    def primary(self) -> FontFace:
        return self.faces[0]

    def face_for(self, char: str) -> FontFace:
        for face in self.faces:
            if face.has_glyph(char):
                return face
        self.book.missing.setdefault(char, set()).add(self.faces[0].name)
        return self.faces[0]

    def runs(self, text: str) -> tuple[tuple[FontFace, str], ...]:
        """Split ``text`` into maximal runs that one face can set."""
        cached = self._runs.get(text)
        if cached is not None:
            return cached
        primary = self.faces[0]
        glyphs = primary.glyphs
        if all(glyphs.get(ord(c), 0) for c in text):
            result: tuple[tuple[FontFace, str], ...] = ((primary, text),)
        else:
            runs: list[tuple[FontFace, str]] = []
            current, start = None, 0
            for index, char in enumerate(text):
                face = self.face_for(char)
                if face is not current:
                    if current is not None:
                        runs.append((current, text[start:index]))
                    current, start = face, index
            if current is not None:
                runs.append((current, text[start:]))
            result = tuple(runs)
        self._runs[text] = result
        return result


class FontBook:
    """The faces of one style sheet, loaded on first use and shared by every stage."""

    def __init__(self, sheet: StyleSheet):
        self.sheet = sheet
        self._faces: dict[Path, FontFace] = {}
        self._chains: dict[tuple, FontChain] = {}
        self.missing: dict[str, set[str]] = {}   # character -> faces it was asked of
        self.substituted: list[str] = []         # "family bold": style missing, regular used

    def load_face(self, path: Path, scale: float) -> FontFace:
        """The face of the font file ``path`` (loaded once per book)."""
        face = self._faces.get(path)
        if face is None:
            face = FontFace(path.stem, path, scale)
            self._faces[path] = face
        return face

    def face(self, family_name: str, bold: bool = False, italic: bool = False) -> FontFace:
        family: FontFamily = self.sheet.fonts[family_name]
        wanted = {(False, False): family.regular, (True, False): family.bold,
                  (False, True): family.italic, (True, True): family.bold_italic}[(bold, italic)]
        if wanted is None and bold and italic:
            wanted = family.bold or family.italic
        if wanted is None:
            wanted = family.regular
            if bold or italic:
                note = f"{family_name} {'bold ' if bold else ''}{'italic' if italic else ''}".strip()
                if note not in self.substituted:
                    self.substituted.append(note)
        return self.load_face(Path(wanted), family.scale)

    def chain(self, style: TextStyle, bold: bool | None = None,
              italic: bool | None = None) -> FontChain:
        """The fallback chain for ``style``, optionally with emphasis switched on."""
        bold = style.bold if bold is None else bold
        italic = style.italic if italic is None else italic
        key = (style.fonts, bold, italic)
        chain = self._chains.get(key)
        if chain is None:
            faces: list[FontFace] = []
            for family in style.fonts:
                face = self.face(family, bold, italic)
                if face not in faces:
                    faces.append(face)
            chain = FontChain(tuple(faces), self)
            self._chains[key] = chain
        return chain


@lru_cache(maxsize=32)
def _outline_font(path: str):
    """The font's glyph table and units per em, for glyph boxes (fontTools, lazily)."""
    from fontTools.ttLib import TTFont as OutlineFont
    font = OutlineFont(path, lazy=True)
    glyf = font["glyf"] if "glyf" in font else None
    return font, glyf, 1000.0 / font["head"].unitsPerEm


def _glyph_box(path: str, glyph_id: int | None) -> tuple[float, float, float, float]:
    font, glyf, unit = _outline_font(path)
    if glyf is None or not glyph_id:
        return (0.0, 0.0, 0.0, 0.0)
    glyph = glyf.glyphs.get(font.getGlyphName(glyph_id))      # not expanded (lazy load)
    if glyph is None:
        return (0.0, 0.0, 0.0, 0.0)
    data = getattr(glyph, "data", None)
    if data is not None:                 # not decompiled: the header holds the box
        if len(data) < 10:
            return (0.0, 0.0, 0.0, 0.0)
        _, x_min, y_min, x_max, y_max = struct.unpack(">hhhhh", data[:10])
    elif getattr(glyph, "numberOfContours", 0):
        x_min, y_min, x_max, y_max = glyph.xMin, glyph.yMin, glyph.xMax, glyph.yMax
    else:
        return (0.0, 0.0, 0.0, 0.0)
    return (x_min * unit, x_max * unit, y_min * unit, y_max * unit)
