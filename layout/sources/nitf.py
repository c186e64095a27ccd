"""Stage 1 helper: an NITF 3.x ``<nitf>`` element in → a filled :class:`~.wire.WireStory` out.

Field map (each one reported in the build report when missing or when it cannot be used):

=====================================  =========================================================
headline                               ``body.head/hedline/hl1`` (else ``head/title``, reported)
deck                                   ``hedline/hl2`` lines (else ``abstract``)
byline                                 ``body.head/byline`` (its ``byttl`` after a comma)
dateline                               ``body.head/dateline``, set in bold before the first
                                       paragraph
body                                   ``body.content`` (``p``, ``hl2`` subheads, ``bq`` block
                                       quotes with their ``credit``, ``ul``/``ol``/``dl`` lists,
                                       ``block`` containers, tables row by row) and
                                       ``body.end`` (``tagline``, ``bibliography``)
photos                                 ``media[@media-type=image]``: ``media-reference/@source``,
                                       ``media-caption`` → caption, ``media-producer`` → credit
copyright                              ``docdata/doc.copyright`` (``© year holder``), else the
                                       first ``copyrite``
language                               ``xml:lang`` of ``nitf``, ``body`` or the first paragraph
priority                               ``docdata/urgency/@ed-urg`` (1 = most urgent)
section                                ``pubdata/@position.section``, else the first
                                       ``tobject.subject/@tobject.subject.type``, else the first
                                       ``key-list/keyword/@key``
=====================================  =========================================================
"""
from __future__ import annotations

from ..model import Block, BlockKind, Span
from .text import Cleaner
from .wire import BodyReader, WireStory, child, children, find, lang_of, text_of
from .xmlsafe import Element, local


def read_nitf(nitf: Element, story: WireStory, cleaner: Cleaner, photo) -> None:
    """Fill ``story`` from ``nitf``. ``photo(source, caption, credit, line)`` turns a media
    reference into an ImageRef (or None, having reported why). Fields already set in
    ``story`` (by a NewsML-G2 wrapper) are kept; the NITF values fill the gaps."""
    head = child(nitf, "head")
    body = child(nitf, "body")
    body_head = child(body, "body.head")
    hedline = child(body_head, "hedline")
    story.line = story.line or nitf.line

    hl1 = child(hedline, "hl1")
    if story.headline is None and text_of(hl1):
        story.headline, story.headline_line = text_of(hl1), hl1.line
    title = find(head, "title")
    if story.headline is None and text_of(title):
        story.headline, story.headline_line = text_of(title), title.line
        story.note("no hedline/hl1; the headline is head/title", title.line)
    if not story.deck:
        story.deck = [text_of(hl2) for hl2 in children(hedline, "hl2") if text_of(hl2)]
    abstract = child(body_head, "abstract")
    if text_of(abstract):
        if story.deck:
            story.note(f'the abstract is not printed (the deck is hedline/hl2): '
                       f'"{_short(text_of(abstract))}"', abstract.line)
        else:
            story.deck = [text_of(p) for p in abstract if text_of(p)] or [text_of(abstract)]
    if story.byline is None:
        story.byline = _byline(children(body_head, "byline")) or None
    for name in ("distributor", "series", "rights"):
        for element in children(body_head, name):
            if text_of(element):
                story.note(f'<{name}> is not printed: "{_short(text_of(element))}"',
                           element.line)
    for note in children(body_head, "note"):
        story.note(f'<note> (a note to editors) is not printed: "{_short(text_of(note))}"',
                   note.line)

    docdata = child(head, "docdata")
    if story.copyright is None:
        story.copyright = _copyright(docdata, nitf)
    if story.lang is None:
        first_p = find(child(body, "body.content"), "p")
        for element in (nitf, body, child(body, "body.content"), first_p):
            if element is not None and lang_of(element):
                story.lang = lang_of(element)
                break
    if story.priority is None:
        story.priority = _urgency(docdata, story)
    if story.section is None:
        story.section = _section(head)

    reader = BodyReader(story, cleaner, lambda element: _media(element, photo, story))
    first = len(story.blocks)
    content = child(body, "body.content")
    if content is None:
        story.note("no body.content", body.line if body is not None else nitf.line)
    else:
        reader.read(content)
    dateline = child(body_head, "dateline")
    if text_of(dateline):
        _lead_with(story, first, text_of(dateline))
    end = child(body, "body.end")
    if end is not None:
        for element in end:
            reader.block(element)


def _byline(bylines: list[Element]) -> str:
    parts = []
    for byline in bylines:
        titles = [text_of(t) for t in byline.iter() if local(t.tag) == "byttl" and text_of(t)]
        pieces = [byline.text or ""]
        for item in byline:
            if local(item.tag) != "byttl":
                pieces.append("".join(item.itertext()))
            pieces.append(item.tail or "")
        name = " ".join("".join(pieces).split()).rstrip(",;")
        parts.append(", ".join([name] + titles) if name else ", ".join(titles))
    return "; ".join(part for part in parts if part)


def _copyright(docdata: Element | None, nitf: Element) -> str | None:
    notice = child(docdata, "doc.copyright")
    if notice is not None:
        year, holder = notice.get("year", "").strip(), notice.get("holder", "").strip()
        if holder:
            return " ".join(part for part in ("©", year, holder) if part)
    copyrite = find(nitf, "copyrite")
    if text_of(copyrite):
        return text_of(copyrite)
    return None


def _urgency(docdata: Element | None, story: WireStory) -> int | None:
    urgency = child(docdata, "urgency")
    if urgency is None:
        return None
    value = urgency.get("ed-urg", "").strip()
    if value.isdigit() and 1 <= int(value) <= 9:
        return int(value)
    story.note(f'urgency ed-urg="{value}" is not 1–9; not used as priority', urgency.line)
    return None


def _section(head: Element | None) -> str | None:
    pubdata = child(head, "pubdata")
    if pubdata is not None and pubdata.get("position.section", "").strip():
        return pubdata.get("position.section").strip()
    tobject = find(head, "tobject")
    for item in tobject.iter() if tobject is not None else ():
        if local(item.tag) == "tobject.subject" and item.get("tobject.subject.type", "").strip():
            return item.get("tobject.subject.type").strip()
    keyword = find(find(head, "key-list"), "keyword")
    if keyword is not None and keyword.get("key", "").strip():
        return keyword.get("key").strip()
    return None


def _media(element: Element, photo, story: WireStory):
    """An ``<img>`` (XHTML) or ``<media>`` (NITF) → an ImageRef, or None (reported)."""
    if local(element.tag) == "img":
        return photo(element.get("src", ""), element.get("alt", "") or "", "", element.line)
    kind = element.get("media-type", "image").strip().lower()
    caption = " ".join(text_of(c) for c in children(element, "media-caption"))
    credit = " ".join(text_of(c) for c in children(element, "media-producer"))
    if kind not in ("image", "graphic", "photo"):
        story.note(f'a {kind} media item is not printed (only photos are)'
                   + (f'; its caption: "{_short(caption)}"' if caption else ""), element.line)
        return None
    reference = child(element, "media-reference")
    source = (reference.get("source") or reference.get("data") or "") \
        if reference is not None else ""
    return photo(source.strip(), caption, credit, element.line)


def _lead_with(story: WireStory, first: int, dateline: str) -> None:
    """Set the dateline in bold before the first paragraph, as a paper prints it."""
    for index in range(first, len(story.blocks)):
        block = story.blocks[index]
        if block.kind is BlockKind.PARAGRAPH:
            spans = (Span(dateline.rstrip(" ,") + " — ", bold=True),) + block.spans
            story.blocks[index] = Block(block.kind, spans, block.label)
            return
    story.blocks.insert(first, Block(BlockKind.PARAGRAPH, (Span(dateline, bold=True),)))


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"
