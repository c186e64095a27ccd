"""Stage 6 (outputs): ``OUT/print/`` — what goes to the printing plant.

    PRINT/edition-pdfx4.pdf          the whole edition as PDF/X-4, CMYK (:mod:`.pdfx`)
    PRINT/<plate name>.pdf           one plate per page, marks and slug outside the bleed
                                     (:mod:`.plates`; names from ``print.plate_name``)
    PRINT/preflight.json             the preflight's findings (:mod:`.preflight`)

The twin is made first, in a staging folder beside ``PRINT``, and checked against the PDF/X-4
clauses; then the preflight runs on the build's draws and on the twin. Errors stop it — no
plates, nothing renamed into place, a :class:`~layout.errors.LayoutError` that lists them —
unless ``force``; then the plates are written and the staging folder becomes ``PRINT``.
"""
from __future__ import annotations

from pathlib import Path

from .. import __version__
from ..errors import LayoutError
from .files import write_folder_atomically
from .pdfx import conformance_problems, make_twin
from .plates import write_plates
from .preflight import (Finding, edition_findings, errors, pdf_findings, summary,
                        write_json)
from .stage import Built

TWIN_NAME = "edition-pdfx4.pdf"
PREFLIGHT_NAME = "preflight.json"
SOFTWARE = f"Newsprint {__version__}"


class PrintOutput:
    """``OUT/print/``: the PDF/X-4 twin, the plates and the preflight (see the module).
    ``findings`` holds the preflight's after :meth:`write`; ``plates`` off makes the twin
    and the preflight only (``newsprint preflight EDITION``)."""

    name = "print"

    def __init__(self, *, force: bool = False, plates: bool = True):
        self.force = force
        self.plates = plates
        self.findings: list[Finding] = []

    def write(self, built: Built, folder: Path) -> list[Path]:
        return write_folder_atomically(folder / "print",
                                       lambda staging: self._write(built, staging), "print")

    def _write(self, built: Built, staging: Path) -> list[Path]:
        settings = built.sheet.printing
        twin = staging / TWIN_NAME
        report = make_twin(built.pdf, twin, built.pagination, built.sheet,
                           title=built.info.title, author=built.info.author,
                           subject=built.info.subject, date=built.edition.date,
                           creator_tool=SOFTWARE)
        problems = conformance_problems(twin, content=False)
        if problems:
            raise ValueError("PDF/X-4 twin fails: " + "; ".join(problems))
        self.findings = edition_findings(built.edition, built.pagination, settings,
                                         built.diagnostics, report.pictures)
        self.findings += pdf_findings(twin, settings, resolution=False, ink=False)
        preflight = staging / PREFLIGHT_NAME
        write_json(self.findings, preflight, source=str(built.edition.root))
        if not self.plates:
            return [twin, preflight]
        bad = errors(self.findings)
        if bad and not self.force:
            shown = "\n  ".join(f.format() for f in bad[:12])
            more = f"\n  … and {len(bad) - 12} more" if len(bad) > 12 else ""
            raise LayoutError(f"{summary(self.findings)}: no plates written\n  {shown}{more}",
                              file=built.edition.root / "edition.yaml",
                              hint="fix them (a photo with more pixels, …), or pass --force to "
                                   "write the plates anyway")
        sections = [page.section for page in built.pagination.pages]
        plates = write_plates(twin, staging, built.edition, built.sheet, sections,
                              title=built.info.title, author=built.info.author,
                              subject=built.info.subject, creator_tool=SOFTWARE)
        for plate in plates:
            problems = conformance_problems(plate, content=False)
            if problems:
                raise ValueError(f"plate {plate.name} fails: " + "; ".join(problems))
        return [twin, *plates, preflight]
