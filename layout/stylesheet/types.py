"""Stage 2 data: a resolved style sheet — every length in points, every reference checked.

The loader (``layout.stylesheet.load_stylesheet``) turns YAML into these frozen dataclasses;
later stages read nothing else from the style.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Mapping


class Align(Enum):
    JUSTIFY = "justify"
    LEFT = "left"
    RIGHT = "right"
    CENTER = "center"


@dataclass(frozen=True)
class Color:
    """A colour in a PDF colour space; ``values`` are 0..1 (CMYK: 4, RGB: 3, gray: 1)."""

    space: str            # "cmyk" | "rgb" | "gray"
    values: tuple[float, ...]


BLACK = Color("gray", (0.0,))


@dataclass(frozen=True)
class FontFamily:
    """A family of TrueType files. Missing styles fall back to ``regular`` (and say so)."""

    name: str
    regular: Path
    bold: Path | None = None
    italic: Path | None = None
    bold_italic: Path | None = None
    scale: float = 1.0    # size factor when this family stands in for another (matched x-height)


@dataclass(frozen=True)
class TextStyle:
    """A paragraph style. ``fonts`` is the fallback chain of family names, primary first."""

    name: str
    fonts: tuple[str, ...]
    size: float
    leading: float
    bold: bool = False
    italic: bool = False
    align: Align = Align.LEFT
    color: Color = BLACK
    space_before: float = 0.0
    space_after: float = 0.0
    first_indent: float = 0.0
    left_indent: float = 0.0
    uppercase: bool = False
    tracking: float = 0.0        # extra space per glyph, in em
    hyphenate: bool = False
    kerning: bool = False        # pair kerning from the font (display sizes)
    hang_punctuation: bool = False   # opening quotes hang into the left margin (optical edge)


@dataclass(frozen=True)
class PageGeometry:
    """The trimmed page and its column grid. ``baseline`` is the grid pitch (body leading)."""

    width: float
    height: float
    margin_top: float
    margin_bottom: float
    margin_inside: float
    margin_outside: float
    columns: int
    gutter: float
    baseline: float
    bleed: float = 3 * 72 / 25.4     # 3 mm: what touches the trim runs this far past it

    @property
    def content_width(self) -> float:
        return self.width - self.margin_inside - self.margin_outside

    @property
    def column_width(self) -> float:
        return (self.content_width - (self.columns - 1) * self.gutter) / self.columns


@dataclass(frozen=True)
class Justification:
    """Limits for justified lines, as InDesign states them.

    Word spaces are fractions of the font's space (0.8 / 1.0 / 1.33); letter-spacing is in em
    per glyph (±0.01); glyph scaling is a horizontal factor (0.98 … 1.02).
    """

    word_space_min: float = 0.8
    word_space_desired: float = 1.0
    word_space_max: float = 1.33
    letter_space_min: float = -0.01
    letter_space_max: float = 0.01
    glyph_scale_min: float = 0.98
    glyph_scale_max: float = 1.02
    tolerance: float = 200.0
    line_penalty: float = 10.0
    hyphen_penalty: float = 50.0
    double_hyphen_demerits: float = 10000.0
    final_hyphen_demerits: float = 5000.0
    adjacent_demerits: float = 10000.0


@dataclass(frozen=True)
class Hyphenation:
    enabled: bool = True
    min_word: int = 6
    min_left: int = 2
    min_right: int = 3
    max_consecutive: int = 2
    capitalized: bool = False
    korean_syllables: bool = False   # Korean lines may also break between syllables (KLREQ)


class Dash(Enum):
    """What a double hyphen ``--`` in the copy becomes."""

    EM = "em"
    EN = "en"
    KEEP = "keep"


@dataclass(frozen=True)
class Typography:
    """Typewriter habits of the copy turned into typography (body, heads, decks, captions;
    bylines, e-mail addresses and copyright lines are printed as written)."""

    curly_quotes: bool = True
    double_hyphen: Dash = Dash.EM
    ellipsis: bool = True
    ties: bool = True        # no line break between a number and its unit, or after "No."


@dataclass(frozen=True)
class PrintSettings:
    """Print production (``print:``): plates, PDF/X twin, ink limit, preflight limits.
    ``profile`` None means the bundled CMYK profile."""

    enabled: bool = False
    previews: bool = False
    preview_ppi: float = 100.0
    plate_name: str = "{title_code}_{date:%Y%m%d}_{section_code}{page:03d}.pdf"
    profile: Path | None = None
    output_condition: str = ""
    max_ink: float = 240.0
    min_ppi: float = 150.0
    warn_ppi: float = 200.0
    safety: float = 5 * 72 / 25.4
    marks: bool = True
    mark_offset: float = 2 * 72 / 25.4
    mark_length: float = 8 * 72 / 25.4


@dataclass(frozen=True)
class Rule:
    """A stroked line; ``width`` 0 means none."""

    width: float = 0.0
    color: Color = BLACK


@dataclass(frozen=True)
class Rules:
    column: Rule = Rule()          # between columns of one page (vertical)
    module: Rule = Rule(0.5)       # between stacked articles (horizontal)
    masthead: Rule = Rule(1.0)     # under the masthead
    folio: Rule = Rule(0.5)        # under the folio line


@dataclass(frozen=True)
class ModuleSpacing:
    """Vertical spacing inside and between article modules, in whole grid lines."""

    gap_lines: int = 1              # between two stacked modules
    headline_gap_lines: int = 0     # extra space under the headline block
    photo_max_height: float = 0.45  # a photo is at most this share of the content height
    focal_crop: bool = False        # crops keep an embedded focal region, not the centre
    min_body_lines: int = 3         # a headline keeps at least this many body lines under it
    section_fronts: bool = False    # a new section starts on a new page
    widows: int = 2                 # fewest lines of a paragraph at the head of a column
    orphans: int = 2                # fewest lines of a paragraph at the foot of a column
    max_jumps: int = 1              # times one story may continue on a later page


@dataclass(frozen=True)
class Furniture:
    """Masthead (page 1) and folio (every page): texts and heights in grid lines."""

    masthead_lines: int = 8
    folio_lines: int = 2
    tagline: str = ""
    jump_to: str = "Continued on page {page}"
    jump_from: str = "Continued from page {page}"
    folio: str = "Page {page}"
    issue: str = "No. {issue}"
    index_title: str = "Inside"
    index_page: str = "{page}"
    pages: str = "{pages} pages"
    stories: str = "{stories} stories"
    date: str = "{weekday}, {month} {day}, {year}"
    weekdays: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                 "Saturday", "Sunday")
    months: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July",
                               "August", "September", "October", "November", "December")
    # (language, ((word, value), …)), sorted: the words in other languages
    languages: tuple = (("ko", (
        ("date", "{year}년 {month}월 {day}일 {weekday}요일"), ("folio", "{page} 면"),
        ("index_page", "{page}면"), ("index_title", "오늘의 지면"), ("issue", "제{issue}호"),
        ("jump_from", "{page}면에서 계속"), ("jump_to", "{page}면에 계속"),
        ("months", tuple(str(number) for number in range(1, 13))), ("pages", "{pages}면"),
        ("stories", "기사 {stories}건"), ("weekdays", ("월", "화", "수", "목", "금", "토", "일")))),)

    def value(self, name: str, lang: str):
        """The word (or list of names) ``name`` in ``lang`` (``ko``, or ``ko-KR`` → ``ko``); a
        language or word the sheet does not give falls back to the sheet's own."""
        wanted = (lang or "").lower()
        for code, words in self.languages:
            if code == wanted or code == wanted.split("-")[0]:
                for key, text in words:
                    if key == name:
                        return text
                break
        return getattr(self, name)

    def word(self, name: str, lang: str, **values) -> str:
        """The word ``name`` in ``lang`` (see :meth:`value`), filled in with ``values``."""
        return self.value(name, lang).format(**values)

    def long_date(self, date, lang: str) -> str:
        """``date`` in ``lang``'s form: "Saturday, November 28, 2026", "2026년 11월 28일 토요일"."""
        return self.word("date", lang, weekday=self.value("weekdays", lang)[date.weekday()],
                         month=self.value("months", lang)[date.month - 1], day=date.day,
                         year=date.year)


@dataclass(frozen=True)
class StyleSheet:
    """A fully resolved style sheet."""

    name: str
    file: Path
    page: PageGeometry
    fonts: Mapping[str, FontFamily]
    styles: Mapping[str, TextStyle]       # body, deck, byline, caption, credit, copyright,
                                          # subhead, quote, folio, masthead, dateline, jump,
                                          # jump_headline
    headlines: tuple[TextStyle, ...]      # by rank, rank 1 first
    justification: Justification
    hyphenation: Hyphenation
    colors: Mapping[str, Color]
    rules: Rules
    spacing: ModuleSpacing
    furniture: Furniture
    typography: Typography = Typography()
    printing: PrintSettings = PrintSettings()     # the ``print:`` section

    def headline(self, rank: int) -> TextStyle:
        """The headline style for ``rank`` (1 = lead); ranks past the last reuse the last."""
        return self.headlines[min(max(rank, 1), len(self.headlines)) - 1]
