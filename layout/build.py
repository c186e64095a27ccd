"""The whole pipeline on one screen: edition folder + style → edition.pdf + manifest.json.

    edition    = load_edition(folder)                        1 load
    sheet      = load_stylesheet(style)                      2 style
    galleys    = GalleyComposer(sheet, Typesetter(sheet))    3 compose (on demand, cached)
    pagination = paginate(edition, sheet, …)                 4 paginate
    render_pdf(pagination, out/edition.pdf)                  5 render
    for output in (manifest, trace?, archive?, …):           6 outputs (outputs/stage.py)
        output.write(built, out)
"""
from __future__ import annotations

import re
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .compose.ahead import set_ahead
from .compose.draws import ImageDraw
from .compose.galley import GalleyComposer
from .errors import Diagnostic, LayoutError
from .forked import default_workers
from .model import Edition
from .model.locks import Locks
from .outputs.stage import Built, DocumentInfo, ManifestOutput, Output, TraceOutput
from .outputs.typestats import TypeStats, edition_stats
from .paginate import Pagination, paginate
from .render import render_pdf
from .render.images import effective_ppi
from .sources import load_edition
from .sources.grid import check_columns
from .sources.locks import format_pages, read_locks
from .stylesheet import StyleSheet, load_stylesheet
from .text.paragraph import Typesetter

PROJECT_ROOT = Path(__file__).resolve().parent.parent
STYLES_DIR = PROJECT_ROOT / "styles"
DEFAULT_STYLE = "tabloid"
LOW_PPI = 150.0

#: The blocks that hold every right-to-left (bidi class R or AL) character: a quick test before
#: the exact one (checked over all of Unicode by tests/unit/test_build_checks.py).
RTL_BLOCKS = re.compile("[\u0590-\u08ff\u200f\ufb1d-\ufdff\ufe70-\ufefe"
                        "\U00010800-\U00010fff\U0001e800-\U0001efff]")


@dataclass
class BuildResult:
    pdf: Path | None            # None for a plan only
    manifest: Path | None
    edition: Edition
    style: StyleSheet
    pagination: Pagination
    diagnostics: list[Diagnostic] = field(default_factory=list)
    seconds: float = 0.0
    typesetting: TypeStats = field(default_factory=TypeStats)         # the whole edition
    page_typesetting: list[TypeStats] = field(default_factory=list)   # page by page
    written: dict[str, list[Path]] = field(default_factory=dict)      # output stage → files
    preflight: list | None = None      # the preflight's findings, when print/ was made


def resolve_style(edition: Edition, override: str | None) -> str | Path:
    """The style to use: the command line's, else the edition's, else the default.

    A path in ``edition.yaml`` is relative to the edition folder; one on the command line is
    relative to the current directory. A bare name is looked up in ``styles/``.
    """
    if override:
        return override
    if edition.style:
        if "/" in edition.style or edition.style.endswith((".yaml", ".yml")):
            path = edition.root / edition.style
            if not path.resolve().is_relative_to(edition.root.resolve()):
                raise LayoutError(f'style "{edition.style}" is outside the edition folder',
                                  file=edition.root / "edition.yaml", key="style",
                                  hint="name a style from styles/, put the style sheet in the "
                                       "edition folder, or pass --style on the command line")
            return path
        return edition.style
    return DEFAULT_STYLE


def load(folder: Path, style: str | None = None) -> tuple[Edition, StyleSheet]:
    """Stages 1–2: read and check the edition and its style sheet (what ``validate`` runs)."""
    if not folder.is_dir():
        raise LayoutError("not an edition folder (expected a directory holding edition.yaml)",
                          file=folder)
    edition = load_edition(folder)
    sheet = load_stylesheet(resolve_style(edition, style), styles_dir=STYLES_DIR)
    check_columns(edition, sheet.page.columns)
    return edition, sheet


def build_edition(folder: Path, *, style: str | None = None, out: Path | None = None,
                  trace: bool = False, plan_only: bool = False,
                  outputs: tuple[Output, ...] = (), force: bool = False,
                  workers: int | None = None,
                  lock: tuple[int, ...] | None = None) -> BuildResult:
    """Build ``folder`` into ``out/edition.pdf`` and ``out/manifest.json``, then run the other
    output stages asked for: ``trace`` adds ``out/trace.txt`` (what every page draws, one line
    a draw, for diffing), ``outputs`` any :class:`~layout.outputs.stage.Output` (the archive
    package, print production, previews …). Where the style or ``edition.yaml`` turns on
    ``print`` or ``previews``, those stages are added if not given (``force``: write plates
    despite preflight errors). With ``plan_only`` nothing is written: the pages are planned
    and reported. ``workers`` (default: two on a machine with two cores) is how many
    processes set type and prepare photos (:mod:`layout.compose.ahead`, :mod:`layout.forked`);
    the PDF is the same for any number.
    ``lock`` (else ``lock:`` of edition.yaml): pages kept as the previous build in ``out``
    made them (read from ``out/manifest.json``), only their text re-set.

    Raises :class:`LayoutError` for bad input; nothing is written then.
    """
    started = time.perf_counter()
    folder = Path(folder)
    edition, sheet = load(folder, style)
    out = Path(out) if out is not None else Path("out") / folder.resolve().name
    typesetter = Typesetter(sheet)
    composer = GalleyComposer(sheet, typesetter)
    locks, lock_notes = _locks(edition, sheet, out, lock)
    processes = default_workers() if workers is None else workers
    with set_ahead(edition, composer, processes):
        pagination = paginate(edition, sheet, typesetter, composer, locks)
    diagnostics = list(edition.diagnostics) + lock_notes + list(pagination.diagnostics)
    diagnostics += _glyph_diagnostics(edition, typesetter)
    diagnostics += _direction_diagnostics(edition)
    diagnostics += _image_diagnostics(pagination)
    total, per_page = edition_stats(pagination.pages)
    if plan_only:
        return BuildResult(None, None, edition, sheet, pagination, diagnostics,
                           time.perf_counter() - started, total, per_page)
    pdf_path = out / "edition.pdf"
    body_face = typesetter.book.chain(sheet.styles["body"]).primary
    info = DocumentInfo(title=f"{edition.title} — {edition.date.isoformat()}",
                        author=edition.title, subject=_subject(edition), lang=edition.lang)
    render_pdf(pagination, pdf_path, title=info.title, date=edition.date,
               initial_font=body_face.name, author=info.author, subject=info.subject,
               lang=info.lang, workers=processes)
    built = Built(edition, sheet, pagination, pdf_path, info, tuple(diagnostics), total,
                  tuple(per_page))
    stages: list[Output] = [ManifestOutput(), *([TraceOutput()] if trace else []), *outputs,
                            *_configured_stages(edition, sheet, outputs, force)]
    written = {"pdf": [pdf_path]}
    preflight = None
    for stage in stages:
        written[stage.name] = stage.write(built, out)
        if stage.name == "print":
            preflight = list(getattr(stage, "findings", []))
    return BuildResult(pdf_path, written["manifest"][0], edition, sheet, pagination,
                       diagnostics, time.perf_counter() - started, total, per_page, written,
                       preflight)


def _configured_stages(edition: Edition, sheet: StyleSheet, given, force: bool) -> list:
    """The print and previews stages that the style or edition.yaml turn on, unless given."""
    names = {stage.name for stage in given}
    stages = []
    if "print" not in names and (sheet.printing.enabled or edition.production.plates):
        from .outputs.printing import PrintOutput
        stages.append(PrintOutput(force=force))
    if "previews" not in names and (sheet.printing.previews or edition.production.previews):
        from .outputs.previews import PreviewsOutput
        stages.append(PreviewsOutput())
    return stages


def _locks(edition: Edition, sheet: StyleSheet, out: Path,
           lock: tuple[int, ...] | None) -> tuple[Locks | None, list[Diagnostic]]:
    """The pages to keep (the command line's, else edition.yaml's) as ``out/manifest.json``
    has them; None when nothing is locked. ``--lock`` without a previous build is an error;
    ``lock:`` of edition.yaml with no previous build in ``out`` (a first build, a preview's
    or an archive's own folder) makes every page afresh and says so."""
    manifest = out / "manifest.json"
    if lock:
        source = "--lock " + format_pages(tuple(lock)).replace(" ", "")
    elif edition.lock:
        lock = edition.lock
        line = f":{edition.lock_line}" if edition.lock_line else ""
        source = f"{edition.root / 'edition.yaml'}{line}: lock"
        if not manifest.is_file():
            return None, [Diagnostic(
                "lock", f"lock: {format_pages(lock)} — no previous build in {out} to keep the "
                        "pages of: every page is made afresh",
                file=str(edition.root / "edition.yaml"), line=edition.lock_line)]
    else:
        return None, []
    return read_locks(manifest, tuple(lock), edition, sheet.name, source), []


def _subject(edition: Edition) -> str:
    issue = f", issue {edition.issue}" if edition.issue is not None else ""
    return f"{edition.title}, edition of {edition.date.isoformat()}{issue}"


def _glyph_diagnostics(edition: Edition, typesetter: Typesetter) -> list[Diagnostic]:
    """One diagnostic per character that no face of its chain could set, naming where it is."""
    found = []
    for char in sorted(typesetter.book.missing):
        where = next((a for a in edition.articles
                      if char in a.headline or any(char in b.text for b in a.blocks)
                      or char in a.byline or char in a.copyright
                      or any(char in d for d in a.deck)), None)
        found.append(Diagnostic("glyph", f"no bundled font has a glyph for U+{ord(char):04X} "
                                f"{char!r}; it prints as a blank box",
                                file=str(where.file) if where else None))
    for note in typesetter.book.substituted:
        found.append(Diagnostic("font", f"the style has no {note} face; the regular one is used"))
    return found


def _direction_diagnostics(edition: Edition) -> list[Diagnostic]:
    """Right-to-left scripts are set left to right in stored order (no bidi layout yet):
    say so for every article that has them, quoting the first such word."""
    found = []
    for article in edition.articles:
        texts = [article.headline, *article.deck, *(block.text for block in article.blocks)]
        for text in texts:
            if not RTL_BLOCKS.search(text):
                continue
            word = next((w for w in text.split()
                         if any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in w)), None)
            if word:
                found.append(Diagnostic("text", f"right-to-left text such as \"{word}\" is set "
                                        "left to right, in stored order: have it checked",
                                        file=str(article.file)))
                break
    return found


def _image_diagnostics(pagination: Pagination) -> list[Diagnostic]:
    found = []
    for page in pagination.pages:
        for draw in page.draws:
            if isinstance(draw, ImageDraw):
                ppi = effective_ppi(draw.image, draw.width)
                if ppi < LOW_PPI:
                    found.append(Diagnostic(
                        "image", f"low resolution: {draw.image.width}×{draw.image.height} px "
                        f"printed at {ppi:.0f} ppi on page {page.number} (print wants 200+)",
                        file=str(draw.image.path)))
    return found
