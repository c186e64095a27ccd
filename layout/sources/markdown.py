"""Stage 1: the Markdown body of a ``.md`` article in → body blocks and inline photo references out.

CommonMark via markdown-it-py, with every rule that could make text vanish or be interpreted
switched off: raw HTML (``<Copyright ⓒ …>`` is text, not a tag), autolinks (``<a@b.kr>`` stays
as written) and link reference definitions (a line ``[1]: …`` stays as written). Entities and
backslash escapes *are* decoded as CommonMark says (``&amp;`` → ``&``, ``\\*`` → ``*``).

Mapping: paragraphs → PARAGRAPH; headings of any level → SUBHEAD (the headline comes from front
matter); paragraphs inside ``>`` → QUOTE; list items → LIST_ITEM labelled "•" or "1." (nesting
depth is not kept — known limitation); code spans and blocks → plain text; line breaks → a
space; ``---`` rules carry no words and are dropped. Links print their text, followed by
`` (url)`` when the URL is an absolute http(s)/mailto address that the text does not already
show. ``![alt](path)`` becomes an extra figure after the front-matter ones, captioned by ``alt``;
a remote image (``http…``) cannot be checked, so its alt text is kept in the paragraph instead
and a diagnostic says so.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..errors import Diagnostic, LayoutError
from ..model import Block, BlockKind, Span
from .frontmatter import ImageRef
from .text import Cleaner, is_blank

# markdown-it silently skips whatever is nested deeper than ``maxNesting``; the word check in
# ``read_markdown`` turns that (and any other loss) into an error.
_PARSER = MarkdownIt("commonmark", {"html": False, "maxNesting": 50}).disable(
    ["html_block", "html_inline", "autolink", "reference"])

_WORD = re.compile(r"[^\W_]+")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


@dataclass
class MarkdownBody:
    blocks: list[Block] = field(default_factory=list)
    images: list[ImageRef] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    errors: list[LayoutError] = field(default_factory=list)
    #: Source text printed elsewhere or on purpose not printed: link targets, fence info.
    accounted: list[str] = field(default_factory=list)


def read_markdown(lines: list[str], first_line: int, cleaner: Cleaner, file: str) -> MarkdownBody:
    """Parse body ``lines`` whose first line is line ``first_line`` of ``file``.

    Lines holding only white space of any kind (web copy pads them with U+00A0) are made truly
    empty first, so that they separate paragraphs as the author saw them do.
    """
    source = "\n".join("" if is_blank(line) else line for line in lines)
    body = _BlockWalker(first_line, cleaner, file).walk(_PARSER.parse(source))
    lost = _lost_words(source, body)
    if lost:
        number = next((first_line + index for index, line in enumerate(lines)
                       if lost[0] in line), first_line)
        body.errors.append(LayoutError(
            f"{len(lost)} word(s) would be lost in Markdown parsing, e.g. "
            + ", ".join(f'"{word}"' for word in lost[:5]), file=file, line=number,
            hint="simplify the Markdown here (very deep nesting of > or lists is not supported)"))
    return body


def _lost_words(source: str, body: MarkdownBody) -> list[str]:
    """Words of ``source`` that appear nowhere in the result — the "no word lost" check.

    Compared as sets of letter/digit runs, after removing entity references (``&amp;``), so
    markup and escapes do not count; the order of first appearance is kept for the message.
    """
    printed = " ".join([block.text + " " + block.label for block in body.blocks]
                       + [image.caption + " " + image.file for image in body.images]
                       + body.accounted)
    seen = set(_WORD.findall(unicodedata.normalize("NFC", printed)))
    lost = []
    # Invisible characters (zero-width spaces, controls) are removed from the printed text, so
    # "zero\u200bwidth" prints as one word: compare against the source as the cleaner leaves it.
    visible = Cleaner().collapse(_ENTITY.sub(" ", source))
    for word in _WORD.findall(visible):
        if word not in seen:
            seen.add(word)
            lost.append(word)
    return lost


@dataclass
class _ListState:
    ordered: bool
    pending_label: str | None = None


class _BlockWalker:
    def __init__(self, first_line: int, cleaner: Cleaner, file: str):
        self.offset = first_line
        self.cleaner = cleaner
        self.file = file
        self.body = MarkdownBody()
        self.quote_depth = 0
        self.lists: list[_ListState] = []

    def walk(self, tokens: list[Token]) -> MarkdownBody:
        kind = BlockKind.PARAGRAPH
        for token in tokens:
            if token.type == "blockquote_open":
                self.quote_depth += 1
            elif token.type == "blockquote_close":
                self.quote_depth -= 1
            elif token.type in ("bullet_list_open", "ordered_list_open"):
                self.lists.append(_ListState(ordered=token.type == "ordered_list_open"))
            elif token.type in ("bullet_list_close", "ordered_list_close"):
                self.lists.pop()
            elif token.type == "list_item_open":
                state = self.lists[-1]
                state.pending_label = f"{token.info}{token.markup}" if state.ordered else "•"
            elif token.type == "heading_open":
                kind = BlockKind.SUBHEAD
            elif token.type == "paragraph_open":
                kind = BlockKind.PARAGRAPH
            elif token.type == "inline":
                self._add(kind, self._spans(token), token)
            elif token.type in ("code_block", "fence", "html_block"):
                self.body.accounted.append(token.info)
                self._add(BlockKind.PARAGRAPH, [Span(token.content)], token)
        return self.body

    def _line(self, token: Token) -> int | None:
        return token.map[0] + self.offset if token.map else None

    def _add(self, kind: BlockKind, spans: list[Span], token: Token) -> None:
        spans = _tidy(spans, self.cleaner)
        if not spans:
            return
        label = ""
        if self.lists:
            # The first block of an item carries its label; later ones continue it unlabelled.
            label = self.lists[-1].pending_label or ""
            self.lists[-1].pending_label = None
            kind = BlockKind.LIST_ITEM
        elif self.quote_depth and kind is BlockKind.PARAGRAPH:
            kind = BlockKind.QUOTE
        self.body.blocks.append(Block(kind, tuple(spans), label))

    def _spans(self, inline: Token) -> list[Span]:
        spans: list[Span] = []
        bold = italic = 0
        link_href: str | None = None
        link_text: list[str] = []

        def put(text: str) -> None:
            spans.append(Span(text, bold=bold > 0, italic=italic > 0))
            if link_href is not None:
                link_text.append(text)

        for child in inline.children or []:
            if child.type in ("text", "code_inline", "html_inline"):
                put(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                put(" ")
            elif child.type == "em_open":
                italic += 1
            elif child.type == "em_close":
                italic -= 1
            elif child.type == "strong_open":
                bold += 1
            elif child.type == "strong_close":
                bold -= 1
            elif child.type == "link_open":
                link_href, link_text = str(child.attrGet("href") or ""), []
                self.body.accounted += [link_href, str(child.attrGet("title") or "")]
            elif child.type == "link_close":
                shown = _link_suffix(link_href or "", "".join(link_text))
                link_href = None
                if shown:
                    put(shown)
            elif child.type == "image":
                self._image(child, inline, put)
            elif child.content:
                put(child.content)   # any future token type: keep its words
        return spans

    def _image(self, image: Token, inline: Token, put) -> None:
        src = str(image.attrGet("src") or "")
        alt = image.content
        self.body.accounted += [src, str(image.attrGet("title") or "")]
        line = self._line(inline)
        if "://" in src or src.startswith("data:"):
            if alt:
                put(alt)
            self.body.diagnostics.append(Diagnostic(
                "image", f'remote image "{src[:80]}" is not fetched; its alt text is kept in '
                         "the paragraph", self.file, line))
            return
        index = len(self.body.images)
        self.body.images.append(ImageRef(file=src, caption=alt, line=line,
                                         key=f"body image {index + 1} ![{alt[:30]}]({src})"))


def _link_suffix(href: str, text: str) -> str:
    """`` (url)`` when a reader of paper needs the URL to follow the link, else ``""``."""
    if not href.startswith(("http://", "https://", "mailto:")):
        return ""
    bare = href.removeprefix("mailto:")
    if bare in text or bare.split("://", 1)[-1].rstrip("/") in text:
        return ""
    return f" ({bare})"


def _tidy(spans: list[Span], cleaner: Cleaner) -> list[Span]:
    """Clean text, collapse spaces across span edges, trim the ends, merge equal neighbours."""
    out: list[Span] = []
    for span in spans:
        text = cleaner.collapse(span.text)
        if out and out[-1].text.endswith(" ") and text.startswith(" "):
            text = text[1:]
        if not out and text.startswith(" "):
            text = text.lstrip(" ")
        if not text:
            continue
        if out and (out[-1].bold, out[-1].italic) == (span.bold, span.italic):
            out[-1] = Span(out[-1].text + text, span.bold, span.italic)
        else:
            out.append(Span(text, span.bold, span.italic))
    while out and not out[-1].text.rstrip(" "):
        out.pop()
    if out:
        out[-1] = Span(out[-1].text.rstrip(" \u00a0\u202f"), out[-1].bold, out[-1].italic)
    if out:
        out[0] = Span(out[0].text.lstrip("\u00a0\u202f"), out[0].bold, out[0].italic)
    return [span for span in out if span.text]
