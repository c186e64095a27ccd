"""Side by side: the same articles set by Newsprint and by Typst, measured from the PDFs.

Builds EDITION with Newsprint, sets the same articles (headline, body, copyright line, from
EDITION/articles.jsonl) with Typst in the same page, columns, gutter, body font, size and
leading (justified, hyphenated, Knuth–Plass), then runs the independent checker pdfcheck on
both PDFs and prints their figures next to each other. Typst is optional (PyPI ``typst``);
pdfcheck is the project's measuring instrument (``--pdfcheck PATH``, by default
``../shared/tools/pdfcheck`` next to the checkout, when present).

    .venv/bin/pip install typst
    .venv/bin/python benchmarks/compare_typst.py editions/defense-daily-en
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from layout.build import build_edition  # noqa: E402

TEMPLATE = r"""
#let arts = json("articles.json")
#set page(width: {width}pt, height: {height}pt, columns: {columns},
          margin: (left: {left}pt, right: {right}pt, top: {top}pt, bottom: {bottom}pt))
#set columns(gutter: {gutter}pt)
#set text(font: {fonts}, size: {size}pt, lang: "{lang}", hyphenate: true,
          top-edge: 0.75em, bottom-edge: -0.25em)
#set par(justify: true, leading: {leading_gap}pt, spacing: {leading_gap}pt,
         first-line-indent: {indent}pt)
#for a in arts [
  #block(above: 14pt, below: 6pt, text(weight: "bold", size: 17pt, hyphenate: false,
         par(justify: false, leading: 3pt, a.headline)))
  #for p in a.body [ #par(p) ]
  #block(above: 3pt, text(size: 7pt, hyphenate: false, par(justify: false, a.copyright)))
]
"""

FIGURES = [
    ("lost words", lambda j: j["completeness"]["totals"].get("words_lost")),
    ("word space median", lambda j: j["justification"].get("gap_ratio", {}).get("median")),
    ("word space p95", lambda j: j["justification"].get("gap_ratio", {}).get("p95")),
    ("lines > 1.5x", lambda j: j["justification"]["loose_lines_share"][">1.5"]),
    ("lines > 2x", lambda j: j["justification"]["loose_lines_share"][">2.0"]),
    ("hyphenated ends", lambda j: j["justification"].get("hyphenated_line_ends_share")),
    ("longest hyphen run", lambda j: j["justification"].get("longest_hyphen_run")),
    ("lines on grid", lambda j: j["baseline_grid"].get("share_on_grid")),
    ("letter-spaced > 0.01em", lambda j: j["justification"]["letter_spacing_em"]
     ["lines_over_0.01em_share"]),
    ("pages", lambda j: j["facts"].get("page_count")),
]


def typst_pdf(edition: Path, style, out: Path) -> Path:
    import typst
    page, body = style.page, style.styles["body"]
    families = []
    for name in body.fonts:
        from fontTools.ttLib import TTFont
        families.append(TTFont(str(style.fonts[name].regular))["name"].getDebugName(1))
    source = TEMPLATE.format(
        width=page.width, height=page.height, columns=page.columns, gutter=page.gutter,
        left=page.margin_inside, right=page.margin_outside, top=page.margin_top,
        bottom=page.margin_bottom, fonts="(" + ", ".join(f'"{f}"' for f in families) + ")",
        size=body.size, leading_gap=round(body.leading - body.size, 3), indent=body.first_indent,
        lang="ko" if "ko" in edition.name else "en")
    work = out / "typst"
    work.mkdir(parents=True, exist_ok=True)
    articles = [json.loads(line) for line in
                (edition / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    (work / "articles.json").write_text(json.dumps(articles, ensure_ascii=False),
                                        encoding="utf-8")
    (work / "main.typ").write_text(source, encoding="utf-8")
    pdf = out / "typst.pdf"
    fonts = sorted({str(Path(style.fonts[n].regular).parent) for n in style.fonts})
    typst.compile(str(work / "main.typ"), output=str(pdf), font_paths=fonts)
    return pdf


def measure(pdfcheck: Path, pdf: Path, articles: Path, out: Path) -> dict:
    report = out / (pdf.stem + ".json")
    subprocess.run([str(pdfcheck), str(pdf), "--articles", str(articles), "--json", str(report)],
                   check=True, capture_output=True)
    return json.loads(report.read_text(encoding="utf-8"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("edition", type=Path)
    parser.add_argument("--pdfcheck", type=Path, default=ROOT.parent / "shared/tools/pdfcheck")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        out = Path(temporary)
        ours = build_edition(args.edition, out=out / "newsprint")
        pdfs = {"Newsprint": ours.pdf}
        try:
            pdfs["Typst"] = typst_pdf(args.edition, ours.style, out)
        except ImportError:
            print("typst is not installed (pip install typst): Newsprint only")
        if not args.pdfcheck.exists():
            print(f"no pdfcheck at {args.pdfcheck}; PDFs written to {out}")
            return 1
        results = {name: measure(args.pdfcheck, pdf, args.edition / "articles.jsonl", out)
                   for name, pdf in pdfs.items()}
        print(f"{'figure (pdfcheck)':<22}" + "".join(f"{name:>12}" for name in results))
        for label, get in FIGURES:
            cells = []
            for data in results.values():
                try:
                    value = get(data)
                except (KeyError, TypeError):
                    value = None
                cells.append("-" if value is None else
                             f"{value:.3f}" if isinstance(value, float) else str(value))
            print(f"{label:<22}" + "".join(f"{cell:>12}" for cell in cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
