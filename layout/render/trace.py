"""Stage 5 (render): PageLayout[] → a text trace of what each page draws, for people and tests.

One line per draw, in drawing order, coordinates in points rounded to 0.01:

    page 1 792x1224
      image  36.00  640.50 w 421.20 h 315.00 usnavy_t45a.jpg rot 1
      rule   36.00  612.00 -> 756.00  612.00 w 0.50
      text   36.00 1150.25 NotoSerifDisplay-Bold 30.00 tc 0.000 tw 0.000 tz 100.0 "Mattis Welcomes"

Golden traces make layout changes readable in a diff (SILE's ``*.expected`` files do the
same); designers can diff two builds with ``newsprint build --trace``.
"""
from __future__ import annotations

from ..compose.draws import ImageDraw, RuleDraw, TextDraw
from ..paginate.pages import Pagination


def trace(pagination: Pagination) -> str:
    out: list[str] = []
    for page in pagination.pages:
        out.append(f"page {page.number} {page.width:g}x{page.height:g}")
        for draw in page.draws:
            out.append("  " + _line(draw))
    return "\n".join(out) + "\n"


def _line(draw) -> str:
    if isinstance(draw, TextDraw):
        line = draw.line
        fonts = "+".join(dict.fromkeys(f"{face.name} {size:.2f}" for face, size, _ in line.runs))
        return (f"text  {draw.x:7.2f} {draw.y:7.2f} {fonts} tc {line.char_space:.3f} "
                f"tw {line.word_space:.3f} tz {line.h_scale * 100:.1f} {line.text!r}")
    if isinstance(draw, ImageDraw):
        return (f"image {draw.x:7.2f} {draw.y:7.2f} w {draw.width:.2f} h {draw.height:.2f} "
                f"{draw.image.path.name} rot {draw.image.orientation}")
    if isinstance(draw, RuleDraw):
        return (f"rule  {draw.x1:7.2f} {draw.y1:7.2f} -> {draw.x2:7.2f} {draw.y2:7.2f} "
                f"w {draw.width:.2f}")
    raise TypeError(f"unknown draw {draw!r}")
