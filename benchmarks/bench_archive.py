"""Benchmark: archive throughput — editions per minute with 1 and with 2 workers.

Archivists run years of editions, so the figure that matters is editions per minute on the
machine's cores. Eight editions are used: the three samples and five mixes that
``scripts/make_test_editions.py`` assembles from them (mix30, ko35, mix35, ko37, mix45; 5–11
pages each, English and Korean, with ads). Each run is a fresh ``newsprint archive`` process
into a new bag (nothing reused), so start-up, building, PDF/A, ALTO, METS and the bag's
checksums are all counted, as an archivist sees them. The bag is validated with ``bagit``
afterwards (not timed). Aim (issue 9, 2 cores): 2 workers at least 1.7× the editions per
minute of 1.

    .venv/bin/python benchmarks/bench_archive.py [--workers 1,2] [--repeat 1]
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import bagit

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ["defense-daily-en", "defense-daily-ko", "wire-en"]
MIXES = ["mix30", "ko35", "mix35", "ko37", "mix45"]
NEWSPRINT = Path(sys.executable).with_name("newsprint")


def editions(folder: Path) -> list[Path]:
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_test_editions.py"),
                    str(folder / "mixes")], check=True, stdout=subprocess.DEVNULL)
    found = [ROOT / "editions" / name for name in SAMPLES]
    found += [folder / "mixes" / name for name in MIXES]
    return found


def run(folders: list[Path], bag: Path, workers: int) -> float:
    started = time.perf_counter()
    subprocess.run([str(NEWSPRINT), "archive", *map(str, folders), "-o", str(bag),
                    "--workers", str(workers)], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    bagit.Bag(str(bag)).validate()
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--repeat", type=int, default=1, help="runs per worker count "
                                                              "(interleaved; best is kept)")
    args = parser.parse_args()
    counts = [int(n) for n in args.workers.split(",")]
    with tempfile.TemporaryDirectory(prefix="newsprint-bench-archive-") as temporary:
        folder = Path(temporary)
        folders = editions(folder)
        best: dict[int, float] = {}
        for attempt in range(args.repeat):
            for workers in counts:
                bag = folder / f"bag-{workers}-{attempt}"
                seconds = run(folders, bag, workers)
                pages = sum(1 for _ in (bag / "data").rglob("page-*.xml"))
                best[workers] = min(best.get(workers, seconds), seconds)
                print(f"{len(folders)} editions ({pages} pages), {workers} worker(s): "
                      f"{seconds:.1f} s = {len(folders) / seconds * 60:.1f} editions/min",
                      flush=True)
                shutil.rmtree(bag)
        if 1 in best:
            for workers in counts:
                if workers != 1:
                    print(f"speed-up with {workers} workers: {best[1] / best[workers]:.2f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
