"""Designer tools: parsed command-line arguments → the tool's run, its output printed."""
from __future__ import annotations

import sys


def run(args) -> int:
    if args.command == "schema":
        from .schema import schema_text
        sys.stdout.write(schema_text())
        return 0
    if args.command == "specimen":
        from .specimen import write_specimen
        path = write_specimen(args.style, args.out, args.lang)
        print(f"{path}: specimen of style {args.style or 'tabloid'}")
        return 0
    if args.command == "diff":
        from .diff import run_diff
        return run_diff(args.editions, style=args.style, against=args.against, out=args.out,
                        json_path=args.json, jobs=args.jobs, no_cache=args.no_cache)
    from .server import serve
    return serve(args.edition, style=args.style, host=args.host, port=args.port)
