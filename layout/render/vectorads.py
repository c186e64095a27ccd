"""Stage 5 (render): PDF ads as vectors — the ad's first page grafted as a form XObject.

ReportLab cannot place a PDF page, so the renderer draws a blank placeholder picture in the
ad's booked box (:func:`~layout.render.images.letterboxed_source`), and :func:`graft_pdf_ads`
then replaces each placeholder's ``Do`` with the ad's page as a form XObject (pikepdf
``Page.as_form_xobject``, copied with its fonts and resources), scaled in with its shape kept
and top-centred, exactly as a picture ad is letterboxed: its text stays text, its fonts stay
embedded, its rules stay sharp. Pages without a PDF ad are not touched; the file is saved
with a content-derived ``/ID`` so the same input gives the same bytes.
"""
from __future__ import annotations

from pathlib import Path

import pikepdf
from pikepdf import Name, Operator

from ..compose.draws import ImageDraw
from ..paginate.pages import Pagination
from .placements import cm_operands, placements


def has_pdf_ads(pagination: Pagination) -> bool:
    return any(isinstance(d, ImageDraw) and d.image.format == "PDF"
               for page in pagination.pages for d in page.draws)


def ad_form(pdf: pikepdf.Pdf, ad: Path, cache: dict) -> pikepdf.Object:
    """The first page of the PDF ``ad`` as a form XObject owned by ``pdf`` (once per file)."""
    key = str(ad)
    if key not in cache:
        with pikepdf.open(ad) as source:
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
            if not any(d.image.format == "PDF" for d in draws):
                continue
            instructions = list(pikepdf.parse_content_stream(page))
            found = placements(instructions)
            if len(found) != len(draws):
                raise ValueError(f"page {laid.number}: {len(found)} pictures drawn for "
                                 f"{len(draws)} image draws")
            inserts = {}
            for number, (placed, draw) in enumerate(zip(found, draws)):
                if draw.image.format != "PDF":
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
