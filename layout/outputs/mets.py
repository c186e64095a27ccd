"""Stage 6 (outputs): one edition → its METS 1.12.1 file, with MODS for the issue and each
article and a logical map that segments articles down to ALTO blocks.

    mets / metsHdr (Newsprint as the creating software)
         / dmdSec DMD_ISSUE (MODS: title, date issued, issue number, language)
         / dmdSec DMD_ART_n (MODS: headline as title, byline, section, copyright line as
                             accessCondition, language) — one per article
         / fileSec: fileGrp MASTER (the PDF/A copy) and FULLTEXT (one ALTO file per page),
                    each file by relative xlink:href with its SHA-256 and size
         / structMap PHYSICAL: issue → page (the page's ALTO file)
         / structMap LOGICAL: issue → article → one part per page it is on → areas naming the
                    ALTO TextBlock and Illustration IDs of that part (BETYPE IDREF);
                    page furniture (masthead, dateline, ears, folios) and advertisements are
                    divisions of their own kinds
         / structLink: each article part to its page

This is the shape of the DFG / Berlin State Library newspaper METS profile (logical article
segmentation); it is built from the blocks :mod:`.alto` made, so every block of an article
belongs to exactly one article part.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..model import Edition
from .alto import AltoBlock

METS_NS = "http://www.loc.gov/METS/"
MODS_NS = "http://www.loc.gov/mods/v3"
XLINK_NS = "http://www.w3.org/1999/xlink"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMAS = (f"{METS_NS} http://www.loc.gov/standards/mets/version1121/mets.xsd "
           f"{MODS_NS} http://www.loc.gov/standards/mods/v3/mods-3-8.xsd")
# Block kinds that are furniture of the page, and the METS division each goes in.
FURNITURE_DIVISIONS = {"masthead": "masthead", "dateline": "masthead", "ear": "masthead",
                       "folio": "folio", "ad": "advertisement"}


@dataclass(frozen=True)
class PageFiles:
    """One page as the archive holds it: its number, ALTO file and the ALTO's blocks."""

    number: int
    alto: Path
    blocks: tuple[AltoBlock, ...]


def _m(tag: str) -> str:
    return f"{{{METS_NS}}}{tag}"


def _mods(tag: str) -> str:
    return f"{{{MODS_NS}}}{tag}"


def _file(group, file_id: str, path: Path, folder: Path, mimetype: str) -> None:
    data = path.read_bytes()
    element = etree.SubElement(group, _m("file"), ID=file_id, MIMETYPE=mimetype,
                               SIZE=str(len(data)), CHECKSUM=hashlib.sha256(data).hexdigest(),
                               CHECKSUMTYPE="SHA-256")
    location = etree.SubElement(element, _m("FLocat"), LOCTYPE="URL")
    location.set(f"{{{XLINK_NS}}}href", path.relative_to(folder).as_posix())


def _wrap(parent, dmd_id: str):
    section = etree.SubElement(parent, _m("dmdSec"), ID=dmd_id)
    wrap = etree.SubElement(section, _m("mdWrap"), MDTYPE="MODS")
    data = etree.SubElement(wrap, _m("xmlData"))
    return etree.SubElement(data, _mods("mods"))


def _text(parent, tag: str, text: str, **attributes):
    element = etree.SubElement(parent, _mods(tag), **attributes)
    element.text = text
    return element


def _language(mods, lang: str) -> None:
    language = etree.SubElement(mods, _mods("language"))
    _text(language, "languageTerm", lang, type="code", authority="rfc5646")


def mets_document(edition: Edition, *, name: str, folder: Path, pdf: Path,
                  pages: list[PageFiles], software: str) -> bytes:
    """The METS file of one archived edition ``name`` (its OBJID; UTF-8 bytes); paths are
    made relative to ``folder``, where the METS file will sit."""
    nsmap = {"mets": METS_NS, "mods": MODS_NS, "xlink": XLINK_NS, "xsi": XSI_NS}
    label = f"{edition.title}, {edition.date.isoformat()}"
    root = etree.Element(_m("mets"), nsmap=nsmap, OBJID=name, LABEL=label,
                         TYPE="newspaper issue")
    root.set(f"{{{XSI_NS}}}schemaLocation", SCHEMAS)
    header = etree.SubElement(root, _m("metsHdr"),
                              CREATEDATE=f"{edition.date.isoformat()}T00:00:00Z")
    agent = etree.SubElement(header, _m("agent"), ROLE="CREATOR", TYPE="OTHER",
                             OTHERTYPE="SOFTWARE")
    etree.SubElement(agent, _m("name")).text = software

    issue = _wrap(root, "DMD_ISSUE")
    title = etree.SubElement(issue, _mods("titleInfo"))
    _text(title, "title", edition.title)
    _text(issue, "typeOfResource", "text")
    _text(issue, "genre", "newspaper issue")
    origin = etree.SubElement(issue, _mods("originInfo"))
    _text(origin, "dateIssued", edition.date.isoformat(), encoding="w3cdtf")
    if edition.issue is not None:
        part = etree.SubElement(issue, _mods("part"))
        detail = etree.SubElement(part, _mods("detail"), type="issue")
        _text(detail, "number", str(edition.issue))
    _language(issue, edition.lang)

    placed = {block.origin.article for page in pages for block in page.blocks}
    articles = [article for article in edition.articles if article.id in placed]
    article_dmd = {}
    for number, article in enumerate(articles, start=1):
        dmd_id = article_dmd[article.id] = f"DMD_ART_{number:04d}"
        mods = _wrap(root, dmd_id)
        title = etree.SubElement(mods, _mods("titleInfo"))
        _text(title, "title", article.headline)
        for deck in article.deck:
            _text(title, "subTitle", deck)
        if article.byline:
            name = etree.SubElement(mods, _mods("name"))
            _text(name, "displayForm", article.byline)
            role = etree.SubElement(name, _mods("role"))
            _text(role, "roleTerm", "aut", type="code", authority="marcrelator")
        _text(mods, "typeOfResource", "text")
        _text(mods, "genre", "article")
        _language(mods, article.lang)
        if article.section:
            part = etree.SubElement(mods, _mods("part"))
            detail = etree.SubElement(part, _mods("detail"), type="section")
            _text(detail, "title", article.section)
        if article.copyright:
            _text(mods, "accessCondition", article.copyright, type="use and reproduction")
        record = etree.SubElement(mods, _mods("recordInfo"))
        _text(record, "recordIdentifier", article.id)

    files = etree.SubElement(root, _m("fileSec"))
    master = etree.SubElement(files, _m("fileGrp"), USE="MASTER")
    _file(master, "FILE_PDF", pdf, folder, "application/pdf")
    fulltext = etree.SubElement(files, _m("fileGrp"), USE="FULLTEXT")
    alto_ids = {}
    for page in pages:
        alto_ids[page.number] = f"ALTO_{page.number:04d}"
        _file(fulltext, alto_ids[page.number], page.alto, folder, "text/xml")

    physical = etree.SubElement(root, _m("structMap"), TYPE="PHYSICAL")
    sequence = etree.SubElement(physical, _m("div"), ID="PHYS_ISSUE", TYPE="physSequence",
                                LABEL=label)
    etree.SubElement(sequence, _m("fptr"), FILEID="FILE_PDF")
    for page in pages:
        div = etree.SubElement(sequence, _m("div"), ID=f"PHYS_{page.number:04d}", TYPE="page",
                               ORDER=str(page.number), ORDERLABEL=str(page.number))
        etree.SubElement(div, _m("fptr"), FILEID=alto_ids[page.number])

    logical = etree.SubElement(root, _m("structMap"), TYPE="LOGICAL")
    issue_div = etree.SubElement(logical, _m("div"), ID="LOG_ISSUE", TYPE="issue",
                                 DMDID="DMD_ISSUE", LABEL=label)
    links: list[tuple[str, str]] = [("LOG_ISSUE", "PHYS_ISSUE")]
    for number, article in enumerate(articles, start=1):
        article_id = f"LOG_ART_{number:04d}"
        div = etree.SubElement(issue_div, _m("div"), ID=article_id, TYPE="article",
                               DMDID=article_dmd[article.id], LABEL=article.headline,
                               ORDER=str(number))
        part_number = 0
        for page in pages:
            blocks = [b for b in page.blocks if b.origin.article == article.id]
            if not blocks:
                continue
            part_number += 1
            part_id = f"{article_id}_{part_number}"
            part = etree.SubElement(div, _m("div"), ID=part_id, TYPE="article_part",
                                    ORDER=str(part_number), LABEL=f"page {page.number}")
            _areas(part, alto_ids[page.number], blocks)
            links.append((part_id, f"PHYS_{page.number:04d}"))
    for page in pages:
        by_kind: dict[str, list[AltoBlock]] = {}
        for block in page.blocks:
            if not block.origin.article:
                by_kind.setdefault(FURNITURE_DIVISIONS.get(block.role, "furniture"),
                                   []).append(block)
        for kind, blocks in by_kind.items():
            div_id = f"LOG_{kind.upper()}_{page.number:04d}"
            div = etree.SubElement(issue_div, _m("div"), ID=div_id, TYPE=kind,
                                   LABEL=f"{kind}, page {page.number}")
            _areas(div, alto_ids[page.number], blocks)
            links.append((div_id, f"PHYS_{page.number:04d}"))

    struct_link = etree.SubElement(root, _m("structLink"))
    for source, target in links:
        link = etree.SubElement(struct_link, _m("smLink"))
        link.set(f"{{{XLINK_NS}}}from", source)
        link.set(f"{{{XLINK_NS}}}to", target)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _areas(div, file_id: str, blocks: list[AltoBlock]) -> None:
    pointer = etree.SubElement(div, _m("fptr"))
    sequence = etree.SubElement(pointer, _m("seq"))
    for block in blocks:
        etree.SubElement(sequence, _m("area"), FILEID=file_id, BETYPE="IDREF", BEGIN=block.id)
