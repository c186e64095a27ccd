"""Stage 3a (text): items + breaks → set lines: glyph runs with the spacing that justifies them.

A :class:`SetLine` is what the renderer draws for one line: runs of (face, size, text) drawn one
after another from ``x_offset``, with PDF character spacing (Tc), word spacing (Tw, applied to
each U+0020) and horizontal scaling (Tz) for the whole line. Those three are solved here so the
line ends exactly on the measure:  Tz · (Σ advances + Tc · (glyphs − 1) + Tw · spaces) = measure.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..stylesheet.types import Align, Justification
from .items import FORCED, Box, Glue, Penalty
from .linebreak import Break


@dataclass(frozen=True)
class SetLine:
    runs: tuple[tuple, ...]      # (FontFace, size, text)
    width: float                 # the width the line occupies once drawn
    measure: float
    x_offset: float = 0.0
    char_space: float = 0.0      # Tc, points
    word_space: float = 0.0      # Tw, points, added to each U+0020
    h_scale: float = 1.0         # Tz / 100
    ratio: float = 0.0           # Knuth–Plass adjustment ratio, for reports
    hyphenated: bool = False
    justified: bool = False
    last: bool = False           # the last line of its paragraph
    emergency: bool = False
    splits_word: bool = False    # ends inside a word (hyphen, URL or Korean syllable break)
    kerns: tuple[tuple[int, float], ...] = ()   # (character offset in text, points) pair kerning
    hyphen_added: bool = False   # the line's last character is a hyphen the break put there

    @property
    def text(self) -> str:
        return "".join(run[2] for run in self.runs)

    def glyph_positions(self, x: float):
        """(face, size, character, x, advance) for each character of the line drawn from
        ``x``, as a viewer advances: pair kerning, Tc, Tw and Tz applied."""
        kerns = dict(self.kerns)
        index = 0
        for face, size, run in self.runs:
            for offset, char in enumerate(run):
                x += kerns.get(index + offset, 0.0) * self.h_scale
                advance = (face.advance(char) * size / 1000.0 + self.char_space
                           + (self.word_space if char in " \u00a0" else 0.0)) * self.h_scale
                yield face, size, char, x, advance
                x += advance
            index += len(run)


# Opening quotes that hang into the left margin when the style asks (optical alignment).
HANGING = "“‘\"'«„"


def set_lines(items: list, breaks: list[Break], measure, align: Align,
              justification: Justification, tracking: float = 0.0,
              hang: bool = False) -> list[SetLine]:
    """Turn chosen breaks into :class:`SetLine` objects (``measure`` as in break_paragraph).

    With ``hang``, a left-aligned line that opens with a quote mark starts that much to the
    left, so its first letter lines up with the letters of the other lines."""
    lines: list[SetLine] = []
    for number, brk in enumerate(breaks):
        width = measure if isinstance(measure, (int, float)) else \
            measure[min(number, len(measure) - 1)]
        last = number == len(breaks) - 1
        line = _set_line(items, brk, float(width), align, justification, tracking, last)
        if hang and align is Align.LEFT and line.runs and line.runs[0][2][:1] in HANGING:
            face, size, text = line.runs[0]
            line = replace(line, x_offset=line.x_offset - face.advance(text[0]) * size / 1000.0)
        lines.append(line)
    return lines


def _set_line(items, brk: Break, measure: float, align: Align, j: Justification,
              tracking: float, last: bool) -> SetLine:
    runs: list[list] = []
    spaces = 0
    glyphs = 0
    advance = 0.0            # natural advance of everything drawn, spaces at the face's width
    indent = 0.0             # an empty box opening the line: the paragraph's first-line indent
    kerns: list[tuple[int, float]] = []
    end = brk.position
    for index in range(brk.start, end):
        item = items[index]
        kind = type(item)
        if kind is Box:
            if not item.runs:
                indent += item.width
                continue
            for offset, dx in item.kerns:
                kerns.append((glyphs + offset, dx))
                advance += dx
            for face, size, text in item.runs:
                _append(runs, face, size, text)
                glyphs += len(text)
                advance += face.advance(text) * size / 1000.0
        elif kind is Glue:
            if item.face is None:
                continue          # paragraph-filling glue
            # A tie (U+00A0) is drawn as code 32 too, so Tw widens it like a word space.
            _append(runs, item.face, item.size, item.char)
            spaces += 1
            glyphs += 1
            advance += item.face.advance(" ") * item.size / 1000.0
    closing = items[end]
    splits_word = type(closing) is Penalty and closing.penalty > FORCED
    hyphen_added = type(closing) is Penalty and closing.flagged and bool(closing.runs)
    if hyphen_added:
        for face, size, text in closing.runs:
            _append(runs, face, size, text)
            glyphs += len(text)
            advance += face.advance(text) * size / 1000.0
    # Drop a trailing space (a line never ends in one) — defensive, breaks skip glue.
    while runs and runs[-1][2].endswith(" ") and spaces:
        runs[-1][2] = runs[-1][2][:-1]
        spaces -= 1
        glyphs -= 1
        advance -= runs[-1][0].advance(" ") * runs[-1][1] / 1000.0
        if not runs[-1][2]:
            runs.pop()
    frozen = tuple((face, size, text) for face, size, text in runs)
    measure -= indent
    natural = advance + tracking * max(glyphs - 1, 0)
    ratio = brk.ratio
    # A paragraph's last line is set at natural spacing, unless it must shrink to fit.
    justified = align is Align.JUSTIFY and (not last or ratio < 0)
    if not justified:
        char_space = tracking
        width = natural
        offset = {Align.RIGHT: measure - width, Align.CENTER: (measure - width) / 2}.get(align, 0.0)
        return SetLine(frozen, width, measure, indent + max(offset, 0.0), char_space, 0.0, 1.0,
                       ratio, brk.flagged, False, last, brk.emergency, splits_word,
                       tuple(kerns), hyphen_added)
    # Justified: letter-spacing and scaling follow the ratio up to their limits (even texture),
    # word spaces take whatever remains, so the line meets the measure exactly.
    lever = max(-1.0, min(1.0, ratio))
    if lever >= 0:
        char_space = tracking + lever * j.letter_space_max * _line_size(frozen)
        scale = 1.0 + lever * (j.glyph_scale_max - 1.0)
    else:
        char_space = tracking + lever * -j.letter_space_min * _line_size(frozen)
        scale = 1.0 + lever * (1.0 - j.glyph_scale_min)
    if spaces:
        word_space = (measure / scale - advance - char_space * (glyphs - 1)) / spaces
    else:
        word_space = 0.0
        # No space to absorb the rest: solve letter-spacing alone, within its limits.
        if glyphs > 1:
            needed = (measure / scale - advance) / (glyphs - 1)
            low = tracking + j.letter_space_min * _line_size(frozen)
            high = tracking + j.letter_space_max * _line_size(frozen)
            char_space = max(low, min(high, needed))
    width = scale * (advance + char_space * max(glyphs - 1, 0) + word_space * spaces)
    # A line without spaces may fall short of the measure even at the letter-spacing limit:
    # it then stays ragged rather than claiming to be justified.
    return SetLine(frozen, width, measure, indent, char_space, word_space, scale, ratio,
                   brk.flagged, abs(width - measure) < 0.01, last, brk.emergency, splits_word,
                   tuple(kerns), hyphen_added)


def _append(runs: list[list], face, size: float, text: str) -> None:
    if runs and runs[-1][0] is face and runs[-1][1] == size:
        runs[-1][2] += text
    else:
        runs.append([face, size, text])


def _line_size(runs) -> float:
    return runs[0][1] if runs else 0.0
