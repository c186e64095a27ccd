"""Stage 1 helper: a wire story's XML elements in → a :class:`WireStory` (fields + body blocks).

Shared by the NITF (:mod:`.nitf`) and NewsML-G2 (:mod:`.newsml`) readers: the story record
they fill, and :class:`BodyReader`, which turns NITF ``body.content`` or XHTML ``body`` markup
into model blocks. The contract is the one of every importer: no word is dropped silently.
Every element the reader does not know is still printed (its text as a paragraph) and
reported; every field it cannot use is reported with the file and line.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import Diagnostic
from ..model import Block, BlockKind, Span
from .frontmatter import ImageRef
from .markdown import _tidy as tidy_spans
from .text import Cleaner
from .xmlsafe import Element, local

#: Inline elements that change the emphasis of their text.
ITALIC = {"em", "i", "cite", "q"}
BOLD = {"b", "strong"}
#: Block containers whose children are read as blocks, in NITF and XHTML.
CONTAINERS = {"block", "div", "section", "article", "body.content", "body", "content",
              "fn", "main", "header", "footer", "aside", "figure", "nitf"}
SUBHEADS = {"hl2", "h1", "h2", "h3", "h4", "h5", "h6"}
QUOTES = {"bq", "blockquote"}
PARAGRAPHS = {"p", "pre", "tagline", "address", "figcaption", "caption"}
#: Elements that carry no text to print.
SILENT = {"br", "hr", "media-reference", "media-object", "img", "meta", "link", "script",
          "style", "col", "colgroup"}


@dataclass
class WireStory:
    """What a wire reader found in one story; ``None``/empty where the file does not say."""

    file: str
    line: int | None = None               # where the story starts (its item or nitf element)
    id_suffix: str = ""                   # "" for the first story of a file, "-2", … after
    headline: str | None = None
    headline_line: int | None = None
    deck: list[str] = field(default_factory=list)
    byline: str | None = None
    section: str | None = None
    priority: int | None = None
    lang: str | None = None
    copyright: str | None = None
    blocks: list[Block] = field(default_factory=list)
    images: list[ImageRef] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def note(self, message: str, line: int | None, kind: str = "wire") -> None:
        self.diagnostics.append(Diagnostic(kind, message, self.file, line))


def text_of(element: Element | None) -> str:
    """All the text inside ``element``, white space collapsed; "" for None."""
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())


def children(element: Element | None, name: str) -> list[Element]:
    """Direct children of ``element`` whose local name is ``name`` (none for None)."""
    if element is None:
        return []
    return [child for child in element if local(child.tag) == name]


def child(element: Element | None, name: str) -> Element | None:
    if element is None:
        return None
    for candidate in element:
        if local(candidate.tag) == name:
            return candidate
    return None


def find(element: Element | None, name: str) -> Element | None:
    """The first descendant (or ``element`` itself) named ``name``."""
    if element is None:
        return None
    for candidate in element.iter():
        if local(candidate.tag) == name:
            return candidate
    return None


def lang_of(element: Element) -> str | None:
    """The ``xml:lang`` of ``element`` reduced to its language (``en-US`` → ``en``)."""
    value = element.get("{http://www.w3.org/XML/1998/namespace}lang")
    if not value or not value.strip():
        return None
    return value.strip().split("-")[0].split("_")[0].lower()


class BodyReader:
    """Walks body markup into blocks; photos found on the way become :class:`ImageRef`\\ s.

    ``media`` (NITF) and ``img`` (XHTML) give photos; ``media_ref`` turns one into an
    ImageRef (or None, having reported why).
    """

    def __init__(self, story: WireStory, cleaner: Cleaner, media_ref):
        self.story = story
        self.cleaner = cleaner
        self.media_ref = media_ref

    # -- blocks ---------------------------------------------------------------------------
    def read(self, element: Element, kind: BlockKind = BlockKind.PARAGRAPH) -> None:
        """Read the children of ``element`` as blocks (its own text too, as a paragraph)."""
        self._loose_text(element.text, kind)
        for item in element:
            self.block(item, kind)
            self._loose_text(item.tail, kind)

    def block(self, element: Element, kind: BlockKind = BlockKind.PARAGRAPH) -> None:
        name = local(element.tag)
        if not name or name in SILENT:
            return
        if name in PARAGRAPHS:
            self._add(kind, element)
        elif name in SUBHEADS:
            self._add(BlockKind.SUBHEAD if kind is BlockKind.PARAGRAPH else kind, element)
        elif name in QUOTES:
            self.read(element, BlockKind.QUOTE)
        elif name == "credit" and kind is BlockKind.QUOTE:
            spans = [Span("— ")] + self.spans(element)
            self._append(BlockKind.QUOTE, spans)
        elif name in ("ul", "ol", "dl"):
            self._list(element, name == "ol")
        elif name in ("media", "img"):
            ref = self.media_ref(element)
            if ref is not None:
                self.story.images.append(ref)
        elif name in ("table", "nitf-table", "tbody", "thead", "tfoot"):
            self._table(element)
        elif name in CONTAINERS:
            self.read(element, kind)
        elif name in ("note", "ed-msg"):
            self.story.note(f"<{name}> (a note to editors) is not printed: "
                            f'"{_short(text_of(element))}"', element.line)
        else:
            if text_of(element):
                self.story.note(f"<{name}> is not a known body element; its text is set as a "
                                "paragraph", element.line)
                self._add(kind, element)

    def _list(self, element: Element, ordered: bool) -> None:
        number = 0
        for item in element:
            name = local(item.tag)
            if name in ("li", "dd", "dt"):
                number += 1
                label = f"{number}." if ordered else ("•" if name == "li" else "")
                spans = self.spans(item)
                if name == "dt":
                    spans = [Span(s.text, bold=True, italic=s.italic) for s in spans]
                self._append(BlockKind.LIST_ITEM if label else BlockKind.PARAGRAPH, spans,
                             label)
            else:
                self.block(item)

    def _table(self, element: Element) -> None:
        rows = [row for row in element.iter() if local(row.tag) == "tr"]
        if not rows:
            self.read(element)
            return
        self.story.note(f"a table of {len(rows)} rows is set as one paragraph a row "
                        "(cells separated by ·)", element.line)
        for row in rows:
            cells = [text_of(cell) for cell in row if local(cell.tag) in ("td", "th")]
            cells = [cell for cell in cells if cell]
            if cells:
                self._append(BlockKind.PARAGRAPH, [Span(" · ".join(cells))])

    def _loose_text(self, text: str | None, kind: BlockKind) -> None:
        if text and text.strip():
            self._append(kind, [Span(text)])

    def add_text(self, kind: BlockKind, text: str) -> None:
        """Add plain ``text`` as one block of ``kind`` (nothing if it is blank)."""
        self._append(kind, [Span(text)])

    def _add(self, kind: BlockKind, element: Element) -> None:
        self._append(kind, self.spans(element))

    def _append(self, kind: BlockKind, spans: list[Span], label: str = "") -> None:
        tidy = tidy_spans(spans, self.cleaner)
        if tidy:
            self.story.blocks.append(Block(kind, tuple(tidy), label))

    # -- inline ---------------------------------------------------------------------------
    def spans(self, element: Element, bold: bool = False, italic: bool = False) -> list[Span]:
        """The text inside ``element`` as spans; a photo inside a paragraph is taken out."""
        out: list[Span] = []
        if element.text:
            out.append(Span(element.text, bold, italic))
        for item in element:
            name = local(item.tag)
            if name in ("media", "img"):
                ref = self.media_ref(item)
                if ref is not None:
                    self.story.images.append(ref)
            elif name == "br":
                out.append(Span(" ", bold, italic))
            elif name:
                out += self.spans(item, bold or name in BOLD, italic or name in ITALIC)
            if item.tail:
                out.append(Span(item.tail, bold, italic))
        return out


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"
