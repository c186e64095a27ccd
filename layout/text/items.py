"""Stage 3a (text): styled runs → TeX items (Box, Glue, Penalty) for one paragraph.

A Box is an unbreakable piece of a word, possibly set in several faces (font fallback); its
stretch and shrink are the letter-spacing and glyph-scaling room the style allows. A Glue is a
word space; a Penalty a possible break inside a word (hyphenation, hard hyphen, URL) or the
forced break that ends the paragraph.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..stylesheet.types import Justification, TextStyle
from .fonts import FontBook, FontChain, FontFace
from .hyphenate import SOFT_HYPHEN, Hyphenator

INFINITY = 1e9          # stretch of the glue that fills a paragraph's last line ("fil")
FORCED = -10000         # penalty that forces a break
FORBIDDEN = 10000       # penalty that forbids one
# Breaking a Korean word between syllables costs more than breaking at a space.
SYLLABLE_PENALTY = 100
# ReportLab draws U+00A0 as the space glyph, code 32, so PDF word spacing (Tw) applies to it.
NO_BREAK_SPACE = "\u00a0"

Run = tuple  # (FontFace, size, text)


class Box:
    """A piece of a word; ``kerns`` are (offset in the box's text, points) adjustments made
    before the character at that offset (pair kerning)."""

    __slots__ = ("width", "stretch", "shrink", "runs", "kerns")

    def __init__(self, width: float, stretch: float, shrink: float, runs: tuple[Run, ...],
                 kerns: tuple[tuple[int, float], ...] = ()):
        self.width, self.stretch, self.shrink, self.runs = width, stretch, shrink, runs
        self.kerns = kerns

    @property
    def text(self) -> str:
        return "".join(run[2] for run in self.runs)

    def __repr__(self) -> str:
        return f"Box({self.text!r}, {self.width:.2f})"


class Glue:
    """A word space drawn as ``char`` in ``face`` (no face: invisible, e.g. the paragraph fill).

    ``char`` is U+0020, or U+00A0 for a tie (a no-break space: it stretches like a word space,
    as TeX's ``~`` does, but a penalty before it forbids a break there).
    """

    __slots__ = ("width", "stretch", "shrink", "face", "size", "char")

    def __init__(self, width: float, stretch: float, shrink: float,
                 face: FontFace | None = None, size: float = 0.0, char: str = " "):
        self.width, self.stretch, self.shrink = width, stretch, shrink
        self.face, self.size, self.char = face, size, char

    def __repr__(self) -> str:
        return f"Glue({self.width:.2f}+{self.stretch:.2f}-{self.shrink:.2f})"


class Penalty:
    __slots__ = ("width", "penalty", "flagged", "runs")

    def __init__(self, width: float, penalty: float, flagged: bool = False,
                 runs: tuple[Run, ...] = ()):
        self.width, self.penalty, self.flagged, self.runs = width, penalty, flagged, runs

    def __repr__(self) -> str:
        return f"Penalty({self.penalty}, flagged={self.flagged})"


@dataclass(frozen=True)
class Piece:
    """A run of paragraph text with one emphasis (the composer's view of a model Span)."""

    text: str
    bold: bool = False
    italic: bool = False


class ItemBuilder:
    """Turns paragraphs of one style into items. Reused for every paragraph of that style."""

    def __init__(self, style: TextStyle, book: FontBook, hyphenator: Hyphenator,
                 justification: Justification, measure: float):
        self.style = style
        self.book = book
        self.hyphenator = hyphenator
        self.measure = measure
        self.size = style.size
        justified = style.align.value == "justify"
        size = style.size
        j = justification
        # Per-glyph letter-spacing room and per-point glyph-scaling room (see module docstring).
        self.glyph_stretch = j.letter_space_max * size if justified else 0.0
        self.glyph_shrink = -j.letter_space_min * size if justified else 0.0
        self.scale_stretch = (j.glyph_scale_max - 1.0) if justified else 0.0
        self.scale_shrink = (1.0 - j.glyph_scale_min) if justified else 0.0
        self.space_stretch = (j.word_space_max - j.word_space_desired) if justified else 0.0
        self.space_shrink = (j.word_space_desired - j.word_space_min) if justified else 0.0
        self.space_desired = j.word_space_desired if justified else 1.0
        self.hyphen_penalty = j.hyphen_penalty
        self.tracking = style.tracking * size
        self.kerning = style.kerning
        self._words: dict[tuple, list] = {}

    # -- boxes -------------------------------------------------------------------------------
    def _chain(self, bold: bool, italic: bool) -> FontChain:
        return self.book.chain(self.style, bold or self.style.bold, italic or self.style.italic)

    def _runs(self, pieces: list[tuple[FontChain, str]]) -> tuple[Run, ...]:
        size = self.size
        runs: list[Run] = []
        for chain, text in pieces:
            if not text:
                continue
            primary = chain.primary
            for face, part in chain.runs(text):
                run_size = size if face is primary else size * face.scale
                if runs and runs[-1][0] is face and runs[-1][1] == run_size:
                    runs[-1] = (face, run_size, runs[-1][2] + part)
                else:
                    runs.append((face, run_size, part))
        return tuple(runs)

    def _box(self, runs: tuple[Run, ...]) -> Box:
        width = 0.0
        glyphs = 0
        kerns: list[tuple[int, float]] = []
        for face, size, text in runs:
            width += face.advance(text) * size / 1000.0
            if self.kerning:
                for index in range(1, len(text)):
                    value = face.kern(text[index - 1], text[index])
                    if value:
                        kerns.append((glyphs + index, value * size / 1000.0))
            glyphs += len(text)
        width += self.tracking * glyphs + sum(dx for _, dx in kerns)
        # Shrink counts one glyph gap fewer than there are glyphs: the gap after a line's last
        # glyph shrinks nothing, and counting it could let a line end past its measure.
        return Box(width,
                   glyphs * self.glyph_stretch + width * self.scale_stretch,
                   max(glyphs - 1, 0) * self.glyph_shrink + width * self.scale_shrink,
                   runs, tuple(kerns))

    # -- paragraphs --------------------------------------------------------------------------
    def build(self, pieces: list[Piece], *, first_indent: float = 0.0,
              fill_last_line: bool = True) -> list:
        """Items for one paragraph. ``pieces`` are its emphasis runs in order."""
        items: list = []
        if first_indent > 0:
            items.append(Box(first_indent, 0.0, 0.0, ()))
        word: list[tuple[FontChain, str]] = []
        pending_space: FontChain | None = None
        for piece in pieces:
            chain = self._chain(piece.bold, piece.italic)
            for token in _split_spaces(piece.text):
                if token == NO_BREAK_SPACE:
                    if word:
                        self._add_word(items, word)
                        word = []
                    if pending_space is not None and items:
                        self._add_space(items, pending_space)
                    pending_space = None
                    items.append(Penalty(0.0, FORBIDDEN))
                    self._add_space(items, chain, NO_BREAK_SPACE)
                    continue
                if token == " ":
                    if word:
                        self._add_word(items, word)
                        word = []
                        pending_space = chain
                    elif items and pending_space is None and not isinstance(items[-1], Glue):
                        pending_space = chain
                    continue
                if pending_space is not None:
                    if items:
                        self._add_space(items, pending_space)
                    pending_space = None
                word.append((chain, token))
        if word:
            self._add_word(items, word)
        if fill_last_line:
            items.append(Glue(0.0, INFINITY, 0.0))
        else:
            items.append(Glue(0.0, 0.0, 0.0))
        items.append(Penalty(0.0, FORCED, False))
        return items

    def _add_space(self, items: list, chain: FontChain, char: str = " ") -> None:
        """A word space in the face of the word before it when that face has one: Korean text
        then keeps Nanum's space between Hangul words instead of switching to the Latin face
        and back around every space (one text run instead of three)."""
        face = None
        if items and type(items[-1]) is Box and items[-1].runs:
            before = items[-1].runs[-1][0]
            if before.has_glyph(" ") and before in chain.faces:
                face = before
        if face is None:
            face = chain.face_for(" ")
        natural = face.width(" ", self.size)
        width = natural * self.space_desired + self.tracking
        items.append(Glue(width, natural * self.space_stretch, natural * self.space_shrink,
                          face, self.size, char))

    def _add_word(self, items: list, word: list[tuple[FontChain, str]]) -> None:
        """The boxes and penalties of one word. Words repeat ("the", "said"), so a word in a
        single emphasis is set once per builder and its items are shared (nothing mutates
        items after they are built)."""
        if len(word) == 1:
            key = (word[0][0], word[0][1])
            cached = self._words.get(key)
            if cached is None:
                cached = []
                self._build_word(cached, word)
                self._words[key] = cached
            items.extend(cached)
        else:
            self._build_word(items, word)

    def _build_word(self, items: list, word: list[tuple[FontChain, str]]) -> None:
        text = "".join(part for _, part in word)
        points = self.hyphenator.break_points(text)
        # Cut the word's styled pieces at the break points.
        cuts = [index for index, _ in points]
        segments = _cut(word, cuts)
        for number, segment in enumerate(segments):
            visible = [(chain, part.replace(SOFT_HYPHEN, "")) for chain, part in segment]
            box = self._box(self._runs(visible))
            # Room for the hyphen that may follow: a piece plus its hyphen must fit too. A
            # Korean word never takes a hyphen: it is overlong only when it does not fit at
            # all (else a head that fits on a line would be cut between syllables).
            room = 0.0 if any(_is_hangul(ch) for _, part in visible for ch in part) \
                else self.size * 0.5
            if box.width + room > self.measure and box.runs:
                self._add_overlong(items, box)
            else:
                items.append(box)
            if number < len(points):
                index, kind = points[number]
                items.append(self._break_penalty(text, index, kind, segment))

    def _break_penalty(self, text: str, index: int, kind: str, segment) -> Penalty:
        if kind in ("hyphen", "soft"):
            chain = segment[-1][0] if segment else self._chain(False, False)
            runs = self._runs([(chain, "-")])
            width = sum(face.advance(t) * size / 1000.0 for face, size, t in runs)
            return Penalty(width, self.hyphen_penalty, True, runs)
        if kind == "explicit":
            flagged = text[index - 1] in "-\u2010"
            return Penalty(0.0, self.hyphen_penalty if flagged else 0.0, flagged)
        if kind == "syllable":
            return Penalty(0.0, SYLLABLE_PENALTY, False)
        return Penalty(0.0, 0.0, False)   # URL / e-mail: break without a hyphen

    def _add_overlong(self, items: list, box: Box) -> None:
        """A piece wider than the measure (a long URL or compound): allow a break after any
        character, at a high penalty and with a hyphen, so it never runs past the measure."""
        chars = [(face, size, ch) for face, size, text in box.runs for ch in text]
        for index, (face, size, ch) in enumerate(chars):
            items.append(self._box(((face, size, ch),)))
            if index < len(chars) - 1:
                if _is_hangul(ch) or _is_hangul(chars[index + 1][2]):
                    # Korean breaks between syllables without a hyphen (KLREQ).
                    items.append(Penalty(0.0, 500.0, False))
                    continue
                hyphen = self._runs([(self._chain(False, False), "-")])
                width = sum(f.advance(t) * s / 1000.0 for f, s, t in hyphen)
                items.append(Penalty(width, 900.0, True, hyphen))


def _is_hangul(char: str) -> bool:
    code = ord(char)
    return 0xAC00 <= code <= 0xD7A3 or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F


def _split_spaces(text: str) -> list[str]:
    """Split on ordinary spaces, returning words, single " " markers (runs collapsed) and one
    marker per no-break space."""
    tokens: list[str] = []
    for index, part in enumerate(text.split(" ")):
        if index:
            tokens.append(" ")
        pieces = part.split(NO_BREAK_SPACE)
        for number, piece in enumerate(pieces):
            if number:
                tokens.append(NO_BREAK_SPACE)
            if piece:
                tokens.append(piece)
    return tokens


def _cut(word: list[tuple[FontChain, str]], cuts: list[int]) -> list[list[tuple[FontChain, str]]]:
    """Split a word made of (chain, text) pieces at character offsets ``cuts`` (ascending).

    Always returns ``len(cuts) + 1`` segments.
    """
    segments: list[list[tuple[FontChain, str]]] = [[]]
    offset = 0
    pending = 0
    for chain, text in word:
        start = 0
        while pending < len(cuts) and cuts[pending] < offset + len(text):
            local = cuts[pending] - offset
            segments[-1].append((chain, text[start:local]))
            segments.append([])
            start = local
            pending += 1
        segments[-1].append((chain, text[start:]))
        offset += len(text)
    return segments
