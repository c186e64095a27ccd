"""Stage 6 (outputs): the archive package of one edition — what a library keeps.

    ARCHIVE/edition.pdf            the PDF/A-2u copy of edition.pdf (:mod:`.pdfa`)
    ARCHIVE/alto/page-0001.xml     ALTO 4.4, one per page, every printed word (:mod:`.alto`)
    ARCHIVE/mets.xml               METS 1.12.1 + MODS: files, pages, articles (:mod:`.mets`)
    ARCHIVE/manifest.json          where every article went, in points (:mod:`.manifest`)

Written into a temporary folder beside ``ARCHIVE`` and renamed into place when complete, so an
interrupted build never leaves a folder that looks finished.
"""
from __future__ import annotations

import os
from pathlib import Path

from .. import __version__
from .alto import alto_page
from .files import write_folder_atomically
from .mets import PageFiles, mets_document
from .pdfa import write_pdfa
from .stage import Built, ManifestOutput
from .words import split_words

SOFTWARE = f"Newsprint {__version__}"
PDF_NAME = "edition.pdf"
METS_NAME = "mets.xml"


def alto_name(page: int) -> str:
    return f"alto/page-{page:04d}.xml"


class ArchiveOutput:
    """``OUT/archive/`` (or ``folder``): PDF/A-2u, ALTO per page and METS for the edition."""

    name = "archive"

    def __init__(self, folder: Path | None = None):
        self.folder = folder

    def write(self, built: Built, folder: Path) -> list[Path]:
        target = self.folder if self.folder is not None else folder / "archive"
        return write_folder_atomically(
            target, lambda staging: write_archive(built, staging, target.name), "archive")


def write_archive(built: Built, folder: Path, name: str) -> list[Path]:
    """Write the archive files of ``built`` into the (empty) ``folder``; their paths.
    ``name`` identifies the edition in the archive (the METS OBJID)."""
    edition = built.edition
    pdf = folder / PDF_NAME
    write_pdfa(built.pdf, pdf, title=built.info.title, author=built.info.author,
               subject=built.info.subject, date=edition.date, creator_tool=SOFTWARE,
               lang=built.info.lang)
    words = split_words(built.pagination.pages)
    langs = {article.id: article.lang for article in edition.articles}
    pages = []
    for page in built.pagination.pages:
        data, blocks = alto_page(page, words, pdf_name=PDF_NAME, langs=langs,
                                 default_lang=edition.lang, version=__version__)
        path = folder / alto_name(page.number)
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        pages.append(PageFiles(page.number, path, tuple(blocks)))
    mets = folder / METS_NAME
    mets.write_bytes(mets_document(edition, name=name, folder=folder, pdf=pdf, pages=pages,
                                   software=SOFTWARE))
    manifest = ManifestOutput().write(built, folder)
    for path in [pdf, mets, *manifest, *(page.alto for page in pages)]:
        os.chmod(path, 0o644)
    os.chmod(folder / "alto", 0o755)
    return [pdf, *(page.alto for page in pages), mets, *manifest]
