"""Designer tool (style diff): editions × (old style, new style) → what the change does.

    jobs    = every edition built with both styles, in a process pool (both cores)
    same?   = the two PDFs' SHA-256: identical editions need no pixels
    pages   = otherwise each page rendered before/after, compared pixel by pixel
    figures = pages, jumps, holes, loose lines, ladders, widows/orphans, low-ppi photos, moved
              stories, before → after (from the build result, as the manifest has them)
    report  = DIR/<edition>/page-NN-{before,after,diff}.png, DIR/report.html, --json

Builds are deterministic (byte-identical PDFs for the same input), so equal hashes mean equal
pages. ``run_diff`` is what ``newsprint diff`` runs.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops

from ..build import LOW_PPI, build_edition
from ..compose.draws import ImageDraw
from ..errors import LayoutError
from ..render.images import effective_ppi
from . import buildcache
from .diff_report import write_html
from .raster import render_images

CACHE_FOLDER = ".cache"    # DIR/.cache: builds kept for the next run (buildcache.py)
DIFF_SCALE = 1.0          # 72 ppi: an 11 × 17 in page is 792 × 1224 px
CHANGED_LEVEL = 32        # a pixel changed when a channel differs by more than this (of 255)
FIGURES = ("pages", "jumps", "holes_mean", "holes_max", "loose_lines", "hyphenated",
           "longest_ladder", "widows_orphans", "photos_below_ppi", "warnings")


@dataclass(frozen=True)
class BuildJob:
    edition: Path
    style: str | None          # None: the edition's own style
    out: Path
    cache: Path | None = None  # the build cache's folder (buildcache.py), None: no cache


def figures(result) -> dict:
    """The figures compared before → after, from a BuildResult (what the manifest holds)."""
    pages = result.pagination.pages
    holes = [round(100 * p.hole_lines / p.grid_lines, 2) if p.grid_lines else 0.0
             for p in pages]
    inner = holes[:-1] if len(holes) > 1 else holes   # the last page may end short
    low = sum(1 for page in pages for draw in page.draws
              if isinstance(draw, ImageDraw) and not draw.letterbox
              and effective_ppi(draw.image, draw.width) < LOW_PPI)
    stories: dict[str, list[int]] = {}
    for page in pages:
        for article in page.articles:
            stories.setdefault(article, [])
            if page.number not in stories[article]:
                stories[article].append(page.number)
    stats = result.typesetting
    return {"pages": len(pages), "jumps": len(result.pagination.jumps),
            "holes": holes, "holes_mean": round(sum(inner) / len(inner), 2) if inner else 0.0,
            "holes_max": max(inner, default=0.0), "loose_lines": stats.loose_20,
            "hyphenated": stats.hyphenated, "longest_ladder": stats.longest_ladder,
            "widows_orphans": stats.keeps_left, "photos_below_ppi": low,
            "warnings": len(result.diagnostics), "stories": stories,
            "style": result.style.name}


def _build(job: BuildJob) -> dict:
    """One build (in a worker process), or its cached copy: the PDF, its hash and figures,
    or the error's text."""
    entry_key = buildcache.key(job.edition, job.style)
    if job.cache is not None:
        found = buildcache.lookup(job.cache, entry_key)
        if found is not None:
            return {**found, "seconds": 0.0}
    try:
        # One process a build: the diff already runs a build on every core.
        result = build_edition(job.edition, style=job.style, out=job.out, workers=1)
    except LayoutError as error:       # LayoutError does not pickle: send its words
        return {"error": error.format()}
    digest = hashlib.sha256(result.pdf.read_bytes()).hexdigest()
    entry = {"sha256": digest, "figures": figures(result), "inputs": buildcache.inputs(result)}
    pdf = str(result.pdf)
    if job.cache is not None:
        pdf = buildcache.store(job.cache, entry_key, result.pdf, entry)
    return {**entry, "pdf": pdf, "seconds": result.seconds, "cached": False}


def _padded(image: Image.Image | None, size: tuple[int, int]) -> Image.Image:
    """``image`` on white paper of ``size`` (a missing page is blank paper)."""
    canvas = Image.new("RGB", size, "white")
    if image is not None:
        canvas.paste(image, (0, 0))
    return canvas


def difference_picture(before: Image.Image, after: Image.Image) -> tuple[Image.Image, float]:
    """The after page faded to a light grey with every changed pixel in red; and the share of
    the page's pixels that changed. A palette image (greys and one red): a third of the bytes
    to encode of an RGB one."""
    delta = ImageChops.difference(before, after).convert("L")
    mask = delta.point(lambda v: 255 if v > CHANGED_LEVEL else 0)
    changed = mask.histogram()[255]
    # Grey g faded three quarters of the way to white is 191 + g / 4: indexes 191…254 of a
    # grey palette; index 0 is the red.
    faded = after.convert("L").point(lambda v: 191 + v // 4 if v < 252 else 254)
    faded.paste(0, (0, 0), mask)
    picture = Image.frombytes("P", faded.size, faded.tobytes())
    picture.putpalette([220, 0, 40] + [v for i in range(1, 256) for v in (i, i, i)])
    return picture, changed / (after.width * after.height)


def page_files(pdf: Path) -> list[Path]:
    """The PDF's pages as PNG files at DIFF_SCALE, made once and kept beside it (so a cached
    build's pages are not rendered and encoded again)."""
    folder = Path(pdf).parent / f"pages-{DIFF_SCALE:g}"
    if (folder / "complete").is_file():
        return sorted(folder.glob("page-*.png"))
    staging = Path(tempfile.mkdtemp(prefix=".pages-", dir=Path(pdf).parent))
    for number, image in enumerate(render_images(Path(pdf), DIFF_SCALE), start=1):
        image.save(staging / f"page-{number:03d}.png", compress_level=1)
    (staging / "complete").write_text("")
    try:
        os.replace(staging, folder)
    except OSError:           # made meanwhile by another worker (the same edition twice)
        shutil.rmtree(staging, ignore_errors=True)
    return sorted(folder.glob("page-*.png"))


def _compare(before_pdf: str, after_pdf: str, folder: str) -> list[dict]:
    """Before/after/diff PNGs per page and the changed share (in a worker process)."""
    befores, afters = page_files(Path(before_pdf)), page_files(Path(after_pdf))
    folder_path = Path(folder)
    if folder_path.exists():
        shutil.rmtree(folder_path)             # no pictures of an earlier run stay
    folder_path.mkdir(parents=True)
    pages = []
    for index in range(max(len(befores), len(afters))):
        files = {"before": befores[index] if index < len(befores) else None,
                 "after": afters[index] if index < len(afters) else None}
        images = {kind: Image.open(path).convert("RGB") if path else None
                  for kind, path in files.items()}
        size = (max(i.width for i in images.values() if i is not None),
                max(i.height for i in images.values() if i is not None))
        names = {kind: f"page-{index + 1:02d}-{kind}.png" for kind in ("before", "after", "diff")}
        for kind, image in images.items():
            if image is not None and image.size == size:
                shutil.copyfile(files[kind], folder_path / names[kind])   # as rendered
            else:                     # a page only one side has, or of another size
                images[kind] = _padded(image, size)
                images[kind].save(folder_path / names[kind], compress_level=1)
        picture, share = difference_picture(images["before"], images["after"])
        picture.save(folder_path / names["diff"], compress_level=1)
        pages.append({"page": index + 1, "changed": round(share, 5),
                      "in_before": files["before"] is not None,
                      "in_after": files["after"] is not None, **names})
    return pages


def moved_stories(before: dict, after: dict) -> list[dict]:
    """Stories whose pages differ between the two builds."""
    moved = []
    for story in sorted(set(before) | set(after)):
        if before.get(story) != after.get(story):
            moved.append({"story": story, "before": before.get(story, []),
                          "after": after.get(story, [])})
    return moved


def _folder_names(editions: list[Path]) -> list[str]:
    """One output folder name per edition: its folder name, numbered where two share one."""
    names, seen = [], {}
    for edition in editions:
        name = Path(edition).resolve().name
        seen[name] = seen.get(name, 0) + 1
        names.append(name if seen[name] == 1 else f"{name}-{seen[name]}")
    return names


def diff_editions(editions: list[Path], *, style: str, against: str | None, out: Path,
                  jobs: int | None = None, no_cache: bool = False) -> dict:
    """Build, compare and write the PNGs; the whole result as JSON-ready data."""
    started = time.perf_counter()
    out = Path(out)
    editions = [Path(e) for e in editions]
    for edition in editions:
        if not edition.is_dir():
            raise LayoutError("not an edition folder (expected a directory holding "
                              "edition.yaml)", file=edition)
    new_style = _absolute_if_path(style)
    old_style = _absolute_if_path(against) if against else None
    names = _folder_names(editions)
    builds = out / ".builds"      # fresh builds; kept ones are copied into the cache
    work = []
    for edition, name in zip(editions, names):
        cache = None if no_cache else out / CACHE_FOLDER
        work.append(BuildJob(edition.resolve(), old_style, builds / name / "before", cache))
        work.append(BuildJob(edition.resolve(), new_style, builds / name / "after", cache))
    workers = max(1, min(jobs or os.cpu_count() or 1, len(work)))
    timings: dict[str, float] = {}
    try:
        results = _run(work, names, editions, out, workers, timings)
    finally:
        shutil.rmtree(builds, ignore_errors=True)
    return {"style": style, "against": against, "editions": results,
            "changed": any(not r["identical"] for r in results),
            "seconds": round(time.perf_counter() - started, 2),
            "timings": {k: round(v, 2) for k, v in timings.items()}, "workers": workers}


def _run(work: list[BuildJob], names: list[str], editions: list[Path], out: Path,
         workers: int, timings: dict[str, float]) -> list[dict]:
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        # The same edition with the same style (--style equal to --against) is built once;
        # the biggest editions go first, so no core idles on one long build at the end, and
        # an edition's pictures are made as soon as both its builds are done.
        unique = list(dict.fromkeys((job.edition, job.style) for job in work))
        first = {pair: next(j for j in work if (j.edition, j.style) == pair) for pair in unique}
        order = sorted(unique, key=lambda pair: -_copy_size(pair[0]))
        futures = {pool.submit(_build, first[pair]): pair for pair in order}
        done: dict = {}
        comparisons = {}
        for future in as_completed(futures):
            done[futures[future]] = future.result()
            for index, name in enumerate(names):
                pair_before = (work[2 * index].edition, work[2 * index].style)
                pair_after = (work[2 * index + 1].edition, work[2 * index + 1].style)
                if name in comparisons or pair_before not in done or pair_after not in done:
                    continue
                before, after = done[pair_before], done[pair_after]
                if "error" in before or "error" in after:
                    continue
                if before["sha256"] != after["sha256"]:
                    comparisons[name] = pool.submit(_compare, before["pdf"], after["pdf"],
                                                    str(out / name))
        built = [done[(job.edition, job.style)] for job in work]
        timings["builds"] = time.perf_counter() - started
        errors = [b["error"] for b in built if "error" in b]
        if errors:
            for future in comparisons.values():
                future.cancel()
            raise LayoutError("\n".join(dict.fromkeys(errors)))
        results = []
        for index, (edition, name) in enumerate(zip(editions, names)):
            before, after = built[2 * index], built[2 * index + 1]
            folder = out / name
            if name not in comparisons and folder.exists():
                shutil.rmtree(folder)          # PNGs of an earlier run would mislead
            pages = comparisons[name].result() if name in comparisons else []
            fb, fa = before["figures"], after["figures"]
            results.append({
                "edition": str(edition), "name": name,
                "style_before": fb["style"], "style_after": fa["style"],
                "identical": before["sha256"] == after["sha256"],
                "sha256_before": before["sha256"], "sha256_after": after["sha256"],
                "figures": {key: {"before": fb[key], "after": fa[key]} for key in FIGURES},
                "holes_by_page": {"before": fb["holes"], "after": fa["holes"]},
                "moved_stories": moved_stories(fb["stories"], fa["stories"]),
                "pages": pages,
                "changed_pages": sum(1 for p in pages if p["changed"] > 0),
            })
    timings["pictures"] = time.perf_counter() - started - timings["builds"]
    fresh = [b["seconds"] for b in done.values() if not b.get("cached")]
    timings["build_seconds_each"] = sum(fresh) / max(1, len(fresh))
    timings["builds_run"] = len(fresh)
    timings["cached_builds"] = len(done) - len(fresh)
    return results


def _copy_size(edition: Path) -> int:
    """Bytes of the edition's articles: how long its build will take, roughly."""
    return sum(p.stat().st_size for p in (Path(edition) / "articles").glob("*") if p.is_file())


def _absolute_if_path(style: str) -> str:
    """A style path given on the command line is relative to the current folder; workers get
    it absolute. A bare name (``tabloid``) stays a name."""
    text = str(style)
    if "/" in text or text.endswith((".yaml", ".yml")):
        return str(Path(text).resolve())
    return text


def summary_lines(data: dict) -> list[str]:
    lines = []
    for result in data["editions"]:
        if result["identical"]:
            lines.append(f"{result['name']}: no change (identical PDF)")
            continue
        f = result["figures"]
        changed = [p for p in result["pages"] if p["changed"] > 0]
        share = max((p["changed"] for p in changed), default=0.0)
        lines.append(
            f"{result['name']}: pages {f['pages']['before']} → {f['pages']['after']}, "
            f"jumps {f['jumps']['before']} → {f['jumps']['after']}, "
            f"holes {f['holes_mean']['before']:.2f} → {f['holes_mean']['after']:.2f} % a page "
            f"(last page left out), "
            f"loose lines {f['loose_lines']['before']} → {f['loose_lines']['after']}; "
            f"{len(changed)} of {len(result['pages'])} pages changed (up to {share:.1%} of a "
            f"page); {len(result['moved_stories'])} stories changed page")
    return lines


def run_diff(editions: list[Path], *, style: str, against: str | None, out: Path,
             json_path: Path | None = None, jobs: int | None = None,
             no_cache: bool = False) -> int:
    """``newsprint diff``: print a line per edition (or "no change"); exit status 0."""
    data = diff_editions(editions, style=style, against=against, out=out, jobs=jobs,
                         no_cache=no_cache)
    out = Path(out)
    write_html(data, out / "report.html")
    if json_path is not None:
        Path(json_path).parent.mkdir(parents=True, exist_ok=True)
        Path(json_path).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n",
                                   encoding="utf-8")
    if not data["changed"]:
        print(f"no change: {len(data['editions'])} editions build identical PDFs with both "
              f"styles ({data['seconds']:.1f} s)")
        return 0
    for line in summary_lines(data):
        print(line)
    print(f"report: {out / 'report.html'} ({data['seconds']:.1f} s)")
    return 0
