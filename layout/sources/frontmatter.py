"""Stage 1 helper: an article's lines in → front-matter fields (``ArticleMeta``) + body out.

Front matter is a YAML block between a first line ``---`` and the next line ``---`` (or ``...``).
It is how a ``.md`` article gives its headline and how a ``.txt`` article may override guesses.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import LayoutError
from .fields import Fields
from ..yamlsource import format_key_path, load_yaml

ARTICLE_KEYS = ("headline", "deck", "byline", "email", "section", "priority", "lang", "images",
                "copyright", "page", "slot", "columns", "filler")
SLOTS = ("top", "bottom", "left", "right")
IMAGE_KEYS = ("file", "caption", "credit", "copyright")


@dataclass(frozen=True)
class ImageRef:
    """A photo an article refers to: the path as written and where it was written.

    ``caption``, ``credit`` and ``copyright`` are what the article says ("" = not given: the
    photo's own IPTC/XMP fields fill it, see :mod:`.photometa`); ``origin`` names where the
    article's values came from, for the report ("front matter", "NITF media", …).
    """

    file: str
    caption: str = ""
    credit: str = ""
    copyright: str = ""
    line: int | None = None
    key: str = "images"
    origin: str = "front matter"


@dataclass(frozen=True)
class ArticleMeta:
    """Front-matter fields; ``None`` means "not given" (so a .txt importer may guess it)."""

    headline: str | None = None
    deck: tuple[str, ...] | None = None
    byline: str | None = None
    email: str | None = None
    section: str | None = None
    priority: int | None = None
    lang: str | None = None
    copyright: str | None = None
    images: tuple[ImageRef, ...] = field(default=())
    page: int | None = None       # editor's pin: the page the story goes on
    slot: str = ""                # and where on it: top, bottom, left, right
    columns: int | None = None    # and how wide its module is
    filler: bool = False          # a brief that fills what the other stories leave
    given: bool = False   # True when the file had a front-matter block at all
    broken: bool = False  # True when that block could not be read (the error is reported)


@dataclass(frozen=True)
class SplitArticle:
    """An article's lines cut into front matter and body; line numbers are 1-based in the file."""

    meta: ArticleMeta
    body: list[str]
    body_first_line: int


def split_front_matter(lines: list[str], file: str, errors: list[LayoutError]) -> SplitArticle:
    """Cut off and parse a leading ``---`` block. Problems go to ``errors``; never raises."""
    if not lines or lines[0].strip() != "---":
        return SplitArticle(ArticleMeta(), lines, 1)
    end = next((index for index in range(1, len(lines))
                if lines[index].rstrip() in ("---", "...")), None)
    if end is None:
        errors.append(LayoutError(
            "front matter opened here with --- is never closed", file=file, line=1,
            hint="end the front matter with a line holding only ---"))
        return SplitArticle(ArticleMeta(given=True, broken=True), lines[1:], 2)
    try:
        doc = load_yaml("\n".join(lines[1:end]), file, line_offset=1)
    except LayoutError as error:
        errors.append(error)
        return SplitArticle(ArticleMeta(given=True, broken=True), lines[end + 1:], end + 2)
    return SplitArticle(read_meta(doc, errors), lines[end + 1:], end + 2)


def read_meta(doc, errors: list[LayoutError]) -> ArticleMeta:
    """The front-matter fields of a loaded YAML document (front matter or a wire sidecar)."""
    fields = Fields(doc, ARTICLE_KEYS, errors, what="front matter")
    if not fields.valid:
        return ArticleMeta(given=True, broken=True)
    fields.check_keys()
    headline = fields.text("headline")
    if "headline" in fields.mapping and (headline is None or not headline.strip()) \
            and not any(e.key == "headline" for e in errors):
        errors.append(doc.error("must not be empty", ("headline",)))
        headline = None
    email = fields.text("email")
    if email is not None and "@" not in email:
        errors.append(doc.error(f'expected an e-mail address, got "{email}"', ("email",)))
    return ArticleMeta(
        headline=headline,
        deck=fields.texts("deck") if fields.has("deck") else None,
        byline=fields.text("byline"),
        email=email,
        section=fields.text("section"),
        priority=fields.integer("priority", minimum=1),
        lang=fields.lang("lang"),
        copyright=fields.text("copyright"),
        images=_read_images(fields, errors),
        page=fields.integer("page", minimum=1),
        slot=_slot(fields, doc, errors),
        columns=fields.integer("columns", minimum=1),
        filler=fields.boolean("filler"),
        given=True,
    )


def _slot(fields: Fields, doc, errors: list[LayoutError]) -> str:
    slot = (fields.text("slot") or "").strip().lower()
    if slot and slot not in SLOTS:
        errors.append(doc.error(f'expected one of {", ".join(SLOTS)}, got "{slot}"', ("slot",)))
        return ""
    if slot and "page" not in fields.mapping:
        errors.append(doc.error("a slot needs a page: to go with it", ("slot",)))
        return ""
    return slot


def _read_images(fields: Fields, errors: list[LayoutError]) -> tuple[ImageRef, ...]:
    refs = []
    for index in fields.items("images"):
        item_path = ("images", index)
        written = fields.mapping["images"][index]
        if isinstance(written, str) and written.strip():     # images: [photo.jpg]
            refs.append(ImageRef(file=written.strip(), line=fields.line("images"),
                                 key=format_key_path(item_path)))
            continue
        item = Fields(fields.doc, IMAGE_KEYS, errors, path=item_path, what="an images entry")
        item.check_keys()
        if not isinstance(fields.mapping["images"][index], dict):
            continue   # Fields has reported it
        file = item.text("file", required=True)
        if file is None:
            continue
        refs.append(ImageRef(file=file, caption=item.text("caption") or "",
                             credit=item.text("credit") or "",
                             copyright=item.text("copyright") or "", line=item.line("file"),
                             key=format_key_path(item_path + ("file",))))
    return tuple(refs)
