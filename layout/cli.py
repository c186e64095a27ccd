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
    build.add_argument("--plan-only", action="store_true",
                       help="plan the pages and print the plan; write nothing (fast)")
    build.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    validate = commands.add_parser("validate", help="check EDITION and its style without rendering")
    validate.add_argument("edition", type=Path, metavar="EDITION")
    validate.add_argument("--style", metavar="S")
    validate.add_argument("--debug", action="store_true")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "build":
            return _build(args)
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
    result = build_edition(args.edition, style=args.style, out=args.out, trace=args.trace,
                           plan_only=args.plan_only)
    print(build_report(result))
    return 0


def _validate(args) -> int:
    from .build import load
    edition, sheet = load(args.edition, args.style)
    print(f"{args.edition}: OK — {len(edition.articles)} articles, style {sheet.name}")
    for diagnostic in edition.diagnostics:
        print(f"  warning: {diagnostic.format()}")
    return 0
