"""Reading a PDF's words and an ALTO file's strings independently, to compare them.

The PDF side uses pdfium (through pypdfium2; nothing of Newsprint), the engine that shows the
page in a browser: every character in content-stream order with the box a viewer selects
(from its origin across its advance; from the font's descent to its ascent). A word is a run
of characters on one baseline, ended by a space, a character pdfium generated (a line break),
a move to another baseline or backwards, or a gap wider than a third of the type size.
"""
from __future__ import annotations

import ctypes
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from lxml import etree

ALTO = "{http://www.loc.gov/standards/alto/ns-v4#}"
POINTS_PER_MM10 = 72.0 / 254.0
# pdfium reports a hyphen that ends a line as one of these marks: it is the "-" drawn there.
HYPHEN_MARKS = {"\ufffe": "-", "\u0002": "-"}


@dataclass(frozen=True)
class PrintedWord:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float


def pdf_words(path: Path) -> list[list[PrintedWord]]:
    """The words of every page, in drawing order; coordinates from the page's top-left."""
    document = pdfium.PdfDocument(str(path))
    pages = []
    try:
        for page in document:
            height = page.get_height()
            text = page.get_textpage()
            words: list[PrintedWord] = []
            run: list[tuple] = []          # (char, left, bottom, right, top, baseline, size)

            def close():
                if run:
                    words.append(PrintedWord("".join(c[0] for c in run), run[0][1], run[-1][3],
                                             height - max(c[4] for c in run),
                                             height - min(c[2] for c in run)))
                    run.clear()

            x, y = ctypes.c_double(), ctypes.c_double()
            for index in range(text.count_chars()):
                char = text.get_text_range(index, 1)
                char = HYPHEN_MARKS.get(char, char)
                if pdfium_c.FPDFText_IsGenerated(text, index) == 1 or char in (" ", "\u00a0") \
                        or not char.strip():
                    close()
                    continue
                pdfium_c.FPDFText_GetCharOrigin(text, index, x, y)
                left, bottom, right, top = text.get_charbox(index, loose=True)
                size = pdfium_c.FPDFText_GetFontSize(text, index)
                if run:
                    last = run[-1]
                    if abs(y.value - last[5]) > 0.5 or left < last[1] - 0.1 or \
                            left - last[3] > size / 3:
                        close()
                run.append((char, left, bottom, right, top, y.value, size))
            close()
            pages.append(words)
    finally:
        document.close()
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
