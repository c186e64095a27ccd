"""Stage 5 (render): type drawn as filled glyph outlines — for the nameplate, which a newspaper
prints as artwork, not as text.

The outlines come from the same font file the line was set in (fontTools reads them), placed
exactly where the text would be drawn: the same advances, kerning, Tc, Tw and Tz. The renderer
also writes the line as invisible text over them, so the title can still be found and copied.
"""
from __future__ import annotations

from functools import lru_cache

from fontTools.pens.basePen import BasePen
from fontTools.ttLib import TTFont

from ..compose.draws import TextDraw


class _CanvasPen(BasePen):
    """fontTools pen → a ReportLab path in font units (quadratic curves become cubic)."""

    def __init__(self, glyph_set, path):
        super().__init__(glyph_set)
        self.path = path

    def _moveTo(self, point):
        self.path.moveTo(*point)

    def _lineTo(self, point):
        self.path.lineTo(*point)

    def _curveToOne(self, first, second, third):
        self.path.curveTo(*first, *second, *third)

    def _closePath(self):
        self.path.close()


@lru_cache(maxsize=8)
def _font(path: str):
    font = TTFont(path, lazy=True)
    return font, font.getGlyphSet(), font.getBestCmap(), font["head"].unitsPerEm


def draw_outlined(canvas, draw: TextDraw, fill) -> None:
    """Fill the glyph outlines of ``draw`` on ``canvas`` (``fill`` sets the colour)."""
    canvas.saveState()
    fill(canvas, draw.color)
    for face, size, char, x, _ in draw.line.glyph_positions(draw.x):
        if char.isspace():
            continue
        font, glyphs, cmap, units = _font(str(face.path))
        name = cmap.get(ord(char))
        if name is None:
            continue
        path = canvas.beginPath()
        glyphs[name].draw(_CanvasPen(glyphs, path))
        canvas.saveState()
        canvas.translate(x, draw.y)
        scale = size / units            # run sizes already carry a fallback face's scale
        canvas.scale(scale * draw.line.h_scale, scale)
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.restoreState()
    canvas.restoreState()
