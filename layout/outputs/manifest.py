"""Stage 6 (outputs): pagination → manifest.json — where every article went, in points.

Schema (version 1):
  edition: {title, date, issue, style, pages}
  grid: {columns, rows, masthead_rows}   (the page grid the pages were made on)
  locks: {pages: [page numbers kept from the previous build (--lock)],
          overset: [{article, part, page, lines}]  (body lines of a locked module not printed)}
  typesetting: {lines, loose_15, loose_20, tight, hyphenated, longest_ladder, keeps_fixed,
                keeps_left, emergency, loosest: {page, ratio, text}}   (see typestats.py)
  pages: [{number, section, articles: [ids], fill: share of the grid the modules cover,
           holes: share of the page grid left as white holes (runs of 3+ empty grid lines in
           a column, as a reader — or pdfcheck — sees them; copyfitting included),
           modules: [{article, part, column, row, columns, lines, jumps, filler, body,
                      reach, smaller, even}] (grid units; body: lines the text was poured
                      into, reach: lines from the top that copyfitting fills, smaller: the head
                      set that many sizes down, even: the body poured evenly over the columns
                      — what a locked rebuild keeps),
           typesetting: {… as above, for the page}}]
  articles: [{id, file, headline, pages: [..], parts: [{part, page, boxes: [{kind, x, y,
             width, height}], lines: {kind: count}}]}]
             (boxes in PDF points, origin bottom-left; y = bottom edge; lines: the set lines
             the part prints, by kind — headline, deck, byline, body, caption, … — counted
             from the draws' Origin)
  jumps: [{article, part, from_page, to_page}]
  diagnostics: [{kind, message, file, line}]
"""
from __future__ import annotations

import json
from pathlib import Path

from ..compose.draws import TextDraw
from ..errors import Diagnostic
from ..model import Edition
from ..paginate.pages import Pagination
from .files import write_text_atomically
from .typestats import TypeStats


def manifest_data(edition: Edition, style_name: str, pagination: Pagination,
                  diagnostics: list[Diagnostic], typesetting: TypeStats,
                  page_typesetting: list[TypeStats]) -> dict:
    lines = _lines_by_part(pagination)
    articles = []
    for article in edition.articles:
        parts: dict[int, dict] = {}
        for page in pagination.pages:
            for box in page.boxes:
                if box.article != article.id:
                    continue
                part = parts.setdefault(box.part, {"part": box.part, "page": page.number,
                                                   "boxes": []})
                part["boxes"].append({"kind": box.kind, "x": round(box.x, 2),
                                      "y": round(box.y, 2), "width": round(box.width, 2),
                                      "height": round(box.height, 2)})
        for key, part in parts.items():
            part["lines"] = lines.get((article.id, key), {})
        ordered = [parts[key] for key in sorted(parts)]
        articles.append({
            "id": article.id,
            "file": str(article.file),
            "headline": article.headline,
            "pages": sorted({part["page"] for part in ordered}),
            "parts": ordered,
        })
    return {
        "version": 1,
        "edition": {"title": edition.title, "date": edition.date.isoformat(),
                    "issue": edition.issue, "style": style_name,
                    "pages": len(pagination.pages)},
        "grid": {"columns": pagination.grid[0], "rows": pagination.grid[1],
                 "masthead_rows": pagination.grid[2]},
        "locks": {"pages": list(pagination.locked),
                  "overset": [{"article": o.article, "part": o.part, "page": o.page,
                               "lines": o.lines} for o in pagination.overset]},
        "typesetting": typesetting.as_dict(),
        "pages": [{"number": page.number, "section": page.section,
                   "articles": list(page.articles),
                   "fill": round(page.rows_used / page.rows_total, 4) if page.rows_total else 0,
                   "holes": round(page.hole_lines / page.grid_lines, 4) if page.grid_lines else 0,
                   "modules": [{"article": m.article, "part": m.part, "column": m.column,
                                "row": m.row, "columns": m.columns, "lines": m.lines,
                                "jumps": m.jumps, "filler": m.filler, "body": m.body,
                                "reach": m.reach, "smaller": m.smaller, "even": m.even}
                               for m in page.modules],
                   "ads": [{"file": a.ad.source, "column": a.column, "row": a.row,
                            "columns": a.columns, "lines": a.lines,
                            "position": a.ad.position} for a in page.ads],
                   "typesetting": stats.as_dict()}
                  for page, stats in zip(pagination.pages, page_typesetting)],
        "articles": articles,
        "jumps": [{"article": j.article, "part": j.part, "from_page": j.from_page,
                   "to_page": j.to_page} for j in pagination.jumps],
        "diagnostics": [{"kind": d.kind, "message": d.message, "file": d.file, "line": d.line}
                        for d in diagnostics],
    }


def _lines_by_part(pagination: Pagination) -> dict[tuple[str, int], dict[str, int]]:
    """{(article, part): {kind: set lines}}, read from each text draw's Origin."""
    found: dict[tuple[str, int], dict[str, int]] = {}
    for page in pagination.pages:
        for draw in page.draws:
            if isinstance(draw, TextDraw) and draw.origin.article:
                counts = found.setdefault((draw.origin.article, draw.origin.part), {})
                counts[draw.role] = counts.get(draw.role, 0) + 1
    return found


def write_json_atomically(data: dict, path: Path) -> None:
    write_text_atomically(json.dumps(data, ensure_ascii=False, indent=1) + "\n", path)
