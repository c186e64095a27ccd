"""Stage 5 (render): PDF ads as vectors — the ad's first page grafted as a form XObject.

ReportLab cannot place a PDF page, so the renderer draws a blank placeholder picture in the
ad's booked box (:func:`~layout.render.images.letterboxed_source`), and :func:`graft_pdf_ads`
then replaces each placeholder's ``Do`` with the ad's page as a form XObject (pikepdf
``Page.as_form_xobject``, copied with its fonts and resources), scaled in with its shape kept
and top-centred, exactly as a picture ad is letterboxed: its text stays text, its fonts stay
embedded, its rules stay sharp. An ad whose page uses a font it does not embed is rasterised
at 300 ppi instead (:func:`can_graft`): no output may reference a font it does not carry. Pages without a PDF ad are not touched; the file is saved
with a content-derived ``/ID`` so the same input gives the same bytes.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pikepdf
from pikepdf import Name, Operator

from ..compose.draws import ImageDraw
from ..paginate.pages import Pagination
from .placements import cm_operands, placements


def is_vector_ad(draw) -> bool:
    return isinstance(draw, ImageDraw) and draw.image.format == "PDF" and \
        can_graft(str(draw.image.path))


def has_pdf_ads(pagination: Pagination) -> bool:
    return any(is_vector_ad(d) for page in pagination.pages for d in page.draws)


SHOW_TEXT = frozenset({"Tj", "TJ", "'", '"'})


@lru_cache(maxsize=32)
def can_graft(path: str) -> bool:
    """Whether the ad's first page can be placed as vectors: every font it shows text in is
    embedded (an ad that leans on the reader's fonts is rasterised instead, as before: a
    print or archive file may not reference a font it does not carry)."""
    try:
        with pikepdf.open(path) as source:
            page = source.pages[0]
            _drop_idle_fonts(source, page)
            return not _unembedded(page.obj.get("/Resources", {}), set())
    except pikepdf.PdfError:
        return False


def _drop_idle_fonts(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    """Remove the fonts a page selects but never shows a glyph in (ReportLab, for one, selects
    Helvetica at the top of every page), with their ``Tf``, and unused resources."""
    instructions = list(pikepdf.parse_content_stream(page))
    current, shown = None, set()
    for operands, operator in instructions:
        if str(operator) == "Tf" and operands:
            current = str(operands[0])
        elif str(operator) in SHOW_TEXT and current is not None:
            shown.add(current)
    fonts = page.obj.get("/Resources", {}).get("/Font", {})
    idle = [name for name in list(fonts.keys()) if name not in shown]
    if idle:
        kept = [(operands, operator) for operands, operator in instructions
                if not (str(operator) == "Tf" and operands and str(operands[0]) in idle)]
        page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(kept))
        for name in idle:
            del fonts[name]
    page.remove_unreferenced_resources()


def _unembedded(resources, seen: set) -> list[str]:
    missing = []
    for font in resources.get("/Font", {}).values():
        parts = font.get("/DescendantFonts", [font]) if font.get("/Subtype") == Name.Type0 \
            else [font]
        for part in parts:
            descriptor = part.get("/FontDescriptor")
            if font.get("/Subtype") == Name.Type3:
                continue
            if descriptor is None or not any(key in descriptor for key in
                                             ("/FontFile", "/FontFile2", "/FontFile3")):
                missing.append(str(font.get("/BaseFont", "?")))
    for xobject in resources.get("/XObject", {}).values():
        if xobject.get("/Subtype") == Name.Form and xobject.objgen not in seen:
            seen.add(xobject.objgen)
            missing += _unembedded(xobject.get("/Resources", {}), seen)
    return missing


def ad_form(pdf: pikepdf.Pdf, ad: Path, cache: dict) -> pikepdf.Object:
    """The first page of the PDF ``ad`` as a form XObject owned by ``pdf`` (once per file),
    without the fonts and resources its content does not use."""
    key = str(ad)
    if key not in cache:
        with pikepdf.open(ad) as source:
            _drop_idle_fonts(source, source.pages[0])
            form = source.pages[0].as_form_xobject()
            cache[key] = pdf.copy_foreign(form)
    return cache[key]


def fit_matrix(bbox, width: float, height: float) -> pikepdf.Matrix:
    """Within the unit square of a ``width`` × ``height`` box: the form's ``bbox`` scaled in
    with its shape kept, centred across and at the top."""
    x0, y0, x1, y1 = (float(v) for v in bbox)
    form_w, form_h = max(x1 - x0, 1e-6), max(y1 - y0, 1e-6)
    scale = min(width / form_w, height / form_h)
    shown_w, shown_h = form_w * scale / width, form_h * scale / height
    return pikepdf.Matrix(shown_w / form_w, 0, 0, shown_h / form_h,
                          (1 - shown_w) / 2 - shown_w * x0 / form_w,
                          (1 - shown_h) - shown_h * y0 / form_h)


def graft_pdf_ads(path: Path, pagination: Pagination) -> None:
    """Replace, in the PDF at ``path`` (rewritten in place), every PDF ad's placeholder."""
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        cache: dict = {}
        for page, laid in zip(pdf.pages, pagination.pages):
            draws = [d for d in laid.draws if isinstance(d, ImageDraw)]
            if not any(is_vector_ad(d) for d in draws):
                continue
            instructions = list(pikepdf.parse_content_stream(page))
            found = placements(instructions)
            if len(found) != len(draws):
                raise ValueError(f"page {laid.number}: {len(found)} pictures drawn for "
                                 f"{len(draws)} image draws")
            inserts = {}
            for number, (placed, draw) in enumerate(zip(found, draws)):
                if not is_vector_ad(draw):
                    continue
                form = ad_form(pdf, draw.image.path, cache)
                name = Name(f"/Ad{number}")
                page.obj.Resources.XObject[name] = form
                fit = fit_matrix(form.BBox, draw.width, draw.height)
                inserts[placed.do] = [(cm_operands(fit), Operator("cm")), ([name], Operator("Do"))]
            rewritten = []
            for index, instruction in enumerate(instructions):
                rewritten.extend(inserts.get(index, [instruction]))
            page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(rewritten))
        pdf.remove_unreferenced_resources()
        pdf.save(path, deterministic_id=True, compress_streams=True)
