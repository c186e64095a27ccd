"""Stage 4 (paginate): page furniture — the masthead on page 1 and a folio on every page."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ..compose.blocks import CAP_HEIGHT
from ..compose.draws import RuleDraw, TextDraw
from ..model import Edition
from ..stylesheet.types import Align, StyleSheet
from ..text.paragraph import Typesetter


def long_date(date: dt.date, lang: str) -> str:
    if lang == "ko":
        weekdays = "월화수목금토일"
        return f"{date.year}년 {date.month}월 {date.day}일 {weekdays[date.weekday()]}요일"
    return f"{date.strftime('%A')}, {date.strftime('%B')} {date.day}, {date.year}"


def masthead(edition: Edition, sheet: StyleSheet, typesetter: Typesetter) -> list:
    """Draws for the masthead, in absolute coordinates at the top of the content area."""
    page = sheet.page
    styles = sheet.styles
    left = page.margin_inside
    width = page.content_width
    top = page.height - page.margin_top
    draws: list = []
    title_style = styles["masthead"]
    lines = typesetter.set(edition.title, title_style, width, lang=edition.lang, balanced=False)
    baseline = top - title_style.size * CAP_HEIGHT - 2
    for line in lines[:2]:
        draws.append(TextDraw(left + line.x_offset, baseline, line, title_style.color, "masthead"))
        baseline -= title_style.leading
    bottom_of_rows = top - sheet.furniture.masthead_lines * page.baseline
    rule = sheet.rules.masthead
    dateline_style = styles["dateline"]
    info = [long_date(edition.date, edition.lang)]
    if edition.issue is not None:
        info.append(("제 {} 호" if edition.lang == "ko" else "No. {}").format(edition.issue))
    if sheet.furniture.tagline:
        info.append(sheet.furniture.tagline)
    text = "  ·  ".join(info)
    date_lines = typesetter.set(text, dateline_style, width, lang=edition.lang)
    date_baseline = bottom_of_rows + page.baseline * 0.9
    if rule.width:
        y_rule = date_baseline + dateline_style.size + 2
        draws.append(RuleDraw(left, y_rule, left + width, y_rule, rule.width, rule.color))
        y_low = bottom_of_rows + page.baseline * 0.35
        draws.append(RuleDraw(left, y_low, left + width, y_low, rule.width / 2, rule.color))
    for line in date_lines[:1]:
        draws.append(TextDraw(left + line.x_offset, date_baseline, line, dateline_style.color,
                              "dateline"))
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
    label = ("{} 면" if edition.lang == "ko" else "Page {}").format(number)
    middle = f"{edition.title}  ·  {long_date(edition.date, edition.lang)}"
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
