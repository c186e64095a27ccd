"""Benchmark: build editions of about 8, 24 and 48 tabloid pages; print seconds/page and memory.

The editions are assembled in a temporary folder from the project's own sample material
(`editions/defense-daily-en` and `editions/wire-en`, real articles and photos), repeating
articles with new ids until the target page count is reached. Each size is built in a fresh
process (`newsprint build`), so the figures include start-up and font loading, as a user sees
them. Target (issue 2): 48 pages in under 4 s wall and under 400 MB on a 2-core machine.

    .venv/bin/python benchmarks/bench_build.py [--sizes 8,24,48]
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "editions" / "defense-daily-en", ROOT / "editions" / "wire-en"]
WORDS_PER_PAGE = 1900     # body words a tabloid page takes with heads and photos (measured)

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
started = time.perf_counter()
from layout.build import build_edition
result = build_edition(Path(sys.argv[1]), out=Path(sys.argv[2]))
print(json.dumps({"seconds": time.perf_counter() - started,
                  "pages": len(result.pagination.pages),
                  "jumps": len(result.pagination.jumps),
                  "articles": len(result.edition.articles),
                  "words": sum(a.word_count for a in result.edition.articles),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def assemble(target_pages: int, folder: Path) -> None:
    """An edition folder of about ``target_pages`` pages of real articles."""
    (folder / "articles").mkdir(parents=True)
    (folder / "images").mkdir()
    articles = []
    for source in SOURCES:
        for image in sorted((source / "images").glob("*")) if (source / "images").exists() else []:
            shutil.copy2(image, folder / "images" / image.name)
        for path in sorted((source / "articles").glob("*")):
            articles.append(path)
    words_needed = target_pages * WORDS_PER_PAGE
    order, words, copy = [], 0, 0
    while words < words_needed:
        copy += 1
        for path in articles:
            name = f"{path.stem}-{copy}{path.suffix}" if copy > 1 else path.name
            shutil.copy2(path, folder / "articles" / name)
            order.append(name)
            words += len(path.read_text(encoding="utf-8").split())
            if words >= words_needed:
                break
    lines = ["title: The Newsprint Benchmark Daily", "date: '2026-11-28'", "issue: 1",
             "style: tabloid", "lang: en", "copyright: <Benchmark edition>", "articles:"]
    lines += [f"- {name}" for name in order]
    (folder / "edition.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="8,24,48")
    args = parser.parse_args()
    print(f"{'target':>6} {'pages':>5} {'articles':>8} {'words':>7} {'jumps':>5} "
          f"{'wall s':>7} {'s/page':>7} {'peak MB':>8}")
    with tempfile.TemporaryDirectory() as temporary:
        for size in (int(s) for s in args.sizes.split(",")):
            folder = Path(temporary) / f"bench-{size}"
            assemble(size, folder)
            started = time.perf_counter()
            child = subprocess.run([sys.executable, "-c", CHILD, str(folder),
                                    str(Path(temporary) / f"out-{size}")],
                                   capture_output=True, text=True, cwd=ROOT)
            wall = time.perf_counter() - started
            if child.returncode:
                print(child.stderr, file=sys.stderr)
                return 1
            figures = json.loads(child.stdout.strip().splitlines()[-1])
            print(f"{size:>6} {figures['pages']:>5} {figures['articles']:>8} "
                  f"{figures['words']:>7} {figures['jumps']:>5} {wall:>7.2f} "
                  f"{wall / figures['pages']:>7.3f} {figures['peak_mb']:>8.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
