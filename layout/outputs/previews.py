"""Stage 6 (outputs): ``OUT/previews/`` — what a desk looks at before release.

    PREVIEWS/page-001.png         each page of edition.pdf at ``print.preview_ppi`` (100 ppi)
    PREVIEWS/thumbs/page-001.png  each page 200 px high
    PREVIEWS/contact-sheet.png    every page's thumbnail in a grid, its page number under it

Rasters come from pypdfium2 (one document open, pages in order, no threads); PNGs are written
by Pillow without timestamps, so the same edition gives the same bytes. Written into a
staging folder and renamed into place.
"""
from __future__ import annotations

import math
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFont

from .files import write_folder_atomically
from .stage import Built

THUMB_HEIGHT = 200
SHEET_COLUMNS = 6
GAP = 16
LABEL = 22
FONT_FILE = Path(__file__).resolve().parent.parent.parent / "fonts" / "NotoSans-Bold.ttf"


def page_name(number: int) -> str:
    return f"page-{number:03d}.png"


class PreviewsOutput:
    """``OUT/previews/`` (see the module); ``ppi`` overrides the style's ``preview_ppi``."""

    name = "previews"

    def __init__(self, ppi: float | None = None):
        self.ppi = ppi

    def write(self, built: Built, folder: Path) -> list[Path]:
        ppi = self.ppi or built.sheet.printing.preview_ppi
        return write_folder_atomically(
            folder / "previews", lambda staging: write_previews(built.pdf, staging, ppi),
            "previews")


def write_previews(pdf: Path, folder: Path, ppi: float) -> list[Path]:
    """Pages, thumbnails and the contact sheet of ``pdf`` into ``folder``; their paths."""
    (folder / "thumbs").mkdir(parents=True, exist_ok=True)
    written, thumbs = [], []
    document = pdfium.PdfDocument(str(pdf))
    try:
        for index in range(len(document)):
            image = document[index].render(scale=ppi / 72.0).to_pil().convert("RGB")
            path = folder / page_name(index + 1)
            image.save(path, "PNG", optimize=False)
            thumb = image.resize((max(1, round(image.width * THUMB_HEIGHT / image.height)),
                                  THUMB_HEIGHT), Image.Resampling.LANCZOS)
            thumb_path = folder / "thumbs" / page_name(index + 1)
            thumb.save(thumb_path, "PNG", optimize=False)
            written += [path, thumb_path]
            thumbs.append(thumb)
    finally:
        document.close()
    sheet = contact_sheet(thumbs)
    path = folder / "contact-sheet.png"
    sheet.save(path, "PNG", optimize=False)
    return written + [path]


def contact_sheet(thumbs: list[Image.Image]) -> Image.Image:
    """The thumbnails in rows of :data:`SHEET_COLUMNS`, each over its page number."""
    width = max(t.width for t in thumbs)
    columns = min(SHEET_COLUMNS, len(thumbs))
    rows = math.ceil(len(thumbs) / columns)
    sheet = Image.new("RGB", (GAP + columns * (width + GAP),
                              GAP + rows * (THUMB_HEIGHT + LABEL + GAP)), (232, 232, 232))
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.truetype(str(FONT_FILE), 14)
    for index, thumb in enumerate(thumbs):
        row, column = divmod(index, columns)
        x = GAP + column * (width + GAP) + (width - thumb.width) // 2
        y = GAP + row * (THUMB_HEIGHT + LABEL + GAP)
        sheet.paste(thumb, (x, y))
        draw.rectangle((x - 1, y - 1, x + thumb.width, y + thumb.height), outline=(120, 120, 120))
        label = str(index + 1)
        left, _top, right, _bottom = draw.textbbox((0, 0), label, font=font)
        draw.text((x + (thumb.width - (right - left)) // 2, y + THUMB_HEIGHT + 3), label,
                  fill=(0, 0, 0), font=font)
    return sheet
