"""Stage 6 (outputs): the preflight — what a plant checks before a page goes to plate.

Each :class:`Finding` is an ``error`` (the plant would stop the page: ``build --print``
refuses to write plates, ``newsprint preflight`` exits 1) or a ``warning``, and names its
page, article and file where it has them.

From a build (:func:`edition_findings`: the draws the renderer drew, and the pictures of the
print twin):

| rule | severity |
|---|---|
| ``resolution``: a photo's effective ppi in its box | error under ``print.min_ppi``, warning under ``print.warn_ppi`` |
| ``overset``: a story's paragraph that no page prints; ``lost``: a character no font has | error |
| ``ink``: a print picture over ``print.max_ink`` (after encoding) | error |
| ``four-colour text``: text under 12 pt in more than one ink | warning |
| ``hairline``: a rule under 0.25 pt | warning |
| ``safety``: text within ``print.safety`` of the trim | warning |

From any PDF (:func:`pdf_findings`; a build's twin goes through it too): ``colour`` (RGB
images or RGB operators left: error; spot colours — Separation, DeviceN: warning), ``fonts``
(not embedded: error), ``ink`` (CMYK images decoded, over ``max_ink``: error),
``resolution`` (each image's pixels over its placed size), ``boxes`` (no TrimBox/BleedBox:
error), ``bleed`` (a picture that touches the trim without running into the bleed: error),
``hairline`` (stroke width under 0.25 pt: warning). Four-colour text and overset need the
build, and are not checked on a bare PDF.
"""
from __future__ import annotations

import io
import json
from dataclasses import asdict, dataclass
from pathlib import Path

import pikepdf
from PIL import Image
from pikepdf import Name

from ..compose.draws import ImageDraw, RuleDraw, TextDraw
from ..errors import Diagnostic
from ..model import Edition
from ..paginate.pages import Pagination
from ..render.cmyk import cmyk_colour, ink_coverage
from ..render.images import effective_ppi
from ..render.placements import placements
from ..stylesheet.types import PrintSettings
from .pdfx import EDGE, colour_problems

HAIRLINE = 0.25
SMALL_TEXT = 12.0
NOT_BODY = frozenset({"headline", "deck", "byline", "caption", "credit", "copyright", "jump"})


@dataclass(frozen=True)
class Finding:
    severity: str          # "error" or "warning"
    rule: str
    message: str
    page: int | None = None
    article: str = ""
    file: str = ""

    def format(self) -> str:
        where = [f"page {self.page}" if self.page else "", self.article, self.file]
        return f"{self.severity.upper():7} {self.rule:16} " + \
            "  ".join(w for w in where if w) + f": {self.message}"


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == "error"]


def summary(findings: list[Finding]) -> str:
    count_e, count_w = len(errors(findings)), len(findings) - len(errors(findings))
    return f"preflight: {count_e} error{'s' * (count_e != 1)}, " \
           f"{count_w} warning{'s' * (count_w != 1)}"


def table(findings: list[Finding]) -> str:
    lines = [summary(findings)]
    lines += ["  " + f.format() for f in sorted(findings, key=_order)]
    return "\n".join(lines)


def _order(finding: Finding):
    return (finding.severity != "error", finding.page or 0, finding.rule, finding.article,
            finding.file, finding.message)


def write_json(findings: list[Finding], path: Path, *, source: str) -> None:
    from .files import write_text_atomically
    data = {"source": source, "errors": len(errors(findings)),
            "warnings": len(findings) - len(errors(findings)),
            "findings": [asdict(f) for f in sorted(findings, key=_order)]}
    write_text_atomically(json.dumps(data, ensure_ascii=False, indent=1) + "\n", path)


# -- from the build ------------------------------------------------------------------------------
def edition_findings(edition: Edition, pagination: Pagination, settings: PrintSettings,
                     diagnostics: tuple[Diagnostic, ...] = (), pictures=()) -> list[Finding]:
    """The checks that need the build: every draw of every page (see the module)."""
    found: list[Finding] = []
    files = {article.id: str(article.file) for article in edition.articles}
    drawn: dict[str, set[int]] = {}
    for page in pagination.pages:
        for draw in page.draws:
            if isinstance(draw, ImageDraw):
                found += _resolution(draw, page.number, settings)
            elif isinstance(draw, RuleDraw):
                if 0 < draw.width < HAIRLINE:
                    found.append(Finding("warning", "hairline", f"rule {draw.width:g} pt wide "
                                         f"(under {HAIRLINE:g} pt may not print)", page.number))
            elif isinstance(draw, TextDraw):
                if draw.origin.article and draw.role not in NOT_BODY:
                    drawn.setdefault(draw.origin.article, set()).add(draw.origin.paragraph)
                found += _text_checks(draw, page, settings, files)
    for article in edition.articles:
        wanted = [i for i, block in enumerate(article.blocks) if block.text.strip()]
        missing = [i for i in wanted if i not in drawn.get(article.id, set())]
        if missing:
            found.append(Finding("error", "overset", f"{len(missing)} of {len(wanted)} "
                                 f"paragraphs are printed on no page (first: "
                                 f"{article.blocks[missing[0]].text[:50]!r})",
                                 article=article.id, file=str(article.file)))
    for diagnostic in diagnostics:
        if diagnostic.kind == "glyph":
            found.append(Finding("error", "lost", diagnostic.message, file=diagnostic.file or ""))
    for placed in pictures:
        picture = placed.picture
        if picture is not None and picture.ink > settings.max_ink + 1e-6:
            found.append(Finding("error", "ink", f"{picture.ink:.0f} % total ink (limit "
                                 f"{settings.max_ink:g} %)", placed.page,
                                 placed.draw.origin.article, str(placed.draw.image.path)))
    return _merged(found)


def _resolution(draw: ImageDraw, page: int, settings: PrintSettings) -> list[Finding]:
    if draw.image.format == "PDF":
        return []
    ppi = effective_ppi(draw.image, draw.width)
    what = "ad" if not draw.origin.article else "photo"
    message = (f"{what} printed at {ppi:.0f} ppi ({draw.image.width}×{draw.image.height} px "
               f"over {draw.width / 72 * 25.4:.0f} mm)")
    if ppi < settings.min_ppi:
        return [Finding("error", "resolution", f"{message}: under {settings.min_ppi:g} ppi",
                        page, draw.origin.article, str(draw.image.path))]
    if ppi < settings.warn_ppi:
        return [Finding("warning", "resolution", f"{message}: under {settings.warn_ppi:g} ppi",
                        page, draw.origin.article, str(draw.image.path))]
    return []


def _text_checks(draw: TextDraw, page, settings: PrintSettings, files) -> list[Finding]:
    found = []
    line = draw.line
    if not line.runs:
        return found
    size = max(size for _face, size, _chunk in line.runs)
    article = draw.origin.article
    inks = sum(1 for v in cmyk_colour(draw.color.space, draw.color.values) if v > 0.001)
    if inks > 1 and size < SMALL_TEXT:
        found.append(Finding("warning", "four-colour text", f"{draw.role} text at {size:g} pt "
                             f"in {inks} inks (registration: keep small text in one ink)",
                             page.number, article, files.get(article, "")))
    safety = settings.safety
    if draw.x < safety or draw.y < safety or draw.y + size > page.height - safety or \
            draw.x + line.width > page.width - safety:
        found.append(Finding("warning", "safety", f"{draw.role} text within {safety:.1f} pt of "
                             f"the trim", page.number, article, files.get(article, "")))
    return found


def _merged(found: list[Finding]) -> list[Finding]:
    """One finding per (severity, rule, page, article, file, message): a paragraph's lines
    near the trim are one finding, not one per line."""
    seen, out = set(), []
    for finding in found:
        key = (finding.severity, finding.rule, finding.page, finding.article, finding.file,
               finding.message)
        if key not in seen:
            seen.add(key)
            out.append(finding)
    return out


# -- from a PDF ----------------------------------------------------------------------------------
def pdf_findings(path: Path, settings: PrintSettings, *, resolution: bool = True,
                 ink: bool = True) -> list[Finding]:
    """The checks a PDF alone allows (see the module). ``resolution`` and ``ink`` off when
    the build has checked them already (with the article and photo file names; the ink of
    each picture as encoded, measured where it was made)."""
    found: list[Finding] = []
    name = path.name
    with pikepdf.open(path) as pdf:
        for problem in sorted(set(colour_problems(pdf))):
            rule = "fonts" if problem.startswith("font") else "colour"
            severity = "warning" if "spot colour" in problem else "error"
            found.append(Finding(severity, rule, problem + " in a print file", file=name))
        for number, page in enumerate(pdf.pages, start=1):
            found += _page_findings(pdf, page, number, settings, name, resolution, ink)
    return _merged(found)


def _page_findings(pdf, page, number, settings, name, resolution, ink) -> list[Finding]:
    found = []
    if "/TrimBox" not in page.obj or "/BleedBox" not in page.obj:
        found.append(Finding("error", "boxes", "no TrimBox and BleedBox: not a print file",
                             number, file=name))
        trim = [float(v) for v in page.obj.MediaBox]
    else:
        trim = [float(v) for v in page.obj.TrimBox]
    instructions = list(pikepdf.parse_content_stream(page))
    xobjects = page.obj.get("/Resources", {}).get("/XObject", {})
    for placed in placements(instructions):
        xobject = xobjects.get(placed.name)
        if xobject is None or xobject.get("/Subtype") != Name.Image:
            continue
        operands = instructions[placed.cm][0] if placed.cm is not None else None
        matrix = (pikepdf.Matrix(*(float(v) for v in operands)) @ placed.before
                  if operands is not None else placed.before)
        corners = [(matrix.a * u + matrix.c * v + matrix.e, matrix.b * u + matrix.d * v + matrix.f)
                   for u, v in ((0, 0), (1, 0), (0, 1), (1, 1))]       # the unit square, placed
        xs, ys = [c[0] for c in corners], [c[1] for c in corners]
        box = (min(xs), min(ys), max(xs), max(ys))
        found += _image_findings(xobject, box, trim, number, settings, name, placed.name,
                                 resolution, ink)
    found += _stroke_findings(instructions, number, name)
    return found


def _image_findings(xobject, box, trim, number, settings, name, key, resolution, ink_check):
    found = []
    label = f"{name} {key}"
    space = xobject.get("/ColorSpace")
    if isinstance(space, pikepdf.Array) and space and space[0] in (Name.Separation,
                                                                   Name.DeviceN):
        found.append(Finding("warning", "colour", "an image in a spot colour", number,
                             file=label))
    if space == Name.DeviceCMYK and ink_check:
        ink = embedded_ink(xobject)
        if ink > settings.max_ink + 1e-6:
            found.append(Finding("error", "ink", f"{ink:.0f} % total ink (limit "
                                 f"{settings.max_ink:g} %)", number, file=label))
    width_in = (box[2] - box[0]) / 72.0
    if resolution and width_in > 0:
        ppi = int(xobject.Width) / width_in
        if ppi < settings.min_ppi and int(xobject.Width) > 1:
            found.append(Finding("error", "resolution", f"image at {ppi:.0f} ppi: under "
                                 f"{settings.min_ppi:g} ppi", number, file=label))
        elif ppi < settings.warn_ppi and int(xobject.Width) > 1:
            found.append(Finding("warning", "resolution", f"image at {ppi:.0f} ppi: under "
                                 f"{settings.warn_ppi:g} ppi", number, file=label))
    touches = [side for side, hit in (("left", abs(box[0] - trim[0]) <= EDGE),
                                      ("right", abs(box[2] - trim[2]) <= EDGE),
                                      ("bottom", abs(box[1] - trim[1]) <= EDGE),
                                      ("top", abs(box[3] - trim[3]) <= EDGE)) if hit]
    if touches:
        found.append(Finding("error", "bleed", f"an image ends at the trim ({', '.join(touches)})"
                             " without running into the bleed", number, file=label))
    return found


def embedded_ink(xobject) -> float:
    """The largest C+M+Y+K of a CMYK image XObject as a viewer decodes it, in per cent."""
    raw = pikepdf.PdfImage(xobject)
    if raw.filters and raw.filters[-1] == "/DCTDecode":
        with Image.open(io.BytesIO(xobject.read_raw_bytes())) as image:
            return ink_coverage(image.convert("CMYK"))     # Pillow undoes Adobe inversion
    image = raw.as_pil_image()
    decode = [float(v) for v in xobject.get("/Decode", [])]
    if decode[:2] == [1.0, 0.0]:
        from PIL import ImageChops
        image = ImageChops.invert(image)
    return ink_coverage(image.convert("CMYK"))


def _stroke_findings(instructions, number, name) -> list[Finding]:
    found = []
    width = 1.0
    for operands, operator in instructions:
        op = str(operator)
        if op == "w" and operands:
            width = float(operands[0])
        elif op in ("S", "s", "B", "b", "B*", "b*") and 0 < width < HAIRLINE:
            found.append(Finding("warning", "hairline", f"a stroke {width:g} pt wide (under "
                                 f"{HAIRLINE:g} pt may not print)", number, file=name))
            break
    return found
