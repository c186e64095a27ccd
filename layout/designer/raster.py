"""Designer tools: a built PDF → one PNG per page (pypdfium2), each with its content hash.

Used by the preview (per-page image URLs carry the hash, so a browser fetches only the pages
that changed) and by the diff (before/after pictures and pixel comparison).
"""
from __future__ import annotations

import hashlib
import io
import signal
from dataclasses import dataclass, replace
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

PREVIEW_SCALE = 1.5      # 108 ppi: an 11 × 17 in page is 1188 × 1836 px, enough to zoom to 150 %


@dataclass(frozen=True)
class PagePicture:
    number: int          # 1-based page number
    png: bytes
    digest: str          # sha256 of the page's pixels, first 16 hex digits
    width: int
    height: int


def iter_images(pdf: Path, scale: float = PREVIEW_SCALE):
    """Every page of ``pdf`` as an RGB Pillow image at ``scale`` × 72 ppi, one at a time."""
    document = pdfium.PdfDocument(str(pdf))
    try:
        for index in range(len(document)):
            page = document[index]
            image = page.render(scale=scale).to_pil().convert("RGB")
            page.close()
            yield image
    finally:
        document.close()


def render_images(pdf: Path, scale: float = PREVIEW_SCALE) -> list[Image.Image]:
    """Every page of ``pdf`` as an RGB Pillow image at ``scale`` × 72 ppi."""
    return list(iter_images(pdf, scale))


def png_bytes(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=1)   # fast; size matters little on loopback
    return buffer.getvalue()


def render_pictures(pdf: Path, scale: float = PREVIEW_SCALE,
                    known: dict[str, PagePicture] | None = None) -> list[PagePicture]:
    """Every page of ``pdf`` as a PNG with the hash of its pixels (deterministic for the same
    PDF). A page whose pixels are in ``known`` (digest → picture, say the previous build's)
    reuses that PNG instead of encoding it again: encoding is half the time of rendering.
    (Encoding in threads beside pdfium's rendering was tried: no faster here.)"""
    known = known or {}
    pictures = []
    for number, image in enumerate(iter_images(pdf, scale), start=1):
        digest = hashlib.sha256(image.tobytes()).hexdigest()[:16]
        if digest in known:
            pictures.append(replace(known[digest], number=number))
            continue
        pictures.append(PagePicture(number, png_bytes(image), digest, image.width,
                                    image.height))
    return pictures


def _render_share(pdf: str, scale: float, start: int, step: int,
                  known: frozenset[str]) -> list[tuple]:
    """Pages ``start``, ``start + step``, … of ``pdf`` (in a worker process): (number, digest,
    PNG bytes or None when the digest is in ``known``, width, height)."""
    document = pdfium.PdfDocument(pdf)
    try:
        found = []
        for index in range(start, len(document), step):
            page = document[index]
            image = page.render(scale=scale).to_pil().convert("RGB")
            page.close()
            digest = hashlib.sha256(image.tobytes()).hexdigest()[:16]
            found.append((index + 1, digest, None if digest in known else png_bytes(image),
                          image.width, image.height))
        return found
    finally:
        document.close()


class PageRenderer:
    """Renders a PDF's pages to PagePictures on ``workers`` processes (pdfium is not
    thread-safe, and a process per core halves the time of the preview's rendering). Spawned,
    not forked: the preview server runs threads."""

    def __init__(self, workers: int = 2, scale: float = PREVIEW_SCALE):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        self.workers = max(1, workers)
        self.scale = scale
        # Ctrl-C stops the server, which shuts the workers down; they ignore it themselves.
        self.pool = ProcessPoolExecutor(max_workers=self.workers,
                                        mp_context=multiprocessing.get_context("spawn"),
                                        initializer=signal.signal,
                                        initargs=(signal.SIGINT, signal.SIG_IGN))

    def render(self, pdf: Path, known: dict[str, PagePicture] | None = None
               ) -> list[PagePicture]:
        known = known or {}
        shares = [self.pool.submit(_render_share, str(pdf), self.scale, start, self.workers,
                                   frozenset(known)) for start in range(self.workers)]
        pictures = []
        for share in shares:
            for number, digest, png, width, height in share.result():
                if png is None:
                    pictures.append(replace(known[digest], number=number))
                else:
                    pictures.append(PagePicture(number, png, digest, width, height))
        return sorted(pictures, key=lambda picture: picture.number)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)

