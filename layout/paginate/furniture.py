"""Stage 4 (paginate): page furniture — the masthead on page 1 and a folio on every page.

Every word printed here comes from the style sheet (``furniture:`` and its ``languages:``) in
the edition's language, the long date too."""
from __future__ import annotations

import math
from dataclasses import replace

from ..compose.blocks import CAP_HEIGHT
from ..compose.draws import RuleDraw, TextDraw
from ..model import Edition
from ..stylesheet.types import Align, StyleSheet
from ..text.paragraph import Typesetter


def masthead(edition: Edition, sheet: StyleSheet, typesetter: Typesetter) -> tuple[list, int]:
    """Draws for the masthead (absolute coordinates, top of the content area) and the whole
    grid lines it takes. The title is set on one line: its size shrinks until it fits."""
    page = sheet.page
    styles = sheet.styles
    left = page.margin_inside
    width = page.content_width
    top = page.height - page.margin_top
    title_style = styles["masthead"]
    lines = typesetter.set(edition.title, title_style, width, lang=edition.lang)
    while len(lines) > 1 and title_style.size > 12:
        factor = 0.92
        title_style = replace(title_style, size=title_style.size * factor,
                              leading=title_style.leading * factor)
        lines = typesetter.set(edition.title, title_style, width, lang=edition.lang)
    draws: list = []
    baseline = top - title_style.size * CAP_HEIGHT
    for line in lines:
        draws.append(TextDraw(left + line.x_offset, baseline, line, title_style.color, "masthead"))
    rule = sheet.rules.masthead
    dateline_style = styles["dateline"]
    info = [sheet.furniture.long_date(edition.date, edition.lang)]
    if edition.issue is not None:
        info.append(sheet.furniture.word("issue", edition.lang, issue=edition.issue))
    if sheet.furniture.tagline:
        info.append(sheet.furniture.tagline)
    text = "  ·  ".join(info)
    date_lines = typesetter.set(text, _with_align(dateline_style, Align.CENTER), width,
                                lang=edition.lang)
    y_rule = baseline - title_style.size * 0.3 - 4
    date_baseline = y_rule - dateline_style.leading
    y_low = date_baseline - dateline_style.size * 0.6
    if rule.width:
        draws.append(RuleDraw(left, y_rule, left + width, y_rule, rule.width, rule.color))
        draws.append(RuleDraw(left, y_low, left + width, y_low, rule.width / 2, rule.color))
    for line in date_lines[:1]:
        draws.append(TextDraw(left + line.x_offset, date_baseline, line, dateline_style.color,
                              "dateline"))
    rows = math.ceil((top - y_low) / page.baseline + 0.5)
    return draws, max(rows, sheet.furniture.masthead_lines)


EAR_MIN_WIDTH = 0.6     # of a column: the least room beside the title worth an ear


def ears(edition: Edition, sheet: StyleSheet, typesetter: Typesetter, masthead_draws: list,
         sections: list[tuple[str, int]], pages: int) -> list:
    """The ears: small boxes of type left and right of the title where it leaves room —
    the index of sections (first page of each) on the left, the edition's size on the right.
    They carry the masthead's ink across the whole width."""
    title = [d for d in masthead_draws if isinstance(d, TextDraw) and d.role == "masthead"]
    if not title:
        return []
    page = sheet.page
    style = _with_align(sheet.styles["dateline"], Align.LEFT)
    left, right = page.margin_inside, page.margin_inside + page.content_width
    x0 = min(d.x for d in title) - page.gutter
    x1 = max(d.x + d.line.width for d in title) + page.gutter
    top = max(d.y for d in title) + title[0].line.runs[0][1] * CAP_HEIGHT
    words, lang = sheet.furniture, edition.lang
    index = [words.word("index_title", lang)] + \
        [f"{name}  " + words.word("index_page", lang, page=number)
         for name, number in sections if name]
    size = [words.word("pages", lang, pages=pages),
            words.word("stories", lang, stories=len(edition.articles))]
    if edition.issue is not None:
        size.append(words.word("issue", lang, issue=edition.issue))
    first = top - style.size * CAP_HEIGHT
    last = min(d.y for d in title)
    draws = []
    for texts, x, width, align in ((index[:5], left, x0 - left, Align.LEFT),
                                   (size, x1, right - x1, Align.RIGHT)):
        if width < EAR_MIN_WIDTH * page.column_width or len(texts) < 2:
            continue
        # Spread down the title's height, so the ear has ink wherever the title has.
        step = min(style.leading * 1.6, (first - last) / (len(texts) - 1))
        for number, text in enumerate(texts):
            lines = typesetter.set(text, _with_align(style, align), width, lang=edition.lang)
            for line in lines[:1]:
                draws.append(TextDraw(x + line.x_offset, first - number * step, line,
                                      style.color, "ear"))
    return draws


def folio(edition: Edition, sheet: StyleSheet, typesetter: Typesetter, number: int,
          section: str) -> list:
    """The folio line in the bottom margin: page number outside, title and date, section."""
    page = sheet.page
    style = sheet.styles["folio"]
    left = page.margin_inside
    width = page.content_width
    y_rule = page.margin_bottom - page.baseline * 0.5
    baseline = y_rule - style.size * 1.2
    draws: list = []
    rule = sheet.rules.folio
    if rule.width:
        draws.append(RuleDraw(left, y_rule, left + width, y_rule, rule.width, rule.color))
    label = sheet.furniture.word("folio", edition.lang, page=number)
    middle = f"{edition.title}  ·  {sheet.furniture.long_date(edition.date, edition.lang)}"
    outside, inside = (Align.RIGHT, Align.LEFT) if number % 2 else (Align.LEFT, Align.RIGHT)
    for text, align in ((label, outside), (middle, Align.CENTER), (section, inside)):
        if not text:
            continue
        aligned = _with_align(style, align)
        for line in typesetter.set(text, aligned, width, lang=edition.lang)[:1]:
            draws.append(TextDraw(left + line.x_offset, baseline, line, style.color, "folio"))
    return draws


def _with_align(style, align):
    return replace(style, align=align)
