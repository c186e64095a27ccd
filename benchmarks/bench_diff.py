#!/usr/bin/env python3
"""Style-diff run time: the three sample editions, then those plus the eight mixes of
scripts/make_test_editions.py (11 editions), diffed for one real change (body 9.5 → 9 pt)
against tabloid with an empty build cache; then a second change against the same old style
(the old side comes from the cache); then the same style on both sides ("no change": hashes).

    .venv/bin/python benchmarks/bench_diff.py [--keep DIR]

Prints seconds per run, the split (builds / pictures), and per edition what the change did.
"""
from __future__ import annotations

import argparse
import os
import resource
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


def _cpu() -> float:
    """User + system seconds of this process and of its finished children (the pool)."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", type=Path, help="write the diff folders here (to look at)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-diff-"))
    try:
        body9 = work / "body9.yaml"
        body9.write_text("extends: tabloid\nstyles:\n  body: {size: 9pt}\n")
        body10 = work / "body10.yaml"
        body10.write_text("extends: tabloid\nstyles:\n  body: {size: 10pt, leading: 12pt}\n")
        mixes = work / "mixes"
        subprocess.run([sys.executable, str(ROOT / "scripts" / "make_test_editions.py"),
                        str(mixes)], check=True, capture_output=True)
        everything = SAMPLES + sorted(p for p in mixes.iterdir()
                                      if (p / "edition.yaml").is_file())
        out = args.keep or work / "out"
        if out.exists():
            shutil.rmtree(out)
        runs = (("3 samples, body 9.5 → 9 pt, empty cache", SAMPLES, body9, out / "samples"),
                (f"{len(everything)} editions, body 9.5 → 9 pt, empty cache", everything, body9,
                 out / "all"),
                (f"{len(everything)} editions, body 9.5 → 10/12 pt, old side cached",
                 everything, body10, out / "all"),
                (f"{len(everything)} editions, same style (no change)", everything, "tabloid",
                 out / "all"))
        for label, editions, new, folder in runs:
            started, cpu = time.perf_counter(), _cpu()
            data = diff_editions(editions, style=str(new), against="tabloid", out=folder)
            seconds, cpu = time.perf_counter() - started, _cpu() - cpu
            pages = sum(max(r["figures"]["pages"]["before"], r["figures"]["pages"]["after"])
                        for r in data["editions"])
            t = data["timings"]
            print(f"{label}: {seconds:.1f} s ({cpu:.1f} CPU s in all processes; load "
                  f"{os.getloadavg()[0]:.1f}) — {pages} pages, "
                  f"{sum(not r['identical'] for r in data['editions'])} editions changed; "
                  f"{data['workers']} workers; {t['builds_run']} builds run "
                  f"({t['build_seconds_each']:.1f} s each), {t['cached_builds']} from the cache; "
                  f"builds {t['builds']:.1f} s, pictures {t['pictures']:.1f} s", flush=True)
            for line in summary_lines(data):
                print("  " + line)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
