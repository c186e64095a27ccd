"""Stage 6 (outputs): the plates — one single-page PDF/X-4 file per page, with marks.

A plate is the twin's page (:mod:`.pdfx`: CMYK, pictures grown into the bleed) on a bigger
sheet: TrimBox = the page (so every glyph keeps its place on the trimmed page), BleedBox =
trim + ``page.bleed``, MediaBox = the bleed plus room for the marks, drawn outside the bleed:

* crop marks at the four corners, in the trim's lines, starting ``print.mark_offset`` past
  the bleed, ``print.mark_length`` long (registration colour, 0.25 pt);
* the slug line under the bottom marks: plate name, page of pages, section, edition date;
* a colour bar beside it: C, M, Y, K solids, K tints 25/50/75 %, and C+M+Y.

The marks are one overlay drawn with ReportLab (its own embedded font, CMYK only) and laid
over the page with pikepdf (``Page.add_overlay``). File names come from ``print.plate_name``
(:func:`plate_name`). Each plate carries the same output intent, PDF/X keys and
content-derived document IDs as the twin.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import io
from pathlib import Path

import pikepdf
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from ..model import Edition
from ..stylesheet.types import StyleSheet
from .pdfx import make_pdfx, set_boxes

MARK_FONT = "NewsprintSlug"
# Latin and Hangul: the slug prints section names as the edition has them.
MARK_FONT_FILE = Path(__file__).resolve().parent.parent.parent / "fonts" / "NanumGothic.ttf"
MARK_WIDTH = 0.25
MARKS_NAME = "/NewsprintMarks"
SLUG_SIZE = 6.0
SLUG_ROOM = 14.0          # points below the bottom marks for the slug line and colour bar
PATCH = 9.0               # side of a colour-bar patch
COLOUR_BAR = (("C", (1, 0, 0, 0)), ("M", (0, 1, 0, 0)), ("Y", (0, 0, 1, 0)),
              ("K", (0, 0, 0, 1)), ("K75", (0, 0, 0, 0.75)), ("K50", (0, 0, 0, 0.5)),
              ("K25", (0, 0, 0, 0.25)), ("CMY", (1, 1, 1, 0)))


def title_code(edition: Edition) -> str:
    """``edition.yaml``'s ``code``, else the capitals of the title's words (``TNDD``)."""
    if edition.production.code:
        return edition.production.code
    letters = [word[0] for word in edition.title.split() if word[:1].isalnum()]
    code = "".join(letters).upper()
    return code if code.isascii() and code else "NP"


def section_code(section: str) -> str:
    letters = "".join(ch for ch in section if ch.isascii() and ch.isalnum())
    return (letters[:3] or "SEC").upper()


def plate_fields(edition: Edition, page: int, pages: int, section: str) -> dict:
    return {"title_code": title_code(edition), "title": _safe(edition.title),
            "date": edition.date, "issue": edition.issue or 0,
            "edition": edition.production.edition or "1",
            "zone": edition.production.zone or "A", "version": edition.production.version,
            "section": _safe(section) or "Section", "section_code": section_code(section),
            "page": page, "pages": pages}


def plate_name(template: str, edition: Edition, page: int, pages: int, section: str) -> str:
    """The file name of page ``page``'s plate; a name is made safe for any file system."""
    name = template.format(**plate_fields(edition, page, pages, section))
    name = "".join(ch if ch.isalnum() or ch in "-_.+" else "-" for ch in name).strip(".-")
    return name if name.lower().endswith(".pdf") else name + ".pdf"


def _safe(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text).strip("-")


def media_margin(sheet: StyleSheet) -> float:
    """How far the MediaBox reaches past the trim: bleed, gap, marks and the slug line."""
    settings = sheet.printing
    if not settings.marks:
        return sheet.page.bleed
    return sheet.page.bleed + settings.mark_offset + settings.mark_length + SLUG_ROOM


def write_plates(twin: Path, folder: Path, edition: Edition, sheet: StyleSheet, sections,
                 *, title: str, author: str, subject: str, creator_tool: str) -> list[Path]:
    """One plate per page of ``twin`` into ``folder``; their paths, in page order."""
    written = []
    names: set[str] = set()
    with pikepdf.open(twin) as source:
        pages = len(source.pages)
        for index, section in zip(range(pages), sections):
            number = index + 1
            name = plate_name(sheet.printing.plate_name, edition, number, pages, section)
            if name in names:
                raise ValueError(f"print.plate_name gives two pages the name {name}: "
                                 "put {page} in it")
            names.add(name)
            plate = pikepdf.new()
            plate.pages.append(source.pages[index])
            page = plate.pages[0]
            trim = [float(v) for v in page.obj.TrimBox]
            width, height = trim[2] - trim[0], trim[3] - trim[1]
            margin = media_margin(sheet)
            set_boxes(page, width, height, sheet.page.bleed, media_margin=margin)
            if sheet.printing.marks:
                marks = pikepdf.open(io.BytesIO(_marks_pdf(
                    width, height, sheet, slug=_slug(name, number, pages, section,
                                                     edition.date))))
                overlay = plate.copy_foreign(marks.pages[0].as_form_xobject())
                _overlay(plate, page, overlay, margin)
            seed = hashlib.sha256(f"{name}:{index}:".encode() + _page_digest(page)).hexdigest()
            make_pdfx(plate, sheet, title=f"{title} — {name}", author=author,
                      subject=subject, date=edition.date, creator_tool=creator_tool, seed=seed)
            path = folder / name
            plate.save(path, force_version="1.6", deterministic_id=True, compress_streams=True)
            written.append(path)
    return written


def _overlay(plate: pikepdf.Pdf, page: pikepdf.Page, form, margin: float) -> None:
    """Draw ``form`` (the marks, whose origin is the MediaBox's corner) over the page, the
    page's own content wrapped in q … Q; the resource gets a fixed name (pikepdf's
    ``add_overlay`` picks a random one, and plates must be byte-identical)."""
    if "/XObject" not in page.obj.Resources:
        page.obj.Resources.XObject = pikepdf.Dictionary()
    page.obj.Resources.XObject[MARKS_NAME] = form
    page.contents_coalesce()
    body = page.obj.Contents.read_bytes()
    marks = f"\nQ\nq 1 0 0 1 {-margin:.4f} {-margin:.4f} cm {MARKS_NAME} Do Q\n".encode()
    page.obj.Contents = plate.make_stream(b"q\n" + body + marks)


def _page_digest(page: pikepdf.Page) -> bytes:
    data = page.obj.Contents.read_bytes() if isinstance(page.obj.Contents, pikepdf.Stream) \
        else b"".join(part.read_bytes() for part in page.obj.Contents)
    return hashlib.sha256(data).digest()


def _slug(name: str, page: int, pages: int, section: str, date: dt.date) -> str:
    return f"{name}   page {page} of {pages}   {section}   {date.isoformat()}"


def _register_font() -> None:
    if MARK_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(MARK_FONT, str(MARK_FONT_FILE)))


def _marks_pdf(width: float, height: float, sheet: StyleSheet, *, slug: str) -> bytes:
    """The marks as a one-page PDF whose page is the plate's MediaBox (origin at its corner)."""
    _register_font()
    margin = media_margin(sheet)
    settings = sheet.printing
    start = sheet.page.bleed + settings.mark_offset
    length = settings.mark_length
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(width + 2 * margin, height + 2 * margin), invariant=1,
                    initialFontName=MARK_FONT, pageCompression=1)
    canvas.translate(margin, margin)                  # trim coordinates from here on
    canvas.setStrokeColorCMYK(1, 1, 1, 1)             # registration: on every plate
    canvas.setLineWidth(MARK_WIDTH)
    for x in (0.0, width):
        for y in (0.0, height):
            out_x = -1 if x == 0 else 1
            out_y = -1 if y == 0 else 1
            # Horizontal mark in the line of the trim edge y, outside the bleed; vertical in x.
            canvas.line(x + out_x * start, y, x + out_x * (start + length), y)
            canvas.line(x, y + out_y * start, x, y + out_y * (start + length))
    base = -(start + length) - SLUG_SIZE - 2
    canvas.setFillColorCMYK(0, 0, 0, 1)
    canvas.setFont(MARK_FONT, SLUG_SIZE)
    canvas.drawString(0, base, slug)
    x = width - len(COLOUR_BAR) * PATCH
    for label, (c, m, y, k) in COLOUR_BAR:
        canvas.setFillColorCMYK(c, m, y, k)
        canvas.rect(x, base - 2, PATCH, PATCH, stroke=0, fill=1)
        x += PATCH
    canvas.showPage()
    canvas.save()
    return out.getvalue()


__all__ = ["plate_name", "title_code", "write_plates", "media_margin"]
