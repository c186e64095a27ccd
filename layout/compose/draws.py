"""Stage 3b/4 data: draw operations — what a page is made of, in points.

Composition produces draws *relative* to the top-left of the block they belong to (``y`` grows
downward); pagination moves them to absolute PDF coordinates (origin bottom-left, ``y`` up) with
:func:`place`. The renderer gets nothing else.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..model import ImageInfo
from ..stylesheet.types import Color
from ..text.setline import SetLine


@dataclass(frozen=True)
class Origin:
    """Where a draw comes from, recorded where it is made and kept through pagination, so that
    every output (manifest, ALTO, METS) reads it instead of re-matching text to boxes.

    ``article`` is the article's id ("" for page furniture: masthead, folios, ears, ads) and
    ``part`` the part of a jumped story (0 the first), both stamped by :func:`place`;
    ``paragraph`` numbers the paragraph within its kind of block (a body line: the article's
    block index; a deck line, a photo's caption or credit: the deck line or figure number);
    ``line`` is the line within that paragraph (0 the first)."""

    article: str = ""
    part: int = 0
    paragraph: int = 0
    line: int = 0


FURNITURE = Origin()


@dataclass(frozen=True)
class TextDraw:
    """One set line; ``y`` is its baseline. ``role`` is the kind of block it belongs to."""

    x: float
    y: float
    line: SetLine
    color: Color
    role: str = "body"          # body, headline, deck, byline, caption, credit, copyright, ...
    origin: Origin = FURNITURE


@dataclass(frozen=True)
class ImageDraw:
    """A photo scaled into the box whose top-left (relative) or bottom-left (absolute) is x, y.

    With ``letterbox`` the box is a booked space (an ad): the picture keeps its shape, sits
    top-centred in the box, and the rest of the box is paper white — one placed picture that
    fills the whole space. With ``cover`` the picture fills the box and is cropped to it,
    evenly on both sides (a photo given more height than its shape). A photo with an
    embedded crop region is always cut to it (see ``render.images.crop_window``); ``focal``
    (the style's ``spacing.focal_crop``) lets an embedded focal region decide where a crop
    falls instead of the centre."""

    x: float
    y: float
    width: float
    height: float
    image: ImageInfo
    letterbox: bool = False
    cover: bool = False         # fill the box, cropping the picture's sides (a deeper crop)
    focal: bool = False         # crops keep the photo's focal region rather than its centre
    origin: Origin = FURNITURE  # the article and figure it shows ("" for an ad)


@dataclass(frozen=True)
class RuleDraw:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    color: Color


Draw = TextDraw | ImageDraw | RuleDraw


def place(draws, x0: float, top: float, article: str = "", part: int = 0) -> list:
    """Relative draws (y down from a block's top) → absolute PDF coordinates, each text and
    image draw stamped with the ``article`` and ``part`` it belongs to.

    Images: relative ``y`` is the top edge; absolute ``y`` is the bottom edge, as PDF wants.
    """
    placed = []
    for draw in draws:
        if isinstance(draw, TextDraw):
            origin = replace(draw.origin, article=article, part=part)
            placed.append(replace(draw, x=x0 + draw.x, y=top - draw.y, origin=origin))
        elif isinstance(draw, ImageDraw):
            origin = replace(draw.origin, article=article, part=part)
            placed.append(replace(draw, x=x0 + draw.x, y=top - draw.y - draw.height,
                                  origin=origin))
        else:
            placed.append(replace(draw, x1=x0 + draw.x1, y1=top - draw.y1,
                                  x2=x0 + draw.x2, y2=top - draw.y2))
    return placed
