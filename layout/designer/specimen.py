"""Designer tool (specimen): a style sheet → a PDF sheet of it, for the wall.

Drawn on the style's own page and grid, through the engine's own path — text set by
``text.Typesetter`` (via ``compose.blocks.BlockSetter``), draws of ``compose.draws``, pages
rendered by ``render.render_pdf`` — so what the sheet shows is what an edition prints:

    the page grid (column guides and baseline grid, drawn on every page) and its figures;
    every text style: name, font files, size/leading, alignment, then a sample in the style;
    headlines by rank, and the size the composer gives a head by priority and module width;
    caption, credit, byline, copyright and jump line as they sit under a photo and a story;
    the colours as swatches; a justified paragraph in English and in Korean at the column
    measure.

The sheet is a stack of bands across the content width; a band that does not fit starts a
new page.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, replace
from pathlib import Path

from ..build import DEFAULT_STYLE, STYLES_DIR
from ..compose.blocks import BASELINE_IN_ROW, CAP_HEIGHT, DESCENT, BlockSetter
from ..compose.draws import RuleDraw, TextDraw, place
from ..compose.galley import GalleyComposer
from ..model import Article
from ..paginate.pages import PageLayout, Pagination
from ..render import render_pdf
from ..stylesheet import StyleSheet, load_stylesheet
from ..stylesheet.properties import STYLE_NAMES
from ..stylesheet.types import Align, Color, TextStyle
from ..text.paragraph import Typesetter

GUIDE = Color("cmyk", (0.6, 0.0, 0.0, 0.0))          # column guides: light cyan, as in layout
BASELINE = Color("cmyk", (0.25, 0.0, 0.0, 0.0))
PHOTO = Color("gray", (0.8,))
SAMPLE_HEAD = "Harbour council backs plan for new ferry quay after long debate"
SAMPLE_HEAD_KO = "항만위원회, 3년 논쟁 끝에 북쪽 부두 새 여객선 선착장 짓기로"
ENGLISH = ("The harbour council voted on Tuesday to build a new ferry quay at the north pier, "
           "ending a debate that had run for three years. Supporters said the quay would bring "
           "visitors and trade back to the old town; opponents worried about the cost, about "
           "traffic on the narrow streets and about the seabirds that nest on the breakwater. "
           "Work is to begin next spring and should be finished within eighteen months.")
KOREAN = ("항만위원회는 화요일 북쪽 부두에 새 여객선 선착장을 짓기로 의결했다. 3년 동안 이어진 "
          "논쟁이 마무리된 것이다. 찬성하는 쪽은 선착장이 관광객과 교역을 구도심으로 다시 불러올 "
          "것이라고 말했고, 반대하는 쪽은 비용과 좁은 골목의 교통, 방파제에 둥지를 트는 바닷새를 "
          "걱정했다. 공사는 내년 봄에 시작해 18개월 안에 끝날 예정이다.")
_LANGUAGES = {"en": "English", "ko": "Korean"}
STYLE_SAMPLES = {
    "body": ENGLISH[:170], "deck": "A first line of deck under the headline",
    "byline": "By Ann Example, Staff Writer",
    "caption": "A caption under a photo, in full sentences.",
    "credit": "Photo: Ann Example", "copyright": "<Copyright ⓒ Newsprint, all rights reserved>",
    "subhead": "A subhead inside the body", "quote": "“A block quote inside the body,” she said.",
    "folio": "Page 2 · The Newsprint Daily · Thursday", "masthead": "The Daily",
    "dateline": "Thursday, December 3, 2026 · No. 1", "jump": "Continued on page 4",
    "jump_headline": "Harbour plan",
}


@dataclass
class _Band:
    """Draws relative to a band's top-left (y down) and its height."""

    draws: list
    height: float


class Specimen:
    """Lays out the specimen of one style sheet as pages of draws."""

    def __init__(self, sheet: StyleSheet, lang: str = "en"):
        """``lang``: the language of the sample heads — ``en``, ``ko`` or ``both``."""
        self.sheet = sheet
        self.lang = lang
        self.typesetter = Typesetter(sheet)
        self.blocks = BlockSetter(sheet, self.typesetter)
        self.composer = GalleyComposer(sheet, self.typesetter)
        self.page = sheet.page
        self.label_style = replace(sheet.styles["caption"], align=Align.LEFT, first_indent=0.0,
                                   size=min(sheet.styles["caption"].size, 8.0),
                                   leading=min(sheet.styles["caption"].leading, 9.5))
        self.section_style = replace(sheet.styles["subhead"], align=Align.LEFT, first_indent=0.0)

    # --- building blocks ----------------------------------------------------------------------

    def span(self, columns: int) -> float:
        return self.blocks.column_span(min(columns, self.page.columns))

    def pitch(self, columns: int = 1) -> float:
        return self.page.column_width * columns + self.page.gutter * columns

    def text(self, texts, style: TextStyle, width: float, *, x: float = 0.0, top: float = 0.0,
             lang: str = "en", role: str = "body", balanced: bool = False) -> tuple[list, float]:
        texts = [texts] if isinstance(texts, str) else texts
        draws, bottom = self.blocks.paragraphs(texts, style, width, lang, role, x=x, top=top,
                                               balanced=balanced)
        return draws, bottom

    def label(self, text: str, width: float, *, x: float = 0.0, top: float = 0.0):
        return self.text(text, self.label_style, width, x=x, top=top, role="caption")

    def heading(self, text: str) -> tuple[list, float]:
        width = self.page.content_width
        draws, bottom = self.text(text, self.section_style, width, role="subhead")
        rule = self.sheet.rules.module
        if rule.width:
            draws.append(RuleDraw(0, bottom + 2, width, bottom + 2, rule.width, rule.color))
        return draws, bottom + 6

    def font_name(self, style: TextStyle) -> str:
        family = self.sheet.fonts[style.fonts[0]]
        path = family.bold if style.bold and family.bold else family.regular
        if style.italic:
            path = (family.bold_italic if style.bold else family.italic) or path
        return f"{style.fonts[0]} ({Path(path).name})"

    def describe(self, name: str, style: TextStyle) -> str:
        face = ("bold " if style.bold else "") + ("italic " if style.italic else "")
        extras = [style.align.value]
        extras += [flag for flag in ("hyphenate", "kerning", "uppercase") if getattr(style, flag)]
        if style.tracking:
            extras.append(f"tracking {style.tracking:g} em")
        if style.first_indent:
            extras.append(f"indent {style.first_indent:g} pt")
        return (f"{name} — {face}{self.font_name(style)} {style.size:g}/{style.leading:g} pt · "
                + ", ".join(extras) + f" · chain: {', '.join(style.fonts)}")

    # --- bands --------------------------------------------------------------------------------

    def title_band(self) -> _Band:
        sheet = self.sheet
        width = self.page.content_width
        draws, bottom = self.text(f"Specimen: {sheet.name}", sheet.styles["masthead"], width,
                                  role="headline")
        more, bottom = self.text(f"{sheet.file}", sheet.styles["dateline"], width, top=bottom + 4,
                                 role="dateline")
        draws += more
        rule = sheet.rules.masthead
        if rule.width:
            draws.append(RuleDraw(0, bottom + 4, width, bottom + 4, rule.width, rule.color))
        return _Band(draws, bottom + 14)

    def grid_band(self) -> _Band:
        p = self.page
        draws, top = self.heading("Page grid")
        facts = (f"Page {p.width / 72:.4g} × {p.height / 72:.4g} in ({p.width:.1f} × "
                 f"{p.height:.1f} pt); margins top {p.margin_top:g}, bottom {p.margin_bottom:g}, "
                 f"inside {p.margin_inside:g}, outside {p.margin_outside:g} pt. "
                 f"{p.columns} columns of {p.column_width:.2f} pt ({p.column_width / 12:.2f} pc), "
                 f"gutter {p.gutter:g} pt; baseline grid {p.baseline:g} pt "
                 f"({int((p.height - p.margin_top - p.margin_bottom) // p.baseline)} lines a "
                 f"column). Cyan guides on this sheet: the columns and the baseline grid.")
        more, bottom = self.label(facts, p.content_width, top=top)
        return _Band(draws + more, bottom + 4)

    def heads_band(self) -> _Band:
        sheet = self.sheet
        width = self.page.content_width
        draws, cursor = self.heading("Headlines by rank")
        for rank, style in enumerate(sheet.headlines, start=1):
            across = max(2, self.page.columns - rank + 1)     # wide heads rank high
            more, cursor = self.label(self.describe(f"headline {rank}", style), width, top=cursor)
            draws += more
            for text, lang in self.head_samples(style):
                more, cursor = self.text(text, style, self.span(across), top=cursor + 2,
                                         role="headline", balanced=True, lang=lang)
                draws += more
            cursor += 6
        more, cursor = self.label("Head size the composer gives by priority and module width "
                                  "(pt; nudged so every line reaches the last column):", width,
                                  top=cursor + 4)
        draws += more
        for text, lang in self.head_samples(sheet.headlines[0]):
            for priority in (1, 2, 3):
                sizes = []
                for columns in range(1, self.page.columns + 1):
                    article = Article(id=f"specimen-{priority}-{lang}", file=Path("specimen"),
                                      headline=text, blocks=(), priority=priority, lang=lang)
                    head = self.composer.headline_style(article, columns)
                    sizes.append(f"{columns} col {head.size:g}")
                more, cursor = self.label(f"priority {priority} ({_LANGUAGES[lang]}): "
                                          + " · ".join(sizes), width, top=cursor)
                draws += more
        return _Band(draws, cursor + 4)

    def head_samples(self, style: TextStyle) -> list[tuple[str, str]]:
        """The sample heads (text, language) in the specimen's language, or both."""
        samples = {"en": [(SAMPLE_HEAD, "en")], "ko": [(SAMPLE_HEAD_KO, "ko")]}
        return samples[self.lang] if self.lang in samples else samples["en"] + samples["ko"]

    def styles_band(self) -> _Band:
        """Every named text style: its description, then a sample, two columns wide (one
        column for those set at the column measure)."""
        draws, top = self.heading("Text styles")
        per_row = max(1, self.page.columns // 2)
        cell = self.span(2) if self.page.columns >= 2 else self.span(1)
        names = list(STYLE_NAMES)
        cursor = top
        for start in range(0, len(names), per_row):
            row_bottom = cursor
            for slot, name in enumerate(names[start:start + per_row]):
                x = slot * self.pitch(2)
                style = self.sheet.styles[name]
                more, bottom = self.label(self.describe(name, style), cell, x=x, top=cursor)
                draws += more
                measure = self.span(1) if name in ("body", "quote", "subhead") else cell
                if name == "body":
                    more, bottom = self.justified([STYLE_SAMPLES[name]], style, x, bottom + 2,
                                                  "en")
                    draws += more
                elif name != "masthead":      # the sheet's title above is set in it
                    more, bottom = self.text(STYLE_SAMPLES[name], style, measure, x=x,
                                             top=bottom + 2, role=name)
                    draws += more
                row_bottom = max(row_bottom, bottom)
            cursor = row_bottom + 8
        return _Band(draws, cursor + 4)

    def furniture_band(self) -> _Band:
        """A photo box with its credit and caption, a byline, a copyright and a jump line, as a
        story carries them; the justified samples; the colours."""
        sheet, styles = self.sheet, self.sheet.styles
        draws, top = self.heading("Under a photo, in a story, justified at the column measure, "
                                  "colours")
        columns = self.page.columns
        photo_columns = 2 if columns >= 4 else 1
        photo_width = self.span(photo_columns)
        photo_height = photo_width * 0.6
        draws.append(RuleDraw(0, top + photo_height / 2, photo_width, top + photo_height / 2,
                              photo_height, PHOTO))
        more, cursor = self.text("Photo: Ann Example", styles["credit"], photo_width,
                                 top=top + photo_height + 2, role="credit")
        draws += more
        more, cursor = self.text("A caption says what the photo shows, who is in it and where, "
                                 "in full sentences.", styles["caption"], photo_width,
                                 top=cursor + styles["caption"].space_before, role="caption")
        draws += more
        more, cursor = self.text("By Ann Example, Staff Writer", styles["byline"], photo_width,
                                 top=cursor + 8, role="byline")
        draws += more
        more, cursor = self.text(sheet.furniture.jump_to.format(page=4), styles["jump"],
                                 photo_width, top=cursor + 4, role="jump")
        draws += more
        more, cursor = self.text("<Copyright ⓒ Newsprint, all rights reserved>",
                                 styles["copyright"], photo_width, top=cursor + 4,
                                 role="copyright")
        draws += more
        bottoms = [cursor]
        # The justified samples, one column each, and the colours after them.
        x = self.pitch(photo_columns)
        body = styles["body"]
        for text, lang, what in ((ENGLISH, "en", "English"), (KOREAN, "ko", "Korean")):
            if x + self.page.column_width > self.page.content_width + 1:
                x = 0.0
                top = max(bottoms) + 8
            more, bottom = self.label(f"body, {what}, justified", self.span(1), x=x, top=top)
            draws += more
            more, bottom = self.justified([text, text], body, x, bottom + 2, lang)
            draws += more
            bottoms.append(bottom)
            x += self.pitch(1)
        if x + self.page.column_width > self.page.content_width + 1:
            x, top = 0.0, max(bottoms) + 8
        more, bottom = self.label("colours", self.span(1), x=x, top=top)
        draws += more
        cursor = bottom + 4
        for name, colour in sheet.colors.items():
            swatch = 14.0
            draws.append(RuleDraw(x, cursor + swatch / 2, x + 2 * swatch, cursor + swatch / 2,
                                  swatch, colour))
            for y in (cursor, cursor + swatch):      # a hairline frame: white shows too
                draws.append(RuleDraw(x, y, x + 2 * swatch, y, 0.3, GUIDE))
            for edge in (x, x + 2 * swatch):
                draws.append(RuleDraw(edge, cursor, edge, cursor + swatch, 0.3, GUIDE))
            more, cursor2 = self.label(f"{name}: {colour_text(colour)}",
                                       self.span(1) - 2.5 * swatch, x=x + 2.5 * swatch,
                                       top=cursor + 2)
            draws += more
            cursor = max(cursor + swatch, cursor2) + 4
        bottoms.append(cursor)
        return _Band(draws, max(bottoms) + 4)

    def justified(self, texts: list[str], style: TextStyle, x: float, top: float,
                  lang: str) -> tuple[list, float]:
        """Paragraphs at the column measure as the body flow sets them: on the baseline grid
        (bands start on whole grid lines, so a band's grid is the page's), the first paragraph
        flush, the next ones with the style's first-line indent."""
        pitch = self.page.baseline
        row = math.ceil((top + style.size * CAP_HEIGHT) / pitch - BASELINE_IN_ROW - 1e-9)
        baseline = (row + BASELINE_IN_ROW) * pitch
        draws: list = []
        for number, text in enumerate(texts):
            for line in self.typesetter.set(text, style, self.span(1), lang=lang,
                                            first_indent=style.first_indent if number else 0.0):
                draws.append(TextDraw(x + line.x_offset, baseline, line, style.color, "body"))
                baseline += pitch
        return draws, baseline - pitch + style.size * DESCENT

    # --- pages --------------------------------------------------------------------------------

    def guides(self) -> list:
        """Column guides and the baseline grid, under everything else on a page."""
        p = self.page
        top, bottom = p.height - p.margin_top, p.margin_bottom
        draws = []
        line = p.baseline
        y = top - line * 0.78            # where a body baseline sits in its grid line
        while y >= bottom:
            draws.append(RuleDraw(p.margin_inside, y, p.width - p.margin_outside, y, 0.2,
                                  BASELINE))
            y -= line
        for column in range(p.columns):
            left = p.margin_inside + column * (p.column_width + p.gutter)
            for x in (left, left + p.column_width):
                draws.append(RuleDraw(x, bottom, x, top, 0.3, GUIDE))
        return draws

    def pages(self) -> list[PageLayout]:
        bands = [self.title_band(), self.grid_band(), self.heads_band(), self.styles_band(),
                 self.furniture_band()]
        p = self.page
        room = p.height - p.margin_top - p.margin_bottom
        pages: list[PageLayout] = []
        cursor = room + 1   # start a page at once
        for band in bands:
            if cursor + band.height > room and not (pages and cursor == 0):
                pages.append(PageLayout(number=len(pages) + 1, width=p.width, height=p.height,
                                        draws=self.guides()))
                cursor = 0.0
            top = p.height - p.margin_top - cursor
            pages[-1].draws.extend(place(band.draws, p.margin_inside, top))
            cursor += math.ceil(band.height / p.baseline - 1e-6) * p.baseline
        return pages


def colour_text(colour: Color) -> str:
    """A colour as a style sheet writes it: hex for RGB, ink percentages for CMYK and gray."""
    if colour.space == "rgb":
        return "#" + "".join(f"{round(v * 255):02x}" for v in colour.values)
    if colour.space == "gray":
        return f"gray({(1 - colour.values[0]) * 100:.0f})"
    return "cmyk(" + ", ".join(f"{v * 100:.0f}" for v in colour.values) + ")"


SAMPLE_LANGUAGES = ("en", "ko", "both")


def write_specimen(style: str | None, out: Path, lang: str = "en") -> Path:
    """``newsprint specimen``: the specimen of ``style`` (default tabloid) as ``out``, its sample
    heads in ``lang`` (one of :data:`SAMPLE_LANGUAGES`)."""
    sheet = load_stylesheet(style or DEFAULT_STYLE, styles_dir=STYLES_DIR)
    specimen = Specimen(sheet, lang)
    pages = specimen.pages()
    body = specimen.typesetter.book.chain(sheet.styles["body"]).primary
    out = Path(out)
    render_pdf(Pagination(pages, [], [], []), out, title=f"Specimen of style {sheet.name}",
               date=dt.date.today(), initial_font=body.name, author="Newsprint",
               subject=f"Style sheet {sheet.file}")
    return out


__all__ = ["Specimen", "write_specimen"]
