"""Stage 6 (outputs): the one interface every output stage has, and what it is given.

``build`` lays the edition out, renders ``edition.pdf`` and then hands the same :class:`Built`
to each output stage it was asked for, in order; a stage writes its files under the build's
output folder (atomically: a failed stage leaves no half-written file) and returns their paths.
A new output (print plates, previews …) is one more class with a ``name`` and ``write``; it
reads the positions the renderer drew from ``built.pagination`` (every draw carries its
:class:`~layout.compose.draws.Origin`), never re-deriving them from the PDF.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..errors import Diagnostic
from ..model import Edition
from ..paginate.pages import Pagination
from ..render.trace import trace as trace_text
from ..stylesheet import StyleSheet
from .files import write_text_atomically
from .manifest import manifest_data, write_json_atomically
from .typestats import TypeStats


@dataclass(frozen=True)
class DocumentInfo:
    """What the edition PDF says about itself (its Info dictionary)."""

    title: str
    author: str
    subject: str
    lang: str


@dataclass(frozen=True)
class Built:
    """An edition as built: laid out, rendered to ``pdf``, measured."""

    edition: Edition
    sheet: StyleSheet
    pagination: Pagination
    pdf: Path
    info: DocumentInfo
    diagnostics: tuple[Diagnostic, ...]
    typesetting: TypeStats
    page_typesetting: tuple[TypeStats, ...]


class Output(Protocol):
    """An output stage: ``write`` puts its files under ``folder`` and returns their paths."""

    name: str

    def write(self, built: Built, folder: Path) -> list[Path]: ...


class ManifestOutput:
    """``manifest.json``: where every article went (see :mod:`.manifest`)."""

    name = "manifest"

    def write(self, built: Built, folder: Path) -> list[Path]:
        path = folder / "manifest.json"
        write_json_atomically(manifest_data(built.edition, built.sheet.name, built.pagination,
                                            list(built.diagnostics), built.typesetting,
                                            list(built.page_typesetting)), path)
        return [path]


class TraceOutput:
    """``trace.txt``: every draw of every page, one a line (for diffing two builds)."""

    name = "trace"

    def write(self, built: Built, folder: Path) -> list[Path]:
        path = folder / "trace.txt"
        write_text_atomically(trace_text(built.pagination), path)
        return [path]
