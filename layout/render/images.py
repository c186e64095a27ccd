"""Stage 5 (render): photo files → what the PDF embeds.

JPEGs are embedded byte for byte (no re-encoding) and turned by the page transform when their
EXIF orientation says so. A photo with more pixels than the print needs (over ``MAX_PPI`` at its
placed size) is downsampled with Pillow to ``TARGET_PPI`` and re-encoded once; PNGs and other
formats go through ReportLab's own lossless path (alpha kept as a soft mask, also when a
photo is cropped). A PDF ad is placed as a vector form by :mod:`.vectorads`; here it is a
blank placeholder picture that the form replaces.

For print (:func:`print_picture`): every photo as CMYK pixels for its box, converted through
ICC and held within the ink limit (:mod:`.cmyk`), alpha as a soft mask, CMYK JPEGs that need
nothing done passed through byte for byte. JPEGs are decoded at the DCT scale the print needs
(``Image.draft``) and only photos that carry an EXIF turn are transposed.
"""
from __future__ import annotations

import io
import math
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageOps
from reportlab.lib.utils import ImageReader

from ..model import ImageInfo

MAX_PPI = 450.0
TARGET_PPI = 300.0
JPEG_QUALITY = 88
#: Print JPEGs: (quality, per cent of ink held back under the limit) tried in turn until the
#: decoded pixels stay within it (the encoder's error is largest where ink is at the limit).
PRINT_JPEG_STEPS = ((92, 12.0), (95, 12.0), (95, 20.0))
# EXIF orientations that a rotation of the page transform displays correctly.
ROTATIONS = {1: 0, 3: 180, 6: 270, 8: 90}


def effective_ppi(image: ImageInfo, width_pt: float) -> float:
    """Pixels per inch across ``width_pt`` (of the photo desk's crop, if it gave one)."""
    return image.shown_width / (width_pt / 72.0) if width_pt > 0 else 0.0


def source_for(image: ImageInfo, width_pt: float, height_pt: float):
    """What to hand to ``Canvas.drawImage`` and the rotation (degrees, counter-clockwise) to
    apply: a file path (JPEG pass-through, or PNG), or an ImageReader of resampled pixels."""
    if image.format == "PDF":
        return ImageReader(io.BytesIO(_pdf_page(str(image.path)))), 0
    too_big = effective_ppi(image, width_pt) > MAX_PPI
    if image.format == "JPEG" and image.orientation in ROTATIONS and not too_big \
            and image.mode in ("RGB", "L", "CMYK"):
        return str(image.path), ROTATIONS[image.orientation]
    if not too_big and image.orientation == 1 and image.format == "PNG":
        return str(image.path), 0
    target_w = max(1, round(min(image.width, width_pt / 72.0 * TARGET_PPI)))
    target_h = max(1, round(image.height * target_w / image.width))
    return ImageReader(io.BytesIO(_resampled(str(image.path), target_w, target_h))), 0


def letterboxed_source(image: ImageInfo, width_pt: float, height_pt: float):
    """An ImageReader of a picture that fills a ``width_pt`` × ``height_pt`` box: the image
    at its own shape, top-centred, on paper white (at most :data:`TARGET_PPI`)."""
    if image.format == "PDF":
        from .vectorads import can_graft
        if can_graft(str(image.path)):      # a vector ad: grafted over this by .vectorads
            return ImageReader(io.BytesIO(_placeholder()))
    return ImageReader(io.BytesIO(_letterboxed(str(image.path), image.format,
                                               round(width_pt, 2), round(height_pt, 2))))


def wants_region_crop(image: ImageInfo, focal: bool) -> bool:
    """Whether the photo must be cut by its embedded regions rather than placed whole: it
    has a crop region, or a focal region and the style allows focal crops."""
    return any(region.kind == "crop" or (focal and region.kind == "focus")
               for region in image.regions)


def covered_source(image: ImageInfo, width_pt: float, height_pt: float, focal: bool = False):
    """An ImageReader of a picture cropped to the shape of a ``width_pt`` × ``height_pt`` box
    (at most :data:`TARGET_PPI`): evenly about its centre, or as its embedded regions say
    (see :func:`crop_window`)."""
    regions = tuple((r.kind, r.role, r.x, r.y, r.width, r.height) for r in image.regions
                    if r.kind == "crop" or (focal and r.kind == "focus"))
    return ImageReader(io.BytesIO(_covered(str(image.path), round(width_pt, 2),
                                           round(height_pt, 2), regions)))


def crop_window(width: int, height: int, box_aspect: float,
                regions: tuple = ()) -> tuple[int, int, int, int]:
    """The part of a ``width`` × ``height`` picture shown in a box of ``box_aspect``
    (height / width), as (left, top, right, bottom) pixels.

    * A crop region (the one whose shape is nearest the box's, ``regions`` as (kind, role,
      x, y, w, h) relative): the smallest window of the box's shape that holds it, centred on
      it — or, when that is bigger than the picture, the biggest window that fits, centred on
      the region as far as the picture allows.
    * Else a focal region: the biggest window of the box's shape, centred on the region as
      far as the picture allows.
    * Else the biggest window, centred (as before regions were read).
    """
    crops = [r for r in regions if r[0] == "crop"]
    focus = [r for r in regions if r[0] == "focus"]
    biggest_w = min(width, height / box_aspect)
    if crops:
        def misfit(region):
            aspect = (region[5] * height) / max(region[4] * width, 1e-9)
            return abs(math.log(aspect / box_aspect))
        _, _, x, y, w, h = min(crops, key=misfit)
        rx, ry, rw, rh = x * width, y * height, w * width, h * height
        window_w = max(rw, rh / box_aspect)
        window_w = min(window_w, biggest_w)
        cx, cy = rx + rw / 2, ry + rh / 2
    elif focus:
        _, _, x, y, w, h = focus[0]
        window_w = biggest_w
        cx, cy = (x + w / 2) * width, (y + h / 2) * height
    else:
        if height / width < box_aspect:        # too wide: crop the sides
            keep = max(1, round(height / box_aspect))
            left = (width - keep) // 2
            return left, 0, left + keep, height
        keep = max(1, round(width * box_aspect))
        top = (height - keep) // 2
        return 0, top, width, top + keep
    window_h = window_w * box_aspect
    left = min(max(cx - window_w / 2, 0.0), width - window_w)
    top = min(max(cy - window_h / 2, 0.0), height - window_h)
    box = (round(left), round(top), round(left + window_w), round(top + window_h))
    return (max(0, box[0]), max(0, box[1]), min(width, max(box[0] + 1, box[2])),
            min(height, max(box[1] + 1, box[3])))


@lru_cache(maxsize=16)
def _covered(path: str, width_pt: float, height_pt: float, regions: tuple = ()) -> bytes:
    wanted = round(max(width_pt, height_pt) / 72.0 * TARGET_PPI)
    with Image.open(path) as opened:
        longest = max(opened.size)
    # Decode no bigger than needed (JPEG DCT scaling by 1, 2, 4 or 8), shared between the
    # sizes one photo is tried at.
    reduce = 1
    while reduce < 8 and longest // (reduce * 2) >= wanted:
        reduce *= 2
    im = _decoded(path, reduce)
    box_aspect = height_pt / width_pt
    im = im.crop(crop_window(im.width, im.height, box_aspect, regions))
    pixels = min(im.width, max(1, round(width_pt / 72.0 * TARGET_PPI)))
    im = im.resize((pixels, max(1, round(pixels * box_aspect))), Image.Resampling.BICUBIC,
                   reducing_gap=3.0)
    out = io.BytesIO()
    if im.mode == "RGBA":        # transparency kept: ReportLab makes the alpha a soft mask
        im.save(out, "PNG", optimize=False)
    else:
        im.save(out, "JPEG", quality=JPEG_QUALITY, optimize=False, progressive=False)
    return out.getvalue()


@lru_cache(maxsize=4)
def _decoded(path: str, reduce: int):
    """The picture as RGB (RGBA when it has transparency), orientation applied, decoded at
    1/``reduce`` of its size where the format allows (JPEG). Cached: callers must not change
    it (crop and resize make copies)."""
    with Image.open(path) as opened:
        opened.seek(0)
        if opened.format == "JPEG" and reduce > 1:
            opened.draft("RGB", (opened.size[0] // reduce, opened.size[1] // reduce))
        alpha = opened.mode in ("RGBA", "LA", "PA") or "transparency" in opened.info
        return _upright(opened).convert("RGBA" if alpha else "RGB")


def _upright(im: Image.Image) -> Image.Image:
    """``im`` turned as its EXIF orientation says; a photo stored upright (nearly all) is not
    copied — ``ImageOps.exif_transpose`` costs a full copy of the pixels even then."""
    orientation = im.getexif().get(0x0112, 1)
    if orientation in (None, 1):
        return im
    return ImageOps.exif_transpose(im)


@lru_cache(maxsize=1)
def _placeholder() -> bytes:
    """A 1-pixel white PNG: the picture a vector ad's form replaces."""
    out = io.BytesIO()
    Image.new("L", (1, 1), 255).save(out, "PNG")
    return out.getvalue()


@lru_cache(maxsize=16)
def _letterboxed(path: str, format_: str, width_pt: float, height_pt: float) -> bytes:
    if format_ == "PDF":
        with Image.open(io.BytesIO(_pdf_page(path))) as opened:
            im = opened.convert("RGB")
    else:
        with Image.open(path) as opened:
            opened.seek(0)
            if opened.format == "JPEG":
                wanted = round(max(width_pt, height_pt) / 72.0 * TARGET_PPI)
                opened.draft("RGB", (wanted, wanted))
            im = ImageOps.exif_transpose(opened).convert("RGB")
    scale = min(width_pt / im.width, height_pt / im.height)        # points per pixel
    ppi = min(TARGET_PPI, 72.0 / scale)
    box = (max(1, round(width_pt / 72.0 * ppi)), max(1, round(height_pt / 72.0 * ppi)))
    shown = (max(1, min(box[0], round(im.width * scale / 72.0 * ppi))),
             max(1, min(box[1], round(im.height * scale / 72.0 * ppi))))
    canvas = Image.new("RGB", box, (255, 255, 255))
    canvas.paste(im.resize(shown, Image.Resampling.BICUBIC, reducing_gap=3.0),
                 ((box[0] - shown[0]) // 2, 0))
    out = io.BytesIO()
    canvas.save(out, "JPEG", quality=JPEG_QUALITY, optimize=False, progressive=False)
    return out.getvalue()


@lru_cache(maxsize=16)
def _pdf_page(path: str) -> bytes:
    """The first page of a PDF (an ad) as a 300 ppi PNG. (ReportLab cannot place PDF pages;
    vector ads would need pikepdf to graft the page as a form XObject — a later step.)"""
    import pypdfium2 as pdfium
    document = pdfium.PdfDocument(path)
    try:
        bitmap = document[0].render(scale=TARGET_PPI / 72.0)
        out = io.BytesIO()
        bitmap.to_pil().convert("RGB").save(out, "PNG", optimize=False)
        return out.getvalue()
    finally:
        document.close()


@lru_cache(maxsize=64)
def _resampled(path: str, width: int, height: int) -> bytes:
    """Orientation applied, resized, re-encoded: JPEG for opaque photos, PNG when alpha."""
    with Image.open(path) as im:
        im.seek(0)
        turned = im.getexif().get(0x0112, 1) in (5, 6, 7, 8)
        if im.format == "JPEG":
            # DCT scaling to the smallest 1/2, 1/4 or 1/8 that still has the pixels wanted.
            im.draft(im.mode, (height, width) if turned else (width, height))
        im = _upright(im)
        has_alpha = im.mode in ("RGBA", "LA", "PA") or "transparency" in im.info
        if im.mode not in ("RGB", "L", "CMYK"):
            im = im.convert("RGBA" if has_alpha else "RGB")
        if im.mode == "I;16" or im.mode == "I":
            im = im.convert("L")
        im = im.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
        out = io.BytesIO()
        if has_alpha:
            im.save(out, "PNG", optimize=False)
        else:
            im.save(out, "JPEG", quality=JPEG_QUALITY, optimize=False, progressive=False)
        return out.getvalue()


# -- print (the PDF/X twin and the plates) -----------------------------------------------------
@dataclass(frozen=True)
class PrintPicture:
    """A photo as a print file embeds it: CMYK pixels of exactly the box they fill.

    ``data`` is the image stream (``filter`` ``DCTDecode``: JPEG bytes, Adobe-inverted when
    ``inverted`` — the PDF then needs ``/Decode [1 0 1 0 1 0 1 0]`` —; or ``FlateDecode``
    of raw CMYK); ``alpha`` the 8-bit soft mask (raw, same size) of a picture with
    transparency; ``kept`` says the source JPEG's own bytes are passed through; ``ink`` is the
    largest C+M+Y+K of any pixel as embedded (decoded again after encoding), in per cent;
    ``source_profile`` names what the colours were converted from."""

    data: bytes
    filter: str
    width: int
    height: int
    inverted: bool
    alpha: bytes | None
    kept: bool
    ink: float
    source_profile: str


def print_picture(image: ImageInfo, width_pt: float, height_pt: float, *, profile: Path,
                  max_ink: float, fit: str = "whole", focal: bool = False) -> PrintPicture:
    """The CMYK picture for a box of ``width_pt`` × ``height_pt``: ``fit`` is ``whole`` (the
    photo's own shape fills the box, as the screen PDF places it), ``cover`` (cropped to the
    box's shape, by its regions as :func:`crop_window` says: a deeper box, a region crop, a
    box grown into the bleed) or ``letterbox`` (an ad: its shape kept, top-centred on paper
    white). At most :data:`TARGET_PPI` where the source has more than :data:`MAX_PPI`.
    Every pixel covers at most ``max_ink`` per cent (see :mod:`.cmyk`)."""
    regions = tuple((r.kind, r.role, r.x, r.y, r.width, r.height) for r in image.regions
                    if r.kind == "crop" or (focal and r.kind == "focus"))
    return _print_picture(str(image.path), image.format, image.orientation,
                          round(width_pt, 2), round(height_pt, 2), str(profile),
                          float(max_ink), fit, regions if fit == "cover" else ())


@lru_cache(maxsize=32)
def _print_picture(path: str, format_: str, orientation: int, width_pt: float,
                   height_pt: float, profile: str, max_ink: float, fit: str,
                   regions: tuple) -> PrintPicture:
    from .cmyk import to_cmyk            # numpy and LittleCMS: only when printing
    wanted = max(1, round(width_pt / 72.0 * TARGET_PPI))
    source = io.BytesIO(_pdf_page(path)) if format_ == "PDF" else path   # a rasterised ad
    with Image.open(source) as opened:
        opened.seek(0)
        icc = opened.info.get("icc_profile")
        size = opened.size
        too_big = size[0] / (width_pt / 72.0) > MAX_PPI if orientation in (1, 2, 3, 4) \
            else size[1] / (width_pt / 72.0) > MAX_PPI
        if format_ == "JPEG" and opened.mode == "CMYK" and fit == "whole" and not too_big \
                and orientation == 1 and not icc:
            kept = _kept_cmyk(path, max_ink)
            if kept is not None:
                return kept
        if opened.format == "JPEG" and not regions:
            # Decode no bigger than the print needs (DCT scaling by 1/2, 1/4, 1/8); not when
            # a region crop may keep a small part of the picture, which needs all its pixels.
            longest = max(wanted, round(height_pt / 72.0 * TARGET_PPI))
            if fit == "whole" and not too_big:
                longest = max(size)
            opened.draft(opened.mode, (longest, longest))
        alpha_source = opened.mode in ("RGBA", "LA", "PA") or "transparency" in opened.info
        im = _upright(opened)
        im.load()
    alpha = None
    if alpha_source:
        im = im.convert("RGBA")
        alpha = im.getchannel("A")
        im = im.convert("RGB")
    source = "embedded ICC profile" if icc else ("none (already CMYK)" if im.mode == "CMYK"
                                                 else "sRGB (assumed)")
    shape = height_pt / width_pt
    if fit == "cover":
        window = crop_window(im.width, im.height, shape, regions)
        im = im.crop(window)
        alpha = alpha.crop(window) if alpha is not None else None
        pixels = min(im.width, wanted)
        target = (pixels, max(1, round(pixels * shape)))
    elif fit == "letterbox":
        target = None
    else:
        target = (min(im.width, wanted), max(1, round(im.height * min(im.width, wanted)
                                                         / im.width))) if too_big else None
    if target is not None and target != im.size:
        im = im.resize(target, Image.Resampling.LANCZOS, reducing_gap=3.0)
        alpha = alpha.resize(target, Image.Resampling.LANCZOS) if alpha is not None else None
    cmyk = to_cmyk(im, Path(profile), icc)
    if fit == "letterbox":
        cmyk = _letterbox_cmyk(cmyk, width_pt, height_pt)
        alpha = None
    return _encoded(cmyk, alpha, max_ink, source)


def _kept_cmyk(path: str, max_ink: float) -> PrintPicture | None:
    """The CMYK JPEG's own bytes, when every pixel is within the ink limit already."""
    from .cmyk import ink_coverage
    data = Path(path).read_bytes()
    with Image.open(io.BytesIO(data)) as im:
        ink = ink_coverage(im.convert("CMYK"))
        width, height = im.size
        inverted = "adobe" in im.info
    if ink > max_ink:
        return None
    return PrintPicture(data, "DCTDecode", width, height, inverted, None, True, ink,
                        "none (CMYK passed through)")


def _letterbox_cmyk(cmyk: Image.Image, width_pt: float, height_pt: float) -> Image.Image:
    """The picture at its own shape, top-centred in the box, on paper white (no ink)."""
    scale = min(width_pt / cmyk.width, height_pt / cmyk.height)        # points per pixel
    ppi = min(TARGET_PPI, 72.0 / scale)
    box = (max(1, round(width_pt / 72.0 * ppi)), max(1, round(height_pt / 72.0 * ppi)))
    shown = (max(1, min(box[0], round(cmyk.width * scale / 72.0 * ppi))),
             max(1, min(box[1], round(cmyk.height * scale / 72.0 * ppi))))
    canvas = Image.new("CMYK", box, (0, 0, 0, 0))
    canvas.paste(cmyk.resize(shown, Image.Resampling.BICUBIC, reducing_gap=3.0),
                 ((box[0] - shown[0]) // 2, 0))
    return canvas


def _encoded(cmyk: Image.Image, alpha: Image.Image | None, max_ink: float,
             source: str) -> PrintPicture:
    """JPEG within the ink limit as decoded again (a little ink is held back for the
    encoder's error, more on a retry); lossless when JPEG cannot stay under it."""
    from .cmyk import ink_coverage, limit_ink
    mask = alpha.tobytes() if alpha is not None else None
    for quality, margin in PRINT_JPEG_STEPS:
        limited = limit_ink(cmyk, max_ink - margin)
        out = io.BytesIO()
        limited.save(out, "JPEG", quality=quality, optimize=False, progressive=False)
        data = out.getvalue()
        with Image.open(io.BytesIO(data)) as again:
            ink = ink_coverage(again.convert("CMYK"))
        if ink <= max_ink:
            return PrintPicture(data, "DCTDecode", limited.width, limited.height, True, mask,
                                False, ink, source)
    limited = limit_ink(cmyk, max_ink)
    return PrintPicture(zlib.compress(limited.tobytes(), 6), "FlateDecode", limited.width,
                        limited.height, False, mask, False, ink_coverage(limited), source)
