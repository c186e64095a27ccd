"""Stage 6 (outputs): one page → ALTO 4.4 XML, every printed word with its coordinates.

Built from :mod:`.words` (the positions the renderer draws), never from the PDF. Layout:

    alto / Description (MeasurementUnit mm10, the PDF it describes, Newsprint as software)
         / Styles (a TextStyle per face and size)  / Tags (a StructureTag per block kind)
         / Layout / Page (WIDTH, HEIGHT, PHYSICAL_IMG_NR) / PrintSpace
                  / TextBlock (ID, LANG, IDNEXT, TAGREFS: headline, body, caption, folio …)
                      / TextLine (BASELINE) / String (CONTENT, HPOS …) SP … HYP
                  / Illustration (photos, TYPE photo; ads, TYPE advertisement)

Block IDs are ``P{page}_TB{n}`` and ``P{page}_IL{n}``; :func:`alto_page` returns them with the
article (and part) each belongs to, for the METS logical map. Lengths are tenths of a
millimetre from the page's top-left corner.
"""
from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ..compose.draws import Origin
from .words import Box, Picture, TextRegion, page_text

ALTO_NS = "http://www.loc.gov/standards/alto/ns-v4#"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
ALTO_SCHEMA = "http://www.loc.gov/standards/alto/v4/alto-4-4.xsd"
MM10_PER_POINT = 254.0 / 72.0
SOFTWARE = "Newsprint"


@dataclass(frozen=True)
class AltoBlock:
    """One block of an ALTO page: its ID, kind (``role``) and the article part it belongs to
    (``origin.article`` empty for furniture and ads)."""

    id: str
    role: str
    origin: Origin
    words: int


def mm10(points: float) -> int:
    return round(points * MM10_PER_POINT)


def _geometry(element, box: Box) -> None:
    element.set("HPOS", str(mm10(box.x)))
    element.set("VPOS", str(mm10(box.top)))
    element.set("WIDTH", str(max(0, mm10(box.x + box.width) - mm10(box.x))))
    element.set("HEIGHT", str(max(0, mm10(box.top + box.height) - mm10(box.top))))


def _q(tag: str) -> str:
    return f"{{{ALTO_NS}}}{tag}"


def alto_page(page, split_words: dict, *, pdf_name: str, langs: dict[str, str],
              default_lang: str, version: str) -> tuple[bytes, list[AltoBlock]]:
    """ALTO 4.4 for one PageLayout (UTF-8 bytes) and its blocks in reading order.

    ``langs`` maps article ids to their language; furniture takes ``default_lang``."""
    blocks = page_text(page, split_words)
    root = etree.Element(_q("alto"), nsmap={None: ALTO_NS, "xsi": XSI_NS})
    root.set(f"{{{XSI_NS}}}schemaLocation", f"{ALTO_NS} {ALTO_SCHEMA}")
    root.set("SCHEMAVERSION", "4.4")
    description = etree.SubElement(root, _q("Description"))
    etree.SubElement(description, _q("MeasurementUnit")).text = "mm10"
    source = etree.SubElement(description, _q("sourceImageInformation"))
    etree.SubElement(source, _q("fileName")).text = pdf_name
    processing = etree.SubElement(description, _q("Processing"), ID="NEWSPRINT")
    etree.SubElement(processing, _q("processingCategory")).text = "contentGeneration"
    etree.SubElement(processing, _q("processingStepDescription")).text = \
        "typeset by Newsprint: born-digital text and the positions it was drawn at (no OCR)"
    software = etree.SubElement(processing, _q("processingSoftware"))
    etree.SubElement(software, _q("softwareName")).text = SOFTWARE
    etree.SubElement(software, _q("softwareVersion")).text = version

    styles = etree.SubElement(root, _q("Styles"))
    style_ids: dict[tuple[str, float], str] = {}
    for block in blocks:
        if isinstance(block, TextRegion):
            for line in block.lines:
                for word in line.words:
                    key = (word.font, round(word.size, 2))
                    if key not in style_ids:
                        style_ids[key] = f"TS{len(style_ids) + 1}"
                        _text_style(styles, style_ids[key], *key)
    tags = etree.SubElement(root, _q("Tags"))
    roles = sorted({block.role for block in blocks})
    for role in roles:
        etree.SubElement(tags, _q("StructureTag"), ID=f"ROLE_{role}", LABEL=role,
                         TYPE="block kind")

    layout = etree.SubElement(root, _q("Layout"))
    page_element = etree.SubElement(layout, _q("Page"), ID=f"P{page.number}",
                                    PHYSICAL_IMG_NR=str(page.number),
                                    PRINTED_IMG_NR=str(page.number),
                                    WIDTH=str(mm10(page.width)), HEIGHT=str(mm10(page.height)),
                                    PROCESSING="NEWSPRINT")
    space = etree.SubElement(page_element, _q("PrintSpace"))
    if blocks:
        _geometry(space, Box.around(block.box for block in blocks))
    else:
        _geometry(space, Box(0, 0, page.width, page.height))

    found: list[AltoBlock] = []
    elements = []
    counters = {"TB": 0, "IL": 0}
    strings = 0
    for block in blocks:
        if isinstance(block, Picture):
            counters["IL"] += 1
            block_id = f"P{page.number}_IL{counters['IL']:04d}"
            element = etree.SubElement(space, _q("Illustration"), ID=block_id,
                                       TAGREFS=f"ROLE_{block.role}",
                                       TYPE="advertisement" if block.role == "ad" else "photo")
            _geometry(element, block.box)
            found.append(AltoBlock(block_id, block.role, block.origin, 0))
            elements.append(element)
            continue
        counters["TB"] += 1
        block_id = f"P{page.number}_TB{counters['TB']:04d}"
        element = etree.SubElement(space, _q("TextBlock"), ID=block_id,
                                   TAGREFS=f"ROLE_{block.role}")
        _geometry(element, block.box)
        element.set("LANG", langs.get(block.origin.article, default_lang))
        count = 0
        for number, line in enumerate(block.lines, start=1):
            line_element = etree.SubElement(element, _q("TextLine"),
                                            ID=f"{block_id}_L{number}")
            _geometry(line_element, line.box)
            baseline = mm10(line.baseline)
            line_element.set("BASELINE", f"{mm10(line.box.x)},{baseline} "
                                         f"{mm10(line.box.x + line.box.width)},{baseline}")
            hyphen = None
            for index, word in enumerate(line.words):
                if index:
                    previous = line.words[index - 1]
                    gap = Box(previous.box.x + previous.box.width, line.box.top,
                              word.box.x - previous.box.x - previous.box.width, 0)
                    sp = etree.SubElement(line_element, _q("SP"))
                    sp.set("HPOS", str(mm10(gap.x)))
                    sp.set("VPOS", str(mm10(gap.top)))
                    sp.set("WIDTH", str(max(0, mm10(gap.x + gap.width) - mm10(gap.x))))
                strings += 1
                count += 1
                string = etree.SubElement(line_element, _q("String"),
                                          ID=f"P{page.number}_S{strings}", CONTENT=word.text)
                _geometry(string, word.box)
                string.set("STYLEREFS", style_ids[(word.font, round(word.size, 2))])
                if word.split:
                    string.set("SUBS_TYPE", "HypPart1" if word.split == "first" else "HypPart2")
                    string.set("SUBS_CONTENT", word.whole)
                if word.hyphen is not None:
                    hyphen = word.hyphen
            if hyphen is not None:
                element_hyp = etree.SubElement(line_element, _q("HYP"), CONTENT="-")
                _geometry(element_hyp, hyphen)
        found.append(AltoBlock(block_id, block.role, block.origin, count))
        elements.append(element)
    for element, after in zip(elements, elements[1:]):
        element.set("IDNEXT", after.get("ID"))
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data, found


def _text_style(styles, style_id: str, font: str, size: float) -> None:
    element = etree.SubElement(styles, _q("TextStyle"), ID=style_id, FONTFAMILY=font,
                               FONTSIZE=f"{size:g}")
    lowered = font.lower()
    kinds = [kind for kind, mark in (("bold", "bold"), ("italics", "italic")) if mark in lowered]
    if kinds:
        element.set("FONTSTYLE", " ".join(kinds))
