"""Benchmark: Newsprint against Typst on the same edition, wall time and peak memory, interleaved.

Both sides set the same articles (headline, deck, byline, body paragraphs, copyright line), the
same photos with captions and credits, on the same page, columns, gutter, fonts, size and
leading (justified, hyphenated). Each run is a fresh process, as a user starts it, so the
figures include start-up and font loading; Newsprint and Typst alternate, ``--runs`` times,
and the medians are compared. Typst is PyPI ``typst`` (``pip install typst``).

The yardstick is the 48-page edition ``../shared/bench/ed-48p``; copy it out first (nothing
may read ``../shared/`` at run time)::

    cp -r ../shared/bench/ed-48p /tmp/ed-48p
    .venv/bin/python benchmarks/bench_typst.py /tmp/ed-48p [--runs 3] [--workers 2]

Prints both times, the ratio (Newsprint / Typst; the target is ≤ 1.0) and peak memory.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from layout.build import load  # noqa: E402

NEWSPRINT = r"""
import json, resource, sys, time
from pathlib import Path
started = time.perf_counter()
from layout.build import build_edition
result = build_edition(Path(sys.argv[1]), out=Path(sys.argv[2]), workers=int(sys.argv[3]))
print(json.dumps({"seconds": time.perf_counter() - started,
                  "pages": len(result.pagination.pages),
                  "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "child_peak_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""

TYPST = r"""
import json, resource, sys, time
started = time.perf_counter()
import typst
typst.compile(sys.argv[1], output=sys.argv[2], font_paths=json.loads(sys.argv[3]))
print(json.dumps({"seconds": time.perf_counter() - started,
                  "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

PAGE = r"""
#set page(width: {width}pt, height: {height}pt, columns: {columns},
          margin: (left: {left}pt, right: {right}pt, top: {top}pt, bottom: {bottom}pt))
#set columns(gutter: {gutter}pt)
#set text(font: {fonts}, size: {size}pt, lang: "{lang}", hyphenate: true,
          top-edge: 0.75em, bottom-edge: -0.25em)
#set par(justify: true, leading: {gap}pt, spacing: {gap}pt, first-line-indent: {indent}pt)
#let arts = json("articles.json")
#for a in arts [
  #block(above: 14pt, below: 6pt, text(font: {head_fonts}, weight: "bold", size: 17pt,
         hyphenate: false, par(justify: false, leading: 3pt, a.headline)))
  #for d in a.deck [ #block(below: 4pt, text(size: 11pt, hyphenate: false,
         par(justify: false, d))) ]
  #if a.byline != "" [ #block(below: 4pt, text(size: 8pt, weight: "bold", a.byline)) ]
  #for p in a.photos [
    #block(below: 6pt)[
      #image(p.file, width: 100%)
      #text(size: 7pt, hyphenate: false, par(justify: false, p.caption + " " + p.credit))
    ]
  ]
  #for p in a.body [ #par(p) ]
  #block(above: 3pt, text(size: 7pt, hyphenate: false, par(justify: false, a.copyright)))
]
"""


def articles_of(edition: Path) -> list[dict]:
    """The edition's Markdown articles as plain fields (front matter and paragraphs)."""
    found = []
    for path in sorted((edition / "articles").glob("*.md")):
        _, front, body = path.read_text(encoding="utf-8").split("---", 2)
        meta = yaml.safe_load(front) or {}
        deck = meta.get("deck") or []
        found.append({
            "headline": meta.get("headline", ""),
            "deck": [deck] if isinstance(deck, str) else list(deck),
            "byline": meta.get("byline") or "",
            "copyright": meta.get("copyright") or "",
            "photos": [{"file": "/" + image["file"], "caption": image.get("caption", ""),
                        "credit": image.get("credit", "")}
                       for image in meta.get("images") or []],
            "body": [p.strip().replace("\n", " ") for p in body.split("\n\n") if p.strip()],
        })
    return found


def typst_source(edition: Path, work: Path) -> tuple[Path, list[str]]:
    """Write ``main.typ`` and ``articles.json`` into ``work`` (the edition's images linked
    beside them); return the source and the font folders."""
    _, sheet = load(edition)
    page, body = sheet.page, sheet.styles["body"]
    from fontTools.ttLib import TTFont

    def families(names) -> str:
        found = [TTFont(str(sheet.fonts[n].regular))["name"].getDebugName(1) for n in names]
        return "(" + ", ".join(f'"{f}"' for f in found) + ")"

    source = PAGE.format(
        width=page.width, height=page.height, columns=page.columns, gutter=page.gutter,
        left=page.margin_inside, right=page.margin_outside, top=page.margin_top,
        bottom=page.margin_bottom, fonts=families(body.fonts),
        head_fonts=families(sheet.headlines[0].fonts), size=body.size,
        gap=round(body.leading - body.size, 3), indent=body.first_indent,
        lang=load(edition)[0].lang)
    (work / "images").symlink_to((edition / "images").resolve())
    (work / "articles.json").write_text(json.dumps(articles_of(edition), ensure_ascii=False),
                                        encoding="utf-8")
    main = work / "main.typ"
    main.write_text(source, encoding="utf-8")
    return main, sorted({str(Path(sheet.fonts[n].regular).parent) for n in sheet.fonts})


def run(script: str, *args: str) -> dict:
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True,
                          text=True, cwd=ROOT)
    if done.returncode:
        raise SystemExit(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("edition", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2, help="Newsprint's processes")
    args = parser.parse_args()
    try:
        import typst  # noqa: F401
    except ImportError:
        print("typst is not installed: .venv/bin/pip install typst")
        return 1
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        (work / "typst").mkdir()
        main_typ, fonts = typst_source(args.edition, work / "typst")
        ours, theirs = [], []
        for _ in range(args.runs):
            ours.append(run(NEWSPRINT, str(args.edition), str(work / "newsprint"),
                            str(args.workers)))
            theirs.append(run(TYPST, str(main_typ), str(work / "typst.pdf"), json.dumps(fonts)))
        typst_pages = _pages(work / "typst.pdf")
        newsprint_size = (work / "newsprint" / "edition.pdf").stat().st_size
        typst_size = (work / "typst.pdf").stat().st_size
    ours_s = statistics.median(r["seconds"] for r in ours)
    theirs_s = statistics.median(r["seconds"] for r in theirs)
    print(f"edition {args.edition}  ({args.runs} runs each, interleaved, medians)")
    print(f"{'':10}{'seconds':>10}{'peak MiB':>10}{'pages':>7}{'PDF MiB':>9}   runs")
    print(f"{'Newsprint':10}{ours_s:>10.2f}{max(r['peak_mib'] for r in ours):>10.0f}"
          f"{ours[0]['pages']:>7}{newsprint_size / 2**20:>9.1f}   "
          + " ".join(f"{r['seconds']:.2f}" for r in ours))
    print(f"{'Typst':10}{theirs_s:>10.2f}{max(r['peak_mib'] for r in theirs):>10.0f}"
          f"{typst_pages:>7}{typst_size / 2**20:>9.1f}   "
          + " ".join(f"{r['seconds']:.2f}" for r in theirs))
    print(f"Newsprint's forked helper: peak {max(r['child_peak_mib'] for r in ours):.0f} MiB "
          f"(its pages shared with the parent counted again); workers {args.workers}")
    print(f"ratio Newsprint/Typst: {ours_s / theirs_s:.2f} (target ≤ 1.00)")
    return 0


def _pages(pdf: Path) -> int:
    import pypdfium2
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        return len(document)
    finally:
        document.close()


if __name__ == "__main__":
    raise SystemExit(main())
