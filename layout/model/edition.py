"""The edition model: what the importers produce and every later stage reads.

All text is plain Unicode exactly as written by the author (``<``, ``>`` and ``&`` are ordinary
characters, never markup). Paths are absolute. Nothing here reads files.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from ..errors import Diagnostic


@dataclass(frozen=True)
class Span:
    """A run of text with one emphasis."""

    text: str
    bold: bool = False
    italic: bool = False


class BlockKind(Enum):
    """The kinds of body block an article may hold."""

    PARAGRAPH = "paragraph"
    SUBHEAD = "subhead"
    QUOTE = "quote"          # a block quote: set indented, italic
    LIST_ITEM = "list_item"  # ``label`` holds its bullet or number


@dataclass(frozen=True)
class Block:
    """One body block: a paragraph, subhead, block-quote paragraph or list item."""

    kind: BlockKind
    spans: tuple[Span, ...]
    label: str = ""

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)


@dataclass(frozen=True)
class Region:
    """An IPTC Image Region of a photo, relative to the picture as displayed (0–1, origin top
    left): ``kind`` "crop" (the photo desk's crop; ``role`` says which: cropping,
    recomcropping, landscapecropping, …) or "focus" (the main subject, for a focal crop)."""

    kind: str
    role: str
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class ImageInfo:
    """What was learnt about a photo file when it was checked at import.

    ``width``/``height`` are the pixel size *as displayed*, i.e. after the EXIF orientation is
    applied; ``orientation`` is the EXIF value (1 = as stored).
    """

    path: Path
    format: str          # "JPEG", "PNG", ...
    mode: str            # Pillow mode: "RGB", "L", "CMYK", "RGBA", "P", ...
    width: int
    height: int
    orientation: int = 1
    dpi: float | None = None
    regions: tuple[Region, ...] = ()     # embedded crop and focus regions

    @property
    def crop(self) -> Region | None:
        """The photo desk's own crop (role cropping or recomCropping), if it gave one."""
        for region in self.regions:
            if region.kind == "crop" and region.role in ("cropping", "recomcropping"):
                return region
        return None

    @property
    def shown_width(self) -> float:
        """Pixels across what is printed: the photo desk's crop's, else the whole width."""
        crop = self.crop
        return self.width * crop.width if crop is not None else float(self.width)

    @property
    def aspect(self) -> float:
        """Height divided by width, as displayed (of the photo desk's crop, if there is one)."""
        crop = self.crop
        if crop is not None:
            return (crop.height * self.height) / (crop.width * self.width)
        return self.height / self.width


@dataclass(frozen=True)
class Figure:
    """A photo with its caption, credit and copyright line (each from the article or, where
    the article gives none, from the photo's own IPTC/XMP fields)."""

    image: ImageInfo
    source: str          # the path as the article wrote it (for messages)
    caption: str = ""
    credit: str = ""
    copyright: str = ""


@dataclass(frozen=True)
class Ad:
    """An advertisement booked for a page (or the first page of a section): placed before the
    stories, ``columns`` wide and ``height`` points high, at ``position`` (bottom-right, …)."""

    image: ImageInfo          # a photo, or a PDF whose first page is placed (format "PDF")
    source: str               # the path as edition.yaml wrote it
    columns: int
    height: float
    position: str = "bottom-right"
    page: int | None = None
    section: str = ""
    line: int | None = None   # where edition.yaml books it, for messages
    key: str = ""


@dataclass(frozen=True)
class Article:
    """One story. ``id`` is the file name without its extension and is unique in an edition.

    ``byline`` is printed as it is (a web copy's byline line keeps its e-mail address and
    brackets as written); ``email`` is the address alone, printed under the byline unless the
    byline already shows it.
    """

    id: str
    file: Path
    headline: str
    blocks: tuple[Block, ...]
    deck: tuple[str, ...] = ()
    byline: str = ""
    email: str = ""
    section: str = ""
    priority: int | None = None
    lang: str = "en"
    figures: tuple[Figure, ...] = ()
    copyright: str = ""
    page: int | None = None      # editor's pin: the page the story goes on
    slot: str = ""               # where on that page: top, bottom, left, right ("" = anywhere)
    columns: int | None = None   # module width in columns (None = the paginator chooses)
    filler: bool = False         # a brief placed wherever a page has room left, out of order

    @property
    def word_count(self) -> int:
        return sum(len(block.text.split()) for block in self.blocks)


@dataclass(frozen=True)
class Production:
    """What ``edition.yaml`` says for print production: ``print``/``previews`` turn on those
    outputs for every build; ``code``, ``edition``, ``zone`` and ``version`` are tokens of the
    plates' file names (``print.plate_name``)."""

    plates: bool = False
    previews: bool = False
    code: str = ""           # the publication's short code (default: the title's initials)
    edition: str = ""        # e.g. "1", "late", "city"
    zone: str = ""           # a regional zone or edition part
    version: int = 1         # replate number


@dataclass(frozen=True)
class Edition:
    """A day's edition: furniture data plus its articles in running order."""

    root: Path
    title: str
    date: _dt.date
    articles: tuple[Article, ...]
    issue: int | None = None
    style: str | None = None
    lang: str = "en"
    copyright: str = ""
    diagnostics: tuple[Diagnostic, ...] = field(default=())
    sections: tuple[str, ...] = ()     # section order from edition.yaml (empty: none given)
    ads: tuple[Ad, ...] = ()
    plan: tuple[tuple[int, tuple[str, ...]], ...] = ()   # page → its stories' ids (plan order)
    production: Production = Production()
    lock: tuple[int, ...] = ()         # pages to keep from the previous build (``lock:``)
    lock_line: int | None = None       # where edition.yaml says so, for messages
