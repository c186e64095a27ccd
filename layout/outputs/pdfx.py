"""Stage 6 (outputs): edition.pdf → its PDF/X-4 print twin, in CMYK within the ink limit.

Like the PDF/A copy (:mod:`.pdfa`), the twin *is* edition.pdf post-processed with pikepdf —
the same content streams, so every glyph stands exactly where the screen PDF has it — with:

- every picture replaced by its print version (:func:`layout.render.images.print_picture`):
  CMYK through ICC from the source file's own profile (sRGB where it has none), ink limited
  to ``print.max_ink``, alpha as a soft mask, CMYK JPEGs that need nothing passed through.
  The renderer draws each ImageDraw as one ``Do`` in draw order (:mod:`layout.render.placements`),
  so each picture is matched to its draw — and a picture whose box touches the trim is
  placed in the box grown by ``page.bleed`` on those sides (cropped to the new shape);
- rules and backgrounds on the trim moved out to the bleed (:func:`print_instructions`);
- flat colours of text and rules as CMYK: black and grey are K only (text never four-colour),
  RGB by :func:`layout.render.cmyk.cmyk_colour`;
- TrimBox = the page, BleedBox = MediaBox = the trim grown by the bleed;
- a ``/GTS_PDFX`` OutputIntent with the CMYK output profile embedded, Info
  ``GTS_PDFXVersion (PDF/X-4)``, ``Trapped /False``, dates from the edition date, XMP with
  ``pdfxid:GTS_PDFXVersion``, ``xmpMM:DocumentID``/``InstanceID`` (UUIDs derived from the
  content, so the same edition gives the same bytes), PDF 1.6.

:func:`conformance_problems` checks the PDF/X-4 clauses it can on any file (the build runs
it before the twin is renamed into place; the plates are checked with it too).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import uuid
import warnings
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
from PIL import ImageCms
from pikepdf import Dictionary, Name, Operator

from ..compose.draws import ImageDraw
from ..paginate.pages import Pagination
from ..render.cmyk import cmyk_colour
from ..render.images import PrintPicture, print_picture, wants_region_crop
from ..render.placements import box_matrix, cm_operands, placements
from ..render.vectorads import is_vector_ad
from ..stylesheet.physical import BUNDLED_CMYK_PROFILE
from ..stylesheet.types import StyleSheet

PDFX_VERSION = "PDF/X-4"
EDGE = 0.5          # points: a box this close to the trim touches it
COLOUR_OPERATORS = {"rg": "k", "RG": "K", "g": "k", "G": "K"}


@dataclass(frozen=True)
class PlacedPicture:
    """One picture of the twin: the draw, its print version and the box it fills."""

    page: int
    draw: ImageDraw
    picture: PrintPicture | None      # None for a vector ad (a form, kept as drawn)
    box: tuple[float, float, float, float]     # x, y, width, height (grown into the bleed)
    bleeds: tuple[str, ...]           # the sides grown: left, right, bottom, top


@dataclass
class TwinReport:
    """What was made: every picture placed (for the preflight and the build report)."""

    pictures: list[PlacedPicture] = field(default_factory=list)


def profile_path(sheet: StyleSheet) -> Path:
    return sheet.printing.profile or BUNDLED_CMYK_PROFILE


def output_condition(sheet: StyleSheet) -> str:
    if sheet.printing.output_condition:
        return sheet.printing.output_condition
    return ImageCms.getProfileDescription(ImageCms.getOpenProfile(str(profile_path(sheet)))
                                          ).strip()


def make_twin(source: Path, target: Path, pagination: Pagination, sheet: StyleSheet, *,
              title: str, author: str, subject: str, date: dt.date,
              creator_tool: str) -> TwinReport:
    """Write the PDF/X-4 twin of ``source`` (the edition PDF of ``pagination``) to ``target``
    (not atomically: the caller writes into a staging folder)."""
    report = TwinReport()
    bleed = sheet.page.bleed
    with pikepdf.open(source) as pdf:
        for page, laid in zip(pdf.pages, pagination.pages):
            _print_page(pdf, page, laid, sheet, report)
            set_boxes(page, laid.width, laid.height, bleed, media_margin=bleed)
        pdf.remove_unreferenced_resources()
        digest = hashlib.sha256(source.read_bytes() + profile_path(sheet).read_bytes()
                                + repr(sheet.printing).encode()).hexdigest()
        make_pdfx(pdf, sheet, title=title, author=author, subject=subject, date=date,
                  creator_tool=creator_tool, seed=digest)
        pdf.save(target, force_version="1.6", deterministic_id=True, compress_streams=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.preserve)
    return report


def set_boxes(page: pikepdf.Page, width: float, height: float, bleed: float, *,
              media_margin: float) -> None:
    """TrimBox = the page; BleedBox = trim + ``bleed``; MediaBox = trim + ``media_margin``."""
    page.obj.TrimBox = pikepdf.Array([0, 0, width, height])
    page.obj.BleedBox = pikepdf.Array([-bleed, -bleed, width + bleed, height + bleed])
    page.obj.MediaBox = pikepdf.Array([-media_margin, -media_margin, width + media_margin,
                                       height + media_margin])
    if "/CropBox" in page.obj:
        del page.obj["/CropBox"]


def _print_page(pdf: pikepdf.Pdf, page: pikepdf.Page, laid, sheet: StyleSheet,
                report: TwinReport) -> None:
    instructions = list(pikepdf.parse_content_stream(page))
    draws = [d for d in laid.draws if isinstance(d, ImageDraw)]
    found = placements(instructions)
    if len(found) != len(draws):
        raise ValueError(f"page {laid.number}: {len(found)} pictures drawn for "
                         f"{len(draws)} image draws")
    settings = sheet.printing
    for number, (placed, draw) in enumerate(zip(found, draws)):
        if is_vector_ad(draw):                   # a vector ad: its form stays
            report.pictures.append(PlacedPicture(laid.number, draw, None,
                                                 (draw.x, draw.y, draw.width, draw.height), ()))
            continue
        box, sides = bleed_box(draw, laid.width, laid.height, sheet.page.bleed)
        fit = "letterbox" if draw.letterbox else (
            "cover" if draw.cover or sides or wants_region_crop(draw.image, draw.focal)
            else "whole")
        picture = print_picture(draw.image, box[2], box[3], profile=profile_path(sheet),
                                max_ink=settings.max_ink, fit=fit, focal=draw.focal)
        name = Name(f"/Px{number}")
        page.obj.Resources.XObject[name] = image_stream(pdf, picture)
        if placed.cm is None:
            raise ValueError(f"page {laid.number}: picture {number} has no cm before it")
        wanted = box_matrix(*box)
        instructions[placed.cm] = (cm_operands(wanted @ placed.before.inverse()),
                                   Operator("cm"))
        instructions[placed.do] = ([name], Operator("Do"))
        report.pictures.append(PlacedPicture(laid.number, draw, picture, box, sides))
    instructions = print_instructions(instructions, laid.width, laid.height, sheet.page.bleed)
    page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(instructions))


def bleed_box(draw: ImageDraw, width: float, height: float, bleed: float
              ) -> tuple[tuple[float, float, float, float], tuple[str, ...]]:
    """The draw's box grown by ``bleed`` on each side that touches the trim (within
    :data:`EDGE`), and those sides."""
    x0, y0, x1, y1 = draw.x, draw.y, draw.x + draw.width, draw.y + draw.height
    sides = []
    if x0 <= EDGE:
        x0, sides = -bleed, sides + ["left"]
    if x1 >= width - EDGE:
        x1, sides = width + bleed, sides + ["right"]
    if y0 <= EDGE:
        y0, sides = -bleed, sides + ["bottom"]
    if y1 >= height - EDGE:
        y1, sides = height + bleed, sides + ["top"]
    return (x0, y0, x1 - x0, y1 - y0), tuple(sides)


def print_instructions(instructions: list, width: float, height: float, bleed: float) -> list:
    """The page's own content for print, in one pass: flat colours to CMYK
    (:func:`_cmyk_instruction`), and rules and backgrounds that touch the trim run into the
    bleed — every path point drawn in trim coordinates (no ``cm`` in force) that lies on a
    trim edge moves out by ``bleed``. Pictures are grown by their boxes; text never moves."""
    out = []
    depth = 0                       # cm operators in force (the first, identity, excepted)
    stack: list[int] = []
    for operands, operator in instructions:
        op = str(operator)
        if op in COLOUR_OPERATORS or op in ("k", "K"):
            out.append(_cmyk_instruction(op, operands, operator))
            continue
        if op == "q":
            stack.append(depth)
        elif op == "Q":
            depth = stack.pop() if stack else 0
        elif op == "cm" and [float(v) for v in operands] != [1, 0, 0, 1, 0, 0]:
            depth += 1
        elif op in ("m", "l") and depth == 0 and len(operands) == 2:
            x, y = (float(v) for v in operands)
            operands = [round(_out(x, width, bleed), 4), round(_out(y, height, bleed), 4)]
        elif op == "re" and depth == 0 and len(operands) == 4:
            x, y, w, h = (float(v) for v in operands)
            x0, y0 = _out(x, width, bleed, high=False), _out(y, height, bleed, high=False)
            x1, y1 = _out(x + w, width, bleed, low=False), _out(y + h, height, bleed, low=False)
            operands = [round(x0, 4), round(y0, 4), round(x1 - x0, 4), round(y1 - y0, 4)]
        out.append((operands, operator))
    return out


def _out(value: float, edge: float, bleed: float, low: bool = True, high: bool = True) -> float:
    """A coordinate on the trim (0 or ``edge``, within 0.01 pt) moved out by ``bleed``."""
    if low and abs(value) <= 0.01:
        return -bleed
    if high and abs(value - edge) <= 0.01:
        return edge + bleed
    return value


def image_stream(pdf: pikepdf.Pdf, picture: PrintPicture) -> pikepdf.Stream:
    """The image XObject of a print picture (with its soft mask)."""
    stream = pikepdf.Stream(pdf, picture.data)
    stream.Type, stream.Subtype = Name.XObject, Name.Image
    stream.Width, stream.Height = picture.width, picture.height
    stream.ColorSpace, stream.BitsPerComponent = Name.DeviceCMYK, 8
    stream.Filter = Name(f"/{picture.filter}")
    if picture.inverted:
        stream.Decode = pikepdf.Array([1, 0, 1, 0, 1, 0, 1, 0])
    if picture.alpha is not None:
        mask = pikepdf.Stream(pdf, picture.alpha)
        mask.Type, mask.Subtype = Name.XObject, Name.Image
        mask.Width, mask.Height = picture.width, picture.height
        mask.ColorSpace, mask.BitsPerComponent = Name.DeviceGray, 8
        mask.write(zlib.compress(picture.alpha, 6), filter=Name.FlateDecode)
        stream.SMask = mask
    return stream


def _cmyk_instruction(name: str, operands, operator):
    """One colour operator for print: ``rg``/``g`` (and strokes) → ``k`` (K only for
    neutrals), a rich black ``k`` → 100 K."""
    if name in COLOUR_OPERATORS:
        values = tuple(float(v) for v in operands)
        space = "gray" if len(values) == 1 else "rgb"
        return (list(cmyk_colour(space, values)), Operator(COLOUR_OPERATORS[name]))
    if name in ("k", "K") and len(operands) == 4:
        values = tuple(float(v) for v in operands)
        c, m, y, k = values
        if k >= 0.999 and c + m + y > 0:          # rich black → 100 K (text never 4-colour)
            return ([0, 0, 0, 1], operator)
    return (operands, operator)


# -- the PDF/X keys ----------------------------------------------------------------------------
def _pdf_date(date: dt.date) -> str:
    return f"D:{date:%Y%m%d}000000+00'00'"


def make_pdfx(pdf: pikepdf.Pdf, sheet: StyleSheet, *, title: str, author: str, subject: str,
              date: dt.date, creator_tool: str, seed: str) -> None:
    """Output intent, Info and XMP of a PDF/X-4 file; ``seed`` makes the document IDs."""
    profile = pdf.make_stream(profile_path(sheet).read_bytes())
    profile.N = 4
    condition = output_condition(sheet)
    intent = pdf.make_indirect(Dictionary(
        Type=Name.OutputIntent, S=Name.GTS_PDFX, OutputConditionIdentifier=condition,
        OutputCondition=condition, RegistryName="http://www.color.org", Info=condition,
        DestOutputProfile=profile))
    pdf.Root.OutputIntents = pikepdf.Array([intent])
    info = pdf.docinfo
    for key in list(info.keys()):
        if key not in ("/Title", "/Author", "/Subject", "/Keywords", "/Creator", "/Producer"):
            del info[key]
    info.Title, info.Author, info.Subject = title, author, subject
    info.Creator = creator_tool
    info.CreationDate = info.ModDate = _pdf_date(date)
    info.GTS_PDFXVersion = PDFX_VERSION
    info.Trapped = Name("/False")
    document = uuid.uuid5(uuid.NAMESPACE_URL, "newsprint:document:" + seed)
    instance = uuid.uuid5(uuid.NAMESPACE_URL, "newsprint:instance:" + seed)
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        with warnings.catch_warnings():       # GTS_PDFXVersion, Trapped: set below
            warnings.simplefilter("ignore", UserWarning)
            meta.load_from_docinfo(info, delete_missing=True)
        meta["pdfxid:GTS_PDFXVersion"] = PDFX_VERSION
        meta["xmpMM:DocumentID"] = f"uuid:{document}"
        meta["xmpMM:InstanceID"] = f"uuid:{instance}"
        meta["xmpMM:VersionID"] = "1"
        meta["xmpMM:RenditionClass"] = "default"
        meta["pdf:Trapped"] = "False"


# -- checks ------------------------------------------------------------------------------------
def conformance_problems(path: Path, *, content: bool = True) -> list[str]:
    """The PDF/X-4 clauses ``path`` fails, as far as they are checked here (empty: none):
    PDF 1.6 or later, not encrypted, trailer /ID; one /GTS_PDFX OutputIntent with an embedded
    CMYK output profile; Info GTS_PDFXVersion and Trapped (True or False); XMP with
    pdfxid:GTS_PDFXVersion, xmpMM:DocumentID and InstanceID, agreeing title; every page with
    a TrimBox inside its BleedBox inside its MediaBox; every font embedded; no RGB image
    (DeviceRGB or ICC-based RGB) and no RGB colour operator in any content stream.

    ``content`` off leaves out the last two (fonts and colours): they can come from the input
    — an ad's unembedded font, an RGB picture inside a PDF ad — and the preflight reports
    those as errors naming the page instead."""
    problems: list[str] = []
    with pikepdf.open(path) as pdf:
        if pdf.pdf_version < "1.6":
            problems.append(f"PDF {pdf.pdf_version}: PDF/X-4 wants 1.6 or later")
        if pdf.is_encrypted:
            problems.append("encrypted")
        if "/ID" not in pdf.trailer:
            problems.append("no /ID in the trailer")
        intents = [i for i in pdf.Root.get("/OutputIntents", []) if i.get("/S") == Name.GTS_PDFX]
        if len(intents) != 1:
            problems.append("not exactly one /GTS_PDFX OutputIntent")
        else:
            profile = intents[0].get("/DestOutputProfile")
            data = profile.read_bytes() if profile is not None else b""
            if data[36:40] != b"acsp" or data[16:20] != b"CMYK":
                problems.append("the OutputIntent has no embedded CMYK ICC profile")
            if "/OutputConditionIdentifier" not in intents[0]:
                problems.append("the OutputIntent has no OutputConditionIdentifier")
        info = pdf.docinfo
        if str(info.get("/GTS_PDFXVersion", "")) != PDFX_VERSION:
            problems.append("Info has no GTS_PDFXVersion (PDF/X-4)")
        if info.get("/Trapped") not in (Name("/True"), Name("/False")):
            problems.append("Info /Trapped is not True or False")
        for key in ("/Title", "/CreationDate", "/ModDate"):
            if key not in info:
                problems.append(f"Info has no {key}")
        if "/Metadata" not in pdf.Root:
            problems.append("no XMP metadata")
        else:
            meta = pdf.open_metadata()
            for prop in ("pdfxid:GTS_PDFXVersion", "xmpMM:DocumentID", "xmpMM:InstanceID"):
                if prop not in meta:
                    problems.append(f"XMP has no {prop}")
            if "/Title" in info and str(meta.get("dc:title", "")) != str(info.Title):
                problems.append("XMP dc:title disagrees with Info /Title")
        for number, page in enumerate(pdf.pages, start=1):
            problems += _box_problems(number, page)
        if content:
            problems += sorted(set(colour_problems(pdf)))
    return problems


def _box_problems(number: int, page: pikepdf.Page) -> list[str]:
    boxes = {key: [float(v) for v in page.obj[key]] for key in ("/MediaBox", "/TrimBox",
                                                               "/BleedBox") if key in page.obj}
    if "/TrimBox" not in boxes or "/BleedBox" not in boxes:
        return [f"page {number} has no TrimBox and BleedBox"]

    def inside(inner, outer):
        return (inner[0] >= outer[0] - 1e-3 and inner[1] >= outer[1] - 1e-3
                and inner[2] <= outer[2] + 1e-3 and inner[3] <= outer[3] + 1e-3)
    problems = []
    if not inside(boxes["/TrimBox"], boxes["/BleedBox"]):
        problems.append(f"page {number}: TrimBox not inside BleedBox")
    if not inside(boxes["/BleedBox"], boxes["/MediaBox"]):
        problems.append(f"page {number}: BleedBox not inside MediaBox")
    return problems


def colour_problems(pdf: pikepdf.Pdf) -> list[str]:
    """RGB images, fonts not embedded and RGB colour operators, anywhere in ``pdf``."""
    problems = []
    for obj in pdf.objects:
        if not isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            continue
        if obj.get("/Subtype") == Name.Image and not obj.get("/ImageMask", False):
            space = obj.get("/ColorSpace")
            if rgb_space(space):
                problems.append("an RGB image (" + str(space if isinstance(space, Name)
                                                       else "ICCBased RGB") + ")")
    for font in _fonts(pdf):
        if font.get("/Subtype") == Name.Type3:
            continue
        parts = font.get("/DescendantFonts", [font]) if font.get("/Subtype") == Name.Type0 \
            else [font]
        for part in parts:
            descriptor = part.get("/FontDescriptor")
            if descriptor is None or not any(key in descriptor for key in
                                             ("/FontFile", "/FontFile2", "/FontFile3")):
                problems.append(f"font {font.get('/BaseFont')} not embedded")
    for number, page in enumerate(pdf.pages, start=1):
        for space in page.obj.get("/Resources", {}).get("/ColorSpace", {}).values():
            if isinstance(space, pikepdf.Array) and space and space[0] in (Name.Separation,
                                                                           Name.DeviceN):
                problems.append(f"page {number}: a spot colour ({space[1]})")
            elif rgb_space(space):
                problems.append(f"page {number}: an RGB colour space")
        for operands, operator in pikepdf.parse_content_stream(page):
            if str(operator) in ("rg", "RG"):
                problems.append(f"page {number}: RGB colour in the content stream")
                break
    return problems


def _fonts(pdf: pikepdf.Pdf) -> list:
    """Every font of every page's resources and of the form XObjects they draw (direct
    objects too, which ``pdf.objects`` does not list)."""
    fonts, seen = [], set()

    def walk(resources) -> None:
        for font in resources.get("/Font", {}).values():
            fonts.append(font)
        for xobject in resources.get("/XObject", {}).values():
            if xobject.get("/Subtype") == Name.Form and xobject.objgen not in seen:
                seen.add(xobject.objgen)
                walk(xobject.get("/Resources", {}))
    for page in pdf.pages:
        walk(page.obj.get("/Resources", {}))
    return fonts


def rgb_space(space) -> bool:
    """Whether an image colour space is RGB (DeviceRGB, CalRGB or ICCBased with N 3)."""
    if space is None:
        return False
    if isinstance(space, Name):
        return space in (Name.DeviceRGB, Name("/CalRGB"))
    if isinstance(space, pikepdf.Array) and len(space) >= 2:
        if space[0] == Name.ICCBased:
            return int(space[1].get("/N", 0)) == 3
        if space[0] == Name("/CalRGB"):
            return True
        if space[0] == Name.Indexed:
            return rgb_space(space[1])
    return False
