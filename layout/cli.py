"""The command line: parses arguments, calls the public API, prints the report. Nothing else.

Exit status: 0 done, 1 bad input (message names file, line and key), 2 usage error,
3 internal error (a bug: re-run with --debug for the traceback).
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__
from .errors import LayoutError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsprint",
                                     description="Lay out a newspaper edition as a PDF.")
    parser.add_argument("--version", action="version", version=f"newsprint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    build = commands.add_parser("build", help="build EDITION into OUT/edition.pdf and manifest.json")
    build.add_argument("edition", type=Path, metavar="EDITION", help="the edition folder")
    build.add_argument("--style", metavar="S", help="style name (from styles/) or YAML path")
    build.add_argument("-o", "--out", type=Path, metavar="OUT",
                       help="output folder (default: out/<edition folder name>/)")
    build.add_argument("--trace", action="store_true",
                       help="also write OUT/trace.txt: every draw of every page, one a line "
                            "(diff two builds to see exactly what a style change moved)")
    build.add_argument("--lock", metavar="PAGES", type=_pages,
                       help="keep these pages (1-3, or 1,4-5) exactly as the previous build in "
                            "OUT made them (its manifest.json): only their text is re-set; a "
                            "story that no longer fits is reported overset, not moved")
    build.add_argument("--plan-only", action="store_true",
                       help="plan the pages and print the plan; write nothing (fast)")
    build.add_argument("--archive", action="store_true",
                       help="also write OUT/archive/: the PDF/A-2u copy, ALTO 4.4 per page and "
                            "METS (what `newsprint archive` puts in a bag, for one edition)")
    build.add_argument("--print", action="store_true", dest="print_",
                       help="also write OUT/print/: the PDF/X-4 twin (CMYK) and one plate PDF "
                            "per page, with bleed, crop marks and slug; refused when the "
                            "preflight finds errors")
    build.add_argument("--force", action="store_true",
                       help="write the plates even when the preflight finds errors")
    build.add_argument("--previews", action="store_true",
                       help="also write OUT/previews/: a PNG per page, thumbnails and a "
                            "contact sheet")
    build.add_argument("--preview-ppi", type=float, metavar="PPI", default=None,
                       help="resolution of the previews (default: the style's, 100)")
    build.add_argument("--workers", type=int, metavar="N", default=None,
                       help="processes that set type (default: 2 on a machine with two or "
                            "more cores); the PDF is the same for any N")
    build.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    validate = commands.add_parser("validate", help="check EDITION and its style without rendering")
    validate.add_argument("edition", type=Path, metavar="EDITION")
    validate.add_argument("--style", metavar="S")
    validate.add_argument("--debug", action="store_true")
    archive = commands.add_parser(
        "archive", help="archive editions into one BagIt bag (PDF/A-2u, ALTO, METS); resumable")
    archive.add_argument("editions", type=Path, nargs="+", metavar="EDITION")
    archive.add_argument("-o", "--out", type=Path, metavar="BAG", required=True,
                         help="the bag folder to write (BAG.partial/ holds the work until done)")
    archive.add_argument("--style", metavar="S", help="style for every edition (default: each "
                                                        "edition's own)")
    archive.add_argument("--workers", type=int, metavar="N", default=None,
                         help=f"editions built at once (default: the machine's cores, "
                              f"{os.cpu_count() or 1})")
    archive.add_argument("--scheduler", metavar="ADDRESS",
                         help="run the editions on a Dask distributed cluster "
                              "(tcp://host:port); its workers must see these folders")
    archive.add_argument("--debug", action="store_true")
    preflight = commands.add_parser(
        "preflight", help="check an edition (built anew) or any PDF as a printing plant does; "
                          "exit 1 on any error")
    preflight.add_argument("source", type=Path, metavar="EDITION|PDF")
    preflight.add_argument("--style", metavar="S", help="style name or YAML path (limits: "
                           "print.min_ppi, max_ink …)")
    preflight.add_argument("--json", type=Path, metavar="FILE",
                           help="also write the findings as JSON")
    preflight.add_argument("--debug", action="store_true")
    _designer_commands(commands)
    return parser


def _designer_commands(commands) -> None:
    """The designer tools (layout/designer/): preview, diff, schema, specimen."""
    preview = commands.add_parser("preview", help="serve a live preview of EDITION that "
                                  "rebuilds on every save")
    preview.add_argument("edition", type=Path, metavar="EDITION")
    preview.add_argument("--style", metavar="S", help="style name or YAML path")
    preview.add_argument("--port", type=int, default=8000, help="port (default 8000; 0: any)")
    preview.add_argument("--host", default="127.0.0.1",
                         help="address to listen on (default 127.0.0.1, this machine only)")
    preview.add_argument("--debug", action="store_true")
    diff = commands.add_parser("diff", help="build editions with two styles and report what "
                               "changed, page by page")
    diff.add_argument("editions", type=Path, nargs="+", metavar="EDITION")
    diff.add_argument("--style", required=True, metavar="NEW", help="the new style sheet")
    diff.add_argument("--against", metavar="OLD",
                      help="the old style sheet (default: each edition's own style)")
    diff.add_argument("-o", "--out", type=Path, required=True, metavar="DIR",
                      help="folder for the PNGs and report.html")
    diff.add_argument("--json", type=Path, metavar="FILE", help="also write the figures as JSON")
    diff.add_argument("--jobs", type=int, default=None,
                      help="parallel builds (default: the number of cores)")
    diff.add_argument("--no-cache", action="store_true",
                      help="build both sides anew (default: reuse builds kept in DIR/.cache)")
    diff.add_argument("--debug", action="store_true")
    schema = commands.add_parser("schema", help="print the JSON Schema of the style sheet")
    schema.add_argument("--debug", action="store_true")
    specimen = commands.add_parser("specimen", help="draw a specimen sheet of a style")
    specimen.add_argument("--style", default=None, metavar="S",
                          help="style name or YAML path (default tabloid)")
    specimen.add_argument("-o", "--out", type=Path, default=Path("specimen.pdf"), metavar="PDF")
    specimen.add_argument("--lang", choices=("en", "ko", "both"), default="en",
                          help="language of the sample heads (default en; ko for a Korean "
                               "edition's style, both to compare)")
    specimen.add_argument("--debug", action="store_true")


def _pages(text: str) -> tuple[int, ...]:
    """--lock's value: page numbers and ranges (argparse reports a bad one as a usage error)."""
    from .sources.locks import parse_pages
    try:
        return parse_pages(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "build":
            return _build(args)
        if args.command == "archive":
            return _archive(args)
        if args.command == "preflight":
            return _preflight(args)
        if args.command in ("preview", "diff", "schema", "specimen"):
            from .designer.commands import run
            return run(args)
        return _validate(args)
    except LayoutError as error:
        print(f"newsprint: error: {error.format()}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("newsprint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:       # the report was piped into a reader that quit (| head)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as error:  # a bug, not bad input
        if getattr(args, "debug", False):
            raise
        print(f"newsprint: internal error: {type(error).__name__}: {error} "
              "(re-run with --debug for details and report it)", file=sys.stderr)
        return 3


def _build(args) -> int:
    from .build import build_edition
    from .report import build_report
    outputs: list = []
    if args.archive:
        from .outputs.archive import ArchiveOutput
        outputs.append(ArchiveOutput())
    if args.print_:
        from .outputs.printing import PrintOutput
        outputs.append(PrintOutput(force=args.force))
    if args.previews or args.preview_ppi:
        if args.preview_ppi is not None and not 10 <= args.preview_ppi <= 600:
            raise LayoutError(f"--preview-ppi must be 10 to 600, not {args.preview_ppi:g}")
        from .outputs.previews import PreviewsOutput
        outputs.append(PreviewsOutput(args.preview_ppi))
    if args.workers is not None and args.workers < 1:
        raise LayoutError(f"--workers must be 1 or more, not {args.workers}")
    result = build_edition(args.edition, style=args.style, out=args.out, trace=args.trace,
                           plan_only=args.plan_only, outputs=tuple(outputs), force=args.force,
                           workers=args.workers, lock=args.lock)
    print(build_report(result))
    return 0


def _preflight(args) -> int:
    """An edition: built anew into a temporary folder, twin made, every check run. A PDF: the
    checks a PDF alone allows, with the limits of ``--style`` (default tabloid's)."""
    import tempfile
    from .outputs import preflight
    source = args.source
    if not source.exists():
        raise LayoutError("no such file or folder", file=source,
                          hint="give an edition folder or a PDF")
    if source.is_file() and source.suffix.lower() == ".pdf":
        from .build import STYLES_DIR, DEFAULT_STYLE
        from .stylesheet import load_stylesheet
        sheet = load_stylesheet(args.style or DEFAULT_STYLE, styles_dir=STYLES_DIR)
        try:
            findings = preflight.pdf_findings(source, sheet.printing)
        except Exception as error:
            import pikepdf
            if isinstance(error, pikepdf.PdfError):
                raise LayoutError(f"not a readable PDF ({error})", file=source) from None
            raise
    else:
        from .build import build_edition
        from .outputs.printing import PrintOutput
        stage = PrintOutput(plates=False)
        with tempfile.TemporaryDirectory(prefix="newsprint-preflight-") as temporary:
            build_edition(source, style=args.style, out=Path(temporary), outputs=(stage,))
        findings = stage.findings
    print(f"{source}: " + preflight.table(findings))
    if args.json:
        preflight.write_json(findings, args.json, source=str(source))
    return 1 if preflight.errors(findings) else 0


def _archive(args) -> int:
    from .batch.archive import archive, report
    from .build import STYLES_DIR
    workers = args.workers if args.workers is not None else (os.cpu_count() or 1)
    if workers < 1:
        raise LayoutError(f"--workers must be 1 or more, not {workers}")
    summary = archive(args.editions, args.out, style=args.style, workers=workers,
                      scheduler=args.scheduler, styles_dir=STYLES_DIR)
    print(report(summary))
    return 1 if summary.failed else 0


def _validate(args) -> int:
    from .build import load
    edition, sheet = load(args.edition, args.style)
    print(f"{args.edition}: OK — {len(edition.articles)} articles, style {sheet.name}")
    for diagnostic in edition.diagnostics:
        print(f"  warning: {diagnostic.format()}")
    return 0
