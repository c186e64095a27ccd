"""Stage 5 (render): PageLayout[] → one PDF file. The only module that draws.

Text is drawn line by line: each line sets PDF character spacing (Tc), word spacing (Tw) and
horizontal scaling (Tz) as the composer solved them, then its runs with their fonts. Every font
is a subset-embedded TrueType face (``initialFontName`` names one, so ReportLab's default
Helvetica is never referenced). ``invariant=1`` makes the output byte-identical for the same
input. The file is written to a temporary name and renamed, so a failed build never leaves a
half-written PDF or damages the previous one.
"""
from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from ..compose.draws import ImageDraw, RuleDraw, TextDraw
from ..forked import computed_ahead
from ..paginate.pages import Pagination
from ..stylesheet.types import Color
from .images import covered_source, letterboxed_source, source_for, wants_region_crop
from .outlines import draw_outlined
from .vectorads import graft_pdf_ads, has_pdf_ads

rl_config.useA85 = 0        # embed JPEG bytes as they are (see ARCHITECTURE.md)


# Drawn as glyph outlines (artwork) with invisible text over them: the nameplate.
OUTLINED_ROLES = frozenset({"masthead"})

_COLOR_SETTERS = {"cmyk": "ColorCMYK", "rgb": "ColorRGB", "gray": "Gray"}


def _fill(target, color: Color) -> None:
    """Set the fill colour of a canvas or text object (setFillColorCMYK, …)."""
    getattr(target, "setFill" + _COLOR_SETTERS[color.space])(*color.values)


def _stroke(canvas: Canvas, color: Color) -> None:
    getattr(canvas, "setStroke" + _COLOR_SETTERS[color.space])(*color.values)


def render_pdf(pagination: Pagination, path: Path, *, title: str, date: dt.date,
               initial_font: str, author: str = "", subject: str = "", lang: str = "en",
               workers: int = 1) -> None:
    """Write the pages to ``path`` atomically. With ``workers`` ≥ 2 a forked child prepares
    the photos (decoded, cropped, resampled, encoded) in page order while the pages' text is
    drawn; the PDF is the same."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".newsprint-", suffix=".pdf", dir=path.parent)
    os.close(handle)
    try:
        _draw(pagination, temporary, title=title, date=date, initial_font=initial_font,
              author=author, subject=subject, lang=lang, workers=workers)
        if has_pdf_ads(pagination):
            graft_pdf_ads(Path(temporary), pagination)      # PDF ads as vectors
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def _draw(pagination: Pagination, filename: str, *, title: str, date: dt.date,
          initial_font: str, author: str, subject: str, lang: str, workers: int) -> None:
    first = pagination.pages[0]
    canvas = Canvas(filename, pagesize=(first.width, first.height), invariant=1,
                    initialFontName=initial_font, initialFontSize=10, pageCompression=1,
                    lang=lang)
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setSubject(subject)
    canvas.setCreator("Newsprint")
    canvas.setProducer("Newsprint (ReportLab backend)")
    canvas.setKeywords(f"edition date {date.isoformat()}")
    outline_by_page: dict[int, list[tuple[str, str, float]]] = {}
    for article_id, headline, page_number, y in pagination.outline:
        outline_by_page.setdefault(page_number, []).append((article_id, headline, y))
    photos = [draw for page in pagination.pages for draw in page.draws
              if isinstance(draw, ImageDraw)]
    with computed_ahead(photos, _portable_source, workers) as prepared:
        numbered = iter(range(len(photos)))
        for page in pagination.pages:
            canvas.setPageSize((page.width, page.height))
            _draw_page(canvas, page.draws, lambda: prepared(next(numbered)))
            for article_id, headline, y in outline_by_page.get(page.number, []):
                key = f"article-{article_id}"
                canvas.bookmarkHorizontal(key, 0, y + 4)
                canvas.addOutlineEntry(headline, key, level=0)
            canvas.showPage()
    canvas.save()


def _draw_page(canvas: Canvas, draws: list, next_photo) -> None:
    """Draw one page; ``next_photo()`` gives the next photo's source (in draw order)."""
    for draw in draws:
        if isinstance(draw, ImageDraw):
            _draw_image(canvas, draw, *next_photo())
    for draw in draws:
        if isinstance(draw, RuleDraw):
            canvas.setLineWidth(draw.width)
            _stroke(canvas, draw.color)
            canvas.line(draw.x1, draw.y1, draw.x2, draw.y2)
    for draw in draws:
        if isinstance(draw, TextDraw) and draw.role in OUTLINED_ROLES:
            draw_outlined(canvas, draw, _fill)
    text = canvas.beginText()
    for draw in draws:
        if isinstance(draw, TextDraw):
            outlined = draw.role in OUTLINED_ROLES
            if outlined:
                text.setTextRenderMode(3)      # invisible: the outlines show it
            _draw_line(text, draw)
            if outlined:
                text.setTextRenderMode(0)
    canvas.drawText(text)


def _draw_line(text, draw: TextDraw) -> None:
    line = draw.line
    if not line.runs:
        return
    _fill(text, draw.color)
    text.setTextOrigin(draw.x, draw.y)
    text.setCharSpace(round(line.char_space, 4))
    text.setWordSpace(round(line.word_space, 4))
    text.setHorizScale(round(line.h_scale * 100.0, 3))
    if line.kerns:
        _draw_kerned(text, draw)
        return
    for face, size, chunk in line.runs:
        text.setFont(face.name, size)
        text.textOut(chunk)


def _draw_kerned(text, draw: TextDraw) -> None:
    """A line with pair kerning: each stretch between two kerned pairs starts at its own
    origin, computed as the viewer advances (Tc, Tw and Tz applied), plus the kerning."""
    line = draw.line
    kerns = dict(line.kerns)
    x = draw.x
    index = 0                      # offset of the run's first character in the line's text
    for face, size, run in line.runs:
        text.setFont(face.name, size)
        cuts = sorted({0, len(run)} | {at - index for at in kerns if index < at < index + len(run)})
        for start, stop in zip(cuts, cuts[1:]):
            x += kerns.get(index + start, 0.0) * line.h_scale
            piece = run[start:stop]
            text.setTextOrigin(x, draw.y)
            text.textOut(piece)
            x += sum((face.advance(ch) * size / 1000.0 + line.char_space
                      + (line.word_space if ch in " \u00a0" else 0.0)) * line.h_scale
                     for ch in piece)
        index += len(run)


def _portable_source(draw: ImageDraw) -> tuple[str | bytes, int]:
    """What the photo of ``draw`` embeds — a file path (passed through) or the encoded bytes
    of its pixels — and the rotation the page transform applies; plain values, so that a
    child process can prepare them (see :func:`layout.forked.computed_ahead`)."""
    if draw.letterbox:
        source, rotation = letterboxed_source(draw.image, draw.width, draw.height), 0
    elif draw.cover or wants_region_crop(draw.image, draw.focal):
        source, rotation = covered_source(draw.image, draw.width, draw.height, draw.focal), 0
    else:
        source, rotation = source_for(draw.image, draw.width, draw.height)
    if isinstance(source, ImageReader):
        source = source.fp.getvalue()        # an ImageReader over encoded bytes
    return source, rotation


def _draw_image(canvas: Canvas, draw: ImageDraw, source: str | bytes, rotation: int) -> None:
    if isinstance(source, bytes):
        source = ImageReader(io.BytesIO(source))
    x, y, w, h = draw.x, draw.y, draw.width, draw.height
    canvas.saveState()
    if rotation == 0:
        canvas.drawImage(source, x, y, w, h, mask="auto")
    else:
        # The file is stored turned; the page transform turns it back (no re-encoding).
        if rotation == 270:
            canvas.translate(x, y + h)
        elif rotation == 90:
            canvas.translate(x + w, y)
        else:
            canvas.translate(x + w, y + h)
        canvas.rotate(rotation)
        stored_w, stored_h = (h, w) if rotation in (90, 270) else (w, h)
        canvas.drawImage(source, 0, 0, stored_w, stored_h, mask="auto")
    canvas.restoreState()
