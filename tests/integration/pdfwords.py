"""Reading a PDF's words and an ALTO file's strings independently, to compare them.

The PDF side uses pdfminer.six (nothing of Newsprint): every glyph in drawing order with the
box a PDF reader computes; a word is a run of glyphs on one baseline (the glyph origin's y), ended by a space glyph,
a move to another baseline or backwards, or a gap wider than a third of the type size.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage

ALTO = "{http://www.loc.gov/standards/alto/ns-v4#}"
POINTS_PER_MM10 = 72.0 / 254.0


@dataclass(frozen=True)
class PrintedWord:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float


def pdf_words(path: Path) -> list[list[PrintedWord]]:
    """The words of every page, in drawing order; coordinates from the page's top-left."""
    pages = []
    manager = PDFResourceManager()
    device = PDFPageAggregator(manager, laparams=None)     # glyphs as drawn, not grouped
    interpreter = PDFPageInterpreter(manager, device)
    with open(path, "rb") as stream:
        layouts = []
        for pdf_page in PDFPage.get_pages(stream):
            interpreter.process_page(pdf_page)
            layouts.append(device.get_result())
    for layout in layouts:
        height = layout.height
        words: list[PrintedWord] = []
        run: list[LTChar] = []

        def close():
            if run:
                words.append(PrintedWord("".join(c.get_text() for c in run), run[0].x0,
                                         run[-1].x1, height - max(c.y1 for c in run),
                                         height - min(c.y0 for c in run)))
                run.clear()

        for item in layout:
            if not isinstance(item, LTChar):
                continue
            text = item.get_text()
            if text in (" ", "\u00a0") or not text.strip():
                close()
                continue
            if run:
                last = run[-1]
                if abs(item.matrix[5] - last.matrix[5]) > 0.5 or item.x0 < last.x0 - 0.1 or \
                        item.x0 - last.x1 > item.size / 3:
                    close()
            run.append(item)
        close()
        pages.append(words)
    return pages


@dataclass(frozen=True)
class AltoString:
    block: str
    text: str          # as printed: with the hyphen the break added
    content: str
    subs_type: str
    subs_content: str
    x0: float
    x1: float
    top: float
    bottom: float


def alto_strings(path: Path) -> list[AltoString]:
    """Every String of an ALTO file (mm10) in document order, in points; a String followed
    by its line's HYP carries the hyphen in ``text`` and reaches to the hyphen's end."""
    root = etree.parse(str(path)).getroot()
    assert root.findtext(f"{ALTO}Description/{ALTO}MeasurementUnit") == "mm10"
    found = []
    for block in root.iter(f"{ALTO}TextBlock"):
        for line in block.iter(f"{ALTO}TextLine"):
            strings = line.findall(f"{ALTO}String")
            hyphen = line.find(f"{ALTO}HYP")
            for index, string in enumerate(strings):
                x0 = float(string.get("HPOS")) * POINTS_PER_MM10
                x1 = x0 + float(string.get("WIDTH")) * POINTS_PER_MM10
                top = float(string.get("VPOS")) * POINTS_PER_MM10
                bottom = top + float(string.get("HEIGHT")) * POINTS_PER_MM10
                text = string.get("CONTENT")
                if hyphen is not None and index == len(strings) - 1:
                    text += hyphen.get("CONTENT")
                    x1 = (float(hyphen.get("HPOS")) + float(hyphen.get("WIDTH"))) \
                        * POINTS_PER_MM10
                found.append(AltoString(block.get("ID"), text, string.get("CONTENT"),
                                        string.get("SUBS_TYPE") or "",
                                        string.get("SUBS_CONTENT") or "", x0, x1, top, bottom))
    return found


def match(words: list[PrintedWord], strings: list[AltoString], tolerance: float = 1.0):
    """Pair each PDF word with the ALTO String of the same text whose box is within
    ``tolerance`` points on all four sides. Returns {pdf index: alto index}."""
    by_text: dict[str, list[int]] = {}
    for index, string in enumerate(strings):
        by_text.setdefault(string.text, []).append(index)
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for index, word in enumerate(words):
        for candidate in by_text.get(word.text, ()):
            string = strings[candidate]
            if candidate not in taken and abs(string.x0 - word.x0) <= tolerance and \
                    abs(string.x1 - word.x1) <= tolerance and \
                    abs(string.top - word.top) <= tolerance and \
                    abs(string.bottom - word.bottom) <= tolerance:
                pairs[index] = candidate
                taken.add(candidate)
                break
    return pairs
