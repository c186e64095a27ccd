"""Designer tools: a built PDF → one PNG per page (pypdfium2), each with its content hash.

Used by the preview (per-page image URLs carry the hash, so a browser fetches only the pages
that changed) and by the diff (before/after pictures and pixel comparison).
"""
from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

PREVIEW_SCALE = 1.5      # 108 ppi: an 11 × 17 in page is 1188 × 1836 px, enough to zoom to 150 %


@dataclass(frozen=True)
class PagePicture:
    number: int          # 1-based page number
    png: bytes
    digest: str          # sha256 of the PNG, first 16 hex digits
    width: int
    height: int


def render_images(pdf: Path, scale: float = PREVIEW_SCALE) -> list[Image.Image]:
    """Every page of ``pdf`` as an RGB Pillow image at ``scale`` × 72 ppi."""
    document = pdfium.PdfDocument(str(pdf))
    try:
        images = []
        for index in range(len(document)):
            page = document[index]
            images.append(page.render(scale=scale).to_pil().convert("RGB"))
            page.close()
        return images
    finally:
        document.close()


def png_bytes(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=1)   # fast; size matters little on loopback
    return buffer.getvalue()


def render_pictures(pdf: Path, scale: float = PREVIEW_SCALE) -> list[PagePicture]:
    """Every page of ``pdf`` as a PNG with its hash (deterministic for the same PDF)."""
    pictures = []
    for number, image in enumerate(render_images(pdf, scale), start=1):
        data = png_bytes(image)
        pictures.append(PagePicture(number, data, hashlib.sha256(data).hexdigest()[:16],
                                    image.width, image.height))
    return pictures
