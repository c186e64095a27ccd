"""Stage 6 (outputs): a page's draws → its printed text as regions, lines and words, with the
positions the renderer draws them at.

This is the one reading of "where is each word" that every text output shares (ALTO, METS
areas): it walks each set line's glyphs exactly as the renderer advances through them
(:meth:`SetLine.glyph_positions`: pair kerning, Tc, Tw and Tz applied) and cuts words at the
spaces the PDF draws (U+0020, and U+00A0, which the PDF shows as a space too). Nothing is
matched back from the PDF.

Coordinates are PDF points with the origin at the page's **top-left** (``top`` grows
downward), as archives want them. A word's box is the one a PDF viewer selects: from the
first glyph's origin to the end of the last glyph's advance (no letter-spacing after it),
widened where a glyph's ink overhangs its advance, and vertically from the font's descent
below the baseline to its ascent above it (the values the PDF's font descriptors carry).

Regions (what ALTO calls TextBlocks) are runs of lines of one paragraph of one block kind of
one article part, going down one column: a paragraph that goes on in the next column is a new
region. A word broken at a line end (a hyphen, a hard hyphen, a Korean syllable break, a URL)
is two :class:`Word` objects: the ``first`` part knows the whole word, even when the ``second``
part is on another page (a jump).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..compose.draws import ImageDraw, Origin, TextDraw

SPACES = " \u00a0"
# Block kinds that belong to the page rather than to an article, in reading order.
FURNITURE_ORDER = {"masthead": 0, "dateline": 1, "ear": 2}
TRAILING_FURNITURE = {"folio"}


@dataclass(frozen=True)
class Box:
    """A rectangle in points from the page's top-left corner."""

    x: float
    top: float
    width: float
    height: float

    @staticmethod
    def around(boxes) -> "Box":
        boxes = list(boxes)
        left = min(b.x for b in boxes)
        top = min(b.top for b in boxes)
        right = max(b.x + b.width for b in boxes)
        bottom = max(b.top + b.height for b in boxes)
        return Box(left, top, right - left, bottom - top)


@dataclass(frozen=True)
class Word:
    """One printed word. ``text`` leaves out a hyphen that the line break added (``hyphen``
    is that hyphen's box); ``split`` is ``first`` or ``second`` for the two parts of a word
    broken at a line end, and ``whole`` then holds the whole word."""

    text: str
    box: Box
    font: str
    size: float
    hyphen: Box | None = None
    split: str = ""
    whole: str = ""


@dataclass(frozen=True)
class PrintedLine:
    words: tuple[Word, ...]
    box: Box
    baseline: float            # from the page's top


@dataclass(frozen=True)
class TextRegion:
    """Lines of one paragraph of one kind (``role``) of one article part, down one column."""

    role: str
    origin: Origin
    lines: tuple[PrintedLine, ...]

    @property
    def box(self) -> Box:
        return Box.around(line.box for line in self.lines)


@dataclass(frozen=True)
class Picture:
    """A photo or an ad as placed (``role`` is ``photo`` or ``ad``)."""

    role: str
    origin: Origin
    box: Box


def line_words(draw: TextDraw, page_height: float) -> list[Word]:
    """The words of one drawn line, left to right, with their boxes (no split marks yet)."""
    line = draw.line
    glyphs = [_glyph(face, size, char, x, line.h_scale)
              for face, size, char, x, _ in line.glyph_positions(draw.x)]
    hyphen = None
    if line.hyphen_added and glyphs and glyphs[-1][2] == "-":
        hyphen = _box([glyphs.pop()], draw.y, page_height)
    words: list[Word] = []
    run: list[tuple] = []
    for glyph in glyphs + [None]:
        if glyph is None or glyph[2] in SPACES:
            if run:
                face, size = max(((g[0], g[1]) for g in run), key=lambda fs: fs[1])
                words.append(Word("".join(g[2] for g in run), _box(run, draw.y, page_height),
                                  face.name, size))
                run = []
            continue
        run.append(glyph)
    if hyphen is not None and words:
        words[-1] = replace(words[-1], hyphen=hyphen)
    return words


def _glyph(face, size: float, char: str, x: float, h_scale: float) -> tuple:
    """(face, size, char, left, right, below, above) of one glyph drawn at ``x``: across its
    advance and from the font's descent to its ascent, and further where its ink overhangs
    (an ``f``'s hook, a tall Hangul syllable); below/above in points from the baseline."""
    unit = size / 1000.0
    ink_left, ink_right, ink_bottom, ink_top = face.ink(char)
    return (face, size, char, x + min(0.0, ink_left) * unit * h_scale,
            x + max(face.advance(char), ink_right) * unit * h_scale,
            min(face.descent, ink_bottom) * unit, max(face.ascent, ink_top) * unit)


def _box(glyphs: list[tuple], baseline: float, page_height: float) -> Box:
    """The box around glyphs from :func:`_glyph` on a PDF baseline (y up)."""
    left = min(glyph[3] for glyph in glyphs)
    right = max(glyph[4] for glyph in glyphs)
    foot = baseline + min(glyph[5] for glyph in glyphs)
    head = baseline + max(glyph[6] for glyph in glyphs)
    return Box(left, page_height - head, right - left, head - foot)


def page_text(page, split_words: dict[tuple, tuple[str, str]]) -> list[TextRegion | Picture]:
    """The regions of printed text and the pictures of ``page`` (a PageLayout), in reading
    order: masthead, dateline and ears; then each article in the order it was placed on the
    page (its text and photos as drawn); then ads; folios last. ``split_words`` is
    :func:`split_words` of the whole edition (a word broken at the foot of a page is finished
    on another one)."""
    blocks: list[tuple[tuple, int, TextRegion | Picture]] = []
    current: list[TextDraw] = []
    rank = {article: number for number, article in enumerate(page.articles)}

    def close() -> None:
        if current:
            first = current[0]
            lines = tuple(_printed_line(d, page.height, split_words) for d in current)
            lines = tuple(line for line in lines if line.words)
            if lines:
                blocks.append((_reading_rank(first.role, first.origin, rank), len(blocks),
                               TextRegion(first.role, first.origin, lines)))
            current.clear()

    for draw in page.draws:
        if isinstance(draw, ImageDraw):
            close()
            role = "ad" if draw.letterbox else "photo"
            blocks.append((_reading_rank(role, draw.origin, rank), len(blocks),
                           Picture(role, draw.origin,
                                   Box(draw.x, page.height - draw.y - draw.height,
                                       draw.width, draw.height))))
        elif isinstance(draw, TextDraw):
            if current and not _continues(current[-1], draw):
                close()
            current.append(draw)
    close()
    blocks.sort(key=lambda entry: (entry[0], entry[1]))
    return [block for _, _, block in blocks]


def _continues(previous: TextDraw, draw: TextDraw) -> bool:
    """Whether ``draw`` is the next line of ``previous``'s region: the same paragraph of the
    same kind of the same article part, on a lower baseline (not the head of a new column)."""
    a, b = previous.origin, draw.origin
    return (previous.role == draw.role and a.article == b.article and a.part == b.part
            and a.paragraph == b.paragraph and draw.y < previous.y - 0.01
            and b.line >= a.line)


def _reading_rank(role: str, origin: Origin, rank: dict[str, int]) -> tuple:
    if origin.article:
        return (1, rank.get(origin.article, len(rank)))
    if role == "ad":
        return (2, 0)
    if role in TRAILING_FURNITURE:
        return (3, 0)
    return (0, FURNITURE_ORDER.get(role, len(FURNITURE_ORDER)))


def _printed_line(draw: TextDraw, page_height: float,
                  split_words: dict[tuple, tuple[str, str]]) -> PrintedLine:
    words = line_words(draw, page_height)
    origin = draw.origin
    if words and origin.article:
        key = (origin.article, draw.role, origin.paragraph, origin.line)
        for end, index in (("first", 0), ("last", -1)):
            mark = split_words.get((key, end))
            if mark is not None:
                split, whole = mark
                words[index] = replace(words[index], split=split, whole=whole)
    box = Box.around(w.box if w.hyphen is None else Box.around((w.box, w.hyphen))
                     for w in words) if words else Box(draw.x, page_height - draw.y, 0, 0)
    return PrintedLine(tuple(words), box, page_height - draw.y)


def split_words(pages) -> dict[tuple, tuple[str, str]]:
    """Words broken at line ends, across the whole edition (a part may be on another page):
    ``{(line key, "last" | "first"): (split, whole word)}``, the line key being (article,
    role, paragraph, line). Every piece of a broken word but the last is ``first`` (ALTO's
    HypPart1), the last piece ``second`` (HypPart2); a word broken over three lines (a long
    URL) has a line holding nothing but its middle piece, which is a ``first`` too."""
    lines: dict[tuple, TextDraw] = {}
    for page in pages:
        for draw in page.draws:
            if isinstance(draw, TextDraw) and draw.origin.article:
                origin = draw.origin
                lines[(origin.article, draw.role, origin.paragraph, origin.line)] = draw
    marks: dict[tuple, tuple[str, str]] = {}
    for key, draw in lines.items():
        before = lines.get((*key[:3], key[3] - 1))
        if not _breaks_word(draw, lines, key) or (before is not None and
                                                   _breaks_word(before, lines, _up(key))
                                                   and len(_words(draw.line.text)) == 1):
            continue                     # not a break, or the middle of a chain
        pieces, ends = [_last_word(draw)], [(key, "last")]
        current = _down(key)
        while True:
            line = lines[current]
            found = _words(_text_without_added_hyphen(line))
            if len(found) == 1 and _breaks_word(line, lines, current):
                pieces.append(found[0])
                ends.append((current, "last"))
                current = _down(current)
                continue
            pieces.append(found[0] if found else "")
            break
        whole = "".join(pieces)
        for end in ends:
            marks[end] = ("first", whole)
        marks[(current, "first")] = ("second", whole)
    return marks


def _up(key: tuple) -> tuple:
    return (*key[:3], key[3] - 1)


def _down(key: tuple) -> tuple:
    return (*key[:3], key[3] + 1)


def _breaks_word(draw: TextDraw, lines: dict, key: tuple) -> bool:
    """Whether the line ends inside a word that goes on on the next line of its paragraph."""
    return draw.line.splits_word and _down(key) in lines and bool(_words(draw.line.text))


def _text_without_added_hyphen(draw: TextDraw) -> str:
    text = draw.line.text
    return text[:-1] if draw.line.hyphen_added and text.endswith("-") else text


def _last_word(draw: TextDraw) -> str:
    found = _words(_text_without_added_hyphen(draw))
    return found[-1] if found else ""


def _words(text: str) -> list[str]:
    for space in SPACES[1:]:
        text = text.replace(space, " ")
    return text.split()
