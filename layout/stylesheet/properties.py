"""Stage 2 declarations: every style-sheet key, once — its kind, default, limits and meaning.

Validation (``reader.py``/``loader.py``) and the reference (``reference.py`` → docs/STYLES.md) are
both generated from these tables, so a key cannot be accepted without being documented or
documented without being checked. Defaults are written the way a style sheet would write them
("0pt", "left", "black") and go through the same parser as user values; a unit test checks that
they agree with the defaults in ``types.py``.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable, Mapping

from .kinds import (BadValue, Boolean, Choice, FontList, Integer, Kind, Length, Names,
                    Number, ParseContext, Template, Text, did_you_mean, show)
from .physical import Colour, FontFile, PageSize, ProfileFile
from .types import Align, Dash


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED: Any = _Required()   # the key must be given (after inheritance)


@dataclass(frozen=True)
class Derived:
    """A default computed by the loader from other values; ``description`` says from what."""

    description: str


@dataclass(frozen=True)
class Property:
    """One key: ``default`` is REQUIRED, None (not set), a Derived, or a raw YAML value."""

    name: str
    kind: Kind
    default: Any
    description: str
    field: str | None = None   # the dataclass field it fills, when it differs from ``name``

    @property
    def target(self) -> str:
        return self.field or self.name


@dataclass(frozen=True)
class Check:
    """A rule between keys of one section, run once all of ``keys`` parsed.

    ``test`` returns None when the rule holds, else a message; the error is reported at the
    first key.
    """

    keys: tuple[str, ...]
    rule: str
    test: Callable[[Mapping[str, Any]], str | None]


@dataclass(frozen=True)
class Section:
    """A mapping of declared keys. ``em_from`` names the key that ``em`` lengths are relative to
    (it is parsed first)."""

    name: str
    description: str
    properties: tuple[Property, ...]
    checks: tuple[Check, ...] = ()
    em_from: str | None = None

    def names(self) -> list[str]:
        return [p.name for p in self.properties]

    def get(self, name: str) -> Property | None:
        return next((p for p in self.properties if p.name == name), None)


@dataclass(frozen=True)
class Nested(Kind):
    """A mapping read with its own section (e.g. one rule inside ``rules:``)."""

    section: Section

    @property
    def label(self) -> str:
        return f"mapping ({self.section.name})"

    def parse(self, raw: Any, ctx: ParseContext) -> Any:  # pragma: no cover - reader recurses
        raise TypeError("Nested values are read by reader.read_section")


# --- text styles ---------------------------------------------------------------------------

def _leading_fits_size(values: Mapping[str, Any]) -> str | None:
    size, leading = values["size"], values["leading"]
    if leading < 0.5 * size:
        return f"leading {leading:g}pt is less than half the size {size:g}pt; lines would overlap"
    if leading > 4 * size:
        return f"leading {leading:g}pt is more than 4 × the size {size:g}pt"
    return None


TEXT_STYLE = Section("text style", "A paragraph style: font chain, size, leading and spacing.", (
    Property("like", Text(max_length=40), None,
             "Start from the named style's values; keys given here override them."),
    Property("font", FontList(), REQUIRED,
             "Font family, or a list tried in order for each character; the global `fallback` "
             "chain is appended.", field="fonts"),
    Property("size", Length(4, 400), REQUIRED, "Font size."),
    Property("leading", Length(2, 1600, em=True), REQUIRED,
             "Baseline-to-baseline distance; `1.2em` means 1.2 × size."),
    Property("bold", Boolean(), False, "Use the family's bold face."),
    Property("italic", Boolean(), False, "Use the family's italic face."),
    Property("align", Choice(Align), "left", "Horizontal alignment of lines."),
    Property("color", Colour(), "black", "Text colour."),
    Property("space_before", Length(0, 144, em=True), "0pt", "Extra space above the paragraph."),
    Property("space_after", Length(0, 144, em=True), "0pt", "Extra space below the paragraph."),
    Property("first_indent", Length(-72, 144, em=True), "0pt",
             "Indent of the first line (negative: hanging)."),
    Property("left_indent", Length(0, 144, em=True), "0pt", "Indent of every line."),
    Property("uppercase", Boolean(), False, "Set the text in capitals."),
    Property("tracking", Number(-0.2, 0.5), 0, "Extra space after each glyph, in em."),
    Property("hyphenate", Boolean(), False,
             "Allow hyphenation (within the limits of `hyphenation:`)."),
    Property("kerning", Boolean(), False,
             "Apply the font's pair kerning (for heads and other display sizes)."),
    Property("hang_punctuation", Boolean(), False,
             "Hang an opening quote at the start of a line into the left margin, so the "
             "letters line up optically (for heads)."),
), checks=(Check(("leading", "size"), "0.5 × size ≤ leading ≤ 4 × size", _leading_fits_size),),
    em_from="size")

STYLE_NAMES: Mapping[str, str] = {
    "body": "Running text of articles.",
    "deck": "The summary line(s) under a headline.",
    "byline": "The author line.",
    "caption": "Photo captions.",
    "credit": "Photo credits (small, usually right-aligned).",
    "copyright": "The copyright line at the end of an article.",
    "subhead": "Subheads inside the body.",
    "quote": "Block quotes inside the body.",
    "folio": "The page number/date line on every page.",
    "masthead": "The newspaper's name on page 1.",
    "dateline": "The edition date line under the masthead.",
    "jump": "\"Continued on/from page N\" lines.",
    "jump_headline": "The short headline over a continued story.",
}
MAX_HEADLINE_RANKS = 10

# --- page ----------------------------------------------------------------------------------

MIN_COLUMN_WIDTH = 24.0   # 2 pc: narrower columns hold two or three words a line
MIN_GRID_LINES = 10


def _margins_fit(values: Mapping[str, Any]) -> str | None:
    width, height = values["size"]
    across = values["margin_inside"] + values["margin_outside"]
    down = values["margin_top"] + values["margin_bottom"]
    if across >= width:
        return f"inside + outside margins ({across:g}pt) are wider than the page ({width:g}pt)"
    if down >= height:
        return f"top + bottom margins ({down:g}pt) are taller than the page ({height:g}pt)"
    return None


def _columns_fit(values: Mapping[str, Any]) -> str | None:
    content = values["size"][0] - values["margin_inside"] - values["margin_outside"]
    column = (content - (values["columns"] - 1) * values["gutter"]) / values["columns"]
    if column < MIN_COLUMN_WIDTH:
        return (f"{values['columns']} columns with {values['gutter']:g}pt gutters leave columns "
                f"{column:.4g}pt wide (at least {MIN_COLUMN_WIDTH:g}pt)")
    return None


def _grid_fits(values: Mapping[str, Any]) -> str | None:
    content = values["size"][1] - values["margin_top"] - values["margin_bottom"]
    if content < MIN_GRID_LINES * values["baseline"]:
        return (f"the content area ({content:.4g}pt high) holds fewer than {MIN_GRID_LINES} "
                f"grid lines of {values['baseline']:g}pt")
    return None


PAGE = Section("page", "The trimmed page and its column grid.", (
    Property("size", PageSize(), REQUIRED,
             "Trimmed page size: a name, `\"280mm x 430mm\"` or `{width:, height:}`."),
    Property("margin_top", Length(0, 432), REQUIRED, "Top margin."),
    Property("margin_bottom", Length(0, 432), REQUIRED, "Bottom margin."),
    Property("margin_inside", Length(0, 432), REQUIRED, "Margin at the spine (binding side)."),
    Property("margin_outside", Length(0, 432), REQUIRED, "Margin at the outer edge."),
    Property("columns", Integer(1, 20), REQUIRED, "Number of columns of the grid."),
    Property("gutter", Length(0, 72), REQUIRED, "Space between columns."),
    Property("baseline", Length(4, 72), Derived("the body style's leading"),
             "Pitch of the baseline grid every column snaps to."),
    Property("bleed", Length(0, 36), "3mm",
             "How far photos, rules and backgrounds that touch the trim run past it on the "
             "print plates and the PDF/X twin (the BleedBox is the trim grown by this)."),
), checks=(
    Check(("size", "margin_top", "margin_bottom", "margin_inside", "margin_outside"),
          "margins leave room on the page", _margins_fit),
    Check(("columns", "size", "margin_inside", "margin_outside", "gutter"),
          f"each column is at least {MIN_COLUMN_WIDTH:g}pt wide", _columns_fit),
    Check(("baseline", "size", "margin_top", "margin_bottom"),
          f"the content area holds at least {MIN_GRID_LINES} grid lines", _grid_fits),
))

# --- fonts ---------------------------------------------------------------------------------

FONT_FAMILY = Section("font family", "TrueType files of one family; paths are relative to the "
                      "YAML file that names them.", (
    Property("regular", FontFile(), REQUIRED, "The upright, normal-weight face."),
    Property("bold", FontFile(), None, "Bold face (missing: regular is used, with a warning)."),
    Property("italic", FontFile(), None, "Italic face (missing: regular is used)."),
    Property("bold_italic", FontFile(), None, "Bold italic face (missing: bold or regular)."),
    Property("scale", Number(0.5, 2.0), 1.0,
             "Size factor when this family stands in for another (to match x-heights)."),
))

# --- engine settings -----------------------------------------------------------------------


def _ordered(low: str, mid: str, high: str) -> Callable[[Mapping[str, Any]], str | None]:
    def test(values: Mapping[str, Any]) -> str | None:
        if not values[low] <= values[mid] <= values[high]:
            got = ", ".join(f"{values[key]:g}" for key in (low, mid, high))
            return f"needs {low} ≤ {mid} ≤ {high}, got {got}"
        return None
    return test


JUSTIFICATION = Section("justification", "Limits for justified lines and the line breaker's "
                        "costs (Knuth–Plass; the names follow TeX and InDesign).", (
    Property("word_space_min", Number(0.2, 1.0), 0.8, "Narrowest word space, × the font's space."),
    Property("word_space_desired", Number(0.5, 2.0), 1.0, "Ideal word space, × the font's space."),
    Property("word_space_max", Number(1.0, 4.0), 1.33, "Widest word space, × the font's space."),
    Property("letter_space_min", Number(-0.1, 0.0), -0.01,
             "Tightest letter-spacing, em per glyph."),
    Property("letter_space_max", Number(0.0, 0.1), 0.01, "Loosest letter-spacing, em per glyph."),
    Property("glyph_scale_min", Number(0.8, 1.0), 0.98, "Narrowest horizontal glyph scaling."),
    Property("glyph_scale_max", Number(1.0, 1.2), 1.02, "Widest horizontal glyph scaling."),
    Property("tolerance", Number(1, 10000), 200.0, "Largest badness a line may have."),
    Property("line_penalty", Number(0, 1000), 10.0, "Cost added to every line (fewer lines)."),
    Property("hyphen_penalty", Number(0, 10000), 50.0, "Cost of breaking at a hyphen."),
    Property("double_hyphen_demerits", Number(0, 1e6), 10000.0,
             "Cost of two hyphenated lines in a row."),
    Property("final_hyphen_demerits", Number(0, 1e6), 5000.0,
             "Cost of hyphenating the second-last line."),
    Property("adjacent_demerits", Number(0, 1e6), 10000.0,
             "Cost of a loose line next to a tight one."),
), checks=(
    Check(("word_space_min", "word_space_desired", "word_space_max"),
          "word_space_min ≤ word_space_desired ≤ word_space_max",
          _ordered("word_space_min", "word_space_desired", "word_space_max")),
))


def _fragments_fit(values: Mapping[str, Any]) -> str | None:
    if values["min_left"] + values["min_right"] > values["min_word"]:
        return (f"min_left + min_right ({values['min_left'] + values['min_right']}) "
                f"exceed min_word ({values['min_word']})")
    return None


HYPHENATION = Section("hyphenation", "Where words may be hyphenated (for styles with "
                      "`hyphenate: true`).", (
    Property("enabled", Boolean(), True, "Hyphenate at all."),
    Property("min_word", Integer(2, 30), 6, "Shortest word that may be hyphenated, in letters."),
    Property("min_left", Integer(1, 10), 2, "Fewest letters before a hyphen."),
    Property("min_right", Integer(1, 10), 3, "Fewest letters after a hyphen."),
    Property("max_consecutive", Integer(1, 10), 2, "Most hyphenated lines in a row."),
    Property("capitalized", Boolean(), False, "Also hyphenate capitalised words."),
    Property("korean_syllables", Boolean(), False,
             "Korean text may also break between Hangul syllables (no hyphen is added), not "
             "only between words (eojeol); both are Korean practice (KLREQ)."),
), checks=(Check(("min_left", "min_right", "min_word"), "min_left + min_right ≤ min_word",
                 _fragments_fit),))


def rule_section(default_width: Any) -> Section:
    """The ``{width, color}`` of one rule; each slot in ``rules:`` has its own default width."""
    return Section("rule", "A stroked line; width 0 means none.", (
        Property("width", Length(0, 12), default_width, "Stroke width; 0 draws nothing."),
        Property("color", Colour(), "black", "Stroke colour."),
    ))


RULES = Section("rules", "Lines drawn between page elements.", (
    Property("column", Nested(rule_section("0pt")), {}, "Vertical rule between columns."),
    Property("module", Nested(rule_section("0.5pt")), {}, "Horizontal rule between stacked "
             "articles."),
    Property("masthead", Nested(rule_section("1pt")), {}, "Rule under the masthead."),
    Property("folio", Nested(rule_section("0.5pt")), {}, "Rule under the folio line."),
))

SPACING = Section("spacing", "Vertical spacing inside and between article modules, in whole "
                  "grid lines.", (
    Property("gap_lines", Integer(0, 20), 1, "Grid lines between two stacked modules."),
    Property("headline_gap_lines", Integer(0, 20), 0, "Extra grid lines under a headline."),
    Property("photo_max_height", Number(0.1, 1.0), 0.45,
             "Largest share of the content height one photo may take."),
    Property("focal_crop", Boolean(), False,
             "A photo cut to its module keeps its embedded focal region (IPTC Image Region, "
             "role mainSubject or areaOfInterest) in view instead of its centre. (An "
             "embedded crop region is always used.)"),
    Property("min_body_lines", Integer(1, 50), 3,
             "Body lines a headline keeps under it (in the same column)."),
    Property("section_fronts", Boolean(), False,
             "Each new section starts on a new page (continued stories may still run on)."),
    Property("widows", Integer(1, 5), 2,
             "Fewest lines of a paragraph carried to the head of the next column."),
    Property("orphans", Integer(1, 5), 2,
             "Fewest lines of a paragraph left at the foot of a column."),
    Property("max_jumps", Integer(1, 5), 1,
             "Times one story may continue on a later page (a story longer than a whole page "
             "jumps again all the same)."),
))

#: The words the engine prints: (key, kind, English default, description) — the keys of
#: ``furniture:`` and of each language under ``furniture.languages``.
ENGLISH_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                    "Sunday"]
ENGLISH_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December"]
WORDS: tuple[tuple[str, Kind, Any, str], ...] = (
    ("jump_to", Text(200, placeholder="{page}"), "Continued on page {page}",
     "Jump line at the end of a continued story."),
    ("jump_from", Text(200, placeholder="{page}"), "Continued from page {page}",
     "Jump line at the start of a continuation."),
    ("folio", Text(200, placeholder="{page}"), "Page {page}", "Page number in the folio."),
    ("issue", Text(200, placeholder="{issue}"), "No. {issue}",
     "Issue number, under the masthead and in the ear."),
    ("index_title", Text(200), "Inside", "Heading of the index ear (sections and their pages)."),
    ("index_page", Text(200, placeholder="{page}"), "{page}",
     "A page number in the index ear, after the section."),
    ("pages", Text(200, placeholder="{pages}"), "{pages} pages",
     "The edition's page count, in the ear."),
    ("stories", Text(200, placeholder="{stories}"), "{stories} stories",
     "The edition's story count, in the ear."),
    ("date", Template(("weekday", "month", "day", "year")), "{weekday}, {month} {day}, {year}",
     "The edition's date under the masthead and in the folio."),
    ("weekdays", Names(7), ENGLISH_WEEKDAYS, "Names of the weekdays, Monday first, for {weekday}."),
    ("months", Names(12), ENGLISH_MONTHS, "Names of the months, January first, for {month}."),
)
#: The languages shipped (English is the keys above); a sheet may add others.
LANGUAGE_WORDS = {
    "ko": {"jump_to": "{page}면에 계속", "jump_from": "{page}면에서 계속", "folio": "{page} 면",
           "issue": "제{issue}호", "index_title": "오늘의 지면", "index_page": "{page}면",
           "pages": "{pages}면", "stories": "기사 {stories}건",
           "date": "{year}년 {month}월 {day}일 {weekday}요일",
           "weekdays": ["월", "화", "수", "목", "금", "토", "일"],
           "months": [str(number) for number in range(1, 13)]},
}


@dataclass(frozen=True)
class LanguageWords(Kind):
    """``{lang: {word: text}}``: the furniture words of other languages than the sheet's own
    (the keys of :data:`WORDS`; a word left out falls back to the ``furniture:`` key)."""

    label = "mapping (language → words)"

    def parse(self, raw: Any, ctx: ParseContext) -> tuple:
        if not isinstance(raw, dict):
            raise BadValue("expected a mapping of languages, like  ko: {jump_to: "
                           '"{page}면에 계속"}')
        kinds = {name: kind for name, kind, _default, _help in WORDS}
        out = []
        for lang, words in raw.items():
            if not isinstance(lang, str) or not lang.strip() or len(lang) > 12:
                raise BadValue(f"expected a language code like ko, got {show(lang)}")
            if not isinstance(words, dict):
                raise BadValue(f"expected a mapping of words, got {show(words)}",
                               subpath=(lang,))
            parsed = []
            for name, value in words.items():
                if name not in kinds:
                    hint = did_you_mean(name, list(kinds))
                    raise BadValue(f'unknown word "{name}"', hint=hint, subpath=(lang, name))
                try:
                    parsed.append((name, kinds[name].parse(value, ctx)))
                except BadValue as exc:
                    raise BadValue(exc.message, exc.hint, subpath=(lang, name)) from None
            out.append((lang.strip().lower(), tuple(sorted(parsed))))
        return tuple(sorted(out))

    def allowed(self) -> str:
        return "words: " + ", ".join(name for name, *_ in WORDS)


FURNITURE = Section("furniture", "Masthead (page 1), folio (every page), ears and jump lines, "
                    "and every word the engine prints in them, per language.", (
    Property("masthead_lines", Integer(1, 60), 8, "Height of the masthead, in grid lines."),
    Property("folio_lines", Integer(0, 10), 2, "Height of the folio, in grid lines."),
    Property("tagline", Text(200), "", "Line printed under the masthead name."),
) + tuple(Property(name, kind, default, help_) for name, kind, default, help_ in WORDS) + (
    Property("languages", LanguageWords(), LANGUAGE_WORDS,
             "The words above in other languages, `{lang: {word: text}}`: the jump lines of a "
             "story follow the story's `lang`, the masthead, folio and ears the edition's. A "
             "language or a word not given prints the words above. Korean (`ko`) is shipped."),
))

TYPOGRAPHY = Section("typography", "Typewriter habits turned into typography in body text, heads, "
                     "decks and captions (bylines, e-mail and copyright lines print as written).", (
    Property("curly_quotes", Boolean(), True, 'Straight quotes " and \' become “ ” ‘ ’.'),
    Property("double_hyphen", Choice(Dash), "em", "What `--` becomes: an em dash, an en dash, "
             "or kept as typed."),
    Property("ellipsis", Boolean(), True, "Three full stops `...` become an ellipsis `…`."),
    Property("ties", Boolean(), True, "No line break between a number and its unit (`190 km`, "
             "`10 a.m.`) or after `No.` before a number."),
))

# --- print production --------------------------------------------------------------------

PLATE_FIELDS = (("title_code", "NDD"), ("title", "Daily"), ("date", dt.date(2026, 11, 28)), ("issue", 1), ("edition", "1"), ("zone", "A"), ("version", 1),
    ("section", "News"), ("section_code", "NEW"), ("page", 1), ("pages", 8))

PRINT = Section("print", "Print production: the plates, the PDF/X-4 twin, the colour limits "
                "and the preflight (`newsprint build --print`, `newsprint preflight`).", (
    Property("enabled", Boolean(), False,
             "Every build also writes OUT/print/ (as `--print` does)."),
    Property("previews", Boolean(), False,
             "Every build also writes OUT/previews/ (as `--previews` does)."),
    Property("preview_ppi", Number(10, 600), 100, "Resolution of the page previews."),
    Property("plate_name", Template(tuple(name for name, _ in PLATE_FIELDS), max_length=160,
                                    samples=PLATE_FIELDS),
             "{title_code}_{date:%Y%m%d}_{section_code}{page:03d}.pdf",
             "File name of a page's plate: {title_code} (edition.yaml `code`, else the "
             "title's initials), {title}, {date} (with a strftime format), {issue}, {edition}, "
             "{zone}, {version} (edition.yaml keys of those names), {section}, "
             "{section_code} (its first three letters in capitals), {page}, {pages}; a format "
             "may follow a colon ({page:03d})."),
    Property("profile", ProfileFile(), None,
             "The CMYK output profile photos are converted to and the output intent embeds "
             "(the plant's, e.g. ISOnewspaper26v4.icc). Default: the bundled ISO Coated v2 "
             "300 % (basICColor)."),
    Property("output_condition", Text(120), "",
             "The output intent's OutputConditionIdentifier (e.g. `ISO 12647-3:2013 "
             "ISOnewspaper26v4`). Default: the profile's description."),
    Property("max_ink", Number(100, 400), 240,
             "Largest total area coverage (C+M+Y+K, %) of any pixel of a print photo; "
             "conversion generates black and limits ink to stay under it."),
    Property("min_ppi", Number(50, 600), 150,
             "Preflight: a photo printed below this effective resolution is an error."),
    Property("warn_ppi", Number(50, 1200), 200,
             "Preflight: a photo printed below this effective resolution is a warning."),
    Property("safety", Length(0, 72), "5mm",
             "Preflight: text closer than this to the trim is a warning (it may be cut)."),
    Property("marks", Boolean(), True,
             "Crop marks and the slug line (page, date, plate name, colour bar) on the plates."),
    Property("mark_offset", Length(0, 36), "2mm",
             "Gap between the bleed and the start of a crop mark."),
    Property("mark_length", Length(6, 72), "8mm", "Length of a crop mark."),
), checks=(
    Check(("min_ppi", "warn_ppi"), "min_ppi is not above warn_ppi",
          lambda v: None if v["min_ppi"] <= v["warn_ppi"] else
          f"min_ppi {v['min_ppi']:g} is above warn_ppi {v['warn_ppi']:g}"),
))

# --- the sheet itself ----------------------------------------------------------------------

SHEET_KEYS: Mapping[str, str] = {
    "extends": "Name (`tabloid`) or relative path (`../base.yaml`) of the sheet this one "
               "starts from.",
    "page": "The page and its grid (see *page*).",
    "colors": "Named colours: `name: colour`. `black` and `white` are built in.",
    "fonts": "Font families: `name: {regular:, bold:, italic:, bold_italic:, scale:}`.",
    "fallback": "Font families appended to every style's chain, for characters its fonts lack.",
    "styles": "Text styles by name (all of: " + ", ".join(STYLE_NAMES) + ").",
    "headline": "Headline text styles by rank: a list (rank 1 first) or a map `{1: …, 2: …}`.",
    "justification": "Line-breaking limits (see *justification*).",
    "hyphenation": "Hyphenation limits (see *hyphenation*).",
    "rules": "Rules between columns and modules (see *rules*).",
    "spacing": "Module spacing (see *spacing*).",
    "furniture": "Masthead, folio, ears and jump lines and their words (see *furniture*).",
    "typography": "Quotes, dashes and ellipses (see *typography*).",
    "print": "Plates, PDF/X-4 twin, ink limit and preflight (see *print*).",
}
FALLBACK = Property("fallback", FontList(allow_empty=True), [], SHEET_KEYS["fallback"])
COLOR_ENTRY = Colour(references=False)
SECTIONS: tuple[Section, ...] = (PAGE, FONT_FAMILY, TEXT_STYLE, JUSTIFICATION, HYPHENATION,
                                 RULES, rule_section("0pt"), SPACING, FURNITURE, TYPOGRAPHY,
                                 PRINT)
