"""Stage 1: the ``ads:`` list of edition.yaml in → checked ``model.Ad`` bookings out.

Each entry books one advertisement: ``{file, page | section, columns, height, position}``.
``file`` is a photo (any format the photo checks accept) or a PDF (its first page is placed),
relative to the edition folder; ``height`` is a length (``3in``, ``80mm``; a bare number is in
points); ``position`` is ``bottom-right`` (default), ``bottom-left``, ``top-right`` or
``top-left``. Every problem names edition.yaml, the line and the key (``ads[2].height``).
"""
from __future__ import annotations

from pathlib import Path

from ..errors import Diagnostic, LayoutError
from ..model import Ad, ImageInfo
from ..units import UnitError, parse_length
from ..yamlsource import ListIndex, format_key_path
from .fields import Fields
from .images import probe_image

AD_KEYS = ("file", "page", "section", "columns", "height", "position")
POSITIONS = ("bottom-right", "bottom-left", "top-right", "top-left")


def read_ads(fields: Fields, root: Path, file: str, errors: list[LayoutError],
             diagnostics: list[Diagnostic]) -> tuple[Ad, ...]:
    ads = []
    for index in fields.items("ads"):
        path = ("ads", ListIndex(index))
        item = Fields(fields.doc, AD_KEYS, errors, path=path, what="an ads entry")
        item.check_keys()
        if not isinstance(fields.mapping["ads"][index], dict):
            continue
        key = format_key_path(path)
        written = item.text("file", required=True)
        columns = item.integer("columns", minimum=1)
        page = item.integer("page", minimum=1)
        section = item.text("section") or ""
        position = (item.text("position") or POSITIONS[0]).strip().lower()
        height_text = item.mapping.get("height")
        if columns is None and "columns" not in item.mapping:
            errors.append(fields.doc.error("is required", path + ("columns",)))
        if (page is None) == (not section):
            errors.append(fields.doc.error("give either page: or section: (one of them)",
                                           path))
        if position not in POSITIONS:
            errors.append(fields.doc.error(f'expected one of {", ".join(POSITIONS)}, got '
                                           f'"{position}"', path + ("position",)))
        try:
            height = parse_length(height_text) if height_text is not None else None
        except UnitError as error:
            errors.append(fields.doc.error(str(error), path + ("height",)))
            height = None
        if height_text is None:
            errors.append(fields.doc.error("is required (a length like 4in or 100mm)",
                                           path + ("height",)))
        elif height is not None and height <= 0:
            errors.append(fields.doc.error("must be more than 0", path + ("height",)))
        if written is None or columns is None or height is None or height <= 0:
            continue
        line = item.line("file")
        try:
            image = _ad_file(written, root, file, line, f"{key}.file", diagnostics)
        except LayoutError as error:
            errors.append(error)
            continue
        ads.append(Ad(image=image, source=written, columns=columns, height=height,
                      position=position, page=page, section=section, line=line, key=key))
    return tuple(ads)


def _ad_file(written: str, root: Path, file: str, line: int | None, key: str,
             diagnostics: list[Diagnostic]) -> ImageInfo:
    if not written.lower().endswith(".pdf"):
        info, found = probe_image(written, root=root, referenced_from=file, line=line, key=key)
        diagnostics.extend(d for d in found if "only" not in d.message)   # ads may be small
        return info
    path = (root / written).resolve()
    if not path.is_relative_to(root.resolve()):
        raise LayoutError(f'ad "{written}" leaves the edition folder', file=file, line=line,
                          key=key)
    if not path.is_file():
        raise LayoutError(f'ad "{written}": no such file', file=file, line=line, key=key)
    import pypdfium2 as pdfium
    try:
        document = pdfium.PdfDocument(str(path))
        try:
            if len(document) < 1:
                raise LayoutError(f'ad "{written}": the PDF has no page', file=file, line=line,
                                  key=key)
            width, height = document[0].get_size()
        finally:
            document.close()
    except pdfium.PdfiumError as error:
        raise LayoutError(f'ad "{written}": not a readable PDF ({error})', file=file,
                          line=line, key=key) from None
    # Placed by rendering its first page at 300 ppi: "pixels" are 300 a inch.
    return ImageInfo(path=path, format="PDF", mode="RGB", width=max(1, round(width / 72 * 300)),
                     height=max(1, round(height / 72 * 300)))
