#!/usr/bin/env python3
"""Style-diff run time: the three sample editions, then those plus the eight mixes of
scripts/make_test_editions.py, diffed for one real change (body 9.5 → 9 pt), and the same
style on both sides (the "no change" path: hashes only).

    .venv/bin/python benchmarks/bench_diff.py [--keep DIR]

Prints seconds per run and, per edition, what the change did.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from layout.designer.diff import diff_editions, summary_lines

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = [ROOT / "editions" / name for name in ("defense-daily-en", "defense-daily-ko",
                                                 "wire-en")]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", type=Path, help="write the diff folders here (to look at)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-diff-"))
    try:
        style = work / "body9.yaml"
        style.write_text("extends: tabloid\nstyles:\n  body: {size: 9pt}\n")
        mixes = work / "mixes"
        subprocess.run([sys.executable, str(ROOT / "scripts" / "make_test_editions.py"),
                        str(mixes)], check=True, capture_output=True)
        mixed = sorted(p for p in mixes.iterdir() if (p / "edition.yaml").is_file())
        out = args.keep or work / "out"
        for label, editions, new in (("3 samples, same style", SAMPLES, "tabloid"),
                                     ("3 samples, body 9.5 → 9 pt", SAMPLES, str(style)),
                                     (f"{3 + len(mixed)} editions, body 9.5 → 9 pt",
                                      SAMPLES + mixed, str(style))):
            started = time.perf_counter()
            data = diff_editions(editions, style=new, against="tabloid",
                                 out=out / label.split(",")[0].replace(" ", "-"))
            seconds = time.perf_counter() - started
            pages = sum(max(r["figures"]["pages"]["before"], r["figures"]["pages"]["after"])
                        for r in data["editions"])
            print(f"{label}: {seconds:.1f} s ({pages} pages, "
                  f"{sum(not r['identical'] for r in data['editions'])} editions changed; "
                  f"{data['workers']} workers: builds {data['timings']['builds']:.1f} s, "
                  f"{data['timings']['build_seconds_each']:.1f} s each, pictures "
                  f"{data['timings']['pictures']:.1f} s)")
            for line in summary_lines(data):
                print("  " + line)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
