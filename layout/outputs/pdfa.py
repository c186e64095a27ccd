"""Stage 6 (outputs): edition.pdf → its PDF/A-2u archive copy.

The copy *is* the edition PDF — the same content streams, so every glyph sits where the
renderer drew it and where the ALTO files say — made conformant with pikepdf:

- PDF 1.7 header with the binary comment, a trailer ``/ID`` (derived from the content, so the
  same edition gives the same bytes), ``endstream`` after an end-of-line (qpdf writes both);
- no encryption, JavaScript, actions or annotations (none are made; ``check`` says so);
- an sRGB OutputIntent ``/GTS_PDFA1`` with the ICC profile embedded (``icc/sRGB.icc``);
- device colours made legal under it: CMYK fills and strokes of the content streams become
  RGB (``k``/``K`` → ``rg``/``RG``), CMYK photos are converted to sRGB through their own ICC
  profile when they carry one (naively otherwise) and re-encoded as JPEG; grey stays grey;
- XMP metadata with ``pdfaid:part=2``, ``pdfaid:conformance=U``, title, author, subject,
  dates and creator tool, written from the Info dictionary so the two agree.

Fonts need nothing: the renderer embeds every face as a subset with a ToUnicode map and makes
an embedded face the page's initial font. :func:`conformance_problems` checks all of this on any
PDF (the tests run it, and so does ``write_pdfa`` before it renames the file into place).
"""
from __future__ import annotations

import datetime as dt
import io
import os
import re
import tempfile
from pathlib import Path

import pikepdf
from PIL import ImageCms
from pikepdf import Dictionary, Name, Operator

SRGB_PROFILE = Path(__file__).with_name("icc") / "sRGB.icc"
JPEG_QUALITY = 90
FORBIDDEN_KEYS = ("/JavaScript", "/AA", "/OpenAction", "/AcroForm")


def write_pdfa(source: Path, target: Path, *, title: str, author: str, subject: str,
               date: dt.date, creator_tool: str, lang: str) -> None:
    """Write the PDF/A-2u copy of ``source`` to ``target`` atomically.

    Raises :class:`ValueError` listing the clauses it failed (a bug: nothing is written)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".newsprint-", suffix=".pdf", dir=target.parent)
    os.close(handle)
    try:
        with pikepdf.open(source) as pdf:
            _device_rgb(pdf)
            _output_intent(pdf)
            _metadata(pdf, title=title, author=author, subject=subject, date=date,
                      creator_tool=creator_tool, lang=lang)
            pdf.save(temporary, force_version="1.7", deterministic_id=True,
                     compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.preserve)
        problems = conformance_problems(Path(temporary))
        if problems:
            raise ValueError("PDF/A-2u copy fails: " + "; ".join(problems))
        os.replace(temporary, target)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


# -- colour ------------------------------------------------------------------------------------
def _rgb(c: float, m: float, y: float, k: float) -> list[float]:
    return [round((1 - c) * (1 - k), 4), round((1 - m) * (1 - k), 4), round((1 - y) * (1 - k), 4)]


def _device_rgb(pdf: pikepdf.Pdf) -> None:
    for page in pdf.pages:
        _rewrite_cmyk_operators(pdf, page)
    for form in _forms(pdf):            # a PDF ad grafted as a form XObject draws its own
        _rewrite_cmyk_operators(pdf, form)
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == Name.Image and \
                obj.get("/ColorSpace") == Name.DeviceCMYK:
            _cmyk_image_to_srgb(obj)


def _forms(pdf: pikepdf.Pdf) -> list[pikepdf.Stream]:
    return [obj for obj in pdf.objects if isinstance(obj, pikepdf.Stream)
            and obj.get("/Subtype") == Name.Form]


def _rewrite_cmyk_operators(pdf: pikepdf.Pdf, page) -> None:
    """``k``/``K`` → ``rg``/``RG`` in a page's content, or in a form XObject's own stream."""
    instructions = pikepdf.parse_content_stream(page)
    changed = False
    rewritten = []
    for operands, operator in instructions:
        name = str(operator)
        if name in ("k", "K") and len(operands) == 4:
            rewritten.append((_rgb(*(float(v) for v in operands)),
                              Operator("rg" if name == "k" else "RG")))
            changed = True
        else:
            rewritten.append((operands, operator))
    if changed and isinstance(page, pikepdf.Stream):
        page.write(pikepdf.unparse_content_stream(rewritten))
    elif changed:
        page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(rewritten))


def _cmyk_image_to_srgb(image: pikepdf.Stream) -> None:
    """A CMYK photo → sRGB JPEG, in place (through its embedded profile where it has one)."""
    pil = pikepdf.PdfImage(image).as_pil_image()
    profile = pil.info.get("icc_profile")
    if profile:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        rgb = ImageCms.profileToProfile(pil, source, ImageCms.ImageCmsProfile(str(SRGB_PROFILE)),
                                        outputMode="RGB")
    else:
        rgb = pil.convert("RGB")
    out = io.BytesIO()
    rgb.save(out, "JPEG", quality=JPEG_QUALITY, optimize=False, progressive=False)
    image.write(out.getvalue(), filter=Name.DCTDecode)
    image.ColorSpace = Name.DeviceRGB
    image.BitsPerComponent = 8
    image.Width, image.Height = rgb.width, rgb.height
    if "/Decode" in image:
        del image["/Decode"]


def _output_intent(pdf: pikepdf.Pdf) -> None:
    profile = pdf.make_stream(SRGB_PROFILE.read_bytes())
    profile.N = 3
    intent = pdf.make_indirect(Dictionary(
        Type=Name.OutputIntent, S=Name.GTS_PDFA1, OutputConditionIdentifier="sRGB IEC61966-2.1",
        RegistryName="http://www.color.org", Info="sRGB IEC61966-2.1",
        DestOutputProfile=profile))
    pdf.Root.OutputIntents = pikepdf.Array([intent])


# -- metadata ----------------------------------------------------------------------------------
def _pdf_date(date: dt.date) -> str:
    return f"D:{date:%Y%m%d}000000+00'00'"


def _metadata(pdf: pikepdf.Pdf, *, title: str, author: str, subject: str, date: dt.date,
              creator_tool: str, lang: str) -> None:
    info = pdf.docinfo
    for key in list(info.keys()):
        if key not in ("/Title", "/Author", "/Subject", "/Keywords", "/Creator", "/Producer"):
            del info[key]
    info.Title = title
    info.Author = author
    info.Subject = subject
    info.Creator = creator_tool
    info.CreationDate = _pdf_date(date)
    info.ModDate = _pdf_date(date)
    pdf.Root.Lang = lang
    pdf.Root.MarkInfo = Dictionary(Marked=False)
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta.load_from_docinfo(info, delete_missing=True)
        meta["pdfaid:part"] = "2"
        meta["pdfaid:conformance"] = "U"


# -- checks ------------------------------------------------------------------------------------
def conformance_problems(path: Path) -> list[str]:
    """The PDF/A-2u clauses ``path`` fails, as far as they are checked here (empty: none).

    Checked: header and binary comment, trailer /ID, no encryption, no JavaScript or actions,
    XMP with pdfaid part 2 / conformance U agreeing with the Info dictionary (title, author,
    creator tool, producer, dates), one /GTS_PDFA1 OutputIntent with an embedded RGB ICC
    profile, no DeviceCMYK where that intent is RGB, every font embedded with a ToUnicode map,
    ``endstream`` after an end-of-line, no unfiltered-metadata violations."""
    problems: list[str] = []
    raw = path.read_bytes()
    if not re.match(rb"%PDF-1\.7\r?\n%[\x80-\xff]{4}", raw):
        problems.append("6.1.2 header is not %PDF-1.7 followed by a binary comment")
    if re.search(rb"[^\r\n]endstream", raw):
        problems.append("6.1.7 endstream not preceded by an end-of-line")
    with pikepdf.open(path) as pdf:
        if pdf.is_encrypted:
            problems.append("6.1.3 encrypted")
        if "/ID" not in pdf.trailer:
            problems.append("6.1.3 no /ID in the trailer")
        for key in FORBIDDEN_KEYS:
            if key in pdf.Root or (key == "/JavaScript" and "/Names" in pdf.Root
                                   and key in pdf.Root.Names):
                problems.append(f"6.1/6.5 catalog has {key}")
        problems += _check_metadata(pdf)
        problems += _check_intent(pdf)
        problems += _check_resources(pdf)
    return problems


def _check_metadata(pdf: pikepdf.Pdf) -> list[str]:
    problems = []
    if "/Metadata" not in pdf.Root:
        return ["6.6.2 no XMP metadata stream"]
    if "/Filter" in pdf.Root.Metadata:
        problems.append("6.6.2 metadata stream is filtered")
    meta = pdf.open_metadata()
    if meta.get("pdfaid:part") != "2" or meta.get("pdfaid:conformance") != "U":
        problems.append("6.6.4 XMP lacks pdfaid:part=2 / pdfaid:conformance=U")
    info = pdf.docinfo
    pairs = (("/Title", "dc:title"), ("/Creator", "xmp:CreatorTool"),
             ("/Producer", "pdf:Producer"), ("/Subject", "dc:description"))
    for key, prop in pairs:
        if key in info and str(info[key]) != str(meta.get(prop, "")):
            problems.append(f"6.6.3 Info {key} disagrees with XMP {prop}")
    if "/Author" in info and str(info.Author) not in str(meta.get("dc:creator", "")):
        problems.append("6.6.3 Info /Author disagrees with XMP dc:creator")
    for key, prop in (("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate")):
        if key in info and prop not in meta:
            problems.append(f"6.6.3 Info {key} has no XMP {prop}")
    for key in ("/Title", "/CreationDate"):
        if key not in info:
            problems.append(f"archive: Info has no {key}")
    if "xmp:CreatorTool" not in meta:
        problems.append("archive: XMP has no xmp:CreatorTool")
    return problems


def _check_intent(pdf: pikepdf.Pdf) -> list[str]:
    intents = pdf.Root.get("/OutputIntents", [])
    pdfa = [i for i in intents if i.get("/S") == Name.GTS_PDFA1]
    if len(pdfa) != 1:
        return ["6.2.3 not exactly one /GTS_PDFA1 OutputIntent"]
    profile = pdfa[0].get("/DestOutputProfile")
    if profile is None:
        return ["6.2.3 OutputIntent has no embedded ICC profile"]
    data = profile.read_bytes()
    if data[36:40] != b"acsp" or data[16:20] != b"RGB ":
        return ["6.2.3 OutputIntent profile is not an RGB ICC profile"]
    if data[8] > 4 or (data[8] == 4 and data[9] > 0x20):
        return ["6.2.3 ICC profile newer than 4.2"]
    return []


def _check_resources(pdf: pikepdf.Pdf) -> list[str]:
    problems = set()
    for obj in pdf.objects:
        if not isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            continue
        kind = obj.get("/Type")
        if kind == Name.Font and obj.get("/Subtype") in (Name.TrueType, Name.Type1,
                                                         Name.Type0, Name.CIDFontType2):
            if obj.get("/Subtype") != Name.Type0:
                descriptor = obj.get("/FontDescriptor")
                if descriptor is None or not any(k in descriptor for k in
                                                 ("/FontFile", "/FontFile2", "/FontFile3")):
                    problems.add(f"6.2.11.4 font {obj.get('/BaseFont')} not embedded")
            if obj.get("/Subtype") != Name.CIDFontType2 and "/ToUnicode" not in obj:
                problems.add(f"6.2.11.7 font {obj.get('/BaseFont')} has no ToUnicode map")
        if obj.get("/Subtype") == Name.Image and obj.get("/ColorSpace") == Name.DeviceCMYK:
            problems.add("6.2.4.3 DeviceCMYK image under an RGB output intent")
        if "/S" in obj and obj.get("/S") in (Name.JavaScript, Name.Launch, Name.SubmitForm,
                                             Name.ImportData, Name.ResetForm):
            problems.add(f"6.5.1 forbidden action {obj.get('/S')}")
    for form in _forms(pdf):
        for operands, operator in pikepdf.parse_content_stream(form):
            if str(operator) in ("k", "K"):
                problems.add("6.2.4.3 DeviceCMYK colour in a form XObject under an RGB intent")
                break
    for number, page in enumerate(pdf.pages, start=1):
        if "/AA" in page.obj:
            problems.add(f"6.5.2 page {number} has additional actions")
        for operands, operator in pikepdf.parse_content_stream(page):
            if str(operator) in ("k", "K"):
                problems.add(f"6.2.4.3 DeviceCMYK colour on page {number} under an RGB intent")
                break
    return sorted(problems)
