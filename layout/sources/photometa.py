"""Stage 1 helper: a photo file in → the caption, credit, creator, copyright and regions the
photo desk embedded in it (IPTC IIM and XMP), read with pyexiv2 (JPEG, PNG, TIFF, WebP).

Field map (XMP first, as IPTC and the MWG advise when both are present; IIM second):

=============  ==================================  ===========================
field          XMP                                 IPTC IIM
=============  ==================================  ===========================
caption        ``dc:description``                  2:120 Caption/Abstract
credit         ``photoshop:Credit``                2:110 Credit
creator        ``dc:creator``                      2:80 By-line
copyright      ``dc:rights``                       2:116 Copyright Notice
headline       ``photoshop:Headline``              2:105 Headline
=============  ==================================  ===========================

Each value comes with the name of the field it was read from, for the report. Camera
defaults left in the caption ("SONY DSC", "OLYMPUS DIGITAL CAMERA") are not captions.

IPTC Image Regions (Photo Metadata 2019.1, ``Iptc4xmpExt:ImageRegion``): rectangles (and
circles, as their bounding box) in pixels or relative units, with their roles. A region whose
role is a crop (``cropping``, ``recomCropping``, ``landscapeCropping``, ``portraitCropping``,
``squareCropping``) becomes a crop; one whose role is ``mainSubject`` or ``areaOfInterest``
(or ``focal…``) gives the focal point. Coordinates are taken as of the image as displayed
(EXIF orientation applied) and returned relative (0–1), clamped to the picture.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..model import Region

CROP_ROLES = ("cropping", "recomcropping", "landscapecropping", "portraitcropping",
              "squarecropping")
FOCAL_ROLES = ("mainsubject", "areaofinterest", "subjectarea", "focal", "focalpoint")
CAMERA_DEFAULTS = {"sony dsc", "olympus digital camera", "digital camera", "dcim",
                   "default", "scanned image", "minolta digital camera", "kodak digital still "
                   "camera", "camera", "image", "picture"}

_REGION = re.compile(r"^Xmp\.iptcExt\.ImageRegion\[(\d+)\]/(.+)$")


@dataclass(frozen=True)
class Embedded:
    """One value read from the photo and the name of the field it came from."""

    value: str
    source: str


@dataclass(frozen=True)
class PhotoMeta:
    """What a photo says about itself; ``None`` where it says nothing."""

    caption: Embedded | None = None
    credit: Embedded | None = None
    creator: Embedded | None = None
    copyright: Embedded | None = None
    headline: Embedded | None = None
    regions: tuple[Region, ...] = ()
    notes: tuple[str, ...] = field(default=())      # what was read but not used, and why


def read_photo_meta(path: Path, width: int, height: int) -> PhotoMeta:
    """The embedded fields of the photo at ``path`` (``width`` × ``height`` as displayed, to
    turn pixel regions into relative ones). A file pyexiv2 cannot read gives an empty
    :class:`PhotoMeta` with a note: the photo itself was already checked by the caller."""
    try:
        stat = path.stat()
    except OSError:
        return PhotoMeta()
    return _read(path, stat.st_size, stat.st_mtime_ns, width, height)


@lru_cache(maxsize=256)
def _read(path: Path, size: int, mtime_ns: int, width: int, height: int) -> PhotoMeta:
    try:
        import pyexiv2
    except ImportError:       # pragma: no cover - a dependency
        return PhotoMeta(notes=("pyexiv2 is not installed; embedded captions are not read",))
    pyexiv2.set_log_level(4)      # exiv2's warnings about odd (but readable) blocks: silent
    notes: list[str] = []
    try:
        with open(path, "rb") as handle:
            data = handle.read()
        with pyexiv2.ImageData(data) as image:
            xmp = _safe(image.read_xmp, notes, "XMP")
            iptc = _iptc(image, notes)
    except Exception as error:  # noqa: BLE001 - metadata must never stop a good photo
        return PhotoMeta(notes=(f"its embedded metadata cannot be read ({error})",))

    def pick(xmp_key: str, xmp_name: str, iptc_key: str, iptc_name: str) -> Embedded | None:
        value = _text(xmp.get(xmp_key))
        if value:
            return Embedded(value, f"XMP {xmp_name}")
        value = _text(iptc.get(iptc_key))
        if value:
            return Embedded(value, f"IPTC {iptc_name}")
        return None

    caption = pick("Xmp.dc.description", "dc:description", "Iptc.Application2.Caption",
                   "Caption/Abstract")
    if caption is not None and caption.value.strip().casefold() in CAMERA_DEFAULTS:
        notes.append(f'the caption "{caption.value}" ({caption.source}) is a camera default; '
                     "not used")
        caption = None
    return PhotoMeta(
        caption=caption,
        credit=pick("Xmp.photoshop.Credit", "photoshop:Credit", "Iptc.Application2.Credit",
                    "Credit Line"),
        creator=pick("Xmp.dc.creator", "dc:creator", "Iptc.Application2.Byline", "By-line"),
        copyright=pick("Xmp.dc.rights", "dc:rights", "Iptc.Application2.Copyright",
                       "Copyright Notice"),
        headline=pick("Xmp.photoshop.Headline", "photoshop:Headline",
                      "Iptc.Application2.Headline", "Headline"),
        regions=_regions(xmp, width, height, notes),
        notes=tuple(notes),
    )


def _safe(read, notes: list[str], what: str) -> dict:
    try:
        return read() or {}
    except Exception as error:  # noqa: BLE001
        notes.append(f"its {what} cannot be read ({error})")
        return {}


def _iptc(image, notes: list[str]) -> dict:
    """IIM datasets: UTF-8 when the file says so (1:90) or when it decodes, else Latin-1."""
    try:
        return image.read_iptc(encoding="utf-8") or {}
    except UnicodeDecodeError:
        try:
            return image.read_iptc(encoding="latin-1") or {}
        except Exception as error:  # noqa: BLE001
            notes.append(f"its IPTC IIM cannot be read ({error})")
            return {}
    except Exception as error:  # noqa: BLE001
        notes.append(f"its IPTC IIM cannot be read ({error})")
        return {}


def _text(value) -> str:
    """An XMP/IIM value as one line: lang-alt → x-default (else the first), lists joined."""
    if value is None:
        return ""
    if isinstance(value, dict):
        value = value.get('lang="x-default"') or next(iter(value.values()), "")
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(item).strip() for item in value if str(item).strip())
    return " ".join(str(value).split())


def _regions(xmp: dict, width: int, height: int, notes: list[str]) -> tuple[Region, ...]:
    fields: dict[int, dict[str, object]] = {}
    for key, value in xmp.items():
        match = _REGION.match(key)
        if match:
            fields.setdefault(int(match.group(1)), {})[match.group(2)] = value
    regions = []
    for number in sorted(fields):
        item = fields[number]

        def get(name: str) -> str:
            return _text(item.get(f"Iptc4xmpExt:RegionBoundary/Iptc4xmpExt:{name}")).lower()

        roles = " ".join(_text(value) for key, value in item.items()
                         if key.startswith("Iptc4xmpExt:rRole") and
                         ("Identifier" in key or "Name" in key)).lower()
        roles = [role for role in CROP_ROLES + FOCAL_ROLES
                 if re.search(rf"(^|[/#: ,]){role}($|[ ,])", roles)]
        if not roles:
            continue
        shape, unit = get("rbShape") or "rectangle", get("rbUnit") or "relative"
        try:
            if shape == "circle":
                cx, cy, r = float(get("rbX")), float(get("rbY")), float(get("rbRx"))
                box = (cx - r, cy - r, 2 * r, 2 * r)
            elif shape == "rectangle":
                box = (float(get("rbX")), float(get("rbY")), float(get("rbW")),
                       float(get("rbH")))
            else:
                notes.append(f"image region {number} is a {shape}; only rectangles and "
                             "circles are used")
                continue
        except ValueError:
            notes.append(f"image region {number} has no usable boundary; not used")
            continue
        if unit == "pixel":
            box = (box[0] / width, box[1] / height, box[2] / width, box[3] / height)
        x, y = max(0.0, min(1.0, box[0])), max(0.0, min(1.0, box[1]))
        w, h = min(1.0 - x, box[2]), min(1.0 - y, box[3])
        if w <= 0.001 or h <= 0.001:
            notes.append(f"image region {number} is empty inside the picture; not used")
            continue
        kind = "crop" if any(role in CROP_ROLES for role in roles) else "focus"
        regions.append(Region(kind=kind, role=roles[0], x=round(x, 6), y=round(y, 6),
                              width=round(w, 6), height=round(h, 6)))
    return tuple(regions)
